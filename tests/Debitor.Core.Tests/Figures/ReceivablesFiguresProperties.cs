using Debitor.Core.Figures;
using Debitor.Core.Statements;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Figures;

public sealed class ReceivablesFiguresProperties
{
    private static Gen<DateInterval> PeriodGen() =>
        from start in CreditArbitraries.AsOfGen()
        from length in Gen.Choose(1, 400)
        select new DateInterval(start, start.PlusDays(length - 1));

    /// <summary>DSO and turnover do not depend on the order the accounts, or the movements within them, are listed in.</summary>
    [Property(MaxTest = 200)]
    public Property TurnoverAndDso_AreInvariantToTheOrderOfItems() =>
        Prop.ForAll(CreditArbitraries.Portfolios(), PeriodGen().Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(), (histories, setup) =>
        {
            var (period, seed) = setup;
            var accounts = histories.Select((h, i) => h.Build("C-" + i)).ToList();
            var random = new Random(seed);
            var shuffledAccounts = accounts.OrderBy(_ => random.Next()).ToList();
            var movements = accounts.SelectMany(LedgerMovements.Of).ToList();
            var shuffledMovements = movements.OrderBy(_ => random.Next()).ToList();

            var expected = ReceivablesFigures.Turnover(accounts, period);

            return expected.SequenceEqual(ReceivablesFigures.Turnover(shuffledAccounts, period))
                && expected.SequenceEqual(ReceivablesFigures.Turnover(shuffledMovements, period))
                && expected.SequenceEqual(ReceivablesFigures.Turnover(Enumerable.Reverse(movements), period));
        });

    /// <summary>The closing receivables are the ledger balance when the period ends after every movement, and the average lies between the extremes.</summary>
    [Property(MaxTest = 200)]
    public Property Turnover_ClosingReceivablesAreTheLedgerBalance() =>
        Prop.ForAll(CreditArbitraries.DatedHistories(), history =>
        {
            var account = history.Build();
            var period = new DateInterval(new LocalDate(2026, 1, 1), DatedHistory.Last);

            return ReceivablesFigures.Turnover(account, period).All(t => t.ClosingReceivables == account.BalanceIn(t.Currency)
                && (t.DaysSalesOutstanding is null || t.DaysSalesOutstanding >= 0m)
                && (t.Turnover is null || t.Turnover >= 0m));
        });
}
