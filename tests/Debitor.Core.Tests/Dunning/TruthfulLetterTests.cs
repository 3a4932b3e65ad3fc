using System.Globalization;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

/// <summary>The ten defects of issue 11, each as the scenario the issue gives, and the consumer and business variants of every interest test.</summary>
public sealed class TruthfulLetterTests
{
    private static readonly DunningSettings LevelOneCharges = Settings(new DunningScheme(new SchemeId("default"), [Level(5, 1) with { ChargesInterest = true }, Level(20, 2) with { ChargesInterest = true }, Level(40, 3) with { ChargesInterest = true }]));

    private static readonly DunningSettings OnlyLevelThreeCharges = Settings(new DunningScheme(new SchemeId("default"), [Level(5, 1), Level(20, 2), Level(40, 3) with { ChargesInterest = true }]));

    public static TheoryData<bool> ConsumerAndBusiness => [true, false];

    // 1. A due-date change moves only the installment it names.
    [Fact]
    public async Task ChangeInstallmentDueDate_DeferredPrepayment_RemainderIsNeitherMovedNorDunned()
    {
        var fixture = new DunningFixture();
        var invoice = new InvoicePosted(Id("inv"), "RE-1", Date(2026, 7, 1), Date(2026, 8, 11), Eur(2500m), [
            new Installment(Eur(500m), Date(2026, 8, 11), InstallmentKind.Prepayment),
            new Installment(Eur(2000m), Date(2026, 12, 15), InstallmentKind.Remainder),
        ]);
        await fixture.AddAsync(Customer(), invoice);

        var account = await fixture.Accounts.ChangeInstallmentDueDateAsync(Accountant, CustomerA, Id("due"), [new InstallmentRef(Id("inv"), 1)], Date(2026, 9, 1), "Stundung telefonisch vereinbart");

        Assert.Equal(Date(2026, 9, 1), account.Installment("inv", 1).DueDate);
        Assert.Equal(Date(2026, 12, 15), account.Installment("inv", 2).DueDate);
        var letter = Preview(Settings(), Date(2026, 10, 15), account).SingleLetter();
        var line = Assert.Single(letter.Lines);
        Assert.Equal(new InstallmentRef(Id("inv"), 1), line.Installment);
        Assert.Equal(Eur(500m), letter.OverdueTotal);
        Assert.Equal(44, line.DaysOverdue);
        var note = Assert.Single(account.Communications);
        Assert.Contains("vom 11.08.2026 auf den 01.09.2026", note.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("15.12.2026", note.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeDueDateAsync_ItemOfSeveralInstallmentsWithoutNamingThem_IsRefused()
    {
        var fixture = new DunningFixture();
        var invoice = new InvoicePosted(Id("inv"), "RE-1", Date(2026, 7, 1), Date(2026, 8, 11), Eur(2500m), [
            new Installment(Eur(500m), Date(2026, 8, 11), InstallmentKind.Prepayment),
            new Installment(Eur(2000m), Date(2026, 12, 15), InstallmentKind.Remainder),
        ]);
        var before = await fixture.AddAsync(Customer(), invoice);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Accounts.ChangeDueDateAsync(Accountant, CustomerA, Id("due"), Id("inv"), Date(2026, 9, 1), "agreed"));

        Assert.Equal("item", exception.ParamName);
        Assert.Equal(before.Version, (await fixture.LoadAsync(CustomerA)).Version);
    }

    [Fact]
    public async Task ChangeItemDueDateAsync_WholeInvoiceAskedForExplicitly_MovesEveryInstallmentAndNamesEach()
    {
        var fixture = new DunningFixture();
        var invoice = new InvoicePosted(Id("inv"), "RE-1", Date(2026, 7, 1), Date(2026, 8, 11), Eur(2500m), [
            new Installment(Eur(500m), Date(2026, 8, 11), InstallmentKind.Prepayment),
            new Installment(Eur(2000m), Date(2026, 12, 15), InstallmentKind.Remainder),
        ]);
        await fixture.AddAsync(Customer(), invoice);

        var account = await fixture.Accounts.ChangeItemDueDateAsync(Accountant, CustomerA, Id("due"), Id("inv"), Date(2027, 1, 15), "Insolvenzverfahren abwarten");

        Assert.All(account.FindItem(Id("inv"))!.Installments, i => Assert.Equal(Date(2027, 1, 15), i.DueDate));
        var note = Assert.Single(account.Communications).Subject;
        Assert.Contains("Rate 1 (Anzahlung) vom 11.08.2026 auf den 15.01.2027", note, StringComparison.Ordinal);
        Assert.Contains("Rate 2 (Restzahlung) vom 15.12.2026 auf den 15.01.2027", note, StringComparison.Ordinal);
    }

    // 2. Consumers are charged the consumer rate on letters, like on every other document.
    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_InterestLine_ChargesTheDebtorsStatutoryRate(bool consumer)
    {
        var account = Account(Customer() with { IsConsumer = consumer }, Invoice("inv", 1000m, D));

        var line = Preview(LevelOneCharges, D.PlusDays(30), account).SingleLetter().LineOf("inv");

        var period = Assert.Single(line.InterestPeriods);
        Assert.Equal(BaseRateTable.Germany.RateOn(D.PlusDays(1)) + (consumer ? 5m : 9m), period.AnnualRatePercent);
        Assert.Equal((D.PlusDays(1), D.PlusDays(30), 30), (period.FirstDay, period.LastDay, period.Days));
        Assert.Equal(InvoiceInterest(account, D.PlusDays(30), "inv"), line.Interest);
    }

    // 3. Interest already invoiced is not claimed again.
    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_AfterInterestInvoice_StatesOnlyTheDaysSinceAndListsTheChargeWithoutInterest(bool consumer)
    {
        var customer = Customer() with { IsConsumer = consumer };
        var account = Account(customer, Invoice("inv", 1000m, D));
        var scheme = InterestSchemeCatalog.Default.For(customer);
        var invoice = Assert.Single(InterestInvoicing.Prepare(account, scheme, D.PlusDays(10), "ZR-1"));
        account = account.Post([.. InterestInvoicing.Entries(invoice)]);

        var letter = Preview(LevelOneCharges, D.PlusDays(30), account).SingleLetter();

        var line = letter.LineOf("inv");
        Assert.Equal(D.PlusDays(11), Assert.Single(line.InterestPeriods).FirstDay);
        Assert.Equal(InvoiceInterest(account, D.PlusDays(30), "inv"), line.Interest);
        var charge = letter.Lines.Single(l => l.ItemKind == ItemKind.Interest);
        Assert.True(charge.Interest.IsZero);
        Assert.Equal(letter.InterestTotal, line.Interest);
    }

    // 4. The interest scheme decides: start at default, payment history.
    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_SchemeStartingAtDefault_FirstNoticeCarriesNoInterest(bool consumer)
    {
        var customer = Customer() with { IsConsumer = consumer };
        var catalog = InterestSchemeCatalog.Default.With(
            InterestSchemeCatalog.SchemeIdFor(customer),
            InterestScheme.GermanStatutory(consumer).WithAccrual(new InterestAccrual { Start = InterestStart.AfterDefaultDate }));
        var settings = Settings(new DunningScheme(new SchemeId("default"), [Level(2, 1) with { ChargesInterest = true }]));
        var account = Account(customer, Invoice("inv", 1000m, D.PlusDays(-3)));

        var letter = DunningEngine.Preview(Run(D), settings, catalog, ReceivablesContact.Default, [account]).SingleLetter();

        Assert.True(letter.LineOf("inv").Interest.IsZero);
        Assert.True(letter.InterestTotal.IsZero);
    }

    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_PartialPayment_ChargesEachPeriodOnTheBalanceThenOutstanding(bool consumer)
    {
        var paidOn = D.PlusDays(10);
        var account = Account(
            Customer() with { IsConsumer = consumer },
            Invoice("inv", 1000m, D),
            new PaymentReceived(Id("pay"), Eur(600m), paidOn),
            new PaymentApplied(Id("app"), Id("pay"), new InstallmentRef(Id("inv")), Eur(600m), paidOn));

        var line = Preview(LevelOneCharges, D.PlusDays(40), account).SingleLetter().LineOf("inv");

        Assert.Equal([(1000m, D.PlusDays(1), paidOn.PlusDays(-1)), (400m, paidOn, D.PlusDays(40))], line.InterestPeriods.Select(p => (p.Principal.Amount, p.FirstDay, p.LastDay)));
        Assert.Equal(InvoiceInterest(account, D.PlusDays(40), "inv"), line.Interest);
    }

    /// <summary>The worked example of docs/dunning.md and docs/interest.md, computed by hand: base rate 1.27 % throughout.</summary>
    [Theory]
    [InlineData(true, "6.27", "4.98", "3.09", "8.07")]
    [InlineData(false, "10.27", "8.16", "5.06", "13.22")]
    public void Preview_WorkedExample_MatchesTheHandComputation(bool consumer, string rate, string first, string second, string total)
    {
        var account = Account(
            Customer() with { IsConsumer = consumer },
            InvoicePosted.Single(Id("inv"), "RE-1", Date(2025, 12, 22), Date(2026, 1, 5), Eur(1000m)),
            new PaymentReceived(Id("pay"), Eur(400m), Date(2026, 2, 4)),
            new PaymentApplied(Id("app"), Id("pay"), new InstallmentRef(Id("inv")), Eur(400m), Date(2026, 2, 4)));

        var line = Preview(LevelOneCharges, Date(2026, 3, 5), account).SingleLetter().LineOf("inv");

        Assert.Equal(
            [(1000m, Date(2026, 1, 6), Date(2026, 2, 3), 29, decimal.Parse(rate, CultureInfo.InvariantCulture), decimal.Parse(first, CultureInfo.InvariantCulture)),
             (600m, Date(2026, 2, 4), Date(2026, 3, 5), 30, decimal.Parse(rate, CultureInfo.InvariantCulture), decimal.Parse(second, CultureInfo.InvariantCulture))],
            line.InterestPeriods.Select(p => (p.Principal.Amount, p.FirstDay, p.LastDay, p.Days, p.AnnualRatePercent, p.Amount.Amount)));
        Assert.Equal(decimal.Parse(total, CultureInfo.InvariantCulture), line.Interest.Amount);
        Assert.Equal(line.Interest, InvoiceInterest(account, Date(2026, 3, 5), "inv"));
    }

    // 5. One scheme source: an unknown scheme is a reported exclusion, never a silent zero.
    [Fact]
    public void Preview_UnknownInterestScheme_ExcludesEveryItemWithTheReason()
    {
        var account = Account(Customer() with { InterestScheme = new SchemeId("typo") }, Invoice("inv", 1000m, D));

        var proposal = Preview(LevelOneCharges, D.PlusDays(30), account);

        Assert.Empty(proposal.Letters);
        var line = Assert.Single(proposal.Excluded);
        Assert.Equal(DunningExclusion.UnknownInterestScheme, line.Exclusion);
        Assert.Equal("dunning.exclusion.unknownInterestScheme", line.ExclusionTextKey);
        Assert.Contains("'typo'", line.Explanation, StringComparison.Ordinal);
    }

    // 6. The item's own level, not the letter's, decides its wording and interest.
    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_ItemAtFirstNoticeOnAFinalLetter_IsAFirstNoticeWithoutInterest(bool consumer)
    {
        var customer = Customer() with { IsConsumer = consumer };
        var account = Account(customer, Invoice("old", 1000m, D))
            .RunAndIssue(OnlyLevelThreeCharges, D.PlusDays(6))
            .RunAndIssue(OnlyLevelThreeCharges, D.PlusDays(27))
            .Post(Invoice("new", 200m, D.PlusDays(61)));

        var letter = Preview(OnlyLevelThreeCharges, D.PlusDays(68), account).SingleLetter();

        Assert.Equal(3, letter.Level);
        var fresh = letter.LineOf("new");
        Assert.Equal((1, "dunning.level.1", "dunning.status.raised"), (fresh.Level, fresh.LevelTextKey, fresh.StatusTextKey));
        Assert.True(fresh.Interest.IsZero);
        Assert.Equal(InvoiceInterest(account, D.PlusDays(68), "old"), letter.LineOf("old").Interest);
        Assert.True(letter.LineOf("old").Interest.IsPositive);
    }

    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_DunByLevel_FirstNoticeGetsItsOwnLetterUnderTheFirstLevelsTexts(bool consumer)
    {
        var settings = Settings(new DunningScheme(new SchemeId("default"), [Level(5, 1), Level(20, 2), Level(40, 3) with { ChargesInterest = true }]) { OneLetterPerLevel = true });
        var account = Account(Customer() with { IsConsumer = consumer }, Invoice("old", 1000m, D))
            .RunAndIssue(settings, D.PlusDays(6))
            .RunAndIssue(settings, D.PlusDays(27))
            .Post(Invoice("new", 200m, D.PlusDays(61)), Invoice("waiting", 50m, D.PlusDays(66)));

        var letters = Preview(settings, D.PlusDays(68), account).Letters;

        Assert.Equal([(1, "l1.header"), (3, "l3.header")], letters.Select(l => (l.Level, l.HeaderTextKey)));
        Assert.Equal(["new"], letters[0].Lines.Select(l => l.Installment.Item.Value));
        Assert.Equal(["old", "waiting"], letters[1].Lines.Select(l => l.Installment.Item.Value));
        Assert.Equal(Eur(200m), letters[0].OverdueTotal);
        Assert.True(letters[0].InterestTotal.IsZero);
        Assert.Equal(InvoiceInterest(account, D.PlusDays(68), "old"), letters[1].InterestTotal);
        Assert.NotEqual(letters[0].Id, letters[1].Id);
    }

    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_NeverRemindedListedItem_PrintsNoLevelZeroAndCarriesNoInterest(bool consumer)
    {
        var account = Account(Customer() with { IsConsumer = consumer }, Invoice("due", 100m, D), Invoice("recent", 100m, D.PlusDays(8)));

        var letter = Preview(LevelOneCharges, D.PlusDays(10), account).SingleLetter();

        var listed = letter.LineOf("recent");
        Assert.Equal(DunningLineStatus.WaitingForNextLevel, listed.Status);
        Assert.Equal("dunning.level.none", listed.LevelTextKey);
        Assert.True(listed.Interest.IsZero);
        Assert.StartsWith("Not yet reminded", listed.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ConsumerAndBusiness))]
    public void Preview_ItemsAtLevelThreeOnALowerLetter_KeepTheirInterest(bool consumer)
    {
        var settings = Settings(new DunningScheme(new SchemeId("default"), [Level(5, 1), Level(20, 2), Level(40, 3) with { ChargesInterest = true }]) { MaximumNotices = 3 });
        var account = Account(Customer() with { IsConsumer = consumer }, Invoice("old", 1000m, D))
            .RunAndIssue(settings, D.PlusDays(6))
            .RunAndIssue(settings, D.PlusDays(27))
            .RunAndIssue(settings, D.PlusDays(68))
            .Post(Invoice("new", 200m, D.PlusDays(70)));

        var letter = Preview(settings, D.PlusDays(80), account).SingleLetter();

        Assert.Equal(1, letter.Level);
        var old = letter.LineOf("old");
        Assert.Equal(DunningLineStatus.MaximumReached, old.Status);
        Assert.Equal("dunning.level.3", old.LevelTextKey);
        Assert.Equal(InvoiceInterest(account, D.PlusDays(80), "old"), old.Interest);
        Assert.True(old.Interest.IsPositive);
    }

    // 7. Items with every notice issued do not vanish.
    [Fact]
    public void Preview_AllNoticesIssued_IsReportedWithTheNextStep()
    {
        var settings = Settings(Scheme(maximumNotices: 3));
        var account = Account("C-1", Invoice("inv", 3136.14m, D, Currency.CHF))
            .RunAndIssue(settings, D.PlusDays(6))
            .RunAndIssue(settings, D.PlusDays(27))
            .RunAndIssue(settings, D.PlusDays(68));

        var proposal = Preview(settings, D.PlusDays(200), account);

        Assert.Empty(proposal.Letters);
        var line = Assert.Single(proposal.Excluded);
        Assert.Equal(DunningExclusion.AllNoticesIssued, line.Exclusion);
        Assert.Contains("all notices issued — next step: hand-over or court dunning", line.Explanation, StringComparison.Ordinal);
    }

    // 8. Explain is the run.
    [Fact]
    public void Explain_LetterBelowTheMinimum_IsNotDueNowAndForecastsNothing()
    {
        var settings = Settings(Scheme() with { MinimumLetterAmounts = [Eur(50m)] });
        var account = Account("C-1", Invoice("inv", 20m, D));

        var line = Assert.Single(DunningEngine.Explain(account, settings, D.PlusDays(10)));

        Assert.Empty(Preview(settings, D.PlusDays(10), account).Letters);
        Assert.False(line.IssuesNotice);
        Assert.Equal(DunningExclusion.BelowLetterMinimum, line.Exclusion);
        Assert.Empty(line.Forecast());
    }

    [Fact]
    public void Explain_LevelOneDaysZeroInclusive_ForecastsTheFirstDayARunIssuesIt()
    {
        var settings = Settings(Scheme(0, 20, 40, DunningDayComparison.Inclusive));
        var account = Account("C-1", Invoice("inv", 100m, D));

        var next = Assert.Single(DunningEngine.Explain(account, settings, D.PlusDays(-3))).Forecast()[0];

        Assert.Equal(new ScheduledNotice(1, D.PlusDays(1)), next);
        Assert.Empty(Preview(settings, D, account).Letters);
        Assert.Equal(1, Preview(settings, D.PlusDays(1), account).SingleLetter().LineOf("inv").Level);
    }

    // 9. Letters are receivables documents.
    [Fact]
    public async Task PreviewAsync_Letter_NamesOurContactTheDocumentAddressTheSendingEmailAndTheMediumSetForLetters()
    {
        var fixture = new DunningFixture();
        fixture.Options.ReceivablesContact = new ReceivablesContact("Forderungsmanagement", "+49 40 123", "fm@example.org");
        fixture.Settings.Set(Company, Settings());
        var masterData = new CustomerMasterData
        {
            Addresses = [new PostalAddress(AddressKind.Main, "Müller GmbH", "Hauptstr. 1", "20095", "Hamburg", "DE"), new PostalAddress(AddressKind.Billing, "Müller GmbH Buchhaltung", "Postfach 9", "20001", "Hamburg", "DE")],
            Emails = [new EmailAddress("info@mueller.example"), new EmailAddress("rechnung@mueller.example", UseForSending: true)],
            OutputMedia = [new DocumentOutput(DocumentKind.DunningLetter, OutputMedium.Post)],
        };
        var account = Account(Customer() with { PreferredChannel = ContactChannel.Email }, Invoice("inv", 100m, D), new MasterDataChanged(Id("md"), masterData));
        await fixture.Store.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None);

        var letter = (await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(10)))).SingleLetter();

        Assert.Equal(fixture.Options.ReceivablesContact, letter.Contact);
        Assert.Equal("Postfach 9", letter.RecipientAddress!.Street);
        Assert.Equal("rechnung@mueller.example", letter.RecipientEmail!.Address);
        Assert.Equal((OutputMedium.Post, DunningChannel.Post), (letter.Medium, letter.Channel));
    }

    [Fact]
    public void Preview_PayerLetter_NamesEveryDebtor()
    {
        var payer = Account(Customer("C-P") with { Name = "Zentrale AG" });
        var debtor = Account(Customer("C-D") with { Name = "Filiale Nord GmbH", Payer = new CustomerId("C-P"), PayerRouting = new PayerRouting(DocumentRecipient.Payer) }, Invoice("inv", 100m, D));

        var letter = Preview(Settings(), D.PlusDays(10), payer, debtor).SingleLetter();

        Assert.Equal(new CustomerId("C-P"), letter.RecipientId);
        Assert.Equal([new DunningDebtor(new CustomerId("C-D"), "D", "Filiale Nord GmbH")], letter.Debtors);
    }

    // 10. Fees and statuses as text keys, not enum names.
    [Fact]
    public void Preview_FeesAndStatuses_AreTextKeys()
    {
        var settings = Settings(new DunningScheme(new SchemeId("default"), [Level(5, 1) with { Fees = [DunningFee.PerLetter(Eur(2.5m)).WithPerItem(Eur(1m))] }]));
        var account = Account("C-1", Invoice("inv", 100m, D));

        var letter = Preview(settings, D.PlusDays(10), account).SingleLetter();

        Assert.Equal(["dunning.fee.perLetter", "dunning.fee.perItem"], letter.Fees.Select(f => f.TextKey));
        Assert.Equal(("dunning.level.1", "dunning.status.raised"), (letter.LineOf("inv").LevelTextKey, letter.LineOf("inv").StatusTextKey));
    }

    /// <summary>What an interest invoice on the date charges for an item: the figure the letter must state.</summary>
    private static Money InvoiceInterest(CustomerAccount account, LocalDate date, string item)
    {
        var scheme = InterestSchemeCatalog.Default.For(account.Customer);
        return InterestInvoicing.Prepare(account, scheme, date, "ZR-check").SelectMany(i => i.Items).Single(i => i.Item == Id(item)).Interest;
    }
}
