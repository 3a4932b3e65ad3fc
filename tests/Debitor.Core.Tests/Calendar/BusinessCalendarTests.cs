using System.ComponentModel;
using Debitor.Core.Calendar;
using FsCheck.Xunit;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Germany = BusinessCalendar.Germany();

    // --- § 193 BGB ---

    [Fact]
    public void AdjustDeadline_SaturdayThatIsGermanUnityDay_MovesToMonday() =>
        Assert.Equal(5.October(2026), Germany.AdjustDeadline(3.October(2026)));

    [Fact]
    public void AdjustDeadline_GoodFriday_MovesToTuesdayAfterEasterMonday() =>
        Assert.Equal(7.April(2026), Germany.AdjustDeadline(3.April(2026)));

    [Fact]
    public void AdjustDeadline_BusinessDay_StaysUnchanged() =>
        Assert.Equal(2.April(2026), Germany.AdjustDeadline(2.April(2026)));

    [Fact]
    public void AdjustDeadline_Sunday_MovesToMonday() =>
        Assert.Equal(9.March(2026), Germany.AdjustDeadline(8.March(2026)));

    [Fact]
    public void AdjustDeadline_StateHoliday_MovesOnlyInThatState()
    {
        var repentanceDay = 18.November(2026);

        Assert.Equal(19.November(2026), BusinessCalendar.Germany(GermanState.Sachsen).AdjustDeadline(repentanceDay));
        Assert.Equal(repentanceDay, BusinessCalendar.Germany(GermanState.Bayern).AdjustDeadline(repentanceDay));
    }

    // --- NextBusinessDay ---

    [Fact]
    public void NextBusinessDay_ChristmasEve_SkipsChristmasAndWeekend() =>
        Assert.Equal(28.December(2026), Germany.NextBusinessDay(24.December(2026)));

    [Fact]
    public void NextBusinessDay_NewYearsEve_SkipsNewYearAndWeekendIntoNextYear() =>
        Assert.Equal(4.January(2027), Germany.NextBusinessDay(31.December(2026)));

    [Fact]
    public void NextBusinessDay_BusinessDay_ReturnsFollowingBusinessDay() =>
        Assert.Equal(3.March(2026), Germany.NextBusinessDay(2.March(2026)));

    [Fact]
    public void NextBusinessDay_LastSupportedDay_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Germany.NextBusinessDay(31.December(Easter.MaxYear)));
        Assert.Equal("date", exception.ParamName);
    }

    // --- AddBusinessDays ---

    [Fact]
    public void AddBusinessDays_OneFromMaundyThursday_SkipsEaster() =>
        Assert.Equal(7.April(2026), Germany.AddBusinessDays(2.April(2026), 1));

    [Fact]
    public void AddBusinessDays_FiveFromFridayBeforeChristmas_SkipsHolidaysAndWeekend() =>
        Assert.Equal(28.December(2026), Germany.AddBusinessDays(18.December(2026), 5));

    [Fact]
    public void AddBusinessDays_OneFromSaturday_ReturnsMonday() =>
        Assert.Equal(9.March(2026), Germany.AddBusinessDays(7.March(2026), 1));

    [Fact]
    public void AddBusinessDays_Negative_CountsBackward() =>
        Assert.Equal(2.April(2026), Germany.AddBusinessDays(7.April(2026), -1));

    [Fact]
    public void AddBusinessDays_Zero_ReturnsDateEvenIfNotBusinessDay() =>
        Assert.Equal(3.October(2026), Germany.AddBusinessDays(3.October(2026), 0));

    [Fact]
    public void AddBusinessDays_ThirtyFromJanuary_CountsOnlyBusinessDays() =>
        Assert.Equal(13.February(2026), Germany.AddBusinessDays(2.January(2026), 30));

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void AddBusinessDays_BeyondSupportedYears_Throws(int days)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Germany.AddBusinessDays(1.June(2026), days));
        Assert.Equal("days", exception.ParamName);
    }

    // --- IsBusinessDay / IsHoliday ---

    [Fact]
    public void IsBusinessDay_Weekday_IsTrue() => Assert.True(Germany.IsBusinessDay(2.April(2026)));

    [Fact]
    public void IsBusinessDay_Holiday_IsFalse() => Assert.False(Germany.IsBusinessDay(3.April(2026)));

    [Fact]
    public void IsBusinessDay_Weekend_IsFalse() => Assert.False(Germany.IsBusinessDay(4.April(2026)));

    [Fact]
    public void IsHoliday_HolidayOnWeekend_IsTrue() => Assert.True(Germany.IsHoliday(3.October(2026)));

    [Fact]
    public void IsHoliday_OrdinaryWeekend_IsFalse() => Assert.False(Germany.IsHoliday(4.April(2026)));

    [Fact]
    public void IsBusinessDay_DateInJulianCalendar_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Germany.IsBusinessDay(new LocalDate(2026, 4, 2, CalendarSystem.Julian)));
        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void IsHoliday_DefaultDate_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Germany.IsHoliday(default));
        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void AdjustDeadline_YearBeforeGregorianReform_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Germany.AdjustDeadline(31.December(1582)));
        Assert.Equal("deadline", exception.ParamName);
    }

    // --- HolidaysIn ---

    [Fact]
    public void HolidaysIn_SameYearTwice_ReturnsCachedList() =>
        Assert.Same(Germany.HolidaysIn(2026), Germany.HolidaysIn(2026));

    [Fact]
    public void HolidaysIn_ReturnedList_IsReadOnly()
    {
        var list = Assert.IsAssignableFrom<ICollection<PublicHoliday>>(Germany.HolidaysIn(2026));

        Assert.True(list.IsReadOnly);
    }

    [Fact]
    public void HolidaysIn_UnsupportedYear_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Germany.HolidaysIn(1582));
        Assert.Equal("year", exception.ParamName);
    }

    // --- Factories and composition ---

    [Fact]
    public void WeekendsOnly_Always_HasSaturdaySundayAndNoHolidays()
    {
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], BusinessCalendar.WeekendsOnly.WeekendDays);
        Assert.Empty(BusinessCalendar.WeekendsOnly.HolidayRules);
        Assert.True(BusinessCalendar.WeekendsOnly.IsBusinessDay(25.December(2026)));
    }

    [Fact]
    public void Germany_SameStateTwice_ReturnsSharedInstance()
    {
        Assert.Same(BusinessCalendar.Germany(GermanState.Hessen), BusinessCalendar.Germany(GermanState.Hessen));
        Assert.Same(BusinessCalendar.Germany(), BusinessCalendar.Germany(null));
    }

    [Fact]
    public void Germany_UndefinedState_Throws()
    {
        var exception = Assert.Throws<InvalidEnumArgumentException>(() => BusinessCalendar.Germany((GermanState)0));
        Assert.Equal("state", exception.ParamName);
    }

    [Fact]
    public void WithHolidays_HostRule_AddsHolidayAndLeavesOriginalUnchanged()
    {
        var bayern = BusinessCalendar.Germany(GermanState.Bayern);
        var munich = bayern.WithHolidays(HolidayRule.Fixed("assumption-day", "Mariä Himmelfahrt", "Assumption Day", 8, 15));

        Assert.True(munich.IsHoliday(15.August(2025)));
        Assert.False(bayern.IsHoliday(15.August(2025)));
        Assert.Equal(bayern.HolidayRules.Count + 1, munich.HolidayRules.Count);
    }

    [Fact]
    public void WithHolidays_ExplicitClosingDays_AreNotBusinessDays()
    {
        var closures = new[] { 29.December(2026), 30.December(2026) }
            .Select(date => HolidayRule.Once("company-closure", "Betriebsruhe", "Company closure", date));

        var calendar = Germany.WithHolidays(closures);

        Assert.Equal(31.December(2026), calendar.NextBusinessDay(28.December(2026)));
        Assert.Equal(2, calendar.HolidaysIn(2026).Count(h => h.Key == "company-closure"));
    }

    [Fact]
    public void WithHolidays_OnWeekendsOnly_BuildsCustomCalendar()
    {
        var calendar = BusinessCalendar.WeekendsOnly.WithHolidays(
            HolidayRule.Fixed("founders-day", "Gründungstag", "Founders' Day", 6, 1),
            HolidayRule.EasterOffset("good-friday", "Karfreitag", "Good Friday", -2));

        Assert.Equal([1.June(2026)], calendar.HolidaysIn(2026).Where(h => h.Key == "founders-day").Select(h => h.Date));
        Assert.False(calendar.IsBusinessDay(3.April(2026)));
        Assert.True(calendar.IsBusinessDay(6.April(2026)));
    }

    [Fact]
    public void WithHolidays_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Germany.WithHolidays((IEnumerable<HolidayRule>)null!));

    [Fact]
    public void WithHolidays_NullElement_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Germany.WithHolidays([null!]));
        Assert.Equal("holidays", exception.ParamName);
    }

    [Fact]
    public void WithWeekendDays_FridayAndSaturday_MakesSundayBusinessDay()
    {
        var calendar = Germany.WithWeekendDays(IsoDayOfWeek.Saturday, IsoDayOfWeek.Friday, IsoDayOfWeek.Friday);

        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], calendar.WeekendDays);
        Assert.True(calendar.IsBusinessDay(8.March(2026)));
        Assert.False(calendar.IsBusinessDay(6.March(2026)));
        Assert.False(calendar.IsBusinessDay(6.April(2026))); // holidays kept
        Assert.Equal(Germany.HolidayRules, calendar.HolidayRules);
    }

    [Fact]
    public void WithWeekendDays_None_MakesEveryNonHolidayBusinessDay()
    {
        var calendar = Germany.WithWeekendDays();

        Assert.Empty(calendar.WeekendDays);
        Assert.True(calendar.IsBusinessDay(4.April(2026)));
        Assert.Equal(4.April(2026), calendar.AdjustDeadline(3.April(2026)));
    }

    [Fact]
    public void WithWeekendDays_AllSevenDays_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Germany.WithWeekendDays(Enum.GetValues<IsoDayOfWeek>().Skip(1)));
        Assert.Equal("weekendDays", exception.ParamName);
    }

    [Fact]
    public void WithWeekendDays_NotADay_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Germany.WithWeekendDays(IsoDayOfWeek.None));
        Assert.Equal("weekendDays", exception.ParamName);
    }

    [Fact]
    public void WithWeekendDays_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Germany.WithWeekendDays((IEnumerable<IsoDayOfWeek>)null!));

    // --- Thread safety ---

    [Fact]
    public void IsBusinessDay_ConcurrentFirstUse_GivesSameAnswersAsSequential()
    {
        var dates = Enumerable.Range(0, 20 * 366).Select(offset => 1.January(2000).PlusDays(offset)).ToArray();
        var expected = dates.Select(Germany.IsBusinessDay).ToArray();
        var fresh = Germany.WithHolidays();

        var actual = new bool[dates.Length];
        Parallel.For(0, dates.Length, i => actual[i] = fresh.IsBusinessDay(dates[i]));

        Assert.Equal(expected, actual);
    }

    // --- Properties ---

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool AdjustDeadline_AnyDate_ReturnsBusinessDayOnOrAfterInput(CalendarAndDate input)
    {
        var adjusted = input.Calendar.AdjustDeadline(input.Date);

        return adjusted >= input.Date && input.Calendar.IsBusinessDay(adjusted);
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool AdjustDeadline_AnyDate_IsIdempotent(CalendarAndDate input)
    {
        var adjusted = input.Calendar.AdjustDeadline(input.Date);

        return input.Calendar.AdjustDeadline(adjusted) == adjusted;
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool AdjustDeadline_AnyDate_SkipsOnlyNonBusinessDays(CalendarAndDate input)
    {
        var adjusted = input.Calendar.AdjustDeadline(input.Date);

        return DaysBetween(input.Date, adjusted).All(day => !input.Calendar.IsBusinessDay(day));
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool NextBusinessDay_AnyDate_IsBusinessDayStrictlyAfterWithNoneBetween(CalendarAndDate input)
    {
        var next = input.Calendar.NextBusinessDay(input.Date);

        return next > input.Date
            && input.Calendar.IsBusinessDay(next)
            && DaysBetween(input.Date.PlusDays(1), next).All(day => !input.Calendar.IsBusinessDay(day));
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool AddBusinessDays_One_EqualsNextBusinessDay(CalendarAndDate input) =>
        input.Calendar.AddBusinessDays(input.Date, 1) == input.Calendar.NextBusinessDay(input.Date);

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool AddBusinessDays_ForwardThenBack_ReturnsToBusinessDay(CalendarAndDate input, byte days)
    {
        var start = input.Calendar.AdjustDeadline(input.Date);

        var there = input.Calendar.AddBusinessDays(start, days);

        return input.Calendar.AddBusinessDays(there, -days) == start;
    }

    /// <summary>The days from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    private static IEnumerable<LocalDate> DaysBetween(LocalDate start, LocalDate end)
    {
        for (var day = start; day < end; day = day.PlusDays(1))
        {
            yield return day;
        }
    }
}
