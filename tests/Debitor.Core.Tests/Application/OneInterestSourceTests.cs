using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>Letter, interest invoice, open-items statement and headline of one customer read the one scheme source and agree (issue 11).</summary>
public sealed class OneInterestSourceTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryDocument_StatesTheSameInterestAtTheDebtorsRate(bool consumer)
    {
        var fixture = new CreditFixture();
        await fixture.RegisterAsync(NewCustomer() with { IsConsumer = consumer }, Invoice("inv-1", 1000m, Date(2026, 2, 10)));
        var settings = new InMemoryDunningSettingsProvider();
        settings.Set(Company, DunningData.Settings(new DunningScheme(new SchemeId("default"), [DunningData.Level(5, 1) with { ChargesInterest = true }])));
        var dunning = new DunningService(fixture.Store, new RoleBasedAuthorization(), settings, fixture.Schemes, new InMemoryDunningLetterOutput(), fixture.Clock, fixture.CoreOptions);
        var invoices = new InterestInvoiceService(fixture.Accounts, fixture.Schemes, new InMemoryDocumentOutput(), fixture.CoreOptions);

        var line = Assert.Single((await dunning.PreviewAsync(Accountant, DunningData.Run(Today))).Letters).Lines.Single();
        var invoiced = Assert.Single(Assert.Single(await invoices.PreviewAsync(Accountant, CustomerA, "ZR-1")).Items).Interest;
        var statement = (await fixture.Statements.GetOpenItemsStatementAsync(Accountant, CustomerA)).Lines.Single().Interest;
        var headline = await fixture.Credit.GetHeadlineAsync(Accountant, CustomerA);

        Assert.Equal(Core.Interest.BaseRateTable.Germany.RateOn(Date(2026, 2, 11)) + (consumer ? 5m : 9m), Assert.Single(line.InterestPeriods).AnnualRatePercent);
        Assert.True(line.Interest.IsPositive);
        Assert.Equal(line.Interest, invoiced);
        Assert.Equal(line.Interest, statement);
        Assert.Equal(Eur(1000m) + line.Interest, Assert.Single(headline.OpenIncludingInterest));
    }
}
