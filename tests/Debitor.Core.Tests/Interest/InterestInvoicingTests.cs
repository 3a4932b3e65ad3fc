using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Interest;

public sealed class InterestInvoicingTests
{
    private static readonly InterestScheme Business = InterestScheme.Fixed(10m).WithRecoveryCompensation(Eur(40m));

    private static CustomerAccount Overdue(Core.Customers.Customer? customer = null) =>
        NewAccount(customer).Post(Invoice("inv-1", 1000m, Date(2026, 1, 31)), Invoice("inv-2", 20m, Date(2026, 1, 31)));

    [Fact]
    public void Prepare_BusinessCustomer_ChargesInterestAndCompensationPerLateInvoice()
    {
        var invoice = Assert.Single(InterestInvoicing.Prepare(Overdue(), Business, Date(2026, 3, 31), "ZR-1"));

        Assert.Equal(Eur(16.16m), invoice.Items[0].Interest);
        Assert.Equal(Eur(0.32m), invoice.Items[1].Interest);
        Assert.Equal([Eur(40m), Eur(40m)], invoice.Items.Select(i => i.RecoveryCompensation));
        Assert.Equal(Eur(16.48m), invoice.InterestTotal);
        Assert.Equal(Eur(96.48m), invoice.Total);
        Assert.Equal(Date(2026, 4, 14), invoice.PaymentDueDate);
        Assert.Equal(CustomerA, invoice.Recipient);
    }

    [Fact]
    public void Prepare_Consumer_NeverChargesCompensation()
    {
        var invoice = Assert.Single(InterestInvoicing.Prepare(Overdue(NewCustomer() with { IsConsumer = true }), Business, Date(2026, 3, 31), "ZR-1"));

        Assert.All(invoice.Items, i => Assert.Equal(Eur(0m), i.RecoveryCompensation));
    }

    [Fact]
    public void Prepare_BelowMinimumAmount_LeavesTheItemOut()
    {
        var invoice = Assert.Single(InterestInvoicing.Prepare(Overdue(), Business.WithMinimumAmount(1m), Date(2026, 3, 31), "ZR-1"));

        Assert.Equal([Id("inv-1")], invoice.Items.Select(i => i.Item));
    }

    [Fact]
    public void Prepare_PayerRouting_SendsTheInvoiceToThePayer()
    {
        var child = NewCustomer() with
        {
            Payer = new CustomerId("C-2000"),
            PayerRouting = new Core.Customers.PayerRouting(InterestInvoices: Core.Customers.DocumentRecipient.Payer),
        };

        var invoice = Assert.Single(InterestInvoicing.Prepare(Overdue(child), Business, Date(2026, 3, 31), "ZR-1"));

        Assert.Equal(new CustomerId("C-2000"), invoice.Recipient);
    }

    [Fact]
    public void Entries_Posted_CreateChargesAndTheNextInvoiceStartsAfterThem()
    {
        var account = Overdue();
        var first = Assert.Single(InterestInvoicing.Prepare(account, Business, Date(2026, 3, 31), "ZR-1"));

        var posted = account.Post([.. InterestInvoicing.Entries(first)]);
        var second = Assert.Single(InterestInvoicing.Prepare(posted, Business, Date(2026, 4, 30), "ZR-2"));

        var charge = posted.FindItem(Id("ZR-1/inv-1"))!;
        Assert.Equal((ItemKind.Interest, Eur(16.16m)), (charge.Kind, charge.OpenAmount));
        Assert.Equal(Eur(96.48m) + Eur(1020m), posted.BalanceIn(Currency.EUR));
        Assert.All(second.Lines, l => Assert.Equal(Date(2026, 4, 1), l.Period.FirstDay));
        Assert.All(second.Items, i => Assert.Equal(Eur(0m), i.RecoveryCompensation));
    }

    [Fact]
    public void Entries_PostedTwice_AreANoOp()
    {
        var account = Overdue();
        var entries = InterestInvoicing.Entries(Assert.Single(InterestInvoicing.Prepare(account, Business, Date(2026, 3, 31), "ZR-1")));

        var once = account.Post([.. entries]);
        var twice = once.Post([.. entries]);

        Assert.Equal(once.Version, twice.Version);
    }

    [Fact]
    public void Prepare_TwoCurrencies_OneInvoiceEach()
    {
        var account = Overdue().Post(InvoicePosted.Single(Id("inv-3"), "RE-3", Date(2026, 1, 1), Date(2026, 1, 31), Usd(500m)));

        var invoices = InterestInvoicing.Prepare(account, Business, Date(2026, 3, 31), "ZR-1");

        Assert.Equal([("ZR-1-EUR", Currency.EUR), ("ZR-1-USD", Currency.USD)], invoices.Select(i => (i.Number, i.Currency)));
        Assert.Equal(Usd(0m), invoices[1].RecoveryCompensationTotal);
    }

    [Fact]
    public void Prepare_NothingOverdue_ReturnsNoInvoice() =>
        Assert.Empty(InterestInvoicing.Prepare(NewAccount().Post(Invoice("inv-1", 10m, Date(2026, 12, 31))), Business, Date(2026, 3, 31), "ZR-1"));
}
