using System.Globalization;

namespace Debitor.Core.Tests;


public sealed class MoneyTests
{
    private static Money Eur(decimal amount) => new(amount, Currency.EUR);

    [Fact]
    public void Constructor_DefaultCurrency_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Money(1m, default));

        Assert.Equal("currency", exception.ParamName);
    }

    [Fact]
    public void Zero_IsZeroInCurrency()
    {
        var zero = Money.Zero(Currency.CHF);

        Assert.True(zero.IsZero);
        Assert.Equal(Currency.CHF, zero.Currency);
    }

    [Fact]
    public void Operators_SameCurrency_Compute()
    {
        Assert.Equal(Eur(3.50m), Eur(1.25m) + Eur(2.25m));
        Assert.Equal(Eur(-1.00m), Eur(1.25m) - Eur(2.25m));
        Assert.Equal(Eur(-1.25m), -Eur(1.25m));
        Assert.Equal(Eur(2.50m), Eur(1.25m) * 2m);
        Assert.Equal(Eur(2.50m), 2m * Eur(1.25m));
        Assert.Equal(Eur(0.625m), Eur(1.25m) / 2m);
        Assert.True(Eur(1m) < Eur(2m));
        Assert.True(Eur(2m) > Eur(1m));
        Assert.True(Eur(2m) <= Eur(2.00m));
        Assert.True(Eur(2m) >= Eur(2.00m));
    }

    [Fact]
    public void Operators_MixedCurrencies_ThrowCurrencyMismatch()
    {
        var eur = Eur(1m);
        var usd = new Money(1m, Currency.USD);

        Assert.Throws<CurrencyMismatchException>(() => eur + usd);
        Assert.Throws<CurrencyMismatchException>(() => eur - usd);
        Assert.Throws<CurrencyMismatchException>(() => eur < usd);
        Assert.Throws<CurrencyMismatchException>(() => eur > usd);
        Assert.Throws<CurrencyMismatchException>(() => eur <= usd);
        Assert.Throws<CurrencyMismatchException>(() => eur >= usd);
        Assert.Throws<CurrencyMismatchException>(() => eur.CompareTo(usd));
        Assert.IsAssignableFrom<InvalidOperationException>(Assert.Throws<CurrencyMismatchException>(() => eur + usd));
    }

    [Fact]
    public void Equals_DifferentCurrency_IsFalseWithoutThrowing()
    {
        Assert.NotEqual(Eur(1m), new Money(1m, Currency.USD));
        Assert.True(Eur(1m) != new Money(1m, Currency.USD));
    }

    [Fact]
    public void Equals_DifferentScale_IsEqualWithSameHash()
    {
        Assert.Equal(Eur(1.5m), Eur(1.50m));
        Assert.Equal(Eur(1.5m).GetHashCode(), Eur(1.50m).GetHashCode());
    }

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.355", "2.36")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.344", "2.34")]
    public void Round_Default_IsCommercialHalfAwayFromZero(string amount, string expected) =>
        Assert.Equal(Eur(decimal.Parse(expected, CultureInfo.InvariantCulture)), Eur(decimal.Parse(amount, CultureInfo.InvariantCulture)).Round());

    [Fact]
    public void Round_ToEven_UsesBankersRounding() =>
        Assert.Equal(Eur(2.34m), Eur(2.345m).Round(MidpointRounding.ToEven));

    [Fact]
    public void Round_CurrencyWithoutMinorUnits_RoundsToWholeUnits()
    {
        Assert.Equal(new Money(3m, Currency.JPY), new Money(2.5m, Currency.JPY).Round());
        Assert.Equal(new Money(1.235m, Currency.FromCode("KWD")), new Money(1.2345m, Currency.FromCode("KWD")).Round());
    }

    [Fact]
    public void Allocate_HundredInThree_LeftoverToEarliest()
    {
        var parts = Eur(100.00m).Allocate(3);

        Assert.Equal([Eur(33.34m), Eur(33.33m), Eur(33.33m)], parts);
    }

    [Fact]
    public void Allocate_NegativeAmount_MirrorsPositive()
    {
        var parts = Eur(-100.00m).Allocate(3);

        Assert.Equal([Eur(-33.34m), Eur(-33.33m), Eur(-33.33m)], parts);
    }

    [Fact]
    public void Allocate_RatiosOneToTwo_LargestRemainderGetsTheCent()
    {
        var parts = Eur(1.00m).Allocate([1m, 2m]);

        Assert.Equal([Eur(0.33m), Eur(0.67m)], parts);
    }

    [Fact]
    public void Allocate_EqualRatios_TiesGoToEarlierPart()
    {
        var parts = Eur(0.02m).Allocate([1m, 1m, 1m]);

        Assert.Equal([Eur(0.01m), Eur(0.01m), Eur(0m)], parts);
    }

    [Fact]
    public void Allocate_ZeroRatio_GetsNothing()
    {
        var parts = Eur(10.00m).Allocate([0m, 3m, 0m]);

        Assert.Equal([Eur(0m), Eur(10.00m), Eur(0m)], parts);
    }

    [Fact]
    public void Allocate_Yen_WholeYen()
    {
        var parts = new Money(100m, Currency.JPY).Allocate(3);

        Assert.Equal([34m, 33m, 33m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_FractionOfMinorUnit_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Eur(1.005m).Allocate(2));
        Assert.Throws<ArgumentException>(() => Eur(1.005m).Allocate([1m, 1m]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Allocate_PartsBelowOne_ThrowsArgumentOutOfRange(int parts)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Eur(1m).Allocate(parts));

        Assert.Equal("parts", exception.ParamName);
    }

    [Fact]
    public void Allocate_BadRatios_ThrowArgumentExceptionNamingRatios()
    {
        Assert.Equal("ratios", Assert.Throws<ArgumentException>(() => Eur(1m).Allocate(Array.Empty<decimal>())).ParamName);
        Assert.Equal("ratios", Assert.Throws<ArgumentException>(() => Eur(1m).Allocate([1m, -1m])).ParamName);
        Assert.Equal("ratios", Assert.Throws<ArgumentException>(() => Eur(1m).Allocate([0m, 0m])).ParamName);
        Assert.Throws<ArgumentNullException>(() => Eur(1m).Allocate((IReadOnlyList<decimal>)null!));
    }

    [Fact]
    public void ToString_Invariant_AmountWithMinorUnitsAndCode()
    {
        Assert.Equal("1234.50 EUR", Eur(1234.5m).ToString());
        Assert.Equal("-0.05 EUR", Eur(-0.05m).ToString());
        Assert.Equal("100 JPY", new Money(100m, Currency.JPY).ToString());
        Assert.Equal("1.2345 EUR", Eur(1.2345m).ToString());
    }

    [Fact]
    public void ToString_German_UsesEuroSignAndGermanSeparators()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");

        Assert.Equal("1.234,50 €", Eur(1234.5m).ToString(german));
        Assert.Equal("1.234,50 €", Eur(1234.5m).ToString("C", german));
        Assert.Equal("1.234,50", Eur(1234.5m).ToString("N", german));
    }

    [Fact]
    public void ToString_UnknownFormat_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => Eur(1m).ToString("X", CultureInfo.InvariantCulture));

    [Fact]
    public void Default_HasNoCurrencyAndCannotBeAllocated()
    {
        Assert.Equal(0m, default(Money).Amount);
        Assert.Throws<InvalidOperationException>(() => default(Money).Allocate(2));
    }
}
