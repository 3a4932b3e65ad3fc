using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// The shared middle of every shipped <see cref="ICustomerSearch"/>: takes each candidate account's journal as the store read
/// it, reports an unreadable one, keeps the accounts <see cref="CustomerSearchQuery.Matches"/> accepts, and ends with
/// <see cref="CustomerSearchHit.Select"/>. Stores differ only in how they find and read the candidates.
/// </summary>
internal sealed class CustomerSearchCollector
{
    private readonly CustomerSearchQuery _query;
    private readonly IAccountFaultLog _faults;
    private readonly List<CustomerAccount> _matches = [];

    internal CustomerSearchCollector(CustomerSearchQuery query, IAccountFaultLog faults)
    {
        _query = query;
        _faults = faults;
    }

    /// <summary>Considers one candidate, given its journal or the reason the store could not read it.</summary>
    internal async ValueTask AddAsync(CustomerId customer, IReadOnlyList<JournalRecord>? journal, CorruptJournalException? unreadable, CancellationToken cancellationToken)
    {
        if (unreadable is not null || journal is null)
        {
            var reason = unreadable?.Message ?? "its journal cannot be read.";
            await _faults.ReportAsync(new AccountFault(customer, nameof(ICustomerSearch.SearchAsync), reason), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await Application.Portfolio.ReadAsync(journal, customer, _faults, nameof(ICustomerSearch.SearchAsync), cancellationToken).ConfigureAwait(false) is { } account
            && _query.Matches(account))
        {
            _matches.Add(account);
        }
    }

    /// <summary>The hits, ordered and limited.</summary>
    internal IReadOnlyList<CustomerSearchHit> Hits() => CustomerSearchHit.Select(_query, _matches);
}
