using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

public sealed class PaymentAllocationProperties
{
    private static decimal OpenClaims(CustomerAccount account) =>
        account.Items.Where(i => i.IsClaim && i.Currency == Currency.EUR).Sum(i => i.OpenAmount.Amount);

    [Property(MaxTest = 300)]
    public Property Allocation_ConservesMoney() =>
        Prop.ForAll(PaymentArbitraries.Scenarios(), scenario =>
        {
            var before = scenario.Account();
            var allocation = PaymentAllocator.Allocate(before, scenario.Payment, scenario.Settings);
            var after = before.Post([.. PaymentEntries.For(allocation, before.Id)]);
            var payment = scenario.Payment.Amount;

            // Every cent of the payment is applied, written off as a surplus within the tolerance, or stays as credit; open
            // items shrink by what is applied plus what is discounted or written off (neither of which the payment pays).
            return (payment == allocation.Applied + allocation.OverpaymentWriteOff + allocation.UnappliedCredit).Label("payment = applied + surplus written off + unapplied")
                .And((allocation.ReducedOpenItems == allocation.Applied + allocation.CashDiscount + allocation.ToleranceWriteOff).Label("reduction = applied + discount + write-off"))
                .And((OpenClaims(before) - OpenClaims(after) == allocation.ReducedOpenItems.Amount).Label("open claims shrink by the reduction"))
                .And((before.BalanceIn(Currency.EUR) - after.BalanceIn(Currency.EUR) == payment - allocation.OverpaymentWriteOff + allocation.CashDiscount + allocation.ToleranceWriteOff).Label("balance"))
                .And((after.FindItem(scenario.Payment.Id)!.OpenAmount == allocation.UnappliedCredit).Label("unapplied credit on the account"));
        });

    [Property(MaxTest = 300)]
    public Property Allocation_NeverMakesAnAmountNegative() =>
        Prop.ForAll(PaymentArbitraries.Scenarios(), scenario =>
        {
            var before = scenario.Account();
            var allocation = PaymentAllocator.Allocate(before, scenario.Payment, scenario.Settings);
            var after = before.Post([.. PaymentEntries.For(allocation, before.Id)]);

            return allocation.Lines.All(l => l.Amount.IsPositive)
                && !allocation.UnappliedCredit.IsNegative
                && after.Items.SelectMany(i => i.Installments).All(n => !n.OpenAmount.IsNegative)
                && after.Items.All(i => !i.OpenAmount.IsNegative);
        });

    [Property(MaxTest = 300)]
    public Property Allocation_DoesNotDependOnTheOrderItemsAreListed() =>
        Prop.ForAll(PaymentArbitraries.Scenarios(), scenario =>
        {
            var one = PaymentAllocator.Allocate(scenario.Account(), scenario.Payment, scenario.Settings);
            var other = PaymentAllocator.Allocate(scenario.ShuffledAccount(), scenario.Payment, scenario.Settings);

            return one.Lines.SequenceEqual(other.Lines) && one.Differences.SequenceEqual(other.Differences);
        });

    [Property(MaxTest = 300)]
    public Property ApplyThenReturn_RestoresTheAccountExactly() =>
        Prop.ForAll(PaymentArbitraries.Scenarios(), scenario =>
        {
            var before = scenario.Account();
            var allocation = PaymentAllocator.Allocate(before, scenario.Payment, scenario.Settings);
            var applied = before.Post([.. PaymentEntries.For(allocation, before.Id)]);
            var (entries, reopened) = PaymentReturns.For(applied, scenario.Payment.Id, scenario.Payment.ValueDate.PlusDays(5), ReturnKind.DirectDebit, null);
            var returned = applied.Post([.. entries]);

            bool NotThePayment(OpenItem item) => item.Id != scenario.Payment.Id;
            return (LedgerModel.Snapshot(returned, NotThePayment) == LedgerModel.Snapshot(before, NotThePayment)).Label("snapshot")
                .And((reopened.Sum(r => r.Amount.Amount) == allocation.Applied.Amount).Label("reopened = applied"))
                .And((returned.FindItem(scenario.Payment.Id)!.Status == ItemStatus.Returned).Label("returned"));
        });

    [Property(MaxTest = 200)]
    public Property DesignatedItems_AreServedFirst() =>
        Prop.ForAll(PaymentArbitraries.Scenarios(), scenario =>
        {
            var allocation = PaymentAllocator.Allocate(scenario.Account(), scenario.Payment, scenario.Settings);
            var rules = allocation.Lines.Where(l => l.Kind == AllocationLineKind.Payment && l.Rule != AllocationRule.CostsInterestPrincipal).Select(l => l.Rule).ToList();
            var firstOther = rules.FindIndex(r => r != AllocationRule.Designation);

            return firstOther < 0 || rules.Skip(firstOther).All(r => r != AllocationRule.Designation);
        });

    [Property(MaxTest = 300)]
    public Property Allocation_OverpaymentWithinTolerance_LeavesNothingOpenAndNoCredit() =>
        Prop.ForAll(Gen.Choose(1, 5_000_000).Zip(Gen.Choose(0, 1_000_000)).ToArbitrary(), seeds =>
        {
            var (cents, seed) = seeds;
            var tolerance = (seed % 3) switch
            {
                0 => new PaymentTolerance(1m, 5m),
                1 => new PaymentTolerance(0m, 2.50m),
                _ => new PaymentTolerance(2m, 0m),
            };
            var customer = PaymentTestData.CustomerWith(discountPercent: seed / 3 % 2 == 0 ? 2m : 0m, toleranceDays: seed / 6 % 4, tolerance: tolerance);
            var account = NewAccount(customer).Post(PaymentTestData.InvoiceOn("inv-1", Money.FromMinorUnits(cents, Currency.EUR).Amount));
            var installment = account.FindInstallment(new InstallmentRef(Id("inv-1")))!;
            var limit = account.ToleranceLimitOf(installment).ToMinorUnitsExact();
            var valueDate = PaymentTestData.Day(seed / 24 % 40);
            var need = installment.OpenAmount - (account.CashDiscountOn(installment, valueDate)?.Amount ?? Money.Zero(Currency.EUR));
            var surplus = limit == 0 ? 0 : 1 + (seed / 960 % limit);
            var payment = new IncomingPayment(Id("pay-1"), need + Money.FromMinorUnits(surplus, Currency.EUR), valueDate);

            var allocation = PaymentAllocator.Allocate(account, payment, AllocationSettings.Default with { ToleranceScope = seed / 2 % 2 == 0 ? ToleranceScope.PerDebt : ToleranceScope.Pooled });
            var after = account.PostAllocation(allocation);

            return (after.Items.All(i => i.OpenAmount.IsZero)).Label("nothing open, no credit")
                .And((allocation.UnappliedCredit.IsZero && allocation.OverpaymentWriteOff == Money.FromMinorUnits(surplus, Currency.EUR)).Label("the surplus is written off"))
                .And((after.BalanceIn(Currency.EUR).IsZero).Label("balance zero"))
                .When(limit > 0 && need.IsPositive);
        });

    [Property(MaxTest = 500)]
    public Property Allocation_PooledTolerance_NeverWritesOffMoreThanTheSumOfTheLimits() =>
        Prop.ForAll(PaymentArbitraries.Scenarios(), scenario =>
        {
            var before = scenario.Account();
            var settings = scenario.Settings with { ToleranceScope = ToleranceScope.Pooled };
            var allocation = PaymentAllocator.Allocate(before, scenario.Payment, settings);

            // The debts the payment touched: every installment a line names, and for a charge the open principal of its invoice.
            var touched = new HashSet<InstallmentRef>();
            foreach (var line in allocation.Lines)
            {
                touched.Add(line.Target);
                if (before.FindItem(line.Target.Item)?.Origin is ChargePosted { RelatedItem: { } related } && before.FindItem(related) is { } invoice)
                {
                    touched.UnionWith(invoice.Installments.Where(i => i.IsOpen).Select(i => i.Ref));
                }
            }

            var limits = touched.Sum(t => before.ToleranceLimitOf(before.FindInstallment(t)!).Amount);
            var writtenOff = allocation.ToleranceWriteOff.Amount + allocation.OverpaymentWriteOff.Amount;
            return (writtenOff <= limits).Label($"written off {writtenOff} <= limits {limits}")
                .And((settings.ApplyTolerance || writtenOff == 0m).Label("no tolerance, no write-off"));
        });
}
