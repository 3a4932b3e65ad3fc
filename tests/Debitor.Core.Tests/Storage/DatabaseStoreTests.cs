using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using static Debitor.Core.Testing.CustomerAccountStoreContract;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Debitor.Core.Tests.Storage;

/// <summary>What only a database store can get wrong: rows written behind its back, and the engine's own guards.</summary>
public abstract class DatabaseStoreTests
{
    protected abstract Task<ICustomerAccountStore> CreateStoreAsync();

    /// <summary>The statement that writes one journal row behind the store's back, as its current writer would.</summary>
    protected virtual string InsertRow(string customer, long version, string kind, string json, string recordedAt = "2026-11-23T08:00:00Z", string recordedBy = "x") =>
        $"INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload) VALUES ('{customer}', {version}, '{recordedAt}', '{recordedBy}', '{kind}', '{json}');";

    protected abstract Task ExecuteAsync(string sql);

    /// <summary>
    /// Property (D13.80, D13.82, D16.271): the streamed loads, which read rows as bytes and decode an account id or author
    /// only when it changes and a time without the pattern, load every journal exactly as appended and as the single-account load reads it, whatever
    /// ids (non-ASCII, prefixes of each other), authors and times follow each other.
    /// </summary>
    [SkippableFact]
    public async Task LoadCompanyAndMany_AuthorsTimesAndIdsChangingRowByRow_EqualTheAppendedJournals()
    {
        var store = await CreateStoreAsync();
        var company = new CompanyId("f-rows");
        string[] ids = ["k", "kä", "käse", "Kä", "k-1", "k-10", "ß"];
        string[] authors = ["sachbearbeiterin", "jürgen", "ö", "anna", "jens"];
        var run = 0;
        var plans = Gen.Choose(0, 17).ArrayOf().Where(p => p.Length <= 12).ArrayOf().Where(a => a.Length <= ids.Length).ToArbitrary();
        var property = Prop.ForAll(plans, plan =>
        {
            run++;
            var appended = new List<(CustomerId Customer, JournalRecord[] Records)>();
            for (var a = 0; a < plan.Length; a++)
            {
                var customer = new CustomerId($"{run}{ids[a]}");
                JournalRecord[] records =
                [
                    Registration(customer, company),
                    .. plan[a].Select((step, i) => Payment(i + 2, $"p{i}") with
                    {
                        RecordedBy = new UserId(authors[step % authors.Length]),
                        // Whole seconds, and fractions of one to nine digits (D16.271: a time is read from its bytes).
                        RecordedAt = Instant.FromUtc(2026, 11, 23, 8, 0).Plus(Duration.FromNanoseconds(step / 3 * (step % 2 == 0 ? 1_500_000_000L : 1_234_567_891L))),
                    }),
                ];
                appended.Add((customer, records));
            }

            return CheckStreamsAsync(store, company, appended).GetAwaiter().GetResult();
        });

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property));
    }

    /// <summary>
    /// The SQLite store hands a stream's rows from the statement's task to the decoding one in batches (D16.279: at most
    /// 1,024 rows or 256 KiB each, a larger row alone): journals spanning several batches, and a row larger than a batch
    /// between others, load as appended.
    /// </summary>
    [SkippableFact]
    public async Task LoadCompanyAndMany_RowsAcrossBatchesAndOneRowLargerThanABatch_EqualTheAppendedJournals()
    {
        var store = await CreateStoreAsync();
        var company = new CompanyId("f-batches");
        var appended = new List<(CustomerId Customer, JournalRecord[] Records)>();
        for (var a = 0; a < 5; a++)
        {
            var customer = new CustomerId($"batch-{a}");
            var records = new List<JournalRecord> { Registration(customer, company) };
            records.AddRange(Enumerable.Range(2, 1_000).Select(v => Payment(v, $"p{v}")));
            if (a == 2)
            {
                var large = new PaymentReceived(new EntryId("large"), new Money(1m, Currency.EUR), new LocalDate(2026, 11, 2), Reference: new string('Ü', 200_000));
                records.Add(new JournalRecord(1_002, Instant.FromUtc(2026, 11, 23, 9, 0), new UserId("clerk"), large));
                records.Add(Payment(1_003, "after-large"));
            }

            appended.Add((customer, [.. records]));
        }

        Assert.True(await CheckStreamsAsync(store, company, appended));
    }

    private static async Task<bool> CheckStreamsAsync(ICustomerAccountStore store, CompanyId company, List<(CustomerId Customer, JournalRecord[] Records)> appended)
    {
        if (appended.Count == 0)
        {
            return true;
        }

        await store.AppendManyAsync([.. appended.Select(j => new JournalAppend(j.Customer, 0, j.Records))], CancellationToken.None);
        var many = new List<StoredJournal>();
        await foreach (var journal in store.LoadManyAsync([.. appended.Select(j => j.Customer)], CancellationToken.None))
        {
            many.Add(journal);
        }

        var streamed = new Dictionary<CustomerId, StoredJournal>();
        await foreach (var journal in store.LoadCompanyAsync(company, CancellationToken.None))
        {
            streamed[journal.Customer] = journal;
        }

        for (var i = 0; i < appended.Count; i++)
        {
            var (customer, records) = appended[i];
            var single = await store.LoadAsync(customer, CancellationToken.None);
            if (many[i].Customer != customer || many[i].Error is not null || !many[i].Records.SequenceEqual(records)
                || streamed[customer].Error is not null || !streamed[customer].Records.SequenceEqual(records) || !single.SequenceEqual(records))
            {
                return false;
            }
        }

        return true;
    }

    [SkippableFact]
    public async Task Load_RowOfUnknownKind_ThrowsCorruptNamingAccountAndVersion_OtherAccountsLoad()
    {
        var store = await CreateStoreAsync();
        var broken = new CustomerId("broken");
        var healthy = new CustomerId("healthy");
        await store.AppendAsync(broken, 0, [Registration(broken, new CompanyId("f1"))], CancellationToken.None);
        await store.AppendAsync(healthy, 0, [Registration(healthy, new CompanyId("f1")), Payment(2, "p2")], CancellationToken.None);
        await ExecuteAsync(InsertRow("broken", 2, "Telepathy", """{"format":1,"kind":"Telepathy","entry":{"id":"e-9"}}""") + " UPDATE debitor_accounts SET version = 2 WHERE customer = 'broken';");

        var ex = await Assert.ThrowsAsync<CorruptJournalException>(() => store.LoadAsync(broken, CancellationToken.None).AsTask());

        Assert.Equal(broken, ex.Customer);
        Assert.Equal(2, ex.Version);
        Assert.Equal(new EntryId("e-9"), ex.Entry);
        Assert.Contains("Telepathy", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.LoadAsync(healthy, CancellationToken.None)).Count);
        Assert.Equal(["broken", "healthy"], await ListAsync(store, new CompanyId("f1")));
    }

    /// <summary>
    /// D16.271, D16.273: a row's time and author written behind the store's back are read as NodaTime's ISO pattern and
    /// the author check read them before, whichever load reads them and whatever the thread read before: a time in
    /// another writer's shape is read by the pattern, one that is no instant and an empty author are refused naming the
    /// account and version, and a good row after them is read again as written.
    /// </summary>
    [SkippableTheory]
    [InlineData("2026-11-23T08:00:00,5Z", "x", "2026-11-23T08:00:00.5Z")]
    [InlineData("2026-11-23T08:00:00.500Z", "y", "2026-11-23T08:00:00.5Z")]
    [InlineData("2026-02-30T08:00:00Z", "x", null)]
    [InlineData("gestern", "x", null)]
    [InlineData("2026-11-23T08:00:00Z", " ", null)]
    public async Task Load_TimeOrAuthorWrittenBehindTheStoresBack_ReadAsThePatternReadsIt(string recordedAt, string recordedBy, string? readAs)
    {
        var store = await CreateStoreAsync();
        var company = new CompanyId("f-time");
        var odd = new CustomerId("odd");
        var good = new CustomerId("good");
        await store.AppendAsync(odd, 0, [Registration(odd, company)], CancellationToken.None);
        await store.AppendAsync(good, 0, [Registration(good, company), Payment(2, "p2")], CancellationToken.None);
        var payment = JournalJson.Serialize(Payment(2, "p9").Entry).Replace("'", "''", StringComparison.Ordinal);
        await ExecuteAsync(InsertRow("odd", 2, "PaymentReceived", payment, recordedAt, recordedBy) + " UPDATE debitor_accounts SET version = 2 WHERE customer = 'odd';");

        var streamed = new List<StoredJournal>();
        await foreach (var journal in store.LoadCompanyAsync(company, CancellationToken.None))
        {
            streamed.Add(journal);
        }

        var expected = await store.LoadAsync(good, CancellationToken.None);
        Assert.Equal(expected, streamed.Single(j => j.Customer == good).Records);
        var streamedOdd = streamed.Single(j => j.Customer == odd);
        if (readAs is null)
        {
            var ex = await Assert.ThrowsAsync<CorruptJournalException>(() => store.LoadAsync(odd, CancellationToken.None).AsTask());
            Assert.Equal((odd, 2L), (ex.Customer, ex.Version));
            Assert.Equal((odd, 2L), (streamedOdd.Error?.Customer, streamedOdd.Error?.Version));
        }
        else
        {
            var record = (await store.LoadAsync(odd, CancellationToken.None))[1];
            Assert.Equal(InstantPattern.ExtendedIso.Parse(readAs).Value, record.RecordedAt);
            Assert.Equal(new UserId(recordedBy), record.RecordedBy);
            Assert.Null(streamedOdd.Error);
            Assert.Equal(record, streamedOdd.Records[1]);
        }
    }

    [SkippableFact]
    public async Task Load_MalformedPayload_ThrowsCorrupt()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);
        await ExecuteAsync(InsertRow("c1", 2, "PaymentReceived", """{"format":1,"kind":"PaymentReceived","entry":{"id":"e-3"}}""") + " UPDATE debitor_accounts SET version = 2 WHERE customer = 'c1';");

        var ex = await Assert.ThrowsAsync<CorruptJournalException>(() => store.LoadAsync(customer, CancellationToken.None).AsTask());

        Assert.Equal(2, ex.Version);
        Assert.Equal(new EntryId("e-3"), ex.Entry);
    }

    [SkippableFact]
    public async Task Load_GapInVersions_ThrowsCorruptAtTheMissingVersion()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);
        var payment = Core.Serialization.JournalJson.Serialize(Payment(3, "p3").Entry);
        await ExecuteAsync(InsertRow("c1", 3, "PaymentReceived", payment) + " UPDATE debitor_accounts SET version = 3 WHERE customer = 'c1';");

        var ex = await Assert.ThrowsAsync<CorruptJournalException>(() => store.LoadAsync(customer, CancellationToken.None).AsTask());

        Assert.Equal(customer, ex.Customer);
        Assert.Equal(2, ex.Version);
    }

    [SkippableFact]
    public async Task Load_MissingTailRecord_ThrowsCorrupt()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);
        await ExecuteAsync("UPDATE debitor_accounts SET version = 2 WHERE customer = 'c1';");

        var ex = await Assert.ThrowsAsync<CorruptJournalException>(() => store.LoadAsync(customer, CancellationToken.None).AsTask());

        Assert.Equal(2, ex.Version);
    }

    [SkippableFact]
    public async Task Database_UpdateOrDeleteOfAJournalRow_IsRefused()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync("UPDATE debitor_journal SET recorded_by = 'mallory';"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync("DELETE FROM debitor_journal;"));

        Assert.Equal([Registration(customer, new CompanyId("f1"))], await store.LoadAsync(customer, CancellationToken.None));
    }

    private static async Task<List<string>> ListAsync(ICustomerAccountStore store, CompanyId company)
    {
        var ids = new List<string>();
        await foreach (var id in store.ListCustomersAsync(company, CancellationToken.None))
        {
            ids.Add(id.Value);
        }

        return ids;
    }
}

public sealed class SqliteDatabaseStoreTests : DatabaseStoreTests, IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    protected override async Task<ICustomerAccountStore> CreateStoreAsync()
    {
        var store = await _file.OpenStoreAsync();
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgreSqlDatabaseStoreTests : DatabaseStoreTests, IAsyncLifetime
{
    private PostgresSchema? _schema;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override async Task<ICustomerAccountStore> CreateStoreAsync()
    {
        _schema = await PostgresSchema.CreateAsync();
        var store = new PostgreSqlCustomerAccountStore(_schema.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    protected override Task ExecuteAsync(string sql) => _schema!.ExecuteAsync(sql);

    /// <summary>Schema 3's writer keeps the document beside the payload (D13.130): the rows take the document path, not the older writer's fallback.</summary>
    protected override string InsertRow(string customer, long version, string kind, string json, string recordedAt = "2026-11-23T08:00:00Z", string recordedBy = "x") =>
        $"INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload, document) VALUES ('{customer}', {version}, '{recordedAt}', '{recordedBy}', '{kind}', '{json}', '{json}');";
}

/// <summary>A process killed in the middle of appends leaves a readable journal of whole batches.</summary>
public sealed class KilledWriterTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Sqlite_WriterKilledMidAppend_JournalStaysReadable()
    {
        var store = await _file.OpenStoreAsync();
        await AssertSurvivesKillAsync(store, "sqlite", _file.ConnectionString);
    }

    [SkippableFact]
    public async Task PostgreSql_WriterKilledMidAppend_JournalStaysReadable()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = new PostgreSqlCustomerAccountStore(schema.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await AssertSurvivesKillAsync(store, "postgres", schema.ConnectionString);
    }

    private static async Task AssertSurvivesKillAsync(ICustomerAccountStore store, string kind, string connectionString)
    {
        var customer = new CustomerId("killed");
        await store.AppendAsync(customer, 0, [CustomerAccountStoreContract.Registration(customer, new CompanyId("f1"))], CancellationToken.None);
        var writer = Path.Combine(AppContext.BaseDirectory, "Debitor.Core.StoreWriter.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { writer, kind, connectionString, customer.Value })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var committed = 0;
        while (committed < 40 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            committed++;
            Assert.True(long.TryParse(line, out _), line);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var journal = await store.LoadAsync(customer, CancellationToken.None);
        Assert.Equal(40, committed);
        Assert.True(journal.Count >= 1 + (committed * 5), $"{journal.Count} records after {committed} committed batches");
        Assert.Equal(0, (journal.Count - 1) % 5);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(v => (long)v), journal.Select(r => r.Version));
        await store.AppendAsync(customer, journal.Count, [CustomerAccountStoreContract.Payment(journal.Count + 1, "after")], CancellationToken.None);
    }
}
