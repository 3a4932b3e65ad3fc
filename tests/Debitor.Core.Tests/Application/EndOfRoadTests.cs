using System.Globalization;
using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>Issue 17, points 8, 9, 12, 13 and 14: letter numbers, cancelling a run, court dunning, insolvency, the work list.</summary>
public sealed class EndOfRoadTests
{
    private static readonly CustomerId C1 = new("C-1");
    private static readonly CustomerId C2 = new("C-2");
    private readonly DunningFixture _fixture;

    public EndOfRoadTests() => _fixture = new DunningFixture();

    private EndOfRoadTests(DunningFixture fixture) => _fixture = fixture;

    private RecoveryService Recovery => new(_fixture.Accounts, _fixture.InterestSchemes, _fixture.Settings, _fixture.Dunning);

    private CollectionService Collections => new(_fixture.Accounts, _fixture.Store, _fixture.InterestSchemes, new EicarTestScanner(), new InMemoryFileStorage());

    private static DunningRunRequest RunOn(LocalDate asOf, string id, CustomerId? customer = null) =>
        new(new DunningRunId(id), Company, asOf) { Customer = customer, PostFees = true };

    /// <summary>Previews and processes a run on its own day (the clock is set to the run date: processing is dated today, D12.23).</summary>
    private async Task<DunningRunResult> ProcessAsync(DunningRunRequest request)
    {
        _fixture.On(request.AsOf);
        return await _fixture.Dunning.ProcessAsync(Accountant, await _fixture.Dunning.PreviewAsync(Accountant, request));
    }

    private async Task<LetterNumber?> NumberOnAccountAsync(DunningLetter letter) =>
        (await _fixture.LoadAsync(letter.RecipientId)).LetterNumberOf(letter.Id);

    private async Task TwoCustomersAsync()
    {
        _fixture.Settings.Set(Company, Settings(Scheme() with { Levels = [Level(5, 1) with { Fees = [DunningFee.PerLetter(Eur(2.5m))] }, Level(20, 2), Level(40, 3)] }));
        await _fixture.AddAsync(Customer("C-1"), Invoice("a", 100m, D), Invoice("b", 50m, D));
        await _fixture.AddAsync(Customer("C-2"), Invoice("c", 70m, D));
    }

    [Fact]
    public async Task Process_Letters_NumberedSequentiallyPerYear_PreviewUnnumbered_ProcessingAgainKeepsTheNumbers()
    {
        await TwoCustomersAsync();
        _fixture.On(D.PlusDays(8));
        var proposal = await _fixture.Dunning.PreviewAsync(Accountant, RunOn(D.PlusDays(8), "r1"));
        Assert.All(proposal.Letters, l => Assert.Null(l.Number));

        var first = await _fixture.Dunning.ProcessAsync(Accountant, proposal);
        var again = await _fixture.Dunning.ProcessAsync(Accountant, proposal);
        await _fixture.AddAsync(Customer("C-3"), Invoice("d", 30m, D));
        var later = Assert.Single((await ProcessAsync(RunOn(D.PlusDays(9), "r2"))).Issued);

        Assert.Equal([new LetterNumber(2026, 1), new LetterNumber(2026, 2)], first.Issued.Select(l => l.Number!.Value));
        Assert.Equal(first.Issued.Select(l => l.Number), again.Issued.Select(l => l.Number));
        Assert.Equal(new LetterNumber(2026, 3), later.Number);
        Assert.Equal("2026-000003", later.Number.ToString());
        Assert.Equal(new LetterNumber(2026, 1), await NumberOnAccountAsync(first.Issued[0]));
    }

    [Fact]
    public async Task Process_ParallelRunsForCustomersOfOneCompany_NumbersAreGapFree()
    {
        const int Customers = 24;
        for (var i = 0; i < Customers; i++)
        {
            await _fixture.AddAsync(Customer($"C-{i:D2}"), Invoice($"i{i}", 10m + i, D));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Customers).Select(i =>
            Task.Run(() => ProcessAsync(RunOn(D.PlusDays(8), $"p{i}", new CustomerId($"C-{i:D2}"))))));

        var numbers = results.SelectMany(r => r.Issued).Select(l => l.Number!.Value.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Customers), numbers);
    }

    [Fact]
    public async Task Process_NumberEntryLostOnTheFirstAttempt_RetryReusesTheAllocatedNumber()
    {
        var store = new FaultyStore(new InMemoryCustomerAccountStore());
        var test = new EndOfRoadTests(new DunningFixture(store));
        await test._fixture.AddAsync(Customer("C-1"), Invoice("a", 100m, D));
        await test._fixture.AddAsync(Customer("C-2"), Invoice("b", 100m, D));
        test._fixture.On(D.PlusDays(8));
        var proposal = await test._fixture.Dunning.PreviewAsync(Accountant, RunOn(D.PlusDays(8), "r1", C1));
        store.FailOnAppend = store.Appends + 2; // 1: the letter's entries, 2: its number

        await Assert.ThrowsAsync<InjectedFaultException>(() => test._fixture.Dunning.ProcessAsync(Accountant, proposal));
        var retried = Assert.Single((await test._fixture.Dunning.ProcessAsync(Accountant, proposal)).Issued);
        var next = Assert.Single((await test.ProcessAsync(RunOn(D.PlusDays(8), "r2", C2))).Issued);

        Assert.True(store.Fired);
        Assert.Equal(new LetterNumber(2026, 1), retried.Number);
        Assert.Equal(new LetterNumber(2026, 2), next.Number);
    }

    [Fact]
    public async Task Process_LetterOfANewYear_StartsAtOne_CancelledLettersKeepTheirNumbers()
    {
        await TwoCustomersAsync();
        var first = await ProcessAsync(RunOn(D.PlusDays(8), "r1"));
        await _fixture.Dunning.CancelRunAsync(Accountant, Company, new DunningRunId("r1"), "falsche Adresse");
        var afterCancel = await ProcessAsync(RunOn(D.PlusDays(9), "r2", C1));
        var newYear = await ProcessAsync(RunOn(new LocalDate(2027, 1, 4), "r3", C2));

        Assert.Equal(new LetterNumber(2026, 1), await NumberOnAccountAsync(first.Issued[0]));
        Assert.Equal(new LetterNumber(2026, 3), Assert.Single(afterCancel.Issued).Number);
        Assert.Equal(new LetterNumber(2027, 1), Assert.Single(newYear.Issued).Number);
    }

    [Fact]
    public async Task CancelRun_NoLaterLetter_UndoesEveryLetterOfTheRunAndIsIdempotent()
    {
        await TwoCustomersAsync();
        var run = await ProcessAsync(RunOn(D.PlusDays(8), "r1"));

        var cancelled = await _fixture.Dunning.CancelRunAsync(Accountant, Company, new DunningRunId("r1"), "falscher Lauf");
        var journal = await _fixture.JournalAsync(C1);
        await _fixture.Dunning.CancelRunAsync(Accountant, Company, new DunningRunId("r1"), "falscher Lauf");

        Assert.Equal(run.Issued.Select(l => l.Id).Order(StringComparer.Ordinal), cancelled);
        foreach (var customer in new[] { C1, C2 })
        {
            var account = await _fixture.LoadAsync(customer);
            Assert.All(account.Items.Where(i => i.Kind == ItemKind.Invoice), i => Assert.Equal(DunningState.None, i.Installments[0].Dunning));
            Assert.All(account.Items.Where(i => i.Kind == ItemKind.DunningFee), fee => Assert.Equal(ItemStatus.Reversed, fee.Status));
            Assert.Contains(account.Journal, r => r.Entry is DunningLetterCancelled);
        }

        Assert.Equal(journal, await _fixture.JournalAsync(C1));
    }

    [Fact]
    public async Task CancelRun_AfterALaterRunBuiltOnIt_RefusedNamingTheLaterLetter_AllowedOnceThatIsCancelled()
    {
        await TwoCustomersAsync();
        await ProcessAsync(RunOn(D.PlusDays(8), "r1"));
        var later = await ProcessAsync(RunOn(D.PlusDays(30), "r2", C1));
        var before = await _fixture.JournalAsync(C1);
        var beforeOther = await _fixture.JournalAsync(C2);

        var refused = await Assert.ThrowsAsync<LetterBuiltUponException>(() => _fixture.Dunning.CancelRunAsync(Accountant, Company, new DunningRunId("r1"), "falscher Lauf"));

        Assert.Equal(Assert.Single(later.Issued).Id, refused.LaterLetterId);
        Assert.Equal(C1, refused.Customer);
        Assert.Contains(refused.LaterLetterId, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _fixture.JournalAsync(C1));
        Assert.Equal(beforeOther, await _fixture.JournalAsync(C2));

        await _fixture.Dunning.CancelRunAsync(Accountant, Company, new DunningRunId("r2"), "zu früh");
        await _fixture.Dunning.CancelRunAsync(Accountant, Company, new DunningRunId("r1"), "falscher Lauf");
        Assert.Equal(DunningState.None, (await _fixture.LoadAsync(C1)).Installment("a").Dunning);
    }

    [Fact]
    public async Task CancelRun_UnknownRunOrClerk_Refused()
    {
        await TwoCustomersAsync();
        await ProcessAsync(RunOn(D.PlusDays(8), "r1"));

        await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Dunning.CancelRunAsync(Accountant, Company, new DunningRunId("nope"), "x"));
        await Assert.ThrowsAsync<AuthorizationException>(() => _fixture.Dunning.CancelRunAsync(Clerk, Company, new DunningRunId("r1"), "x"));
    }

    [Fact]
    public async Task MarkInsolvent_HistoryNote_IsStoredAsDataAndReadsInGermanAndEnglish()
    {
        await _fixture.AddAsync(Customer("C-1"), Invoice("before", 100m, D));
        await Recovery.MarkInsolventAsync(Accountant, C1, Id("ins"), new LocalDate(2026, 3, 2), "AG Hamburg", "67c IN 123/26", "RA Dr. Verwalter");
        var account = await _fixture.LoadAsync(C1);

        var de = Assert.Single(CommunicationHistory.In(account.Communications, CultureInfo.GetCultureInfo("de-DE")));
        var en = Assert.Single(CommunicationHistory.In(account.Communications, CultureInfo.GetCultureInfo("en-GB")));

        Assert.Equal(("Insolvenzverfahren eröffnet am 02.03.2026", "AG Hamburg, Az. 67c IN 123/26, Insolvenzverwalter: RA Dr. Verwalter"), (de.Subject, de.Text));
        Assert.Equal(("Insolvency proceedings opened on 02/03/2026", "AG Hamburg, file no. 67c IN 123/26, insolvency administrator: RA Dr. Verwalter"), (en.Subject, en.Text));
    }

    [Fact]
    public async Task Insolvency_OnTheDayOfOpening_NoLetterForClaimsFoundedBefore_TheDayBeforeStillDunned()
    {
        var opened = Today;
        await _fixture.AddAsync(Customer("C-1"), Invoice("before", 100m, D));
        await Recovery.MarkInsolventAsync(Accountant, C1, Id("ins"), opened, "AG Hamburg", "67c IN 123/26", "RA Dr. Verwalter");
        await _fixture.Accounts.PostAsync(Accountant, C1, InvoicePosted.Single(Id("after"), "RE-after", opened, opened.PlusDays(1), Eur(40m)));

        var dayBefore = await _fixture.Dunning.PreviewAsync(Accountant, RunOn(opened.PlusDays(-1), "x1"));
        var onTheDay = await _fixture.Dunning.PreviewAsync(Accountant, RunOn(opened, "x2"));
        var later = await _fixture.Dunning.PreviewAsync(Accountant, RunOn(opened.PlusDays(10), "x3"));

        Assert.Contains(dayBefore.SingleLetter().Lines, l => l.Installment.Item == Id("before"));
        Assert.Empty(onTheDay.Letters);
        Assert.Equal(DunningExclusion.Insolvency, Assert.Single(onTheDay.Excluded).Exclusion);
        Assert.Equal([Id("after")], later.SingleLetter().Lines.Select(l => l.Installment.Item));
        Assert.Equal(LegalStatus.Insolvency, (await _fixture.LoadAsync(C1)).FindItem(Id("before"))!.LegalStatus);
        Assert.Equal(LegalStatus.None, (await _fixture.LoadAsync(C1)).FindItem(Id("after"))!.LegalStatus);
    }

    [Fact]
    public async Task Insolvency_InterestInvoice_ChargesNoInterestOnClaimsFoundedBefore()
    {
        await _fixture.AddAsync(Customer("C-1"), Invoice("before", 1000m, Date(2026, 1, 10)));
        var interest = new InterestInvoiceService(_fixture.Accounts, _fixture.InterestSchemes, new InMemoryDocumentOutput(), _fixture.Options);
        Assert.NotEmpty(await interest.PreviewAsync(Accountant, C1, "ZR-0"));

        await Recovery.MarkInsolventAsync(Accountant, C1, Id("ins"), Today, "AG Hamburg", "67c IN 123/26", "RA Dr. Verwalter");

        Assert.Empty(await interest.PreviewAsync(Accountant, C1, "ZR-1"));
    }

    [Fact]
    public async Task InsolvencyClaimList_PrincipalInterestUpToTheDayBeforeOpeningAndCosts_InSection367Order()
    {
        var opened = Today;
        await _fixture.AddAsync(
            Customer("C-1"),
            Invoice("inv", 1000m, Date(2026, 1, 10)),
            new ChargePosted(Id("fee"), ChargeKind.DunningFee, "MG-1", Date(2026, 2, 1), Date(2026, 2, 8), Eur(5m), Id("inv")),
            new ChargePosted(Id("cost"), ChargeKind.Cost, "K-1", Date(2026, 2, 1), Date(2026, 2, 8), Eur(12m)));
        await Recovery.MarkInsolventAsync(Accountant, C1, Id("ins"), opened, "AG Hamburg", "67c IN 123/26", "RA Dr. Verwalter");

        var list = await Recovery.InsolvencyClaimListAsync(Accountant, C1);

        Assert.Equal(opened.PlusDays(-1), list.InterestThrough);
        var invoice = list.Claims.Single(c => c.Item == Id("inv"));
        Assert.Equal(Eur(5m), invoice.Costs);
        Assert.Equal(Eur(1000m), invoice.Principal);

        // Business customer: base rate 1.27 % + 9 points (§288(2) BGB), 11 Jan – 14 Mar 2026 = 63 days.
        var expected = Math.Round(1000m * 10.27m / 100m * 63m / 365m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(Eur(expected), invoice.Interest);
        Assert.Equal(Eur(12m), list.Claims.Single(c => c.Item == Id("cost")).Costs);
        Assert.Equal(Eur(1000m + 5m + 12m + expected), Assert.Single(list.Totals));
        Assert.Equal(new[] { "Costs", "Interest", "Principal" }, typeof(ClaimLine).GetConstructors()[0].GetParameters().Skip(3).Select(p => p.Name));
    }

    [Fact]
    public async Task MarkInsolvent_FutureDayTwiceOrClerk_Refused()
    {
        await _fixture.AddAsync(Customer("C-1"), Invoice("a", 100m, D));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Recovery.MarkInsolventAsync(Accountant, C1, Id("i1"), Today.PlusDays(1), "AG", "Az", "V"));
        await Assert.ThrowsAsync<AuthorizationException>(() => Recovery.MarkInsolventAsync(Clerk, C1, Id("i1"), Today, "AG", "Az", "V"));
        await Recovery.MarkInsolventAsync(Accountant, C1, Id("i1"), Today, "AG", "Az", "V");
        await Recovery.MarkInsolventAsync(Accountant, C1, Id("i1"), Today, "AG", "Az", "V");
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Recovery.MarkInsolventAsync(Accountant, C1, Id("i2"), Today, "AG", "Az", "V"));
        var solvent = await _fixture.AddAsync(Customer("C-2"));
        await Assert.ThrowsAsync<ArgumentException>(() => Recovery.InsolvencyClaimListAsync(Accountant, solvent.Id));
    }

    [Fact]
    public async Task CourtDunning_HandOver_ExcludesTheItemAndGivesTheMahnbescheidData()
    {
        await _fixture.AddAsync(
            Customer("C-1"),
            Invoice("inv", 1000m, Date(2026, 1, 10)),
            new ChargePosted(Id("fee"), ChargeKind.DunningFee, "MG-1", Date(2026, 2, 1), Date(2026, 2, 8), Eur(5m), Id("inv")));

        await Collections.HandOverAsync(Accountant, C1, Id("case"), [Id("inv")], HandOverKind.CourtDunning, "Mahngericht Hamburg");
        var application = await Recovery.CourtDunningApplicationAsync(Accountant, C1, Id("case"), new CourtDunningParty("Reisebüro Nord GmbH", null));
        var run = await _fixture.Dunning.PreviewAsync(Accountant, RunOn(Today, "x"));

        var claim = Assert.Single(application.Claims);
        Assert.Equal(Date(2025, 12, 11), claim.DocumentDate);
        Assert.Equal(Date(2026, 1, 10), claim.DueDate);
        Assert.Equal(Eur(1000m), claim.Principal);
        Assert.Equal(Date(2026, 1, 11), claim.Interest!.From);
        Assert.Equal(9m, claim.Interest.PercentagePointsAboveBaseRate);
        Assert.Equal(10.27m, claim.Interest.RatePercentOnHandOver);
        Assert.Equal(Eur(5m), Assert.Single(application.Costs).Amount);
        Assert.Equal("Kunde C-1", application.Debtor.Name);
        Assert.Equal(Eur(1005m), application.Total);
        Assert.Contains(run.Excluded, l => l.Installment.Item == Id("inv") && l.Exclusion == DunningExclusion.HandedToCourtDunning);
        await Assert.ThrowsAsync<ArgumentException>(() => Recovery.CourtDunningApplicationAsync(Accountant, C1, Id("nope"), new CourtDunningParty("X", null)));
    }

    [Fact]
    public async Task ExhaustedClaims_ItemsThatUsedUpEveryNotice_OnTheWorkListWithAmountsAndLimitation()
    {
        _fixture.Settings.Set(Company, Settings(Scheme() with { Levels = [Level(5, 1)], MaximumNotices = 1 }));
        await _fixture.AddAsync(Customer("C-1"), Invoice("a", 100m, D), Invoice("b", 50m, Today.PlusDays(10)));
        await ProcessAsync(RunOn(D.PlusDays(8), "r1"));

        var list = await Recovery.ExhaustedClaimsAsync(Accountant, Company, Date(2026, 5, 1));

        var line = Assert.Single(list);
        Assert.Equal(C1, line.Customer);
        Assert.Equal([new InstallmentRef(Id("a"), 1)], line.Installments);
        Assert.Equal(Eur(100m), line.Claim.Principal);
        Assert.Equal(Date(2029, 12, 31), line.LimitationEndsOn);
        Assert.False(line.LimitationWarning);
        Assert.Equal(NextStep.HandOver, line.Suggested);
    }

    [Fact]
    public async Task ExhaustedClaims_LimitationEndingThisYear_SuggestsCourtDunning_TimeBarred_SuggestsWriteOff()
    {
        _fixture.Settings.Set(Company, Settings(Scheme() with { Levels = [Level(5, 1)], MaximumNotices = 1 }));
        await _fixture.AddAsync(Customer("C-1"), Invoice("a", 100m, Date(2026, 1, 5)));
        await ProcessAsync(RunOn(Date(2026, 2, 1), "r1"));

        var warned = Assert.Single(await Recovery.ExhaustedClaimsAsync(Accountant, Company, Date(2029, 7, 1)));
        var barred = Assert.Single(await Recovery.ExhaustedClaimsAsync(Accountant, Company, Date(2030, 1, 2)));

        Assert.True(warned.LimitationWarning);
        Assert.Equal(NextStep.CourtDunning, warned.Suggested);
        Assert.Equal(NextStep.WriteOff, barred.Suggested);
    }

    [Fact]
    public async Task AccountReminder_ListsOverdueItemsAtTheirCurrentLevels_RaisesNothing()
    {
        await TwoCustomersAsync();
        await ProcessAsync(RunOn(D.PlusDays(8), "r1"));
        await _fixture.Accounts.PostAllAsync(Accountant, C1, [Invoice("c", 20m, D.PlusDays(9)), Invoice("p", 10m, D)]);
        await _fixture.Accounts.PauseItemAsync(Accountant, C1, Id("pause"), Id("p"), "Reklamation");
        var before = await _fixture.JournalAsync(C1);

        var reminder = await _fixture.Dunning.AccountReminderAsync(Accountant, C1, D.PlusDays(12));

        Assert.Equal(["a", "b", "c"], reminder.Lines.Select(l => l.Installment.Item.Value).Order(StringComparer.Ordinal));
        Assert.Equal(1, reminder.Lines.Single(l => l.Installment.Item == Id("a")).PreviousLevel);
        Assert.Equal(0, reminder.Lines.Single(l => l.Installment.Item == Id("c")).PreviousLevel);
        Assert.Equal(1, reminder.Level);
        Assert.Equal("dunning.copy.level.1", reminder.HeadingTextKey);
        Assert.Equal([Eur(170m)], reminder.OverdueTotals);
        Assert.Equal(DunningExclusion.Paused, Assert.Single(reminder.Excluded).Exclusion);
        Assert.Equal(before, await _fixture.JournalAsync(C1));
        await Assert.ThrowsAsync<AuthorizationException>(() => _fixture.Dunning.AccountReminderAsync(new Actor(new UserId("nobody")), C1, D));
    }

    [Fact]
    public async Task DunNow_RaisesEveryOverdueItemOneLevelWhateverItsDays_OneNoticeADay()
    {
        await TwoCustomersAsync();
        await ProcessAsync(RunOn(D.PlusDays(8), "r1"));
        await _fixture.Accounts.PostAsync(Accountant, C1, Invoice("c", 20m, D.PlusDays(8)));

        _fixture.On(D.PlusDays(9));
        var now = await _fixture.Dunning.DunNowAsync(Accountant, C1, new DunningRunId("now-1"), D.PlusDays(9), postFees: true);
        var again = await _fixture.Dunning.DunNowAsync(Accountant, C1, new DunningRunId("now-2"), D.PlusDays(9));

        var letter = Assert.Single(now.Issued);
        Assert.Equal(2, letter.LineOf("a").Level);
        Assert.Equal(2, letter.LineOf("b").Level);
        Assert.Equal(1, letter.LineOf("c").Level);
        Assert.Equal(new LetterNumber(2026, 3), letter.Number);
        Assert.Empty(again.Issued);
        Assert.Equal(2, (await _fixture.LoadAsync(C1)).Installment("a").Dunning.Level);
        Assert.Equal(1, (await _fixture.LoadAsync(C2)).Installment("c").Dunning.Level);
        await Assert.ThrowsAsync<AuthorizationException>(() => _fixture.Dunning.DunNowAsync(Clerk, C1, new DunningRunId("now-3"), D.PlusDays(10)));
    }
}
