using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// One account's journal as a store streams it for a run over many accounts
/// (<see cref="ICustomerAccountStore.LoadCompanyAsync"/>): its records, or why they cannot be read.
/// </summary>
/// <remarks>An unreadable journal is reported, not skipped, so a run can name the broken account and go on (issue 13).</remarks>
public sealed record StoredJournal
{
    /// <summary>A readable journal.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="records">Its records, versions 1, 2, 3, … without gaps.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c>.</exception>
    public StoredJournal(CustomerId customer, IReadOnlyList<JournalRecord> records)
    {
        Customer = Guard.Against.Default(customer);
        Records = Guard.Against.Null(records);
    }

    /// <summary>A journal that cannot be read.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="error">Why: names the account and the version.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c>.</exception>
    public StoredJournal(CustomerId customer, CorruptJournalException error)
    {
        Customer = Guard.Against.Default(customer);
        Error = Guard.Against.Null(error);
        Records = [];
    }

    /// <summary>The account.</summary>
    public CustomerId Customer { get; }

    /// <summary>The records in order; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<JournalRecord> Records { get; }

    /// <summary>Why the journal cannot be read, or <see langword="null"/> when it can.</summary>
    public CorruptJournalException? Error { get; }
}

/// <summary>One account's part of a batched append (<see cref="ICustomerAccountStore.AppendManyAsync"/>).</summary>
/// <param name="Customer">The account.</param>
/// <param name="ExpectedVersion">The version the caller loaded (0 for a new account).</param>
/// <param name="Records">The records, carrying versions <paramref name="ExpectedVersion"/> + 1, + 2, …</param>
public sealed record JournalAppend(CustomerId Customer, long ExpectedVersion, IReadOnlyList<JournalRecord> Records)
{
    /// <summary>Checks a batch for <see cref="ICustomerAccountStore.AppendManyAsync"/> before anything is appended; for stores that implement it.</summary>
    /// <param name="appends">The batch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="appends"/> or one of its parts is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An account appears twice, or a record does not carry the version that follows its part's expected version.</exception>
    public static void CheckBatch(IReadOnlyList<JournalAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var seen = new HashSet<CustomerId>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new ArgumentNullException(nameof(appends), $"Part {i} of the batch is null.");
            if (append.Customer == default || !seen.Add(append.Customer))
            {
                throw new ArgumentException($"Part {i} names account '{append.Customer}', which is empty or appears twice in the batch.", nameof(appends));
            }

            ArgumentNullException.ThrowIfNull(append.Records, nameof(appends));
            if (append.ExpectedVersion < 0)
            {
                throw new ArgumentException($"Part {i} (account '{append.Customer}') expects a negative version.", nameof(appends));
            }

            for (var r = 0; r < append.Records.Count; r++)
            {
                if (append.Records[r] is null || append.Records[r].Version != append.ExpectedVersion + r + 1)
                {
                    throw new ArgumentException($"Record {r} of part {i} (account '{append.Customer}') must carry version {append.ExpectedVersion + r + 1}.", nameof(appends));
                }
            }
        }
    }
}

/// <summary>An account's id and the version of its journal (<see cref="ICustomerAccountStore.ListVersionsAsync"/>).</summary>
/// <param name="Customer">The account.</param>
/// <param name="Version">How many records its journal holds.</param>
public readonly record struct AccountVersion(CustomerId Customer, long Version);
