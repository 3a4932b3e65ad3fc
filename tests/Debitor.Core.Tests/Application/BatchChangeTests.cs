using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// <see cref="CustomerAccountService.ApplyManyAsync"/> (issue 16): the batched path leaves exactly the journals, and
/// refuses exactly the changes, that the single-account use cases applied one by one leave and refuse.
/// </summary>
public sealed class BatchChangeTests
{
    private static readonly CustomerId[] Customers = [new("C-1"), new("C-2"), new("C-3")];

    /// <summary>A change of the model: a kind and two numbers choosing its account, ids and amounts.</summary>
    private sealed record Op(int Kind, int A, int B)
    {
        public CustomerId Customer => Customers[A % Customers.Length];

        public AccountChange Change() => Kind switch
        {
            0 => AccountChange.Register(Settings()),
            4 => AccountChange.ChangeMasterData(Customer, Id($"md-{A % 3}"), MasterData()),
            5 => AccountChange.Post(Customer, Planned),
            _ => AccountChange.Post(Customer, Entries()),
        };

        /// <summary>The same change through its single-account use case.</summary>
        public async Task OneAsync(ServiceFixture fixture, Actor actor)
        {
            switch (Kind)
            {
                case 0:
                    await fixture.Service.RegisterCustomerAsync(actor, Settings());
                    break;
                case 4:
                    await new CollectionService(fixture.Service, fixture.Store, new InterestSchemeRegistry(), new EicarTestScanner(), new InMemoryFileStorage()).ChangeMasterDataAsync(actor, Customer, Id($"md-{A % 3}"), MasterData());
                    break;
                case 5:
                    var journal = await fixture.Store.LoadAsync(Customer, CancellationToken.None);
                    if (journal.Count == 0)
                    {
                        throw new ArgumentException($"Customer '{Customer}' does not exist.", "customer");
                    }

                    if (Planned(CustomerAccount.FromJournal(journal)) is { Count: > 0 } planned)
                    {
                        await fixture.Service.PostAllAsync(actor, Customer, planned);
                    }

                    break;
                default:
                    await fixture.Service.PostAllAsync(actor, Customer, Entries());
                    break;
            }
        }

        private Customer Settings() => NewCustomer(Customer.Value, B % 2 == 0 ? "Müller GmbH" : "Meier KG") with
        {
            Payer = B % 3 == 0 ? Customers[(A + 1) % Customers.Length] : B % 11 == 0 ? Customer : null,
        };

        private CustomerMasterData MasterData() => CustomerMasterData.Empty with { Phones = [new PhoneNumber(B % 2 == 0 ? "+49 30 1234" : "+49 40 5678", Preferred: true)] };

        private IReadOnlyList<JournalEntry> Entries() => Kind switch
        {
            1 => [Invoice($"inv-{A % 4}", ((B % 3) + 1) * 100m)],
            2 => [Payment($"pay-{A % 4}", 50m * ((B % 4) + 1)), Apply($"pay-{A % 4}/1", $"pay-{A % 4}", $"inv-{B % 4}", 50m)],
            3 => [new CreditNotePosted(Id($"cn-{A % 3}"), $"GS-{A % 3}", Date(2026, 2, 1), Eur(30m + (B % 2)), B % 2 == 0 ? Id($"inv-{B % 4}") : null)],
            _ => [Invoice($"bad-{A}", 10m), new ItemPaused(Id($"pause-{A}"), Id("inv-0"), "why")],
        };

        /// <summary>An invoice due after the customer's payment terms, not posted again when it is stored already.</summary>
        private IReadOnlyList<JournalEntry> Planned(CustomerAccount account)
        {
            var id = Id($"plan-{B % 3}");
            var date = Date(2026, 1, 5);
            return account.FindEntry(id) is not null
                ? []
                : [InvoicePosted.Single(id, $"P-{B % 3}", date, date.PlusDays(account.Customer.PaymentTerms.NetDays), Eur(40m + A))];
        }
    }

    private static Arbitrary<(Op[] Ops, int Chunk, bool AutoApply, Actor Actor)> Batches() =>
        Gen.Choose(0, 6).Zip(Gen.Choose(0, 1000)).Zip(Gen.Choose(0, 1000))
            .Select(t => new Op(t.Item1.Item1, t.Item1.Item2, t.Item2))
            .ArrayOf()
            .Zip(Gen.Choose(1, 8))
            .Zip(Gen.Elements(true, false))
            .Zip(Gen.Elements(Accountant, Accountant, Clerk))
            .Select(t => (t.Item1.Item1.Item1, t.Item1.Item1.Item2, t.Item1.Item2, t.Item2))
            .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property ApplyManyAsync_RandomChanges_LeavesTheJournalsAndRefusalsOfOneByOne() =>
        Prop.ForAll(Batches(), batch =>
        {
            var (ops, chunk, autoApply, actor) = batch;
            var (single, expected) = OneByOne(ops, autoApply, actor);

            var batched = Fixture(autoApply);
            var refused = new List<(int, string, string)>();
            for (var start = 0; start < ops.Length; start += chunk)
            {
                var part = ops.Skip(start).Take(chunk).ToList();
                var result = batched.Service.ApplyManyAsync(actor, [.. part.Select(o => o.Change())]).GetAwaiter().GetResult();
                refused.AddRange(result.Refused.Select(r => (start + r.Index, r.Reason.GetType().Name, r.Reason.Message)));
            }

            return Journals(single).SequenceEqual(Journals(batched)) && expected.SequenceEqual(refused);
        });

    /// <summary>
    /// Property (D16.102): the import's schedule — each chunk planned while the chunk before is not yet written (carrying
    /// its accounts over), then the chunk before written — with another writer appending to an account just before chunk
    /// <c>w</c> is written (a conflict there, and an account carried over from a conflict in the chunk after): the journals
    /// and refusals are those of the single-account use cases with the other writer's append between chunks w-1 and w.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property PlanBatchAsync_ChunkBeforeUnwrittenAndAnotherWriterInBetween_LeavesTheJournalsOfOneByOne() =>
        Prop.ForAll(Batches(), Gen.Choose(0, 6).ToArbitrary(), (batch, w) =>
        {
            var (ops, chunk, autoApply, actor) = batch;
            var chunks = ops.Chunk(chunk).ToList();
            var single = Fixture(autoApply);
            var expected = new List<(int, string, string)>();
            for (var k = 0; k < chunks.Count; k++)
            {
                if (k == w)
                {
                    Foreign(single.Store, w);
                }

                var (_, refusals) = OneByOne(chunks[k], single, actor);
                expected.AddRange(refusals.Select(r => ((k * chunk) + r.Item1, r.Item2, r.Item3)));
            }

            var inner = new InMemoryCustomerAccountStore();
            var batched = new ServiceFixture(store: inner);
            batched.Options.Payments.ApplyCreditNotesToRelatedItem = autoApply;
            var refused = new List<(int, string, string)>();
            CustomerAccountService.PlannedBatch? basis = null;
            void Write(int k)
            {
                if (k == w)
                {
                    Foreign(inner, w);
                }

                var result = batched.Service.WriteBatchAsync(basis!, CancellationToken.None).GetAwaiter().GetResult();
                refused.AddRange(result.Refused.Select(r => ((k * chunk) + r.Index, r.Reason.GetType().Name, r.Reason.Message)));
            }

            for (var k = 0; k < chunks.Count; k++)
            {
                var planned = batched.Service.PlanBatchAsync(actor, [.. chunks[k].Select(o => o.Change())], basis, CancellationToken.None).GetAwaiter().GetResult();
                if (basis is not null)
                {
                    Write(k - 1);
                }

                basis = planned;
            }

            if (basis is not null)
            {
                Write(chunks.Count - 1);
            }

            return Journals(single.Store).SequenceEqual(Journals(inner)) && expected.SequenceEqual(refused);
        });

    /// <summary>Another writer records master data on an existing account.</summary>
    private static void Foreign(InMemoryCustomerAccountStore store, int w)
    {
        var customer = Customers[w % Customers.Length];
        var version = store.LoadAsync(customer, CancellationToken.None).AsTask().GetAwaiter().GetResult().Count;
        if (version > 0)
        {
            var entry = new MasterDataChanged(Id($"foreign-{w}"), CustomerMasterData.Empty with { Phones = [new PhoneNumber("+49 89 0", Preferred: true)] });
            store.AppendAsync(customer, version, [new JournalRecord(version + 1, Now, new UserId("other"), entry)], CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The changes through their single-account use cases, one by one: the journals left and the refusals.</summary>
    private static (ServiceFixture Single, List<(int, string, string)> Refused) OneByOne(Op[] ops, bool autoApply, Actor actor) =>
        OneByOne(ops, Fixture(autoApply), actor);

    private static (ServiceFixture Single, List<(int, string, string)> Refused) OneByOne(Op[] ops, ServiceFixture single, Actor actor)
    {
        var expected = new List<(int, string, string)>();
        for (var i = 0; i < ops.Length; i++)
        {
            try
            {
                ops[i].OneAsync(single, actor).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is ArgumentException or DebitorException)
            {
                expected.Add((i, exception.GetType().Name, exception.Message));
            }
        }

        return (single, expected);
    }

    [Fact]
    public async Task PlanBatchAsync_OnABasis_ReleasesTheBasisProjectionsAndCarriesOverItsOwn()
    {
        var fixture = Fixture(autoApply: false);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1"));
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-2"));
        var c1 = new CustomerId("C-1");
        var c2 = new CustomerId("C-2");

        var first = await fixture.Service.PlanBatchAsync(Accountant, [AccountChange.Post(c1, [Invoice("inv-1", 100m)]), AccountChange.Post(c2, [Invoice("inv-2", 50m)])], null, CancellationToken.None);
        var second = await fixture.Service.PlanBatchAsync(Accountant, [AccountChange.Post(c1, [Payment("pay-1", 40m)])], first, CancellationToken.None);

        // The basis keeps what writing needs (version loaded, records appended), not its projections (D16.160).
        Assert.All(first.Accounts.Values, a => Assert.Null(a.Appender));
        Assert.Equal(new[] { 1, 1 }, first.Accounts.Values.Select(a => a.Appended.Count));
        Assert.Equal(3, second.Accounts[c1].Existing()!.Journal.Count);
        Assert.Throws<InvalidOperationException>(() => first.Accounts[c2].Existing());
        Assert.Null(first.Accounts[c2].CarryOver());

        var written = await fixture.Service.WriteBatchAsync(first, CancellationToken.None);
        var after = await fixture.Service.WriteBatchAsync(second, CancellationToken.None);

        Assert.Equal((2, 2, 1, 1), (written.AccountsChanged, written.RecordsAppended, after.AccountsChanged, after.RecordsAppended));
        Assert.Equal(3, (await fixture.Store.LoadAsync(c1, CancellationToken.None)).Count);
        Assert.Equal(2, (await fixture.Store.LoadAsync(c2, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ApplyManyAsync_RefusedChange_IsReportedWithItsIndexAndTheOthersAreAppended()
    {
        var fixture = Fixture(autoApply: false);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1"));

        var result = await fixture.Service.ApplyManyAsync(Accountant, [
            AccountChange.Post(new CustomerId("C-1"), [Invoice("inv-1", 100m)]),
            AccountChange.Post(new CustomerId("C-1"), [Apply("a-1", "pay-404", "inv-1", 10m)]),
            AccountChange.Post(new CustomerId("C-9"), [Invoice("inv-9", 100m)]),
            AccountChange.Post(new CustomerId("C-1"), [Payment("pay-1", 40m)]),
        ]);

        Assert.Equal(new[] { 1, 0, 0, 1 }, result.Appended);
        Assert.Equal(new[] { 1, 2 }, result.Refused.Select(r => r.Index));
        Assert.IsAssignableFrom<ArgumentException>(result.Refused[0].Reason);
        Assert.Equal("customer", Assert.IsAssignableFrom<ArgumentException>(result.Refused[1].Reason).ParamName);
        Assert.Equal((1, 2), (result.AccountsChanged, result.RecordsAppended));
        var account = await fixture.Service.GetAccountAsync(Accountant, new CustomerId("C-1"));
        Assert.Equal(3, account.Version);
    }

    [Fact]
    public async Task ApplyManyAsync_SameBatchTwice_AppendsNothingTheSecondTime()
    {
        var fixture = Fixture(autoApply: true);
        AccountChange[] changes() => [
            AccountChange.Register(NewCustomer("C-1")),
            AccountChange.ChangeMasterData(new CustomerId("C-1"), Id("md-1"), CustomerMasterData.Empty with { Phones = [new PhoneNumber("+49 30 1", Preferred: true)] }),
            AccountChange.Post(new CustomerId("C-1"), [Invoice("inv-1", 100m), Payment("pay-1", 40m), Apply("pay-1/1", "pay-1", "inv-1", 40m)]),
            AccountChange.Post(new CustomerId("C-1"), [new CreditNotePosted(Id("cn-1"), "GS-1", Date(2026, 2, 1), Eur(10m), Id("inv-1"))]),
        ];

        var first = await fixture.Service.ApplyManyAsync(Accountant, changes());
        var second = await fixture.Service.ApplyManyAsync(Accountant, changes());

        Assert.Equal(new[] { 1, 1, 3, 2 }, first.Appended);
        Assert.Empty(second.Refused);
        Assert.Equal(0, second.RecordsAppended);
        Assert.Equal(0, second.AccountsChanged);
    }

    [Fact]
    public async Task ApplyManyAsync_StoredIdWithOtherContent_IsRefusedAsDuplicate()
    {
        var fixture = Fixture(autoApply: false);
        await fixture.Service.ApplyManyAsync(Accountant, [AccountChange.Register(NewCustomer("C-1")), AccountChange.Post(new CustomerId("C-1"), [Invoice("inv-1", 100m)])]);

        var result = await fixture.Service.ApplyManyAsync(Accountant, [
            AccountChange.Post(new CustomerId("C-1"), [Invoice("inv-1", 999m)]),
            AccountChange.Register(NewCustomer("C-1", "Anders AG")),
        ]);

        Assert.All(result.Refused, r => Assert.IsType<DuplicateEntryException>(r.Reason));
        Assert.Equal(2, result.Refused.Count);
    }

    [Fact]
    public async Task ApplyManyAsync_ActorWithoutPermission_IsRefusedPerChange()
    {
        var fixture = Fixture(autoApply: false);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1"));

        var result = await fixture.Service.ApplyManyAsync(Clerk, [
            AccountChange.Post(new CustomerId("C-1"), [Invoice("inv-1", 100m)]),
            AccountChange.Post(new CustomerId("C-1"), [Payment("pay-1", 40m)]),
        ]);

        Assert.IsType<AuthorizationException>(Assert.Single(result.Refused).Reason);
        Assert.Equal(new[] { 0, 1 }, result.Appended);
    }

    [Fact]
    public async Task ApplyManyAsync_PlannedPosting_SeesTheEarlierChangesOfTheBatch()
    {
        var fixture = Fixture(autoApply: false);
        var customer = new CustomerId("C-1");

        var result = await fixture.Service.ApplyManyAsync(Accountant, [
            AccountChange.Register(NewCustomer("C-1")),
            AccountChange.Post(customer, [Invoice("inv-1", 100m)]),
            AccountChange.Post(customer, [Payment("pay-1", 70m)]),
            AccountChange.Post(customer, account => [Apply("pay-1/1", "pay-1", "inv-1", Math.Min(70m, account.FindItem(Id("inv-1"))!.OpenAmount.Amount))]),
            AccountChange.Post(customer, account => [Payment("pay-2", 50m), Apply("pay-2/1", "pay-2", "inv-1", Math.Min(50m, account.FindItem(Id("inv-1"))!.OpenAmount.Amount))]),
        ]);

        Assert.Empty(result.Refused);
        var account = await fixture.Service.GetAccountAsync(Accountant, customer);
        Assert.True(account.FindItem(Id("inv-1"))!.OpenAmount.IsZero);
        Assert.Equal(Eur(30m), ((PaymentApplied)account.FindEntry(Id("pay-2/1"))!).Amount);
    }

    [Fact]
    public async Task ApplyManyAsync_RegistrationNamingAPayerOfTheSameBatch_FindsIt()
    {
        var fixture = Fixture(autoApply: false);

        var result = await fixture.Service.ApplyManyAsync(Accountant, [
            AccountChange.Register(NewCustomer("C-2") with { Payer = new CustomerId("C-1") }),
            AccountChange.Register(NewCustomer("C-1")),
            AccountChange.Register(NewCustomer("C-3") with { Payer = new CustomerId("C-1") }),
        ]);

        Assert.Equal(new[] { 0 }, result.Refused.Select(r => r.Index));
        Assert.Equal(new[] { 0, 1, 1 }, result.Appended);
    }

    [Fact]
    public async Task ApplyManyAsync_Batch_LoadsAndAppendsOnceForAllAccounts()
    {
        var counting = new CountingStore(new InMemoryCustomerAccountStore());
        var fixture = new ServiceFixture(store: counting);

        await fixture.Service.ApplyManyAsync(Accountant, [.. Customers.Select(c => AccountChange.Register(NewCustomer(c.Value))), .. Customers.Select(c => AccountChange.Post(c, [Invoice("inv-1", 100m)]))]);

        Assert.Equal((1, 1, 0, 0), (counting.LoadMany, counting.AppendMany, counting.Loads, counting.Appends));
        Assert.Equal(2, (await counting.Inner.LoadAsync(Customers[2], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ApplyManyAsync_AnotherWriterInBetween_AppliesTheAccountAgainOnTheNewVersion()
    {
        var inner = new InMemoryCustomerAccountStore();
        var store = new CountingStore(inner);
        var fixture = new ServiceFixture(store: store);
        var customer = new CustomerId("C-1");
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1"));
        store.BeforeAppendMany = () => inner.AppendAsync(customer, 1, [new JournalRecord(2, Now, new UserId("other"), Invoice("inv-1", 100m))], CancellationToken.None);

        var result = await fixture.Service.ApplyManyAsync(Accountant, [
            AccountChange.Post(customer, [Invoice("inv-1", 100m)]),
            AccountChange.Post(customer, [Payment("pay-1", 100m), Apply("pay-1/1", "pay-1", "inv-1", 100m)]),
        ]);

        Assert.Empty(result.Refused);
        Assert.Equal(new[] { 0, 2 }, result.Appended);
        Assert.Equal(2, store.AppendMany);
        var account = await fixture.Service.GetAccountAsync(Accountant, customer);
        Assert.Equal((4L, "other"), (account.Version, account.Journal[1].RecordedBy.Value));
    }

    [Fact]
    public async Task ApplyManyAsync_WriterThatNeverStops_RefusesTheAccountWithConcurrency()
    {
        var inner = new InMemoryCustomerAccountStore();
        var store = new CountingStore(inner);
        var fixture = new ServiceFixture(maxRetries: 1, store: store);
        var customer = new CustomerId("C-1");
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1"));
        var version = 1;
        store.BeforeAppendMany = () =>
        {
            version++;
            return inner.AppendAsync(customer, version - 1, [new JournalRecord(version, Now, new UserId("other"), Payment($"other-{version}", 1m))], CancellationToken.None);
        };
        store.Repeat = true;

        var result = await fixture.Service.ApplyManyAsync(Accountant, [AccountChange.Post(customer, [Invoice("inv-1", 100m)])]);

        Assert.IsType<ConcurrencyException>(Assert.Single(result.Refused).Reason);
        Assert.Equal((0, 0), (result.RecordsAppended, result.AccountsChanged));
        Assert.Null((await fixture.Service.GetAccountAsync(Accountant, customer)).FindItem(Id("inv-1")));
    }

    [Fact]
    public async Task ApplyManyAsync_NullChange_IsRefusedBeforeAnythingChanges()
    {
        var fixture = Fixture(autoApply: false);

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.Service.ApplyManyAsync(Accountant, [AccountChange.Register(NewCustomer("C-1")), null!]));

        Assert.Equal("changes", exception.ParamName);
        Assert.Empty(await ((ICustomerAccountStore)fixture.Store).ListCustomersAsync(CancellationToken.None));
    }

    private static ServiceFixture Fixture(bool autoApply)
    {
        var fixture = new ServiceFixture();
        fixture.Options.Payments.ApplyCreditNotesToRelatedItem = autoApply;
        return fixture;
    }

    private static List<string> Journals(ServiceFixture fixture) => Journals(fixture.Store);

    private static List<string> Journals(InMemoryCustomerAccountStore store) =>
        [.. Customers.SelectMany(c => store.LoadAsync(c, CancellationToken.None).AsTask().GetAwaiter().GetResult().Select(r => c + " " + JournalJson.Serialize(r)))];

    /// <summary>Counts the store calls, and lets "another writer" append before a batched append.</summary>
    private sealed class CountingStore(InMemoryCustomerAccountStore inner) : ICustomerAccountStore
    {
        public InMemoryCustomerAccountStore Inner => inner;

        public int Loads { get; private set; }

        public int Appends { get; private set; }

        public int LoadMany { get; private set; }

        public int AppendMany { get; private set; }

        public Func<ValueTask>? BeforeAppendMany { get; set; }

        public bool Repeat { get; set; }

        public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
        {
            Loads++;
            return inner.LoadAsync(customer, cancellationToken);
        }

        public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
        {
            Appends++;
            return inner.AppendAsync(customer, expectedVersion, records, cancellationToken);
        }

        public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

        public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);

        public async IAsyncEnumerable<StoredJournal> LoadManyAsync(IReadOnlyList<CustomerId> customers, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            LoadMany++;
            foreach (var customer in customers)
            {
                yield return new StoredJournal(customer, await inner.LoadAsync(customer, cancellationToken));
            }
        }

        public async ValueTask<IReadOnlyList<CustomerId>> AppendManyAsync(IReadOnlyList<JournalAppend> appends, CancellationToken cancellationToken)
        {
            AppendMany++;
            if (BeforeAppendMany is { } hook)
            {
                BeforeAppendMany = Repeat ? hook : null;
                await hook();
            }

            return await ((ICustomerAccountStore)inner).AppendManyAsync(appends, cancellationToken);
        }
    }
}
