using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Account views the use cases hold between calls for a store that stamps its loads (<see cref="IStampedAccountStore"/>,
/// D13.100–D13.102). Every use checks the held view against the store in the one statement that reads the records
/// after its version: the same deletion count means the account was only appended to, and the view is continued by
/// the tail through the one projection (<see cref="AccountViewCache.Continue"/>, <see cref="CustomerAccount.FromJournal"/>);
/// another count, or no stamp, loads the account in full. A view is therefore never used without the store confirming
/// it, whoever else (another store instance, another process) appends to, or deletes and re-creates, the account.
/// </summary>
/// <remarks>
/// One instance per store instance (<see cref="For"/>), shared by every service built on it (the services are scoped, the
/// store a singleton). Bounded by the records the held views replay (<see cref="DefaultMaxRecords"/>): past the bound,
/// views are dropped until a quarter of it is free. Thread-safe; a view replaces a held one only when it is not older.
/// </remarks>
internal sealed class HeldAccountViews
{
    /// <summary>The records all held views may span together: about 25 MB of views per 100,000 records (measured, docs/performance.md).</summary>
    internal const long DefaultMaxRecords = 400_000;

    private static readonly ConditionalWeakTable<ICustomerAccountStore, HeldAccountViews> ByStore = [];

    private readonly ConcurrentDictionary<CustomerId, Held> _views = new();
    private readonly IStampedAccountStore _store;
    private long _records;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="store">The store the views are checked against.</param>
    /// <param name="maxRecords">The records all held views may span together.</param>
    internal HeldAccountViews(IStampedAccountStore store, long maxRecords)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        _store = store;
        MaxRecords = maxRecords;
    }

    /// <summary>The records all held views may span together.</summary>
    public long MaxRecords { get; }

    /// <summary>The number of views held.</summary>
    public int Count => _views.Count;

    /// <summary>The records the held views span.</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>The views held for <paramref name="store"/>; <see langword="null"/> when the store cannot stamp its loads.</summary>
    /// <param name="store">The store.</param>
    /// <returns>The one instance for this store instance, or <see langword="null"/>.</returns>
    public static HeldAccountViews? For(ICustomerAccountStore store) =>
        store is IStampedAccountStore stamped ? ByStore.GetValue(store, _ => new HeldAccountViews(stamped, DefaultMaxRecords)) : null;

    /// <summary>Loads an account: its held view checked against the store and continued by the records after it, or the whole journal.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The current view and the stamp it was read with; no view when the account does not exist.</returns>
    /// <exception cref="CorruptJournalException">The stored journal cannot be read or does not continue the held view.</exception>
    public async ValueTask<HeldView> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        if (_views.TryGetValue(customer, out var held))
        {
            var tail = await _store.LoadStampedAsync(customer, held.View.Version, cancellationToken).ConfigureAwait(false);
            if (!tail.Exists)
            {
                Forget(customer);
                return default;
            }

            if (tail.Deletions == held.Deletions)
            {
                // No account was deleted since the view was read: the store's journal is the held one plus the tail.
                if (tail.Records.Count == 0)
                {
                    return new HeldView(held.View, held.Deletions);
                }

                var continued = new HeldView(AccountViewCache.Continue(customer, held.View, tail.Records), tail.Deletions);
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

        var loaded = new HeldView(CustomerAccount.FromJournal(all.Records), all.Deletions);
        Hold(customer, loaded);
        return loaded;
    }

    /// <summary>
    /// Holds a view: one a load returned, or the view after an append made at the loaded version with the load's stamp
    /// (a deletion since then changes the count, so the next use loads in full). Without a stamp nothing is held.
    /// </summary>
    /// <param name="customer">The account.</param>
    /// <param name="view">The view and its stamp.</param>
    public void Hold(CustomerId customer, HeldView view)
    {
        if (view.Account is null || view.Deletions is not { } deletions)
        {
            Forget(customer);
            return;
        }

        var fresh = new Held(view.Account, deletions);
        while (true)
        {
            if (_views.TryGetValue(customer, out var current))
            {
                if (current.Deletions > deletions || (current.Deletions == deletions && current.View.Version >= view.Account.Version))
                {
                    return;
                }

                if (_views.TryUpdate(customer, fresh, current))
                {
                    Interlocked.Add(ref _records, fresh.View.Version - current.View.Version);
                    break;
                }
            }
            else if (_views.TryAdd(customer, fresh))
            {
                Interlocked.Add(ref _records, fresh.View.Version);
                break;
            }
        }

        if (Volatile.Read(ref _records) > MaxRecords)
        {
            Trim();
        }
    }

    /// <summary>Drops the held view of an account.</summary>
    /// <param name="customer">The account.</param>
    public void Forget(CustomerId customer)
    {
        if (_views.TryRemove(customer, out var removed))
        {
            Interlocked.Add(ref _records, -removed.View.Version);
        }
    }

    /// <summary>Drops views until a quarter of the bound is free.</summary>
    private void Trim()
    {
        foreach (var pair in _views)
        {
            if (Volatile.Read(ref _records) <= MaxRecords * 3 / 4)
            {
                return;
            }

            if (_views.TryRemove(pair))
            {
                Interlocked.Add(ref _records, -pair.Value.View.Version);
            }
        }
    }

    /// <summary>A view held with the deletion count it was read with (a class: swapped by reference).</summary>
    private sealed class Held(CustomerAccount view, long deletions)
    {
        public CustomerAccount View { get; } = view;

        public long Deletions { get; } = deletions;
    }
}

/// <summary>An account view with the store's deletion count it was read with (<see cref="HeldAccountViews"/>).</summary>
/// <param name="Account">The view; <see langword="null"/> when the account does not exist.</param>
/// <param name="Deletions">The store's deletion count; <see langword="null"/> when the store had none.</param>
internal readonly record struct HeldView(CustomerAccount? Account, long? Deletions);
