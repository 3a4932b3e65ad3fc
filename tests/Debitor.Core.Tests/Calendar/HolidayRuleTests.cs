using Debitor.Core.Calendar;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class HolidayRuleTests
{
    private static readonly HolidayRule ChristmasDay = HolidayRule.Fixed("christmas-day", "1. Weihnachtstag", "Christmas Day", 12, 25);

    [Fact]
    public void Fixed_AnyYear_ReturnsSameDayOfYear()
    {
        Assert.Equal(25.December(2026), ChristmasDay.DateIn(2026));
        Assert.Equal(25.December(1600), ChristmasDay.DateIn(1600));
    }

    [Fact]
    public void Fixed_Properties_KeepKeyAndNames()
    {
        Assert.Equal("christmas-day", ChristmasDay.Key);
        Assert.Equal("1. Weihnachtstag", ChristmasDay.Name);
        Assert.Equal("Christmas Day", ChristmasDay.EnglishName);
        Assert.Null(ChristmasDay.FirstYear);
        Assert.Null(ChristmasDay.LastYear);
    }

    [Fact]
    public void Fixed_LeapDay_OccursInLeapYearsOnly()
    {
        var rule = HolidayRule.Fixed("leap-day", "Schalttag", "Leap Day", 2, 29);

        Assert.Equal(29.February(2024), rule.DateIn(2024));
        Assert.Null(rule.DateIn(2025));
        Assert.Null(rule.DateIn(1900));
        Assert.Equal(29.February(2000), rule.DateIn(2000));
    }

    [Theory]
    [InlineData(0, 1, "month")]
    [InlineData(13, 1, "month")]
    [InlineData(1, 0, "day")]
    [InlineData(1, 32, "day")]
    [InlineData(4, 31, "day")]
    [InlineData(2, 30, "day")]
    public void Fixed_InvalidMonthOrDay_Throws(int month, int day, string parameterName)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HolidayRule.Fixed("k", "n", "e", month, day));
        Assert.Equal(parameterName, exception.ParamName);
    }

    [Theory]
    [InlineData(null, "n", "e", "key")]
    [InlineData("k", null, "e", "name")]
    [InlineData("k", "n", null, "englishName")]
    public void Fixed_NullName_ThrowsArgumentNull(string? key, string? name, string? englishName, string parameterName)
    {
        var exception = Assert.Throws<ArgumentNullException>(() => HolidayRule.Fixed(key!, name!, englishName!, 1, 1));
        Assert.Equal(parameterName, exception.ParamName);
    }

    [Theory]
    [InlineData("", "n", "e", "key")]
    [InlineData("k", " ", "e", "name")]
    [InlineData("k", "n", "\t", "englishName")]
    public void Fixed_BlankName_ThrowsArgument(string key, string name, string englishName, string parameterName)
    {
        var exception = Assert.Throws<ArgumentException>(() => HolidayRule.Fixed(key, name, englishName, 1, 1));
        Assert.Equal(parameterName, exception.ParamName);
    }

    [Theory]
    [InlineData(-2, 2026, 4, 3)]  // Good Friday
    [InlineData(0, 2026, 4, 5)]   // Easter Sunday
    [InlineData(1, 2026, 4, 6)]   // Easter Monday
    [InlineData(39, 2026, 5, 14)] // Ascension Day
    [InlineData(50, 2026, 5, 25)] // Whit Monday
    [InlineData(60, 2026, 6, 4)]  // Corpus Christi
    public void EasterOffset_Year2026_ReturnsEasterSundayPlusOffset(int offset, int year, int month, int day)
    {
        var rule = HolidayRule.EasterOffset("k", "n", "e", offset);

        Assert.Equal(new LocalDate(year, month, day), rule.DateIn(year));
    }

    [Theory]
    [InlineData(-80)]
    [InlineData(250)]
    public void EasterOffset_ExtremeOffsetInExtremeYears_StaysInSameYear(int offset)
    {
        var rule = HolidayRule.EasterOffset("k", "n", "e", offset);

        // 1818 has the earliest Easter (22 March, common year), 2038 the latest (25 April, common year),
        // 2008 an early Easter in a leap year (23 March).
        foreach (var year in new[] { 1818, 2038, 2008, 2285 })
        {
            Assert.Equal(year, rule.DateIn(year)!.Value.Year);
        }
    }

    [Theory]
    [InlineData(-81)]
    [InlineData(251)]
    public void EasterOffset_OffsetThatCouldLeaveTheYear_Throws(int offset)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HolidayRule.EasterOffset("k", "n", "e", offset));
        Assert.Equal("daysFromEasterSunday", exception.ParamName);
    }

    [Theory]
    [InlineData(2026, 18)] // 23 November 2026 is a Monday
    [InlineData(2022, 16)] // 23 November 2022 is a Wednesday: the Wednesday strictly before
    [InlineData(2025, 19)]
    [InlineData(1994, 16)]
    public void WeekdayBefore_RepentanceDay_ReturnsWednesdayBefore23November(int year, int expectedDay)
    {
        var rule = HolidayRule.WeekdayBefore("k", "n", "e", IsoDayOfWeek.Wednesday, 11, 23);

        var date = rule.DateIn(year);

        Assert.Equal(new LocalDate(year, 11, expectedDay), date);
        Assert.Equal(IsoDayOfWeek.Wednesday, date!.Value.DayOfWeek);
    }

    [Fact]
    public void WeekdayBefore_FederalFastMonday_ReturnsMondayAfterThirdSundayOfSeptember()
    {
        // Third Sunday of September 2026 is the 20th.
        var rule = HolidayRule.WeekdayBefore("federal-fast-monday", "Bettagsmontag", "Federal Fast Monday", IsoDayOfWeek.Monday, 9, 23);

        Assert.Equal(21.September(2026), rule.DateIn(2026));
    }

    [Theory]
    [InlineData(1, 7, "day")]
    [InlineData(2, 29, "day")]
    [InlineData(13, 1, "month")]
    public void WeekdayBefore_ReferenceDayNotInEveryYearOrTooEarly_Throws(int month, int day, string parameterName)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => HolidayRule.WeekdayBefore("k", "n", "e", IsoDayOfWeek.Monday, month, day));
        Assert.Equal(parameterName, exception.ParamName);
    }

    [Theory]
    [InlineData(IsoDayOfWeek.None)]
    [InlineData((IsoDayOfWeek)8)]
    public void WeekdayBefore_NotADayOfWeek_Throws(IsoDayOfWeek dayOfWeek)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => HolidayRule.WeekdayBefore("k", "n", "e", dayOfWeek, 11, 23));
        Assert.Equal("dayOfWeek", exception.ParamName);
    }

    [Fact]
    public void Once_ItsYear_ReturnsTheDate()
    {
        var rule = HolidayRule.Once("reformation-day", "Reformationstag", "Reformation Day", 31.October(2017));

        Assert.Equal(31.October(2017), rule.DateIn(2017));
        Assert.Null(rule.DateIn(2016));
        Assert.Null(rule.DateIn(2018));
        Assert.Equal(2017, rule.FirstYear);
        Assert.Equal(2017, rule.LastYear);
    }

    [Fact]
    public void Once_DateNotInIsoCalendar_Throws()
    {
        var julian = new LocalDate(2017, 10, 31, CalendarSystem.Julian);

        var exception = Assert.Throws<ArgumentException>(() => HolidayRule.Once("k", "n", "e", julian));
        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void Once_DateBeforeSupportedRange_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => HolidayRule.Once("k", "n", "e", 1.January(1500)));
        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void Once_DefaultDate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayRule.Once("k", "n", "e", default));

    [Fact]
    public void ValidFrom_YearBeforeFirstYear_ReturnsNull()
    {
        var rule = HolidayRule.Fixed("german-unity-day", "Tag der Deutschen Einheit", "German Unity Day", 10, 3).ValidFrom(1990);

        Assert.Null(rule.DateIn(1989));
        Assert.Equal(3.October(1990), rule.DateIn(1990));
        Assert.Equal(1990, rule.FirstYear);
    }

    [Fact]
    public void ValidUntil_YearAfterLastYear_ReturnsNull()
    {
        var rule = ChristmasDay.ValidUntil(1994);

        Assert.Equal(25.December(1994), rule.DateIn(1994));
        Assert.Null(rule.DateIn(1995));
        Assert.Equal(1994, rule.LastYear);
    }

    [Fact]
    public void ValidFrom_Always_LeavesOriginalUnchanged()
    {
        _ = ChristmasDay.ValidFrom(2000).ValidUntil(2010);

        Assert.Null(ChristmasDay.FirstYear);
        Assert.Null(ChristmasDay.LastYear);
        Assert.Equal(25.December(1999), ChristmasDay.DateIn(1999));
    }

    [Fact]
    public void ValidFrom_AfterLastYear_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ChristmasDay.ValidUntil(2000).ValidFrom(2001));
        Assert.Equal("firstYear", exception.ParamName);
    }

    [Fact]
    public void ValidUntil_BeforeFirstYear_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ChristmasDay.ValidFrom(2000).ValidUntil(1999));
        Assert.Equal("lastYear", exception.ParamName);
    }

    [Theory]
    [InlineData(Easter.MinYear - 1)]
    [InlineData(Easter.MaxYear + 1)]
    public void ValidFrom_UnsupportedYear_Throws(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChristmasDay.ValidFrom(year));

    [Theory]
    [InlineData(Easter.MinYear - 1)]
    [InlineData(Easter.MaxYear + 1)]
    public void DateIn_UnsupportedYear_Throws(int year)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ChristmasDay.DateIn(year));
        Assert.Equal("year", exception.ParamName);
    }

    [Fact]
    public void ToString_EachKind_DescribesRuleInvariantly()
    {
        Assert.Equal("christmas-day: 25 December", ChristmasDay.ToString());
        Assert.Equal(
            "german-unity-day: 3 October, 1990 onwards",
            HolidayRule.Fixed("german-unity-day", "n", "e", 10, 3).ValidFrom(1990).ToString());
        Assert.Equal("good-friday: Easter Sunday -2 days", HolidayRule.EasterOffset("good-friday", "n", "e", -2).ToString());
        Assert.Equal("whit-monday: Easter Sunday +50 days, until 2000", HolidayRule.EasterOffset("whit-monday", "n", "e", 50).ValidUntil(2000).ToString());
        Assert.Equal(
            "repentance: Wednesday before 23 November, 1990 to 1994",
            HolidayRule.WeekdayBefore("repentance", "n", "e", IsoDayOfWeek.Wednesday, 11, 23).ValidFrom(1990).ValidUntil(1994).ToString());
        Assert.Equal("liberation-day: 2025-05-08", HolidayRule.Once("liberation-day", "n", "e", 8.May(2025)).ToString());
    }
}
