using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.PaymentTestData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

/// <summary>Issue 18, points 1–3 and 7: per-invoice terms, late-discount decisions, the account view's readouts, one item per refund cheque, credit notes with tolerance.</summary>
public sealed class PaymentTermsAndToleranceTests
{
    private static readonly PaymentTolerance OnePercentMaxFive = new(1m, 5m);

    /// <summary>An invoice of 1,000.00 on day 0 with its own terms: 3 % within 10 days, 2 % within 20 days, net 30.</summary>
    private static InvoicePosted StagedInvoice(string id = "inv-1") =>
        InvoiceOn(id, 1000m) with { CashDiscounts = [new CashDiscountStage(3m, Day(10)), new CashDiscountStage(2m, Day(20))] };

    [Theory]
    [InlineData(10, 970, 30)]
    [InlineData(11, 980, 20)]
    [InlineData(20, 980, 20)]
    [InlineData(21, 1000, 0)]
    public void Allocate_InvoiceWithTwoDiscountStages_GrantsTheStageOfTheValueDate(int day, decimal paid, decimal discount)
    {
        var account = NewAccount(CustomerWith(discountPercent: 5m, discountDays: 30)).Post(StagedInvoice());

        var allocation = Allocate(account, Pay(paid, Day(day)));

        Assert.Equal((Eur(discount), Eur(0m)), (allocation.CashDiscount, account.PostAllocation(allocation).Open("inv-1")));
    }

    [Fact]
    public void Allocate_InvoiceWithoutOwnStages_UsesTheCustomersTerms()
    {
        var customer = CustomerWith(discountPercent: 2m, discountDays: 10);
        var account = NewAccount(customer).Post(InvoiceOn("inv-1", 1000m), InvoiceOn("inv-2", 1000m) with { CashDiscounts = CashDiscountStage.From(customer.PaymentTerms, Day0) });

        var one = Allocate(account, Pay(980m, Day(10), designated: "inv-1"));
        var other = Allocate(account, Pay(980m, Day(10), designated: "inv-2"));

        Assert.Equal((Eur(20m), Eur(20m)), (one.CashDiscount, other.CashDiscount));
    }

    [Fact]
    public void Post_DiscountStagesOutOfOrder_IsRefused()
    {
        var account = NewAccount();
        var invoice = InvoiceOn("inv-1", 1000m) with { CashDiscounts = [new CashDiscountStage(2m, Day(10)), new CashDiscountStage(3m, Day(20))] };

        var error = Assert.Throws<ArgumentException>(() => account.Post(invoice));

        Assert.Contains("later cash-discount stage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_LateDiscountDecisions_OverrideThePolicyPerInvoice()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m, discountDays: 10, toleranceDays: 5)).Post(InvoiceOn("inv-1", 1000m), InvoiceOn("inv-2", 1000m));
        var payment = Pay(1980m, Day(13), designated: ["inv-1", "inv-2"]) with
        {
            LateDiscountDecisions = [new LateDiscountDecision(Id("inv-1"), false)],
        };

        var allocation = Allocate(account, payment);

        Assert.Equal(
            [("RE-inv-2", AllocationLineKind.CashDiscount, 20m, AllocationRule.LateCashDiscount)],
            allocation.Summary().Where(l => l.Kind == AllocationLineKind.CashDiscount));
        Assert.Equal(Eur(0m), account.PostAllocation(allocation).BalanceIn(Currency.EUR));
    }

    [Fact]
    public void AccountView_ToleranceLimitAndDiscountOnADate_AreTheAllocatorsRule()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m, discountDays: 10, toleranceDays: 3, tolerance: OnePercentMaxFive))
            .Post(InvoiceOn("inv-1", 300m), StagedInvoice("inv-2"));
        var small = account.FindInstallment(new InstallmentRef(Id("inv-1")))!;
        var staged = account.FindInstallment(new InstallmentRef(Id("inv-2")))!;

        Assert.Equal((Eur(3m), Eur(5m)), (account.ToleranceLimitOf(small), account.ToleranceLimitOf(staged)));
        Assert.Equal(new CashDiscountOffer(Eur(6m), 2m, Day(10), IsLate: false), account.CashDiscountOn(small, Day(10)));
        Assert.Equal(new CashDiscountOffer(Eur(6m), 2m, Day(10), IsLate: true), account.CashDiscountOn(small, Day(13)));
        Assert.Null(account.CashDiscountOn(small, Day(14)));
        Assert.Equal(new CashDiscountOffer(Eur(30m), 3m, Day(10), IsLate: false), account.CashDiscountOn(staged, Day(5)));
        Assert.Equal(Eur(6m), Allocate(account, Pay(294m, Day(13), designated: "inv-1")).CashDiscount);
    }

    [Fact]
    public void Allocate_OneItemPerRefundCheque_SettlesOneDebtAndKeepsTheRestAsCredit()
    {
        var account = NewAccount(CustomerWith()).Post(InvoiceOn("inv-1", 100m), InvoiceOn("inv-2", 100m, documentDate: Day(1)));
        var cheque = new IncomingPayment(Id("pay-1"), Eur(200m), Day(40), PaymentMethod.Cheque);
        var settings = AllocationSettings.Default with { OneItemPerRefundCheque = true };

        var byCheque = PaymentAllocator.Allocate(account, cheque, settings);
        var byTransfer = PaymentAllocator.Allocate(account, cheque with { }, AllocationSettings.Default);

        Assert.Equal((Eur(100m), Eur(100m)), (byCheque.Applied, byCheque.UnappliedCredit));
        Assert.Equal(["RE-inv-1"], byCheque.Lines.Select(l => l.DocumentNumber));
        Assert.Equal(Eur(200m), byTransfer.Applied);
    }

    [Fact]
    public void Allocate_PooledUnderpaymentBeyondTheSumOfLimits_LeavesTheDifferenceOpen()
    {
        var account = NewAccount(CustomerWith(tolerance: new PaymentTolerance(0m, 5m))).Post(InvoiceOn("inv-1", 1000m), InvoiceOn("inv-2", 1000m, documentDate: Day(1)));

        var allocation = Allocate(account, Pay(1989m, Day(40)), AllocationSettings.Default with { ToleranceScope = ToleranceScope.Pooled });

        Assert.Equal((Eur(0m), Eur(11m)), (allocation.ToleranceWriteOff, Assert.Single(allocation.Differences).RemainingOpen));
    }

    [Theory]
    [InlineData(997, 3, 0, 0)]
    [InlineData(1003, 0, 3, 0)]
    [InlineData(1010, 0, 0, 10)]
    public void CreditNoteApplication_WithinTolerance_ClosesBothWays(decimal credit, decimal shortfall, decimal surplus, decimal creditLeft)
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive))
            .Post(InvoiceOn("inv-1", 1000m), new CreditNotePosted(Id("cn-1"), "GS-1", Day(5), Eur(credit), Id("inv-1")));

        var entries = CreditNoteApplication.Plan(account, Id("cn-1/apply"), Id("cn-1"), new InstallmentRef(Id("inv-1")), Day(5), AllocationSettings.Default);
        var after = account.Post([.. entries]);

        Assert.Equal(Eur(0m), after.Open("inv-1"));
        Assert.Equal(Eur(creditLeft), after.Open("cn-1"));
        Assert.Equal((shortfall, surplus), (entries.OfType<WriteOffPosted>().Sum(w => w.Amount.Amount), entries.OfType<CreditWrittenOff>().Sum(w => w.Amount.Amount)));
        Assert.Equal(Eur(creditLeft > 0 ? -creditLeft : 0m), after.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void PaymentReturn_AfterASurplusWriteOff_RestoresTheAccount()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 1000m));
        var paid = account.PostAllocation(Allocate(account, Pay(1003m, Day(40))));

        var (entries, _) = PaymentReturns.For(paid, Id("pay-1"), Day(45), ReturnKind.DirectDebit, "no funds");
        var returned = paid.Post([.. entries]);

        Assert.Equal((Eur(1000m), Eur(1000m)), (returned.Open("inv-1"), returned.BalanceIn(Currency.EUR)));
        Assert.Equal(ItemStatus.Returned, returned.FindItem(Id("pay-1"))!.Status);
    }
}

public sealed class CreditNoteApplicationProperties
{
    [Property(MaxTest = 300)]
    public Property CreditNoteApplication_ConservesMoney() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<(ushort, short, byte, bool)>(),
            seed =>
            {
                var (invoiceCents, difference, toleranceKind, keep) = seed;
                var invoice = Money.FromMinorUnits(invoiceCents + 1, Currency.EUR);
                var credit = Money.FromMinorUnits(Math.Max(1, invoiceCents + 1 + (difference % 800)), Currency.EUR);
                var tolerance = (toleranceKind % 3) switch { 0 => PaymentTolerance.None, 1 => new PaymentTolerance(1m, 5m), _ => new PaymentTolerance(0m, 2.50m) };
                var account = NewAccount(CustomerWith(tolerance: tolerance))
                    .Post(InvoiceOn("inv-1", invoice.Amount), new CreditNotePosted(Id("cn-1"), "GS-1", Day(5), credit, Id("inv-1")));
                var settings = AllocationSettings.Default with { KeepOverpaymentAsCredit = keep };

                var entries = CreditNoteApplication.Plan(account, Id("cn-1/apply"), Id("cn-1"), new InstallmentRef(Id("inv-1")), Day(5), settings);
                var after = account.Post([.. entries]);
                var shortfall = entries.OfType<WriteOffPosted>().Sum(w => w.Amount.Amount);
                var surplus = entries.OfType<CreditWrittenOff>().Sum(w => w.Amount.Amount);
                var limit = account.ToleranceLimitOf(account.FindInstallment(new InstallmentRef(Id("inv-1")))!).Amount;

                return (account.BalanceIn(Currency.EUR).Amount - after.BalanceIn(Currency.EUR).Amount == shortfall - surplus)
                    && shortfall <= limit && surplus <= limit && (!keep || surplus == 0m)
                    && (after.Open("inv-1").IsZero || after.Open("cn-1").IsZero);
            });
}
