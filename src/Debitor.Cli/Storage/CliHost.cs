using Debitor.Cli.Output;
using Debitor.Cli.Portfolio;
using Debitor.Core;
using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Interest;
using Debitor.Core.Ports;
using Debitor.Core.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Cli.Storage;

/// <summary>
/// The library composed on one database file: the SQLite account store (journals), the CLI's settings and runs, the
/// company's dunning settings and interest schemes rebuilt from the stored settings, and the services every command uses.
/// The clock stands on the command's date (<c>--as-of</c>), so entries are stamped with the day they belong to.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliHost(CliDatabase database, PortfolioDocument settings, LocalDate today)
    {
        Database = database;
        Settings = settings;
        Company = new CompanyId(settings.Company);
        Clock.SetDate(today);
        var details = settings.CompanyDetails;

        // Journals, files, dunning settings, interest schemes, letter numbers and the document outbox all in the one
        // SQLite file (Debitor.Core.Sqlite), so a letter not delivered survives to the next invocation (D13.52). The tool
        // writes its documents to files within the command, so the remaining ports (outputs, fault log, order and cost
        // sources) are the in-memory ones, named explicitly (D14.22).
        _services = new ServiceCollection()
            .AddDebitorCore(o =>
            {
                o.TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
                o.ReceivablesContact = new ReceivablesContact(details?.ReceivablesContact ?? settings.CompanyName ?? settings.Company, details?.Phone, details?.Email);
            })
            .AddDebitorCoreSqlite(database.ConnectionString)
            .AddSingleton<IClock>(Clock)
            .AddSingleton<IDunningLetterOutput>(Letters)
            .AddDebitorCoreInMemory()
            .BuildServiceProvider();
        Store = _services.GetRequiredService<SqliteCustomerAccountStore>();
    }

    public CliDatabase Database { get; }

    public PortfolioDocument Settings { get; }

    public CompanyId Company { get; }

    /// <summary>The company's dunning settings as stored.</summary>
    public ValueTask<Core.Dunning.DunningSettings> DunningSettingsAsync(CancellationToken cancellationToken) =>
        _services.GetRequiredService<SqliteDunningSettingsStore>().GetAsync(Company, cancellationToken);

    public Actor Actor { get; } = new(new UserId("debitor-cli"), Roles.Accountant);

    public SettableClock Clock { get; } = new();

    public LocalDate Today => Clock.Now.InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;

    public SqliteCustomerAccountStore Store { get; }

    /// <summary>Where the library delivers issued letters: written as files while <c>dunning process</c> runs (D16.230).</summary>
    public LetterFileOutput Letters { get; } = new();

    public CustomerAccountService Accounts => _services.GetRequiredService<CustomerAccountService>();

    public DunningService Dunning => _services.GetRequiredService<DunningService>();

    public InterestInvoiceService Interest => _services.GetRequiredService<InterestInvoiceService>();

    public StatementService Statements => _services.GetRequiredService<StatementService>();

    public ReceivablesFiguresService Figures => _services.GetRequiredService<ReceivablesFiguresService>();

    public CollectionService Collections => _services.GetRequiredService<CollectionService>();

    public PaymentService Payments => _services.GetRequiredService<PaymentService>();

    /// <summary>Opens an initialized database; refused when the file does not exist or holds no company.</summary>
    /// <exception cref="UsageException">No database at the path, or it was never initialized.</exception>
    public static async Task<CliHost> OpenAsync(string path, LocalDate? asOf, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"There is no database at {path}. Create one with 'debitor init' (or 'debitor demo' for the sample), or name it with --db.");
        }

        var database = new CliDatabase(path);
        await database.EnsureSchemaAsync(cancellationToken);
        var settings = await database.ReadSettingsAsync(cancellationToken)
            ?? throw new UsageException($"The database {path} holds no company. Run 'debitor init --db {path}' first.");
        var host = new CliHost(database, settings, asOf ?? DefaultDate(settings));
        await host.Store.EnsureSchemaAsync(cancellationToken);
        return host;
    }

    /// <summary>Creates the schema and stores the company's settings; the journals of the company are added afterwards.</summary>
    public static async Task<CliHost> CreateAsync(string path, PortfolioDocument settings, LocalDate? asOf, CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        // The store's schema first: a new file takes the store's page size only before any table exists (D13.180, D16.191).
        var database = new CliDatabase(path);
        var host = new CliHost(database, settings, asOf ?? DefaultDate(settings));
        await host.Store.EnsureSchemaAsync(cancellationToken);
        await database.EnsureSchemaAsync(cancellationToken);
        await database.WriteSettingsAsync(settings, cancellationToken);

        // The company's dunning settings (scheme, company and branch days) and interest schemes are stored with the
        // journals; every later invocation reads them from the store.
        await host._services.GetRequiredService<SqliteDunningSettingsStore>().SaveAsync(host.Company, PortfolioLoader.SettingsOf(settings), cancellationToken);
        await host._services.GetRequiredService<SqliteInterestSchemeStore>().SaveAsync(host.Company, InterestSchemeCatalog.Default, cancellationToken);
        return host;
    }

    /// <summary>The company's default run date (the sample's is fixed) or, without one, today in Germany.</summary>
    public static LocalDate DefaultDate(PortfolioDocument settings)
    {
        if (settings.AsOf is { } asOf)
        {
            return PortfolioLoader.Date(asOf, "company's asOf");
        }

#pragma warning disable RS0030 // The host's composition root is the one place that reads the system clock.
        return SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;
#pragma warning restore RS0030
    }

    /// <summary>Every customer of the company, in id order.</summary>
    public async Task<IReadOnlyList<CustomerId>> CustomersAsync(CancellationToken cancellationToken)
    {
        var ids = new List<CustomerId>();
        await foreach (var id in Store.ListCustomersAsync(Company, cancellationToken))
        {
            ids.Add(id);
        }

        return [.. ids.OrderBy(i => i.Value, StringComparer.Ordinal)];
    }

    /// <summary>A customer that must exist; refused naming it otherwise.</summary>
    /// <exception cref="FormatException">The customer is unknown.</exception>
    public async Task<Core.Ledger.CustomerAccount> AccountAsync(string customer, CancellationToken cancellationToken)
    {
        var id = new CustomerId(customer);
        if ((await Store.LoadAsync(id, cancellationToken)).Count == 0)
        {
            throw new FormatException($"There is no customer '{customer}' (see 'debitor customers list').");
        }

        return await Accounts.GetAccountAsync(Actor, id, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
    }
}
