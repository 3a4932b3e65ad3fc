using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

/// <summary>
/// The dunning settings of issue 17 (points 1–7), each with the example of the system it comes from: SAP's minimum per
/// level and dunning interval, Business Central's fee tiers, Tryton's percentage fee, OCA's three-times policy, Odoo's
/// levels counted from the due date and its follow-up per partner, SAP's dunning by level.
/// </summary>
public sealed class AnchorSettingsTests
{
    // ---- 1. Minimum per level (SAP) ----

    /// <summary>
    /// SAP's example ("Effect of Minimum Amounts and Percentage Rates on Dunning Levels"): 100 dunnable at level 1 of 1,000
    /// open, minimum 10 and 10 % — level 1 is triggered (exactly 10 % is enough). In the next run the items would reach
    /// level 2, but the open items have grown to 1,100: 100 is under 10 %, so they are assigned the next lower level.
    /// </summary>
    [Fact]
    public void Preview_SapMinimumPerLevel_ExampleOfTheDocumentation()
    {
        DunningLevel Level(int days, int n) => DunningData.Level(days, n) with { MinimumAmounts = [Eur(10m)], MinimumPercent = 10m };
        var settings = Settings(new DunningScheme(new SchemeId("default"), [Level(5, 1), Level(20, 2), Level(40, 3)]));
        var account = Account("C-1", Invoice("a", 100m, D), Invoice("b", 900m, D.PlusDays(60)));

        var first = Preview(settings, D.PlusDays(6), account);
        Assert.Equal(1, first.SingleLetter().LineOf("a").Level);
        account = first.Issue(false, account)[0].Post(Invoice("c", 100m, D.PlusDays(60)));

        var second = Preview(settings, D.PlusDays(27), account);

        Assert.Empty(second.Letters);
        var line = Assert.Single(second.Excluded);
        Assert.Equal((DunningExclusion.BelowLevelMinimum, 1), (line.Exclusion!.Value, line.PreviousLevel));
        Assert.Equal("dunning.exclusion.belowLevelMinimum", line.ExclusionTextKey);
    }

    [Fact]
    public void Preview_SapMinimumPerLevel_ReachedAgainWhenTheShareGrows()
    {
        DunningLevel Level(int days, int n) => DunningData.Level(days, n) with { MinimumPercent = 10m };
        var settings = Settings(new DunningScheme(new SchemeId("default"), [Level(5, 1), Level(20, 2), Level(40, 3)]));
        var account = Account("C-1", Invoice("a", 100m, D), Invoice("b", 900m, D.PlusDays(60))).RunAndIssue(settings, D.PlusDays(6));
        var grown = account.Post(Invoice("c", 100m, D.PlusDays(60)));

        Assert.Empty(Preview(settings, D.PlusDays(27), grown).Letters);
        Assert.Equal(2, Preview(settings, D.PlusDays(27), account).SingleLetter().LineOf("a").Level);
    }

    /// <summary>Items lowered from level 2 count with the level-1 items, as SAP checks the next lower level again.</summary>
    [Fact]
    public void Preview_SapMinimumPerLevel_LoweredItemsCountAtTheLowerLevel()
    {
        var scheme = new DunningScheme(new SchemeId("default"), [
            Level(5, 1) with { MinimumAmounts = [Eur(150m)] },
            Level(20, 2) with { MinimumAmounts = [Eur(500m)] },
            Level(40, 3),
        ]);
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("x", 100m, D)).RunAndIssue(Settings(), D.PlusDays(6)).Post(Invoice("y", 100m, D.PlusDays(10)));

        var letter = Preview(settings, D.PlusDays(27), account).SingleLetter();

        Assert.Equal((DunningLineStatus.BelowLevelMinimum, 1), (letter.LineOf("x").Status, letter.LineOf("x").Level));
        Assert.Equal((DunningLineStatus.Raised, 1), (letter.LineOf("y").Status, letter.LineOf("y").Level));
        Assert.Equal(1, letter.Level);
        Assert.Equal(1, letter.NoticeCount);

        // Alone, y's 100.00 misses level 1's 150.00.
        var alone = Account("C-2", Invoice("y", 100m, D.PlusDays(10)));
        Assert.Equal(DunningExclusion.BelowLevelMinimum, Assert.Single(Preview(settings, D.PlusDays(27), alone).Excluded).Exclusion);
    }

    [Fact]
    public void MinimumPerLevel_RefusesBadValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Level(5, 1) with { MinimumPercent = 101m });
        Assert.ThrowsAny<ArgumentException>(() => Level(5, 1) with { MinimumAmounts = [Eur(1m), Eur(2m)] });
        Assert.ThrowsAny<ArgumentException>(() => Level(5, 1) with { MinimumAmounts = [Eur(-1m)] });
        Assert.Equal(Usd(0m), (Level(5, 1) with { MinimumAmounts = [Eur(1m)] }).MinimumAmountIn(Currency.USD));
    }

    // ---- 2. Fee tiers with a minimum and maximum per tier (Business Central) ----

    private static readonly FeeTier[] BoundedTiers =
    [
        new(Eur(0m), Eur(5m)),
        new(Eur(100m), Eur(0m), 5m) { Minimum = Eur(7m), Maximum = Eur(15m) },
        new(Eur(1000m), Eur(0m), 2m) { Maximum = Eur(20m) },
    ];

    /// <summary>Single dynamic: the tier the remaining amount falls into, its fee bounded by the tier's minimum and maximum.</summary>
    [Theory]
    [InlineData(50, 5)]
    [InlineData(100, 7)]
    [InlineData(200, 10)]
    [InlineData(400, 15)]
    [InlineData(1000, 20)]
    [InlineData(2000, 20)]
    public void TieredFeeFor_SingleWithTierBounds_BoundsTheTierApplied(decimal amount, decimal expected) =>
        Assert.Equal(Eur(expected), DunningFee.Tiered(FeeTierMode.Single, BoundedTiers).TieredFeeFor(Eur(amount)));

    /// <summary>Accumulated dynamic: each tier's part bounded by its own minimum and maximum, then the overall maximum.</summary>
    [Theory]
    [InlineData(50, 5)]
    [InlineData(200, 12)]
    [InlineData(1000, 20)]
    [InlineData(3000, 30)]
    public void TieredFeeFor_AccumulatedWithTierBounds_BoundsEachTiersPart(decimal amount, decimal expected)
    {
        // 3,000: 5 + min(15, 5 % of 900) + min(20, 2 % of 2,000) = 40, capped at the overall 30.
        var fee = DunningFee.Tiered(FeeTierMode.Accumulated, BoundedTiers, maximum: Eur(30m));

        Assert.Equal(Eur(expected), fee.TieredFeeFor(Eur(amount)));
    }

    [Fact]
    public void FeeTier_Bounds_RefuseBadValues()
    {
        Assert.ThrowsAny<ArgumentException>(() => new FeeTier(Eur(0m), Eur(1m)) { Minimum = Eur(5m), Maximum = Eur(4m) });
        Assert.ThrowsAny<ArgumentException>(() => new FeeTier(Eur(0m), Eur(1m)) { Maximum = Usd(4m) });
        Assert.ThrowsAny<ArgumentException>(() => new FeeTier(Eur(0m), Eur(1m)) { Minimum = Eur(-1m) });
    }

    // ---- 3. Percentage fee per item on the posted amount (Tryton) ----

    /// <summary>
    /// Tryton's dunning-fee scenario: a 100 receivable, level 1 after 5 days with a fee at the product's list price (10),
    /// level 2 after 10 days with a fee of 15 % of the line's amount; the balance grows to 110, then 125. Tryton counts
    /// every level from the maturity date and dunns on the day the days have passed.
    /// </summary>
    [Fact]
    public void Process_TrytonFeeScenario_BalanceGrowsTo110Then125()
    {
        var scheme = new DunningScheme(new SchemeId("default"), [
            Level(5, 1) with { DelayRule = DunningDelayRule.AfterDueDate, Fees = [DunningFee.PerItem(Eur(10m))] },
            Level(10, 2) with { DelayRule = DunningDelayRule.AfterDueDate, Fees = [DunningFee.PerItem(Eur(0m)).WithPerItemPercent(15m)] },
        ])
        { Comparison = DunningDayComparison.Inclusive };
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("inv", 100m, D));

        account = Preview(settings, D.PlusDays(5), account).Issue(true, account)[0];
        Assert.Equal(Eur(110m), account.BalanceIn(Currency.EUR));

        var second = Preview(settings, D.PlusDays(10), account);
        Assert.Equal(Eur(15m), second.SingleLetter().LineOf("inv").Fee);
        account = second.Issue(true, account)[0];
        Assert.Equal(Eur(125m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void ItemFeeFor_Percentage_OfThePostedAmountRoundedHalfAwayFromZero()
    {
        var fee = DunningFee.PerItem(Eur(1m)).WithPerItemPercent(2.5m);

        Assert.Equal(Eur(1.31m), fee.ItemFeeFor(Eur(12.50m)));
        Assert.Equal(2.5m, fee.WithPerLetter(Eur(3m)).PerItemPercent);
        Assert.Throws<ArgumentOutOfRangeException>(() => fee.WithPerItemPercent(-1m));
        Assert.ThrowsAny<ArgumentException>(() => fee.ItemFeeFor(Usd(1m)));
    }

    /// <summary>The percentage is of the installment's posted amount, not of what is open or of the letter.</summary>
    [Fact]
    public void Preview_PercentageFee_UsesThePostedAmountAfterAPartialPayment()
    {
        var scheme = Scheme(5, 20, 40) with { };
        scheme = scheme with { Levels = [Level(5, 1) with { Fees = [DunningFee.PerItem(Eur(0m)).WithPerItemPercent(10m)] }, Level(20, 2), Level(40, 3)] };
        var account = Account(
            "C-1",
            Invoice("inv", 200m, D),
            new PaymentReceived(Id("pay"), Eur(150m), D),
            new PaymentApplied(Id("app"), Id("pay"), new InstallmentRef(Id("inv")), Eur(150m), D));

        var line = Preview(Settings(scheme), D.PlusDays(6), account).SingleLetter().LineOf("inv");

        Assert.Equal((Eur(50m), Eur(20m)), (line.OpenAmount, line.Fee));
    }

    // ---- 4. Delay rules per level (Tryton, Odoo, OCA) ----

    /// <summary>
    /// OCA credit control's "3 time policy": 10 days net (from the due date), 30 days end of month, 10 days after the
    /// previous reminder; every boundary inclusive. Due 2 March 2026: 12 March, 30 April (2 March + 30 = 1 April, end of
    /// month), 10 May.
    /// </summary>
    [Fact]
    public void Preview_OcaThreeTimePolicy_DailyRunsDunOnItsDates()
    {
        var scheme = new DunningScheme(new SchemeId("default"), [
            Level(10, 1) with { DelayRule = DunningDelayRule.AfterDueDate },
            Level(30, 2) with { DelayRule = DunningDelayRule.EndOfMonthAfterDueDate },
            Level(10, 3),
        ])
        { Comparison = DunningDayComparison.Inclusive, MaximumNotices = 3 };

        Assert.Equal(
            [(new LocalDate(2026, 3, 12), 1), (new LocalDate(2026, 4, 30), 2), (new LocalDate(2026, 5, 10), 3)],
            DailyNotices(Settings(scheme), Account("C-1", Invoice("inv", 100m, D)), 120));
    }

    /// <summary>Odoo's follow-up levels count their days from the due date: 15, 30 and 45 days after it.</summary>
    [Fact]
    public void Preview_OdooLevelsFromTheDueDate_DunOnDueDatePlusEachLevelsDays()
    {
        var scheme = new DunningScheme(new SchemeId("default"), [
            Level(15, 1) with { DelayRule = DunningDelayRule.AfterDueDate },
            Level(30, 2) with { DelayRule = DunningDelayRule.AfterDueDate },
            Level(45, 3) with { DelayRule = DunningDelayRule.AfterDueDate },
        ])
        { Comparison = DunningDayComparison.Inclusive, MaximumNotices = 3 };

        Assert.Equal([(D.PlusDays(15), 1), (D.PlusDays(30), 2), (D.PlusDays(45), 3)], DailyNotices(Settings(scheme), Account("C-1", Invoice("inv", 100m, D)), 100));
    }

    /// <summary>Counted from the due date, a level whose date has long passed still comes one level per run, a day after the previous.</summary>
    [Fact]
    public void Preview_FromTheDueDate_StillOneLevelPerRunAndDay()
    {
        var scheme = Scheme(5, 10, 15, DunningDayComparison.Inclusive) with { };
        scheme = scheme with { Levels = [.. scheme.Levels.Select(l => l with { DelayRule = DunningDelayRule.AfterDueDate })] };
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("inv", 100m, D));

        var first = Preview(settings, D.PlusDays(60), account);
        Assert.Equal(1, first.SingleLetter().LineOf("inv").Level);
        account = first.Issue(false, account)[0];
        Assert.Empty(Preview(settings, D.PlusDays(60), account).Letters);
        Assert.Equal(2, Preview(settings, D.PlusDays(61), account).SingleLetter().LineOf("inv").Level);
    }

    [Fact]
    public void Explain_FromTheDueDate_NamesTheRuleAndTheNextDate()
    {
        var scheme = new DunningScheme(new SchemeId("default"), [
            Level(10, 1) with { DelayRule = DunningDelayRule.AfterDueDate },
            Level(30, 2) with { DelayRule = DunningDelayRule.EndOfMonthAfterDueDate },
            Level(10, 3),
        ]);
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("inv", 100m, D)).RunAndIssue(settings, D.PlusDays(11));

        var line = Assert.Single(DunningEngine.Explain(account, settings, D.PlusDays(20)));

        Assert.Equal(new LocalDate(2026, 5, 1), line.NextLevelDate);
        var raised = Preview(settings, new LocalDate(2026, 5, 1), account).SingleLetter().LineOf("inv");
        Assert.Contains("end of the month", raised.Explanation, StringComparison.Ordinal);
    }

    // ---- 5. Before the due date (Odoo) ----

    /// <summary>
    /// Odoo's follow-up level with a negative delay: three days before the due date a courtesy reminder is proposed — not
    /// a letter, not a level, no fee — until the day before the due date; on the due date itself nothing.
    /// </summary>
    [Fact]
    public void Preview_CourtesyReminder_ProposedFromTheDaysBeforeTheDueDateUntilTheDayBefore()
    {
        var scheme = Scheme(5, 20, 40) with { CourtesyReminderDays = 3 };
        scheme = scheme with { Levels = [.. scheme.Levels.Select(l => l with { Fees = [DunningFee.PerLetter(Eur(5m))] })] };
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("inv", 100m, D));

        Assert.Empty(Preview(settings, D.PlusDays(-4), account).CourtesyReminders);
        foreach (var day in new[] { -3, -2, -1 })
        {
            var proposal = Preview(settings, D.PlusDays(day), account);
            var line = Assert.Single(proposal.CourtesyReminders);
            Assert.Empty(proposal.Letters);
            Assert.Equal((DunningLineStatus.CourtesyReminder, 0, Eur(0m)), (line.Status, line.Level, line.Fee));
            Assert.Equal("dunning.status.courtesyReminder", line.StatusTextKey);
        }

        Assert.Empty(Preview(settings, D, account).CourtesyReminders);
        Assert.Empty(Preview(Settings(), D.PlusDays(-3), account).CourtesyReminders);
        Assert.Empty(Preview(settings, Run(D.PlusDays(-3)) with { Level = 1 }, account).CourtesyReminders);
    }

    [Fact]
    public async Task SendCourtesyReminders_RecordsOnceAndNeverRaisesALevel()
    {
        var fixture = new DunningFixture();
        fixture.Settings.Set(Company, Settings(Scheme(5, 20, 40) with { CourtesyReminderDays = 7 }));
        await fixture.AddAsync(Customer("C-1"), Invoice("inv", 100m, D));
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(-5)));

        var sent = await fixture.Dunning.SendCourtesyRemindersAsync(Accountant, proposal);
        var journal = await fixture.JournalAsync(new CustomerId("C-1"));
        var again = await fixture.Dunning.SendCourtesyRemindersAsync(Accountant, proposal);

        Assert.Equal("RE-inv", Assert.Single(sent).DocumentNumber);
        Assert.Empty(again);
        Assert.Equal(journal.Count, (await fixture.JournalAsync(new CustomerId("C-1"))).Count);
        var account = await fixture.LoadAsync(new CustomerId("C-1"));
        Assert.Equal(CommunicationKind.Reminder, Assert.Single(account.Communications, c => c.Kind == CommunicationKind.Reminder).Kind);
        Assert.Equal(DunningState.None, account.Installment("inv").Dunning);
        Assert.Empty((await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(-4)))).CourtesyReminders);
        Assert.Equal(1, (await fixture.Dunning.PreviewAsync(Accountant, Run(D.PlusDays(6)))).SingleLetter().LineOf("inv").Level);
        await Assert.ThrowsAsync<AuthorizationException>(() => fixture.Dunning.SendCourtesyRemindersAsync(Viewer, proposal));
    }

    // ---- 6. Dunning interval per account (SAP) and one clock per customer (Odoo) ----

    [Fact]
    public void Preview_DunningInterval_NoLetterWithinTheIntervalOfTheLastOne()
    {
        var settings = Settings(Scheme(5, 20, 40) with { DunningIntervalDays = 14 });
        var account = Account("C-1", Invoice("a", 100m, D), Invoice("b", 100m, D.PlusDays(5))).RunAndIssue(settings, D.PlusDays(6));

        var held = Preview(settings, D.PlusDays(19), account);
        Assert.Empty(held.Letters);
        Assert.Equal(DunningExclusion.WithinDunningInterval, held.Excluded.Single(l => l.DocumentNumber == "RE-b").Exclusion);
        var explained = DunningEngine.Explain(account, settings, D.PlusDays(12)).Single(l => l.DocumentNumber == "RE-b");
        Assert.Equal(D.PlusDays(20), explained.NextLevelDate);

        var letter = Preview(settings, D.PlusDays(20), account).SingleLetter();
        Assert.Equal(DunningLineStatus.Raised, letter.LineOf("b").Status);
        Assert.Equal(DunningLineStatus.WaitingForNextLevel, letter.LineOf("a").Status);
    }

    [Fact]
    public void Preview_DunningInterval_CountsFromTheLatestLetterNotCancelled()
    {
        var settings = Settings(Scheme(5, 20, 40) with { DunningIntervalDays = 30 });
        var account = Account("C-1", Invoice("a", 100m, D), Invoice("b", 100m, D.PlusDays(5)));
        var proposal = Preview(settings, D.PlusDays(6), account);
        account = proposal.Issue(false, account)[0];
        Assert.Empty(Preview(settings, D.PlusDays(12), account).Letters);

        account = account.Post(new DunningLetterCancelled(Id("cancel"), proposal.SingleLetter().Id, D.PlusDays(7), "sent in error"));

        Assert.Equal(2, Preview(settings, D.PlusDays(12), account).SingleLetter().NoticeCount);
    }

    /// <summary>
    /// One clock per customer: after the level-1 letter of 8 March, a second invoice becomes overdue but does not trigger a
    /// letter of its own; it joins the customer's level-2 letter of 29 March (8 March + 20 days, strict), at level 1.
    /// </summary>
    [Fact]
    public void Preview_PerCustomerCadence_NewlyOverdueItemsJoinTheNextLetter()
    {
        var perCustomer = Settings(Scheme(5, 20, 40) with { Cadence = DunningCadence.PerCustomer });
        var account = Account("C-1", Invoice("a", 100m, D), Invoice("b", 100m, D.PlusDays(10))).RunAndIssue(perCustomer, D.PlusDays(6));

        Assert.NotEmpty(Preview(Settings(), D.PlusDays(16), account).Letters);
        Assert.Empty(Preview(perCustomer, D.PlusDays(16), account).Letters);
        Assert.Empty(Preview(perCustomer, D.PlusDays(26), account).Letters);
        var explained = DunningEngine.Explain(account, perCustomer, D.PlusDays(16)).Single(l => l.DocumentNumber == "RE-b");
        Assert.Equal((1, D.PlusDays(27)), (explained.NextLevel!.Value, explained.NextLevelDate!.Value));

        var letter = Preview(perCustomer, D.PlusDays(27), account).SingleLetter();

        Assert.Equal((DunningLineStatus.Raised, 2), (letter.LineOf("a").Status, letter.LineOf("a").Level));
        Assert.Equal((DunningLineStatus.Raised, 1), (letter.LineOf("b").Status, letter.LineOf("b").Level));
        Assert.Equal(2, letter.Level);
    }

    // ---- 7. One letter per level (SAP "dun by level") ----

    /// <summary>
    /// SAP prints a separate notice per dunning level when dunning by level: an item raised to level 2 and one raised to
    /// level 1 get two letters, each with its level's texts and fee.
    /// </summary>
    [Fact]
    public void Preview_OneLetterPerLevel_SeparateNoticesWithEachLevelsFee()
    {
        var scheme = new DunningScheme(new SchemeId("default"), [
            Level(5, 1) with { Fees = [DunningFee.PerLetter(Eur(1m))] },
            Level(20, 2) with { Fees = [DunningFee.PerLetter(Eur(5m))] },
            Level(40, 3),
        ])
        { OneLetterPerLevel = true };
        var settings = Settings(scheme);
        var account = Account("C-1", Invoice("a", 300m, D)).RunAndIssue(settings, D.PlusDays(6)).Post(Invoice("b", 100m, D.PlusDays(10)));

        var letters = Preview(settings, D.PlusDays(27), account).Letters;

        Assert.Equal(2, letters.Count);
        var low = letters.Single(l => l.Level == 1);
        var high = letters.Single(l => l.Level == 2);
        Assert.EndsWith("/L1", low.Id, StringComparison.Ordinal);
        Assert.Equal((Eur(100m), Eur(1m), "l1.header"), (low.OverdueTotal, low.FeeTotal, low.HeaderTextKey));
        Assert.Equal((Eur(300m), Eur(5m), "l2.header"), (high.OverdueTotal, high.FeeTotal, high.HeaderTextKey));
    }

    [Fact]
    public void SchemeSettings_DefaultToTodaysBehaviourAndRefuseBadValues()
    {
        var scheme = Scheme();
        var level = scheme.Levels[0];

        Assert.Equal((0, DunningCadence.PerInstallment, (int?)null), (scheme.DunningIntervalDays, scheme.Cadence, scheme.CourtesyReminderDays));
        Assert.Equal((DunningDelayRule.AfterPreviousNotice, 0m, 0), (level.DelayRule, level.MinimumPercent, level.MinimumAmounts.Count));
        Assert.ThrowsAny<ArgumentException>(() => scheme with { CourtesyReminderDays = 0 });
        Assert.ThrowsAny<ArgumentException>(() => scheme with { DunningIntervalDays = -1 });
        Assert.ThrowsAny<ArgumentException>(() => scheme with { Cadence = (DunningCadence)7 });
        Assert.ThrowsAny<ArgumentException>(() => level with { DelayRule = (DunningDelayRule)7 });
        Assert.Equal(3, (scheme with { CourtesyReminderDays = 3 }).CourtesyReminderDays);
    }

    private static List<(LocalDate Date, int Level)> DailyNotices(DunningSettings settings, CustomerAccount account, int days)
    {
        var notices = new List<(LocalDate, int)>();
        for (var day = 1; day <= days; day++)
        {
            var date = D.PlusDays(day);
            var proposal = Preview(settings, date, account);
            if (proposal.Letters.Count > 0)
            {
                notices.Add((date, proposal.SingleLetter().LineOf("inv").Level));
                account = proposal.Issue(false, account)[0];
            }
        }

        return notices;
    }
}
