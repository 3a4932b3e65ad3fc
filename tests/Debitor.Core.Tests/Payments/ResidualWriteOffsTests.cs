using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.PaymentTestData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

public sealed class ResidualWriteOffsTests
{
    private static CustomerAccount PartlyPaid(decimal invoice, decimal paid, LocalDate? valueDate = null)
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", invoice));
        return account.PostAllocation(Allocate(account, Pay(paid, valueDate ?? Day(40))));
    }

    [Fact]
    public void Find_ResidualBelowThreshold_IsFound()
    {
        var residual = Assert.Single(ResidualWriteOffs.Find(PartlyPaid(100m, 99.95m), [Eur(0.10m)], Day(45)));

        Assert.Equal(new ResidualItem(new InstallmentRef(Id("inv-1")), "RE-inv-1", Eur(0.05m)), residual);
    }

    [Fact]
    public void Find_ResidualEqualToThreshold_IsNotBelowIt()
    {
        Assert.Empty(ResidualWriteOffs.Find(PartlyPaid(100m, 99.90m), [Eur(0.10m)], Day(45)));
    }

    [Fact]
    public void Find_NeverPaidSmallItem_IsNoResidual()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 0.05m));

        Assert.Empty(ResidualWriteOffs.Find(account, [Eur(0.10m)], Day(45)));
    }

    [Fact]
    public void Find_PaidAfterTheAsOfDate_IsNoResidualYet()
    {
        Assert.Empty(ResidualWriteOffs.Find(PartlyPaid(100m, 99.95m, Day(50)), [Eur(0.10m)], Day(45)));
    }

    [Fact]
    public void Find_NoThresholdForTheCurrency_LeavesItAlone()
    {
        Assert.Empty(ResidualWriteOffs.Find(PartlyPaid(100m, 99.95m), [Usd(1m)], Day(45)));
    }

    [Fact]
    public void Find_TwoThresholdsInOneCurrency_Throws()
    {
        Assert.Throws<ArgumentException>(() => ResidualWriteOffs.Find(NewAccount(), [Eur(1m), Eur(2m)], Day(45)));
        Assert.Throws<ArgumentException>(() => ResidualWriteOffs.Find(NewAccount(), [Eur(0m)], Day(45)));
    }
}
