using System.Globalization;

namespace Debitor.Core;

/// <summary>
/// The documented bounds of numeric input (see <c>docs/architecture.md</c>, "Bounds"): far above any real receivable, far
/// below the point where sums, interest or minor-unit arithmetic could overflow. Values outside are refused where they
/// enter the library with an <see cref="ArgumentException"/> naming the argument, so one extreme value can never break
/// later reads of an account or of the whole portfolio.
/// </summary>
public static class Bounds
{
    /// <summary>
    /// The largest magnitude of any amount that enters the library (an invoice, installment, payment, charge, credit
    /// limit, fee, threshold): 100 trillion (10^14) in major units of any currency.
    /// </summary>
    /// <remarks>
    /// 10^14 is about a thousand times the largest invoices ever written. At four decimal places it is 10^18 minor units,
    /// below the 9.2 × 10^18 of a 64-bit integer (<see cref="Money.Allocate(int)"/> splits in minor units); a sum of
    /// 10^9 such amounts, or a century of interest at 100 % on one, stays below 10^24, far from <see cref="decimal"/>'s
    /// 7.9 × 10^28.
    /// </remarks>
    public const decimal MaxAmount = 100_000_000_000_000m;

    /// <summary>
    /// The most parts one amount is split into: installments of an invoice or of a payment agreement, parts or ratios of
    /// <see cref="Money.Allocate(int)"/>. Ten thousand: a monthly installment for more than 800 years.
    /// </summary>
    public const int MaxParts = 10_000;

    /// <summary>The largest weight <see cref="Money.Allocate(IReadOnlyList{decimal})"/> takes: 10^18, so that <see cref="MaxParts"/> weights add up without overflow.</summary>
    public const decimal MaxRatio = 1_000_000_000_000_000_000m;

    /// <summary>
    /// The most days a period of payment terms may have (net days, cash-discount days, grace days of an agreement): 36,600,
    /// a century. Dates computed from them stay far inside the calendar.
    /// </summary>
    public const int MaxDays = 36_600;

    /// <summary>Refuses an amount beyond <see cref="MaxAmount"/> (either sign).</summary>
    internal static Money Amount(Money amount, string parameterName)
    {
        if (Math.Abs(amount.Amount) > MaxAmount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The amount {amount} is beyond the bound of {MaxAmount:N0} (Bounds.MaxAmount); no receivable is that large."),
                parameterName);
        }

        return amount;
    }

    /// <summary>Refuses a number of parts below 1 or above <see cref="MaxParts"/>.</summary>
    internal static int Parts(int parts, string parameterName) =>
        parts is >= 1 and <= MaxParts
            ? parts
            : throw new ArgumentOutOfRangeException(parameterName, parts, string.Create(CultureInfo.InvariantCulture, $"Between 1 and {MaxParts:N0} parts (Bounds.MaxParts)."));

    /// <summary>Refuses a number of days below 0 or above <see cref="MaxDays"/>.</summary>
    internal static int Days(int days, string parameterName) =>
        days is >= 0 and <= MaxDays
            ? days
            : throw new ArgumentOutOfRangeException(parameterName, days, string.Create(CultureInfo.InvariantCulture, $"Between 0 and {MaxDays:N0} days (Bounds.MaxDays)."));
}
