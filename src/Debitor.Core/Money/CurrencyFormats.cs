using System.Collections.Concurrent;
using System.Globalization;

namespace Debitor.Core;

/// <summary>
/// The number formats <see cref="Money.ToString(string?, IFormatProvider?)"/> uses for <c>"C"</c>: the culture's format
/// with the currency's symbol and decimals. A read-only culture's format cannot change, so its copy is made once per
/// symbol and decimals and shared (a letter formats dozens of amounts; copying the format for each was a tenth of
/// writing one); a writable one is copied on every call, as it may have changed since.
/// </summary>
internal static class CurrencyFormats
{
    private static readonly ConcurrentDictionary<(NumberFormatInfo Culture, string Symbol, int Decimals), NumberFormatInfo> Shared = new();

    public static NumberFormatInfo For(NumberFormatInfo culture, string symbol, int decimals)
    {
        if (!culture.IsReadOnly)
        {
            return Copy(culture, symbol, decimals);
        }

        return Shared.GetOrAdd((culture, symbol, decimals), static key => NumberFormatInfo.ReadOnly(Copy(key.Culture, key.Symbol, key.Decimals)));
    }

    private static NumberFormatInfo Copy(NumberFormatInfo culture, string symbol, int decimals)
    {
        var numbers = (NumberFormatInfo)culture.Clone();
        numbers.CurrencySymbol = symbol;
        numbers.CurrencyDecimalDigits = decimals;
        return numbers;
    }
}
