using Debitor.Core.Application;
using Debitor.Core.Banking;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Tests.Storage;
using Debitor.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Customers;

/// <summary>Issue 14 point 8 (R1.1): customer search, the same answers from the in-memory, SQLite and PostgreSQL searches.</summary>
public sealed class CustomerSearchTests : IDisposable
{
    private static readonly CompanyId Other = new("other-co");
    private static readonly BranchId North = new("nord");
    private const string MuellerIban = "DE89370400440532013000";

    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    /// <summary>Each search of the table, with the customer ids it must find, in order.</summary>
    public static TheoryData<string, string[]> Searches() => new()
    {
        { "number:1001", ["C-1001"] },
        { "number: 1001 ", ["C-1001"] },
        { "number:100", [] },
        { "name:müller", ["C-1001", "C-1003"] },
        { "email:BUCHHALTUNG@", ["C-1001"] },
        { "iban:de89 3704 0044 0532 0130 00", ["C-1001"] },
        { "text:schmidt", ["C-1002"] },
        { "text:0532 0130", ["C-1001"] },
        { "text:reisebüro", ["C-1002"] },
        { "text:1003", ["C-1003"] },
        { "branch:nord", ["C-1001", "C-1002"] },
        { "problematic:true", ["C-1002"] },
        { "problematic:false", ["C-1001", "C-1003"] },
        { "dunningBlocked:true", ["C-1003"] },
        { "creditBlocked:true", ["C-1001"] },
        { "workflows:false", ["C-1002"] },
        { "min:150", ["C-1001"] },
        { "max:50", ["C-1002", "C-1003"] },
        { "archived", ["C-1001", "C-1002", "C-1003", "C-1004"] },
        { "limit:2", ["C-1001", "C-1002"] },
        { "name:müller;branch:nord", ["C-1001"] },
        { "all", ["C-1001", "C-1002", "C-1003"] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_InMemory_FindsExactlyTheMatchingCustomers(string search, string[] expected)
    {
        var store = new InMemoryCustomerAccountStore();
        await SeedAsync(store);

        var hits = await new StoreCustomerSearch(store, new InMemoryAccountFaultLog()).SearchAsync(Query(search), CancellationToken.None);

        Assert.Equal(expected, hits.Select(h => h.Customer.Value));
    }

    [Fact]
    public async Task SearchAsync_Sqlite_AnswersEverySearchLikeTheInMemorySearch()
    {
        var memory = new InMemoryCustomerAccountStore();
        await SeedAsync(memory);
        var sqlite = await _file.OpenStoreAsync();
        await SeedAsync(sqlite);

        await AssertSameAnswersAsync(new StoreCustomerSearch(memory, new InMemoryAccountFaultLog()), new SqliteCustomerSearch(sqlite, new InMemoryAccountFaultLog()));
    }

    [SkippableFact]
    public async Task SearchAsync_PostgreSql_AnswersEverySearchLikeTheInMemorySearch()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var postgres = new PostgreSqlCustomerAccountStore(schema.ConnectionString);
        await postgres.EnsureSchemaAsync(CancellationToken.None);
        await SeedAsync(postgres);
        var memory = new InMemoryCustomerAccountStore();
        await SeedAsync(memory);

        await AssertSameAnswersAsync(new StoreCustomerSearch(memory, new InMemoryAccountFaultLog()), new PostgreSqlCustomerSearch(postgres, new InMemoryAccountFaultLog()));
    }

    [Fact]
    public async Task SearchAsync_Sqlite_HitCarriesFlagsAndBalances()
    {
        var sqlite = await _file.OpenStoreAsync();
        await SeedAsync(sqlite);

        var hit = Assert.Single(await new SqliteCustomerSearch(sqlite, new InMemoryAccountFaultLog()).SearchAsync(Query("number:1001"), CancellationToken.None));

        Assert.Equal(("1001", "Müller Touristik GmbH", Company, (BranchId?)North), (hit.Number, hit.Name, hit.Company, hit.Branch));
        Assert.True(hit.IsCreditBlocked);
        Assert.False(hit.IsProblematic || hit.IsDunningBlocked || hit.IsArchived);
        Assert.True(hit.InAutomaticWorkflows);
        Assert.Equal([Eur(200m)], hit.Balances);
    }

    [Fact]
    public async Task SearchAsync_Sqlite_UnreadableAccountIsReportedAndLeftOut()
    {
        var sqlite = await _file.OpenStoreAsync();
        await SeedAsync(sqlite);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_file.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER debitor_journal_no_update; UPDATE debitor_journal SET payload = '{' WHERE customer = 'C-1002' AND version = 1;";
            await command.ExecuteNonQueryAsync();
        }

        var faults = new InMemoryAccountFaultLog();

        var hits = await new SqliteCustomerSearch(sqlite, faults).SearchAsync(Query("all"), CancellationToken.None);

        Assert.Equal(["C-1001", "C-1003"], hits.Select(h => h.Customer.Value));
        Assert.Equal(new CustomerId("C-1002"), Assert.Single(faults.Faults).Customer);
    }

    [Fact]
    public async Task CustomerSearchService_ActorMayNotViewAHit_LeavesItOut()
    {
        var store = new InMemoryCustomerAccountStore();
        await SeedAsync(store);
        var service = new CustomerSearchService(new StoreCustomerSearch(store, new InMemoryAccountFaultLog()), new DenyOne(new CustomerId("C-1001")));

        var hits = await service.SearchAsync(Viewer, Query("name:müller"));

        Assert.Equal(["C-1003"], hits.Select(h => h.Customer.Value));
    }

    [Fact]
    public void Query_InvalidIbanOrLimit_IsRefusedNamingTheArgument()
    {
        Assert.Equal("Iban", Assert.Throws<ArgumentException>(() => new CustomerSearchQuery(Company) { Iban = "DE89370400440532013001" }).ParamName);
        Assert.Equal("Limit", Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSearchQuery(Company) { Limit = 0 }).ParamName);
        Assert.Equal("Limit", Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSearchQuery(Company) { Limit = CustomerSearchQuery.MaxLimit + 1 }).ParamName);
        Assert.Throws<ArgumentException>(() => new CustomerSearchQuery(default));
    }

    private static async Task AssertSameAnswersAsync(ICustomerSearch expected, ICustomerSearch actual)
    {
        foreach (var search in Searches().Select(row => (string)row[0]))
        {
            var query = Query(search);
            var want = await expected.SearchAsync(query, CancellationToken.None);
            var got = await actual.SearchAsync(query, CancellationToken.None);
            Assert.True(want.SequenceEqual(got, HitComparer.Instance), $"search '{search}': expected {string.Join(", ", want.Select(h => h.Customer))}, got {string.Join(", ", got.Select(h => h.Customer))}");
        }
    }

    private static CustomerSearchQuery Query(string search)
    {
        var query = new CustomerSearchQuery(Company);
        foreach (var part in search.Split(';'))
        {
            var (key, value) = part.IndexOf(':', StringComparison.Ordinal) is var i and >= 0 ? (part[..i], part[(i + 1)..]) : (part, string.Empty);
            query = key switch
            {
                "number" => query with { Number = value },
                "name" => query with { Name = value },
                "email" => query with { Email = value },
                "iban" => query with { Iban = value },
                "text" => query with { Text = value },
                "branch" => query with { Branch = new BranchId(value) },
                "problematic" => query with { Problematic = bool.Parse(value) },
                "dunningBlocked" => query with { DunningBlocked = bool.Parse(value) },
                "creditBlocked" => query with { CreditBlocked = bool.Parse(value) },
                "workflows" => query with { InAutomaticWorkflows = bool.Parse(value) },
                "min" => query with { MinBalance = Eur(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
                "max" => query with { MaxBalance = Eur(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
                "archived" => query with { IncludeArchived = true },
                "limit" => query with { Limit = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                _ => query,
            };
        }

        return query;
    }

    /// <summary>
    /// C-1001 Müller Touristik (north, e-mail and IBAN, credit block, 200 EUR open), C-1002 Reisebüro Schmidt (north,
    /// problematic, no workflows, 50 EUR), C-1003 Müller &amp; Söhne (no branch, dunning block, nothing open), C-1004
    /// archived, C-2001 Müller of another company.
    /// </summary>
    private static async Task SeedAsync(ICustomerAccountStore store)
    {
        var services = new ServiceCollection().AddSingleton(store).AddSingleton<IClock>(new FakeClock(Now)).AddDebitorCoreForTests();
        await using var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<CustomerAccountService>();
        var collections = provider.GetRequiredService<CollectionService>();
        var mueller = new Customer(new CustomerId("C-1001"), "1001", "Müller Touristik GmbH", Company) { Branch = North };
        await accounts.RegisterCustomerAsync(Accountant, mueller);
        await accounts.PostAsync(Accountant, mueller.Id, Invoice("m-1", 200m, Today.PlusDays(-10)));
        await provider.GetRequiredService<CreditControlService>().SetBlockAsync(Accountant, mueller.Id, Id("block-1"), CreditBlockLevel.Delivery, "Limit");
        await collections.ChangeMasterDataAsync(Accountant, mueller.Id, Id("md-1"), CustomerMasterData.Empty with
        {
            Emails = [new EmailAddress("buchhaltung@mueller-touristik.example", UseForSending: true)],
            BankAccounts = [new BankAccount(PaymentMethodKind.SepaDirectDebit, "Müller Touristik GmbH", Iban.Parse(MuellerIban))],
        });

        var schmidt = new Customer(new CustomerId("C-1002"), "1002", "Reisebüro Schmidt", Company) { Branch = North, IsProblematic = true, Workflow = new WorkflowSettings(IncludeInAutomaticWorkflows: false) };
        await accounts.RegisterCustomerAsync(Accountant, schmidt);
        await accounts.PostAsync(Accountant, schmidt.Id, Invoice("s-1", 50m, Today.PlusDays(-5)));

        await accounts.RegisterCustomerAsync(Accountant, new Customer(new CustomerId("C-1003"), "1003", "Müller & Söhne", Company) { IsDunningBlocked = true });

        var gone = new Customer(new CustomerId("C-1004"), "1004", "Alt GmbH", Company);
        await accounts.RegisterCustomerAsync(Accountant, gone);
        await accounts.ArchiveCustomerAsync(Accountant, gone.Id, Id("arch-1"), "Geschäft aufgegeben");

        await accounts.RegisterCustomerAsync(Accountant, new Customer(new CustomerId("C-2001"), "1001", "Müller Touristik GmbH", Other) { Branch = North });
    }

    private sealed class HitComparer : IEqualityComparer<CustomerSearchHit>
    {
        public static readonly HitComparer Instance = new();

        public bool Equals(CustomerSearchHit? x, CustomerSearchHit? y) =>
            x is not null && y is not null
            && (x.Customer, x.Number, x.Name, x.Company, x.Branch, x.IsProblematic, x.IsDunningBlocked, x.IsCreditBlocked, x.InAutomaticWorkflows, x.IsArchived)
                == (y.Customer, y.Number, y.Name, y.Company, y.Branch, y.IsProblematic, y.IsDunningBlocked, y.IsCreditBlocked, y.InAutomaticWorkflows, y.IsArchived)
            && x.Balances.SequenceEqual(y.Balances);

        public int GetHashCode(CustomerSearchHit obj) => obj.Customer.GetHashCode();
    }

    private sealed class DenyOne(CustomerId denied) : IAuthorizationPort
    {
        public ValueTask<bool> IsAllowedAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken) =>
            ValueTask.FromResult(customer != denied);
    }
}
