using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>A store that lets another writer append one entry just before the next append, once.</summary>
internal sealed class InterferingStore(ICustomerAccountStore inner) : ICustomerAccountStore
{
    public JournalEntry? InterfereOnce { get; set; }

    public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) => inner.LoadAsync(customer, cancellationToken);

    public async ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        if (InterfereOnce is { } entry)
        {
            InterfereOnce = null;
            await inner.AppendAsync(customer, expectedVersion, [new JournalRecord(expectedVersion + 1, Now, new UserId("other"), entry)], cancellationToken);
        }

        await inner.AppendAsync(customer, expectedVersion, records, cancellationToken);
    }

    public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

    public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);
}
