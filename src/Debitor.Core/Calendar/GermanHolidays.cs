using System.Collections.Immutable;

namespace Debitor.Core.Calendar;

/// <summary>
/// The German public holidays as data: the nine nationwide holidays fixed by federal law and the
/// Einigungsvertrag, and the holidays each state's Feiertagsgesetz adds throughout that state.
/// </summary>
/// <remarks>
/// Only holidays that apply in the whole state are included. Holidays of parts of a state are left to the host:
/// Mariä Himmelfahrt in the predominantly Catholic municipalities of Bayern, the Augsburger Friedensfest,
/// Fronleichnam in some municipalities of Sachsen and Thüringen. Ostersonntag and Pfingstsonntag are listed
/// only where a state law names them (Brandenburg); they fall on Sundays and never change a business day.
/// Rules are modelled from reunification on: earlier history (17 June, or Buß- und Bettag before 1990)
/// is outside their scope, except that Buß- und Bettag stays a nationwide holiday until its abolition after 1994.
/// </remarks>
internal static class GermanHolidays
{
    // Nationwide.
    private static readonly HolidayRule NewYearsDay = HolidayRule.Fixed("new-years-day", "Neujahr", "New Year's Day", 1, 1);
    private static readonly HolidayRule GoodFriday = HolidayRule.EasterOffset("good-friday", "Karfreitag", "Good Friday", -2);
    private static readonly HolidayRule EasterMonday = HolidayRule.EasterOffset("easter-monday", "Ostermontag", "Easter Monday", 1);
    private static readonly HolidayRule LabourDay = HolidayRule.Fixed("labour-day", "Tag der Arbeit", "Labour Day", 5, 1);
    private static readonly HolidayRule AscensionDay = HolidayRule.EasterOffset("ascension-day", "Christi Himmelfahrt", "Ascension Day", 39);
    private static readonly HolidayRule WhitMonday = HolidayRule.EasterOffset("whit-monday", "Pfingstmontag", "Whit Monday", 50);
    private static readonly HolidayRule GermanUnityDay =
        HolidayRule.Fixed("german-unity-day", "Tag der Deutschen Einheit", "German Unity Day", 10, 3).ValidFrom(1990);
    private static readonly HolidayRule ChristmasDay = HolidayRule.Fixed("christmas-day", "1. Weihnachtstag", "Christmas Day", 12, 25);
    private static readonly HolidayRule SecondChristmasDay =
        HolidayRule.Fixed("st-stephens-day", "2. Weihnachtstag", "St. Stephen's Day", 12, 26);
    private static readonly HolidayRule ReformationDay2017 =
        HolidayRule.Once("reformation-day", "Reformationstag", "Reformation Day", new LocalDate(2017, 10, 31));
    private static readonly HolidayRule RepentanceDayNationwide = RepentanceDay().ValidUntil(1994);

    // States.
    private static readonly HolidayRule Epiphany = HolidayRule.Fixed("epiphany", "Heilige Drei Könige", "Epiphany", 1, 6);
    private static readonly HolidayRule WomensDay =
        HolidayRule.Fixed("international-womens-day", "Internationaler Frauentag", "International Women's Day", 3, 8);
    private static readonly HolidayRule EasterSunday = HolidayRule.EasterOffset("easter-sunday", "Ostersonntag", "Easter Sunday", 0);
    private static readonly HolidayRule WhitSunday = HolidayRule.EasterOffset("whit-sunday", "Pfingstsonntag", "Whit Sunday", 49);
    private static readonly HolidayRule CorpusChristi = HolidayRule.EasterOffset("corpus-christi", "Fronleichnam", "Corpus Christi", 60);
    private static readonly HolidayRule AssumptionDay = HolidayRule.Fixed("assumption-day", "Mariä Himmelfahrt", "Assumption Day", 8, 15);
    private static readonly HolidayRule WorldChildrensDay =
        HolidayRule.Fixed("world-childrens-day", "Weltkindertag", "World Children's Day", 9, 20).ValidFrom(2019);
    private static readonly HolidayRule ReformationDay = HolidayRule.Fixed("reformation-day", "Reformationstag", "Reformation Day", 10, 31);
    private static readonly HolidayRule AllSaintsDay = HolidayRule.Fixed("all-saints-day", "Allerheiligen", "All Saints' Day", 11, 1);
    private static readonly HolidayRule LiberationDay2020 = LiberationDay(2020);
    private static readonly HolidayRule LiberationDay2025 = LiberationDay(2025);

    /// <summary>Gets the rules that apply throughout Germany.</summary>
    internal static ImmutableArray<HolidayRule> Nationwide { get; } =
    [
        NewYearsDay,
        GoodFriday,
        EasterMonday,
        LabourDay,
        AscensionDay,
        WhitMonday,
        GermanUnityDay,
        ChristmasDay,
        SecondChristmasDay,
        ReformationDay2017,
        RepentanceDayNationwide,
    ];

    /// <summary>Returns the nationwide rules followed by the rules <paramref name="state"/> adds.</summary>
    /// <param name="state">A defined state.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined state.</exception>
    internal static ImmutableArray<HolidayRule> For(GermanState state) => Nationwide.AddRange(StateRules(state));

    private static ImmutableArray<HolidayRule> StateRules(GermanState state) => state switch
    {
        GermanState.BadenWuerttemberg => [Epiphany, CorpusChristi, AllSaintsDay],
        GermanState.Bayern => [Epiphany, CorpusChristi, AllSaintsDay],
        GermanState.Berlin => [WomensDay.ValidFrom(2019), LiberationDay2020, LiberationDay2025],
        GermanState.Brandenburg => [EasterSunday, WhitSunday, ReformationDay],
        GermanState.Bremen => [ReformationDay.ValidFrom(2018)],
        GermanState.Hamburg => [ReformationDay.ValidFrom(2018)],
        GermanState.Hessen => [CorpusChristi],
        GermanState.MecklenburgVorpommern => [WomensDay.ValidFrom(2023), ReformationDay],
        GermanState.Niedersachsen => [ReformationDay.ValidFrom(2018)],
        GermanState.NordrheinWestfalen => [CorpusChristi, AllSaintsDay],
        GermanState.RheinlandPfalz => [CorpusChristi, AllSaintsDay],
        GermanState.Saarland => [CorpusChristi, AssumptionDay, AllSaintsDay],
        GermanState.Sachsen => [ReformationDay, RepentanceDay()],
        GermanState.SachsenAnhalt => [Epiphany, ReformationDay],
        GermanState.SchleswigHolstein => [ReformationDay.ValidFrom(2018)],
        GermanState.Thueringen => [WorldChildrensDay, ReformationDay],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a German state."),
    };

    // Buß- und Bettag: the Wednesday before 23 November, i.e. eleven days before the first Sunday of Advent.
    private static HolidayRule RepentanceDay() =>
        HolidayRule.WeekdayBefore("repentance-and-prayer-day", "Buß- und Bettag", "Day of Repentance and Prayer", IsoDayOfWeek.Wednesday, 11, 23);

    // Berlin's one-off holidays on round anniversaries of the end of the Second World War in Europe.
    private static HolidayRule LiberationDay(int year) =>
        HolidayRule.Once("liberation-day", "Tag der Befreiung", "Liberation Day", new LocalDate(year, 5, 8));
}
