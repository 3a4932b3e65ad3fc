using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Orleans.Tests;

/// <summary>
/// The silos' store in the tests: the host's store, counting per account the appends the store refused because another
/// writer came first (the version check), and able to run a hook after an append was stored (to kill a silo right then).
/// </summary>
internal sealed class CountingStore(ICustomerAccountStore inner) : ICustomerAccountStore
{
    private readonly ConcurrentDictionary<CustomerId, int> _conflicts = new();

    /// <summary>Called after an append was stored, before the caller hears of it.</summary>
    public Func<CustomerId, Task>? AfterAppend { get; set; }

    public int ConflictsOf(CustomerId customer) => _conflicts.GetValueOrDefault(customer);

    public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) =>
        inner.LoadAsync(customer, cancellationToken);

    public async ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await inner.AppendAsync(customer, expectedVersion, records, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            _conflicts.AddOrUpdate(customer, 1, (_, n) => n + 1);
            throw;
        }

        if (AfterAppend is { } hook)
        {
            await hook(customer);
        }
    }

    public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) =>
        inner.DeleteAsync(customer, expectedVersion, cancellationToken);

    public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) =>
        inner.ListCustomersAsync(cancellationToken);

    public async IAsyncEnumerable<CustomerId> ListCustomersAsync(CompanyId company, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var customer in inner.ListCustomersAsync(company, cancellationToken))
        {
            yield return customer;
        }
    }
}
