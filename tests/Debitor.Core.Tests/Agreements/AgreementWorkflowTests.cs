using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Agreements;

public sealed class AgreementWorkflowTests
{
    private readonly ServiceFixture _fixture = new();

    private CollectionService Collections => new(_fixture.Service, _fixture.Store, new InterestSchemeRegistry(), new EicarTestScanner(), new InMemoryFileStorage());

    private async Task<CustomerAccount> AgreedAsync(PaymentAgreementTerms? terms = null)
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await _fixture.Service.PostAllAsync(Accountant, CustomerA, [Invoice("inv-1", 600m, Date(2026, 1, 31)), Invoice("inv-2", 400m, Date(2026, 2, 28))]);
        return await Collections.MakeAgreementAsync(Clerk, CustomerA, Id("agr-1"), [Id("inv-1"), Id("inv-2")], terms ?? PaymentAgreementTerms.ByCount(3, Date(2026, 4, 1)) with { GraceDays = 5 }, "agreed on the phone");
    }

    private Task<CustomerAccount> PayAsync(string id, decimal amount, LocalDate date, string item = "inv-1") =>
        _fixture.Service.PostAllAsync(Accountant, CustomerA, [Payment(id, amount, date), new PaymentApplied(Id("app-" + id), Id(id), new InstallmentRef(Id(item)), Eur(amount), date)]);

    [Fact]
    public async Task MakeAgreementAsync_CoversTheItemsWithASchedulePrintedAsADocument()
    {
        var account = await AgreedAsync();

        var agreement = Assert.Single(account.Agreements);
        Assert.Equal([Eur(333.34m), Eur(333.33m), Eur(333.33m)], agreement.Schedule.Select(i => i.Amount));
        Assert.All(account.OpenItems.Where(i => i.IsClaim), i => Assert.True(i.IsCoveredByAgreement));
        Assert.Contains(account.Communications, c => c.Kind == Core.Communication.CommunicationKind.PaymentAgreement);
        var document = CollectionService.AgreementDocument(account, Id("agr-1"));
        Assert.Equal((Eur(1000m), 2), (document.Total, document.Items.Count));
    }

    [Fact]
    public async Task MakeAgreementAsync_WithInterestAndFee_PostsThemAsCoveredCharges()
    {
        var account = await AgreedAsync(PaymentAgreementTerms.ByCount(2, Date(2026, 4, 14)) with { InterestPercent = 10m, Fee = Eur(15m) });

        var agreement = Assert.Single(account.Agreements);
        Assert.Equal(Eur(1027.33m), agreement.Total);
        Assert.Equal(Eur(1027.33m), account.BalanceIn(Currency.EUR));
        Assert.Equal(4, agreement.Items.Count);
    }

    [Fact]
    public async Task CheckAgreementsAsync_InstallmentsPaid_StaysKept()
    {
        await AgreedAsync();
        await PayAsync("pay-1", 333.34m, Date(2026, 4, 1));
        _fixture.Clock.Reset(Instant.FromUtc(2026, 4, 20, 9, 0));

        var check = Assert.Single(await Collections.CheckAgreementsAsync(Accountant, CustomerA));

        Assert.Equal(AgreementHealth.Kept, check.Health);
        Assert.Equal(2, check.NextInstallment!.Number);
    }

    [Fact]
    public async Task CheckAgreementsAsync_MissedPastGraceDays_BreaksAndReturnsTheItemsAtTheirLevel()
    {
        await AgreedAsync();
        await PayAsync("pay-1", 333.34m, Date(2026, 4, 1));
        _fixture.Clock.Reset(Instant.FromUtc(2026, 5, 7, 9, 0));

        var check = Assert.Single(await Collections.CheckAgreementsAsync(Accountant, CustomerA));
        var account = await _fixture.Service.GetAccountAsync(Accountant, CustomerA);

        Assert.Equal((AgreementHealth.Breached, 2), (check.Health, check.MissedInstallment));
        Assert.Equal(AgreementStatus.Broken, account.Agreements[0].Status);
        Assert.All(account.Items.Where(i => i.IsClaim), i => Assert.False(i.IsCoveredByAgreement));
        Assert.All(account.Items.SelectMany(i => i.Installments), i => Assert.Equal(DunningState.None, i.Dunning));
    }

    [Fact]
    public async Task CheckAgreementsAsync_WithinGraceDays_IsNotBroken()
    {
        await AgreedAsync();
        _fixture.Clock.Reset(Instant.FromUtc(2026, 4, 6, 9, 0));

        Assert.Equal(AgreementHealth.Kept, Assert.Single(await Collections.CheckAgreementsAsync(Accountant, CustomerA)).Health);
    }

    [Fact]
    public async Task CheckAgreementsAsync_AllPaid_IsCompleted()
    {
        await AgreedAsync();
        await PayAsync("pay-1", 600m, Date(2026, 4, 1));
        await PayAsync("pay-2", 400m, Date(2026, 4, 1), "inv-2");
        _fixture.Clock.Reset(Instant.FromUtc(2026, 9, 1, 9, 0));

        Assert.Equal(AgreementHealth.Completed, Assert.Single(await Collections.CheckAgreementsAsync(Accountant, CustomerA)).Health);
    }

    [Fact]
    public async Task DeleteAgreementAsync_ReturnsTheItems()
    {
        await AgreedAsync();

        var account = await Collections.DeleteAgreementAsync(Accountant, CustomerA, Id("del-1"), Id("agr-1"), "customer withdrew");

        Assert.Equal(AgreementStatus.Deleted, account.Agreements[0].Status);
        Assert.All(account.Items.Where(i => i.IsClaim), i => Assert.False(i.IsCoveredByAgreement));
    }

    [Fact]
    public async Task MakeAgreementAsync_ItemAlreadyCovered_IsRefused()
    {
        await AgreedAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Collections.MakeAgreementAsync(Clerk, CustomerA, Id("agr-2"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Date(2026, 4, 1))));
    }
}
