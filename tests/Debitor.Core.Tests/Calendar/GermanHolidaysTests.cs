using Debitor.Core.Calendar;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class GermanHolidaysTests
{
    private static readonly BusinessCalendar Germany = BusinessCalendar.Germany();

    [Fact]
    public void Nationwide_2026_ListsTheNineHolidaysInDateOrder()
    {
        var holidays = Germany.HolidaysIn(2026);

        Assert.Equal(
            [
                (1.January(2026), "new-years-day", "Neujahr"),
                (3.April(2026), "good-friday", "Karfreitag"),
                (6.April(2026), "easter-monday", "Ostermontag"),
                (1.May(2026), "labour-day", "Tag der Arbeit"),
                (14.May(2026), "ascension-day", "Christi Himmelfahrt"),
                (25.May(2026), "whit-monday", "Pfingstmontag"),
                (3.October(2026), "german-unity-day", "Tag der Deutschen Einheit"),
                (25.December(2026), "christmas-day", "1. Weihnachtstag"),
                (26.December(2026), "st-stephens-day", "2. Weihnachtstag"),
            ],
            holidays.Select(h => (h.Date, h.Key, h.Name)));
    }

    [Fact]
    public void Nationwide_Always_HasEnglishNames()
    {
        var holiday = Germany.HolidaysIn(2026).Single(h => h.Key == "german-unity-day");

        Assert.Equal("German Unity Day", holiday.EnglishName);
    }

    [Fact]
    public void Nationwide_2017_IncludesOneOffReformationDay()
    {
        Assert.True(Germany.IsHoliday(31.October(2017)));
        Assert.False(Germany.IsHoliday(31.October(2016)));
        Assert.False(Germany.IsHoliday(31.October(2018)));
    }

    [Fact]
    public void Nationwide_1989_HasNoGermanUnityDay()
    {
        Assert.False(Germany.IsHoliday(3.October(1989)));
        Assert.True(Germany.IsHoliday(3.October(1990)));
        Assert.DoesNotContain(Germany.HolidaysIn(1989), h => h.Key == "german-unity-day");
    }

    [Fact]
    public void Nationwide_Until1994_IncludesRepentanceDay()
    {
        Assert.True(Germany.IsHoliday(16.November(1994)));
        Assert.False(Germany.IsHoliday(22.November(1995)));
    }

    [Fact]
    public void Nationwide_2008_ListsAscensionDayAndLabourDayOnTheSameDate()
    {
        // Easter 2008 was on 23 March, so Ascension Day fell on 1 May.
        var onFirstOfMay = Germany.HolidaysIn(2008).Where(h => h.Date == 1.May(2008)).Select(h => h.Key);

        Assert.Equal(["labour-day", "ascension-day"], onFirstOfMay);
    }

    [Fact]
    public void Bayern_2026_AddsEpiphanyCorpusChristiAllSaints()
    {
        var bayern = BusinessCalendar.Germany(GermanState.Bayern);

        Assert.True(bayern.IsHoliday(6.January(2026)));
        Assert.True(bayern.IsHoliday(4.June(2026)));
        Assert.True(bayern.IsHoliday(1.November(2026)));
        Assert.Equal(12, bayern.HolidaysIn(2026).Count);
    }

    [Fact]
    public void Bayern_AssumptionDay_IsLeftToTheHostBecauseItIsNotStatewide()
    {
        Assert.False(BusinessCalendar.Germany(GermanState.Bayern).IsHoliday(15.August(2025)));
        Assert.True(BusinessCalendar.Germany(GermanState.Saarland).IsHoliday(15.August(2025)));
    }

    [Fact]
    public void Sachsen_2026_AddsRepentanceDayAndReformationDay()
    {
        var sachsen = BusinessCalendar.Germany(GermanState.Sachsen);

        Assert.True(sachsen.IsHoliday(18.November(2026)));
        Assert.True(sachsen.IsHoliday(31.October(2026)));
        Assert.False(Germany.IsHoliday(18.November(2026)));
        Assert.False(sachsen.IsHoliday(4.June(2026))); // Fronleichnam only in some municipalities
    }

    [Fact]
    public void Berlin_WomensDay_IsHolidayFrom2019()
    {
        var berlin = BusinessCalendar.Germany(GermanState.Berlin);

        Assert.True(berlin.IsHoliday(8.March(2026)));
        Assert.True(berlin.IsHoliday(8.March(2019)));
        Assert.False(berlin.IsHoliday(8.March(2018)));
        Assert.False(Germany.IsHoliday(8.March(2026)));
    }

    [Fact]
    public void Berlin_LiberationDay_IsHolidayIn2020And2025Only()
    {
        var berlin = BusinessCalendar.Germany(GermanState.Berlin);

        Assert.True(berlin.IsHoliday(8.May(2020)));
        Assert.True(berlin.IsHoliday(8.May(2025)));
        Assert.False(berlin.IsHoliday(8.May(2024)));
        Assert.False(berlin.IsHoliday(8.May(2026)));
    }

    [Fact]
    public void MecklenburgVorpommern_WomensDay_IsHolidayFrom2023()
    {
        var mv = BusinessCalendar.Germany(GermanState.MecklenburgVorpommern);

        Assert.True(mv.IsHoliday(8.March(2023)));
        Assert.False(mv.IsHoliday(8.March(2022)));
        Assert.True(mv.IsHoliday(31.October(2022)));
    }

    [Fact]
    public void Thueringen_WorldChildrensDay_IsHolidayFrom2019()
    {
        var thueringen = BusinessCalendar.Germany(GermanState.Thueringen);

        Assert.True(thueringen.IsHoliday(20.September(2019)));
        Assert.False(thueringen.IsHoliday(20.September(2018)));
    }

    [Theory]
    [InlineData(GermanState.Bremen)]
    [InlineData(GermanState.Hamburg)]
    [InlineData(GermanState.Niedersachsen)]
    [InlineData(GermanState.SchleswigHolstein)]
    public void NorthernStates_ReformationDay_IsHolidayFrom2018(GermanState state)
    {
        var calendar = BusinessCalendar.Germany(state);

        Assert.True(calendar.IsHoliday(31.October(2018)));
        Assert.True(calendar.IsHoliday(31.October(2017))); // nationwide one-off
        Assert.False(calendar.IsHoliday(31.October(2016)));
    }

    [Theory]
    [InlineData(GermanState.Brandenburg)]
    [InlineData(GermanState.MecklenburgVorpommern)]
    [InlineData(GermanState.Sachsen)]
    [InlineData(GermanState.SachsenAnhalt)]
    [InlineData(GermanState.Thueringen)]
    public void EasternStates_ReformationDay_IsHolidayEveryYear(GermanState state)
    {
        var calendar = BusinessCalendar.Germany(state);

        Assert.True(calendar.IsHoliday(31.October(2005)));
        Assert.Single(calendar.HolidaysIn(2017), h => h.Key == "reformation-day");
    }

    [Theory]
    [InlineData(GermanState.BadenWuerttemberg, true)]
    [InlineData(GermanState.Bayern, true)]
    [InlineData(GermanState.SachsenAnhalt, true)]
    [InlineData(GermanState.Berlin, false)]
    [InlineData(GermanState.Hessen, false)]
    public void Epiphany_ByState_IsHolidayWhereStateLawSaysSo(GermanState state, bool expected) =>
        Assert.Equal(expected, BusinessCalendar.Germany(state).IsHoliday(6.January(2026)));

    [Theory]
    [InlineData(GermanState.BadenWuerttemberg, true)]
    [InlineData(GermanState.Bayern, true)]
    [InlineData(GermanState.Hessen, true)]
    [InlineData(GermanState.NordrheinWestfalen, true)]
    [InlineData(GermanState.RheinlandPfalz, true)]
    [InlineData(GermanState.Saarland, true)]
    [InlineData(GermanState.Sachsen, false)]
    [InlineData(GermanState.Thueringen, false)]
    [InlineData(GermanState.Niedersachsen, false)]
    public void CorpusChristi_ByState_IsHolidayWhereItAppliesStatewide(GermanState state, bool expected) =>
        Assert.Equal(expected, BusinessCalendar.Germany(state).IsHoliday(4.June(2026)));

    [Theory]
    [InlineData(GermanState.BadenWuerttemberg, true)]
    [InlineData(GermanState.Bayern, true)]
    [InlineData(GermanState.NordrheinWestfalen, true)]
    [InlineData(GermanState.RheinlandPfalz, true)]
    [InlineData(GermanState.Saarland, true)]
    [InlineData(GermanState.Hessen, false)]
    [InlineData(GermanState.Sachsen, false)]
    public void AllSaintsDay_ByState_IsHolidayWhereStateLawSaysSo(GermanState state, bool expected) =>
        Assert.Equal(expected, BusinessCalendar.Germany(state).IsHoliday(1.November(2027)));

    [Fact]
    public void Brandenburg_EasterSundayAndWhitSunday_AreListed()
    {
        var keys = BusinessCalendar.Germany(GermanState.Brandenburg).HolidaysIn(2026).Select(h => h.Key).ToList();

        Assert.Contains("easter-sunday", keys);
        Assert.Contains("whit-sunday", keys);
    }

    [Theory]
    [InlineData(GermanState.BadenWuerttemberg, 12)]
    [InlineData(GermanState.Bayern, 12)]
    [InlineData(GermanState.Berlin, 10)]
    [InlineData(GermanState.Brandenburg, 12)] // incl. Ostersonntag and Pfingstsonntag
    [InlineData(GermanState.Bremen, 10)]
    [InlineData(GermanState.Hamburg, 10)]
    [InlineData(GermanState.Hessen, 10)]
    [InlineData(GermanState.MecklenburgVorpommern, 11)]
    [InlineData(GermanState.Niedersachsen, 10)]
    [InlineData(GermanState.NordrheinWestfalen, 11)]
    [InlineData(GermanState.RheinlandPfalz, 11)]
    [InlineData(GermanState.Saarland, 12)]
    [InlineData(GermanState.Sachsen, 11)]
    [InlineData(GermanState.SachsenAnhalt, 11)]
    [InlineData(GermanState.SchleswigHolstein, 10)]
    [InlineData(GermanState.Thueringen, 11)]
    public void For_EachState2026_HasExpectedNumberOfHolidays(GermanState state, int expected) =>
        Assert.Equal(expected, BusinessCalendar.Germany(state).HolidaysIn(2026).Count);

    [Fact]
    public void For_EveryState_StartsWithTheNationwideRules()
    {
        foreach (var state in Enum.GetValues<GermanState>())
        {
            var rules = GermanHolidays.For(state);

            Assert.Equal(GermanHolidays.Nationwide, rules.Take(GermanHolidays.Nationwide.Length));
        }
    }

    [Fact]
    public void For_UndefinedState_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GermanHolidays.For((GermanState)0));
}
