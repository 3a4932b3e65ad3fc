using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using FsCheck.Xunit;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

/// <summary>Invariants of dunning runs over generated portfolios (issue 6).</summary>
public sealed class DunningProperties
{
    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 60)]
    public async Task Preview_ChangesNothing(DunningScenario scenario)
    {
        var fixture = await StoreAsync(scenario);
        var ids = scenario.Accounts().Select(a => a.Id).ToList();
        var before = await Task.WhenAll(ids.Select(fixture.JournalAsync));

        foreach (var asOf in scenario.RunDates)
        {
            _ = await fixture.Dunning.PreviewAsync(Accountant, Run(asOf));
        }

        var after = await Task.WhenAll(ids.Select(fixture.JournalAsync));
        Assert.Equal(before.Select(j => j.ToList()), after.Select(j => j.ToList()));
        Assert.Empty(fixture.Output.Letters);
    }

    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 60)]
    public async Task Process_SameProposalTwice_IsIdempotent(DunningScenario scenario)
    {
        var fixture = await StoreAsync(scenario);
        var ids = scenario.Accounts().Select(a => a.Id).ToList();
        foreach (var asOf in scenario.RunDates)
        {
            fixture.On(asOf);
            var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(asOf) with { PostFees = scenario.Fees });
            var first = await fixture.Dunning.ProcessAsync(Accountant, proposal);
            var once = await Task.WhenAll(ids.Select(fixture.JournalAsync));
            var letters = fixture.Output.Letters.Select(l => l.Id).ToHashSet();

            var second = await fixture.Dunning.ProcessAsync(Accountant, proposal);

            // The second processing writes nothing and returns (and hands over again, under the same ids) what the first issued.
            Assert.Equal(proposal.Letters.Select(l => l.Id), first.Issued.Select(l => l.Id));
            Assert.Equal(first.Issued.Select(l => (l.Id, l.TotalDue, l.Lines.Count)), second.Issued.Select(l => (l.Id, l.TotalDue, l.Lines.Count)));
            Assert.Equal(once.Select(j => j.Count), (await Task.WhenAll(ids.Select(fixture.JournalAsync))).Select(j => j.Count));
            Assert.Equal(letters, fixture.Output.Letters.Select(l => l.Id).ToHashSet());
        }
    }

    [Property(Arbitrary = [typeof(DunningArbitraries)])]
    public void Levels_NeverDecreaseAndRiseByAtMostOnePerRun(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            var before = States(accounts);
            accounts = Preview(settings, asOf, accounts).Issue(scenario.Fees, accounts);
            var after = States(accounts);

            foreach (var (installment, old) in before)
            {
                var now = after[installment];
                Assert.InRange(now.Level - old.Level, 0, 1);
                Assert.InRange(now.NoticeCount - old.NoticeCount, 0, 1);
            }
        }
    }

    [Property(Arbitrary = [typeof(DunningArbitraries)])]
    public void Letters_NeverMixCurrenciesAndTheirTotalsAddUp(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            var proposal = Preview(settings, asOf, accounts);
            foreach (var letter in proposal.Letters)
            {
                Assert.All(letter.Lines.Concat(letter.ItemsNotYetDue), l => Assert.Equal(letter.Currency, l.Currency));
                Assert.All(letter.Credits, c => Assert.Equal(letter.Currency, c.OpenAmount.Currency));
                Assert.All(letter.Fees, f => Assert.Equal(letter.Currency, f.Amount.Currency));
                Assert.True(letter.NetOverdue.IsPositive);
                Assert.Equal(letter.OverdueTotal.Amount, letter.Lines.Sum(l => l.OpenAmount.Amount));
                Assert.Equal(letter.CreditTotal.Amount, letter.Credits.Sum(c => c.OpenAmount.Amount));
                Assert.Equal(letter.FeeTotal.Amount, letter.Fees.Sum(f => f.Amount.Amount));
                Assert.Equal(letter.FeeTotal.Amount - letter.Fees.Where(f => f.Kind != DunningFeeKind.PerItem).Sum(f => f.Amount.Amount), letter.Lines.Sum(l => l.Fee.Amount));
                Assert.Equal(letter.InterestTotal.Amount, letter.Lines.Sum(l => l.Interest.Amount));
                Assert.Equal(letter.NoticeCount, letter.Lines.Count(l => l.IssuesNotice));
                Assert.Equal(letter.Level, letter.Lines.Where(l => l.IssuesNotice).Max(l => l.Level));
            }

            accounts = proposal.Issue(scenario.Fees, accounts);
        }
    }

    // (a) Letter interest is the interest invoice's, line by line (consumers and businesses alike).
    [Property(Arbitrary = [typeof(DunningArbitraries)])]
    public void EveryLine_StatesWhatAnInterestInvoiceOnTheLetterDateCharges(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            var proposal = Preview(settings, asOf, accounts);
            var byId = accounts.ToDictionary(a => a.Id);
            foreach (var line in proposal.Letters.SelectMany(l => l.Lines))
            {
                var account = byId[line.Customer];
                var invoices = InterestInvoicing.Prepare(account, InterestSchemeCatalog.Default.For(account.Customer), asOf, "ZR");
                var invoiced = invoices.SelectMany(i => i.Items).SelectMany(i => i.Installments).FirstOrDefault(i => i.Installment == line.Installment)?.Total.Amount ?? 0m;
                var levelCharges = line.IsInvoice && line.Level >= 2;
                Assert.Equal(levelCharges ? invoiced : 0m, line.Interest.Amount);
                Assert.InRange(line.Interest.Amount - line.InterestPeriods.Sum(p => p.Amount.Amount), -0.01m * line.InterestPeriods.Count, 0.01m * line.InterestPeriods.Count);
                Assert.All(line.InterestPeriods, p => Assert.Equal(
                    BaseRateTable.Germany.RateOn(p.FirstDay) + (account.Customer.IsConsumer ? 5m : 9m),
                    p.AnnualRatePercent));
            }

            accounts = proposal.Issue(scenario.Fees, accounts);
        }
    }

    // (b) Another customer's or another item's activity never changes an item's stated interest or fee.
    [Property(Arbitrary = [typeof(DunningArbitraries)])]
    public void StatedInterestAndFee_DoNotDependOnOtherCustomersOrItems(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            var proposal = Preview(settings, asOf, accounts);
            var together = proposal.Letters.SelectMany(l => l.Lines).ToDictionary(l => (l.Customer, l.Installment));
            foreach (var account in accounts)
            {
                var extra = account.Post(new InvoicePosted(Id(account.Id.Value + "-extra"), "RE-X", asOf.PlusDays(-200), asOf.PlusDays(-100), Eur(777.77m), [new Installment(Eur(777.77m))]));
                var alone = Preview(settings, asOf, extra).Letters.SelectMany(l => l.Lines);
                foreach (var line in alone)
                {
                    if (together.TryGetValue((line.Customer, line.Installment), out var shared) && shared.Level == line.Level && shared.Status == line.Status)
                    {
                        Assert.Equal(shared.Interest, line.Interest);
                        Assert.Equal(shared.Fee, line.Fee);
                    }
                }
            }

            accounts = proposal.Issue(scenario.Fees, accounts);
        }
    }

    // (c) Nothing vanishes: every open overdue item of a customer in scope is on exactly one letter or excluded.
    [Property(Arbitrary = [typeof(DunningArbitraries)])]
    public void EveryOverdueItem_IsOnExactlyOneLetterOrExcluded(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            var proposal = Preview(settings, asOf, accounts);
            var reported = proposal.Letters.SelectMany(l => l.Lines).Concat(proposal.Excluded).Select(l => (l.Customer, l.Installment)).ToList();
            var overdue = accounts.SelectMany(a => a.Items.SelectMany(i => i.Installments).Where(n => n.IsOpen && n.DueDate < asOf).Select(n => (a.Id, n.Ref))).ToList();

            Assert.Equal(reported.Count, reported.Distinct().Count());
            Assert.Equal(overdue.OrderBy(k => k.Id.Value).ThenBy(k => k.Ref.Item.Value).ThenBy(k => k.Ref.Number), reported.OrderBy(k => k.Customer.Value).ThenBy(k => k.Installment.Item.Value).ThenBy(k => k.Installment.Number));
            Assert.All(proposal.Excluded, l => Assert.NotNull(l.Exclusion));
            accounts = proposal.Issue(scenario.Fees, accounts);
        }
    }

    // (d) Explain says "due now" exactly when the run issues the notice; the forecast date is the first day a run issues it.
    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 60)]
    public void Explain_IsTheRun(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            foreach (var account in accounts)
            {
                var payer = account.Customer.Payer is { } id ? accounts.FirstOrDefault(a => a.Id == id) : null;
                CustomerAccount[] group = payer is null ? [account] : [account, payer];
                DunningProposal RunOn(LocalDate date) => DunningEngine.Preview(Run(date) with { Customer = account.Id }, settings, group);
                var issued = RunOn(asOf).Letters.SelectMany(l => l.Lines).Where(l => l.IssuesNotice && l.Customer == account.Id).Select(l => (l.Installment, l.Level)).ToHashSet();
                foreach (var line in DunningEngine.Explain(account, settings, InterestSchemeCatalog.Default, asOf, payer))
                {
                    Assert.Equal(issued.Contains((line.Installment, line.Level)), line.IssuesNotice);
                    if (line.Forecast() is [var next, ..] && next.Date > asOf)
                    {
                        Assert.Contains(RunOn(next.Date).Letters.SelectMany(l => l.Lines), l => l.Installment == line.Installment && l.IssuesNotice && l.Level == next.Level);
                        Assert.DoesNotContain(RunOn(next.Date.PlusDays(-1)).Letters.SelectMany(l => l.Lines), l => l.Installment == line.Installment && l.IssuesNotice && l.Level == next.Level && next.Date.PlusDays(-1) > asOf);
                    }
                }
            }

            accounts = Preview(settings, asOf, accounts).Issue(scenario.Fees, accounts);
        }
    }

    // (f) Issue 17: a courtesy reminder is for an open installment not yet due and never dunned, and never on a letter.
    [Property(Arbitrary = [typeof(DunningArbitraries)])]
    public void CourtesyReminders_AreNotYetDueNeverDunnedAndOnNoLetter(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var days = scenario.Options?.CourtesyDays ?? 0;
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            var proposal = Preview(settings, asOf, accounts);
            var onLetters = proposal.Letters.SelectMany(l => l.Lines.Concat(l.ItemsNotYetDue)).Where(l => l.Status != DunningLineStatus.NotYetDue).Select(l => (l.Customer, l.Installment)).ToHashSet();
            Assert.All(proposal.CourtesyReminders, line =>
            {
                Assert.InRange(line.DueDate, asOf.PlusDays(1), asOf.PlusDays(days));
                Assert.Equal((0, 0, DunningLineStatus.CourtesyReminder), (line.PreviousNotices, line.Level, line.Status));
                Assert.DoesNotContain((line.Customer, line.Installment), onLetters);
            });
            if (days == 0)
            {
                Assert.Empty(proposal.CourtesyReminders);
            }

            accounts = proposal.Issue(scenario.Fees, accounts);
        }
    }

    // (e) A due-date change moves exactly the installments it names.
    [Property(MaxTest = 200)]
    public void DueDateChange_MovesExactlyTheNamedInstallments(byte parts, byte named, sbyte shift)
    {
        var count = 1 + (parts % 3);
        var numbers = Enumerable.Range(1, count).Where(n => (named & (1 << (n - 1))) != 0).ToArray();
        var installments = Enumerable.Range(1, count).Select(n => new Installment(Eur(100m), n == 1 ? null : D.PlusDays(30 * n), n == 1 ? InstallmentKind.Prepayment : InstallmentKind.Regular)).ToList();
        var account = Account("C-1", new InvoicePosted(Id("inv"), "RE-1", D.PlusDays(-30), D, Eur(100m * count), installments));
        var before = account.FindItem(Id("inv"))!.Installments.Select(i => i.DueDate).ToArray();
        var newDue = D.PlusDays(shift);

        var after = account.Post(new DueDateChanged(Id("due"), Id("inv"), newDue, "agreed") { Installments = numbers }).FindItem(Id("inv"))!.Installments;

        for (var n = 1; n <= count; n++)
        {
            var moved = numbers.Length == 0 || numbers.Contains(n);
            Assert.Equal(moved ? newDue : before[n - 1], after[n - 1].DueDate);
            Assert.Equal(moved, after[n - 1].DueDateOverride is { } o && o.OldDueDate == before[n - 1] && o.NewDueDate == newDue);
        }
    }

    private static Dictionary<(CustomerId, InstallmentRef), DunningState> States(CustomerAccount[] accounts) =>
        accounts.SelectMany(a => a.Items.SelectMany(i => i.Installments).Select(n => (Key: (a.Id, n.Ref), n.Dunning)))
            .ToDictionary(x => x.Key, x => x.Dunning);

    internal static async Task<DunningFixture> StoreAsync(DunningScenario scenario)
    {
        var fixture = new DunningFixture();
        fixture.Settings.Set(Company, scenario.Settings());
        foreach (var account in scenario.Accounts())
        {
            await fixture.Store.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None);
        }

        return fixture;
    }
}
