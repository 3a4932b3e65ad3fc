using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.PaymentTestData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

public sealed class PaymentEntriesTests
{
    [Fact]
    public void For_DerivesEveryIdFromThePayment()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m, tolerance: new PaymentTolerance(1m, 5m))).Post(
            InvoiceOn("inv-1", 1000m), InvoiceOn("inv-2", 200m, documentDate: Day(-60)));
        var allocation = Allocate(account, Pay(1178m, Day(5), reference: "RE-inv-1"));

        var entries = PaymentEntries.For(allocation, account.Id);

        Assert.Equal(
            ["pay-1", "pay-1/apply/1", "pay-1/discount/1", "pay-1/apply/2", "pay-1/tolerance/1"],
            entries.Select(e => e.Id.Value));
    }

    [Fact]
    public void For_AccountWithoutShare_GetsNothing()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 100m));

        Assert.Empty(PaymentEntries.For(Allocate(account, Pay(10m, Day(5))), new CustomerId("C-9999")));
    }

    [Fact]
    public void Recorded_SameSettings_GivesTheOriginalAllocation()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m)).Post(InvoiceOn("inv-1", 1000m), Charge("fee-1", ChargeKind.DunningFee, 5m, related: "inv-1"));
        var allocation = Allocate(account, Pay(500m, Day(40)));
        var after = account.PostAllocation(allocation).Post(InvoiceOn("later", 10m));

        var (part, portion) = PaymentEntries.Recorded(after, Pay(500m, Day(40)), AllocationSettings.Default)!.Value;

        Assert.Equal(allocation.Lines, part.Lines);
        Assert.Equal(allocation.Differences, part.Differences);
        Assert.Equal(Eur(500m), portion);
    }

    [Fact]
    public void Recorded_NotThere_IsNull()
    {
        Assert.Null(PaymentEntries.Recorded(NewAccount(), Pay(1m, Day(1)), AllocationSettings.Default));
    }

    [Fact]
    public void Recorded_IdOfAnotherEntry_IsADuplicate()
    {
        var account = NewAccount().Post(InvoiceOn("pay-1", 10m));

        Assert.Throws<DuplicateEntryException>(() => PaymentEntries.Recorded(account, Pay(1m, Day(1)), AllocationSettings.Default));
    }
}
