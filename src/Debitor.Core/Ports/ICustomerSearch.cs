using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// Finds customers (R1.1): by number, name, e-mail, IBAN or free text within a company, narrowed by branch, flags and
/// balance. Implemented by the stores: <see cref="StoreCustomerSearch"/> over any <see cref="ICustomerAccountStore"/>
/// (the in-memory version), and the SQLite and PostgreSQL packages' own.
/// </summary>
/// <remarks>
/// <para>Guarantees every implementation keeps: the hits are exactly the accounts of the query's company for which
/// <see cref="CustomerSearchQuery.Matches"/> holds, described by <see cref="CustomerSearchHit"/> and ordered and limited as
/// <see cref="CustomerSearchHit.Select"/> does (an index may narrow the candidates, never change the answer); an account
/// whose journal cannot be read is reported to <see cref="IAccountFaultLog"/> and left out, never shown with a wrong
/// figure. No authorization here: <see cref="Application.CustomerSearchService"/> checks who may see a hit.</para>
/// <para>Implementations must be safe for concurrent use.</para>
/// </remarks>
public interface ICustomerSearch
{
    /// <summary>Searches.</summary>
    /// <param name="query">The search.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The hits, ordered by number, at most <see cref="CustomerSearchQuery.Limit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    ValueTask<IReadOnlyList<CustomerSearchHit>> SearchAsync(CustomerSearchQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// The in-memory <see cref="ICustomerSearch"/>: reads the company's accounts through the store
/// (<see cref="ICustomerAccountStore.ListCustomersAsync(CompanyId, CancellationToken)"/>) and matches them in memory.
/// Right for the in-memory store and small portfolios; a database store answers from its own tables.
/// </summary>
public sealed class StoreCustomerSearch : ICustomerSearch
{
    private readonly ICustomerAccountStore _store;
    private readonly IAccountFaultLog _faults;

    /// <summary>Creates the search over a store.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="faults">Where an account that cannot be read is reported.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public StoreCustomerSearch(ICustomerAccountStore store, IAccountFaultLog faults)
    {
        _store = Guard.Against.Null(store);
        _faults = Guard.Against.Null(faults);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CustomerSearchHit>> SearchAsync(CustomerSearchQuery query, CancellationToken cancellationToken)
    {
        Guard.Against.Null(query);
        var collector = new CustomerSearchCollector(query, _faults);
        await foreach (var customer in _store.ListCustomersAsync(query.Company, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<JournalRecord>? journal = null;
            CorruptJournalException? unreadable = null;
            try
            {
                journal = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            }
            catch (CorruptJournalException exception)
            {
                unreadable = exception;
            }

            await collector.AddAsync(customer, journal, unreadable, cancellationToken).ConfigureAwait(false);
        }

        return collector.Hits();
    }
}
