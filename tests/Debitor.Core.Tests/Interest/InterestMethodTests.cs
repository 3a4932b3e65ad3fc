using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Interest;

/// <summary>
/// The interest methods of <see cref="InterestMethod"/>, from the anchors' published definitions: SAP Business One's
/// dunning-terms example (30/360, 7 %, invoice 10,000 due 01.01.03, payment 3,000 on 01.02.03, dunning run 01.03.03)
/// and Business Central's finance charge formulas (Balance Due: overdue amount × rate / 100; Average Daily Balance:
/// overdue amount × days overdue / interest period × rate / 100).
/// </summary>
public sealed class InterestMethodTests
{
    private static readonly InterestScheme SapSeven = InterestScheme.Fixed(7m, DayCountConvention.Thirty360)
        .WithAccrual(new InterestAccrual { CountSettlementDay = true });

    private static readonly InterestScheme OnePointFivePerThirtyDays = InterestScheme.Fixed(1.5m);

    private static CustomerAccount SapExample() => NewAccount().Post(
        Invoice("inv-1", 10_000m, Date(2003, 1, 1), Date(2002, 12, 1)),
        Payment("pay-1", 3_000m, Date(2003, 2, 1)),
        new PaymentApplied(Id("app-1"), Id("pay-1"), new InstallmentRef(Id("inv-1")), Eur(3_000m), Date(2003, 2, 1)));

    private static CustomerAccount BcInvoice(params JournalEntry[] more) =>
        NewAccount().Post([Invoice("inv-1", 1_000m, Date(2026, 1, 31), Date(2026, 1, 1)), .. more]);

    private static ItemInterest Interest(CustomerAccount account, InterestScheme scheme, LocalDate asOf) =>
        AccountInterest.ForItem(account, account.FindItem(Id("inv-1"))!, scheme, asOf);

    [Fact]
    public void ForItem_SapRemainingSumExample_ChargesTheRemainingSumForAllSixtyDays()
    {
        var interest = Interest(SapExample(), SapSeven.WithMethod(InterestMethod.RemainingSum), Date(2003, 3, 1));

        // SAP: 7000 × 7 % × 60 / 360 = 81.6667
        var period = Assert.Single(interest.Periods);
        Assert.Equal((60, Eur(7_000m)), (period.Days, period.Principal));
        Assert.Equal(Eur(81.67m), interest.Total);
    }

    [Fact]
    public void ForItem_SapOriginalSumExample_IsTheDailyMethodOverThePaymentHistory()
    {
        var interest = Interest(SapExample(), SapSeven, Date(2003, 3, 1));

        // SAP: (10000 × 7 % × 30 / 360) + (7000 × 7 % × 30 / 360) = 99.16666
        Assert.Equal([(30, Eur(10_000m)), (30, Eur(7_000m))], interest.Periods.Select(p => (p.Days, p.Principal)));
        Assert.Equal(Eur(99.17m), interest.Total);
        Assert.Equal(InterestMethod.DailyOnHistory, SapSeven.Method);
    }

    [Fact]
    public void ForItem_BalanceDue_ChargesTheRateOnceOnTheOpenAmountWhateverTheDays()
    {
        var scheme = OnePointFivePerThirtyDays.WithMethod(InterestMethod.BalanceDue);

        // 1000.00 × 1.5 / 100 = 15.00, after 10 days and after 100 days alike.
        Assert.Equal(Eur(15m), Interest(BcInvoice(), scheme, Date(2026, 2, 10)).Total);
        Assert.Equal(Eur(15m), Interest(BcInvoice(), scheme, Date(2026, 5, 11)).Total);
        Assert.Equal(Eur(0m), Interest(BcInvoice(), scheme, Date(2026, 1, 31)).Total);
    }

    [Fact]
    public void ForItem_BalanceDueAfterAPartialPayment_ChargesTheRemainingAmount()
    {
        var account = BcInvoice(
            Payment("pay-1", 400m, Date(2026, 2, 20)),
            new PaymentApplied(Id("app-1"), Id("pay-1"), new InstallmentRef(Id("inv-1")), Eur(400m), Date(2026, 2, 20)));

        // 600.00 × 1.5 / 100 = 9.00
        Assert.Equal(Eur(9m), Interest(account, OnePointFivePerThirtyDays.WithMethod(InterestMethod.BalanceDue), Date(2026, 3, 31)).Total);
    }

    [Fact]
    public void ForItem_BalanceDueAlreadyCharged_ChargesNothingMore()
    {
        var account = BcInvoice(new ChargePosted(Id("int-1"), ChargeKind.Interest, "ZR-1", Date(2026, 3, 1), Date(2026, 3, 15), Eur(15m), Id("inv-1"))
        {
            InterestThrough = Date(2026, 3, 1),
        });

        Assert.Equal(Eur(0m), Interest(account, OnePointFivePerThirtyDays.WithMethod(InterestMethod.BalanceDue), Date(2026, 4, 30)).Total);
    }

    [Fact]
    public void ForItem_AverageDailyBalance_AppliesTheRatePerInterestPeriodProRata()
    {
        var scheme = OnePointFivePerThirtyDays.WithMethod(InterestMethod.AverageDailyBalance, 30);

        // 1000.00 × 45 / 30 × 1.5 / 100 = 22.50 (1 Feb – 17 Mar 2026 are 45 days overdue)
        var interest = Interest(BcInvoice(), scheme, Date(2026, 3, 17));

        Assert.Equal(45, Assert.Single(interest.Periods).Days);
        Assert.Equal(Eur(22.50m), interest.Total);
    }

    [Fact]
    public void ForItem_AverageDailyBalanceWithAPartialPayment_AveragesTheDailyBalances()
    {
        var account = BcInvoice(
            Payment("pay-1", 400m, Date(2026, 2, 20)),
            new PaymentApplied(Id("app-1"), Id("pay-1"), new InstallmentRef(Id("inv-1")), Eur(400m), Date(2026, 2, 20)));

        // (1000.00 × 19 + 600.00 × 40) / 30 × 1.5 / 100 = 21.50
        var interest = Interest(account, OnePointFivePerThirtyDays.WithMethod(InterestMethod.AverageDailyBalance, 30), Date(2026, 3, 31));

        Assert.Equal([19, 40], interest.Periods.Select(p => p.Days));
        Assert.Equal(Eur(21.50m), interest.Total);
    }

    [Fact]
    public void OpenTotalIncludingInterest_BalanceDue_TheHeadlineFollowsTheMethod()
    {
        var headline = AccountInterest.OpenTotalIncludingInterest(BcInvoice(), OnePointFivePerThirtyDays.WithMethod(InterestMethod.BalanceDue), Date(2026, 6, 30));

        Assert.Equal([Eur(1_015m)], headline);
    }

    [Fact]
    public void Prepare_AverageDailyBalance_TheInterestInvoiceChargesWhatTheKernelComputes()
    {
        var scheme = OnePointFivePerThirtyDays.WithMethod(InterestMethod.AverageDailyBalance, 30);

        var invoice = Assert.Single(InterestInvoicing.Prepare(BcInvoice(), scheme, Date(2026, 3, 17), "ZR-1"));

        Assert.Equal(Eur(22.50m), invoice.InterestTotal);
    }

    [Fact]
    public void WithMethod_InvalidArguments_AreRefused()
    {
        Assert.Throws<ArgumentException>("interestPeriodDays", () => OnePointFivePerThirtyDays.WithMethod(InterestMethod.AverageDailyBalance, 0));
        Assert.ThrowsAny<ArgumentException>(() => OnePointFivePerThirtyDays.WithMethod((InterestMethod)99));
    }

    [Fact]
    public void WithMethod_OtherSettings_KeepTheMethod()
    {
        var scheme = OnePointFivePerThirtyDays.WithMethod(InterestMethod.AverageDailyBalance, 180).WithMinimumAmount(5m).WithRounding(InterestRounding.EachPeriod);

        Assert.Equal((InterestMethod.AverageDailyBalance, 180), (scheme.Method, scheme.InterestPeriodDays));
        Assert.Equal(InterestMethod.DailyOnHistory, InterestScheme.GermanStatutory(consumerInvolved: false).Method);
    }

    [Fact]
    public void ForItem_DelegatedClaim_ChargesEachDayOnceAcrossCustomerAndPayer()
    {
        var scheme = InterestScheme.Fixed(10m);
        var customer = NewAccount().Post(Invoice("inv-1", 1_000m, Date(2026, 1, 31), Date(2026, 1, 1)));
        var (toPayer, fromCustomer, _) = ClaimDelegation.Plan(customer, new CustomerId("C-9000"), Id("deleg-1"), null, Date(2026, 3, 1), "Zentrale zahlt");
        customer = customer.Post([.. fromCustomer]);
        var payer = NewAccount(NewCustomer("C-9000", "Zentrale AG")).Post([.. toPayer]);
        var asOf = Date(2026, 3, 31);

        var atCustomer = Interest(customer, scheme, asOf);
        var atPayer = AccountInterest.ForAccount(payer, scheme, asOf).Single();
        var undelegated = Interest(NewAccount().Post(Invoice("inv-1", 1_000m, Date(2026, 1, 31), Date(2026, 1, 1))), scheme, asOf);

        // Customer: 1 Feb – 28 Feb (the delegation day belongs to the payer, like a payment's day); payer: 1 – 31 Mar.
        Assert.Equal((Date(2026, 2, 1), Date(2026, 2, 28)), (atCustomer.Periods[^1].FirstDay, atCustomer.Periods[^1].LastDay));
        Assert.Equal(Date(2026, 3, 1), atPayer.Periods[0].FirstDay);
        Assert.Equal(59, atCustomer.Periods.Sum(p => p.Days) + atPayer.Periods.Sum(p => p.Days));
        Assert.Equal(undelegated.Total, atCustomer.Total + atPayer.Total);
    }
}
