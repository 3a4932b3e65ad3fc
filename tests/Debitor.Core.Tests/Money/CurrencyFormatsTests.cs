using System.Globalization;
using FsCheck.Xunit;

namespace Debitor.Core.Tests;

/// <summary>The shared currency formats of <c>Money.ToString("C")</c> (D16.122) give what a fresh copy of the culture's format gives.</summary>
public sealed class CurrencyFormatsTests
{
    private static readonly string[] Cultures = ["de-DE", "de-CH", "en-US", "en-GB", "fr-FR", "it-IT", ""];

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool ToStringC_ReadOnlyCulture_EqualsAFreshCopyOfTheCulturesFormat(Money amount, byte pick)
    {
        var culture = CultureInfo.GetCultureInfo(Cultures[pick % Cultures.Length]);
        var decimals = Math.Max(amount.Currency.MinorUnits, amount.Amount.Scale);
        var fresh = (NumberFormatInfo)culture.NumberFormat.Clone();
        fresh.CurrencySymbol = CurrencySymbols.For(amount.Currency, culture);
        fresh.CurrencyDecimalDigits = decimals;

        return amount.ToString("C", culture) == amount.Amount.ToString("C", fresh)
            && amount.ToString("C", culture) == amount.ToString("C", culture);
    }

    [Fact]
    public void ToStringC_WritableCultureChangedBetweenCalls_UsesTheChangedFormat()
    {
        var culture = new CultureInfo("de-DE");
        var amount = new Money(1234.5m, Currency.EUR);
        Assert.Equal("1.234,50 €", amount.ToString("C", culture));

        culture.NumberFormat.CurrencyGroupSeparator = "'";
        culture.NumberFormat.CurrencyDecimalSeparator = ".";

        Assert.Equal("1'234.50 €", amount.ToString("C", culture));
        Assert.Equal("1.234,50 €", amount.ToString("C", CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void ToStringC_SharedFormat_CannotBeChangedByACaller()
    {
        var shared = CurrencyFormats.For(CultureInfo.GetCultureInfo("de-DE").NumberFormat, "€", 2);

        Assert.True(shared.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => shared.CurrencySymbol = "$");
    }
}
