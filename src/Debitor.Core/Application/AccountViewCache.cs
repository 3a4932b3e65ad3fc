using System.Collections.Concurrent;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Account views held in memory as snapshots (D13.30–D13.33): a view at version v is brought up to date with only the
/// records after v (<see cref="ICustomerAccountStore.LoadAfterAsync"/>), so a load reads and parses the tail instead
/// of the whole journal. The view itself is rebuilt by the one projection (<see cref="CustomerAccount.FromJournal"/>)
/// over the records it already holds plus the tail: there is no second way of applying an entry.
/// </summary>
/// <remarks>
/// <para>Internal: it serves measurement (<c>AccountLoadBenchmarks</c>) and the decision in <c>docs/decisions.md</c>;
/// no host needs it yet. Thread-safe; a view is replaced only by one of a higher version.</para>
/// <para>The port cannot tell a deleted account from an unchanged one (both have no records after v), so a holder
/// must <see cref="Forget"/> an account it deletes; a cache shared between processes would need the store's own
/// version (<see cref="ICustomerAccountStore.ListVersionsAsync"/>) to notice.</para>
/// </remarks>
internal sealed class AccountViewCache(ICustomerAccountStore store)
{
    private readonly ConcurrentDictionary<CustomerId, CustomerAccount> _views = new();

    /// <summary>The number of views held.</summary>
    public int Count => _views.Count;

    /// <summary>Loads an account: from its held view plus the records after it, or in full when none is held.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The current view, or <see langword="null"/> when the account has no journal.</returns>
    /// <exception cref="CorruptJournalException">The store's records after the held version do not continue it.</exception>
    public async ValueTask<CustomerAccount?> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        CustomerAccount? view;
        if (_views.TryGetValue(customer, out var held))
        {
            view = await CatchUpAsync(store, customer, held, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var records = await store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            view = records.Count == 0 ? null : CustomerAccount.FromJournal(records);
        }

        if (view is not null)
        {
            _views.AddOrUpdate(customer, view, (_, current) => current.Version >= view.Version ? current : view);
        }

        return view;
    }

    /// <summary>Drops the held view of an account (after deleting it, or to release memory).</summary>
    /// <param name="customer">The account.</param>
    public void Forget(CustomerId customer) => _views.TryRemove(customer, out _);

    /// <summary>Brings a held view up to date with the records after its version; the view itself when there are none.</summary>
    /// <param name="store">The store.</param>
    /// <param name="customer">The account.</param>
    /// <param name="held">The view held, at some version v.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The view at the store's version.</returns>
    /// <exception cref="CorruptJournalException">The records after v do not continue the journal at v + 1, v + 2, …</exception>
    public static async ValueTask<CustomerAccount> CatchUpAsync(ICustomerAccountStore store, CustomerId customer, CustomerAccount held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(held);
        var tail = await store.LoadAfterAsync(customer, held.Version, cancellationToken).ConfigureAwait(false);
        return Continue(customer, held, tail);
    }

    /// <summary>The held view continued by the records after its version, replayed by the one projection; the view itself when there are none.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="held">The view held, at some version v.</param>
    /// <param name="tail">The store's records after v.</param>
    /// <returns>The view at the tail's last version.</returns>
    /// <exception cref="CorruptJournalException">The records do not continue the journal at v + 1, v + 2, …</exception>
    internal static CustomerAccount Continue(CustomerId customer, CustomerAccount held, IReadOnlyList<JournalRecord> tail) =>
        tail.Count == 0 ? held : CustomerAccount.FromJournal(Continue(customer, held.Journal, tail));

    /// <summary>The held journal continued by the store's records after it.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="held">The records held, versions 1 to v.</param>
    /// <param name="tail">The store's records after v.</param>
    /// <returns>The journal at the tail's last version.</returns>
    /// <exception cref="CorruptJournalException">The records do not continue the journal at v + 1, v + 2, …</exception>
    internal static JournalRecord[] Continue(CustomerId customer, IReadOnlyList<JournalRecord> held, IReadOnlyList<JournalRecord> tail)
    {
        var journal = new JournalRecord[held.Count + tail.Count];
        var count = 0;
        foreach (var record in held)
        {
            journal[count++] = record;
        }

        foreach (var record in tail)
        {
            if (record.Version != count + 1)
            {
                throw new CorruptJournalException(customer, count + 1, $"the store returned version {record.Version} after version {count}.");
            }

            journal[count++] = record;
        }

        return journal;
    }
}
