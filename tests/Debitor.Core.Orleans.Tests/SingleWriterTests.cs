using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using NodaTime.Testing;

namespace Debitor.Core.Orleans.Tests;

[Collection(nameof(TwoSiloCollection))]
public sealed class SingleWriterTests(TwoSiloFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private SampleCluster Sample => fixture.Sample;

    [Fact]
    public async Task ClusterStore_UseCaseRunsThroughGrain_JournalStoredInHostStore()
    {
        var store = new ClusterCustomerAccountStore(Sample.Cluster.Client, Sample.Host.Company, Sample.Host.Store);
        var accounts = new CustomerAccountService(store, Sample.Host.Authorization, new FakeClock(Now), Sample.Options);
        var customer = await NewCustomerAsync("X-20001");

        var registered = await accounts.RegisterCustomerAsync(Sample.Host.Actor, customer);

        var stored = await Sample.Host.Store.LoadAsync(customer.Id, CancellationToken.None);
        Assert.Equal(registered.Version, stored.Count);
        Assert.Equal(customer.Id, CustomerAccount.FromJournal(await store.LoadAsync(customer.Id, CancellationToken.None)).Id);
        Assert.Contains(customer.Id, await store.ListCustomersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ClusterStore_TwoWritersAtOneVersion_OneAppendsOtherGetsConcurrencyException()
    {
        var store = new ClusterCustomerAccountStore(Sample.Cluster.Client, Sample.Host.Company, Sample.Host.Store);
        var accounts = new CustomerAccountService(store, Sample.Host.Authorization, new FakeClock(Now), Sample.Options);
        var customer = await NewCustomerAsync("X-20002");
        var version = (await accounts.RegisterCustomerAsync(Sample.Host.Actor, customer)).Version;

        var writes = Enumerable.Range(1, 2).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(customer.Id, version, [Note(version + 1, "n-" + i)], CancellationToken.None);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })).ToList();
        var outcomes = await Task.WhenAll(writes);

        Assert.Single(outcomes, done => done);
        Assert.Equal(version + 1, (await Sample.Host.Store.LoadAsync(customer.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ClusterStore_WriterOutsideClusterCameFirst_GrainReportsConflictAndReloads()
    {
        var store = new ClusterCustomerAccountStore(Sample.Cluster.Client, Sample.Host.Company, Sample.Host.Store);
        var accounts = new CustomerAccountService(store, Sample.Host.Authorization, new FakeClock(Now), Sample.Options);
        var customer = await NewCustomerAsync("X-20003");
        var version = (await accounts.RegisterCustomerAsync(Sample.Host.Actor, customer)).Version;
        await Sample.Host.Store.AppendAsync(customer.Id, version, [Note(version + 1, "outside")], CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(async () =>
            await store.AppendAsync(customer.Id, version, [Note(version + 1, "inside")], CancellationToken.None));
        await store.AppendAsync(customer.Id, version + 1, [Note(version + 2, "inside")], CancellationToken.None);

        Assert.Equal(version + 2, (await store.LoadAsync(customer.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AccountGrain_AccountOfAnotherCompany_RefusesToWrite()
    {
        var own = new ClusterCustomerAccountStore(Sample.Cluster.Client, Sample.Host.Company, Sample.Host.Store);
        var accounts = new CustomerAccountService(own, Sample.Host.Authorization, new FakeClock(Now), Sample.Options);
        var customer = await NewCustomerAsync("X-20004");
        var version = (await accounts.RegisterCustomerAsync(Sample.Host.Actor, customer)).Version;
        var other = new ClusterCustomerAccountStore(Sample.Cluster.Client, new CompanyId("ANDERE-GMBH"), Sample.Host.Store);

        await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
            await other.AppendAsync(customer.Id, version, [Note(version + 1, "foreign")], CancellationToken.None));

        Assert.Equal(version, (await Sample.Host.Store.LoadAsync(customer.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public void ClusterStore_NullOrEmptyArguments_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => new ClusterCustomerAccountStore(null!, Sample.Host.Company, Sample.Host.Store));
        Assert.Throws<ArgumentNullException>(() => new ClusterCustomerAccountStore(Sample.Cluster.Client, Sample.Host.Company, null!));
        Assert.Throws<ArgumentException>(() => new ClusterCustomerAccountStore(Sample.Cluster.Client, default, Sample.Host.Store));
    }

    private static JournalRecord Note(long version, string id) =>
        new(version, Now, new UserId("test"), new CommunicationRecorded(new EntryId(id), CommunicationKind.Comment, "Notiz", "Anruf beim Kunden"));

    /// <summary>A new customer of the sample company.</summary>
    private Task<Customers.Customer> NewCustomerAsync(string id) =>
        Task.FromResult(new Customers.Customer(new CustomerId(id), id, "Neukunde " + id + " GmbH", Sample.Host.Company));
}
