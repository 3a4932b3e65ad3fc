using Debitor.Core.Interest;

namespace Debitor.Core.Tests.Interest;

public sealed class ExactInterestTests
{
    [Fact]
    public void Add_SameDenominator_AddsNumerators()
    {
        var sum = new ExactInterest(1m, 36_500m, Currency.EUR) + new ExactInterest(2m, 36_500m, Currency.EUR);

        Assert.Equal(3m, sum.Numerator);
        Assert.Equal(36_500m, sum.Denominator);
    }

    [Fact]
    public void Add_DifferentDenominators_KeepsTheExactValue()
    {
        var sum = new ExactInterest(1m, 3m, Currency.EUR) + new ExactInterest(1m, 6m, Currency.EUR);

        Assert.Equal(new ExactInterest(1m, 2m, Currency.EUR), sum);
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsCurrencyMismatch()
    {
        Assert.Throws<CurrencyMismatchException>(
            () => new ExactInterest(1m, 3m, Currency.EUR) + new ExactInterest(1m, 3m, Currency.CHF));
    }

    [Fact]
    public void Round_Midpoint_RoundsAwayFromZero()
    {
        Assert.Equal(new Money(0.01m, Currency.EUR), new ExactInterest(182.5m, 36_500m, Currency.EUR).Round());
        Assert.Equal(new Money(0.00m, Currency.EUR), new ExactInterest(182.4m, 36_500m, Currency.EUR).Round());
    }

    [Fact]
    public void Value_IsTheQuotient()
    {
        Assert.Equal(0.005m, new ExactInterest(182.5m, 36_500m, Currency.EUR).Value);
    }
}
