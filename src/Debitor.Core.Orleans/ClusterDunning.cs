using Debitor.Core.Dunning;

namespace Debitor.Core.Orleans;

/// <summary>Options of a distributed dunning run.</summary>
public sealed class ClusterDunningOptions
{
    private int _batchSize = 256;
    private int _parallelBatches = 4;
    private int _maxAttempts = 10;
    private TimeSpan _retryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>How many grain calls one batch sends at once; 1 to 100,000, default 256.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public int BatchSize
    {
        get => _batchSize;
        set => _batchSize = value is >= 1 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A batch holds 1 to 100,000 calls.");
    }

    /// <summary>How many batches are under way at once; 1 to 1,000, default 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public int ParallelBatches
    {
        get => _parallelBatches;
        set => _parallelBatches = value is >= 1 and <= 1_000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "1 to 1,000 batches may run at once.");
    }

    /// <summary>How often one grain call is tried before the run gives up (a silo that failed, a call that timed out); 1 to 100, default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value is >= 1 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A call is tried 1 to 100 times.");
    }

    /// <summary>The pause before the second attempt, growing linearly with each further one; 0 to 1 minute, default 250 ms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public TimeSpan RetryDelay
    {
        get => _retryDelay;
        set => _retryDelay = value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The delay is 0 to 1 minute.");
    }
}

/// <summary>An account a distributed run could not read: left out, as in the single-process run.</summary>
/// <param name="Customer">The account, when known.</param>
/// <param name="Version">The version at which its journal is corrupt.</param>
/// <param name="Message">What is wrong.</param>
public sealed record UnreadableAccount(CustomerId? Customer, long Version, string Message);

/// <summary>
/// The proposal of a distributed dunning run: the same letters and excluded items, in the same order, as
/// <c>DunningService.PreviewAsync</c> over the same accounts, as snapshots (<see cref="DunningLetterSnapshot"/>).
/// </summary>
public sealed class ClusterDunningProposal
{
    internal ClusterDunningProposal(
        DunningRunRequest request,
        IReadOnlyList<DunningLetterSnapshot> letters,
        IReadOnlyList<DunningLineSnapshot> excluded,
        IReadOnlyList<UnreadableAccount> unreadable,
        IReadOnlyList<RunGroup> groups)
    {
        Request = request;
        Letters = letters;
        Excluded = excluded;
        UnreadableAccounts = unreadable;
        Groups = groups;
    }

    /// <summary>The run.</summary>
    public DunningRunRequest Request { get; }

    /// <summary>The letters, ordered by recipient, currency and level.</summary>
    public IReadOnlyList<DunningLetterSnapshot> Letters { get; }

    /// <summary>Every overdue item kept off every letter, with why, ordered by customer, due date, document and installment.</summary>
    public IReadOnlyList<DunningLineSnapshot> Excluded { get; }

    /// <summary>The accounts left out because their journals cannot be read.</summary>
    public IReadOnlyList<UnreadableAccount> UnreadableAccounts { get; }

    /// <summary>The number of notices the letters issue.</summary>
    public int NoticeCount => Letters.Sum(l => l.NoticeCount);

    /// <summary>The groups that have letters, each with the grain that owns it.</summary>
    internal IReadOnlyList<RunGroup> Groups { get; }
}

/// <summary>The outcome of processing a distributed proposal.</summary>
public sealed class ClusterDunningRunResult
{
    internal ClusterDunningRunResult(DunningRunId runId, IReadOnlyList<DunningLetterSnapshot> issued, IReadOnlyList<RemovedLine> removed, IReadOnlyList<UnreadableAccount> unreadable, IReadOnlyList<string> outdated)
    {
        RunId = runId;
        Issued = issued;
        Removed = removed;
        UnreadableAccounts = unreadable;
        OutdatedLetters = outdated;
    }

    /// <summary>The run.</summary>
    public DunningRunId RunId { get; }

    /// <summary>The letters issued, ordered by recipient, currency and level.</summary>
    public IReadOnlyList<DunningLetterSnapshot> Issued { get; }

    /// <summary>The previewed notices that were not issued, with why.</summary>
    public IReadOnlyList<RemovedLine> Removed { get; }

    /// <summary>The accounts left out because their journals cannot be read.</summary>
    public IReadOnlyList<UnreadableAccount> UnreadableAccounts { get; }

    /// <summary>
    /// Letters of groups whose accounts changed after the preview while the grain that held the preview was lost: nothing
    /// was issued for them (their notices are in <see cref="Removed"/>); preview again to issue what is due now.
    /// </summary>
    public IReadOnlyList<string> OutdatedLetters { get; }
}

/// <summary>A group of a run: the accounts whose letters depend on one another (a payer and its customers), and the grain that owns it.</summary>
internal sealed record RunGroup(CustomerId Owner, string[] Members, DunningLetterSnapshot[] Letters);
