using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// Storage of customer account journals, implemented by the host. Append-only with optimistic concurrency:
/// a journal is only ever extended, and an append names the version it expects.
/// </summary>
/// <remarks>
/// Implementations must be safe for concurrent use and must append all records of one call atomically,
/// or none. <see cref="InMemoryCustomerAccountStore"/> is the reference implementation.
/// </remarks>
public interface ICustomerAccountStore
{
    /// <summary>Loads an account's journal.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The records in order (versions 1, 2, 3, …); empty when the account does not exist.</returns>
    ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken);

    /// <summary>Appends records to an account's journal, creating the account when <paramref name="expectedVersion"/> is 0.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="expectedVersion">The version the caller loaded (0 for a new account). The records carry versions expectedVersion + 1, + 2, …</param>
    /// <param name="records">The records to append.</param>
    /// <param name="cancellationToken">Cancels the append before it happens.</param>
    /// <returns>A task that completes when the records are stored.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <paramref name="expectedVersion"/>; nothing was appended.</exception>
    ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken);

    /// <summary>Deletes an account that never had a posted document (R1.2); the application layer checks that.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="expectedVersion">The version the caller loaded.</param>
    /// <param name="cancellationToken">Cancels the delete before it happens.</param>
    /// <returns>A task that completes when the account is gone.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <paramref name="expectedVersion"/>; nothing was deleted.</exception>
    ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Lists the accounts, e.g. for a dunning run.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The ids of every account, in no particular order.</returns>
    ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken);

    /// <summary>Streams the accounts of one company, e.g. for a dunning run, without holding every id in memory.</summary>
    /// <remarks>
    /// An account belongs to the company of its latest <see cref="CustomerRegistered"/> or <see cref="CustomerSettingsChanged"/>
    /// entry. The default implementation loads every account to find out; a database store answers from an index.
    /// An account whose journal cannot be read is listed (so a run can report it), not skipped.
    /// </remarks>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The ids of the company's accounts, ordered by id (ordinal).</returns>
    async IAsyncEnumerable<CustomerId> ListCustomersAsync(CompanyId company, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = await ListCustomersAsync(cancellationToken).ConfigureAwait(false);
        foreach (var customer in all.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            IReadOnlyList<JournalRecord>? journal;
            try
            {
                journal = await LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            }
            catch (CorruptJournalException)
            {
                journal = null;
            }

            if (journal is null || CompanyOf(journal) == company)
            {
                yield return customer;
            }
        }
    }

    /// <summary>The company of a journal: that of its latest registration or settings change.</summary>
    /// <param name="records">The records, in order.</param>
    /// <returns>The company, or <see langword="null"/> when no record names one.</returns>
    internal static CompanyId? CompanyOf(IEnumerable<JournalRecord> records)
    {
        CompanyId? company = null;
        foreach (var record in records)
        {
            company = record.Entry switch
            {
                CustomerRegistered registered => registered.Settings.Company,
                CustomerSettingsChanged changed => changed.Settings.Company,
                _ => company,
            };
        }

        return company;
    }
}
