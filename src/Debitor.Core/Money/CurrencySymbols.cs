using System.Globalization;

namespace Debitor.Core;

/// <summary>Finds the symbol people expect for a currency in a culture.</summary>
internal static class CurrencySymbols
{
    /// <summary>
    /// The culture's own symbol when the culture's region uses this currency (de-DE and EUR: "€");
    /// otherwise a well-known symbol (€, $, £, ¥) or the ISO code.
    /// </summary>
    internal static string For(Currency currency, IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentCulture;
        if (!culture.IsNeutralCulture && !string.IsNullOrEmpty(culture.Name))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                if (string.Equals(region.ISOCurrencySymbol, currency.Code, StringComparison.Ordinal))
                {
                    return culture.NumberFormat.CurrencySymbol;
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region: fall through to the table.
            }
        }

        return currency.Code switch
        {
            "EUR" => "€",
            "USD" => "$",
            "GBP" => "£",
            "JPY" => "¥",
            _ => currency.Code,
        };
    }
}
