using Debitor.Core.Interest;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Interest;

public sealed class DayCounterTests
{
    private static int Days(DayCountConvention dayCount, LocalDate first, LocalDate last) =>
        DayCounter.Days(dayCount, first, last, DayCounter.Number(first, "first"), DayCounter.Number(last, "last"));

    [Theory]
    [InlineData(DayCountConvention.Actual365Fixed, 36_500)]
    [InlineData(DayCountConvention.Actual360, 36_000)]
    [InlineData(DayCountConvention.Thirty360, 36_000)]
    [InlineData(DayCountConvention.ActualActual, 13_359_000)]
    public void Denominator_IsHundredTimesTheBasis(DayCountConvention dayCount, int expected)
    {
        Assert.Equal(expected, DayCounter.Denominator(dayCount));
    }

    [Fact]
    public void YearFactor_ActualActual_BringsBothYearLengthsOntoOneDenominator()
    {
        Assert.Equal(366m, DayCounter.YearFactor(DayCountConvention.ActualActual, 2023));
        Assert.Equal(365m, DayCounter.YearFactor(DayCountConvention.ActualActual, 2024));
        Assert.Equal(1m, DayCounter.YearFactor(DayCountConvention.Actual365Fixed, 2024));
    }

    [Fact]
    public void Days_Actual_CountsBothEnds()
    {
        Assert.Equal(1, Days(DayCountConvention.Actual365Fixed, 1.March(2024), 1.March(2024)));
        Assert.Equal(60, Days(DayCountConvention.Actual360, 1.January(2024), 29.February(2024)));
    }

    [Fact]
    public void Days_Thirty360January1ToJuly30_Is210()
    {
        Assert.Equal(210, Days(DayCountConvention.Thirty360, 1.January(2016), 30.July(2016)));
    }

    [Fact]
    public void Days_Thirty360ThroughFebruary_CountsFebruaryAs30()
    {
        Assert.Equal(33, Days(DayCountConvention.Thirty360, 29.January(2024), 1.March(2024))); // 29, 30, (31), Feb 30, 1
        Assert.Equal(32, Days(DayCountConvention.Thirty360, 29.January(2025), 28.February(2025)));
    }

    [Fact]
    public void Number_BeforeYearOne_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => DayCounter.Number(new LocalDate(0, 12, 31), "date"));

        Assert.Equal("date", exception.ParamName);
    }
}
