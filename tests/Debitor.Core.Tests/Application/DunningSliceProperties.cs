using System.Globalization;
using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using FsCheck.Xunit;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// D16.250–D16.252: a processing runs and issues the accounts no payer routing joins a slice at a time. Whatever the slice
/// and batch sizes, it issues the letters of the run over all accounts, in that run's order and with its numbers, writes
/// the same journals, delivers the same letters and reports the same removals.
/// </summary>
public sealed class DunningSliceProperties
{
    /// <summary>
    /// Over generated portfolios (customers routing to payer C-00; with <paramref name="chain"/> C-00 routing on to C-01; with
    /// <paramref name="payerGone"/> C-00 not in the store, so its customers are alone), several runs, approvals of every or
    /// of every second or third letter, and (with <paramref name="disturb"/>) an approved notice's installment paid between
    /// preview and processing: processing in slices of 1 to 4 accounts and batches of 1 to 3 letters leaves the state of
    /// processing in one slice, and both issue the letters the engine's run over all accounts gives, numbered in its order.
    /// </summary>
    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 60)]
    public void Process_InSlices_IssuesWhatTheRunOverAllIssues(DunningScenario scenario, bool chain, bool payerGone, bool disturb, byte sizes)
    {
        ProcessInSlicesAsync(scenario, chain, payerGone, disturb, sizes).GetAwaiter().GetResult();
    }

    /// <summary>
    /// A letter to a payer names a customer with no approved notice (its credit is netted on the letter). The actor may not
    /// process that customer: the processing is refused before anything changes, although the accounts that are alone come
    /// first in slices of one.
    /// </summary>
    [Fact]
    public async Task ProcessApproval_JoinedLetterNamesAnAccountTheActorMayNotProcess_NothingChanges()
    {
        var day = D.PlusDays(10);
        var deny = new DenyProcessing(new CustomerId("K-9"));
        var fixture = new DunningFixture().On(day);
        fixture.Settings.Set(Company, Settings());
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        await fixture.AddAsync(Customer("A-1"), Invoice("a1", 100m, D));
        await fixture.AddAsync(Customer("A-2"), Invoice("a2", 200m, D));
        await fixture.AddAsync(Customer("P-1"), Invoice("p1", 300m, D));
        await fixture.AddAsync(Customer("K-9") with { Payer = new CustomerId("P-1"), PayerRouting = routed }, new CreditNotePosted(Id("k9-cn"), "GS-9", D, Eur(20m)));
        var dunning = new DunningService(fixture.Store, deny, fixture.Settings, fixture.InterestSchemes, fixture.Output, fixture.Clock, fixture.Options) { SliceSize = 1, BatchSize = 1 };
        var proposal = await dunning.PreviewAsync(Accountant, Run(day));
        Assert.Contains(proposal.Letters, l => l.RecipientId == new CustomerId("P-1") && l.Customers.Contains(new CustomerId("K-9")));
        Assert.DoesNotContain(DunningApproval.Of(proposal).Notices, n => n.Customer == new CustomerId("K-9") || n.Recipient == new CustomerId("K-9"));
        var before = await JournalsAsync(fixture, ["A-1", "A-2", "P-1", "K-9"]);

        var refused = await Assert.ThrowsAsync<AuthorizationException>(() => dunning.ProcessApprovalAsync(Accountant, DunningApproval.Of(proposal)));

        Assert.Equal(new CustomerId("K-9"), refused.Customer);
        Assert.Equal(before, await JournalsAsync(fixture, ["A-1", "A-2", "P-1", "K-9"]));
        Assert.Empty(fixture.Output.Letters);
    }

    /// <summary>
    /// Processing in slices, the letters handed out hold what they state, not the views (D16.252): they read as the
    /// proposal's letters and are the instances delivered; a retry of the processed run in slices issues nothing twice.
    /// </summary>
    [Fact]
    public async Task Process_InSlicesAndAgain_LettersReadAsProposedAndTheRetryIssuesNothingTwice()
    {
        var day = D.PlusDays(10);
        var fixture = new DunningFixture().On(day);
        fixture.Settings.Set(Company, Settings());
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        await fixture.AddAsync(Customer("Z-1"), Invoice("z1", 400m, D));
        await fixture.AddAsync(Customer("B-1"), Invoice("b1", 100m, D), Invoice("b1u", 50m, D, Currency.USD));
        await fixture.AddAsync(Customer("A-1") with { Payer = new CustomerId("Z-1"), PayerRouting = routed }, Invoice("a1", 200m, D));
        await fixture.AddAsync(Customer("C-1"), Invoice("c1", 300m, D));
        await fixture.AddAsync(Customer("D-1"), Invoice("d1", 500m, D));
        fixture.Dunning.SliceSize = 1;
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(day));
        var expected = proposal.Letters.Select(l => Describe(l, null)).ToList();

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);
        var again = await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run(day)));

        Assert.Equal(["B-1", "B-1", "C-1", "D-1", "Z-1"], result.Issued.Select(l => l.RecipientId.Value));
        Assert.Equal(expected, result.Issued.Select(l => Describe(l, null)));
        Assert.Equal(Enumerable.Range(1, 5), result.Issued.Select(l => l.Number!.Value.Sequence));
        Assert.Equal(result.Issued, fixture.Output.Letters);
        Assert.Equal(result.Issued.Select(l => (l.Id, l.Number)), again.Issued.Select(l => (l.Id, l.Number)));
        Assert.Equal(5, fixture.Output.Letters.Count);
        var z = await fixture.JournalAsync(new CustomerId("Z-1"));
        Assert.Single(z, r => r.Entry is DunningLetterNumbered);
    }

    private static async Task ProcessInSlicesAsync(DunningScenario scenario, bool chain, bool payerGone, bool disturb, byte sizes)
    {
        var settings = scenario.Settings();
        var accounts = Dunning.ConcernedAccountsProperties.Rewire(scenario.Accounts(), chain);
        if (payerGone && accounts.Length > 1)
        {
            accounts = accounts[1..];
        }

        var sliced = await StoreAsync(settings, accounts);
        sliced.Dunning.SliceSize = (sizes % 4) + 1;
        sliced.Dunning.BatchSize = (sizes / 4 % 3) + 1;
        var whole = await StoreAsync(settings, accounts);
        whole.Dunning.SliceSize = int.MaxValue;
        var ids = accounts.Select(a => a.Id).ToList();
        var numbered = 0;
        var run = 0;
        foreach (var asOf in scenario.RunDates.Take(3))
        {
            run++;
            var request = Run(asOf, "r" + run.ToString(CultureInfo.InvariantCulture)) with { PostFees = scenario.Fees };
            var approvals = new List<DunningApproval>();
            foreach (var fixture in new[] { sliced, whole })
            {
                fixture.On(asOf);
                var proposal = await fixture.Dunning.PreviewAsync(Accountant, request);
                var approval = DunningApproval.Of(proposal);
                for (var i = 0; i < proposal.Letters.Count; i++)
                {
                    if (i % ((sizes % 3) + 1) != 0)
                    {
                        approval = approval.WithoutLetter(proposal.Letters[i].Id);
                    }
                }

                if (disturb && approval.Notices.Count > 0)
                {
                    var notice = approval.Notices[0];
                    var paid = Id($"pay-{run}");
                    await fixture.Accounts.PostAllAsync(Accountant, notice.Customer, [new PaymentReceived(paid, notice.Open, asOf), new PaymentApplied(Id($"app-{run}"), paid, notice.Installment, notice.Open, asOf)]);
                }

                approvals.Add(approval);
            }

            // The engine's run over every account as it stands, restricted to the approved notices: the letters, in order.
            var views = new List<CustomerAccount>();
            foreach (var id in ids)
            {
                views.Add(CustomerAccount.FromJournal(await whole.JournalAsync(id)));
            }

            var context = new RunContext(request, settings, InterestSchemeCatalog.Default, ReceivablesContact.Default);
            var expected = DunningEngine.Run(context, views, NoticeFilter.From(approvals[1]), 1).Letters.Select(l => Describe(l, null)).ToList();

            var inSlices = await sliced.Dunning.ProcessApprovalAsync(Accountant, approvals[0]);
            var inOne = await whole.Dunning.ProcessApprovalAsync(Accountant, approvals[1]);

            Assert.Equal(expected, inOne.Issued.Select(l => Describe(l, null)));
            Assert.Equal(Enumerable.Range(numbered + 1, expected.Count), inOne.Issued.Select(l => l.Number!.Value.Sequence));
            numbered += expected.Count;
            Assert.Equal(inOne.Issued.Select(Describe), inSlices.Issued.Select(Describe));
            Assert.Equal(inOne.Removed, inSlices.Removed);
            Assert.Equal(whole.Output.Letters.Select(Describe), sliced.Output.Letters.Select(Describe));
            // An account on two letters of one batch gets both parts before their numbers, letter by letter each part is
            // followed by its number (D13.22): where the batches begin and end, an account's entries may come in another
            // order; they are the same entries.
            Assert.Equal((await JournalsAsync(whole, ids)).Order(StringComparer.Ordinal), (await JournalsAsync(sliced, ids)).Order(StringComparer.Ordinal));
        }
    }

    private static async Task<DunningFixture> StoreAsync(DunningSettings settings, CustomerAccount[] accounts)
    {
        var fixture = new DunningFixture();
        fixture.Settings.Set(Company, settings);
        foreach (var account in accounts)
        {
            await fixture.Store.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None);
        }

        return fixture;
    }

    private static async Task<List<string>> JournalsAsync(DunningFixture fixture, IEnumerable<string> customers) =>
        await JournalsAsync(fixture, customers.Select(c => new CustomerId(c)).ToList());

    private static async Task<List<string>> JournalsAsync(DunningFixture fixture, IReadOnlyList<CustomerId> customers)
    {
        var lines = new List<string>();
        foreach (var customer in customers)
        {
            foreach (var record in await fixture.JournalAsync(customer))
            {
                var notices = record.Entry is DunningNoticeIssued issued ? string.Join(",", issued.Notices) : "";
                lines.Add($"{customer} {record.RecordedAt} {record.Entry} {notices}");
            }
        }

        return lines;
    }

    private static string Describe(DunningLetter letter) => Describe(letter, letter.Number);

    private static string Describe(DunningLetter letter, LetterNumber? number) =>
        string.Create(CultureInfo.InvariantCulture, $"{letter.Id} {number} {letter.RecipientId} {letter.Currency} {letter.Level} {letter.TotalDue} {letter.FeeTotal} {letter.Medium} {letter.RecipientAddress} [{string.Join(",", letter.Customers)}] [{string.Join(",", letter.Debtors)}] [{string.Join("; ", letter.Lines.Select(Describe))}] [{string.Join("; ", letter.ItemsNotYetDue.Select(Describe))}] [{string.Join("; ", letter.Credits.Select(c => $"{c.Customer} {c.DocumentNumber} {c.OpenAmount}"))}] [{string.Join("; ", letter.Fees)}]");

    private static string Describe(DunningLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line} {line.Installment} {line.Level} {line.Status} {line.OpenAmount} {line.Interest} {line.Fee} {line.Exclusion}");

    /// <summary>Allows everything but processing dunning for one customer.</summary>
    private sealed class DenyProcessing(CustomerId denied) : Debitor.Core.Ports.IAuthorizationPort
    {
        public ValueTask<bool> IsAllowedAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken) =>
            ValueTask.FromResult(permission != Permission.ProcessDunning || customer != denied);
    }
}
