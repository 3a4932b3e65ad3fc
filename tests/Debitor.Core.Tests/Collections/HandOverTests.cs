using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Collections;

public sealed class HandOverTests
{
    private readonly ServiceFixture _fixture = new();

    private CollectionService Collections => new(_fixture.Service, _fixture.Store, new InterestSchemeRegistry(), new EicarTestScanner(), new InMemoryFileStorage());

    private async Task<HandOverDocument> HandedOverAsync()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await _fixture.Service.PostAllAsync(Accountant, CustomerA,
        [
            Invoice("inv-1", 1000m, Date(2025, 12, 31)),
            Invoice("inv-2", 50m, Date(2025, 12, 31)),
            new ChargePosted(Id("fee-1"), ChargeKind.DunningFee, "M-1", Date(2026, 2, 1), Date(2026, 2, 15), Eur(5m), Id("inv-1")),
        ]);
        return await Collections.HandOverAsync(Accountant, CustomerA, Id("case-1"), [Id("inv-1")], HandOverKind.Lawyer, "Dr. Recht");
    }

    [Fact]
    public async Task HandOverAsync_SummarisesTheClaimInSection367Order()
    {
        var document = await HandedOverAsync();

        var claim = Assert.Single(document.Claims);
        // Interest 1 Jan–15 Mar 2026, 74 days at 10.27 % on 1000.00 = 20.82
        Assert.Equal((Eur(5m), Eur(20.82m), Eur(1000m)), (claim.Costs, claim.Interest, claim.Principal));
        Assert.Equal(Eur(1025.82m), document.Total);
        Assert.Equal(["RE-inv-1", "M-1"], document.Documents);
    }

    [Fact]
    public async Task HandOverAsync_ItemShowsItsLegalStatusAndAccruesNoInterestInRuns()
    {
        await HandedOverAsync();
        var account = await _fixture.Service.GetAccountAsync(Accountant, CustomerA);

        Assert.Equal(LegalStatus.Lawyer, account.FindItem(Id("inv-1"))!.LegalStatus);
        var invoice = Assert.Single(InterestInvoicing.Prepare(account, InterestScheme.Fixed(10m), Date(2026, 3, 31), "ZR-1"));
        Assert.Equal([Id("inv-2")], invoice.Items.Select(i => i.Item));
    }

    [Fact]
    public async Task CloseHandOverAsync_Returned_ItemIsBackToNormal()
    {
        await HandedOverAsync();

        var account = await Collections.CloseHandOverAsync(Accountant, CustomerA, Id("close-1"), Id("case-1"), HandOverOutcome.Returned);

        Assert.Equal(LegalStatus.None, account.FindItem(Id("inv-1"))!.LegalStatus);
        Assert.False(account.HandOvers[0].IsOpen);
    }

    [Fact]
    public async Task HandOverAsync_Clerk_IsRefused()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await _fixture.Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 10m));

        await Assert.ThrowsAsync<AuthorizationException>(() => Collections.HandOverAsync(Clerk, CustomerA, Id("case-1"), [Id("inv-1")], HandOverKind.CollectionAgency, "Inkasso AG"));
    }

    [Fact]
    public async Task HandOverAsync_Twice_IsRefused()
    {
        await HandedOverAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Collections.HandOverAsync(Accountant, CustomerA, Id("case-2"), [Id("inv-1")], HandOverKind.CollectionAgency, "Inkasso AG"));
    }
}
