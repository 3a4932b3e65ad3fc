using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.FollowUps;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 14 point 5 (D14.5): portfolio figures, listings and runs take a company; nothing adds up several companies by
/// accident. Two companies in one store: "acme" (customer A, 100 EUR due 10 February, a residual of 5 cents on another
/// customer) and "nord" (one customer, 1,000 EUR due 10 February, a residual of 5 cents).
/// </summary>
public sealed class CompanyScopeTests
{
    private static readonly CompanyId Nord = new("nord");
    private static readonly CustomerId NordCustomer = new("N-1");

    private static async Task<FaultHarness> TwoCompaniesAsync()
    {
        var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        await harness.Accounts.RegisterCustomerAsync(Accountant, new Core.Customers.Customer(NordCustomer, "N1", "Nord GmbH", Nord));
        await harness.Accounts.PostAllAsync(Accountant, NordCustomer, [
            Invoice("n-1", 1000m, Date(2026, 2, 10), Date(2026, 1, 10)),
            Invoice("n-2", 10m, Date(2026, 3, 1), Date(2026, 2, 1)), Payment("n-pay", 9.95m, Date(2026, 3, 2)), Apply("n-app", "n-pay", "n-2", 9.95m),
        ]);
        await harness.Collections.CreateFollowUpAsync(Accountant, NordCustomer, new FollowUpCreated(Id("n-fu"), FollowUpKind.FollowUp, Date(2026, 3, 16), "Nord anrufen"));
        return harness;
    }

    [Fact]
    public async Task GetPortfolioAgingAsync_TwoCompanies_AgesEachOnItsOwn()
    {
        using var harness = await TwoCompaniesAsync();

        var acme = await harness.Figures.GetPortfolioAgingAsync(UseCases.Actor, Company);
        var nord = await harness.Figures.GetPortfolioAgingAsync(UseCases.Actor, Nord);

        Assert.Equal((3, 1), (acme.Accounts, nord.Accounts));
        Assert.Equal(Eur(150.05m), acme.LineIn(Currency.EUR)!.Total);
        Assert.Equal(Eur(1000.05m), nord.LineIn(Currency.EUR)!.Total);
    }

    [Fact]
    public async Task GetPortfolioTurnoverAsync_TwoCompanies_CountsEachCompanysInvoicesOnly()
    {
        using var harness = await TwoCompaniesAsync();
        var period = new DateInterval(Date(2026, 1, 1), Date(2026, 3, 15));

        var acme = Assert.Single(await harness.Figures.GetPortfolioTurnoverAsync(UseCases.Actor, Company, period));
        var nord = Assert.Single(await harness.Figures.GetPortfolioTurnoverAsync(UseCases.Actor, Nord, period));

        Assert.NotEqual(acme, nord);
        Assert.Equal(acme, Assert.Single(await harness.Figures.GetPortfolioTurnoverAsync(UseCases.Actor, Company, period)));
    }

    [Fact]
    public async Task DueFollowUpsAsync_TwoCompanies_ListsTheCompanysOnly()
    {
        using var harness = await TwoCompaniesAsync();

        var acme = await harness.Collections.DueFollowUpsAsync(UseCases.Actor, Company, Date(2026, 3, 31));
        var nord = await harness.Collections.DueFollowUpsAsync(UseCases.Actor, Nord, Date(2026, 3, 31));

        Assert.All(acme, d => Assert.NotEqual(NordCustomer, d.Customer));
        Assert.Equal([(NordCustomer, Id("n-fu"))], nord.Select(d => (d.Customer, d.FollowUp.Id)));
    }

    [Fact]
    public async Task WriteOffResidualsAsync_CompanyRun_LeavesTheOtherCompanyAlone()
    {
        using var harness = await TwoCompaniesAsync();

        var result = await harness.Payments.WriteOffResidualsAsync(UseCases.Actor, new ResidualWriteOffRun(Id("small"), Today, [Eur(0.10m)], "Kleinbetrag") { Company = Nord });

        Assert.Equal([NordCustomer], result.WrittenOff.Select(w => w.Customer).Distinct());
        Assert.DoesNotContain(await harness.Store.LoadAsync(UseCases.Other, default), r => r.Entry is WriteOffPosted);
    }

    [Fact]
    public async Task WriteOffResidualsAsync_NeitherCustomersNorCompany_IsRefusedAndChangesNothing()
    {
        using var harness = await TwoCompaniesAsync();
        var before = await harness.SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => harness.Payments.WriteOffResidualsAsync(UseCases.Actor, new ResidualWriteOffRun(Id("small"), Today, [Eur(0.10m)], "Kleinbetrag")));

        Assert.Equal("run", refused.ParamName);
        Assert.Equal(before, await harness.SnapshotAsync());
    }

    [Fact]
    public async Task DunningPreview_TwoCompanies_DunsTheRequestedCompanyOnly()
    {
        using var harness = await TwoCompaniesAsync();

        var acme = await harness.Dunning.PreviewAsync(UseCases.Actor, new DunningRunRequest(new DunningRunId("r-acme"), Company, Today));
        var nord = await harness.Dunning.PreviewAsync(UseCases.Actor, new DunningRunRequest(new DunningRunId("r-nord"), Nord, Today));

        Assert.DoesNotContain(acme.Letters, l => l.RecipientId == NordCustomer);
        Assert.Equal([NordCustomer], nord.Letters.Select(l => l.RecipientId));
    }

    [Fact]
    public async Task PortfolioFigures_DefaultCompany_IsRefused()
    {
        using var harness = await TwoCompaniesAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Figures.GetPortfolioAgingAsync(UseCases.Actor, default));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Collections.DueFollowUpsAsync(UseCases.Actor, default, Today));
    }
}
