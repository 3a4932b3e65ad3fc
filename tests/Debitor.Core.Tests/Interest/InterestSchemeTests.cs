using Debitor.Core.Interest;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Interest;

public sealed class InterestSchemeTests
{
    [Fact]
    public void Fixed_Defaults_Actual365FixedRoundedOnce()
    {
        var scheme = InterestScheme.Fixed(5m);

        Assert.Equal(5m, scheme.FixedRatePercent);
        Assert.Null(scheme.BaseRates);
        Assert.Equal(0m, scheme.SpreadPercentagePoints);
        Assert.Equal(DayCountConvention.Actual365Fixed, scheme.DayCount);
        Assert.Equal(InterestRounding.Total, scheme.Rounding);
        Assert.Equal(0m, scheme.MinimumAmount);
        Assert.Null(scheme.RecoveryCompensation);
    }

    [Fact]
    public void Fixed_NegativeRate_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => InterestScheme.Fixed(-0.01m));

        Assert.Equal("annualRatePercent", exception.ParamName);
    }

    [Fact]
    public void Fixed_UndefinedDayCount_ThrowsArgumentException()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => InterestScheme.Fixed(5m, (DayCountConvention)42));

        Assert.Equal("dayCount", exception.ParamName);
    }

    [Fact]
    public void Fixed_UndefinedRounding_ThrowsArgumentException()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => InterestScheme.Fixed(5m, rounding: (InterestRounding)42));

        Assert.Equal("rounding", exception.ParamName);
    }

    [Fact]
    public void BaseRatePlus_NullTable_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => InterestScheme.BaseRatePlus(null!, 5m));

        Assert.Equal("table", exception.ParamName);
    }

    [Fact]
    public void BaseRatePlus_Settings_AreExposed()
    {
        var scheme = InterestScheme.BaseRatePlus(BaseRateTable.Germany, 3m, DayCountConvention.ActualActual, InterestRounding.EachPeriod);

        Assert.Same(BaseRateTable.Germany, scheme.BaseRates);
        Assert.Null(scheme.FixedRatePercent);
        Assert.Equal(3m, scheme.SpreadPercentagePoints);
        Assert.Equal(DayCountConvention.ActualActual, scheme.DayCount);
        Assert.Equal(InterestRounding.EachPeriod, scheme.Rounding);
    }

    [Theory]
    [InlineData(true, 5)]
    [InlineData(false, 9)]
    public void GermanStatutory_ConsumerOrBusiness_AddsFiveOrNinePoints(bool consumerInvolved, int points)
    {
        var scheme = InterestScheme.GermanStatutory(consumerInvolved);

        Assert.Same(BaseRateTable.Germany, scheme.BaseRates);
        Assert.Equal(points, scheme.SpreadPercentagePoints);
        Assert.Equal(DayCountConvention.Actual365Fixed, scheme.DayCount);
        Assert.Equal(InterestRounding.Total, scheme.Rounding);
        Assert.Null(scheme.RecoveryCompensation);
        Assert.Equal(1.62m + points, scheme.AnnualRatePercentOn(30.June(2023)));
    }

    [Fact]
    public void GermanStatutory_ExtendedTable_UsesTheNewRate()
    {
        var extended = BaseRateTable.Germany.With(1.July(2026), 2.00m);

        var scheme = InterestScheme.GermanStatutory(false, extended);

        Assert.Same(extended, scheme.BaseRates);
        Assert.Equal(11.00m, scheme.AnnualRatePercentOn(1.July(2026)));
        Assert.Equal(10.27m, InterestScheme.GermanStatutory(false).AnnualRatePercentOn(1.July(2026)));
    }

    [Fact]
    public void GermanStatutory_NullTable_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => InterestScheme.GermanStatutory(true, null!));

        Assert.Equal("germanBaseRates", exception.ParamName);
    }

    [Fact]
    public void GermanStatutoryBusinessBeforeJuly2014_GivenTable_AddsEightPoints()
    {
        var table = new BaseRateTable([(1.January(2010), 0.12m)]);

        Assert.Equal(8.12m, InterestScheme.GermanStatutoryBusinessBeforeJuly2014(table).AnnualRatePercentOn(1.March(2010)));
        Assert.Throws<ArgumentNullException>(() => InterestScheme.GermanStatutoryBusinessBeforeJuly2014(null!));
    }

    [Fact]
    public void GermanStatutoryBusinessBeforeJuly2014_AddsEightPoints()
    {
        var scheme = InterestScheme.GermanStatutoryBusinessBeforeJuly2014();

        Assert.Equal(8m, scheme.SpreadPercentagePoints);
        Assert.Equal(-0.63m + 8m, scheme.AnnualRatePercentOn(1.March(2014)));
    }

    [Fact]
    public void AustrianCommercial_AddsNinePointTwoPointsToTheGivenTable()
    {
        var austria = new BaseRateTable([(1.January(2025), 2.58m)]);

        var scheme = InterestScheme.AustrianCommercial(austria);

        Assert.Same(austria, scheme.BaseRates);
        Assert.Equal(9.2m, scheme.SpreadPercentagePoints);
        Assert.Equal(11.78m, scheme.AnnualRatePercentOn(1.March(2025)));
    }

    [Fact]
    public void AustrianCommercial_NullTable_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => InterestScheme.AustrianCommercial(null!));

        Assert.Equal("austrianBaseRates", exception.ParamName);
    }

    [Fact]
    public void AustrianCivil_IsFourPercentFixed()
    {
        var scheme = InterestScheme.AustrianCivil();

        Assert.Equal(4m, scheme.FixedRatePercent);
        Assert.Equal(DayCountConvention.Actual365Fixed, scheme.DayCount);
    }

    [Fact]
    public void SwissStatutory_IsFivePercentThirty360()
    {
        var scheme = InterestScheme.SwissStatutory();

        Assert.Equal(5m, scheme.FixedRatePercent);
        Assert.Equal(DayCountConvention.Thirty360, scheme.DayCount);
    }

    [Fact]
    public void AnnualRatePercentOn_NegativeBaseRatePlusSmallSpread_IsZero()
    {
        var scheme = InterestScheme.BaseRatePlus(BaseRateTable.Germany, 0.5m);

        Assert.Equal(0.37m, scheme.AnnualRatePercentOn(1.January(2013)));
        Assert.Equal(0m, scheme.AnnualRatePercentOn(1.January(2014)));
    }

    [Fact]
    public void AnnualRatePercentOn_BeforeTable_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => InterestScheme.GermanStatutory(false).AnnualRatePercentOn(31.December(2001)));

        Assert.Equal("date", exception.ParamName);
    }

    [Fact]
    public void AnnualRatePercentOn_Fixed_IsTheRateOnAnyDay()
    {
        Assert.Equal(4m, InterestScheme.AustrianCivil().AnnualRatePercentOn(1.January(1900)));
    }

    [Fact]
    public void WithMethods_ReturnNewSchemesAndLeaveTheOriginalUnchanged()
    {
        var original = InterestScheme.GermanStatutory(false);
        var fee = new Money(40m, Currency.EUR);

        var changed = original
            .WithDayCount(DayCountConvention.ActualActual)
            .WithRounding(InterestRounding.EachPeriod)
            .WithMinimumAmount(2.50m)
            .WithRecoveryCompensation(fee);

        Assert.Equal(DayCountConvention.ActualActual, changed.DayCount);
        Assert.Equal(InterestRounding.EachPeriod, changed.Rounding);
        Assert.Equal(2.50m, changed.MinimumAmount);
        Assert.Equal(fee, changed.RecoveryCompensation);
        Assert.Equal(9m, changed.SpreadPercentagePoints);
        Assert.Same(BaseRateTable.Germany, changed.BaseRates);
        Assert.Equal(DayCountConvention.Actual365Fixed, original.DayCount);
        Assert.Equal(InterestRounding.Total, original.Rounding);
        Assert.Equal(0m, original.MinimumAmount);
        Assert.Null(original.RecoveryCompensation);
        Assert.Null(changed.WithoutRecoveryCompensation().RecoveryCompensation);
    }

    [Fact]
    public void WithMinimumAmount_Negative_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => InterestScheme.AustrianCivil().WithMinimumAmount(-1m));

        Assert.Equal("minimumAmount", exception.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-40)]
    public void WithRecoveryCompensation_NotPositive_ThrowsArgumentException(int amount)
    {
        var exception = Assert.Throws<ArgumentException>(
            () => InterestScheme.GermanStatutory(false).WithRecoveryCompensation(new Money(amount, Currency.EUR)));

        Assert.Equal("amount", exception.ParamName);
    }

    [Fact]
    public void WithRecoveryCompensation_DefaultMoney_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => InterestScheme.GermanStatutory(false).WithRecoveryCompensation(default));
    }
}
