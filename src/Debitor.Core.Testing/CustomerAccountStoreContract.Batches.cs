using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Debitor.Core.Testing;

/// <summary>The contract of the ports for runs over many accounts (issue 13): streamed loads and batched appends.</summary>
public abstract partial class CustomerAccountStoreContract
{
    private static readonly CompanyId Nord = new("nord");
    private static readonly CompanyId Sued = new("sued");

    private ICustomerAccountStore? _propertyStore;
    private int _propertyCase;

    /// <summary>
    /// Makes the journal of <paramref name="customer"/> unreadable behind the store's back, e.g. a row of an unknown entry
    /// kind appended by hand. A store that cannot be corrupted from outside keeps this default: the tests that need it are
    /// then reported as skipped.
    /// </summary>
    /// <param name="store">The store, as created by <see cref="CreateStoreAsync"/>.</param>
    /// <param name="customer">An account with at least one record.</param>
    /// <returns>A task.</returns>
    protected virtual Task CorruptJournalAsync(ICustomerAccountStore store, CustomerId customer)
    {
        Skip.If(true, "This store cannot be corrupted from outside.");
        return Task.CompletedTask;
    }

    /// <summary>A company's journals stream in id order, each whole; an account follows the company of its latest settings.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task LoadCompany_SeveralCompanies_StreamsThatCompanysJournalsInIdOrder()
    {
        var store = await CreateStoreAsync();
        var moved = new CustomerId("m");
        await store.AppendManyAsync(
            [
                new JournalAppend(new CustomerId("b"), 0, [Registration(new CustomerId("b"), Nord), Payment(2, "b2")]),
                new JournalAppend(new CustomerId("a"), 0, [Registration(new CustomerId("a"), Nord)]),
                new JournalAppend(new CustomerId("c"), 0, [Registration(new CustomerId("c"), Sued)]),
                new JournalAppend(moved, 0, [Registration(moved, Sued)]),
            ],
            CancellationToken.None);
        await store.AppendManyAsync([new JournalAppend(moved, 1, [SettingsChange(moved, 2, Nord)])], CancellationToken.None);

        var nord = await CollectAsync(store.LoadCompanyAsync(Nord, CancellationToken.None));
        var sued = await CollectAsync(store.LoadCompanyAsync(Sued, CancellationToken.None));

        Assert.Equal(["a", "b", "m"], nord.Select(j => j.Customer.Value));
        Assert.All(nord, j => Assert.Null(j.Error));
        foreach (var journal in nord)
        {
            Assert.Equal(await store.LoadAsync(journal.Customer, CancellationToken.None), journal.Records);
        }

        Assert.Equal(["c"], sued.Select(j => j.Customer.Value));
        Assert.Empty(await CollectAsync(store.LoadCompanyAsync(new CompanyId("leer"), CancellationToken.None)));
    }

    /// <summary>An unreadable journal is streamed with its error, naming the account; the journals around it load.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task LoadCompany_UnreadableJournal_StreamedWithItsErrorOthersLoad()
    {
        var store = await CreateStoreAsync();
        CustomerId[] customers = [new("a"), new("broken"), new("c")];
        await store.AppendManyAsync([.. customers.Select(c => new JournalAppend(c, 0, [Registration(c, Nord), Payment(2, c.Value + "2")]))], CancellationToken.None);
        await CorruptJournalAsync(store, customers[1]);

        var company = await CollectAsync(store.LoadCompanyAsync(Nord, CancellationToken.None));
        var many = await CollectAsync(store.LoadManyAsync([customers[2], customers[1], customers[0]], CancellationToken.None));

        Assert.Equal(["a", "broken", "c"], company.Select(j => j.Customer.Value));
        Assert.Equal(["c", "broken", "a"], many.Select(j => j.Customer.Value));
        foreach (var journal in company.Concat(many))
        {
            if (journal.Customer == customers[1])
            {
                Assert.NotNull(journal.Error);
                Assert.Equal(customers[1], journal.Error.Customer);
                Assert.Empty(journal.Records);
            }
            else
            {
                Assert.Null(journal.Error);
                Assert.Equal(["reg-" + journal.Customer.Value, journal.Customer.Value + "2"], journal.Records.Select(r => r.Entry.Id.Value));
            }
        }
    }

    /// <summary>Named accounts load in the order named; one that does not exist loads empty, without an error.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task LoadMany_NamedAccounts_InTheOrderNamedUnknownOnesEmpty()
    {
        var store = await CreateStoreAsync();
        CustomerId a = new("a"), b = new("b"), nobody = new("nobody");
        await store.AppendAsync(a, 0, [Registration(a, Nord)], CancellationToken.None);
        await store.AppendAsync(b, 0, [Registration(b, Sued), Payment(2, "b2"), Payment(3, "b3")], CancellationToken.None);

        var journals = await CollectAsync(store.LoadManyAsync([b, nobody, a], CancellationToken.None));

        Assert.Equal([b, nobody, a], journals.Select(j => j.Customer));
        Assert.Equal(await store.LoadAsync(b, CancellationToken.None), journals[0].Records);
        Assert.Empty(journals[1].Records);
        Assert.Null(journals[1].Error);
        Assert.Equal(await store.LoadAsync(a, CancellationToken.None), journals[2].Records);
        Assert.Empty(await CollectAsync(store.LoadManyAsync([], CancellationToken.None)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => CollectAsync(store.LoadManyAsync(null!, CancellationToken.None)));
    }

    /// <summary>More accounts than a store may read with one query (1,001, named in reverse order) all load, in the order named.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task LoadMany_ManyAccounts_AllInTheOrderNamed()
    {
        var store = await CreateStoreAsync();
        var customers = Enumerable.Range(0, 1001).Select(i => new CustomerId($"k{i:D4}")).ToList();
        Assert.Empty(await store.AppendManyAsync([.. customers.Select(c => new JournalAppend(c, 0, [Registration(c, Nord)]))], CancellationToken.None));
        customers.Reverse();

        var journals = await CollectAsync(store.LoadManyAsync(customers, CancellationToken.None));

        Assert.Equal(customers, journals.Select(j => j.Customer));
        Assert.All(journals, j => Assert.Equal("reg-" + j.Customer.Value, Assert.Single(j.Records).Entry.Id.Value));
    }

    /// <summary>Loading after a version yields exactly the records above it: all after 0, none at or past the end, none for an unknown account.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task LoadAfter_Versions_YieldsOnlyTheRecordsAbove()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        JournalRecord[] records = [Registration(customer, Nord), Payment(2, "p2"), Payment(3, "p3"), Payment(4, "p4")];
        await store.AppendAsync(customer, 0, records, CancellationToken.None);

        Assert.Equal(records, await store.LoadAfterAsync(customer, 0, CancellationToken.None));
        Assert.Equal(records[2..], await store.LoadAfterAsync(customer, 2, CancellationToken.None));
        Assert.Equal(records[3..], await store.LoadAfterAsync(customer, 3, CancellationToken.None));
        Assert.Empty(await store.LoadAfterAsync(customer, 4, CancellationToken.None));
        Assert.Empty(await store.LoadAfterAsync(customer, 9, CancellationToken.None));
        Assert.Empty(await store.LoadAfterAsync(new CustomerId("nobody"), 0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LoadAfterAsync(customer, -1, CancellationToken.None).AsTask());
    }

    /// <summary>A company's accounts are listed with their versions, in id order.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task ListVersions_ByCompany_IdsAndVersionsInIdOrder()
    {
        var store = await CreateStoreAsync();
        CustomerId a = new("a"), b = new("b"), c = new("c");
        await store.AppendAsync(b, 0, [Registration(b, Nord), Payment(2, "b2"), Payment(3, "b3")], CancellationToken.None);
        await store.AppendAsync(a, 0, [Registration(a, Nord)], CancellationToken.None);
        await store.AppendAsync(c, 0, [Registration(c, Sued), Payment(2, "c2")], CancellationToken.None);

        Assert.Equal([new AccountVersion(a, 1), new AccountVersion(b, 3)], await CollectAsync(store.ListVersionsAsync(Nord, CancellationToken.None)));
        Assert.Equal([new AccountVersion(c, 2)], await CollectAsync(store.ListVersionsAsync(Sued, CancellationToken.None)));
    }

    /// <summary>
    /// In a batch, a part whose version has moved on (stale, ahead, or a new account that exists) appends nothing for its
    /// account and is returned in the order given; the other parts append.
    /// </summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task AppendMany_StaleParts_AppendNothingForThoseAccountsOthersAppend()
    {
        var store = await CreateStoreAsync();
        CustomerId stale = new("stale"), fresh = new("fresh"), current = new("current"), exists = new("exists"), ahead = new("ahead");
        await store.AppendAsync(stale, 0, [Registration(stale, Nord), Payment(2, "s2")], CancellationToken.None);
        await store.AppendAsync(current, 0, [Registration(current, Nord)], CancellationToken.None);
        await store.AppendAsync(exists, 0, [Registration(exists, Nord)], CancellationToken.None);
        await store.AppendAsync(ahead, 0, [Registration(ahead, Nord)], CancellationToken.None);

        var conflicts = await store.AppendManyAsync(
            [
                new JournalAppend(stale, 1, [Payment(2, "late")]),
                new JournalAppend(fresh, 0, [Registration(fresh, Sued), Payment(2, "f2")]),
                new JournalAppend(ahead, 4, [Payment(5, "a5")]),
                new JournalAppend(current, 1, [Payment(2, "c2"), Payment(3, "c3")]),
                new JournalAppend(exists, 0, [Registration(exists, Sued)]),
            ],
            CancellationToken.None);

        Assert.Equal([stale, ahead, exists], conflicts);
        Assert.Equal(["reg-stale", "s2"], await IdsAsync(store, stale));
        Assert.Equal(["reg-fresh", "f2"], await IdsAsync(store, fresh));
        Assert.Equal(["reg-ahead"], await IdsAsync(store, ahead));
        Assert.Equal(["reg-current", "c2", "c3"], await IdsAsync(store, current));
        Assert.Equal(["reg-exists"], await IdsAsync(store, exists));
        Assert.Equal([new AccountVersion(current, 3), new AccountVersion(exists, 1)], (await CollectAsync(store.ListVersionsAsync(Nord, CancellationToken.None))).Where(v => v.Customer == current || v.Customer == exists));
    }

    /// <summary>A batch naming an account twice, with a wrong version in a later part, or with a null part is refused whole before anything changes.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task AppendMany_InvalidBatch_RefusedBeforeAnythingChanges()
    {
        var store = await CreateStoreAsync();
        CustomerId a = new("a"), b = new("b");

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendManyAsync(
            [new JournalAppend(a, 0, [Registration(a, Nord)]), new JournalAppend(b, 0, [Registration(b, Nord)]), new JournalAppend(a, 1, [Payment(2, "a2")])],
            CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendManyAsync(
            [new JournalAppend(a, 0, [Registration(a, Nord)]), new JournalAppend(b, 0, [Registration(b, Nord), Payment(3, "b3")])],
            CancellationToken.None).AsTask());
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendManyAsync([new JournalAppend(a, 0, [Registration(a, Nord)]), null!], CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.AppendManyAsync(null!, CancellationToken.None).AsTask());

        Assert.Empty(await store.LoadAsync(a, CancellationToken.None));
        Assert.Empty(await store.LoadAsync(b, CancellationToken.None));
        Assert.Empty(await store.ListCustomersAsync(CancellationToken.None));
    }

    /// <summary>A batch cancelled before it starts appends nothing; the same batch appends afterwards.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task AppendMany_Cancelled_AppendsNothing()
    {
        var store = await CreateStoreAsync();
        CustomerId a = new("a"), b = new("b");
        JournalAppend[] batch = [new JournalAppend(a, 0, [Registration(a, Nord)]), new JournalAppend(b, 0, [Registration(b, Nord), Payment(2, "b2")])];
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendManyAsync(batch, cancelled.Token).AsTask());

        Assert.Empty(await store.ListCustomersAsync(CancellationToken.None));
        Assert.Empty(await store.AppendManyAsync(batch, CancellationToken.None));
        Assert.Equal(["reg-b", "b2"], await IdsAsync(store, b));
    }

    /// <summary>Eight writers append batches over the same ten accounts, retrying the accounts returned: every record lands exactly once.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task AppendMany_ParallelBatchesOverSharedAccounts_NoLostUpdate()
    {
        const int Writers = 8, Rounds = 4;
        var store = await CreateStoreAsync();
        var customers = Enumerable.Range(0, 10).Select(i => new CustomerId("s" + i)).ToList();
        await store.AppendManyAsync([.. customers.Select(c => new JournalAppend(c, 0, [Registration(c, Nord)]))], CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var round = 0; round < Rounds; round++)
            {
                IReadOnlyList<CustomerId> pending = [.. customers.OrderBy(_ => random.Next())];
                while (pending.Count > 0)
                {
                    var journals = await CollectAsync(store.LoadManyAsync(pending, CancellationToken.None));
                    pending = await store.AppendManyAsync(
                        [.. journals.Select(j => new JournalAppend(j.Customer, j.Records.Count, [Payment(j.Records.Count + 1, $"w{w}r{round}")]))],
                        CancellationToken.None);
                }
            }
        })));

        foreach (var customer in customers)
        {
            var journal = await store.LoadAsync(customer, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 1 + (Writers * Rounds)).Select(v => (long)v), journal.Select(r => r.Version));
            Assert.Equal(Writers * Rounds, journal.Skip(1).Select(r => r.Entry.Id.Value).Distinct().Count());
        }
    }

    /// <summary>
    /// Property: random batches (current, stale and ahead versions, new and existing accounts) leave the store
    /// with exactly the journals, and report exactly the conflicts, that appending each part with <see cref="ICustomerAccountStore.AppendAsync"/>
    /// in order would, as the reference store shows.
    /// </summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task AppendMany_RandomBatches_EqualSequentialAppends()
    {
        _propertyStore ??= await CreateStoreAsync();
        var store = _propertyStore;

        // Each step: account (0–3), version offset (-1, 0, 0, 0, +1 from the current one), record count (1–3).
        var batches = Gen.Choose(0, 59).ArrayOf().ArrayOf().Where(b => b.Length <= 6).ToArbitrary();
        var property = Prop.ForAll(batches, plan => RunPlanAsync(store, Interlocked.Increment(ref _propertyCase), plan).GetAwaiter().GetResult());

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property));
    }

    private static async Task<bool> RunPlanAsync(ICustomerAccountStore store, int run, int[][] plan)
    {
        var reference = new InMemoryCustomerAccountStore();
        var customers = Enumerable.Range(0, 4).Select(i => new CustomerId($"p{run}-{i}")).ToArray();
        foreach (var steps in plan)
        {
            var batch = new List<JournalAppend>();
            foreach (var step in steps.DistinctBy(s => s % 4))
            {
                var customer = customers[step % 4];
                var version = (await reference.LoadAsync(customer, CancellationToken.None)).Count;
                var expected = Math.Max(0, version + ((step / 4) % 5) switch { 0 => -1, 4 => 1, _ => 0 });
                var records = Enumerable.Range(1, 1 + (step / 20))
                    .Select(i => expected + i == 1 ? Registration(customer, Nord) : Payment(expected + i, $"{customer.Value}-{expected + i}"))
                    .ToList();
                batch.Add(new JournalAppend(customer, expected, records));
            }

            var expectedConflicts = new List<CustomerId>();
            foreach (var part in batch)
            {
                try
                {
                    await reference.AppendAsync(part.Customer, part.ExpectedVersion, part.Records, CancellationToken.None);
                }
                catch (ConcurrencyException)
                {
                    expectedConflicts.Add(part.Customer);
                }
            }

            if (!expectedConflicts.SequenceEqual(await store.AppendManyAsync(batch, CancellationToken.None)))
            {
                return false;
            }
        }

        foreach (var customer in customers)
        {
            if (!(await reference.LoadAsync(customer, CancellationToken.None)).SequenceEqual(await store.LoadAsync(customer, CancellationToken.None)))
            {
                return false;
            }
        }

        return true;
    }

    private static JournalRecord SettingsChange(CustomerId customer, long version, CompanyId company) =>
        new(version, At.Plus(NodaTime.Duration.FromSeconds(version)), Clerk, new CustomerSettingsChanged(new EntryId($"set-{customer.Value}-{version}"), new Customer(customer, "K-" + customer.Value, "Kunde " + customer.Value, company)));

    private static async Task<List<string>> IdsAsync(ICustomerAccountStore store, CustomerId customer) =>
        [.. (await store.LoadAsync(customer, CancellationToken.None)).Select(r => r.Entry.Id.Value)];

    private static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
