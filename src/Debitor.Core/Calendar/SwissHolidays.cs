using System.Collections.Immutable;

namespace Debitor.Core.Calendar;

/// <summary>
/// The Swiss public holidays as data: the federal Bundesfeiertag and the holidays observed in (almost) every canton.
/// </summary>
/// <remarks>
/// Public holidays in Switzerland are cantonal law; only 1 August is federal (work-free nationwide since 1994).
/// The set here is the one common to the large majority of cantons: Neujahrstag, Karfreitag, Ostermontag, Auffahrt,
/// Pfingstmontag, Bundesfeiertag, Weihnachtstag and Stephanstag. Not all of them are holidays in every canton
/// (Karfreitag, for example, is not one in Ticino and Valais): hosts in such cantons, and hosts that need
/// further cantonal holidays (Berchtoldstag, Tag der Arbeit, Fronleichnam, Eidgenössischer Dank-, Buss- und Bettag
/// Monday, Allerheiligen, Mariä Empfängnis, ...), build their own calendar from rules.
/// </remarks>
internal static class SwissHolidays
{
    /// <summary>Gets the federal holiday and the commonly observed cantonal holidays.</summary>
    internal static ImmutableArray<HolidayRule> Common { get; } =
    [
        HolidayRule.Fixed("new-years-day", "Neujahrstag", "New Year's Day", 1, 1),
        HolidayRule.EasterOffset("good-friday", "Karfreitag", "Good Friday", -2),
        HolidayRule.EasterOffset("easter-monday", "Ostermontag", "Easter Monday", 1),
        HolidayRule.EasterOffset("ascension-day", "Auffahrt", "Ascension Day", 39),
        HolidayRule.EasterOffset("whit-monday", "Pfingstmontag", "Whit Monday", 50),
        HolidayRule.Fixed("national-day", "Bundesfeiertag", "Swiss National Day", 8, 1).ValidFrom(1994),
        HolidayRule.Fixed("christmas-day", "Weihnachtstag", "Christmas Day", 12, 25),
        HolidayRule.Fixed("st-stephens-day", "Stephanstag", "St. Stephen's Day", 12, 26),
    ];
}
