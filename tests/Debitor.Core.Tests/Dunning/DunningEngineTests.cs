using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

/// <summary>The level rule, letters and exclusions as an accountant would name them (issue 6).</summary>
public sealed class DunningEngineTests
{
    private static readonly DunningSettings Inclusive = Settings(Scheme(5, 20, 40, DunningDayComparison.Inclusive));
    private static readonly DunningSettings Strict = Settings(Scheme(5, 20, 40));

    [Fact]
    public void Preview_InclusiveFiveDays_NoLetterOnDayFour()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        Assert.Empty(Preview(Inclusive, D.PlusDays(4), account).Letters);
    }

    [Fact]
    public void Preview_InclusiveFiveDays_LevelOneOnDayFive()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        var line = Preview(Inclusive, D.PlusDays(5), account).SingleLetter().LineOf("inv");

        Assert.Equal(DunningLineStatus.Raised, line.Status);
        Assert.Equal(1, line.Level);
    }

    [Fact]
    public void Preview_InclusiveAfterLevelOne_DayThirtyMovesToLevelTwoOnly()
    {
        var account = Account("C-1", Invoice("inv", 100m, D)).RunAndIssue(Inclusive, D.PlusDays(5));

        var letter = Preview(Inclusive, D.PlusDays(30), account).SingleLetter();

        Assert.Equal(2, letter.LineOf("inv").Level);
        Assert.Equal(2, letter.Level);
    }

    [Fact]
    public void Preview_NeverDunnedLongOverdue_GetsLevelOneOnly()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        var line = Preview(Inclusive, D.PlusDays(100), account).SingleLetter().LineOf("inv");

        Assert.Equal(1, line.Level);
    }

    [Fact]
    public void Preview_DailyRunsOverAHundredDays_RaiseOneLevelAtATime()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));
        var levels = new List<(int Day, int Level)>();
        for (var day = 1; day <= 100; day++)
        {
            var before = account.Installment("inv").Dunning.Level;
            account = account.RunAndIssue(Inclusive, D.PlusDays(day));
            var after = account.Installment("inv").Dunning.Level;
            Assert.InRange(after - before, 0, 1);
            if (after != before)
            {
                levels.Add((day, after));
            }
        }

        Assert.Equal([(5, 1), (25, 2), (65, 3)], levels);
    }

    [Fact]
    public void Preview_StrictFiveDays_FirstLetterOnDaySix()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        Assert.Empty(Preview(Strict, D.PlusDays(5), account).Letters);
        Assert.Equal(1, Preview(Strict, D.PlusDays(6), account).SingleLetter().LineOf("inv").Level);
    }

    [Fact]
    public void Preview_SameDayAfterIssuing_IssuesNothingAgain()
    {
        var settings = Settings(Scheme(0, 0, 0, DunningDayComparison.Inclusive));
        var account = Account("C-1", Invoice("inv", 100m, D)).RunAndIssue(settings, D.PlusDays(1));

        Assert.Empty(Preview(settings, D.PlusDays(1), account).Letters);
        Assert.Equal(2, Preview(settings, D.PlusDays(2), account).SingleLetter().LineOf("inv").Level);
    }

    [Fact]
    public void Preview_LastLevel_RepeatsUntilTheMaximum()
    {
        var settings = Settings(Scheme(1, 1, 1, DunningDayComparison.Inclusive, maximumNotices: 5));
        var account = Account("C-1", Invoice("inv", 100m, D));
        var statuses = new List<(int Level, DunningLineStatus Status)>();
        for (var day = 1; day <= 7; day++)
        {
            var proposal = Preview(settings, D.PlusDays(day), account);
            if (proposal.Letters.Count == 0)
            {
                statuses.Add((account.Installment("inv").Dunning.Level, DunningLineStatus.MaximumReached));
                continue;
            }

            var line = proposal.SingleLetter().LineOf("inv");
            statuses.Add((line.Level, line.Status));
            account = proposal.Issue(false, account)[0];
        }

        Assert.Equal(
            [(1, DunningLineStatus.Raised), (2, DunningLineStatus.Raised), (3, DunningLineStatus.Raised), (3, DunningLineStatus.Repeated), (3, DunningLineStatus.Repeated), (3, DunningLineStatus.MaximumReached), (3, DunningLineStatus.MaximumReached)],
            statuses);
        Assert.Equal(5, account.Installment("inv").Dunning.NoticeCount);
    }

    [Fact]
    public void Preview_UnlimitedNotices_RepeatsTheLastLevelWithItsDays()
    {
        var settings = Settings(Scheme(1, 1, 10, DunningDayComparison.Inclusive));
        var account = Account("C-1", Invoice("inv", 100m, D));
        foreach (var day in new[] { 1, 2, 12, 22, 32 })
        {
            account = account.RunAndIssue(settings, D.PlusDays(day));
        }

        Assert.Equal(new DunningState(3, 5, D.PlusDays(32), D.PlusDays(32)) { DefaultDate = D.PlusDays(1) }, account.Installment("inv").Dunning);
        Assert.Empty(Preview(settings, D.PlusDays(41), account).Letters);
        Assert.Equal(DunningLineStatus.Repeated, Preview(settings, D.PlusDays(42), account).SingleLetter().LineOf("inv").Status);
    }

    [Fact]
    public void Preview_PausedItem_NeverAppearsAndIsReportedExcluded()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), Invoice("other", 50m, D), new ItemPaused(Id("p"), Id("inv"), "disputed"));

        var proposal = Preview(Strict, D.PlusDays(60), account);

        Assert.DoesNotContain(proposal.Letters.SelectMany(l => l.Lines), l => l.Installment.Item == Id("inv"));
        var excluded = Assert.Single(proposal.Excluded);
        Assert.Equal(DunningExclusion.Paused, excluded.Exclusion);
        Assert.Contains("disputed", excluded.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_PausedUntilADate_AppearsOnlyAfterThatDate()
    {
        var until = new LocalDate(2026, 4, 30);
        var account = Account("C-1", Invoice("inv", 100m, D), new ItemPaused(Id("p"), Id("inv"), "waiting for delivery", until));

        Assert.Empty(Preview(Strict, until, account).Letters);
        Assert.Equal(DunningExclusion.Paused, Assert.Single(Preview(Strict, until, account).Excluded).Exclusion);
        Assert.Equal(1, Preview(Strict, until.PlusDays(1), account).SingleLetter().LineOf("inv").Level);
    }

    [Fact]
    public void Preview_PrepaymentAndRemainder_AreDunnedSeparately()
    {
        var invoice = new InvoicePosted(Id("inv"), "RE-1", D.PlusDays(-30), D.PlusDays(30), Eur(1000m), [
            new Installment(Eur(300m), D, InstallmentKind.Prepayment),
            new Installment(Eur(700m), D.PlusDays(30), InstallmentKind.Remainder),
        ]);
        var account = Account("C-1", invoice);

        var first = Preview(Strict, D.PlusDays(10), account);
        var line = Assert.Single(first.SingleLetter().Lines);
        Assert.Equal((1, InstallmentKind.Prepayment, 1), (line.Installment.Number, line.InstallmentKind, line.Level));

        account = first.Issue(false, account)[0];
        var later = Preview(Strict, D.PlusDays(40), account).SingleLetter();
        Assert.Equal(DunningLineStatus.Raised, later.LineOf("inv", 2).Status);
        Assert.Equal(1, later.LineOf("inv", 2).Level);
        Assert.Equal(DunningLineStatus.Raised, later.LineOf("inv", 1).Status);
        Assert.Equal(2, later.LineOf("inv", 1).Level);
        Assert.Equal(2, later.Level);
    }

    [Fact]
    public void Preview_PartialPayment_DunsTheOpenRest()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), Payment("pay", 60m), Apply("app", "pay", "inv", 60m));

        var line = Preview(Strict, D.PlusDays(6), account).SingleLetter().LineOf("inv");

        Assert.Equal(Eur(40m), line.OpenAmount);
        Assert.Equal(Eur(60m), line.SettledAmount);
    }

    [Fact]
    public void Preview_FullyPaidItem_IsNotDunned()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), Payment("pay", 100m), Apply("app", "pay", "inv", 100m));

        Assert.Empty(Preview(Strict, D.PlusDays(60), account).Letters);
    }

    [Fact]
    public void Preview_ChangedDueDate_CountsFromTheNewDate()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), new DueDateChanged(Id("due"), Id("inv"), D.PlusDays(14), "agreed by phone"));

        Assert.Empty(Preview(Strict, D.PlusDays(19), account).Letters);
        var line = Preview(Strict, D.PlusDays(20), account).SingleLetter().LineOf("inv");
        Assert.True(line.DueDateChanged);
        Assert.Equal(D.PlusDays(14), line.DueDate);
    }

    [Fact]
    public void Preview_PerItemFee_ChargedOncePerLevelWhenRunsRepeat()
    {
        var scheme = Scheme(5, 20, 40) with
        {
            Levels = [Level(5, 1) with { Fees = [DunningFee.PerItem(Eur(1.50m))] }, Level(20, 2), Level(40, 3)],
        };
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("a", 100m, D), Invoice("b", 100m, D.PlusDays(1)));

        var first = Preview(settings, D.PlusDays(6), account);
        Assert.Equal(Eur(1.50m), first.SingleLetter().LineOf("a").Fee);
        account = first.Issue(false, account)[0];

        var repeatedSameDay = Preview(settings, D.PlusDays(6), account);
        Assert.Empty(repeatedSameDay.Letters);

        var next = Preview(settings, D.PlusDays(7), account).SingleLetter();
        Assert.Equal(Eur(0m), next.LineOf("a").Fee);
        Assert.Equal(DunningLineStatus.WaitingForNextLevel, next.LineOf("a").Status);
        Assert.Equal(Eur(1.50m), next.LineOf("b").Fee);
        Assert.Equal([DunningFeeKind.PerItem], next.Fees.Select(f => f.Kind));
        Assert.Equal(Eur(1.50m), next.FeeTotal);
    }

    [Fact]
    public void Preview_PerItemFee_NotChargedForRepeatsOfTheLastLevel()
    {
        var scheme = Scheme(1, 1, 1, DunningDayComparison.Inclusive) with
        {
            Levels = [Level(1, 1), Level(1, 2), Level(1, 3) with { Fees = [DunningFee.PerItem(Eur(2m))] }],
        };
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("a", 100m, D));
        for (var day = 1; day <= 3; day++)
        {
            account = account.RunAndIssue(settings, D.PlusDays(day));
        }

        var repeat = Preview(settings, D.PlusDays(4), account).SingleLetter().LineOf("a");

        Assert.Equal(DunningLineStatus.Repeated, repeat.Status);
        Assert.Equal(Eur(0m), repeat.Fee);
    }

    [Fact]
    public void Preview_CreditNoteLargerThanOverdue_SuppressesTheLetter()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), new CreditNotePosted(Id("cn"), "GS-1", D, Eur(150m)));

        var proposal = Preview(Strict, D.PlusDays(6), account);

        Assert.Empty(proposal.Letters);
        Assert.Equal(DunningExclusion.NetOverdueNotPositive, Assert.Single(proposal.Excluded).Exclusion);
    }

    [Fact]
    public void Preview_CreditNoteSmallerThanOverdue_IsNettedAndDoesNotRaiseTheLevel()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), new CreditNotePosted(Id("cn"), "GS-1", D, Eur(30m)), Payment("pay", 20m));

        var letter = Preview(Strict, D.PlusDays(6), account).SingleLetter();

        Assert.Equal(2, letter.Credits.Count);
        Assert.Equal(Eur(100m), letter.OverdueTotal);
        Assert.Equal(Eur(50m), letter.CreditTotal);
        Assert.Equal(Eur(50m), letter.NetOverdue);
        Assert.Equal(1, letter.Level);
    }

    [Fact]
    public void Preview_BelowTheLetterMinimum_SuppressesTheLetter()
    {
        var settings = Settings(Scheme() with { MinimumLetterAmounts = [Eur(5m)] });
        var account = Account("C-1", Invoice("inv", 4.99m, D));

        var proposal = Preview(settings, D.PlusDays(6), account);

        Assert.Empty(proposal.Letters);
        Assert.Equal(DunningExclusion.BelowLetterMinimum, Assert.Single(proposal.Excluded).Exclusion);
    }

    [Fact]
    public void Preview_BelowTheItemMinimum_ExcludesTheItem()
    {
        var settings = Settings(Scheme() with { MinimumItemAmounts = [Eur(10m)] });
        var account = Account("C-1", Invoice("small", 9.99m, D), Invoice("big", 100m, D));

        var proposal = Preview(settings, D.PlusDays(6), account);

        Assert.Equal([Id("big")], proposal.SingleLetter().Lines.Select(l => l.Installment.Item));
        Assert.Equal(DunningExclusion.BelowItemMinimum, Assert.Single(proposal.Excluded).Exclusion);
    }

    [Fact]
    public void Preview_PayerRouting_OneLetterToThePayerCoveringItsCustomers()
    {
        var payer = Account(Customer("P-1"), Invoice("p-inv", 80m, D));
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        var first = Account(Customer("C-1") with { Payer = payer.Id, PayerRouting = routed }, Invoice("c1-inv", 100m, D));
        var second = Account(Customer("C-2") with { Payer = payer.Id, PayerRouting = routed }, Invoice("c2-inv", 200m, D.PlusDays(10)));
        var own = Account(Customer("C-3") with { Payer = payer.Id }, Invoice("c3-inv", 300m, D));

        var proposal = Preview(Strict, D.PlusDays(6), payer, first, second, own);

        Assert.Equal(2, proposal.Letters.Count);
        var toPayer = proposal.Letters.Single(l => l.RecipientId == payer.Id);
        Assert.Equal([new CustomerId("C-1"), new CustomerId("P-1")], toPayer.Customers);
        Assert.Equal(["c1-inv", "p-inv"], toPayer.Lines.Select(l => l.Installment.Item.Value));
        Assert.Equal(Eur(180m), toPayer.OverdueTotal);
        Assert.Equal(new CustomerId("C-3"), proposal.Letters.Single(l => l.RecipientId != payer.Id).RecipientId);
    }

    [Fact]
    public void Preview_PayerRouting_ListsOverdueItemsOfEveryPaidForCustomer()
    {
        var payer = Account(Customer("P-1"));
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        var due = Account(Customer("C-1") with { Payer = payer.Id, PayerRouting = routed }, Invoice("due", 100m, D));
        var waiting = Account(Customer("C-2") with { Payer = payer.Id, PayerRouting = routed }, Invoice("waiting", 200m, D.PlusDays(4)));

        var letter = Preview(Strict, D.PlusDays(6), payer, due, waiting).SingleLetter();

        Assert.Equal(payer.Id, letter.RecipientId);
        Assert.Equal(DunningLineStatus.Raised, letter.LineOf("due").Status);
        Assert.Equal(DunningLineStatus.WaitingForNextLevel, letter.LineOf("waiting").Status);
    }

    [Fact]
    public void Preview_TwoCurrencies_TwoLetters()
    {
        var account = Account("C-1", Invoice("eur", 100m, D), Invoice("usd", 100m, D, Currency.USD));

        var letters = Preview(Strict, D.PlusDays(6), account).Letters;

        Assert.Equal(["EUR", "USD"], letters.Select(l => l.Currency.Code));
        Assert.All(letters, l => Assert.All(l.Lines, line => Assert.Equal(l.Currency, line.Currency)));
    }

    [Theory]
    [InlineData(LegalStatus.Lawyer, DunningExclusion.HandedToLawyer)]
    [InlineData(LegalStatus.CollectionAgency, DunningExclusion.HandedToCollectionAgency)]
    public void Preview_HandedOverItem_IsExcluded(LegalStatus status, DunningExclusion expected)
    {
        var account = Account("C-1", Invoice("inv", 100m, D));
        account.FindItem(Id("inv"))!.LegalStatus = status;

        var proposal = Preview(Strict, D.PlusDays(60), account);

        Assert.Empty(proposal.Letters);
        Assert.Equal(expected, Assert.Single(proposal.Excluded).Exclusion);
    }

    [Fact]
    public void Preview_ItemUnderAPaymentAgreement_IsExcluded()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));
        account.FindItem(Id("inv"))!.IsCoveredByAgreement = true;

        Assert.Equal(DunningExclusion.PaymentAgreement, Assert.Single(Preview(Strict, D.PlusDays(60), account).Excluded).Exclusion);
    }

    [Fact]
    public void Preview_CustomerWithADunningBlock_IsExcluded()
    {
        var account = Account(Customer("C-1") with { IsDunningBlocked = true }, Invoice("inv", 100m, D));

        var proposal = Preview(Strict, D.PlusDays(60), account);

        Assert.Empty(proposal.Letters);
        Assert.Equal(DunningExclusion.CustomerBlocked, Assert.Single(proposal.Excluded).Exclusion);
    }

    [Fact]
    public void Preview_ArchivedCustomer_IsExcluded()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), new CustomerArchived(Id("arch"), "closed down"));

        Assert.Equal(DunningExclusion.CustomerArchived, Assert.Single(Preview(Strict, D.PlusDays(60), account).Excluded).Exclusion);
    }

    [Fact]
    public void Preview_UnknownScheme_IsExcludedWithItsReason()
    {
        var account = Account(Customer("C-1") with { DunningScheme = new SchemeId("missing") }, Invoice("inv", 100m, D));

        var excluded = Assert.Single(Preview(Strict, D.PlusDays(60), account).Excluded);

        Assert.Equal(DunningExclusion.UnknownScheme, excluded.Exclusion);
        Assert.Contains("missing", excluded.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_AutomaticRun_SkipsCustomersNotInWorkflowsAndProblematicOnes()
    {
        var outside = Account(Customer("C-1") with { Workflow = WorkflowSettings.Default with { IncludeInAutomaticWorkflows = false } }, Invoice("a", 100m, D));
        var problematic = Account(Customer("C-2") with { IsProblematic = true }, Invoice("b", 100m, D));
        var normal = Account("C-3", Invoice("c", 100m, D));
        var automatic = Run(D.PlusDays(6)) with { Mode = DunningRunMode.Automatic };

        var proposal = Preview(Strict, automatic, outside, problematic, normal);

        Assert.Equal([new CustomerId("C-3")], proposal.Letters.Select(l => l.RecipientId));
        Assert.Equal([DunningExclusion.NotInAutomaticWorkflows, DunningExclusion.Problematic], proposal.Excluded.Select(e => e.Exclusion!.Value));
        Assert.Equal(3, Preview(Strict, D.PlusDays(6), outside, problematic, normal).Letters.Count);
    }

    [Fact]
    public void Preview_CreditLimitFilter_DunsOnlyCustomersOverTheirLimit()
    {
        var over = Account(Customer("C-1") with { CreditLimit = new CreditLimit(Eur(1000m)) }, Invoice("a", 1200m, D));
        var under = Account(Customer("C-2") with { CreditLimit = new CreditLimit(Eur(1000m)) }, Invoice("b", 800m, D));
        var expired = Account(Customer("C-3") with { CreditLimit = new CreditLimit(Eur(100m), validUntil: D) }, Invoice("c", 800m, D));
        var none = Account("C-4", Invoice("d", 800m, D));
        var request = Run(D.PlusDays(6)) with { OnlyWhenCreditLimitExceeded = true };

        var proposal = Preview(Strict, request, over, under, expired, none);

        Assert.Equal([new CustomerId("C-1")], proposal.Letters.Select(l => l.RecipientId));
        Assert.All(proposal.Excluded, e => Assert.Equal(DunningExclusion.CreditLimitNotExceeded, e.Exclusion));
        Assert.Equal(3, proposal.Excluded.Count);
    }

    [Fact]
    public void Preview_BranchAndCustomerFilters_SelectTheDebtors()
    {
        var north = Account(Customer("C-1") with { Branch = new BranchId("north") }, Invoice("a", 100m, D));
        var south = Account(Customer("C-2") with { Branch = new BranchId("south") }, Invoice("b", 100m, D));
        var other = Account(new Customer(new CustomerId("C-3"), "3", "Other", new CompanyId("other-company")), Invoice("c", 100m, D));

        Assert.Equal(2, Preview(Strict, D.PlusDays(6), north, south, other).Letters.Count);
        Assert.Equal([north.Id], Preview(Strict, Run(D.PlusDays(6)) with { Branch = new BranchId("north") }, north, south, other).Letters.Select(l => l.RecipientId));
        Assert.Equal([south.Id], Preview(Strict, Run(D.PlusDays(6)) with { Customer = south.Id }, north, south, other).Letters.Select(l => l.RecipientId));
    }

    [Fact]
    public void Preview_OneLevelOnly_RaisesOnlyThatLevel()
    {
        var account = Account("C-1", Invoice("old", 100m, D), Invoice("new", 100m, D.PlusDays(20))).RunAndIssue(Strict, D.PlusDays(6));
        var levelTwo = Run(D.PlusDays(30)) with { Level = 2 };

        var letter = Preview(Strict, levelTwo, account).SingleLetter();

        Assert.Equal(DunningLineStatus.Raised, letter.LineOf("old").Status);
        Assert.Equal(DunningLineStatus.LevelNotSelected, letter.LineOf("new").Status);
        Assert.Empty(Preview(Strict, Run(D.PlusDays(30)) with { Level = 3 }, account).Letters);
    }

    [Fact]
    public void Preview_BranchDaysAndCustomerOverride_DecideTheDays()
    {
        var branch = new BranchId("north");
        var settings = Strict.WithDefaultDays(BranchDunningDays.None.WithCompanyDays(8).WithBranchDays(branch, 10));
        var company = Account("C-1", Invoice("a", 100m, D));
        var inBranch = Account(Customer("C-2") with { Branch = branch }, Invoice("b", 100m, D));
        var overridden = Account(Customer("C-3") with { Branch = branch, DunningDays = [new DunningDaysOverride(1, 2)] }, Invoice("c", 100m, D));

        var proposal = Preview(settings, D.PlusDays(9), company, inBranch, overridden);

        Assert.Equal([new CustomerId("C-1"), new CustomerId("C-3")], proposal.Letters.Select(l => l.RecipientId));
        Assert.Equal(D.PlusDays(11), Explain(settings, inBranch).NextLevelDate);
    }

    [Fact]
    public void Preview_LetterLevel_IsTheHighestNoticeLevel()
    {
        var account = Account("C-1", Invoice("old", 100m, D)).RunAndIssue(Strict, D.PlusDays(6));
        account = account.Post(Invoice("new", 50m, D.PlusDays(20)));

        var letter = Preview(Strict, D.PlusDays(27), account).SingleLetter();

        Assert.Equal(2, letter.LineOf("old").Level);
        Assert.Equal(1, letter.LineOf("new").Level);
        Assert.Equal(2, letter.Level);
        Assert.Equal("l2.header", letter.HeaderTextKey);
        Assert.Equal("l2.footer", letter.FooterTextKey);
    }

    [Fact]
    public void Preview_ListsOverdueChargesWithoutDunningThem()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), new ChargePosted(Id("fee"), ChargeKind.DunningFee, "M-1", D, D, Eur(5m)));

        var letter = Preview(Strict, D.PlusDays(6), account).SingleLetter();

        Assert.Equal(DunningLineStatus.Charge, letter.LineOf("fee").Status);
        Assert.False(letter.LineOf("fee").IssuesNotice);
        Assert.Equal(Eur(105m), letter.OverdueTotal);
    }

    [Fact]
    public void Preview_OnlyCharges_NoLetter()
    {
        var account = Account("C-1", new ChargePosted(Id("fee"), ChargeKind.DunningFee, "M-1", D, D, Eur(5m)));

        Assert.Empty(Preview(Strict, D.PlusDays(60), account).Letters);
    }

    [Fact]
    public void Preview_SchemeListingItemsNotYetDue_ListsThemApart()
    {
        var settings = Settings(Scheme() with { ListItemsNotYetDue = true });
        var account = Account("C-1", Invoice("due", 100m, D), Invoice("later", 70m, D.PlusDays(30)));

        var letter = Preview(settings, D.PlusDays(6), account).SingleLetter();

        Assert.Equal([Id("later")], letter.ItemsNotYetDue.Select(l => l.Installment.Item));
        Assert.Equal(Eur(70m), letter.NotYetDueTotal);
        Assert.Equal(Eur(100m), letter.OverdueTotal);
    }

    [Fact]
    public void Preview_LevelWithFees_AddsPerLetterAndTieredFees()
    {
        var fee = DunningFee.PerLetter(Eur(2.50m)).WithTiers(FeeTierMode.Single, [new FeeTier(Eur(0m), Eur(1m)), new FeeTier(Eur(500m), Eur(5m))]);
        var settings = Settings(Scheme() with { Levels = [Level(5, 1) with { Fees = [fee] }, Level(20, 2), Level(40, 3)] });
        var account = Account("C-1", Invoice("inv", 600m, D));

        var letter = Preview(settings, D.PlusDays(6), account).SingleLetter();

        Assert.Equal([(DunningFeeKind.PerLetter, Eur(2.50m)), (DunningFeeKind.Tiered, Eur(5m))], letter.Fees.Select(f => (f.Kind, f.Amount)));
        Assert.Equal(Eur(607.50m), letter.TotalDue);
    }

    [Fact]
    public void Preview_FeeInAnotherCurrency_IsNotCharged()
    {
        var settings = Settings(Scheme() with { Levels = [Level(5, 1) with { Fees = [DunningFee.PerLetter(Eur(2.50m))] }, Level(20, 2), Level(40, 3)] });
        var account = Account("C-1", Invoice("inv", 600m, D, Currency.USD));

        Assert.Empty(Preview(settings, D.PlusDays(6), account).SingleLetter().Fees);
    }

    [Fact]
    public void Preview_LevelChargingInterest_StatesStatutoryInterest()
    {
        var settings = Settings(Scheme(1, 1, 1) with { Levels = [Level(1, 1) with { ChargesInterest = true }, Level(1, 2), Level(1, 3)] });
        var account = Account("C-1", Invoice("inv", 10_000m, D));
        var asOf = D.PlusDays(31);

        var letter = Preview(settings, asOf, account).SingleLetter();

        var expected = Debitor.Core.Interest.InterestCalculator.Calculate(
            Debitor.Core.Interest.InterestScheme.GermanStatutory(consumerInvolved: false), Eur(10_000m), D.PlusDays(1), asOf).Total;
        Assert.Equal(expected, letter.LineOf("inv").Interest);
        Assert.Equal(expected, letter.InterestTotal);
        Assert.True(expected.IsPositive);
        Assert.Equal(Eur(10_000m) + expected, letter.TotalDue);
    }

    [Fact]
    public void Preview_PaymentDeadline_MovesToTheNextBusinessDay()
    {
        var settings = Settings(Scheme() with { Levels = [Level(5, 1) with { PaymentDeadlineDays = 5 }, Level(20, 2), Level(40, 3)] });
        var account = Account("C-1", Invoice("inv", 100m, D));

        var letter = Preview(settings, new LocalDate(2026, 3, 9), account).SingleLetter();

        Assert.Equal(new LocalDate(2026, 3, 16), letter.PaymentDeadline);
    }

    [Fact]
    public void Preview_ChannelAndAttachments_FollowTheRecipient()
    {
        var byPost = Account(Customer("C-1") with { PreferredChannel = ContactChannel.Post }, Invoice("a", 100m, D));
        var byPhone = Account(Customer("C-2") with { PreferredChannel = ContactChannel.Phone }, Invoice("b", 100m, D));
        var byMail = Account(Customer("C-3") with { Workflow = WorkflowSettings.Default with { AttachOpenItemsStatement = true } }, Invoice("c", 100m, D));

        var letters = Preview(Strict, D.PlusDays(6), byPost, byPhone, byMail).Letters;

        Assert.Equal([DunningChannel.Post, DunningChannel.Post, DunningChannel.Email], letters.Select(l => l.Channel));
        Assert.Equal(LetterAttachments.DunningLetter | LetterAttachments.OpenItemsStatement, letters[2].Attachments);
    }

    [Fact]
    public void Preview_LetterId_DerivesFromRunRecipientAndCurrency()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        var letter = Preview(Strict, Run(D.PlusDays(6), "nightly"), account).SingleLetter();

        Assert.Equal("nightly/C-1/EUR", letter.Id);
    }

    [Fact]
    public void Preview_DoesNotChangeTheAccount()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));
        var journal = account.Journal.ToList();

        _ = Preview(Strict, D.PlusDays(60), account);

        Assert.Equal(journal, account.Journal);
        Assert.Equal(DunningState.None, account.Installment("inv").Dunning);
    }

    [Fact]
    public void Run_PartitionedOverManyAccounts_GivesTheSameProposal()
    {
        var accounts = Enumerable.Range(0, 3000)
            .Select(i => Account($"C-{i:D5}", Invoice($"i{i}", 10m + i, D.PlusDays(-(i % 50))), Invoice($"j{i}", 5m, D.PlusDays(i % 7))))
            .ToArray();
        var request = Run(D.PlusDays(10));

        var context = new RunContext(request, Strict, Core.Interest.InterestSchemeCatalog.Default, Core.Documents.ReceivablesContact.Default);

        var single = DunningEngine.Run(context, accounts, null, 1);
        var split = DunningEngine.Run(context, accounts, null, 2);

        Assert.Equal(single.Letters.Select(l => (l.Id, l.TotalDue, l.Lines.Count)), split.Letters.Select(l => (l.Id, l.TotalDue, l.Lines.Count)));
        Assert.Equal(single.Excluded.Select(l => (l.Customer, l.Installment, l.Exclusion)), split.Excluded.Select(l => (l.Customer, l.Installment, l.Exclusion)));
    }

    private static DunningLine Explain(DunningSettings settings, CustomerAccount account) =>
        Assert.Single(DunningEngine.Explain(account, settings, D.PlusDays(9)));
}
