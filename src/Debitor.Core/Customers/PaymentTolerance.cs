using Ardalis.GuardClauses;

namespace Debitor.Core.Customers;

/// <summary>
/// Payment tolerance (R3.2): a payment that differs from the open amount by no more than the tolerance
/// settles the item, and the difference is written off.
/// </summary>
/// <remarks>
/// The tolerance of an item is the lower of <see cref="Percent"/> of the item's amount and
/// <see cref="MaximumAmount"/> (in the item's currency). A zero in either means "not set": then the other
/// alone applies; both zero means no tolerance. <see cref="None"/> is the opt-out.
/// </remarks>
public sealed record PaymentTolerance
{
    /// <summary>Creates a tolerance.</summary>
    /// <param name="percent">Percent of the item's amount, 0 (not set) to 100.</param>
    /// <param name="maximumAmount">Fixed amount in the item's currency, 0 (not set) to <see cref="Bounds.MaxAmount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public PaymentTolerance(decimal percent, decimal maximumAmount)
    {
        Percent = Guard.Against.OutOfRange(percent, nameof(percent), 0m, 100m);
        MaximumAmount = Guard.Against.OutOfRange(maximumAmount, nameof(maximumAmount), 0m, Bounds.MaxAmount);
    }

    /// <summary>No payment tolerance (the per-customer opt-out).</summary>
    public static PaymentTolerance None { get; } = new(0m, 0m);

    /// <summary>Percent of the item's amount; 0 means not set.</summary>
    public decimal Percent { get; }

    /// <summary>Fixed maximum in the item's currency; 0 means not set.</summary>
    public decimal MaximumAmount { get; }

    /// <summary>Whether any tolerance applies.</summary>
    public bool IsEnabled => Percent > 0m || MaximumAmount > 0m;
}
