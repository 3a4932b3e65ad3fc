using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using NodaTime;
using Xunit;

namespace Debitor.Core.Testing;

/// <summary>
/// The contract every <see cref="ICustomerAccountStore"/> must pass. Subclass it in an xunit test project, return a new,
/// empty store from <see cref="CreateStoreAsync"/>, and every test below runs against your store (<c>docs/storage.md</c>).
/// </summary>
/// <remarks>
/// A store that needs a server not available here may throw <see cref="SkipException"/> from
/// <see cref="CreateStoreAsync"/> (<c>Skip.If</c>): the tests are then reported as skipped with that reason, never passed.
/// </remarks>
public abstract partial class CustomerAccountStoreContract
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 8, 0);
    private static readonly UserId Clerk = new("sachbearbeiterin");

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<ICustomerAccountStore> CreateStoreAsync();

    /// <summary>A customer registration record of <paramref name="company"/> at version 1.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="company">The company.</param>
    /// <returns>The record.</returns>
    public static JournalRecord Registration(CustomerId customer, CompanyId company) =>
        new(1, At, Clerk, new CustomerRegistered(new EntryId("reg-" + customer.Value), new Customer(customer, "K-" + customer.Value, "Kunde " + customer.Value, company)));

    /// <summary>A payment record at <paramref name="version"/>.</summary>
    /// <param name="version">The record's version.</param>
    /// <param name="id">The entry id.</param>
    /// <returns>The record.</returns>
    public static JournalRecord Payment(long version, string id) =>
        new(version, At.Plus(Duration.FromSeconds(version)), Clerk, new PaymentReceived(new EntryId(id), new Money(10.01m * version, Currency.EUR), new LocalDate(2026, 11, 2), Reference: "Ü-" + id));

    /// <summary>Appended records load back equal, in version order.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Append_SeveralRecords_LoadReturnsThemInOrder()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        JournalRecord[] records = [Registration(customer, new CompanyId("f1")), Payment(2, "p2"), Payment(3, "p3")];

        await store.AppendAsync(customer, 0, records, CancellationToken.None);
        await store.AppendAsync(customer, 3, [Payment(4, "p4")], CancellationToken.None);

        Assert.Equal([.. records, Payment(4, "p4")], await store.LoadAsync(customer, CancellationToken.None));
    }

    /// <summary>An account never written loads empty.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Load_UnknownAccount_IsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.LoadAsync(new CustomerId("nobody"), CancellationToken.None));
    }

    /// <summary>A writer that loaded an older version appends nothing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Append_StaleExpectedVersion_ThrowsAndAppendsNothing()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1")), Payment(2, "p2")], CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => store.AppendAsync(customer, 1, [Payment(2, "late")], CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.AppendAsync(customer, 5, [Payment(6, "ahead")], CancellationToken.None).AsTask());

        Assert.Equal(2, ex.ActualVersion);
        Assert.Equal(["reg-c1", "p2"], (await store.LoadAsync(customer, CancellationToken.None)).Select(r => r.Entry.Id.Value));
    }

    /// <summary>A batch with a wrong version in it is refused whole, before anything is stored.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Append_BatchWithAWrongVersion_IsRefusedWhole()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1")), Payment(2, "p2"), Payment(4, "p4")], CancellationToken.None).AsTask());

        Assert.Empty(await store.LoadAsync(customer, CancellationToken.None));
        Assert.DoesNotContain(customer, await store.ListCustomersAsync(CancellationToken.None));
    }

    /// <summary>A cancelled append stores nothing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Append_Cancelled_StoresNothing()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1")), Payment(2, "p2")], cancelled.Token).AsTask());

        Assert.Empty(await store.LoadAsync(customer, CancellationToken.None));
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);
        Assert.Single(await store.LoadAsync(customer, CancellationToken.None));
    }

    /// <summary>200 writers on one account, each retrying on a conflict: every write lands exactly once, no update is lost.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Append_200ParallelWriters_NoLostUpdate()
    {
        const int Writers = 200;
        var store = await CreateStoreAsync();
        var customer = new CustomerId("shared");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                var version = (await store.LoadAsync(customer, CancellationToken.None)).Count;
                try
                {
                    await store.AppendAsync(customer, version, [Payment(version + 1, "w" + w)], CancellationToken.None);
                    return;
                }
                catch (ConcurrencyException)
                {
                    await Task.Yield();
                }
            }
        })));

        var journal = await store.LoadAsync(customer, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, Writers + 1).Select(v => (long)v), journal.Select(r => r.Version));
        Assert.Equal(Enumerable.Range(0, Writers).Select(w => "w" + w).Order(StringComparer.Ordinal), journal.Skip(1).Select(r => r.Entry.Id.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>Listing by company yields exactly that company's accounts, ordered by id.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task ListCustomers_ByCompany_YieldsOnlyThatCompany()
    {
        var store = await CreateStoreAsync();
        foreach (var (id, company) in new[] { ("b", "nord"), ("a", "nord"), ("c", "sued") })
        {
            var customer = new CustomerId(id);
            await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId(company))], CancellationToken.None);
        }

        var nord = new List<string>();
        await foreach (var customer in store.ListCustomersAsync(new CompanyId("nord"), CancellationToken.None))
        {
            nord.Add(customer.Value);
        }

        Assert.Equal(["a", "b"], nord);
        Assert.Equal(["a", "b", "c"], (await store.ListCustomersAsync(CancellationToken.None)).Select(c => c.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>Deleting with the current version removes the account (R1.2); the id can be registered again.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Delete_CurrentVersion_RemovesTheAccount()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);

        await store.DeleteAsync(customer, 1, CancellationToken.None);

        Assert.Empty(await store.LoadAsync(customer, CancellationToken.None));
        Assert.DoesNotContain(customer, await store.ListCustomersAsync(CancellationToken.None));
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f2"))], CancellationToken.None);
        Assert.Single(await store.LoadAsync(customer, CancellationToken.None));
    }

    /// <summary>Deleting with a stale version deletes nothing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Delete_StaleVersion_ThrowsAndKeepsTheAccount()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1")), Payment(2, "p2")], CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.DeleteAsync(customer, 1, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.DeleteAsync(new CustomerId("nobody"), 1, CancellationToken.None).AsTask());

        Assert.Equal(2, (await store.LoadAsync(customer, CancellationToken.None)).Count);
    }

    /// <summary>The port offers no way to change or remove a record other than deleting the account.</summary>
    [Fact]
    public void Port_HasNoUpdateOperation()
    {
        var operations = typeof(ICustomerAccountStore).GetMethods().Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["AppendAsync", "AppendManyAsync", "DeleteAsync", "ListCustomersAsync", "ListVersionsAsync", "LoadAfterAsync", "LoadAsync", "LoadCompanyAsync", "LoadManyAsync"], operations);
    }
}
