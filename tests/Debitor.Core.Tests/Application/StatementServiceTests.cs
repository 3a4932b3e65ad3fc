using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Statements;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

public sealed class StatementServiceTests
{
    private readonly CreditFixture _fixture = new();

    [Fact]
    public async Task GetAccountStatementAsync_IsDatedTodayWithTheConfiguredFiscalYearAndContact()
    {
        _fixture.Reporting.FiscalYearStart = new FiscalYearStart(10, 1);
        _fixture.CoreOptions.ReceivablesContact = new ReceivablesContact("Jana Kurz", "+49 89 1", "jk@example.com");
        var account = await _fixture.RegisterAsync(NewCustomer(), Invoice("1", 100m, documentDate: Date(2025, 9, 30)), Invoice("2", 50m, documentDate: Date(2025, 10, 1)));

        var statement = await _fixture.Statements.GetAccountStatementAsync(Viewer, CustomerA);

        Assert.Equal(Today, statement.Date);
        Assert.Equal(Date(2025, 10, 1), statement.FiscalYear.Start);
        Assert.Equal("Jana Kurz", statement.Contact.Name);
        Assert.Equal(Eur(100m), statement.Sections[0].OpeningBalance);
        Assert.Equal(account.BalanceIn(Currency.EUR), statement.ClosingBalanceIn(Currency.EUR));
    }

    [Fact]
    public async Task GetOpenItemsStatementAsync_ChargesInterestWithTheCustomersScheme()
    {
        await _fixture.RegisterAsync(NewCustomer(), Invoice("1", 10_000m, dueDate: Date(2025, 12, 31)));

        var statement = await _fixture.Statements.GetOpenItemsStatementAsync(Viewer, CustomerA, Date(2026, 1, 31));

        Assert.Equal(Date(2026, 1, 31), statement.Date);
        Assert.True(statement.Lines[0].Interest.IsPositive);
        Assert.Equal(31, statement.Lines[0].DaysOverdue);
    }

    [Fact]
    public async Task GetAccountStatementAsync_WithoutViewPermission_Throws()
    {
        await _fixture.RegisterAsync(NewCustomer());

        await Assert.ThrowsAsync<AuthorizationException>(() => _fixture.Statements.GetAccountStatementAsync(new Actor(new UserId("x"), "guest"), CustomerA));
    }
}
