using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ports;

/// <summary>
/// Issue 13, third pass (D13.24): the in-memory store answers the company scan, the versions and the records after a
/// version in one pass each; the answers equal those of the ports' default implementations.
/// </summary>
public sealed class InMemoryStoreCompanyScanTests
{
    private static readonly CompanyId OtherCompany = new("other");

    private static JournalRecord Record(long version, JournalEntry entry) => new(version, Now, Alice, entry);

    /// <summary>Three accounts of the company (added out of order), one of another company, one deleted.</summary>
    private static async Task<InMemoryCustomerAccountStore> StoreAsync()
    {
        var store = new InMemoryCustomerAccountStore();
        foreach (var id in new[] { "C-3", "C-1", "C-2" })
        {
            await store.AppendAsync(new CustomerId(id), 0, [Record(1, new CustomerRegistered(Id("r"), NewCustomer(id)))], default);
        }

        await store.AppendAsync(new CustomerId("C-2"), 1, [Record(2, Invoice("inv-1", 10m)), Record(3, Invoice("inv-2", 20m))], default);
        await store.AppendAsync(new CustomerId("O-1"), 0, [Record(1, new CustomerRegistered(Id("r"), new Customer(new CustomerId("O-1"), "O1", "Andere GmbH", OtherCompany)))], default);
        await store.AppendAsync(new CustomerId("C-0"), 0, [Record(1, new CustomerRegistered(Id("r"), NewCustomer("C-0")))], default);
        await store.DeleteAsync(new CustomerId("C-0"), 1, default);
        return store;
    }

    [Fact]
    public async Task LoadCompanyAsync_EqualsTheDefaultImplementation()
    {
        var store = await StoreAsync();
        ICustomerAccountStore byDefault = new DefaultPorts(store);

        var fast = await store.LoadCompanyAsync(Company, default).ToListAsync();
        var slow = await byDefault.LoadCompanyAsync(Company, default).ToListAsync();

        Assert.Equal(["C-1", "C-2", "C-3"], fast.Select(j => j.Customer.Value));
        Assert.Equal(slow.Select(j => (j.Customer, j.Records.Count)), fast.Select(j => (j.Customer, j.Records.Count)));
        Assert.All(fast.Zip(slow), pair => Assert.Equal(pair.Second.Records, pair.First.Records));
    }

    [Fact]
    public async Task ListVersionsAsync_EqualsTheDefaultImplementation()
    {
        var store = await StoreAsync();
        ICustomerAccountStore byDefault = new DefaultPorts(store);

        var fast = await store.ListVersionsAsync(Company, default).ToListAsync();

        Assert.Equal(await byDefault.ListVersionsAsync(Company, default).ToListAsync(), fast);
        Assert.Equal([1L, 3L, 1L], fast.Select(v => v.Version));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task LoadAfterAsync_EqualsTheDefaultImplementation(long after)
    {
        var store = await StoreAsync();
        ICustomerAccountStore byDefault = new DefaultPorts(store);
        var customer = new CustomerId("C-2");

        Assert.Equal(await byDefault.LoadAfterAsync(customer, after, default), await store.LoadAfterAsync(customer, after, default));
        Assert.Empty(await store.LoadAfterAsync(new CustomerId("C-9"), after, default));
    }

    [Fact]
    public async Task LoadAfterAsync_NegativeVersion_Throws()
    {
        var store = await StoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.LoadAfterAsync(new CustomerId("C-2"), -1, default));
    }

    [Fact]
    public async Task LoadCompanyAsync_ReturnsCopies()
    {
        var store = await StoreAsync();
        var loaded = await store.LoadCompanyAsync(Company, default).ToListAsync();

        await store.AppendAsync(new CustomerId("C-1"), 1, [Record(2, Invoice("inv-9", 1m))], default);

        Assert.Single(loaded[0].Records);
    }

    /// <summary>Only the base operations: every batch port runs its default implementation.</summary>
    private sealed class DefaultPorts(ICustomerAccountStore inner) : ICustomerAccountStore
    {
        public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) => inner.LoadAsync(customer, cancellationToken);

        public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken) =>
            inner.AppendAsync(customer, expectedVersion, records, cancellationToken);

        public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

        public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);
    }
}
