using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

public sealed class InterestInvoiceServiceTests
{
    private readonly ServiceFixture _fixture = new();

    private InterestInvoiceService NewService(InterestSchemeRegistry? registry = null) => new(_fixture.Service, registry ?? new InterestSchemeRegistry(), _fixture.Output, _fixture.Options);

    private async Task RegisterWithOverdueInvoiceAsync(Core.Customers.Customer? customer = null)
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, customer ?? NewCustomer());
        await _fixture.Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 1000m, Date(2025, 12, 31)));
    }

    [Fact]
    public async Task IssueAsync_DefaultBusinessScheme_PostsInterestAndCompensationUpToToday()
    {
        await RegisterWithOverdueInvoiceAsync();

        var invoice = Assert.Single(await NewService().IssueAsync(Accountant, CustomerA, "ZR-1"));

        // 1 Jan–15 Mar 2026: 74 days at 1.27 + 9 = 10.27 % on 1000.00 = 20.82
        Assert.Equal((Eur(20.82m), Eur(40m)), (invoice.InterestTotal, invoice.RecoveryCompensationTotal));
        var account = await _fixture.Service.GetAccountAsync(Accountant, CustomerA);
        Assert.Equal(Eur(1060.82m), account.BalanceIn(Currency.EUR));
        Assert.Equal(ItemKind.Interest, account.FindItem(Id("ZR-1/inv-1"))!.Kind);
    }

    [Fact]
    public async Task IssueAsync_Consumer_UsesTheConsumerRateAndNoCompensation()
    {
        await RegisterWithOverdueInvoiceAsync(NewCustomer() with { IsConsumer = true });

        var invoice = Assert.Single(await NewService().IssueAsync(Accountant, CustomerA, "ZR-1"));

        // 74 days at 1.27 + 5 = 6.27 % on 1000.00 = 12.71
        Assert.Equal((Eur(12.71m), Eur(0m)), (invoice.InterestTotal, invoice.RecoveryCompensationTotal));
    }

    [Fact]
    public async Task IssueAsync_HandsTheInvoiceToTheOutputWithOurContact()
    {
        await RegisterWithOverdueInvoiceAsync();
        _fixture.Options.ReceivablesContact = new Core.Documents.ReceivablesContact("Erika Muster", "+49 30 1234", "ar@example.com");

        await NewService().IssueAsync(Accountant, CustomerA, "ZR-1");
        await NewService().IssueAsync(Accountant, CustomerA, "ZR-1");

        var delivered = Assert.IsType<Core.Interest.InterestInvoice>(Assert.Single(_fixture.Output.Documents));
        Assert.Equal(("ZR-1", "Erika Muster"), (delivered.DocumentId, delivered.Contact.Name));
    }

    [Fact]
    public async Task IssueAsync_Twice_ChargesOnce()
    {
        await RegisterWithOverdueInvoiceAsync();
        var service = NewService();

        await service.IssueAsync(Accountant, CustomerA, "ZR-1");
        await service.IssueAsync(Accountant, CustomerA, "ZR-1");

        Assert.Equal(Eur(1060.82m), (await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).BalanceIn(Currency.EUR));
    }

    [Fact]
    public async Task PreviewAsync_ChangesNothing()
    {
        await RegisterWithOverdueInvoiceAsync();
        var before = (await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Version;

        Assert.Single(await NewService().PreviewAsync(Clerk, CustomerA, "ZR-1"));

        Assert.Equal(before, (await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Version);
    }

    [Fact]
    public async Task IssueAsync_Clerk_IsRefused()
    {
        await RegisterWithOverdueInvoiceAsync();

        await Assert.ThrowsAsync<AuthorizationException>(() => NewService().IssueAsync(Clerk, CustomerA, "ZR-1"));
    }

    [Fact]
    public async Task IssueAsync_ReplacedDefaultScheme_IsUsed()
    {
        await RegisterWithOverdueInvoiceAsync();
        var registry = new InterestSchemeRegistry();
        registry.Set(Core.Interest.InterestSchemeCatalog.DefaultId, Core.Interest.InterestScheme.Fixed(0m));

        Assert.Empty(await NewService(registry).IssueAsync(Accountant, CustomerA, "ZR-1"));
    }

    [Fact]
    public async Task PreviewAsync_UnknownInterestScheme_ThrowsNamingCustomer()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-X", "Kunde X") with { InterestScheme = new SchemeId("nope") });

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => NewService().PreviewAsync(Accountant, new CustomerId("C-X"), "ZR-1"));

        Assert.Equal("customer", exception.ParamName);
    }
}
