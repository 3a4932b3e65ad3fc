using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Figures;

/// <summary>One bucket of an aging schedule: a range of days overdue, both ends inclusive.</summary>
/// <param name="Index">The bucket's position, 0 for "not due".</param>
/// <param name="FirstDay">The first day overdue in the bucket; <see langword="null"/> for "not due" (0 days or fewer).</param>
/// <param name="LastDay">The last day overdue in the bucket; <see langword="null"/> for the open-ended last bucket.</param>
public sealed record AgingBucket(int Index, int? FirstDay, int? LastDay)
{
    /// <summary>A short label: <c>"not due"</c>, <c>"1-30"</c>, <c>"over 90"</c>.</summary>
    public string Label => (FirstDay, LastDay) switch
    {
        (null, _) => "not due",
        ({ } first, null) => string.Create(CultureInfo.InvariantCulture, $"over {first - 1}"),
        ({ } first, { } last) => string.Create(CultureInfo.InvariantCulture, $"{first}-{last}"),
    };
}

/// <summary>
/// The buckets of an aging analysis (R0.11): "not due" and then ranges of days overdue, given by their upper bounds;
/// <see cref="Standard"/> is not due, 1–30, 31–60, 61–90 and over 90 days.
/// </summary>
/// <remarks>
/// Days overdue = as-of date − effective due date of the installment; 0 or fewer is "not due" (an installment due today is
/// not overdue). Immutable; thread-safe.
/// </remarks>
public sealed record AgingSchedule
{
    private readonly ValueList<int> _upperBounds;
    private readonly ValueList<AgingBucket> _buckets;

    /// <summary>Creates a schedule.</summary>
    /// <param name="upperBounds">The last day overdue of each bucket after "not due", strictly increasing and at least 1; the last
    /// bucket (over the last bound) is added. Empty gives two buckets: not due and overdue.</param>
    /// <exception cref="ArgumentNullException"><paramref name="upperBounds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A bound is below 1 or not greater than the one before.</exception>
    public AgingSchedule(params IEnumerable<int> upperBounds)
    {
        var bounds = Guard.Against.Null(upperBounds).ToList();
        for (var i = 0; i < bounds.Count; i++)
        {
            if (bounds[i] < 1 || (i > 0 && bounds[i] <= bounds[i - 1]))
            {
                throw new ArgumentException("The upper bounds must be at least 1 and strictly increasing, e.g. 30, 60, 90.", nameof(upperBounds));
            }
        }

        _upperBounds = ValueList<int>.From(bounds);
        var buckets = new List<AgingBucket> { new(0, null, 0) };
        var first = 1;
        foreach (var bound in bounds)
        {
            buckets.Add(new AgingBucket(buckets.Count, first, bound));
            first = bound + 1;
        }

        buckets.Add(new AgingBucket(buckets.Count, first, null));
        _buckets = ValueList<AgingBucket>.From(buckets);
    }

    /// <summary>Not due, 1–30, 31–60, 61–90, over 90 days.</summary>
    public static AgingSchedule Standard { get; } = new(30, 60, 90);

    /// <summary>The upper bounds in days overdue.</summary>
    public IReadOnlyList<int> UpperBounds => _upperBounds;

    /// <summary>The buckets, "not due" first.</summary>
    public IReadOnlyList<AgingBucket> Buckets => _buckets;

    /// <summary>The due dates where the buckets change on a date: bucket k+1 holds due dates on or after the k-th threshold.</summary>
    internal LocalDate[] Thresholds(LocalDate asOf)
    {
        var thresholds = new LocalDate[_upperBounds.Count];
        for (var i = 0; i < thresholds.Length; i++)
        {
            thresholds[i] = asOf.PlusDays(-_upperBounds[i]);
        }

        return thresholds;
    }
}
