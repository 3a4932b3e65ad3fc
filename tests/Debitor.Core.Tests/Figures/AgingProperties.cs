using Debitor.Core.Figures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Figures;

public sealed class AgingProperties
{
    private static Gen<AgingSchedule> ScheduleGen() =>
        Gen.Choose(1, 60).ArrayOf().Select(steps =>
        {
            var bound = 0;
            return new AgingSchedule(steps.Take(6).Select(step => bound += step).ToArray());
        });

    /// <summary>Per currency, the buckets add up to the total open amount of the claims, and with the unapplied credits to the ledger balance.</summary>
    [Property(MaxTest = 300)]
    public Property Buckets_AddUpToTheTotalOpenAmount() =>
        Prop.ForAll(
            CreditArbitraries.DatedHistories(),
            ScheduleGen().Zip(CreditArbitraries.AsOfGen()).ToArbitrary(),
            (history, setup) =>
            {
                var account = history.Build();
                var (schedule, asOf) = setup;
                var report = Aging.ForAccount(account, asOf, schedule);

                return report.Lines.All(line =>
                        line.Buckets.Count == schedule.Buckets.Count
                        && line.Buckets.Sum(b => b.Amount) == line.Total.Amount
                        && line.Total.Amount == account.Items.Where(i => i.IsClaim && i.Currency == line.Currency).Sum(i => i.OpenAmount.Amount)
                        && line.Balance == account.BalanceIn(line.Currency)
                        && line.Buckets.All(b => b.Amount >= 0m))
                    && account.Items.Where(i => i.OpenAmount.IsPositive).All(i => report.LineIn(i.Currency) is not null);
            });

    /// <summary>The aging across customers is the sum of the aging of each.</summary>
    [Property(MaxTest = 100)]
    public Property ForAccounts_IsTheSumOfEachAccount() =>
        Prop.ForAll(CreditArbitraries.Portfolios(), histories =>
        {
            var accounts = histories.Select((h, i) => h.Build("C-" + i)).ToList();
            var asOf = new LocalDate(2026, 6, 30);
            var total = Aging.ForAccounts(accounts, asOf, AgingSchedule.Standard);
            var each = accounts.Select(a => Aging.ForAccount(a, asOf, AgingSchedule.Standard)).ToList();

            return total.Lines.All(line => Enumerable.Range(0, line.Buckets.Count).All(b =>
                    line.Buckets[b].Amount == each.Sum(r => r.LineIn(line.Currency)?.Buckets[b].Amount ?? 0m))
                    && line.UnappliedCredits.Amount == each.Sum(r => r.LineIn(line.Currency)?.UnappliedCredits.Amount ?? 0m))
                && total.Accounts == accounts.Count;
        });
}
