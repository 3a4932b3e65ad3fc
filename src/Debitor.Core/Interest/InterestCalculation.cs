namespace Debitor.Core.Interest;

/// <summary>The result of an interest calculation: the total and the periods it is made of.</summary>
/// <param name="Total">The interest, rounded to the currency's minor units as the scheme's
/// <see cref="InterestScheme.Rounding"/> says. With <see cref="InterestRounding.Total"/> it is the exact sum rounded
/// once and may differ by a minor unit or so from the sum of the rounded <see cref="InterestPeriod.Amount"/>s; with
/// <see cref="InterestRounding.EachPeriod"/> it is that sum.</param>
/// <param name="Periods">The periods in date order, covering the range without gaps or overlaps.</param>
/// <remarks>Two calculations are equal when their totals and their periods are equal, period by period.</remarks>
public sealed record InterestCalculation(Money Total, IReadOnlyList<InterestPeriod> Periods)
{
    /// <summary>Whether two calculations have the same total and the same periods in the same order.</summary>
    /// <param name="other">The other calculation.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(InterestCalculation? other) =>
        other is not null && Total == other.Total && Periods.SequenceEqual(other.Periods);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Total, Periods.Count);
}
