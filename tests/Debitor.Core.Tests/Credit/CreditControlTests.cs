using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Credit;

public sealed class CreditControlTests
{
    private static readonly CreditControlSettings Defaults = CreditControlSettings.Default;

    private static CustomerAccount WithLimit(decimal limit, LocalDate? validFrom = null, LocalDate? validUntil = null) =>
        NewAccount(NewCustomer() with { CreditLimit = new CreditLimit(Eur(limit), validFrom, validUntil) });

    private static PaymentReceived Cheque(string id, decimal amount, LocalDate valueDate) =>
        new(Id(id), Eur(amount), valueDate, PaymentMethod.Cheque);

    [Fact]
    public void Position_LimitTenThousandOpenTwelveThousandFiveHundred_RemainingIsMinusTwoThousandFiveHundred()
    {
        var account = WithLimit(10_000m).Post(Invoice("1", 7_500m), Invoice("2", 5_000m));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.Equal(Eur(12_500m), position.Limit!.Used);
        Assert.Equal(Eur(-2_500m), position.Limit.Remaining);
        Assert.True(position.Limit.IsExceeded);
    }

    [Fact]
    public void Position_LargeAmounts_AddUpToTheCent()
    {
        var account = WithLimit(100_000_000m).Post(Invoice("1", 98_765_432.10m), Invoice("2", 24_691_357.02m), Payment("p", 0.01m));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.Equal(Eur(123_456_789.11m), position.Limit!.Used);
        Assert.Equal(Eur(-23_456_789.11m), position.Limit.Remaining);
    }

    [Fact]
    public void Position_NoLimitSet_HasNoLimitButStillOpenItems()
    {
        var account = NewAccount().Post(Invoice("1", 100m));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.Null(position.Limit);
        Assert.Null(position.InternalLimit);
        Assert.Null(position.LimitIncludingOrders);
        Assert.Equal([Eur(100m)], position.OpenItems);
    }

    [Fact]
    public void Position_LimitOutsideItsValidity_GrantsNothing()
    {
        var account = WithLimit(10_000m, validUntil: Date(2026, 2, 28)).Post(Invoice("1", 1_000m));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.False(position.Limit!.IsValid);
        Assert.Equal(Eur(0m), position.Limit.Granted);
        Assert.Equal(Eur(-1_000m), position.Limit.Remaining);
    }

    [Fact]
    public void Position_LimitOnLastValidDay_IsValid()
    {
        var account = WithLimit(10_000m, Date(2026, 1, 1), Today).Post(Invoice("1", 1_000m));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.True(position.Limit!.IsValid);
        Assert.Equal(Eur(9_000m), position.Limit.Remaining);
    }

    [Fact]
    public void Position_InternalLimit_IsLimitMinusOpenItemsLikewise()
    {
        var customer = NewCustomer() with { CreditLimit = new CreditLimit(Eur(10_000m)), InternalCreditLimit = new CreditLimit(Eur(8_000m)) };
        var account = NewAccount(customer).Post(Invoice("1", 9_000m));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.Equal(Eur(1_000m), position.Limit!.Remaining);
        Assert.Equal(Eur(-1_000m), position.InternalLimit!.Remaining);
        Assert.True(position.InternalLimit.IsExceeded);
    }

    [Fact]
    public void Position_OpenOrders_CountOnlyInTheVariantWithOrders()
    {
        var account = WithLimit(10_000m).Post(Invoice("1", 6_000m));

        var position = CreditControl.Position(account, Today, Defaults, [Eur(3_000m), Usd(500m)]);

        Assert.Equal(Eur(4_000m), position.Limit!.Remaining);
        Assert.Equal(Eur(9_000m), position.LimitIncludingOrders!.Used);
        Assert.Equal(Eur(1_000m), position.LimitIncludingOrders.Remaining);
        Assert.Equal(Eur(3_000m), position.OpenOrdersIn(Currency.EUR));
    }

    [Fact]
    public void Position_NegativeOpenOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => CreditControl.Position(NewAccount(), Today, Defaults, [Eur(-1m)]));

    [Fact]
    public void Position_UnappliedPayment_LowersOpenItems()
    {
        var account = WithLimit(10_000m).Post(Invoice("1", 12_500m), Payment("p", 3_000m));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.Equal(Eur(9_500m), position.OpenItemsIn(Currency.EUR));
        Assert.Equal(Eur(500m), position.Limit!.Remaining);
    }

    [Fact]
    public void Position_ItemsInAnotherCurrency_AreListedButNotCountedAgainstTheLimit()
    {
        var account = WithLimit(1_000m).Post(Invoice("1", 500m), InvoicePosted.Single(Id("2"), "RE-2", Date(2026, 1, 10), Date(2026, 2, 10), Usd(9_000m)));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.Equal([Eur(500m), Usd(9_000m)], position.OpenItems);
        Assert.Equal(Eur(500m), position.Limit!.Remaining);
    }

    [Fact]
    public void Position_ReversedInvoice_CountsForNothing()
    {
        var account = WithLimit(1_000m).Post(Invoice("1", 5_000m), new EntryReversed(Id("r"), Id("1"), Today, "wrong customer"));

        var position = CreditControl.Position(account, Today, Defaults);

        Assert.Equal(Eur(1_000m), position.Limit!.Remaining);
        Assert.False(position.Status.IsOverdue);
    }

    [Fact]
    public void Position_CreditInsurance_ComesFromTheCustomer()
    {
        var account = NewAccount(NewCustomer() with { CreditInsurance = CreditInsuranceStatus.PartlyInsured });

        Assert.Equal(CreditInsuranceStatus.PartlyInsured, CreditControl.Position(account, Today, Defaults).Insurance);
    }

    [Theory]
    [InlineData(9, 12_500, true)]
    [InlineData(10, 10_000, false)]
    [InlineData(30, 10_000, false)]
    public void Position_ChequeWithTenDayReleasePeriod_CountsFromTheTenthDayAfterItsValueDate(int day, int open, bool notReleased)
    {
        var settings = Defaults.WithReleasePeriod(PaymentMethod.Cheque, 10);
        var valueDate = Date(2026, 3, 1);
        var account = WithLimit(10_000m).Post(
            Invoice("1", 12_500m, dueDate: Date(2026, 6, 30)),
            Cheque("chq", 2_500m, valueDate),
            new PaymentApplied(Id("a"), Id("chq"), new InstallmentRef(Id("1")), Eur(2_500m), valueDate));

        var position = CreditControl.Position(account, valueDate.PlusDays(day), settings);

        Assert.Equal(Eur(open), position.OpenItemsIn(Currency.EUR));
        Assert.Equal(Eur(10_000m - open), position.Limit!.Remaining);
        Assert.Equal(notReleased ? [Eur(2_500m)] : [], position.PaymentsNotReleased);
    }

    [Fact]
    public void Position_ChequeNotYetReleased_KeepsTheInvoiceItPaidOverdue()
    {
        var settings = Defaults.WithReleasePeriod(PaymentMethod.Cheque, 10);
        var account = NewAccount().Post(
            Invoice("1", 1_000m, dueDate: Date(2026, 3, 5)),
            Cheque("chq", 1_000m, Date(2026, 3, 1)),
            new PaymentApplied(Id("a"), Id("chq"), new InstallmentRef(Id("1")), Eur(1_000m), Date(2026, 3, 1)));

        var before = CreditControl.Position(account, Date(2026, 3, 10), settings);
        var after = CreditControl.Position(account, Date(2026, 3, 11), settings);

        Assert.True(before.Status.IsOverdue);
        Assert.Equal(5, before.Status.DaysOverdue);
        Assert.Equal([Eur(1_000m)], before.Status.OverdueAmounts);
        Assert.False(after.Status.IsOverdue);
        Assert.Equal(Eur(0m), after.OpenItemsIn(Currency.EUR));
    }

    [Fact]
    public void Position_UnappliedChequeNotYetReleased_LowersNothing()
    {
        var settings = Defaults.WithReleasePeriod(PaymentMethod.Cheque, 10);
        var account = NewAccount().Post(Invoice("1", 1_000m), Cheque("chq", 400m, Date(2026, 3, 10)));

        Assert.Equal(Eur(1_000m), CreditControl.Position(account, Date(2026, 3, 15), settings).OpenItemsIn(Currency.EUR));
        Assert.Equal(Eur(600m), CreditControl.Position(account, Date(2026, 3, 20), settings).OpenItemsIn(Currency.EUR));
    }

    [Fact]
    public void Position_TransferWithoutReleasePeriod_CountsFromItsValueDate()
    {
        var settings = Defaults.WithReleasePeriod(PaymentMethod.Cheque, 10);
        var account = NewAccount().Post(Invoice("1", 1_000m), Payment("p", 400m, Date(2026, 3, 10)));

        Assert.Equal(Eur(1_000m), CreditControl.Position(account, Date(2026, 3, 9), settings).OpenItemsIn(Currency.EUR));
        Assert.Equal(Eur(600m), CreditControl.Position(account, Date(2026, 3, 10), settings).OpenItemsIn(Currency.EUR));
    }

    [Theory]
    [InlineData(2026, 2, 10, false, 0)]
    [InlineData(2026, 2, 11, true, 1)]
    [InlineData(2026, 3, 15, true, 33)]
    public void Position_Overdue_OnceTheEffectiveDueDateHasPassed(int year, int month, int day, bool overdue, int days)
    {
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: Date(2026, 2, 10)));

        var status = CreditControl.Position(account, Date(year, month, day), Defaults).Status;

        Assert.Equal(overdue, status.IsOverdue);
        Assert.Equal(days, status.DaysOverdue);
        Assert.Equal(overdue ? Date(2026, 2, 10) : null, status.OldestOverdueDueDate);
    }

    [Fact]
    public void Position_ChangedDueDate_IsTheOneThatCounts()
    {
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: Date(2026, 2, 10)), new DueDateChanged(Id("d"), Id("1"), Date(2026, 4, 30), "agreed"));

        Assert.False(CreditControl.Position(account, Today, Defaults).Status.IsOverdue);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(5, true)]
    [InlineData(0, true)]
    public void Position_InternallyOverdue_OnceTheDueDateMinusTheDaysIsReached(int daysBeforeDue, bool expected)
    {
        var settings = Defaults with { InternalOverdueDays = 5 };
        var due = Date(2026, 3, 31);
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: due));

        var status = CreditControl.Position(account, due.PlusDays(-daysBeforeDue), settings).Status;

        Assert.Equal(expected, status.IsInternallyOverdue);
        Assert.False(status.IsOverdue);
    }

    [Fact]
    public void Position_NoInternalDaysConfigured_NeverInternallyOverdue()
    {
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: Date(2026, 1, 1)));

        Assert.False(CreditControl.Position(account, Today, Defaults).Status.IsInternallyOverdue);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void Position_DeliveryStop_OnceTheDaysOverdueAreReached(int daysOverdue, bool expected)
    {
        var settings = Defaults with { DeliveryStopDays = 30 };
        var due = Date(2026, 2, 1);
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: due), Invoice("2", 100m, dueDate: due.PlusDays(20)));

        Assert.Equal(expected, CreditControl.Position(account, due.PlusDays(daysOverdue), settings).Status.IsDeliveryStop);
    }

    [Fact]
    public void Position_ReturnedPayments_ShowTheLastReturnDateAndKind()
    {
        var account = NewAccount().Post(
            Invoice("1", 1_000m),
            Payment("p1", 100m),
            Payment("p2", 100m),
            new PaymentReturned(Id("r1"), Id("p1"), Date(2026, 3, 8), ReturnKind.Cheque),
            new PaymentReturned(Id("r2"), Id("p2"), Date(2026, 3, 4), ReturnKind.DirectDebit));

        var last = CreditControl.Position(account, Today, Defaults).Status.LastReturnedPayment;

        Assert.Equal(new ReturnedPayment(Id("p1"), Date(2026, 3, 8), ReturnKind.Cheque), last);
    }

    [Fact]
    public void Position_NoReturnedPayment_HasNone() =>
        Assert.Null(CreditControl.Position(NewAccount().Post(Invoice("1", 1m)), Today, Defaults).Status.LastReturnedPayment);

    [Fact]
    public void Position_BlockSetAndLifted_FollowsTheLastEntry()
    {
        var blocked = NewAccount().Post(new CreditBlockSet(Id("b1"), CreditBlockLevel.DeliveryAndOrders, "insolvency rumours"));
        var lifted = blocked.Post(new CreditBlockLifted(Id("b2"), "cleared"));
        var again = lifted.Post(new CreditBlockSet(Id("b3"), CreditBlockLevel.Delivery, "cheque bounced"));

        Assert.Equal(new CreditBlock(CreditBlockLevel.DeliveryAndOrders, "insolvency rumours", Alice, Now, Id("b1")), CreditControl.Position(blocked, Today, Defaults).Block);
        Assert.Null(CreditControl.CurrentBlock(lifted));
        Assert.Equal(CreditBlockLevel.Delivery, CreditControl.CurrentBlock(again)!.Level);
    }

    [Theory]
    [InlineData(CreditBlockLevel.Delivery, SalesDocumentKind.Quote, false)]
    [InlineData(CreditBlockLevel.Delivery, SalesDocumentKind.Order, false)]
    [InlineData(CreditBlockLevel.Delivery, SalesDocumentKind.Delivery, true)]
    [InlineData(CreditBlockLevel.DeliveryAndOrders, SalesDocumentKind.Quote, false)]
    [InlineData(CreditBlockLevel.DeliveryAndOrders, SalesDocumentKind.Order, true)]
    [InlineData(CreditBlockLevel.DeliveryAndOrders, SalesDocumentKind.Delivery, true)]
    [InlineData(CreditBlockLevel.DeliveryOrdersAndQuotes, SalesDocumentKind.Quote, true)]
    [InlineData(CreditBlockLevel.DeliveryOrdersAndQuotes, SalesDocumentKind.Order, true)]
    [InlineData(CreditBlockLevel.DeliveryOrdersAndQuotes, SalesDocumentKind.Delivery, true)]
    public void Check_ManualBlock_StopsTheDocumentKindsOfItsLevel(CreditBlockLevel level, SalesDocumentKind document, bool refused)
    {
        var account = NewAccount().Post(new CreditBlockSet(Id("b"), level, "manual"));

        var decision = CreditControl.Check(CreditControl.Position(account, Today, Defaults), document, Defaults);

        Assert.Equal(refused ? CreditOutcome.Refused : CreditOutcome.Allowed, decision.Outcome);
        Assert.Equal(refused ? [CreditRefusalReason.ManualBlock] : [], decision.Reasons.Select(r => r.Reason));
    }

    [Fact]
    public void Check_NothingWrong_IsAllowed()
    {
        var account = WithLimit(10_000m).Post(Invoice("1", 1_000m, dueDate: Date(2026, 4, 1)));

        var decision = CreditControl.Check(CreditControl.Position(account, Today, Defaults), SalesDocumentKind.Delivery, Defaults);

        Assert.Equal(CreditOutcome.Allowed, decision.Outcome);
        Assert.True(decision.MayProceed);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void Check_OrderThatWouldOverrunTheLimit_IsRefused()
    {
        var account = WithLimit(10_000m).Post(Invoice("1", 6_000m, dueDate: Date(2026, 4, 1)));
        var position = CreditControl.Position(account, Today, Defaults, [Eur(3_000m)]);

        var within = CreditControl.Check(position, SalesDocumentKind.Order, Defaults, Eur(1_000m));
        var over = CreditControl.Check(position, SalesDocumentKind.Order, Defaults, Eur(1_000.01m));

        Assert.Equal(CreditOutcome.Allowed, within.Outcome);
        Assert.Equal(CreditOutcome.Refused, over.Outcome);
        Assert.Equal(CreditRefusalReason.CreditLimitExceeded, Assert.Single(over.Reasons).Reason);
        Assert.Contains("exceeded by 0.01 EUR", over.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InternalLimitExceeded_IsItsOwnReason()
    {
        var customer = NewCustomer() with { InternalCreditLimit = new CreditLimit(Eur(500m)) };
        var account = NewAccount(customer).Post(Invoice("1", 600m, dueDate: Date(2026, 4, 1)));

        var decision = CreditControl.Check(CreditControl.Position(account, Today, Defaults), SalesDocumentKind.Order, Defaults);

        Assert.Equal([CreditRefusalReason.InternalCreditLimitExceeded], decision.Reasons.Select(r => r.Reason));
    }

    [Fact]
    public void Check_Quote_IsStoppedByNoLimitAndNoOverdueStatus()
    {
        var settings = Defaults with { DeliveryStopDays = 1, InternalOverdueDays = 3 };
        var account = WithLimit(10m).Post(Invoice("1", 1_000m, dueDate: Date(2026, 1, 1)));

        var decision = CreditControl.Check(CreditControl.Position(account, Today, settings), SalesDocumentKind.Quote, settings, Eur(99_999m));

        Assert.Equal(CreditOutcome.Allowed, decision.Outcome);
    }

    [Fact]
    public void Check_OverdueCustomer_RefusesOrdersAndDeliveries_AndTheDeliveryStopOnlyDeliveries()
    {
        var settings = Defaults with { DeliveryStopDays = 30, InternalOverdueDays = 0 };
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: Date(2026, 2, 1)));
        var position = CreditControl.Position(account, Today, settings);

        var order = CreditControl.Check(position, SalesDocumentKind.Order, settings);
        var delivery = CreditControl.Check(position, SalesDocumentKind.Delivery, settings);

        Assert.Equal([CreditRefusalReason.Overdue, CreditRefusalReason.InternallyOverdue], order.Reasons.Select(r => r.Reason));
        Assert.Equal([CreditRefusalReason.Overdue, CreditRefusalReason.InternallyOverdue, CreditRefusalReason.DeliveryStop], delivery.Reasons.Select(r => r.Reason));
    }

    [Fact]
    public void Check_WarningOnlyReason_WarnsAndAllows()
    {
        var settings = Defaults with { WarningOnly = [CreditRefusalReason.Overdue] };
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: Date(2026, 2, 1)));

        var decision = CreditControl.Check(CreditControl.Position(account, Today, settings), SalesDocumentKind.Order, settings);

        Assert.Equal(CreditOutcome.Allowed, decision.Outcome);
        Assert.Equal(CreditRefusalReason.Overdue, Assert.Single(decision.Warnings).Reason);
    }

    [Fact]
    public void Check_NegativeAmount_Throws() =>
        Assert.Throws<ArgumentException>(() => CreditControl.Check(CreditControl.Position(NewAccount(), Today, Defaults), SalesDocumentKind.Order, Defaults, Eur(-1m)));

    [Fact]
    public void Check_UndefinedDocumentKind_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => CreditControl.Check(CreditControl.Position(NewAccount(), Today, Defaults), (SalesDocumentKind)9, Defaults));

    [Fact]
    public void Check_LimitNotValid_RefusesAndSaysSo()
    {
        var account = WithLimit(10_000m, validFrom: Date(2026, 4, 1)).Post(Invoice("1", 100m, dueDate: Date(2026, 4, 1)));

        var decision = CreditControl.Check(CreditControl.Position(account, Today, Defaults), SalesDocumentKind.Delivery, Defaults);

        Assert.Contains("not valid on 2026-03-15", Assert.Single(decision.Reasons).Message, StringComparison.Ordinal);
    }
}
