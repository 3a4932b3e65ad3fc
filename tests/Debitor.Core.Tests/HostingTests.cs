using Debitor.Core.Application;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Debitor.Core.Tests;

/// <summary>
/// The complete host of <c>docs/hosting.md</c> (issue 14 point 10) is compiled and run here, and its code is compared
/// with the code the document shows, so the document cannot rot.
/// </summary>
public sealed partial class HostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("debitor-host-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Host_Runs_IssuesOneLetterAsPdfIntoTheSqliteStore()
    {
        await RunHostAsync(_folder);

        var letter = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "letters")));
        Assert.EndsWith(".pdf", letter, StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(letter).AsSpan(0, 5).ToArray());
        var account = await LoadAsync();
        Assert.Equal(1, account.FindInstallment(new InstallmentRef(new EntryId("inv-1")))!.Dunning.Level);
    }

    [Fact]
    public async Task Host_RunTwice_IssuesNothingTwice()
    {
        await RunHostAsync(_folder);

        await RunHostAsync(_folder);

        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "letters")));
        Assert.Single((await LoadAsync()).Journal, r => r.Entry is DunningNoticeIssued);
    }

    [Theory]
    [InlineData("hosting:program")]
    [InlineData("hosting:ports")]
    public void HostingDoc_ShowsTheCompiledCode(string block)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "hosting.md"));
        var begin = doc.IndexOf("```csharp", doc.IndexOf($"<!-- {block} -->", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = doc.IndexOf("```", begin + 9, StringComparison.Ordinal);
        var shown = Normalize(doc[(begin + 9)..end].Split('\n'));

        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Debitor.Core.Tests", "HostingTests.cs"));
        var from = source.IndexOf("// " + block + ":begin", StringComparison.Ordinal);
        var to = source.IndexOf("// " + block + ":end", from, StringComparison.Ordinal);

        Assert.Equal(Normalize(source[from..to].Split('\n').Skip(1)), shown);
    }

    [Fact]
    public void Readme_HostItLines_AreLinesOfTheCompiledHost()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var begin = readme.IndexOf("```csharp", readme.IndexOf("<!-- hostit -->", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = readme.IndexOf("```", begin + 9, StringComparison.Ordinal);
        var source = Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Debitor.Core.Tests", "HostingTests.cs")).Split('\n'));

        var lines = readme[(begin + 9)..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Contains(line, source, StringComparison.Ordinal));
    }

    private static async Task RunHostAsync(string folder)
    {
        // hosting:program:begin
        var builder = Host.CreateApplicationBuilder();
        // In a real host these come from appsettings.json; set here so the example runs anywhere.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Debitor:TimeZone"] = "Europe/Berlin",
            ["Debitor:ReceivablesContact:Name"] = "Forderungsmanagement",
            ["Debitor:ReceivablesContact:Phone"] = "+49 40 1234 5670",
            ["Debitor:ReceivablesContact:Email"] = "forderungen@sonnenschein-reisen.example",
            ["ConnectionStrings:Debitor"] = $"Data Source={Path.Combine(folder, "debitor.db")}",
        });

        // Use cases and pure defaults; options from configuration, checked when the host starts.
        builder.Services.AddDebitorCore(builder.Configuration.GetSection("Debitor"));
        // A real store: journals, attached files and customer search in SQLite.
        builder.Services.AddDebitorCoreSqlite(builder.Configuration.GetConnectionString("Debitor")!);
        // Letters and notifications: rendered by Debitor.Core.Documents, written to a folder as PDF.
        builder.Services.AddDebitorCoreDocuments(o => o.Company = new CompanyProfile(
            "Sonnenschein Reisen GmbH",
            new PostalAddress(AddressKind.Main, "Sonnenschein Reisen GmbH", "Jungfernstieg 7", "20354", "Hamburg", "DE"),
            Iban.Parse("DE89 3704 0044 0532 0130 00")));
        builder.Services.AddSingleton(provider => new PdfFolderOutput(
            provider.GetRequiredService<DocumentRenderer>(), provider.GetRequiredService<ICustomerAccountStore>(), Path.Combine(folder, "letters")));
        builder.Services.AddSingleton<IDunningLetterOutput>(provider => provider.GetRequiredService<PdfFolderOutput>());
        builder.Services.AddSingleton<IDocumentOutput>(provider => provider.GetRequiredService<PdfFolderOutput>());
        // Who may do what: the host's own rule.
        builder.Services.AddSingleton<IAuthorizationPort>(new ReceivablesTeamAuthorization(new UserId("alice")));
        // Accounts a run cannot read go to the host's log.
        builder.Services.AddSingleton<IAccountFaultLog, LoggingFaultLog>();
        // Ports this host keeps in memory, on purpose: no order processing, cost of sales or task list. (The outbox is
        // the SQLite outbox AddDebitorCoreSqlite registers: an undelivered letter waits in the database, docs/outbox.md.)
        builder.Services.AddSingleton<IOpenOrderSource, InMemoryOpenOrderSource>();
        builder.Services.AddSingleton<ICostOfSalesSource, InMemoryCostOfSalesSource>();
        builder.Services.AddSingleton<IAccountManagerTasks, InMemoryAccountManagerTasks>();

        using var host = builder.Build();
        await host.Services.GetRequiredService<SqliteCustomerAccountStore>().EnsureSchemaAsync(CancellationToken.None);
        await host.StartAsync(); // a missing option or port stops the host here, with one message naming each

        var alice = new Actor(new UserId("alice"), Roles.Accountant);
        var company = new CompanyId("sonnenschein");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<CustomerAccountService>();
            var customer = new Customer(new CustomerId("10001"), "10001", "Nordlicht Reisen GmbH", company);
            if ((await scope.ServiceProvider.GetRequiredService<CustomerSearchService>().SearchAsync(alice, new CustomerSearchQuery(company) { Number = "10001" })).Count == 0)
            {
                await accounts.RegisterCustomerAsync(alice, customer);
                await scope.ServiceProvider.GetRequiredService<CollectionService>().ChangeMasterDataAsync(alice, customer.Id, new EntryId("md-1"), CustomerMasterData.Empty with
                {
                    Addresses = [new PostalAddress(AddressKind.Main, "Nordlicht Reisen GmbH", "Hafenstraße 1", "24103", "Kiel", "DE")],
                });
                var today = accounts.Today;
                await accounts.PostAsync(alice, customer.Id, InvoicePosted.Single(new EntryId("inv-1"), "RE-2026-1", today.PlusDays(-44), today.PlusDays(-30), new Money(1190.00m, Currency.EUR)));
            }
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var dunning = scope.ServiceProvider.GetRequiredService<DunningService>();
            var today = scope.ServiceProvider.GetRequiredService<CustomerAccountService>().Today;
            var proposal = await dunning.PreviewAsync(alice, new DunningRunRequest(new DunningRunId($"run-{today:yyyy-MM-dd}"), company, today));
            var result = await dunning.ProcessAsync(alice, proposal);
            Console.WriteLine($"{result.Issued.Count} letter(s) issued");
        }

        await host.StopAsync();
        // hosting:program:end
    }

    // hosting:ports:begin
    /// <summary>Renders letters and notifications as PDF (Debitor.Core.Documents) into a folder; a file written again is the same file.</summary>
    private sealed class PdfFolderOutput(DocumentRenderer renderer, ICustomerAccountStore store, string folder) : IDunningLetterOutput, IDocumentOutput
    {
        public async ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken) =>
            await WriteAsync(renderer.Render(letter, null, DocumentFormat.Pdf), cancellationToken);

        public async ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken)
        {
            var account = CustomerAccount.FromJournal(await store.LoadAsync(document.Recipient, cancellationToken));
            var recipient = LetterRecipient.For(account.Customer, account.MasterData, "DE");
            await WriteAsync(renderer.Render(document, recipient, DocumentFormat.Pdf), cancellationToken);
        }

        private async Task WriteAsync(RenderedDocument rendered, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, rendered.FileName), rendered.Content.ToArray(), cancellationToken);
        }
    }

    /// <summary>Members of the receivables team act as accountants; everyone else may only look.</summary>
    private sealed class ReceivablesTeamAuthorization(params UserId[] team) : IAuthorizationPort
    {
        private readonly RoleBasedAuthorization _roles = new();

        public ValueTask<bool> IsAllowedAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken) =>
            team.Contains(actor.User) ? _roles.IsAllowedAsync(actor, permission, customer, cancellationToken) : ValueTask.FromResult(permission == Permission.ViewAccounts);
    }

    /// <summary>Reports an account a run left out to the host's log, by id only.</summary>
    private sealed partial class LoggingFaultLog(ILogger<LoggingFaultLog> logger) : IAccountFaultLog
    {
        public ValueTask ReportAsync(AccountFault fault, CancellationToken cancellationToken)
        {
            Left(logger, fault.Customer.Value, fault.Operation);
            return ValueTask.CompletedTask;
        }

        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Account {Customer} left out of {Operation}: its journal cannot be read")]
        private static partial void Left(ILogger logger, string customer, string operation);
    }
    // hosting:ports:end

    private async Task<CustomerAccount> LoadAsync()
    {
        var store = new SqliteCustomerAccountStore($"Data Source={Path.Combine(_folder, "debitor.db")}");
        return CustomerAccount.FromJournal(await store.LoadAsync(new CustomerId("10001"), CancellationToken.None));
    }

    private static string Normalize(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Debitor.Core.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Debitor.Core.sln not found above the test output.");
    }
}
