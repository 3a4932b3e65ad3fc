using Debitor.Core.Credit;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

public sealed class CreditEntriesTests
{
    [Fact]
    public void CreditEntries_ChangeNeitherItemsNorBalances()
    {
        var before = NewAccount().Post(Invoice("1", 100m), Payment("p", 30m));

        var after = before.Post(
            new CreditBlockSet(Id("b"), CreditBlockLevel.Delivery, "bounced cheque"),
            new CreditControlOverridden(Id("o"), SalesDocumentKind.Delivery, [CreditRefusalReason.ManualBlock], "urgent spare part"),
            new CreditBlockLifted(Id("l")));

        Assert.Equal(LedgerModel.Snapshot(before), LedgerModel.Snapshot(after));
        Assert.Equal(before.Version + 3, after.Version);
        Assert.Equal(LedgerModel.Snapshot(after), LedgerModel.Snapshot(CustomerAccount.FromJournal(after.Journal)));
    }

    [Fact]
    public void CreditBlockSet_LevelNone_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewAccount().Post(new CreditBlockSet(Id("b"), CreditBlockLevel.None, "x")));

    [Fact]
    public void CreditBlockSet_UndefinedLevel_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewAccount().Post(new CreditBlockSet(Id("b"), (CreditBlockLevel)7, "x")));

    [Fact]
    public void CreditBlockSet_WithoutReason_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewAccount().Post(new CreditBlockSet(Id("b"), CreditBlockLevel.Delivery, " ")));

    [Fact]
    public void CreditBlockLifted_WithoutBlock_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewAccount().Post(new CreditBlockLifted(Id("l"))));

    [Fact]
    public void CreditBlockLifted_Twice_IsRefused()
    {
        var account = NewAccount().Post(new CreditBlockSet(Id("b"), CreditBlockLevel.Delivery, "x"), new CreditBlockLifted(Id("l1")));

        Assert.Throws<ArgumentException>(() => account.Post(new CreditBlockLifted(Id("l2"))));
    }

    [Fact]
    public void CreditControlOverridden_WithoutReasons_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewAccount().Post(new CreditControlOverridden(Id("o"), SalesDocumentKind.Order, [], "note")));

    [Fact]
    public void CreditControlOverridden_WithoutNote_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewAccount().Post(new CreditControlOverridden(Id("o"), SalesDocumentKind.Order, [CreditRefusalReason.Overdue], "")));

    [Fact]
    public void CreditControlOverridden_NegativeAmount_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewAccount().Post(
            new CreditControlOverridden(Id("o"), SalesDocumentKind.Order, [CreditRefusalReason.Overdue], "n", Amount: Eur(-1m))));

    [Fact]
    public void CreditControlOverridden_PostedAgain_IsANoOp()
    {
        var entry = new CreditControlOverridden(Id("o"), SalesDocumentKind.Order, [CreditRefusalReason.Overdue], "n", "SO-1", Eur(10m));
        var account = NewAccount().Post(entry);

        Assert.Equal(account.Version, account.Post(entry with { Reasons = [CreditRefusalReason.Overdue] }).Version);
        Assert.Throws<DuplicateEntryException>(() => account.Post(entry with { Reasons = [CreditRefusalReason.ManualBlock] }));
    }
}
