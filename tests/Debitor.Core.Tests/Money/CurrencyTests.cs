namespace Debitor.Core.Tests;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("eur", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("UYW", 4)]
    [InlineData("ISK", 0)]
    [InlineData("CHF", 2)]
    public void FromCode_ActiveCode_HasIsoMinorUnits(string code, int minorUnits)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code.ToUpperInvariant(), currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("DEM")]
    [InlineData("XAU")]
    [InlineData(" EUR")]
    public void FromCode_UnknownOrMalformed_ThrowsArgumentExceptionNamingCode(string code)
    {
        var exception = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Equal("code", exception.ParamName);
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));

    [Fact]
    public void StaticProperties_AreTheTableEntries()
    {
        Assert.Equal(("EUR", 2), (Currency.EUR.Code, Currency.EUR.MinorUnits));
        Assert.Equal(("CHF", 2), (Currency.CHF.Code, Currency.CHF.MinorUnits));
        Assert.Equal(("USD", 2), (Currency.USD.Code, Currency.USD.MinorUnits));
        Assert.Equal(("GBP", 2), (Currency.GBP.Code, Currency.GBP.MinorUnits));
        Assert.Equal(("JPY", 0), (Currency.JPY.Code, Currency.JPY.MinorUnits));
    }

    [Fact]
    public void Equals_SameCodeDifferentCase_AreEqual()
    {
        Assert.Equal(Currency.EUR, Currency.FromCode("eUr"));
        Assert.True(Currency.EUR == Currency.FromCode("EUR"));
        Assert.True(Currency.EUR != Currency.USD);
        Assert.Equal(Currency.EUR.GetHashCode(), Currency.FromCode("eur").GetHashCode());
    }

    [Fact]
    public void Default_IsNoCurrency()
    {
        Assert.Equal(string.Empty, default(Currency).Code);
        Assert.NotEqual(Currency.EUR, default);
    }

    [Fact]
    public void All_CoversTheActiveTableWithoutDuplicates()
    {
        var codes = Currency.All.Select(c => c.Code).ToList();

        Assert.True(codes.Count >= 150, $"only {codes.Count} currencies");
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Currency.All, c => Assert.InRange(c.MinorUnits, 0, 4));
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }
}
