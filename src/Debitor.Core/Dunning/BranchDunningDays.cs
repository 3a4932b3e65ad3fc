using Ardalis.GuardClauses;

namespace Debitor.Core.Dunning;

/// <summary>
/// Default days per dunning level set per branch, with a company-wide fallback (R4.5, German <em>Filiale</em>).
/// Customers inherit them unless they override a level (<c>Customer.DunningDays</c>).
/// </summary>
/// <remarks>
/// <para>Days are listed per level: entry 0 is level 1. A level a list does not reach falls through: branch, then
/// company, then the scheme's own <see cref="DunningLevel.Days"/>.</para>
/// <para>Inheritance is live: a customer without an override always follows the current branch default, so changing
/// the branch default changes the next run for every such customer.</para>
/// <para>Immutable and thread-safe; the <c>With…</c> methods return new values.</para>
/// </remarks>
public sealed class BranchDunningDays
{
    private readonly Dictionary<BranchId, int[]> _branches;
    private readonly int[] _company;

    private BranchDunningDays(int[] company, Dictionary<BranchId, int[]> branches)
    {
        _company = company;
        _branches = branches;
    }

    /// <summary>No branch or company defaults: the scheme's days apply.</summary>
    public static BranchDunningDays None { get; } = new([], []);

    /// <summary>The company-wide days per level; empty when none are set.</summary>
    public IReadOnlyList<int> CompanyDays => _company;

    /// <summary>The branches with their own days.</summary>
    public IReadOnlyCollection<BranchId> Branches => _branches.Keys;

    /// <summary>Returns these defaults with company-wide days.</summary>
    /// <param name="days">Days per level, level 1 first; each 0 to <see cref="Bounds.MaxDays"/>, at most <see cref="DunningScheme.MaxLevels"/> levels.</param>
    /// <returns>New defaults.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A day count is negative, or there are too many.</exception>
    public BranchDunningDays WithCompanyDays(params IEnumerable<int> days) => new(Check(days), _branches);

    /// <summary>Returns these defaults with a branch's days.</summary>
    /// <param name="branch">The branch.</param>
    /// <param name="days">Days per level, level 1 first; each 0 to <see cref="Bounds.MaxDays"/>, at most <see cref="DunningScheme.MaxLevels"/> levels.</param>
    /// <returns>New defaults.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="branch"/> is <c>default</c>, a day count is negative, or there are too many.</exception>
    public BranchDunningDays WithBranchDays(BranchId branch, params IEnumerable<int> days)
    {
        Guard.Against.Default(branch, nameof(branch));
        return new(_company, new Dictionary<BranchId, int[]>(_branches) { [branch] = Check(days) });
    }

    /// <summary>A branch's own days per level.</summary>
    /// <param name="branch">The branch.</param>
    /// <returns>The days, or an empty list when the branch has none.</returns>
    public IReadOnlyList<int> DaysOfBranch(BranchId branch) => _branches.GetValueOrDefault(branch) ?? [];

    /// <summary>The default days of a level for a branch: the branch's, else the company's.</summary>
    /// <param name="branch">The customer's branch, or <see langword="null"/>.</param>
    /// <param name="level">The level, 1-based.</param>
    /// <returns>The days, or <see langword="null"/> when neither sets the level (the scheme's days apply).</returns>
    public int? DaysFor(BranchId? branch, int level)
    {
        if (level < 1)
        {
            return null;
        }

        if (branch is { IsEmpty: false } b && _branches.TryGetValue(b, out var own) && level <= own.Length)
        {
            return own[level - 1];
        }

        return level <= _company.Length ? _company[level - 1] : null;
    }

    private static int[] Check(IEnumerable<int> days)
    {
        var array = Guard.Against.Null(days).ToArray();
        if (array.Length > DunningScheme.MaxLevels)
        {
            throw new ArgumentException($"At most {DunningScheme.MaxLevels} levels.", nameof(days));
        }

        foreach (var day in array)
        {
            Bounds.Days(day, nameof(days));
        }

        return array;
    }
}
