using Debitor.Core.Calendar;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Interest;

public sealed class AccountInterestTests
{
    private static readonly InterestScheme TenPercent = InterestScheme.Fixed(10m);

    private static CustomerAccount InvoiceDueEndOfJanuary(params JournalEntry[] more) =>
        NewAccount().Post([Invoice("inv-1", 1000m, Date(2026, 1, 31)), .. more]);

    private static PaymentApplied PaidOn(string id, decimal amount, LocalDate date) =>
        new(Id("app-" + id), Id("pay-" + id), new InstallmentRef(Id("inv-1")), Eur(amount), date);

    private static ItemInterest Interest(CustomerAccount account, LocalDate asOf, InterestScheme? scheme = null) =>
        AccountInterest.ForItem(account, account.FindItem(Id("inv-1"))!, scheme ?? TenPercent, asOf);

    [Fact]
    public void ForItem_PartialPayment_SplitsAtThePaymentAndChargesThePrincipalThenOutstanding()
    {
        var account = InvoiceDueEndOfJanuary(Payment("pay-1", 400m, Date(2026, 2, 20)), PaidOn("1", 400m, Date(2026, 2, 20)));

        var interest = Interest(account, Date(2026, 3, 31));

        // 1000.00 × 10 % × 19/365 = 5.2055 (1–19 Feb) + 600.00 × 10 % × 40/365 = 6.5753 (20 Feb–31 Mar) = 11.7808
        Assert.Equal(
            [(Date(2026, 2, 1), Date(2026, 2, 19), 19, Eur(1000m)), (Date(2026, 2, 20), Date(2026, 3, 31), 40, Eur(600m))],
            interest.Periods.Select(p => (p.FirstDay, p.LastDay, p.Days, p.Principal)));
        Assert.Equal(Eur(11.78m), interest.Total);
    }

    [Fact]
    public void ForItem_SettlementDayCounted_ChargesTheOldPrincipalThroughThatDay()
    {
        var account = InvoiceDueEndOfJanuary(Payment("pay-1", 400m, Date(2026, 2, 20)), PaidOn("1", 400m, Date(2026, 2, 20)));
        var scheme = TenPercent.WithAccrual(new InterestAccrual { CountSettlementDay = true });

        var interest = Interest(account, Date(2026, 3, 31), scheme);

        // 1000.00 × 10 % × 20/365 = 5.4795 + 600.00 × 10 % × 39/365 = 6.4110 = 11.8904
        Assert.Equal([20, 39], interest.Periods.Select(p => p.Days));
        Assert.Equal(Eur(11.89m), interest.Total);
    }

    [Fact]
    public void ForItem_GraceDays_StartLater()
    {
        var interest = Interest(InvoiceDueEndOfJanuary(), Date(2026, 2, 28), TenPercent.WithAccrual(new InterestAccrual { GraceDays = 5 }));

        Assert.Equal(Date(2026, 2, 6), interest.Periods[0].FirstDay);
        Assert.Equal(23, interest.Periods[0].Days);
    }

    [Fact]
    public void ForItem_DueOnAHolidaySaturday_MovesToTheNextBusinessDayWhenTheSchemeSaysSo()
    {
        var account = NewAccount().Post(Invoice("inv-1", 1000m, Date(2026, 10, 3)));
        var moved = TenPercent.WithAccrual(new InterestAccrual { DueDateCalendar = BusinessCalendar.Germany() });

        Assert.Equal(Date(2026, 10, 4), Interest(account, Date(2026, 10, 31)).Periods[0].FirstDay);
        Assert.Equal(Date(2026, 10, 6), Interest(account, Date(2026, 10, 31), moved).Periods[0].FirstDay);
    }

    [Fact]
    public void ForItem_PaidLateInFull_ChargesUpToThePaymentOnly()
    {
        var account = InvoiceDueEndOfJanuary(Payment("pay-1", 1000m, Date(2026, 3, 1)), PaidOn("1", 1000m, Date(2026, 3, 1)));

        var interest = Interest(account, Date(2026, 6, 30));

        var period = Assert.Single(interest.Periods);
        Assert.Equal((Date(2026, 2, 1), Date(2026, 2, 28)), (period.FirstDay, period.LastDay));
        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("inv-1"))!.Status);
    }

    [Fact]
    public void ForItem_ReturnedPayment_KeepsChargingTheFullPrincipal()
    {
        var account = InvoiceDueEndOfJanuary(
            Payment("pay-1", 1000m, Date(2026, 2, 10)),
            PaidOn("1", 1000m, Date(2026, 2, 10)),
            new PaymentReturned(Id("ret-1"), Id("pay-1"), Date(2026, 2, 15), ReturnKind.DirectDebit));

        var interest = Interest(account, Date(2026, 2, 28));

        Assert.Equal([(28, Eur(1000m))], interest.Periods.Select(p => (p.Days, p.Principal)));
    }

    [Fact]
    public void ForItem_PaymentAfterTheAsOfDate_IsNotYetKnown()
    {
        var account = InvoiceDueEndOfJanuary(Payment("pay-1", 1000m, Date(2026, 4, 1)), PaidOn("1", 1000m, Date(2026, 4, 1)));

        Assert.Equal([Eur(1000m)], Interest(account, Date(2026, 2, 28)).Periods.Select(p => p.Principal));
    }

    [Fact]
    public void ForItem_StartAfterDefaultDateWithoutDefault_ChargesNothing()
    {
        var scheme = TenPercent.WithAccrual(new InterestAccrual { Start = InterestStart.AfterDefaultDate });

        var interest = Interest(InvoiceDueEndOfJanuary(), Date(2026, 6, 30), scheme);

        Assert.Empty(interest.Periods);
        Assert.Equal(Eur(0m), interest.Total);
    }

    [Fact]
    public void ForAccount_FeesAndInterestChargesBearNoInterest()
    {
        var account = InvoiceDueEndOfJanuary(
            new ChargePosted(Id("fee-1"), ChargeKind.DunningFee, "M-1", Date(2026, 1, 1), Date(2026, 1, 2), Eur(5m), Id("inv-1")),
            new ChargePosted(Id("int-1"), ChargeKind.Interest, "Z-1", Date(2026, 1, 1), Date(2026, 1, 2), Eur(7m), Id("inv-1")));

        var interest = AccountInterest.ForAccount(account, TenPercent, Date(2026, 3, 31));

        Assert.Equal([Id("inv-1")], interest.Select(i => i.Item));
    }

    [Fact]
    public void ForItem_InterestAlreadyCharged_StartsTheDayAfter()
    {
        var account = InvoiceDueEndOfJanuary(
            new ChargePosted(Id("int-1"), ChargeKind.Interest, "Z-1", Date(2026, 2, 28), Date(2026, 3, 14), Eur(7.67m), Id("inv-1")) { InterestThrough = Date(2026, 2, 28) });

        var interest = Interest(account, Date(2026, 3, 31));

        Assert.Equal([(Date(2026, 3, 1), Date(2026, 3, 31))], interest.Periods.Select(p => (p.FirstDay, p.LastDay)));
    }

    [Fact]
    public void OpenTotalIncludingInterest_IsBalancePlusAccruedInterest()
    {
        var account = InvoiceDueEndOfJanuary(Invoice("inv-2", 50m, Date(2026, 12, 31)));

        var total = AccountInterest.OpenTotalIncludingInterest(account, TenPercent, Date(2026, 3, 31));

        // 1000.00 × 10 % × 59/365 = 16.16; inv-2 is not due yet.
        Assert.Equal([Eur(1066.16m)], total);
    }
}
