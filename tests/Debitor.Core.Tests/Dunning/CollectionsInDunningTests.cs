using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

/// <summary>Payment agreements and hand-overs (issue 7) as the dunning engine (issue 6) sees them.</summary>
public sealed class CollectionsInDunningTests
{
    private static readonly LocalDate Due = Date(2026, 1, 31);
    private readonly DunningFixture _fixture = new();

    private CollectionService Collections => new(_fixture.Accounts, _fixture.Store, new InterestSchemeRegistry(), new EicarTestScanner(), new InMemoryFileStorage());

    private static DunningRunRequest Run(LocalDate asOf, string id) => new(new DunningRunId(id), Company, asOf);

    private void Today(LocalDate date) => _fixture.Clock.Reset(date.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).ToInstant().Plus(Duration.FromHours(9)));

    private async Task<DunningProposal> PreviewAsync(LocalDate asOf, string id) => await _fixture.Dunning.PreviewAsync(Accountant, Run(asOf, id));

    private static bool OnALetter(DunningProposal proposal, string item) =>
        proposal.Letters.SelectMany(l => l.Lines).Any(l => l.Installment.Item == Id(item));

    private async Task DunnedOnceAsync()
    {
        await _fixture.AddAsync(NewCustomer(), Invoice("inv-1", 1000m, Due));
        Today(Due.PlusDays(10));
        await _fixture.Dunning.ProcessAsync(Accountant, await PreviewAsync(Due.PlusDays(10), "run-1"));
        Assert.Equal(1, (await _fixture.LoadAsync(CustomerA)).FindItem(Id("inv-1"))!.Installments[0].Dunning.Level);
    }

    [Fact]
    public async Task BrokenAgreement_ItemsAppearAgainInTheNextPreviewAtTheirPreviousLevel()
    {
        await DunnedOnceAsync();
        await Collections.MakeAgreementAsync(Clerk, CustomerA, Id("agr-1"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Due.PlusDays(20)) with { GraceDays = 3 });

        var whileKept = await PreviewAsync(Due.PlusDays(60), "run-2");
        Assert.False(OnALetter(whileKept, "inv-1"));
        Assert.Contains(whileKept.Excluded, l => l.Installment.Item == Id("inv-1"));

        Today(Due.PlusDays(24));
        var check = Assert.Single(await Collections.CheckAgreementsAsync(Accountant, CustomerA));
        Assert.Equal(AgreementHealth.Breached, check.Health);

        var account = await _fixture.LoadAsync(CustomerA);
        Assert.Equal(1, account.FindItem(Id("inv-1"))!.Installments[0].Dunning.Level);
        var afterBreach = await PreviewAsync(Due.PlusDays(60), "run-3");
        Assert.True(OnALetter(afterBreach, "inv-1"));
        Assert.Equal(2, afterBreach.Letters.Single().Level);
    }

    [Fact]
    public async Task DeletedAgreement_ItemsReturnToDunning()
    {
        await DunnedOnceAsync();
        await Collections.MakeAgreementAsync(Clerk, CustomerA, Id("agr-1"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Due.PlusDays(20)));
        await Collections.DeleteAgreementAsync(Accountant, CustomerA, Id("del-1"), Id("agr-1"), "customer withdrew");

        Assert.True(OnALetter(await PreviewAsync(Due.PlusDays(60), "run-2"), "inv-1"));
    }

    [Fact]
    public async Task HandedOverItem_IsInNoDunningLetter()
    {
        await _fixture.AddAsync(NewCustomer(), Invoice("inv-1", 1000m, Due), Invoice("inv-2", 200m, Due));
        Today(Due.PlusDays(10));
        await Collections.HandOverAsync(Accountant, CustomerA, Id("case-1"), [Id("inv-1")], HandOverKind.CollectionAgency, "Inkasso AG");

        var proposal = await PreviewAsync(Due.PlusDays(10), "run-1");

        Assert.False(OnALetter(proposal, "inv-1"));
        Assert.True(OnALetter(proposal, "inv-2"));
        Assert.Contains(proposal.Excluded, l => l.Installment.Item == Id("inv-1"));
    }
}

/// <summary>Interest that starts with default (issue 5) counts from the first dunning notice (issue 6).</summary>
public sealed class DefaultDateInterestTests
{
    [Fact]
    public async Task ForItem_StartAfterDefaultDate_CountsFromTheFirstNotice()
    {
        var fixture = new DunningFixture();
        var due = Date(2026, 1, 31);
        await fixture.AddAsync(NewCustomer(), Invoice("inv-1", 1000m, due));
        var run = new DunningRunRequest(new DunningRunId("run-1"), Company, due.PlusDays(10));
        fixture.On(run.AsOf);
        await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, run));
        var account = await fixture.LoadAsync(CustomerA);
        var scheme = Core.Interest.InterestScheme.Fixed(10m).WithAccrual(new Core.Interest.InterestAccrual { Start = Core.Interest.InterestStart.AfterDefaultDate });

        var interest = Core.Interest.AccountInterest.ForItem(account, account.FindItem(Id("inv-1"))!, scheme, Date(2026, 3, 31));

        Assert.Equal(due.PlusDays(10), account.FindItem(Id("inv-1"))!.Installments[0].Dunning.DefaultDate);
        Assert.Equal(due.PlusDays(11), interest.Periods[0].FirstDay);
    }
}
