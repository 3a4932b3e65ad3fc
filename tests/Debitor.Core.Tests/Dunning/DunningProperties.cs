using Debitor.Core.Dunning;
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
            var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(asOf) with { PostFees = scenario.Fees });
            var first = await fixture.Dunning.ProcessAsync(Accountant, proposal);
            var once = await Task.WhenAll(ids.Select(fixture.JournalAsync));
            var letters = fixture.Output.Letters.Count;

            var second = await fixture.Dunning.ProcessAsync(Accountant, proposal);

            Assert.Equal(proposal.Letters.Select(l => l.Id), first.Issued.Select(l => l.Id));
            Assert.Empty(second.Issued);
            Assert.Equal(once.Select(j => j.Count), (await Task.WhenAll(ids.Select(fixture.JournalAsync))).Select(j => j.Count));
            Assert.Equal(letters, fixture.Output.Letters.Count);
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

    [Property(Arbitrary = [typeof(DunningArbitraries)])]
    public void EveryDueItem_IsOnExactlyOneLetterOrExcludedWithItsLetter(DunningScenario scenario)
    {
        var settings = scenario.Settings();
        var accounts = scenario.Accounts();
        foreach (var asOf in scenario.RunDates)
        {
            var proposal = Preview(settings, asOf, accounts);
            var listed = proposal.Letters.SelectMany(l => l.Lines).Select(l => (l.Customer, l.Installment)).ToList();
            var notices = proposal.Letters.SelectMany(l => l.Lines).Where(l => l.IssuesNotice).Select(l => (l.Customer, l.Installment)).ToHashSet();
            var excluded = proposal.Excluded.ToDictionary(l => (l.Customer, l.Installment), l => l.Exclusion!.Value);

            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.DoesNotContain(listed, excluded.ContainsKey);
            foreach (var account in accounts)
            {
                foreach (var line in DunningEngine.Explain(account, settings, asOf))
                {
                    var key = (line.Customer, line.Installment);
                    if (line.Status is DunningLineStatus.Raised or DunningLineStatus.Repeated)
                    {
                        Assert.True(
                            notices.Contains(key) || excluded.GetValueOrDefault(key) is DunningExclusion.NetOverdueNotPositive or DunningExclusion.BelowLetterMinimum,
                            $"{line} is due but neither dunned nor excluded with its letter");
                    }
                    else if (line.Status == DunningLineStatus.Excluded)
                    {
                        Assert.Equal(line.Exclusion, excluded[key]);
                    }
                    else
                    {
                        Assert.DoesNotContain(key, notices);
                    }
                }
            }

            accounts = proposal.Issue(scenario.Fees, accounts);
        }
    }

    private static Dictionary<(CustomerId, InstallmentRef), DunningState> States(CustomerAccount[] accounts) =>
        accounts.SelectMany(a => a.Items.SelectMany(i => i.Installments).Select(n => (Key: (a.Id, n.Ref), n.Dunning)))
            .ToDictionary(x => x.Key, x => x.Dunning);

    private static async Task<DunningFixture> StoreAsync(DunningScenario scenario)
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
