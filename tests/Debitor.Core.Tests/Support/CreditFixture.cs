using Debitor.Core.Application;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using NodaTime.Testing;

namespace Debitor.Core.Tests;

/// <summary>The credit, statement and figures use cases over the in-memory ports, with a fake clock at 15 March 2026.</summary>
internal sealed class CreditFixture
{
    public static readonly Actor Supervisor = new(new UserId("sue"), Roles.Supervisor);

    public CreditFixture(CreditControlSettings? rules = null)
    {
        Clock = new FakeClock(TestData.Now);
        var authorization = new RoleBasedAuthorization();
        Accounts = new CustomerAccountService(Store, authorization, Clock, CoreOptions);
        Credit = new CreditControlService(Accounts, authorization, Orders, Schemes, Tasks, new CreditControlOptions { Rules = rules ?? CreditControlSettings.Default });
        Statements = new StatementService(Accounts, Schemes, Reporting, CoreOptions);
        Figures = new ReceivablesFiguresService(Accounts, Store, Costs, CoreOptions, Reporting);
    }

    public InMemoryCustomerAccountStore Store { get; } = new();

    public FakeClock Clock { get; }

    public DebitorCoreOptions CoreOptions { get; } = new();

    public ReportingOptions Reporting { get; } = new();

    public InMemoryOpenOrderSource Orders { get; } = new();

    public InMemoryAccountManagerTasks Tasks { get; } = new();

    public InMemoryCostOfSalesSource Costs { get; } = new();

    public InterestSchemeRegistry Schemes { get; } = new();

    public CustomerAccountService Accounts { get; }

    public CreditControlService Credit { get; }

    public StatementService Statements { get; }

    public ReceivablesFiguresService Figures { get; }

    /// <summary>Registers a customer and posts ledger entries as an accountant.</summary>
    public async Task<CustomerAccount> RegisterAsync(Customer customer, params JournalEntry[] entries)
    {
        var account = await Accounts.RegisterCustomerAsync(TestData.Accountant, customer);
        return entries.Length == 0 ? account : await Accounts.PostAllAsync(TestData.Accountant, customer.Id, entries);
    }
}
