using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

/// <summary>Bad input is refused with an exception naming the argument, and the account stays exactly as it was.</summary>
public sealed class LedgerRulesTests
{
    private static readonly CustomerAccount Base = NewAccount().Post(
        Invoice("inv-1", 100m),
        Payment("pay-1", 60m));

    private static void AssertRefused(JournalEntry entry, string because)
    {
        var journalBefore = Base.Journal.ToList();

        var exception = Assert.Throws<ArgumentException>(() => Base.Post(entry));

        Assert.Equal("entries", exception.ParamName);
        Assert.Contains(because, exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(journalBefore, Base.Journal);
        Assert.Equal(Eur(40m), Base.BalanceIn(Currency.EUR));
    }

    [Fact]
    public void Check_InstallmentsNotAddingUp_Refused() =>
        AssertRefused(
            new InvoicePosted(Id("inv-2"), "RE-2", Date(2026, 1, 1), Date(2026, 2, 1), Eur(100m), [new Installment(Eur(60m)), new Installment(Eur(30m))]),
            "add up to 90.00 EUR");

    [Fact]
    public void Check_InstallmentInOtherCurrency_Refused() =>
        AssertRefused(
            new InvoicePosted(Id("inv-2"), "RE-2", Date(2026, 1, 1), Date(2026, 2, 1), Eur(100m), [new Installment(Eur(60m)), new Installment(Usd(40m))]),
            "USD");

    [Fact]
    public void Check_InvoiceWithoutInstallments_Refused() =>
        AssertRefused(new InvoicePosted(Id("inv-2"), "RE-2", Date(2026, 1, 1), Date(2026, 2, 1), Eur(100m), []), "at least one installment");

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Installment_NotPositive_ThrowsNamingAmount(string amount) =>
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => new Installment(Eur(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)))).ParamName);

    [Fact]
    public void Check_ZeroInvoiceAmount_Refused() =>
        AssertRefused(new InvoicePosted(Id("inv-2"), "RE-2", Date(2026, 1, 1), Date(2026, 2, 1), Eur(0m), [new Installment(Eur(1m))]), "greater than zero");

    [Fact]
    public void Check_NegativePayment_Refused() => AssertRefused(Payment("pay-2", -1m), "greater than zero");

    [Fact]
    public void Check_FractionOfACent_Refused() => AssertRefused(Payment("pay-2", 1.005m), "fraction");

    [Fact]
    public void Check_ApplicationLargerThanOpenAmount_Refused() =>
        AssertRefused(Apply("app-1", "pay-1", "inv-1", 60.01m), "more than");

    [Fact]
    public void Check_ApplicationInOtherCurrency_Refused() =>
        AssertRefused(new PaymentApplied(Id("app-1"), Id("pay-1"), new InstallmentRef(Id("inv-1")), Usd(10m), Date(2026, 3, 1)), "different currencies");

    [Fact]
    public void Check_UnknownItem_Refused() => AssertRefused(Apply("app-1", "pay-1", "inv-404", 10m), "does not exist");

    [Fact]
    public void Check_UnknownInstallment_Refused() => AssertRefused(Apply("app-1", "pay-1", "inv-1", 10m, installment: 2), "no installment 2");

    [Fact]
    public void Check_PausingAPaidItem_Refused()
    {
        var paid = Base.Post(Apply("app-1", "pay-1", "inv-1", 60m), Payment("pay-2", 40m), Apply("app-2", "pay-2", "inv-1", 40m));

        var exception = Assert.Throws<ArgumentException>(() => paid.Post(new ItemPaused(Id("p-1"), Id("inv-1"), "why")));

        Assert.Contains("paid", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PauseEndingBeforeToday_Refused() =>
        AssertRefused(new ItemPaused(Id("p-1"), Id("inv-1"), "why", Today.PlusDays(-1)), "before today");

    [Fact]
    public void Check_DueDateChangeWithoutNote_Refused() =>
        AssertRefused(new DueDateChanged(Id("d-1"), Id("inv-1"), Date(2026, 5, 1), " "), "note");

    [Fact]
    public void Check_ReversingAnInvoiceWithApplications_Refused()
    {
        var applied = Base.Post(Apply("app-1", "pay-1", "inv-1", 60m));

        var exception = Assert.Throws<ArgumentException>(() => applied.Post(new EntryReversed(Id("rev-1"), Id("inv-1"), Today, "wrong")));

        Assert.Contains("reverse those first", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReversingTwice_Refused()
    {
        var reversed = Base.Post(new EntryReversed(Id("rev-1"), Id("pay-1"), Today, "wrong"));

        Assert.Throws<ArgumentException>(() => reversed.Post(new EntryReversed(Id("rev-2"), Id("pay-1"), Today, "again")));
    }

    [Fact]
    public void Check_ReversingAReversal_Refused()
    {
        var reversed = Base.Post(new EntryReversed(Id("rev-1"), Id("pay-1"), Today, "wrong"));

        Assert.Throws<ArgumentException>(() => reversed.Post(new EntryReversed(Id("rev-2"), Id("rev-1"), Today, "undo")));
    }

    [Fact]
    public void Check_SameIdSameContent_IsANoOp()
    {
        var again = Base.Post(Invoice("inv-1", 100m));

        Assert.Equal(Base.Version, again.Version);
    }

    [Fact]
    public void Check_SameIdOtherContent_ThrowsDuplicateEntry() =>
        Assert.Throws<DuplicateEntryException>(() => Base.Post(Invoice("inv-1", 101m)));

    [Fact]
    public void Check_InvoiceWithSameInstallmentsInNewList_IsANoOp()
    {
        var account = NewAccount().Post(new InvoicePosted(Id("inv-9"), "RE-9", Date(2026, 1, 1), Date(2026, 2, 1), Eur(3m), [new Installment(Eur(1m)), new Installment(Eur(2m))]));

        var again = account.Post(new InvoicePosted(Id("inv-9"), "RE-9", Date(2026, 1, 1), Date(2026, 2, 1), Eur(3m), [new Installment(Eur(1m)), new Installment(Eur(2m))]));

        Assert.Equal(account.Version, again.Version);
    }

    [Fact]
    public void Check_BatchWithOneBadEntry_AppendsNothing()
    {
        var journalBefore = Base.Journal.ToList();

        Assert.Throws<ArgumentException>(() => Base.Post(Payment("pay-2", 10m), Apply("app-1", "pay-2", "inv-1", 20m)));

        Assert.Equal(journalBefore, Base.Journal);
    }

    [Fact]
    public void Check_InvoiceForArchivedCustomer_ThrowsCustomerArchived()
    {
        var archived = Base.Post(new CustomerArchived(Id("arch"), "moved away"));

        Assert.Throws<CustomerArchivedException>(() => archived.Post(Invoice("inv-2", 5m)));
    }

    [Fact]
    public void Check_ReturningARefundedPayment_Refused()
    {
        var refunded = Base.Post(new RefundPosted(Id("ref-1"), Id("pay-1"), Eur(10m), Today));

        Assert.Throws<ArgumentException>(() => refunded.Post(new PaymentReturned(Id("ret-1"), Id("pay-1"), Today, ReturnKind.Cheque)));
    }
}
