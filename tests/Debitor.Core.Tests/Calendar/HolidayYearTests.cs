using Debitor.Core.Calendar;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class HolidayYearTests
{
    [Fact]
    public void Compute_RulesOutOfOrder_SortsByDate()
    {
        var year = HolidayYear.Compute(2026,
        [
            HolidayRule.Fixed("b", "B", "B", 12, 1),
            HolidayRule.Fixed("a", "A", "A", 2, 1),
        ]);

        Assert.Equal([1.February(2026), 1.December(2026)], year.Holidays.Select(h => h.Date));
    }

    [Fact]
    public void Compute_SameDateAndKeyTwice_ListsItOnce()
    {
        var year = HolidayYear.Compute(2017,
        [
            HolidayRule.Fixed("reformation-day", "Reformationstag", "Reformation Day", 10, 31),
            HolidayRule.Once("reformation-day", "Reformationstag", "Reformation Day", 31.October(2017)),
        ]);

        Assert.Single(year.Holidays);
    }

    [Fact]
    public void Compute_DifferentKeysOnSameDate_ListsBothInRuleOrder()
    {
        var year = HolidayYear.Compute(2026,
        [
            HolidayRule.Fixed("second", "Zweiter", "Second", 5, 1),
            HolidayRule.Fixed("first", "Erster", "First", 5, 1),
        ]);

        Assert.Equal(["second", "first"], year.Holidays.Select(h => h.Key));
    }

    [Fact]
    public void Compute_RuleNotInYear_IsSkipped()
    {
        var year = HolidayYear.Compute(2026, [HolidayRule.Fixed("k", "n", "e", 1, 1).ValidUntil(2025)]);

        Assert.Empty(year.Holidays);
        Assert.False(year.IsHoliday(1.January(2026)));
    }

    [Fact]
    public void IsHoliday_LastDayOfLeapYear_IsFound()
    {
        var year = HolidayYear.Compute(2024, [HolidayRule.Fixed("k", "n", "e", 12, 31)]);

        Assert.True(year.IsHoliday(31.December(2024)));
        Assert.False(year.IsHoliday(30.December(2024)));
    }
}
