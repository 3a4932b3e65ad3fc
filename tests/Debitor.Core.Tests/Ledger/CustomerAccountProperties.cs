using Debitor.Core.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

public sealed class CustomerAccountProperties
{
    private static Arbitrary<(int, int)[]> Histories() =>
        Gen.Choose(0, 9).Zip(Gen.Choose(0, 1_000_000)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 200)]
    public Property SumOfOpenAmounts_EqualsDebitsMinusCreditsPerCurrency() =>
        Prop.ForAll(Histories(), seeds =>
        {
            var account = LedgerModel.Build(seeds);
            var expected = LedgerModel.JournalBalances(account.Journal);

            return account.Balances.All(b => b.Amount == expected.GetValueOrDefault(b.Currency))
                && expected.All(e => account.BalanceIn(e.Key).Amount == e.Value);
        });

    [Property(MaxTest = 200)]
    public Property OpenAmounts_AreNeverNegativeNorAboveTheOriginal() =>
        Prop.ForAll(Histories(), seeds =>
        {
            var account = LedgerModel.Build(seeds);

            return account.Items.All(i => i.OpenAmount.Amount >= 0m && i.OpenAmount <= i.OriginalAmount)
                && account.Items.SelectMany(i => i.Installments).All(n => n.OpenAmount.Amount >= 0m && n.OpenAmount <= n.Amount)
                && account.Items.Where(i => i.IsClaim && i.Status != ItemStatus.Reversed)
                    .All(i => i.OpenAmount.Amount == i.Installments.Sum(n => n.OpenAmount.Amount));
        });

    [Property(MaxTest = 200)]
    public Property Replay_GivesTheSameView() =>
        Prop.ForAll(Histories(), seeds =>
        {
            var account = LedgerModel.Build(seeds);

            return LedgerModel.Snapshot(CustomerAccount.FromJournal(account.Journal)) == LedgerModel.Snapshot(account);
        });

    [Property(MaxTest = 200)]
    public Property Reversal_RestoresThePreviousViewExactly() =>
        Prop.ForAll(Histories(), Gen.Choose(0, 9).Zip(Gen.Choose(0, 1_000_000)).ToArbitrary(), (seeds, last) =>
        {
            var before = LedgerModel.Build(seeds);
            var entry = LedgerModel.Next(before, last.Item1 is 6 or 7 or 9 ? 0 : last.Item1, last.Item2, "x");
            if (entry is null)
            {
                return true;
            }

            var reversed = before.Post(entry).Post(new EntryReversed(Id("x-rev"), entry.Id, Today, "undo"));

            return LedgerModel.Snapshot(reversed, i => i.Id != entry.Id) == LedgerModel.Snapshot(before)
                && (reversed.FindItem(entry.Id) is null or { Status: ItemStatus.Reversed, OpenAmount.IsZero: true });
        });

    [Property(MaxTest = 100)]
    public Property PostingAnyEntryAgain_ChangesNothing() =>
        Prop.ForAll(Histories(), Gen.Choose(0, 10_000).ToArbitrary(), (seeds, pick) =>
        {
            var account = LedgerModel.Build(seeds);
            var entry = account.Journal[pick % account.Journal.Count].Entry;
            if (entry is CustomerRegistered)
            {
                return true;
            }

            var again = account.Post(entry);

            return again.Version == account.Version && LedgerModel.Snapshot(again) == LedgerModel.Snapshot(account);
        });
}
