using Debitor.Core.Application;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 14 point 7 (R0.6): a credit note is applied to an invoice by a use case, and, with
/// <see cref="PaymentOptions.ApplyCreditNotesToRelatedItem"/>, automatically to the invoice it names when posted (D14.7).
/// </summary>
public sealed class CreditNoteApplicationServiceTests
{
    private static CreditNotePosted CreditNote(string id, decimal amount, string? related) =>
        new(Id(id), "GS-" + id, Date(2026, 3, 10), Eur(amount), related is null ? null : Id(related));

    private static async Task<ServiceFixture> FixtureAsync(bool automatic)
    {
        var fixture = new ServiceFixture();
        fixture.Options.Payments.ApplyCreditNotesToRelatedItem = automatic;
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await fixture.Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));
        return fixture;
    }

    [Fact]
    public async Task ApplyCreditNoteAsync_PartOfTheInvoice_LeavesTheRestOpenAndClosesTheCreditNote()
    {
        var fixture = await FixtureAsync(automatic: false);
        await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, "inv-1"));

        var account = await fixture.Service.ApplyCreditNoteAsync(Accountant, CustomerA, Id("cn-1/use"), Id("cn-1"), new InstallmentRef(Id("inv-1")));

        Assert.Equal(Eur(70m), account.FindItem(Id("inv-1"))!.OpenAmount);
        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("cn-1"))!.Status);
        Assert.Equal(account.Version, (await fixture.Service.ApplyCreditNoteAsync(Accountant, CustomerA, Id("cn-1/use"), Id("cn-1"), new InstallmentRef(Id("inv-1")))).Version);
    }

    [Fact]
    public async Task ApplyCreditNoteAsync_ClerkWithoutPaymentRights_IsRefused()
    {
        var fixture = await FixtureAsync(automatic: false);
        await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, "inv-1"));

        await Assert.ThrowsAsync<AuthorizationException>(() => fixture.Service.ApplyCreditNoteAsync(Viewer, CustomerA, Id("cn-1/use"), Id("cn-1"), new InstallmentRef(Id("inv-1"))));
    }

    [Fact]
    public async Task PostAsync_OptionOff_LeavesTheCreditNoteOpen()
    {
        var fixture = await FixtureAsync(automatic: false);

        var account = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, "inv-1"));

        Assert.Equal(Eur(100m), account.FindItem(Id("inv-1"))!.OpenAmount);
        Assert.Equal(Eur(30m), account.FindItem(Id("cn-1"))!.OpenAmount);
    }

    [Fact]
    public async Task PostAsync_OptionOn_AppliesTheCreditNoteToTheInvoiceItNamesInTheSameAppend()
    {
        var fixture = await FixtureAsync(automatic: true);
        var before = (await fixture.Service.GetAccountAsync(Accountant, CustomerA)).Version;

        var account = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, "inv-1"));

        Assert.Equal(Eur(70m), account.FindItem(Id("inv-1"))!.OpenAmount);
        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("cn-1"))!.Status);
        var appended = account.Journal.Where(r => r.Version > before).ToList();
        Assert.Equal([typeof(CreditNotePosted), typeof(PaymentApplied)], appended.Select(r => r.Entry.GetType()));
        Assert.Single(appended.Select(r => r.RecordedAt).Distinct());
        Assert.Equal(Today, ((PaymentApplied)appended[1].Entry).Date);
    }

    [Fact]
    public async Task PostAsync_OptionOnPostedTwice_AppliesOnce()
    {
        var fixture = await FixtureAsync(automatic: true);
        var first = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, "inv-1"));

        var second = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, "inv-1"));

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(Eur(70m), second.FindItem(Id("inv-1"))!.OpenAmount);
    }

    [Fact]
    public async Task PostAsync_OptionOnCreditLargerThanTheInvoice_SettlesItAndKeepsTheRestAsCredit()
    {
        var fixture = await FixtureAsync(automatic: true);

        var account = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 130m, "inv-1"));

        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("inv-1"))!.Status);
        Assert.Equal(Eur(30m), account.FindItem(Id("cn-1"))!.OpenAmount);
    }

    [Fact]
    public async Task PostAsync_OptionOnInvoiceInInstallments_AppliesInDueDateOrder()
    {
        var fixture = await FixtureAsync(automatic: true);
        var installments = new InvoicePosted(Id("inv-2"), "RE-2", Date(2026, 3, 1), Date(2026, 4, 1), Eur(100m), [new Installment(Eur(50m), Date(2026, 5, 1)), new Installment(Eur(50m), Date(2026, 4, 1))]);
        await fixture.Service.PostAsync(Accountant, CustomerA, installments);

        var account = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-2", 70m, "inv-2"));

        Assert.Equal(Eur(30m), account.FindInstallment(new InstallmentRef(Id("inv-2"), 1))!.OpenAmount);
        Assert.False(account.FindInstallment(new InstallmentRef(Id("inv-2"), 2))!.IsOpen);
        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("cn-2"))!.Status);
    }

    [Fact]
    public async Task PostAsync_OptionOnNamedInvoiceAlreadyPaid_KeepsTheCreditNoteOpen()
    {
        var fixture = await FixtureAsync(automatic: true);
        await fixture.Service.PostAllAsync(Accountant, CustomerA, [Payment("pay-1", 100m), Apply("app-1", "pay-1", "inv-1", 100m)]);

        var account = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, "inv-1"));

        Assert.Equal(Eur(30m), account.FindItem(Id("cn-1"))!.OpenAmount);
    }

    [Fact]
    public async Task PostAsync_OptionOnCreditNoteNamingNothing_StaysOpen()
    {
        var fixture = await FixtureAsync(automatic: true);

        var account = await fixture.Service.PostAsync(Accountant, CustomerA, CreditNote("cn-1", 30m, null));

        Assert.Equal(Eur(30m), account.FindItem(Id("cn-1"))!.OpenAmount);
        Assert.Equal(Eur(100m), account.FindItem(Id("inv-1"))!.OpenAmount);
    }
}
