using Debitor.Core.Interest;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Interest;

public sealed class BaseRateTableTests
{
    private static BaseRateTable TwoRates() => new([(1.January(2024), 1.00m), (1.July(2024), 2.00m)]);

    [Fact]
    public void Constructor_Null_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new BaseRateTable(null!));

        Assert.Equal("entries", exception.ParamName);
    }

    [Fact]
    public void Constructor_Empty_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => new BaseRateTable([]));

        Assert.Equal("entries", exception.ParamName);
    }

    [Fact]
    public void Constructor_DuplicateDate_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new BaseRateTable([(1.January(2024), 1.00m), (1.July(2024), 2.00m), (1.January(2024), 3.00m)]));

        Assert.Equal("entries", exception.ParamName);
        Assert.Contains("2024-01-01", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnsortedEntries_SortsByDate()
    {
        var table = new BaseRateTable([(1.July(2024), 2.00m), (1.January(2024), 1.00m)]);

        Assert.Equal([1.January(2024), 1.July(2024)], table.Entries.Select(e => e.ValidFrom));
        Assert.Equal(1.00m, table.RateOn(30.June(2024)));
    }

    [Fact]
    public void RateOn_ChangeDate_ReturnsTheNewRate()
    {
        var table = TwoRates();

        Assert.Equal(1.00m, table.RateOn(1.January(2024)));
        Assert.Equal(1.00m, table.RateOn(30.June(2024)));
        Assert.Equal(2.00m, table.RateOn(1.July(2024)));
    }

    [Fact]
    public void RateOn_AfterLastEntry_ReturnsTheLastRate()
    {
        Assert.Equal(2.00m, TwoRates().RateOn(31.December(2099)));
    }

    [Fact]
    public void RateOn_BeforeFirstEntry_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => TwoRates().RateOn(31.December(2023)));

        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void RateOn_NonIsoDate_ThrowsArgumentException()
    {
        var julian = 1.March(2024).WithCalendar(CalendarSystem.Julian);

        var exception = Assert.Throws<ArgumentException>(() => TwoRates().RateOn(julian));

        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void With_NewDate_AddsAnEntryAndLeavesTheOriginalUnchanged()
    {
        var original = TwoRates();

        var extended = original.With(1.January(2025), 3.00m);

        Assert.Equal(3, extended.Entries.Count);
        Assert.Equal(3.00m, extended.RateOn(1.January(2025)));
        Assert.Equal(2, original.Entries.Count);
        Assert.Equal(2.00m, original.RateOn(1.January(2025)));
    }

    [Fact]
    public void With_ExistingDate_ReplacesTheRate()
    {
        var corrected = TwoRates().With(1.July(2024), 2.50m);

        Assert.Equal(2, corrected.Entries.Count);
        Assert.Equal(2.50m, corrected.RateOn(1.July(2024)));
    }

    [Theory]
    [InlineData(2002, 1, 2.57)]
    [InlineData(2002, 7, 2.47)]
    [InlineData(2003, 1, 1.97)]
    [InlineData(2003, 7, 1.22)]
    [InlineData(2004, 1, 1.14)]
    [InlineData(2004, 7, 1.13)]
    [InlineData(2005, 1, 1.21)]
    [InlineData(2005, 7, 1.17)]
    [InlineData(2006, 1, 1.37)]
    [InlineData(2006, 7, 1.95)]
    [InlineData(2007, 1, 2.70)]
    [InlineData(2007, 7, 3.19)]
    [InlineData(2008, 1, 3.32)]
    [InlineData(2008, 7, 3.19)]
    [InlineData(2009, 1, 1.62)]
    [InlineData(2009, 7, 0.12)]
    [InlineData(2011, 7, 0.37)]
    [InlineData(2012, 1, 0.12)]
    [InlineData(2013, 1, -0.13)]
    [InlineData(2013, 7, -0.38)]
    [InlineData(2014, 1, -0.63)]
    [InlineData(2014, 7, -0.73)]
    [InlineData(2015, 1, -0.83)]
    [InlineData(2016, 1, -0.83)]
    [InlineData(2016, 7, -0.88)]
    [InlineData(2019, 7, -0.88)]
    [InlineData(2022, 7, -0.88)]
    [InlineData(2023, 1, 1.62)]
    [InlineData(2023, 7, 3.12)]
    [InlineData(2024, 1, 3.62)]
    [InlineData(2024, 7, 3.37)]
    [InlineData(2025, 1, 2.27)]
    [InlineData(2025, 7, 1.27)]
    [InlineData(2026, 1, 1.27)]
    public void Germany_FirstDayOfHalfYear_HasThePublishedRate(int year, int month, double rate)
    {
        Assert.Equal((decimal)rate, BaseRateTable.Germany.RateOn(new LocalDate(year, month, 1)));
    }

    [Fact]
    public void Germany_LastDayBeforeAChange_HasTheOldRate()
    {
        Assert.Equal(1.62m, BaseRateTable.Germany.RateOn(30.June(2023)));
        Assert.Equal(-0.88m, BaseRateTable.Germany.RateOn(31.December(2022)));
    }

    [Fact]
    public void Germany_EveryHalfYearFrom2002_IsListedOnce()
    {
        var entries = BaseRateTable.Germany.Entries;
        var expected = Enumerable.Range(0, entries.Count).Select(i => 1.January(2002).PlusMonths(6 * i));

        Assert.Equal(expected, entries.Select(e => e.ValidFrom));
        Assert.Equal(GermanBaseRates.KnownThrough, entries[^1].ValidFrom.PlusMonths(6).PlusDays(-1));
    }

    [Fact]
    public void Germany_Before2002_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BaseRateTable.Germany.RateOn(31.December(2001)));
    }
}
