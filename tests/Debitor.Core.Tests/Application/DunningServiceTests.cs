using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>Preview, process, cancel and explain through the application layer.</summary>
public sealed class DunningServiceTests
{
    private static readonly DunningSettings WithFees = Settings(Scheme() with
    {
        Levels = [Level(5, 1) with { Fees = [DunningFee.PerLetter(Eur(3m)).WithPerItem(Eur(1m))] }, Level(20, 2), Level(40, 3)],
    });

    private static readonly DunningRunRequest Run6 = Run(D.PlusDays(6), "r6") with { PostFees = true };

    private static async Task<DunningFixture> FixtureAsync(params JournalEntry[] entries)
    {
        var fixture = new DunningFixture().On(Run6.AsOf);
        fixture.Settings.Set(Company, WithFees);
        await fixture.AddAsync(Customer("C-1"), entries.Length > 0 ? entries : [Invoice("a", 100m, D), Invoice("b", 50m, D)]);
        return fixture;
    }

    [Fact]
    public async Task Preview_ChangesNothing()
    {
        var fixture = await FixtureAsync();
        var before = await fixture.JournalAsync(new CustomerId("C-1"));

        var proposal = await fixture.Dunning.PreviewAsync(Clerk, Run6);

        Assert.Equal(2, proposal.NoticeCount);
        Assert.Equal(before, await fixture.JournalAsync(new CustomerId("C-1")));
        Assert.Empty(fixture.Output.Letters);
    }

    [Fact]
    public async Task Process_IssuesNoticesFeesAndNotesAndHandsTheLetterOver()
    {
        var fixture = await FixtureAsync();
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run6);

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        var letter = Assert.Single(result.Issued);
        Assert.Empty(result.Removed);
        Assert.Same(letter, Assert.Single(fixture.Output.Letters));
        var account = await fixture.LoadAsync(new CustomerId("C-1"));
        Assert.Equal(new DunningState(1, 1, D.PlusDays(6), D.PlusDays(6)) { DefaultDate = D.PlusDays(6) }, account.Installment("a").Dunning);
        Assert.Equal(1, account.Installment("b").Dunning.Level);
        var fees = account.Items.Where(i => i.Kind == ItemKind.DunningFee).ToList();
        Assert.Equal([Eur(3m), Eur(1m), Eur(1m)], fees.Select(f => f.OriginalAmount));
        Assert.Equal(Eur(5m), letter.FeeTotal);
        var note = Assert.Single(account.Communications);
        Assert.Equal((CommunicationKind.DunningLetter, Alice), (note.Kind, note.User));
        Assert.Contains(letter.Id, note.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_SameProposalTwice_IssuesNothingTwice()
    {
        var fixture = await FixtureAsync();
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run6);
        await fixture.Dunning.ProcessAsync(Accountant, proposal);
        var after = await fixture.JournalAsync(new CustomerId("C-1"));

        var again = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        // The second processing writes nothing and returns the letter the first one issued (issue 12, D12.16).
        Assert.Equal(proposal.Letters.Select(l => l.Id), again.Issued.Select(l => l.Id));
        Assert.Empty(again.Removed);
        Assert.Equal(after, await fixture.JournalAsync(new CustomerId("C-1")));
        Assert.Single(fixture.Output.Letters.Select(l => l.Id).Distinct());
    }

    [Fact]
    public async Task Process_ByAClerk_IsRefusedAndChangesNothing()
    {
        var fixture = await FixtureAsync();
        var before = await fixture.JournalAsync(new CustomerId("C-1"));
        var proposal = await fixture.Dunning.PreviewAsync(Clerk, Run6);

        await Assert.ThrowsAsync<AuthorizationException>(() => fixture.Dunning.ProcessAsync(Clerk, proposal));
        await Assert.ThrowsAsync<AuthorizationException>(() => fixture.Dunning.ProcessAsync(Viewer, proposal));
        await Assert.ThrowsAsync<AuthorizationException>(() => fixture.Dunning.PreviewAsync(Viewer, Run6));

        Assert.Equal(before, await fixture.JournalAsync(new CustomerId("C-1")));
        Assert.Empty(fixture.Output.Letters);
    }

    [Fact]
    public async Task Process_BySupervisor_IsAllowed()
    {
        var fixture = await FixtureAsync();
        var supervisor = new Actor(new UserId("sue"), Roles.Supervisor);

        var result = await fixture.Dunning.ProcessAsync(supervisor, await fixture.Dunning.PreviewAsync(supervisor, Run6));

        Assert.Single(result.Issued);
    }

    [Fact]
    public async Task Process_PaymentInBetween_RemovesTheItem()
    {
        var fixture = await FixtureAsync(Invoice("a", 100m, D), Invoice("b", 50m, D), Invoice("c", 70m, D));
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run6);
        await fixture.Accounts.PostAllAsync(Accountant, new CustomerId("C-1"), [Payment("pay", 130m), Apply("app-a", "pay", "a", 100m), Apply("app-b", "pay", "b", 30m)]);

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        var letter = Assert.Single(result.Issued);
        Assert.DoesNotContain(letter.Lines, l => l.Installment.Item == Id("a"));
        Assert.Equal(DunningLineStatus.NotInProposal, letter.LineOf("b").Status);
        Assert.Equal(DunningLineStatus.Raised, letter.LineOf("c").Status);
        Assert.Equal(
            [(Id("a"), DunningRemovalReason.Settled), (Id("b"), DunningRemovalReason.AmountChanged)],
            result.Removed.Select(r => (r.Installment.Item, r.Reason)).OrderBy(r => r.Item.Value));
        Assert.Equal(DunningState.None, (await fixture.LoadAsync(new CustomerId("C-1"))).Installment("b").Dunning);
    }

    [Fact]
    public async Task Process_ItemPausedInBetween_IsReportedExcluded()
    {
        var fixture = await FixtureAsync();
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run6);
        await fixture.Accounts.PauseItemAsync(Accountant, new CustomerId("C-1"), Id("pause"), Id("a"), "customer disputes delivery");

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        var removed = Assert.Single(result.Removed);
        Assert.Equal((Id("a"), DunningRemovalReason.NowExcluded, (DunningExclusion?)DunningExclusion.Paused), (removed.Installment.Item, removed.Reason, removed.Exclusion));
        Assert.Equal(Id("b"), Assert.Single(Assert.Single(result.Issued).Lines).Installment.Item);
    }

    [Fact]
    public async Task Process_NewDueItemSinceThePreview_IsListedButNotDunned()
    {
        var fixture = await FixtureAsync(Invoice("a", 100m, D));
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run6);
        await fixture.Accounts.PostAsync(Accountant, new CustomerId("C-1"), Invoice("late", 10m, D.PlusDays(-10)));

        var letter = Assert.Single((await fixture.Dunning.ProcessAsync(Accountant, proposal)).Issued);

        Assert.Equal(DunningLineStatus.NotInProposal, letter.LineOf("late").Status);
        Assert.Equal(DunningState.None, (await fixture.LoadAsync(new CustomerId("C-1"))).Installment("late").Dunning);
    }

    [Fact]
    public async Task Process_AnotherWriterInBetween_ReloadsAndIssues()
    {
        var store = new InterferingStore(new InMemoryCustomerAccountStore());
        var fixture = new DunningFixture(store).On(Run6.AsOf);
        fixture.Settings.Set(Company, WithFees);
        await fixture.AddAsync(Customer("C-1"), Invoice("a", 100m, D));
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run6);
        store.InterfereOnce = new CommunicationRecorded(Id("call"), CommunicationKind.PhoneCall, "Called", "will pay soon");

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Single(result.Issued);
        var account = await fixture.LoadAsync(new CustomerId("C-1"));
        Assert.Equal(1, account.Installment("a").Dunning.Level);
        Assert.Equal(2, account.Communications.Count);
    }

    [Fact]
    public async Task Process_PayerLetter_NoticesOnTheDebtorsAndANoteForThePayer()
    {
        var fixture = new DunningFixture().On(D.PlusDays(6));
        var payer = await fixture.AddAsync(Customer("P-1"));
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        await fixture.AddAsync(Customer("C-1") with { Payer = payer.Id, PayerRouting = routed }, Invoice("a", 100m, D));
        await fixture.AddAsync(Customer("C-2") with { Payer = payer.Id, PayerRouting = routed }, Invoice("b", 200m, D));

        var result = await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(6))));

        var letter = Assert.Single(result.Issued);
        Assert.Equal(payer.Id, letter.RecipientId);
        Assert.Equal(1, (await fixture.LoadAsync(new CustomerId("C-1"))).Installment("a").Dunning.Level);
        Assert.Equal(1, (await fixture.LoadAsync(new CustomerId("C-2"))).Installment("b").Dunning.Level);
        Assert.Single((await fixture.LoadAsync(payer.Id)).Communications);
    }

    [Fact]
    public async Task Process_OneCustomerRun_LoadsItsPayer()
    {
        var fixture = new DunningFixture();
        var payer = await fixture.AddAsync(Customer("P-1"));
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        await fixture.AddAsync(Customer("C-1") with { Payer = payer.Id, PayerRouting = routed }, Invoice("a", 100m, D));

        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(6)) with { Customer = new CustomerId("C-1") });

        Assert.Equal(payer.Id, proposal.SingleLetter().RecipientId);
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Dunning.PreviewAsync(Accountant, Run(D) with { Customer = new CustomerId("nobody") }));
    }

    [Fact]
    public async Task Cancel_RestoresLevelsReversesFeesAndIsIdempotent()
    {
        var fixture = await FixtureAsync();
        var letter = Assert.Single((await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run6))).Issued);

        await fixture.Dunning.CancelLetterAsync(Accountant, letter.Id, letter.Customers, "wrong address");
        var afterFirst = await fixture.JournalAsync(new CustomerId("C-1"));
        await fixture.Dunning.CancelLetterAsync(Accountant, letter.Id, letter.Customers, "wrong address");

        var account = await fixture.LoadAsync(new CustomerId("C-1"));
        Assert.Equal(DunningState.None, account.Installment("a").Dunning);
        Assert.Equal(DunningState.None, account.Installment("b").Dunning);
        Assert.All(account.Items.Where(i => i.Kind == ItemKind.DunningFee), fee => Assert.Equal(ItemStatus.Reversed, fee.Status));
        Assert.Equal(2, account.Communications.Count);
        Assert.Equal(afterFirst, await fixture.JournalAsync(new CustomerId("C-1")));
    }

    [Fact]
    public async Task Cancel_ThenRunAgain_RaisesAgainAndChargesTheFeeAgain()
    {
        var fixture = await FixtureAsync();
        var letter = Assert.Single((await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run6))).Issued);
        await fixture.Dunning.CancelLetterAsync(Accountant, letter.Id, letter.Customers, "wrong address");

        fixture.On(D.PlusDays(7));
        var again = await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(7), "r7") with { PostFees = true });

        Assert.Equal(Eur(5m), again.SingleLetter().FeeTotal);
        Assert.All(again.SingleLetter().Lines, l => Assert.Equal(1, l.Level));
    }

    [Fact]
    public async Task Cancel_RefusedForClerksAndUnknownLetters()
    {
        var fixture = await FixtureAsync();
        var letter = Assert.Single((await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run6))).Issued);

        await Assert.ThrowsAsync<AuthorizationException>(() => fixture.Dunning.CancelLetterAsync(Clerk, letter.Id, letter.Customers, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Dunning.CancelLetterAsync(Accountant, "no-such-letter", letter.Customers, "x"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => fixture.Dunning.CancelLetterAsync(Accountant, letter.Id, [], "x"));
        Assert.Equal(1, (await fixture.LoadAsync(new CustomerId("C-1"))).Installment("a").Dunning.Level);
    }

    [Fact]
    public async Task Explain_ListsEveryOpenItemWithItsNextDate()
    {
        var fixture = await FixtureAsync();

        var lines = await fixture.Dunning.ExplainAsync(Viewer, new CustomerId("C-1"), D.PlusDays(2));

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(D.PlusDays(6), l.NextLevelDate));
    }
}
