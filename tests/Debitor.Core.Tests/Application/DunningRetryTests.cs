using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 12, defect 1: a payer's letter must not get stuck. Payer P receives the letters of customer K, both overdue;
/// processing that fails midway, or overlaps another processing, must end with the letter issued once.
/// </summary>
public sealed class DunningRetryTests
{
    private static readonly CustomerId K = new("K-1");
    private static readonly CustomerId P = new("P-1");

    private static async Task<(DunningFixture Fixture, FaultyStore Store)> PayerAndCustomerAsync()
    {
        var store = new FaultyStore(new InMemoryCustomerAccountStore());
        var fixture = new DunningFixture(store).On(D.PlusDays(6));
        await fixture.AddAsync(Customer("P-1"), Invoice("p", 80m, D));
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        await fixture.AddAsync(Customer("K-1") with { Payer = P, PayerRouting = routed }, Invoice("k", 100m, D));
        return (fixture, store);
    }

    private static async Task AssertIssuedOnceAsync(DunningFixture fixture, string letterId)
    {
        var k = await fixture.LoadAsync(K);
        var p = await fixture.LoadAsync(P);
        Assert.Equal(1, k.Installment("k").Dunning.Level);
        Assert.Equal(1, p.Installment("p").Dunning.Level);
        Assert.Single(k.Journal, r => r.Entry is DunningNoticeIssued);
        Assert.Single(p.Journal, r => r.Entry is DunningNoticeIssued);
        Assert.Single(k.Communications);
        Assert.Single(p.Communications);
        Assert.Equal(letterId, Assert.Single(fixture.Output.Letters.Select(l => l.Id).Distinct()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Process_StoreFailsOnThePayersAppendOnce_RetryCompletesTheLetter(bool afterAppending)
    {
        var (fixture, store) = await PayerAndCustomerAsync();
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(6)));
        var letter = proposal.SingleLetter();
        Assert.Equal(P, letter.RecipientId);
        store.ThrowAfterAppending = afterAppending;
        store.FailOnAppend = store.Appends + 2;

        await Assert.ThrowsAsync<InjectedFaultException>(() => fixture.Dunning.ProcessAsync(Accountant, proposal));
        Assert.True(store.Fired);
        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(letter.Id, Assert.Single(result.Issued).Id);
        Assert.Equal(letter.TotalDue, result.Issued[0].TotalDue);
        await AssertIssuedOnceAsync(fixture, letter.Id);
    }

    [Fact]
    public async Task Process_FreshPreviewAfterAFailedProcessing_CompletesTheSameLetter()
    {
        var (fixture, store) = await PayerAndCustomerAsync();
        var run = Run(D.PlusDays(6));
        var first = (await fixture.Dunning.PreviewAsync(Accountant, run)).SingleLetter();
        store.FailOnAppend = store.Appends + 2;
        await Assert.ThrowsAsync<InjectedFaultException>(async () => await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, run)));

        var again = await fixture.Dunning.PreviewAsync(Accountant, run);
        var result = await fixture.Dunning.ProcessAsync(Accountant, again);

        Assert.Equal(first.Id, again.SingleLetter().Id);
        Assert.Equal(first.TotalDue, Assert.Single(result.Issued).TotalDue);
        await AssertIssuedOnceAsync(fixture, first.Id);
    }

    [Fact]
    public async Task Process_OneProposalFromFourTasks_IssuesTheLetterOnce()
    {
        var (fixture, _) = await PayerAndCustomerAsync();
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(6)));
        var letter = proposal.SingleLetter();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => fixture.Dunning.ProcessAsync(Accountant, proposal))));

        Assert.All(results, r => Assert.Equal(letter.Id, Assert.Single(r.Issued).Id));
        Assert.All(results, r => Assert.Empty(r.Removed));
        await AssertIssuedOnceAsync(fixture, letter.Id);
    }

    [Fact]
    public async Task Process_LetterOutputFailsOnce_RetryDeliversTheLetterOnce()
    {
        var (fixture, _) = await PayerAndCustomerAsync();
        var outbox = new InMemoryDocumentOutbox();
        var letters = new FlakyLetterOutput { FailNext = true };
        var dunning = new DunningService(fixture.Store, new RoleBasedAuthorization(), fixture.Settings, fixture.InterestSchemes, letters, fixture.Clock, fixture.Options, outbox, new InMemoryAccountFaultLog());
        var proposal = await dunning.PreviewAsync(Accountant, Run(D.PlusDays(6)));
        var letter = proposal.SingleLetter();

        await Assert.ThrowsAsync<InjectedFaultException>(() => dunning.ProcessAsync(Accountant, proposal));
        var pending = Assert.Single(await outbox.ListUndeliveredAsync(CancellationToken.None));
        Assert.Equal(letter.Id, pending.DocumentId);
        Assert.Equal(1, pending.FailedAttempts);
        Assert.Empty(letters.Inner.Letters);

        await dunning.ProcessAsync(Accountant, proposal);
        await dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(letter.Id, Assert.Single(letters.Inner.Letters).Id);
        Assert.Empty(await outbox.ListUndeliveredAsync(CancellationToken.None));
        Assert.Single((await fixture.LoadAsync(P)).Communications);
    }

    [Fact]
    public async Task RetryUndelivered_LetterOutputFailedOnce_DeliversTheQueuedLetter()
    {
        var (fixture, _) = await PayerAndCustomerAsync();
        var outbox = new InMemoryDocumentOutbox();
        var letters = new FlakyLetterOutput { FailNext = true };
        var dunning = new DunningService(fixture.Store, new RoleBasedAuthorization(), fixture.Settings, fixture.InterestSchemes, letters, fixture.Clock, fixture.Options, outbox, new InMemoryAccountFaultLog());
        var delivery = new DocumentDelivery(outbox, new InMemoryDocumentOutput(), letters, fixture.Clock);
        var proposal = await dunning.PreviewAsync(Accountant, Run(D.PlusDays(6)));
        await Assert.ThrowsAsync<InjectedFaultException>(() => dunning.ProcessAsync(Accountant, proposal));

        var still = await delivery.RetryUndeliveredAsync();

        Assert.Empty(still);
        Assert.Equal(proposal.SingleLetter().Id, Assert.Single(letters.Inner.Letters).Id);
    }

    /// <summary>A letter output that fails once when armed.</summary>
    private sealed class FlakyLetterOutput : IDunningLetterOutput
    {
        public InMemoryDunningLetterOutput Inner { get; } = new();

        public bool FailNext { get; set; }

        public ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InjectedFaultException("letter output down");
            }

            return Inner.DeliverAsync(letter, cancellationToken);
        }
    }

    [Fact]
    public async Task PreviewAndProcess_OneAccountBeyondTheBounds_IsReportedAndTheRunGoesOn()
    {
        var (fixture, store) = await PayerAndCustomerAsync();
        var faults = new InMemoryAccountFaultLog();
        var dunning = new DunningService(store, new RoleBasedAuthorization(), fixture.Settings, fixture.InterestSchemes, fixture.Output, fixture.Clock, fixture.Options, new InMemoryDocumentOutbox(), faults);
        var bad = await fixture.AddAsync(Customer("B-1"));
        await store.AppendAsync(bad.Id, bad.Version, [new JournalRecord(bad.Version + 1, Now, Accountant.User, new ChargePosted(Id("huge"), ChargeKind.Cost, "K-9", D, D, Eur(5e28m)))], CancellationToken.None);

        var proposal = await dunning.PreviewAsync(Accountant, Run(D.PlusDays(6)));
        var result = await dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(P, Assert.Single(result.Issued).RecipientId);
        Assert.All(faults.Faults, f => Assert.Equal(bad.Id, f.Customer));
        Assert.Equal(2, faults.Faults.Count);
    }
}
