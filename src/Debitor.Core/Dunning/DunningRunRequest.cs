using Ardalis.GuardClauses;

namespace Debitor.Core.Dunning;

/// <summary>
/// What a dunning run covers (R4.7, R0.15, R0.16): the as-of date, the company or one branch, one customer or all,
/// one level or all, manual or automatic, and whether only customers over their credit limit are dunned.
/// </summary>
/// <remarks>
/// <para>The as-of date is also the letter date and the date of the notices. Filters select the <em>debtors</em>:
/// a payer receives the letters for the selected customers it pays for (R3.7), whatever its own branch.</para>
/// <para>An immutable value: set filters with an object initializer or a <c>with</c> expression.</para>
/// </remarks>
public sealed record DunningRunRequest
{
    private readonly int? _level;
    private readonly DunningRunMode _mode;
    private readonly string? _runDateOverride;

    /// <summary>Creates a manual run over every customer of a company.</summary>
    /// <param name="runId">The run's key; letter and entry ids derive from it.</param>
    /// <param name="company">The company.</param>
    /// <param name="asOf">The run date (letter date).</param>
    /// <exception cref="ArgumentException"><paramref name="runId"/> or <paramref name="company"/> is <c>default</c>.</exception>
    public DunningRunRequest(DunningRunId runId, CompanyId company, LocalDate asOf)
    {
        RunId = Guard.Against.Default(runId, nameof(runId));
        Company = Guard.Against.Default(company, nameof(company));
        AsOf = asOf;
    }

    /// <summary>The run's key.</summary>
    public DunningRunId RunId { get; }

    /// <summary>The company.</summary>
    public CompanyId Company { get; }

    /// <summary>The run date: items are overdue when their effective due date is before it; letters and notices carry it.</summary>
    public LocalDate AsOf { get; private init; }

    /// <summary>Only customers of this branch; <see langword="null"/> for the whole company.</summary>
    public BranchId? Branch { get; init; }

    /// <summary>Only this customer; <see langword="null"/> for all.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Only notices of this level (1-based); <see langword="null"/> for all levels.</summary>
    /// <exception cref="ArgumentException">Set to a level below 1.</exception>
    public int? Level
    {
        get => _level;
        init => _level = value is { } level ? Guard.Against.NegativeOrZero(level, nameof(Level)) : null;
    }

    /// <summary>Manual (default) or automatic; automatic runs skip customers not in workflows and problematic ones.</summary>
    /// <exception cref="ArgumentException">Set to an undefined value.</exception>
    public DunningRunMode Mode
    {
        get => _mode;
        init => _mode = Guard.Against.EnumOutOfRange(value, nameof(Mode));
    }

    /// <summary>
    /// The "credit limit exceeded" filter (R0.16): dun a customer only when its balance in the currency of its credit
    /// limit exceeds the limit valid on the as-of date. Customers without a valid limit are skipped.
    /// </summary>
    public bool OnlyWhenCreditLimitExceeded { get; init; }

    /// <summary>Whether processing posts the letters' fees as dunning-fee charges on the accounts.</summary>
    public bool PostFees { get; init; }

    /// <summary>
    /// Why this run is processed with a run date other than the processing day (back-dated or future-dated, D12.23);
    /// <see langword="null"/> for an ordinary run. Processing such a run needs this reason and
    /// <c>Permission.ProcessBackDatedRuns</c>; the override is recorded on every account the run writes to.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an empty or blank text.</exception>
    public string? RunDateOverride
    {
        get => _runDateOverride;
        init => _runDateOverride = value is null ? null : Guard.Against.NullOrWhiteSpace(value, nameof(RunDateOverride)).Trim();
    }

    /// <summary>The same run on another date (a proposal approved earlier and processed later, D14.6).</summary>
    internal DunningRunRequest On(LocalDate date) => this with { AsOf = date };

    /// <summary>
    /// The last limitation end the run warns of (<see cref="DunningProposal.LimitationWarnings"/>, issue 17);
    /// <see langword="null"/> for the default, the coming 31 December.
    /// </summary>
    public LocalDate? LimitationWarningHorizon { get; init; }

    /// <summary>
    /// On demand (R0.3, issue 17): every overdue installment in scope that can get a notice at all (not excluded, notices
    /// left, not dunned on the run date already) gets its next notice now, whatever its days. Meant for one customer
    /// (<see cref="Customer"/>), when the accountant says so; see <c>DunningService.DunNowAsync</c>.
    /// </summary>
    public bool IssueNoticesNow { get; init; }
}
