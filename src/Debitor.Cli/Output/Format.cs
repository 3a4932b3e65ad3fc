using System.Globalization;
using Debitor.Core;

namespace Debitor.Cli.Output;

/// <summary>Invariant formatting of the values the CLI prints.</summary>
internal static class Format
{
    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(LocalDate? date) => date is { } d ? Date(d) : "-";

    public static string Amount(Money money) => money.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Money(Money money) => $"{Amount(money)} {money.Currency.Code}";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
