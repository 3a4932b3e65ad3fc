using Debitor.Core.Interest;
using FsCheck;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Interest;

/// <remarks>
/// Splitting is additive for every day count, 30/360 included: its day count weighs each calendar day
/// (the 31st 0, February's last day 2 or 3, every other day 1), so the days of two adjacent ranges add up to
/// the days of the joined range and no restriction on the split day is needed.
/// </remarks>
public sealed class InterestCalculatorProperties
{
    private static InterestCalculation Calculate(InterestScheme scheme, Money principal, LocalDate firstDay, LocalDate lastDay) =>
        InterestCalculator.Calculate(scheme, principal, firstDay, lastDay);

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void Calculate_SplitIntoAdjacentRanges_ChangesTheTotalByAtMostOneMinorUnit(SplitInterestCase c)
    {
        var scheme = c.Scheme.Build();

        var joined = Calculate(scheme, c.Principal, c.FirstDay, c.LastDay).Total;
        var first = Calculate(scheme, c.Principal, c.FirstDay, c.SecondFirstDay.PlusDays(-1)).Total;
        var second = Calculate(scheme, c.Principal, c.SecondFirstDay, c.LastDay).Total;

        Assert.True((joined - (first + second)).Abs() <= Money.FromMinorUnits(1, c.Principal.Currency), $"{joined} vs {first} + {second}");
    }

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void CalculateExact_SplitIntoAdjacentRanges_AddsUpExactly(SplitInterestCase c)
    {
        var scheme = c.Scheme.Build();

        var joined = InterestCalculator.CalculateExact(scheme, c.Principal, c.FirstDay, c.LastDay);
        var first = InterestCalculator.CalculateExact(scheme, c.Principal, c.FirstDay, c.SecondFirstDay.PlusDays(-1));
        var second = InterestCalculator.CalculateExact(scheme, c.Principal, c.SecondFirstDay, c.LastDay);

        Assert.Equal(joined, first + second);
    }

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void Calculate_MoreDays_NeverGiveLessInterest(InterestCase c, byte extraDays)
    {
        var scheme = c.Scheme.Build();

        var shorter = Calculate(scheme, c.Principal, c.FirstDay, c.LastDay).Total;
        var longer = Calculate(scheme, c.Principal, c.FirstDay, c.LastDay.PlusDays(extraDays)).Total;

        Assert.True(longer >= shorter, $"{longer} < {shorter}");
    }

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void Calculate_EarlierFirstDay_NeverGivesLessInterest(InterestCase c, byte earlierDays)
    {
        var scheme = c.Scheme.Build();
        var earlierFirst = c.FirstDay.PlusDays(-earlierDays);
        if (earlierFirst < new LocalDate(2002, 1, 1))
        {
            return;
        }

        var shorter = Calculate(scheme, c.Principal, c.FirstDay, c.LastDay).Total;
        var longer = Calculate(scheme, c.Principal, earlierFirst, c.LastDay).Total;

        Assert.True(longer >= shorter, $"{longer} < {shorter}");
    }

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void Calculate_HigherPrincipal_NeverGivesLessInterest(InterestCase c, NonNegativeInt extraMinorUnits)
    {
        var scheme = c.Scheme.Build();
        var higher = c.Principal + Money.FromMinorUnits(extraMinorUnits.Get, c.Principal.Currency);

        var less = Calculate(scheme, c.Principal, c.FirstDay, c.LastDay).Total;
        var more = Calculate(scheme, higher, c.FirstDay, c.LastDay).Total;

        Assert.True(more >= less, $"{more} < {less}");
    }

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void Calculate_ZeroRate_GivesZero(InterestCase c)
    {
        var scheme = InterestScheme.Fixed(0m, c.Scheme.DayCount, c.Scheme.Rounding);

        var result = Calculate(scheme, c.Principal, c.FirstDay, c.LastDay);

        Assert.True(result.Total.IsZero);
        Assert.All(result.Periods, p => Assert.True(p.Amount.IsZero));
    }

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void Calculate_Periods_CoverTheRangeInOrderWithoutGaps(InterestCase c)
    {
        var result = Calculate(c.Scheme.Build(), c.Principal, c.FirstDay, c.LastDay);

        Assert.Equal(c.FirstDay, result.Periods[0].FirstDay);
        Assert.Equal(c.LastDay, result.Periods[^1].LastDay);
        for (var i = 0; i < result.Periods.Count; i++)
        {
            Assert.True(result.Periods[i].FirstDay <= result.Periods[i].LastDay);
            Assert.True(result.Periods[i].AnnualRatePercent >= 0m);
            Assert.True(result.Periods[i].Amount.IsRounded);
            if (i > 0)
            {
                Assert.Equal(result.Periods[i - 1].LastDay.PlusDays(1), result.Periods[i].FirstDay);
                var rateChanges = result.Periods[i - 1].AnnualRatePercent != result.Periods[i].AnnualRatePercent;
                var yearEnds = c.Scheme.DayCount == DayCountConvention.ActualActual
                    && result.Periods[i - 1].LastDay.Year != result.Periods[i].FirstDay.Year;
                Assert.True(rateChanges || yearEnds, "A period ends without a change of rate or year.");
            }
        }
    }

    [Property(Arbitrary = [typeof(InterestArbitraries)])]
    public void Calculate_Total_FollowsTheRounding(InterestCase c)
    {
        var scheme = c.Scheme.Build();

        var result = Calculate(scheme, c.Principal, c.FirstDay, c.LastDay);

        var expected = scheme.Rounding == InterestRounding.Total
            ? InterestCalculator.CalculateExact(scheme, c.Principal, c.FirstDay, c.LastDay).Round()
            : result.Periods.Aggregate(Money.Zero(c.Principal.Currency), (sum, p) => sum + p.Amount);
        Assert.Equal(expected, result.Total);
    }
}
