using System.Globalization;

namespace Debitor.Core.Tests;

/// <summary>The currency symbol of a culture, with regions looked up once per culture name (D16.140).</summary>
public sealed class CurrencySymbolsTests
{
    public static TheoryData<string> Currencies => new() { "EUR", "USD", "GBP", "JPY", "CHF", "SEK", "PLN" };

    [Theory]
    [MemberData(nameof(Currencies))]
    public void For_EverySpecificCulture_GivesWhatTheCulturesRegionSays(string code)
    {
        var currency = Currency.FromCode(code);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            var expected = UncachedSymbol(currency, culture);

            Assert.Equal(expected, CurrencySymbols.For(currency, culture));
            Assert.Equal(expected, CurrencySymbols.For(currency, culture));
        }
    }

    [Fact]
    public void For_GermanCultures_GiveTheEuroSignOnlyWhereTheRegionPaysInEuro()
    {
        Assert.Equal("€", CurrencySymbols.For(Currency.EUR, CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("CHF", CurrencySymbols.For(Currency.FromCode("CHF"), CultureInfo.GetCultureInfo("de-CH")));
        Assert.Equal("€", CurrencySymbols.For(Currency.EUR, CultureInfo.GetCultureInfo("de-CH")));
        Assert.Equal("€", CurrencySymbols.For(Currency.EUR, CultureInfo.InvariantCulture));
        Assert.Equal("SEK", CurrencySymbols.For(Currency.FromCode("SEK"), CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void For_WritableCultureWithAnotherSymbol_UsesTheCulturesCurrentSymbol()
    {
        var culture = new CultureInfo("de-DE");
        culture.NumberFormat.CurrencySymbol = "EUR";

        Assert.Equal("EUR", CurrencySymbols.For(Currency.EUR, culture));
    }

    /// <summary>The rule as written before regions were held: a fresh region per call.</summary>
    private static string UncachedSymbol(Currency currency, CultureInfo culture)
    {
        string? regionCurrency;
        try
        {
            regionCurrency = new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            regionCurrency = null;
        }

        // The invariant culture has no region, so it gives the table's symbol.
        return regionCurrency == currency.Code ? culture.NumberFormat.CurrencySymbol : CurrencySymbols.For(currency, CultureInfo.InvariantCulture);
    }
}
