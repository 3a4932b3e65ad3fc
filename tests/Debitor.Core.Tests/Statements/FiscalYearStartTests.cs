using Debitor.Core.Statements;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Statements;

public sealed class FiscalYearStartTests
{
    [Theory]
    [InlineData(1, 1, 2026, 3, 15, "2026-01-01", "2026-12-31")]
    [InlineData(7, 1, 2026, 3, 15, "2025-07-01", "2026-06-30")]
    [InlineData(7, 1, 2026, 7, 1, "2026-07-01", "2027-06-30")]
    [InlineData(7, 1, 2026, 6, 30, "2025-07-01", "2026-06-30")]
    [InlineData(2, 28, 2024, 2, 28, "2024-02-28", "2025-02-27")]
    public void YearContaining_GivesTheFiscalYearWithBothEndsInclusive(int month, int day, int year, int m, int d, string start, string end)
    {
        var fiscalYear = new FiscalYearStart(month, day).YearContaining(Date(year, m, d));

        Assert.Equal(start, fiscalYear.Start.ToString("uuuu-MM-dd", null));
        Assert.Equal(end, fiscalYear.End.ToString("uuuu-MM-dd", null));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 1)]
    [InlineData(2, 29)]
    [InlineData(4, 31)]
    [InlineData(1, 0)]
    public void Constructor_DayThatDoesNotExistEveryYear_Throws(int month, int day) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYearStart(month, day));

    [Fact]
    public void ToString_IsIsoMonthDay() => Assert.Equal("--07-01", new FiscalYearStart(7, 1).ToString());

    [Fact]
    public void January1_IsTheCalendarYear() => Assert.Equal(new FiscalYearStart(1, 1), FiscalYearStart.January1);
}
