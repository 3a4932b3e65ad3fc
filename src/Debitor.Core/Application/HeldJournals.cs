using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Account journals, as read records, that the use cases hold between calls for a store that stamps its loads
/// (<see cref="IStampedAccountStore"/>, D13.100–D13.102): what is saved is reading and decoding the stored rows, not the
/// replay. Every use checks the held journal against the store in the one statement that reads the records after its
/// version: the same deletion count means the account was only appended to, and the held records plus the tail are the
/// stored journal; another count, or no stamp, reads the journal in full. The account view is always made from the
/// journal by the one projection (<see cref="CustomerAccount.FromJournal"/>, or the appender of an append). A journal is
/// therefore never used without the store confirming it, whoever else (another store instance, another process) appends
/// to, or deletes and re-creates, the account.
/// </summary>
/// <remarks>
/// One instance per store instance (<see cref="For"/>), shared by every service built on it (the services are scoped, the
/// store a singleton). Bounded by the records held (<see cref="DefaultMaxRecords"/>): past the bound, journals are dropped
/// until a quarter of it is free. Thread-safe; a journal replaces a held one only when it is not older. Records are
/// immutable and shared between the journals of consecutive versions, so an append adds one record to what is held.
/// </remarks>
internal sealed class HeldJournals
{
    /// <summary>The records all held journals may hold together: about 80 MB at about 270 bytes a record (invoices and payments, measured, docs/performance.md).</summary>
    internal const long DefaultMaxRecords = 300_000;

    private static readonly ConditionalWeakTable<ICustomerAccountStore, HeldJournals> ByStore = [];

    private readonly ConcurrentDictionary<CustomerId, Held> _journals = new();
    private readonly IStampedAccountStore _store;
    private long _records;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="store">The store the journals are checked against.</param>
    /// <param name="maxRecords">The records all held journals may hold together.</param>
    internal HeldJournals(IStampedAccountStore store, long maxRecords)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        _store = store;
        MaxRecords = maxRecords;
    }

    /// <summary>The records all held journals may hold together.</summary>
    public long MaxRecords { get; }

    /// <summary>The number of journals held.</summary>
    public int Count => _journals.Count;

    /// <summary>The records held.</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>The journals held for <paramref name="store"/>; <see langword="null"/> when the store cannot stamp its loads.</summary>
    /// <param name="store">The store.</param>
    /// <returns>The one instance for this store instance, or <see langword="null"/>.</returns>
    public static HeldJournals? For(ICustomerAccountStore store) =>
        store is IStampedAccountStore stamped ? ByStore.GetValue(store, _ => new HeldJournals(stamped, DefaultMaxRecords)) : null;

    /// <summary>Loads an account's journal: the held one checked against the store and continued by the records after it, or the whole.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The stored journal and the stamp it was read with; no journal when the account does not exist.</returns>
    /// <exception cref="CorruptJournalException">The stored journal cannot be read or does not continue the held one.</exception>
    public async ValueTask<HeldJournal> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        if (_journals.TryGetValue(customer, out var held))
        {
            var tail = await _store.LoadStampedAsync(customer, held.Journal.Count, cancellationToken).ConfigureAwait(false);
            if (!tail.Exists)
            {
                Forget(customer);
                return default;
            }

            if (tail.Deletions == held.Deletions)
            {
                // No account was deleted since the journal was read: the stored journal is the held one plus the tail.
                if (tail.Records.Count == 0)
                {
                    return new HeldJournal(held.Journal, held.Deletions);
                }

                var continued = new HeldJournal(AccountViewCache.Continue(customer, held.Journal, tail.Records), held.Deletions);
                Hold(customer, continued);
                return continued;
            }
        }

        var all = await _store.LoadStampedAsync(customer, 0, cancellationToken).ConfigureAwait(false);
        if (all.Records.Count == 0)
        {
            Forget(customer);
            return default;
        }

        var loaded = new HeldJournal(all.Records, all.Deletions);
        Hold(customer, loaded);
        return loaded;
    }

    /// <summary>
    /// Holds a journal: one a load returned, or the journal after an append made at the loaded version, with the load's
    /// stamp (a deletion since then changes the count, so the next use reads in full). Without a stamp nothing is held.
    /// </summary>
    /// <param name="customer">The account.</param>
    /// <param name="journal">The journal and its stamp; the records must not change afterwards.</param>
    public void Hold(CustomerId customer, HeldJournal journal)
    {
        if (journal.Journal is not { Count: > 0 } records || journal.Deletions is not { } deletions)
        {
            Forget(customer);
            return;
        }

        var fresh = new Held(records, deletions);
        while (true)
        {
            if (_journals.TryGetValue(customer, out var current))
            {
                if (current.Deletions > deletions || (current.Deletions == deletions && current.Journal.Count >= records.Count))
                {
                    return;
                }

                if (_journals.TryUpdate(customer, fresh, current))
                {
                    Interlocked.Add(ref _records, records.Count - current.Journal.Count);
                    break;
                }
            }
            else if (_journals.TryAdd(customer, fresh))
            {
                Interlocked.Add(ref _records, records.Count);
                break;
            }
        }

        if (Volatile.Read(ref _records) > MaxRecords)
        {
            Trim();
        }
    }

    /// <summary>Drops the held journal of an account.</summary>
    /// <param name="customer">The account.</param>
    public void Forget(CustomerId customer)
    {
        if (_journals.TryRemove(customer, out var removed))
        {
            Interlocked.Add(ref _records, -removed.Journal.Count);
        }
    }

    /// <summary>Drops journals until a quarter of the bound is free.</summary>
    private void Trim()
    {
        foreach (var pair in _journals)
        {
            if (Volatile.Read(ref _records) <= MaxRecords * 3 / 4)
            {
                return;
            }

            if (_journals.TryRemove(pair))
            {
                Interlocked.Add(ref _records, -pair.Value.Journal.Count);
            }
        }
    }

    /// <summary>A journal held with the deletion count it was read with (a class: swapped by reference).</summary>
    private sealed class Held(IReadOnlyList<JournalRecord> journal, long deletions)
    {
        public IReadOnlyList<JournalRecord> Journal { get; } = journal;

        public long Deletions { get; } = deletions;
    }
}

/// <summary>An account's journal with the store's deletion count it was read with (<see cref="HeldJournals"/>).</summary>
/// <param name="Journal">The records; <see langword="null"/> when the account does not exist.</param>
/// <param name="Deletions">The store's deletion count; <see langword="null"/> when the store had none.</param>
internal readonly record struct HeldJournal(IReadOnlyList<JournalRecord>? Journal, long? Deletions);
