using Debitor.Core.Interest;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Interest;

public sealed class InterestCalculatorTests
{
    private static Money Eur(decimal amount) => new(amount, Currency.EUR);

    /// <summary>10,000 at 3.6 % under 30/360 is exactly 1.00 a day, so the total shows the day count.</summary>
    private static decimal Thirty360Days(LocalDate firstDay, LocalDate lastDay) =>
        InterestCalculator.Calculate(InterestScheme.Fixed(3.6m, DayCountConvention.Thirty360), Eur(10_000m), firstDay, lastDay).Total.Amount;

    [Fact]
    public void Calculate_Actual365Fixed_1000At5Point12PercentFor25Days_Is3Point51()
    {
        var result = InterestCalculator.Calculate(InterestScheme.Fixed(5.12m), Eur(1_000.00m), 1.March(2025), 25.March(2025));

        Assert.Equal(Eur(3.51m), result.Total);
        var period = Assert.Single(result.Periods);
        Assert.Equal(new InterestPeriod(1.March(2025), 25.March(2025), 25, 5.12m, Eur(3.51m)), period);
    }

    [Theory]
    [InlineData(DayCountConvention.Actual360, 1.99)]
    [InlineData(DayCountConvention.Actual365Fixed, 1.96)]
    public void Calculate_354Point16At4Point12PercentFor49Days_DependsOnTheBasis(DayCountConvention dayCount, double expected)
    {
        var result = InterestCalculator.Calculate(InterestScheme.Fixed(4.12m, dayCount), Eur(354.16m), 1.April(2025), 19.May(2025));

        Assert.Equal(49, Assert.Single(result.Periods).Days);
        Assert.Equal(Eur((decimal)expected), result.Total);
    }

    [Fact]
    public void Calculate_Thirty360_10000At6PercentFromJanuary1ToJuly30_Is350()
    {
        var result = InterestCalculator.Calculate(
            InterestScheme.Fixed(6m, DayCountConvention.Thirty360), Eur(10_000.00m), 1.January(2016), 30.July(2016));

        Assert.Equal(Eur(350.00m), result.Total);
        Assert.Equal(210, Assert.Single(result.Periods).Days);
    }

    [Fact]
    public void Calculate_GermanStatutoryBusinessAcrossJuly2023_Is93Point04InTwoPeriods()
    {
        var result = InterestCalculator.Calculate(InterestScheme.GermanStatutory(false), Eur(10_000.00m), 15.June(2023), 14.July(2023));

        Assert.Equal(Eur(93.04m), result.Total);
        Assert.Equal(
            [
                new InterestPeriod(15.June(2023), 30.June(2023), 16, 10.62m, Eur(46.55m)),
                new InterestPeriod(1.July(2023), 14.July(2023), 14, 12.12m, Eur(46.49m)),
            ],
            result.Periods);
    }

    [Fact]
    public void Calculate_GermanStatutoryConsumerOver2020_UsesActualDaysOverFixed365()
    {
        var result = InterestCalculator.Calculate(InterestScheme.GermanStatutory(true), Eur(10_000.00m), 1.January(2020), 31.December(2020));

        var period = Assert.Single(result.Periods);
        Assert.Equal(366, period.Days);
        Assert.Equal(4.12m, period.AnnualRatePercent);
        Assert.Equal(Eur(413.13m), result.Total);
    }

    [Fact]
    public void Calculate_UnchangedPublishedRates_GiveOnePeriod()
    {
        // The base rate was published as -0.88 % for every half-year from July 2016 to December 2022.
        var result = InterestCalculator.Calculate(InterestScheme.GermanStatutory(false), Eur(1_000m), 1.August(2016), 31.December(2022));

        var period = Assert.Single(result.Periods);
        Assert.Equal(8.12m, period.AnnualRatePercent);
    }

    [Fact]
    public void Calculate_ActualActualAcrossYearEndIntoLeapYear_SplitsAtTheYearEnd()
    {
        var result = InterestCalculator.Calculate(
            InterestScheme.Fixed(10m, DayCountConvention.ActualActual), Eur(10_000.00m), 1.December(2023), 31.January(2024));

        Assert.Equal(
            [
                new InterestPeriod(1.December(2023), 31.December(2023), 31, 10m, Eur(84.93m)), // 31/365
                new InterestPeriod(1.January(2024), 31.January(2024), 31, 10m, Eur(84.70m)), // 31/366
            ],
            result.Periods);
        Assert.Equal(Eur(169.63m), result.Total);
    }

    [Fact]
    public void Calculate_ActualActualWithRateChangeOnJanuary1_SplitsOnce()
    {
        var result = InterestCalculator.Calculate(
            InterestScheme.GermanStatutory(false).WithDayCount(DayCountConvention.ActualActual), Eur(10_000m), 1.December(2023), 31.January(2024));

        Assert.Equal([12.12m, 12.62m], result.Periods.Select(p => p.AnnualRatePercent));
        Assert.Equal([31, 31], result.Periods.Select(p => p.Days));
    }

    [Fact]
    public void Calculate_ActualActualOverSeveralYears_SplitsAtEveryYearEndAndRateChange()
    {
        var result = InterestCalculator.Calculate(
            InterestScheme.GermanStatutory(false).WithDayCount(DayCountConvention.ActualActual), Eur(10_000m), 15.March(2021), 15.March(2023));

        Assert.Equal(
            [(15.March(2021), 31.December(2021)), (1.January(2022), 31.December(2022)), (1.January(2023), 15.March(2023))],
            result.Periods.Select(p => (p.FirstDay, p.LastDay)));
        Assert.Equal([8.12m, 8.12m, 10.62m], result.Periods.Select(p => p.AnnualRatePercent));
    }

    [Fact]
    public void Calculate_EachPeriodAndTotalRounding_DifferByACent()
    {
        // Two days at 3.65 % on 60.00 under act/act: 0.0060 (of 365) + 0.00598 (of 366).
        var scheme = InterestScheme.Fixed(3.65m, DayCountConvention.ActualActual);

        var once = InterestCalculator.Calculate(scheme, Eur(60.00m), 31.December(2023), 1.January(2024));
        var each = InterestCalculator.Calculate(scheme.WithRounding(InterestRounding.EachPeriod), Eur(60.00m), 31.December(2023), 1.January(2024));

        Assert.Equal(Eur(0.01m), once.Total);
        Assert.Equal(Eur(0.02m), each.Total);
        Assert.Equal([Eur(0.01m), Eur(0.01m)], each.Periods.Select(p => p.Amount));
        Assert.Equal(once.Periods, each.Periods);
    }

    [Fact]
    public void Calculate_Midpoint_RoundsAwayFromZero()
    {
        // 50.00 at 3.65 % for one day is exactly 0.005.
        var result = InterestCalculator.Calculate(InterestScheme.Fixed(3.65m), Eur(50.00m), 1.March(2025), 1.March(2025));

        Assert.Equal(Eur(0.01m), result.Total);
    }

    [Fact]
    public void Calculate_Yen_RoundsToWholeUnits()
    {
        var result = InterestCalculator.Calculate(InterestScheme.Fixed(5.12m), new Money(100_000m, Currency.JPY), 1.March(2025), 25.March(2025));

        Assert.Equal(new Money(351m, Currency.JPY), result.Total); // 350.68...
    }

    [Fact]
    public void Calculate_NegativeBaseRatesWithSmallSpread_ChargeZeroNotNegative()
    {
        var scheme = InterestScheme.BaseRatePlus(BaseRateTable.Germany, 0.5m);

        var result = InterestCalculator.Calculate(scheme, Eur(10_000.00m), 1.January(2013), 31.December(2014));

        Assert.Equal(
            [
                new InterestPeriod(1.January(2013), 30.June(2013), 181, 0.37m, Eur(18.35m)),
                new InterestPeriod(1.July(2013), 31.December(2013), 184, 0.12m, Eur(6.05m)),
                new InterestPeriod(1.January(2014), 31.December(2014), 365, 0m, Eur(0m)), // -0.13 and -0.23 clamp to 0
            ],
            result.Periods);
        Assert.Equal(Eur(24.40m), result.Total);
    }

    [Fact]
    public void Calculate_NegativeBaseRatesWithStatutorySpread_UseTheReducedRate()
    {
        var result = InterestCalculator.Calculate(
            InterestScheme.GermanStatutoryBusinessBeforeJuly2014(), Eur(10_000.00m), 1.January(2014), 31.December(2014));

        Assert.Equal([7.37m, 7.27m], result.Periods.Select(p => p.AnnualRatePercent));
        Assert.Equal(Eur(731.96m), result.Total);
    }

    [Fact]
    public void Calculate_OneDay_CountsOneDay()
    {
        var result = InterestCalculator.Calculate(InterestScheme.Fixed(3.65m), Eur(1_000m), 1.July(2023), 1.July(2023));

        Assert.Equal(1, Assert.Single(result.Periods).Days);
        Assert.Equal(Eur(0.10m), result.Total);
    }

    [Fact]
    public void Calculate_ZeroPrincipal_GivesZero()
    {
        var result = InterestCalculator.Calculate(InterestScheme.GermanStatutory(false), Eur(0m), 15.June(2023), 14.July(2023));

        Assert.Equal(Eur(0m), result.Total);
        Assert.All(result.Periods, p => Assert.True(p.Amount.IsZero));
    }

    [Fact]
    public void Calculate_NullScheme_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => InterestCalculator.Calculate(null!, Eur(1m), 1.July(2023), 2.July(2023)));

        Assert.Equal("scheme", exception.ParamName);
    }

    [Fact]
    public void Calculate_NegativePrincipal_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => InterestCalculator.Calculate(InterestScheme.Fixed(5m), Eur(-0.01m), 1.July(2023), 2.July(2023)));

        Assert.Equal("principal", exception.ParamName);
    }

    [Fact]
    public void Calculate_DefaultMoney_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => InterestCalculator.Calculate(InterestScheme.Fixed(5m), default, 1.July(2023), 2.July(2023)));

        Assert.Equal("principal", exception.ParamName);
    }

    [Fact]
    public void Calculate_FirstDayAfterLastDay_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => InterestCalculator.Calculate(InterestScheme.Fixed(5m), Eur(1m), 2.July(2023), 1.July(2023)));

        Assert.Equal("firstDay", exception.ParamName);
    }

    [Fact]
    public void Calculate_FirstDayBeforeTheBaseRateTable_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => InterestCalculator.Calculate(InterestScheme.GermanStatutory(true), Eur(1m), 31.December(2001), 1.July(2002)));

        Assert.Equal("firstDay", exception.ParamName);
    }

    [Fact]
    public void Calculate_NonIsoLastDay_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => InterestCalculator.Calculate(InterestScheme.Fixed(5m), Eur(1m), 1.July(2023), 2.July(2023).WithCalendar(CalendarSystem.Julian)));

        Assert.Equal("lastDay", exception.ParamName);
    }

    [Fact]
    public void Calculate_Thirty360FullMonths_CountThirtyDaysEach()
    {
        Assert.Equal(30m, Thirty360Days(1.January(2025), 31.January(2025)));
        Assert.Equal(30m, Thirty360Days(1.February(2025), 28.February(2025)));
        Assert.Equal(30m, Thirty360Days(1.February(2024), 29.February(2024)));
        Assert.Equal(360m, Thirty360Days(1.January(2025), 31.December(2025)));
    }

    [Fact]
    public void Calculate_Thirty360The31st_CountsAsThe30th()
    {
        Assert.Equal(210m, Thirty360Days(1.January(2016), 31.July(2016)));
        Assert.Equal(1m, Thirty360Days(30.March(2025), 31.March(2025)));
        Assert.Equal(0m, Thirty360Days(31.March(2025), 31.March(2025)));
        Assert.Equal(1m, Thirty360Days(31.March(2025), 1.April(2025)));
    }

    [Fact]
    public void Calculate_Thirty360EndOfFebruary_CountsAsThe30th()
    {
        Assert.Equal(50m, Thirty360Days(11.January(2001), 28.February(2001))); // 20 + 30
        Assert.Equal(10m, Thirty360Days(1.March(2001), 10.March(2001)));
        Assert.Equal(3m, Thirty360Days(28.February(2025), 28.February(2025))); // the 28th stands for 28, 29, 30
        Assert.Equal(2m, Thirty360Days(29.February(2024), 29.February(2024)));
        Assert.Equal(27m, Thirty360Days(1.February(2025), 27.February(2025)));
    }

    [Fact]
    public void Calculate_SwissStatutory_CountsThirty360()
    {
        var result = InterestCalculator.Calculate(InterestScheme.SwissStatutory(), new Money(10_000m, Currency.CHF), 1.January(2025), 31.December(2025));

        Assert.Equal(new Money(500m, Currency.CHF), result.Total);
    }

    [Fact]
    public void Calculate_RateChangeOnThe31stUnderThirty360_GivesAZeroDayPeriod()
    {
        var table = new BaseRateTable([(1.January(2025), 4m), (31.January(2025), 6m), (1.February(2025), 4m)]);

        var result = InterestCalculator.Calculate(
            InterestScheme.BaseRatePlus(table, 0m, DayCountConvention.Thirty360), Eur(10_000m), 1.January(2025), 28.February(2025));

        Assert.Equal([30, 0, 30], result.Periods.Select(p => p.Days));
        Assert.Equal(Eur(66.67m), result.Total); // 60 days at 4 %
    }

    [Fact]
    public void Calculate_MinimumAmountAndRecoveryCompensation_AreNotApplied()
    {
        var scheme = InterestScheme.Fixed(5.12m).WithMinimumAmount(10m).WithRecoveryCompensation(Eur(40m));

        var result = InterestCalculator.Calculate(scheme, Eur(1_000.00m), 1.March(2025), 25.March(2025));

        Assert.Equal(Eur(3.51m), result.Total);
    }

    [Fact]
    public void Calculate_Periods_CannotBeModifiedThroughTheList()
    {
        var result = InterestCalculator.Calculate(InterestScheme.GermanStatutory(false), Eur(10_000m), 15.June(2023), 14.July(2023));

        Assert.False(result.Periods is InterestPeriod[]);
        Assert.True(((ICollection<InterestPeriod>)result.Periods).IsReadOnly);
    }

    [Fact]
    public void CalculateExact_Range_IsTheUnroundedSumOfThePeriods()
    {
        var scheme = InterestScheme.GermanStatutory(false);

        var exact = InterestCalculator.CalculateExact(scheme, Eur(10_000m), 15.June(2023), 14.July(2023));
        var periods = InterestCalculator.CalculateExactPeriods(scheme, Eur(10_000m), 15.June(2023), 14.July(2023));

        Assert.Equal(exact, periods[0].Amount + periods[1].Amount);
        Assert.Equal((10_000m * 10.62m * 16m) + (10_000m * 12.12m * 14m), exact.Numerator);
        Assert.Equal(36_500m, exact.Denominator);
        Assert.Equal(Eur(93.04m), exact.Round());
    }

    [Fact]
    public void CalculateExact_AdjacentRanges_AddUpToTheJoinedRange()
    {
        var scheme = InterestScheme.Fixed(7.77m, DayCountConvention.ActualActual);

        var joined = InterestCalculator.CalculateExact(scheme, Eur(1_234.56m), 17.November(2023), 3.March(2024));
        var first = InterestCalculator.CalculateExact(scheme, Eur(1_234.56m), 17.November(2023), 9.January(2024));
        var second = InterestCalculator.CalculateExact(scheme, Eur(1_234.56m), 10.January(2024), 3.March(2024));

        Assert.Equal(joined, first + second);
    }

    [Fact]
    public void CalculateExact_NegativePrincipal_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => InterestCalculator.CalculateExact(InterestScheme.Fixed(5m), Eur(-1m), 1.July(2023), 2.July(2023)));

        Assert.Equal("principal", exception.ParamName);
    }
}
