using System.Collections.Immutable;

namespace Debitor.Core.Calendar;

/// <summary>
/// The Austrian public holidays as data: the thirteen days the federal Arbeitsruhegesetz makes non-working
/// throughout Austria.
/// </summary>
/// <remarks>
/// Not included: Karfreitag (until 2018 a holiday only for members of certain churches, since 2019 replaced by an
/// employee's "persönlicher Feiertag"), Ostersonntag and Pfingstsonntag (Sundays anyway), 24 and 31 December
/// (not public holidays), and the provincial patron saints' days (not generally work-free).
/// The Nationalfeiertag has been a work-free public holiday since 1967.
/// </remarks>
internal static class AustrianHolidays
{
    /// <summary>Gets the rules that apply throughout Austria.</summary>
    internal static ImmutableArray<HolidayRule> Nationwide { get; } =
    [
        HolidayRule.Fixed("new-years-day", "Neujahr", "New Year's Day", 1, 1),
        HolidayRule.Fixed("epiphany", "Heilige Drei Könige", "Epiphany", 1, 6),
        HolidayRule.EasterOffset("easter-monday", "Ostermontag", "Easter Monday", 1),
        HolidayRule.Fixed("labour-day", "Staatsfeiertag", "Labour Day", 5, 1),
        HolidayRule.EasterOffset("ascension-day", "Christi Himmelfahrt", "Ascension Day", 39),
        HolidayRule.EasterOffset("whit-monday", "Pfingstmontag", "Whit Monday", 50),
        HolidayRule.EasterOffset("corpus-christi", "Fronleichnam", "Corpus Christi", 60),
        HolidayRule.Fixed("assumption-day", "Mariä Himmelfahrt", "Assumption Day", 8, 15),
        HolidayRule.Fixed("national-day", "Nationalfeiertag", "National Day", 10, 26).ValidFrom(1967),
        HolidayRule.Fixed("all-saints-day", "Allerheiligen", "All Saints' Day", 11, 1),
        HolidayRule.Fixed("immaculate-conception", "Mariä Empfängnis", "Immaculate Conception", 12, 8),
        HolidayRule.Fixed("christmas-day", "Christtag", "Christmas Day", 12, 25),
        HolidayRule.Fixed("st-stephens-day", "Stefanitag", "St. Stephen's Day", 12, 26),
    ];
}
