using Debitor.Core.Application;
using Debitor.Core.Ports;
using NodaTime.Testing;

namespace Debitor.Core.Tests;

/// <summary>An application layer over the in-memory store with a fake clock at 15 March 2026, 10:00 in Berlin.</summary>
internal sealed class ServiceFixture
{
    public ServiceFixture(int maxRetries = 3, ICustomerAccountStore? store = null)
    {
        Clock = new FakeClock(TestData.Now);
        Options = new DebitorCoreOptions { MaxConcurrencyRetries = maxRetries };
        var accounts = store ?? Store;
        Service = new CustomerAccountService(accounts, new RoleBasedAuthorization(), Clock, Options);
        Payments = new PaymentService(accounts, new RoleBasedAuthorization(), new StorePayerDirectory(accounts), Output, Clock, Options);
    }

    public InMemoryCustomerAccountStore Store { get; } = new();

    public FakeClock Clock { get; }

    public DebitorCoreOptions Options { get; }

    public InMemoryDocumentOutput Output { get; } = new();

    public CustomerAccountService Service { get; }

    public PaymentService Payments { get; }
}

/// <summary>A store that lets a test step in before an append: fail it, or let "another writer" append first.</summary>
internal sealed class InterceptingStore(ICustomerAccountStore inner) : ICustomerAccountStore
{
    /// <summary>Runs before each append with the customer; may throw or write through <see cref="Inner"/>. Cleared after it ran once.</summary>
    public Func<CustomerId, ValueTask>? BeforeNextAppend { get; set; }

    public ICustomerAccountStore Inner => inner;

    public ValueTask<IReadOnlyList<Debitor.Core.Ledger.JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) => inner.LoadAsync(customer, cancellationToken);

    public async ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<Debitor.Core.Ledger.JournalRecord> records, CancellationToken cancellationToken)
    {
        if (BeforeNextAppend is { } hook)
        {
            BeforeNextAppend = null;
            await hook(customer);
        }

        await inner.AppendAsync(customer, expectedVersion, records, cancellationToken);
    }

    public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

    public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);
}
