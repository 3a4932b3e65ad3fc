namespace Debitor.Core.Interest;

/// <summary>Where an interest calculation rounds to the currency's minor units.</summary>
/// <remarks>
/// Rounding is always commercial (<see cref="MidpointRounding.AwayFromZero"/>) to the minor units of the
/// principal's currency. Each period's own amount is always shown rounded; this setting decides the total.
/// </remarks>
public enum InterestRounding
{
    /// <summary>The exact, unrounded amounts of all periods are added and the sum is rounded once.</summary>
    Total,

    /// <summary>Each period's amount is rounded and the total is the sum of the rounded amounts.</summary>
    EachPeriod,
}
