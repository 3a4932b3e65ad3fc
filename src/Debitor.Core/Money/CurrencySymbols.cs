using System.Collections.Concurrent;
using System.Globalization;

namespace Debitor.Core;

/// <summary>Finds the symbol people expect for a currency in a culture.</summary>
internal static class CurrencySymbols
{
    /// <summary>
    /// The ISO currency of each specific culture's region by culture name (<see langword="null"/>: the culture has no
    /// region). Looking a region up takes a process-wide lock inside the runtime, and a run formats amounts for every
    /// letter on every core (D16.140); what a name maps to never changes, so it is looked up once per name.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string?> RegionCurrencies = new(StringComparer.Ordinal);

    /// <summary>
    /// The culture's own symbol when the culture's region uses this currency (de-DE and EUR: "€");
    /// otherwise a well-known symbol (€, $, £, ¥) or the ISO code.
    /// </summary>
    internal static string For(Currency currency, IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentCulture;
        if (!culture.IsNeutralCulture && !string.IsNullOrEmpty(culture.Name)
            && string.Equals(RegionCurrencies.GetOrAdd(culture.Name, RegionCurrency), currency.Code, StringComparison.Ordinal))
        {
            return culture.NumberFormat.CurrencySymbol;
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

    private static string? RegionCurrency(string cultureName)
    {
        try
        {
            return new RegionInfo(cultureName).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            // A culture without a region: the table decides.
            return null;
        }
    }
}
