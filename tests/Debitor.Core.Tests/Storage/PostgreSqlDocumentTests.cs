using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Serialization;
using Debitor.Core.Tests.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Npgsql;
using static Debitor.Core.Testing.CustomerAccountStoreContract;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// The PostgreSQL journal's two copies of a record (D13.130, D13.131): the document as written, which every load reads,
/// and the <c>jsonb</c> payload hosts query; the schema upgrade that adds the document to a database of schema 2.
/// </summary>
public sealed class PostgreSqlDocumentTests : IAsyncLifetime
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

    /// <summary>
    /// Property: for generated entries of every kind, appended singly and in a batch, every load (single, after a version,
    /// many accounts, company) reads back what was written; the stored document is byte for byte what
    /// <see cref="JournalJson"/> wrote, and the payload is that document parsed.
    /// </summary>
    [SkippableFact]
    public async Task Append_GeneratedEntriesOfEveryKind_EveryLoadReadsThemBack_DocumentIsAsWrittenAndIsThePayload()
    {
        var store = await CreateStoreAsync();
        var run = 0;
        var journals = Gen.Zip(Gen.Choose(0, JournalSamples.AllKinds.Count - 1), Gen.Choose(int.MinValue, int.MaxValue))
            .ArrayOf().Where(e => e.Length is > 0 and <= 8).ToArbitrary();
        var property = Prop.ForAll(journals, entries =>
        {
            run++;
            return AppendAndCheckAsync(store, run, entries).GetAwaiter().GetResult();
        });

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property));
    }

    private async Task<Property> AppendAndCheckAsync(PostgreSqlCustomerAccountStore store, int run, (int Kind, int Seed)[] entries)
    {
        var company = new CompanyId($"f-{run}");
        var customer = new CustomerId($"k-{run}");
        JournalRecord[] records =
        [
            Registration(customer, company),
            .. entries.Select((e, i) => Payment(i + 2, "p") with { Entry = JournalSamples.Build(JournalSamples.AllKinds[e.Kind], new Random(e.Seed)) }),
        ];
        var single = records.Length / 2;
        await store.AppendAsync(customer, 0, records[..single], CancellationToken.None);
        await store.AppendManyAsync([new JournalAppend(customer, single, records[single..])], CancellationToken.None);

        var loaded = await store.LoadAsync(customer, CancellationToken.None);
        var after = await store.LoadAfterAsync(customer, single, CancellationToken.None);
        var many = await FirstAsync(store.LoadManyAsync([customer], CancellationToken.None));
        var streamed = await FirstAsync(store.LoadCompanyAsync(ICustomerAccountStore.CompanyOf(records) ?? company, CancellationToken.None), customer);
        var rows = await RowsAsync(customer);
        string?[] faults =
        [
            loaded.SequenceEqual(records) ? null : "single load",
            after.SequenceEqual(records[single..]) ? null : "load after a version",
            many.Error is null && many.Records.SequenceEqual(records) ? null : "many-account load",
            streamed.Error is null && streamed.Records.SequenceEqual(records) ? null : "company load",
            rows.Select(r => r.Document).SequenceEqual(records.Select(r => JournalJson.Serialize(r.Entry)), StringComparer.Ordinal) ? null : "document not as written",
            rows.All(r => r.DocumentIsPayload) ? null : "document not the payload",
        ];
        var fault = string.Join(", ", faults.OfType<string>());
        return (fault.Length == 0).Label(fault);
    }

    [SkippableFact]
    public async Task Insert_DocumentNotThePayload_IsRefusedByTheDatabase_JournalUnchanged()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        await store.AppendAsync(customer, 0, [Registration(customer, new CompanyId("f1"))], CancellationToken.None);
        var written = JournalJson.Serialize(Payment(2, "p2").Entry);
        var altered = written.Replace("20.02", "2002.00", StringComparison.Ordinal);
        Assert.NotEqual(written, altered);

        var ex = await Assert.ThrowsAsync<PostgresException>(() => _schema!.ExecuteAsync(
            $"INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload, document) VALUES ('c1', 2, '2026-11-23T08:00:00Z', 'x', 'PaymentReceived', '{written}', '{altered}')"));

        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
        Assert.Equal([Registration(customer, new CompanyId("f1"))], await store.LoadAsync(customer, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Load_UnreadableDocument_ThrowsCorruptNamingAccountAndVersion_OtherAccountsStillStream()
    {
        var store = await CreateStoreAsync();
        var broken = new CustomerId("broken");
        var healthy = new CustomerId("healthy");
        var company = new CompanyId("f1");
        await store.AppendAsync(broken, 0, [Registration(broken, company)], CancellationToken.None);
        await store.AppendAsync(healthy, 0, [Registration(healthy, company), Payment(2, "p2")], CancellationToken.None);
        const string Unreadable = """{"format":1,"kind":"PaymentReceived","entry":{"id":"e-3"}}""";
        await _schema!.ExecuteAsync(
            $"INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload, document) VALUES ('broken', 2, '2026-11-23T08:00:00Z', 'x', 'PaymentReceived', '{Unreadable}', '{Unreadable}'); " +
            "UPDATE debitor_accounts SET version = 2 WHERE customer = 'broken';");

        var single = await Assert.ThrowsAsync<CorruptJournalException>(() => store.LoadAsync(broken, CancellationToken.None).AsTask());
        var after = await Assert.ThrowsAsync<CorruptJournalException>(() => store.LoadAfterAsync(broken, 1, CancellationToken.None).AsTask());
        var streamed = new List<StoredJournal>();
        await foreach (var journal in store.LoadCompanyAsync(company, CancellationToken.None))
        {
            streamed.Add(journal);
        }

        foreach (var ex in new[] { single, after, streamed[0].Error! })
        {
            Assert.Equal(broken, ex.Customer);
            Assert.Equal(2, ex.Version);
            Assert.Equal(new EntryId("e-3"), ex.Entry);
        }

        Assert.Equal(healthy, streamed[1].Customer);
        Assert.Equal(2, streamed[1].Records.Count);
    }

    [SkippableFact]
    public async Task Load_RowWithoutDocument_WrittenByAnOlderVersion_IsReadFromItsPayload()
    {
        var store = await CreateStoreAsync();
        var customer = new CustomerId("c1");
        var company = new CompanyId("f1");
        await store.AppendAsync(customer, 0, [Registration(customer, company)], CancellationToken.None);
        var payment = Payment(2, "p2");
        await _schema!.ExecuteAsync(
            $"INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload) VALUES ('c1', 2, '{StoredTime(payment)}', '{payment.RecordedBy.Value}', 'PaymentReceived', '{JournalJson.Serialize(payment.Entry)}'); " +
            "UPDATE debitor_accounts SET version = 2 WHERE customer = 'c1';");
        JournalRecord[] expected = [Registration(customer, company), payment];

        Assert.Equal(expected, await store.LoadAsync(customer, CancellationToken.None));
        Assert.Equal([payment], await store.LoadAfterAsync(customer, 1, CancellationToken.None));
        Assert.Equal(expected, (await FirstAsync(store.LoadCompanyAsync(company, CancellationToken.None))).Records);
        Assert.Equal(expected, (await FirstAsync(store.LoadManyAsync([customer], CancellationToken.None))).Records);
    }

    /// <summary>
    /// A database of schema 2 (the journal without <c>document</c>: the version 3 additions removed from a fresh schema)
    /// holding journals: <see cref="PostgreSqlCustomerAccountStore.EnsureSchemaAsync"/>, called twice, adds the column,
    /// fills it from the payloads (documents in <c>jsonb</c>'s member order, still read as written), re-arms the
    /// append-only guard and refuses disagreeing rows from then on; every journal loads as appended.
    /// </summary>
    [SkippableFact]
    public async Task EnsureSchema_DatabaseOfSchema2WithJournals_AddsAndFillsTheDocument_Idempotently()
    {
        var store = await CreateStoreAsync();
        var company = new CompanyId("f1");
        var journals = Enumerable.Range(1, 5).Select(i => new CustomerId($"c{i}"))
            .Select(c => (Customer: c, Records: new[] { Registration(c, company), Payment(2, "p2"), Payment(3, "p3") })).ToList();
        await store.AppendManyAsync([.. journals.Select(j => new JournalAppend(j.Customer, 0, j.Records))], CancellationToken.None);
        await _schema!.ExecuteAsync(
            "ALTER TABLE debitor_journal DROP CONSTRAINT debitor_journal_document_is_payload; ALTER TABLE debitor_journal DROP COLUMN document; UPDATE debitor_schema SET version = 2;");

        using (var upgraded = new PostgreSqlCustomerAccountStore(_schema.ConnectionString))
        {
            await upgraded.EnsureSchemaAsync(CancellationToken.None);
            await upgraded.EnsureSchemaAsync(CancellationToken.None);
            foreach (var (customer, records) in journals)
            {
                Assert.Equal(records, await upgraded.LoadAsync(customer, CancellationToken.None));
                var rows = await RowsAsync(customer);
                Assert.All(rows, r => Assert.True(r.DocumentIsPayload));
                Assert.Equal(await PayloadTextsAsync(customer), rows.Select(r => r.Document));
            }

            await foreach (var journal in upgraded.LoadCompanyAsync(company, CancellationToken.None))
            {
                Assert.Equal(journals.Single(j => j.Customer == journal.Customer).Records, journal.Records);
            }
        }

        Assert.Equal(3, await ScalarAsync<int>("SELECT version FROM debitor_schema"));
        await Assert.ThrowsAnyAsync<PostgresException>(() => _schema.ExecuteAsync("UPDATE debitor_journal SET recorded_by = 'mallory'"));
        await Assert.ThrowsAnyAsync<PostgresException>(() => _schema.ExecuteAsync(
            "INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload, document) VALUES ('c1', 4, 'x', 'x', 'x', '{\"a\":1}', '{\"a\":2}')"));
    }

    private async Task<PostgreSqlCustomerAccountStore> CreateStoreAsync()
    {
        _schema = await PostgresSchema.CreateAsync();
        var store = new PostgreSqlCustomerAccountStore(_schema.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    private static string StoredTime(JournalRecord record) => NodaTime.Text.InstantPattern.ExtendedIso.Format(record.RecordedAt);

    private static async Task<StoredJournal> FirstAsync(IAsyncEnumerable<StoredJournal> journals, CustomerId? customer = null)
    {
        await foreach (var journal in journals)
        {
            if (customer is null || journal.Customer == customer)
            {
                return journal;
            }
        }

        throw new InvalidOperationException("No journal was streamed.");
    }

    private async Task<List<(string Document, bool DocumentIsPayload)>> RowsAsync(CustomerId customer)
    {
        await using var connection = new NpgsqlConnection(_schema!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT document, document::jsonb = payload FROM debitor_journal WHERE customer = $1 ORDER BY version", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, bool)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        return rows;
    }

    private async Task<List<string>> PayloadTextsAsync(CustomerId customer)
    {
        await using var connection = new NpgsqlConnection(_schema!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload::text FROM debitor_journal WHERE customer = $1 ORDER BY version", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_schema!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
