using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

public sealed class AccountViewCacheTests
{
    [Property(MaxTest = 100)]
    public Property CatchUpAsync_AnyHeldVersion_IsTheFullLoad() =>
        Prop.ForAll(Gen.Choose(0, 9).Zip(Gen.Choose(0, 1_000_000)).ArrayOf().ToArbitrary(), Gen.Choose(0, 1_000).ToArbitrary(), (seeds, cut) =>
        {
            var account = LedgerModel.Build(seeds);
            var store = Stored(account);
            var held = CustomerAccount.FromJournal(account.Journal.Take(1 + (cut % (int)account.Version)).ToArray());

            var caughtUp = AccountViewCache.CatchUpAsync(store, account.Id, held, CancellationToken.None).AsTask().GetAwaiter().GetResult();

            return (caughtUp.Journal.SequenceEqual(account.Journal) && LedgerModel.Snapshot(caughtUp) == LedgerModel.Snapshot(account))
                .Label($"held {held.Version} of {account.Version}");
        });

    [Fact]
    public async Task CatchUpAsync_NothingNewer_ReturnsTheHeldView()
    {
        var account = NewAccount().Post(Invoice("inv-1", 100m));
        var store = Stored(account);

        Assert.Same(account, await AccountViewCache.CatchUpAsync(store, account.Id, account, CancellationToken.None));
    }

    [Fact]
    public async Task CatchUpAsync_TailNotContinuingTheHeldVersion_ThrowsCorruptJournal()
    {
        var account = NewAccount().Post(Invoice("inv-1", 100m), Payment("pay-1", 50m));
        var held = CustomerAccount.FromJournal(account.Journal.Take(1).ToArray());
        var store = new SkippingStore(Stored(account));

        var ex = await Assert.ThrowsAsync<CorruptJournalException>(async () => await AccountViewCache.CatchUpAsync(store, account.Id, held, CancellationToken.None));

        Assert.Equal(account.Id, ex.Customer);
        Assert.Equal(2, ex.Version);
    }

    [Fact]
    public async Task LoadAsync_AfterAnAppend_ReturnsTheNewVersionAndKeepsIt()
    {
        var account = NewAccount().Post(Invoice("inv-1", 100m));
        var store = Stored(account);
        var cache = new AccountViewCache(store);
        var first = await cache.LoadAsync(account.Id, CancellationToken.None);
        var payment = new JournalRecord(account.Version + 1, Now, Alice, Payment("pay-1", 40m));
        await store.AppendAsync(account.Id, account.Version, [payment], CancellationToken.None);

        var second = await cache.LoadAsync(account.Id, CancellationToken.None);

        Assert.Equal(account.Version, first!.Version);
        Assert.Equal(account.Version + 1, second!.Version);
        Assert.Same(second, await cache.LoadAsync(account.Id, CancellationToken.None));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task LoadAsync_UnknownAccount_IsNullAndHoldsNothing()
    {
        var cache = new AccountViewCache(new InMemoryCustomerAccountStore());

        Assert.Null(await cache.LoadAsync(new CustomerId("none"), CancellationToken.None));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Forget_HeldView_IsDropped()
    {
        var account = NewAccount();
        var cache = new AccountViewCache(Stored(account));
        await cache.LoadAsync(account.Id, CancellationToken.None);

        cache.Forget(account.Id);

        Assert.Equal(0, cache.Count);
    }

    private static InMemoryCustomerAccountStore Stored(CustomerAccount account)
    {
        var store = new InMemoryCustomerAccountStore();
        store.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return store;
    }

    /// <summary>A faulty store whose records after a version skip one.</summary>
    private sealed class SkippingStore(ICustomerAccountStore inner) : ICustomerAccountStore
    {
        public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) => inner.LoadAsync(customer, cancellationToken);

        public async ValueTask<IReadOnlyList<JournalRecord>> LoadAfterAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken) =>
            [.. (await inner.LoadAsync(customer, cancellationToken)).Skip((int)afterVersion + 1)];

        public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken) =>
            inner.AppendAsync(customer, expectedVersion, records, cancellationToken);

        public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);

        public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);
    }
}
