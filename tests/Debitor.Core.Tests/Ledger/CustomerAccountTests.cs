using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

public sealed class CustomerAccountTests
{
    [Fact]
    public void FromJournal_InvoiceWithPartialPayment_ShowsPaymentAndOpenAmount()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 1000m),
            Payment("pay-1", 400m, Date(2026, 3, 1)),
            Apply("app-1", "pay-1", "inv-1", 400m));

        var item = account.FindItem(Id("inv-1"))!;
        Assert.Equal(Eur(600m), item.OpenAmount);
        Assert.Equal(ItemStatus.Open, item.Status);
        var settlement = Assert.Single(item.Installments[0].Settlements);
        Assert.Equal((SettlementKind.Payment, Eur(400m), Date(2026, 3, 1)), (settlement.Kind, settlement.Amount, settlement.Date));
        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("pay-1"))!.Status);
        Assert.Equal(Eur(600m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void FromJournal_PaidInvoice_StaysListedWithItsHistory()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 100m),
            Payment("pay-1", 100m),
            Apply("app-1", "pay-1", "inv-1", 100m));

        var item = account.FindItem(Id("inv-1"))!;
        Assert.Equal(ItemStatus.Paid, item.Status);
        Assert.Contains(item, account.Items);
        Assert.DoesNotContain(item, account.OpenItems);
        Assert.Single(item.Installments[0].Settlements);
        Assert.Equal(Eur(0m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void DueDate_SeveralInstallments_IsTheOldestExplicitOne()
    {
        var invoice = new InvoicePosted(
            Id("inv-1"), "RE-1", Date(2026, 1, 1), Date(2026, 1, 31), Eur(300m),
            [
                new Installment(Eur(100m), Date(2026, 3, 1), InstallmentKind.Prepayment),
                new Installment(Eur(100m), null, InstallmentKind.Remainder),
                new Installment(Eur(100m), Date(2026, 2, 15)),
            ]);

        var item = NewAccount().Post(invoice).FindItem(Id("inv-1"))!;

        Assert.Equal(Date(2026, 2, 15), item.DueDate);
        Assert.Equal(Date(2026, 3, 1), item.Installments[0].DueDate);
        Assert.Equal(Date(2026, 1, 31), item.Installments[1].DueDate);
        Assert.Equal(InstallmentKind.Prepayment, item.Installments[0].Kind);
    }

    [Fact]
    public void DueDate_NoExplicitInstallmentDate_IsTheInvoiceDueDate()
    {
        var item = NewAccount().Post(Invoice("inv-1", 50m, Date(2026, 2, 28))).FindItem(Id("inv-1"))!;

        Assert.Equal(Date(2026, 2, 28), item.DueDate);
        Assert.Null(item.DueDateOverride);
    }

    [Fact]
    public void DueDateChanged_RecordsOldNewNoteUserAndTime()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 50m, Date(2026, 2, 28)),
            new DueDateChanged(Id("due-1"), Id("inv-1"), Date(2026, 4, 30), "customer asked for time"));

        var item = account.FindItem(Id("inv-1"))!;
        Assert.Equal(Date(2026, 4, 30), item.DueDate);
        Assert.Equal(Date(2026, 2, 28), item.OriginalDueDate);
        Assert.Equal(new DueDateOverride(Date(2026, 2, 28), Date(2026, 4, 30), "customer asked for time", Alice, Now), item.DueDateOverride);
        Assert.Equal(Date(2026, 4, 30), item.Installments[0].DueDate);
    }

    [Fact]
    public void IsPausedOn_PauseUntilDate_HoldsThroughThatDayThenEnds()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 50m),
            new ItemPaused(Id("p-1"), Id("inv-1"), "disputed", Date(2026, 4, 10)));

        var item = account.FindItem(Id("inv-1"))!;
        Assert.True(item.IsPausedOn(Date(2026, 4, 10)));
        Assert.False(item.IsPausedOn(Date(2026, 4, 11)));
        Assert.Equal(new PauseState("disputed", Alice, Now, Date(2026, 4, 10)), item.Pause);
    }

    [Fact]
    public void IsPausedOn_ResumedItem_IsNotPaused()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 50m),
            new ItemPaused(Id("p-1"), Id("inv-1"), "disputed"),
            new ItemResumed(Id("r-1"), Id("inv-1")));

        Assert.False(account.FindItem(Id("inv-1"))!.IsPausedOn(Date(2030, 1, 1)));
    }

    [Fact]
    public void Balances_TwoCurrencies_AreNeverAdded()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 100m),
            InvoicePosted.Single(Id("inv-2"), "RE-2", Date(2026, 1, 1), Date(2026, 2, 1), Usd(70m)));

        Assert.Equal([Eur(100m), Usd(70m)], account.Balances);
    }

    [Fact]
    public void WriteOff_ClosingTheRest_MakesTheItemPaidWhenAPaymentContributed()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 1000m),
            Payment("pay-1", 995m),
            Apply("app-1", "pay-1", "inv-1", 995m),
            new WriteOffPosted(Id("wo-1"), new InstallmentRef(Id("inv-1")), Eur(5m), Date(2026, 3, 1), "tolerance"));

        var item = account.FindItem(Id("inv-1"))!;
        Assert.Equal(ItemStatus.Paid, item.Status);
        Assert.Equal(Eur(5m), item.WrittenOffAmount);
    }

    [Fact]
    public void WriteOff_Alone_MakesTheItemWrittenOff()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 80m),
            new WriteOffPosted(Id("wo-1"), new InstallmentRef(Id("inv-1")), Eur(80m), Date(2026, 3, 1), "insolvency"));

        Assert.Equal(ItemStatus.WrittenOff, account.FindItem(Id("inv-1"))!.Status);
    }

    [Fact]
    public void PaymentReturned_ReopensTheItemsItSettled()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 100m),
            Invoice("inv-2", 50m),
            Payment("pay-1", 150m),
            Apply("app-1", "pay-1", "inv-1", 100m),
            Apply("app-2", "pay-1", "inv-2", 50m),
            new PaymentReturned(Id("ret-1"), Id("pay-1"), Date(2026, 3, 5), ReturnKind.DirectDebit, "MD06"));

        Assert.Equal(Eur(100m), account.FindItem(Id("inv-1"))!.OpenAmount);
        Assert.Equal(Eur(50m), account.FindItem(Id("inv-2"))!.OpenAmount);
        Assert.Equal(ItemStatus.Returned, account.FindItem(Id("pay-1"))!.Status);
        Assert.Equal(Id("ret-1"), account.FindItem(Id("inv-1"))!.Installments[0].Settlements[0].UndoneBy);
        Assert.Equal(Eur(150m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void EntryReversed_Application_RestoresBothSides()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 100m),
            Payment("pay-1", 100m),
            Apply("app-1", "pay-1", "inv-1", 100m),
            new EntryReversed(Id("rev-1"), Id("app-1"), Date(2026, 3, 2), "wrong invoice"));

        Assert.Equal(Eur(100m), account.FindItem(Id("inv-1"))!.OpenAmount);
        Assert.Equal(Eur(100m), account.FindItem(Id("pay-1"))!.OpenAmount);
        Assert.Equal(ItemStatus.Open, account.FindItem(Id("pay-1"))!.Status);
    }

    [Fact]
    public void EntryReversed_Invoice_ListsItAsReversedWithNothingOpen()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 100m),
            new EntryReversed(Id("rev-1"), Id("inv-1"), Date(2026, 3, 2), "posted twice"));

        var item = account.FindItem(Id("inv-1"))!;
        Assert.Equal(ItemStatus.Reversed, item.Status);
        Assert.Equal(Eur(0m), item.OpenAmount);
        Assert.Equal(Eur(0m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void CreditNote_AppliedToInvoice_SettlesAsCreditNote()
    {
        var account = NewAccount().Post(
            Invoice("inv-1", 100m),
            new CreditNotePosted(Id("cn-1"), "GS-1", Date(2026, 2, 1), Eur(30m), Id("inv-1")),
            new PaymentApplied(Id("app-1"), Id("cn-1"), new InstallmentRef(Id("inv-1")), Eur(30m), Date(2026, 2, 1)));

        Assert.Equal(SettlementKind.CreditNote, account.FindItem(Id("inv-1"))!.Installments[0].Settlements[0].Kind);
        Assert.Equal(Eur(70m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void Refund_TakesFromAnUnappliedPayment()
    {
        var account = NewAccount().Post(
            Payment("pay-1", 100m),
            new RefundPosted(Id("ref-1"), Id("pay-1"), Eur(40m), Date(2026, 3, 3)));

        Assert.Equal(Eur(60m), account.FindItem(Id("pay-1"))!.OpenAmount);
        Assert.Equal(Eur(-60m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void FromJournal_EmptyJournal_ThrowsArgumentException() =>
        Assert.Equal("journal", Assert.Throws<ArgumentException>(() => CustomerAccount.FromJournal([])).ParamName);

    [Fact]
    public void FromJournal_ApplicationToUnknownItem_ThrowsCorruptJournal()
    {
        var journal = NewAccount().Journal.Append(new JournalRecord(2, Now, Alice, Apply("app-1", "pay-x", "inv-x", 10m))).ToList();

        Assert.Throws<CorruptJournalException>(() => CustomerAccount.FromJournal(journal));
    }

    [Fact]
    public void FromJournal_VersionGap_ThrowsArgumentException()
    {
        var journal = NewAccount().Journal.Append(new JournalRecord(3, Now, Alice, Invoice("inv-1", 10m))).ToList();

        Assert.Throws<ArgumentException>(() => CustomerAccount.FromJournal(journal));
    }

    [Fact]
    public void HasPostedInvoice_TrueOnceAnInvoiceIsPosted()
    {
        Assert.False(NewAccount().HasPostedInvoice);
        Assert.True(NewAccount().Post(Invoice("inv-1", 1m)).HasPostedInvoice);
    }
}
