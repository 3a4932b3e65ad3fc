using System.Text;
using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 13, third pass: processing appends, numbers and queues its letters in batches (D13.22) and reuses the views its
/// preview held (D13.21). Whatever the batch size, a conflict or a fault, the journals, numbers and delivered letters are
/// those of processing letter by letter.
/// </summary>
public sealed class DunningBatchTests
{
    private static readonly LocalDate RunDay = D.PlusDays(6);
    private static readonly CustomerId P = new("P-1");
    private static readonly CustomerId K3 = new("K-3");

    private static readonly DunningSettings WithFees = Settings(Scheme() with
    {
        Levels = [Level(5, 1) with { Fees = [DunningFee.PerLetter(Eur(3m))] }, Level(20, 2), Level(40, 3)],
    });

    internal static readonly DunningRunRequest Request = Run(RunDay, "batch") with { PostFees = true };

    private static readonly CustomerId[] Everyone = [.. new[] { "K-1", "K-2", "K-3", "K-4", "K-5", "K-6", "P-1" }.Select(id => new CustomerId(id))];

    /// <summary>
    /// Seven letters: one each for K-1, K-2, K-4 and K-5, two for K-3 (euro and dollar: one account on two letters), and
    /// one to payer P-1 holding its own item and those of K-6 (one letter on two accounts).
    /// </summary>
    internal static async Task<DunningFixture> PortfolioAsync(ICustomerAccountStore store, ILetterNumberSequence? letterNumbers = null)
    {
        var fixture = new DunningFixture(store, letterNumbers).On(RunDay);
        fixture.Settings.Set(Company, WithFees);
        await fixture.AddAsync(Customer("P-1"), Invoice("p", 80m, D));
        await fixture.AddAsync(Customer("K-1"), Invoice("k1", 100m, D));
        await fixture.AddAsync(Customer("K-2"), Invoice("k2", 200m, D));
        await fixture.AddAsync(Customer("K-3"), Invoice("k3e", 300m, D), Invoice("k3u", 310m, D, Currency.USD));
        await fixture.AddAsync(Customer("K-4"), Invoice("k4", 400m, D));
        await fixture.AddAsync(Customer("K-5"), Invoice("k5", 500m, D));
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        await fixture.AddAsync(Customer("K-6") with { Payer = P, PayerRouting = routed }, Invoice("k6", 600m, D));
        return fixture;
    }

    /// <summary>
    /// What a user can observe: every journal entry, the letters' numbers and totals, the letters delivered. Unless
    /// <paramref name="ordered"/>, the entries of an account are compared as a set: a batch appends an account's parts of
    /// several letters before their numbers, letter by letter each part is followed by its number.
    /// </summary>
    internal static async Task<string> StateAsync(DunningFixture fixture, DunningRunResult result, bool ordered = true)
    {
        var state = new StringBuilder();
        foreach (var customer in Everyone)
        {
            var lines = new List<string>();
            foreach (var record in await fixture.JournalAsync(customer))
            {
                var notices = record.Entry is DunningNoticeIssued issued ? string.Join(",", issued.Notices) : "";
                lines.Add(ordered ? $"{customer} {record.Version} {record.Entry} {notices}" : $"{customer} {record.Entry} {notices}");
            }

            state.AppendJoin(Environment.NewLine, ordered ? lines : lines.Order(StringComparer.Ordinal)).AppendLine();
        }

        foreach (var letter in result.Issued)
        {
            state.AppendLine($"issued {letter.Id} {letter.Number} {letter.TotalDue} {string.Join(",", letter.Customers)}");
        }

        foreach (var letter in fixture.Output.Letters)
        {
            state.AppendLine($"delivered {letter.Id} {letter.Number}");
        }

        return state.ToString();
    }

    /// <summary>The state an undisturbed processing leaves; with a batch size of 1, letter by letter as before batches.</summary>
    private static async Task<string> UndisturbedAsync(int batchSize = DunningService.LettersPerBatch, bool ordered = true)
    {
        var fixture = await PortfolioAsync(new InMemoryCustomerAccountStore());
        fixture.Dunning.BatchSize = batchSize;
        var result = await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Request));
        return await StateAsync(fixture, result, ordered);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(DunningService.LettersPerBatch)]
    public async Task Process_AnyBatchSize_LeavesTheStateOfProcessingLetterByLetter(int batchSize)
    {
        var fixture = await PortfolioAsync(new InMemoryCustomerAccountStore());
        fixture.Dunning.BatchSize = batchSize;
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(7, result.Issued.Count);
        Assert.Equal(Enumerable.Range(1, 7), result.Issued.Select(l => l.Number!.Value.Sequence));
        Assert.Equal(await UndisturbedAsync(1, ordered: false), await StateAsync(fixture, result, ordered: false));
    }

    [Fact]
    public async Task Process_AccountOnTwoLettersOfOneBatch_GetsBothPartsInOneAppendEachEndingWithItsNote()
    {
        var store = new CountingStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        var letters = proposal.Letters.Where(l => l.Customers.Contains(K3)).Select(l => l.Id).ToList();
        Assert.Equal(2, letters.Count);
        store.Appended.Clear();

        await fixture.Dunning.ProcessAsync(Accountant, proposal);

        // One append of K-3's parts of both letters, one of both letters' numbers.
        Assert.Equal(2, store.Appended.Count(c => c == K3));
        var written = (await fixture.JournalAsync(K3)).Select(r => r.Entry).Where(e => e.Id.Value.StartsWith("batch/", StringComparison.Ordinal)).ToList();
        var notes = written.Select((e, i) => (e, i)).Where(x => x.e is CommunicationRecorded).Select(x => x.i).ToList();
        Assert.Equal(2, notes.Count);
        Assert.IsType<DunningNoticeIssued>(written[0]);
        Assert.Equal(letters[0], ((DunningNoticeIssued)written[0]).LetterId);
        Assert.Equal(letters[1], ((DunningNoticeIssued)written[notes[0] + 1]).LetterId);
        Assert.All(written.Take(notes[0] + 1).OfType<ChargePosted>(), fee => Assert.Equal(letters[0], fee.DocumentNumber));
        Assert.All(written.Skip(notes[1] + 1), e => Assert.IsType<DunningLetterNumbered>(e));
        Assert.Equal(letters, written.Skip(notes[1] + 1).Cast<DunningLetterNumbered>().Select(n => n.LetterId));
    }

    /// <summary>
    /// A run lets go of an account once no later batch touches it (D16.232), and not before: K-3's dollar letter in the
    /// second batch of three continues from its euro letter's part in the first, with no reload and no refused append.
    /// </summary>
    [Fact]
    public async Task Process_AccountInTwoBatches_SecondBatchContinuesFromTheFirstWithoutLoadingIt()
    {
        var store = new CountingStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        fixture.Dunning.BatchSize = 3;
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        Assert.Equal([0, 1], proposal.Letters.Select((l, i) => (l, i / 3)).Where(x => x.l.Customers.Contains(K3)).Select(x => x.Item2));
        store.Loaded.Clear();
        store.Appended.Clear();

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(7, result.Issued.Count);
        Assert.Empty(store.Loaded);
        Assert.Equal(4, store.Appended.Count(c => c == K3));
        Assert.Equal(await UndisturbedAsync(3), await StateAsync(fixture, result));
    }

    [Fact]
    public async Task Process_AnotherWriterChangesAnAccountInsideTheBatch_ThatLetterIsRecomputedAndStillIssued()
    {
        var store = new InterferingStore(new InMemoryCustomerAccountStore(), new CustomerId("K-2"),
            new CommunicationRecorded(Id("call-1"), CommunicationKind.PhoneCall, "Rückruf", "zahlt Freitag"));
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.True(store.Interfered);
        Assert.Equal(proposal.Letters.Select(l => l.Id), result.Issued.Select(l => l.Id));
        Assert.Equal(Enumerable.Range(1, 7), result.Issued.Select(l => l.Number!.Value.Sequence));
        var k2 = await fixture.LoadAsync(new CustomerId("K-2"));
        Assert.Equal(1, k2.Installment("k2").Dunning.Level);
        Assert.Single(k2.Journal, r => r.Entry is DunningNoticeIssued);
        Assert.True(k2.FindEntry(Id("call-1")) is not null);
    }

    /// <summary>
    /// K-3 is on two letters; in batches of three its euro letter is in the first batch, its dollar letter in the second, so
    /// its number and its second letter continue the projection of its first part (D13.140). Another writer changes K-3
    /// right before its number (skip 1) or its second letter (skip 2) is appended: the part refused is computed again from
    /// the account as stored, and nothing of it is lost or taken as written.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Process_AnotherWriterChangesAnAccountBetweenItsParts_EveryPartIsStillWritten(int skip)
    {
        var store = new InterferingStore(new InMemoryCustomerAccountStore(), K3,
            new CommunicationRecorded(Id("call-1"), CommunicationKind.PhoneCall, "Rückruf", "zahlt Freitag"), skip);
        var fixture = await PortfolioAsync(store);
        fixture.Dunning.BatchSize = 3;
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.True(store.Interfered);
        Assert.Equal(proposal.Letters.Select(l => l.Id), result.Issued.Select(l => l.Id));
        Assert.Equal(Enumerable.Range(1, 7), result.Issued.Select(l => l.Number!.Value.Sequence));
        var journal = await fixture.JournalAsync(K3);
        var k3Letters = result.Issued.Where(l => l.RecipientId == K3).ToList();
        Assert.Equal(2, k3Letters.Count);
        foreach (var letter in k3Letters)
        {
            Assert.Single(journal, r => r.Entry is DunningNoticeIssued issued && issued.LetterId == letter.Id);
            Assert.Single(journal, r => r.Entry is DunningLetterNumbered numbered && numbered.LetterId == letter.Id && numbered.Number == letter.Number);
        }

        Assert.Single(journal, r => r.Entry.Id == Id("call-1"));
        var others = await UndisturbedAsync(3, ordered: false);
        var state = await StateAsync(fixture, result, ordered: false);
        Assert.Equal(
            others.Split(Environment.NewLine).Where(l => !l.StartsWith("K-3", StringComparison.Ordinal)),
            state.Split(Environment.NewLine).Where(l => !l.StartsWith("K-3", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Process_AnotherWriterPausesAnItemInsideTheBatch_ThatLetterIsDroppedAndNumbersStayGapFree()
    {
        var k2 = new CustomerId("K-2");
        var store = new InterferingStore(new InMemoryCustomerAccountStore(), k2, new ItemPaused(Id("pause-1"), Id("k2"), "Reklamation"));
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.True(store.Interfered);
        Assert.DoesNotContain(result.Issued, l => l.Customers.Contains(k2));
        Assert.Equal(6, result.Issued.Count);
        Assert.Equal(Enumerable.Range(1, 6), result.Issued.Select(l => l.Number!.Value.Sequence));
        var removed = Assert.Single(result.Removed);
        Assert.Equal(k2, removed.Customer);
        Assert.DoesNotContain(await fixture.JournalAsync(k2), r => r.Entry is DunningNoticeIssued or ChargePosted);
        Assert.Equal(6, fixture.Output.Letters.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Process_FaultBetweenTheNoticesAndTheNumbers_RetryLeavesTheUndisturbedState(bool afterAppending)
    {
        var store = new FaultyStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        var accounts = proposal.Letters.SelectMany(l => l.Customers.Append(l.RecipientId)).Distinct().Count();
        store.ThrowAfterAppending = afterAppending;
        store.FailOnAppend = store.Appends + accounts + 1;

        await Assert.ThrowsAsync<InjectedFaultException>(() => fixture.Dunning.ProcessAsync(Accountant, proposal));
        Assert.True(store.Fired);
        foreach (var customer in Everyone)
        {
            Assert.Contains(await fixture.JournalAsync(customer), r => r.Entry is DunningNoticeIssued { LetterId: var id } && id.StartsWith("batch/", StringComparison.Ordinal));
        }

        Assert.Empty(fixture.Output.Letters);
        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(await UndisturbedAsync(), await StateAsync(fixture, result));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(4, true)]
    public async Task Process_FaultInTheMiddleOfTheNoticesBatch_RetryLeavesTheUndisturbedState(int failingAppend, bool afterAppending)
    {
        var store = new FaultyStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        store.ThrowAfterAppending = afterAppending;
        store.FailOnAppend = store.Appends + failingAppend;

        await Assert.ThrowsAsync<InjectedFaultException>(() => fixture.Dunning.ProcessAsync(Accountant, proposal));
        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(await UndisturbedAsync(), await StateAsync(fixture, result));
    }

    /// <summary>
    /// D16.250, D16.251: a fault in a later slice of a processing in slices of two accounts (the first slices issued and
    /// let go of, the kept views taken); processing the proposal again loads the company and completes the run, issuing
    /// nothing twice and numbering gap-free in the run's letter order.
    /// </summary>
    [Theory]
    [InlineData(3, false)]
    [InlineData(5, true)]
    [InlineData(8, true)]
    [InlineData(11, false)]
    public async Task Process_FaultInALaterSlice_RetryLeavesTheUndisturbedState(int failingAppend, bool afterAppending)
    {
        var store = new FaultyStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        fixture.Dunning.SliceSize = 2;
        fixture.Dunning.BatchSize = 1;
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        store.ThrowAfterAppending = afterAppending;
        store.FailOnAppend = store.Appends + failingAppend;

        await Assert.ThrowsAsync<InjectedFaultException>(() => fixture.Dunning.ProcessAsync(Accountant, proposal));
        Assert.NotEmpty(fixture.Output.Letters);
        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(proposal.Letters.Select(l => l.Id), result.Issued.Select(l => l.Id));
        Assert.Equal(Enumerable.Range(1, 7), result.Issued.Select(l => l.Number!.Value.Sequence));
        Assert.Equal(await UndisturbedAsync(1), await StateAsync(fixture, result));
    }

    [Fact]
    public async Task Process_NothingChangedSinceThePreview_ReadsNoJournalAgain()
    {
        var store = new CountingStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        store.Loaded.Clear();

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Empty(store.Loaded);
        Assert.Equal(await UndisturbedAsync(), await StateAsync(fixture, result));
    }

    [Fact]
    public async Task Process_OneAccountChangedSinceThePreview_ReadsOnlyThatJournalAgain()
    {
        var store = new CountingStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        var k4 = new CustomerId("K-4");
        await fixture.Accounts.PauseItemAsync(Accountant, k4, Id("pause-4"), Id("k4"), "Reklamation");
        store.Loaded.Clear();

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal([k4], store.Loaded);
        Assert.DoesNotContain(result.Issued, l => l.Customers.Contains(k4));
        Assert.Equal(k4, Assert.Single(result.Removed).Customer);
        Assert.Equal(6, result.Issued.Count);
    }

    [Fact]
    public async Task ProcessApproval_SavedAndReadBack_ReadsTheCompanyAndIssuesTheSame()
    {
        var store = new CountingStore(new InMemoryCustomerAccountStore());
        var fixture = await PortfolioAsync(store);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Request);
        var saved = DunningApproval.FromJson(DunningApproval.Of(proposal).ToJson());
        store.Loaded.Clear();

        var result = await fixture.Dunning.ProcessApprovalAsync(Accountant, saved);

        Assert.Equal(Everyone.Select(c => c.Value).Order(StringComparer.Ordinal), store.Loaded.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(await UndisturbedAsync(), await StateAsync(fixture, result));
    }

    /// <summary>Records which journals are read and which accounts are appended to; versions come from the inner store.</summary>
    private sealed class CountingStore(ICustomerAccountStore inner) : ICustomerAccountStore
    {
        public List<CustomerId> Loaded { get; } = [];

        public List<CustomerId> Appended { get; } = [];

        public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
        {
            lock (Loaded)
            {
                Loaded.Add(customer);
            }

            return inner.LoadAsync(customer, cancellationToken);
        }

        public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
        {
            lock (Appended)
            {
                Appended.Add(customer);
            }

            return inner.AppendAsync(customer, expectedVersion, records, cancellationToken);
        }

        public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

        public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);

        public IAsyncEnumerable<AccountVersion> ListVersionsAsync(CompanyId company, CancellationToken cancellationToken) => inner.ListVersionsAsync(company, cancellationToken);
    }

    /// <summary>Another writer: appends an entry to one account just before the first batch that appends to it.</summary>
    /// <summary>Before the batch append to <paramref name="target"/> after <paramref name="skip"/> such appends, another writer appends <paramref name="entry"/> to it.</summary>
    private sealed class InterferingStore(ICustomerAccountStore inner, CustomerId target, JournalEntry entry, int skip = 0) : ICustomerAccountStore
    {
        private int _seen;

        public bool Interfered { get; private set; }

        public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) => inner.LoadAsync(customer, cancellationToken);

        public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken) =>
            inner.AppendAsync(customer, expectedVersion, records, cancellationToken);

        public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

        public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);

        public async ValueTask<IReadOnlyList<CustomerId>> AppendManyAsync(IReadOnlyList<JournalAppend> appends, CancellationToken cancellationToken)
        {
            if (!Interfered && appends.Count > 1 && appends.Any(a => a.Customer == target) && _seen++ == skip)
            {
                Interfered = true;
                var version = (await inner.LoadAsync(target, cancellationToken)).Count;
                await inner.AppendAsync(target, version, [new JournalRecord(version + 1, Now, new UserId("other"), entry)], cancellationToken);
            }

            return await inner.AppendManyAsync(appends, cancellationToken);
        }
    }
}
