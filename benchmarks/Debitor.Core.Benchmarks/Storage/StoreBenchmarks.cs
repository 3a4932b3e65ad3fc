using System.Globalization;
using BenchmarkDotNet.Attributes;
using Debitor.Core.Application;
using Debitor.Core.Benchmarks.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Npgsql;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>The stores under test: SQLite always, PostgreSQL when <c>DEBITOR_POSTGRES</c> names a server (README).</summary>
internal static class BenchStores
{
    public static IEnumerable<string> Names() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DEBITOR_POSTGRES")) ? ["sqlite"] : ["sqlite", "postgres"];

    /// <summary>The stores plus SQLite with <c>synchronous=NORMAL</c> (<c>sqlite-normal</c>), for benchmarks that write.</summary>
    public static IEnumerable<string> WritingNames() => ["sqlite", "sqlite-normal", .. Names().Skip(1)];

    public static async Task<(ICustomerAccountStore Store, Func<Task<long>> Bytes, Action Cleanup)> CreateAsync(string name)
    {
        if (name.StartsWith("sqlite", StringComparison.Ordinal))
        {
            var folder = Directory.CreateTempSubdirectory("debitor-bench-").FullName;
            var file = Path.Combine(folder, "debitor.db");
            var sqlite = new SqliteCustomerAccountStore($"Data Source={file}") { DurableAgainstPowerLoss = name == "sqlite" };
            await sqlite.EnsureSchemaAsync(CancellationToken.None);
            return (sqlite, async () =>
            {
                // Pages still in the write-ahead log are moved into the database file first, so the file sizes are the database's.
                await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
                {
                    await connection.OpenAsync();
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await checkpoint.ExecuteNonQueryAsync();
                }

                return Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
            }, () =>
            {
                sqlite.Dispose();
                Directory.Delete(folder, true);
            });
        }

        var server = Environment.GetEnvironmentVariable("DEBITOR_POSTGRES")!;
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var postgres = new PostgreSqlCustomerAccountStore(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString());
        await postgres.EnsureSchemaAsync(CancellationToken.None);
        return (postgres, async () =>
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var size = new NpgsqlCommand(
                $"SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}' AND c.relkind = 'r'",
                connection);
            return Convert.ToInt64(await size.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }, () =>
        {
            postgres.Dispose();
            if (Environment.GetEnvironmentVariable("DEBITOR_BENCH_KEEP") is not null)
            {
                // Kept for inspection (the query plans of D13.110 were read from such a schema).
                return;
            }

            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        });
    }

    public static async Task SeedAsync(ICustomerAccountStore store, IEnumerable<CustomerAccount> accounts)
    {
        // Batches of 1,000 accounts, one transaction each (AppendManyAsync).
        foreach (var chunk in accounts.Chunk(1_000))
        {
            var conflicts = await store.AppendManyAsync([.. chunk.Select(a => new JournalAppend(a.Id, 0, a.Journal))], CancellationToken.None);
            if (conflicts.Count > 0)
            {
                throw new InvalidOperationException($"Seeding found {conflicts.Count} accounts already stored.");
            }
        }
    }
}

/// <summary>
/// End-to-end dunning preview from a store: list the company's accounts, load and replay every journal, preview the run
/// (10 open items per customer, the portfolio of the in-memory dunning benchmarks).
/// </summary>
[MemoryDiagnoser]
public class StoreDunningPreviewBenchmarks
{
    private ICustomerAccountStore _store = null!;
    private Action _cleanup = null!;
    private DunningService _service = null!;

    [Params(10_000, 100_000)]
    public int OpenItems { get; set; }

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> Stores() => BenchStores.Names();

    [GlobalSetup]
    public void Setup()
    {
        (_store, var bytes, _cleanup) = BenchStores.CreateAsync(Store).GetAwaiter().GetResult();
        BenchStores.SeedAsync(_store, DunningPortfolio.Create(OpenItems)).GetAwaiter().GetResult();
        Console.WriteLine($"// {Store}: {bytes().GetAwaiter().GetResult() / (double)OpenItems:F0} bytes on disk per open item ({OpenItems} items)");
        var settings = new InMemoryDunningSettingsProvider();
        settings.Set(DunningPortfolio.Company, DunningPortfolio.Settings);
        _service = new DunningService(_store, new RoleBasedAuthorization(), settings, new InterestSchemeRegistry(), new InMemoryDunningLetterOutput(), DunningPortfolio.Clock, new DebitorCoreOptions());
    }

    [GlobalCleanup]
    public void Cleanup() => _cleanup();

    [Benchmark]
    public async Task<int> PreviewFromStore() =>
        (await _service.PreviewAsync(new Actor(new UserId("bench"), Roles.Accountant), DunningPortfolio.Request)).Letters.Count;
}

/// <summary>Appending one payment to a 50-item account, and loading an account by journal length.</summary>
[MemoryDiagnoser]
public class StoreAccountBenchmarks
{
    private ICustomerAccountStore _store = null!;
    private Action _cleanup = null!;
    private long _version;
    private readonly CustomerId _payer = new("K0000000");
    private CustomerId _long;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    [Params(10, 100, 1000)]
    public int JournalLength { get; set; }

    public static IEnumerable<string> Stores() => BenchStores.WritingNames();

    [GlobalSetup]
    public void Setup()
    {
        (_store, _, _cleanup) = BenchStores.CreateAsync(Store).GetAwaiter().GetResult();
        var accounts = DunningPortfolio.Create(50);
        var account = accounts[0];
        BenchStores.SeedAsync(_store, [account]).GetAwaiter().GetResult();
        _version = account.Version;

        // An account of JournalLength records: registration, invoices, then payments applied to them.
        _long = new CustomerId("long");
        var template = account.Journal[0];
        var registered = (CustomerRegistered)template.Entry;
        var records = new List<JournalRecord> { template with { Entry = registered with { Settings = new Customers.Customer(_long, "long", "Long", DunningPortfolio.Company) } } };
        for (var v = 2; records.Count < JournalLength; v++)
        {
            records.Add(template with
            {
                Version = v,
                Entry = new PaymentReceived(new EntryId("p" + v.ToString(CultureInfo.InvariantCulture)), new Money(1m, Currency.EUR), DunningPortfolio.AsOf),
            });
        }

        _store.AppendAsync(_long, 0, records, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _cleanup();

    [Benchmark]
    public async Task AppendPayment()
    {
        var record = new JournalRecord(_version + 1, NodaTime.SystemClock.Instance.GetCurrentInstant(), new UserId("bench"),
            new PaymentReceived(new EntryId("pay" + _version.ToString(CultureInfo.InvariantCulture)), new Money(10m, Currency.EUR), DunningPortfolio.AsOf));
        await _store.AppendAsync(_payer, _version, [record], CancellationToken.None);
        _version++;
    }

    [Benchmark]
    public async Task<long> LoadAndReplay() => CustomerAccount.FromJournal(await _store.LoadAsync(_long, CancellationToken.None)).Version;
}

/// <summary>
/// End-to-end dunning run from SQLite: list, load and replay, preview, then process (append the notices and history
/// entries of every letter, deliver it through the outbox). Each iteration starts from a copy of the seeded database.
/// </summary>
[MemoryDiagnoser]
public class StoreDunningRunBenchmarks
{
    private string _folder = null!;
    private string _template = null!;
    private DunningService _service = null!;
    private readonly Actor _actor = new(new UserId("bench"), Roles.Accountant);

    [Params(10_000, 100_000)]
    public int OpenItems { get; set; }

    [Params("sqlite", "sqlite-normal")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("debitor-bench-run-").FullName;
        _template = Path.Combine(_folder, "template.db");
        var store = new SqliteCustomerAccountStore($"Data Source={_template}") { DurableAgainstPowerLoss = false };
        store.EnsureSchemaAsync(CancellationToken.None).GetAwaiter().GetResult();
        BenchStores.SeedAsync(store, DunningPortfolio.Create(OpenItems)).GetAwaiter().GetResult();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_template}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [IterationSetup]
    public void Copy()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var work = Path.Combine(_folder, "work.db");
        foreach (var file in Directory.GetFiles(_folder, "work.db*"))
        {
            File.Delete(file);
        }

        File.Copy(_template, work);
        var store = new SqliteCustomerAccountStore($"Data Source={work}") { DurableAgainstPowerLoss = Store == "sqlite" };
        var settings = new InMemoryDunningSettingsProvider();
        settings.Set(DunningPortfolio.Company, DunningPortfolio.Settings);
        _service = new DunningService(store, new RoleBasedAuthorization(), settings, new InterestSchemeRegistry(), new InMemoryDunningLetterOutput(), DunningPortfolio.Clock, new DebitorCoreOptions());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    [Benchmark]
    public async Task<int> PreviewAndProcessFromStore()
    {
        var proposal = await _service.PreviewAsync(_actor, DunningPortfolio.Request);
        return (await _service.ProcessAsync(_actor, proposal)).Issued.Count;
    }
}
