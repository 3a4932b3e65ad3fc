using Debitor.Core.Customers;
using Debitor.Core.Figures;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

public sealed class ReceivablesFiguresServiceTests
{
    private readonly CreditFixture _fixture = new();

    [Fact]
    public async Task GetAgingAsync_AndPortfolio_UseTodayAndTheConfiguredBuckets()
    {
        _fixture.Reporting.Aging = new AgingSchedule(10);
        await _fixture.RegisterAsync(NewCustomer(), Invoice("1", 100m, dueDate: Date(2026, 3, 10)));
        await _fixture.RegisterAsync(NewCustomer("C-2000"), Invoice("1", 50m, dueDate: Date(2026, 1, 10)));

        var one = await _fixture.Figures.GetAgingAsync(Viewer, CustomerA);
        var all = await _fixture.Figures.GetPortfolioAgingAsync(Viewer, Company);

        Assert.Equal([Eur(0m), Eur(100m), Eur(0m)], one.Lines[0].Buckets);
        Assert.Equal([Eur(0m), Eur(100m), Eur(50m)], all.Lines[0].Buckets);
        Assert.Equal(2, all.Accounts);
    }

    [Fact]
    public async Task GetTurnoverAsync_ForOneAndForAll()
    {
        var period = new DateInterval(Date(2026, 1, 1), Date(2026, 1, 31));
        await _fixture.RegisterAsync(NewCustomer(), Invoice("1", 310m, documentDate: Date(2026, 1, 1)));
        await _fixture.RegisterAsync(NewCustomer("C-2000"), Invoice("1", 310m, documentDate: Date(2026, 1, 1)));

        var one = await _fixture.Figures.GetTurnoverAsync(Viewer, CustomerA, period);
        var all = await _fixture.Figures.GetPortfolioTurnoverAsync(Viewer, Company, period);

        Assert.Equal(31m, one[0].DaysSalesOutstanding);
        Assert.Equal(Eur(620m), all[0].Revenue);
    }

    [Fact]
    public async Task GetMonthlySeriesAsync_UsesTheLimitsCurrencyAndTheHostsCost()
    {
        await _fixture.RegisterAsync(NewCustomer() with { CreditLimit = new CreditLimit(Usd(5_000m)) }, Invoice("1", 100m, documentDate: Date(2026, 3, 2)));
        _fixture.Costs.Set(CustomerA, new YearMonth(2026, 3), Usd(40m));

        var series = await _fixture.Figures.GetMonthlySeriesAsync(Viewer, CustomerA);
        var inEuro = await _fixture.Figures.GetMonthlySeriesAsync(Viewer, CustomerA, Currency.EUR);

        Assert.Equal(Usd(5_000m), series[11].CreditLimit);
        Assert.Equal((Usd(0m), Usd(40m), Usd(-40m)), (series[11].Revenue, series[11].CostOfSales!.Value, series[11].GrossProfit!.Value));
        Assert.Equal(Eur(100m), inEuro[11].Revenue);
        Assert.Null(inEuro[11].GrossProfit);
        Assert.Null(inEuro[11].CreditLimit);
    }
}
