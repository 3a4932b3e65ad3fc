using System.Text.Json.Nodes;
using Debitor.Core.Documents;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Serialization;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// The database outboxes store a dunning letter's run source once per run, apart from the letters (D16.200), keep it
/// unchanged, and read rows written in document format 1 (each letter holding its run's source) as queued.
/// </summary>
public abstract class DocumentOutboxRunSourceContract
{
    private static readonly Instant Queued = OutboxSampleDocuments.Now;

    /// <summary>A store with its schema created, over the test's database.</summary>
    protected abstract Task<ICustomerAccountStore> CreateStoreAsync();

    /// <summary>A new outbox over <paramref name="store"/>, as a new process opens it.</summary>
    protected abstract IDocumentOutbox Outbox(ICustomerAccountStore store);

    /// <summary>Runs a statement on the test's database.</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <summary>The first column of the first row of a query, as text.</summary>
    protected abstract Task<string?> QueryAsync(string sql);

    /// <summary>The exception the database throws when a trigger refuses a change.</summary>
    protected abstract Type RefusalType { get; }

    [SkippableFact]
    public async Task Enqueue_LettersOfTwoRunsInSeveralCalls_StoresEachRunSourceOnceAndReadsBackAsQueued()
    {
        var store = await CreateStoreAsync();
        var first = await OutboxSampleDocuments.WriteAsync(store);
        var second = await OutboxSampleDocuments.WriteAsync(store, "b-");
        var outbox = Outbox(store);
        foreach (var document in first)
        {
            await outbox.EnqueueAsync([document], Queued, CancellationToken.None);
        }

        await outbox.EnqueueAsync(second, Queued, CancellationToken.None);
        await outbox.EnqueueAsync(second, Queued, CancellationToken.None);

        Assert.Equal("2", await QueryAsync("SELECT CAST(COUNT(*) AS TEXT) FROM debitor_outbox_sources"));
        var letters = first.Concat(second).OfType<DunningLetterDocument>().ToList();
        Assert.True(letters.Count >= 4);
        var restarted = Outbox(store);
        foreach (var letter in letters)
        {
            var payload = await QueryAsync($"SELECT payload FROM debitor_outbox WHERE document_id = {Quote(letter.DocumentId)}");
            Assert.DoesNotContain("dunningSettings", payload, StringComparison.Ordinal);
            var found = await restarted.FindAsync(letter.DocumentId, CancellationToken.None);
            Assert.Equal(DocumentJson.Serialize(letter), DocumentJson.Serialize(found!.Document));
        }
    }

    [SkippableFact]
    public async Task FindAndList_RowsOfFormatVersion1_AreReadAsQueued()
    {
        var store = await CreateStoreAsync();
        var documents = await OutboxSampleDocuments.WriteAsync(store);
        string[] names = ["DunningLetter", "DunningLetter.Payer", "PaymentAdvice"];
        var rows = names.Select(name => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Serialization", "GoldenDocuments", "Version1", name + ".json")))!).ToList();
        foreach (var row in rows)
        {
            Assert.Equal(1, row["format"]!.GetValue<int>());
            await ExecuteAsync(
                $"INSERT INTO debitor_outbox (document_id, kind, payload, enqueued_at) VALUES ({Quote(row["document"]!["id"]!.GetValue<string>())}, {Quote(row["kind"]!.GetValue<string>())}, {Quote(row.ToJsonString())}, {Quote(StoredOutbox.FormatInstant(Queued))})");
        }

        var outbox = Outbox(store);
        var listed = await outbox.ListUndeliveredAsync(CancellationToken.None);

        Assert.Equal(rows.Select(r => r["document"]!["id"]!.GetValue<string>()), listed.Select(d => d.DocumentId));
        foreach (var read in listed)
        {
            var queued = documents.Single(d => d.DocumentId == read.DocumentId);
            Assert.Equal(DocumentJson.Serialize(queued), DocumentJson.Serialize(read.Document));
            Assert.Equal(Queued, read.EnqueuedAt);
        }

        // Queued again by a run's retry: the stored row is kept (and still read), no run source is added for it.
        await outbox.EnqueueAsync([.. listed.Select(d => d.Document)], Queued.Plus(Duration.FromMinutes(1)), CancellationToken.None);
        Assert.Equal("1", await QueryAsync($"SELECT CAST(COUNT(*) AS TEXT) FROM debitor_outbox WHERE document_id = {Quote(listed[0].DocumentId)} AND payload LIKE '%\"format\":1%'"));
        var again = await Outbox(store).FindAsync(listed[0].DocumentId, CancellationToken.None);
        Assert.Equal(DocumentJson.Serialize(listed[0].Document), DocumentJson.Serialize(again!.Document));
    }

    [SkippableFact]
    public async Task StoredRunSource_ChangeOrDelete_IsRefusedByTheDatabase()
    {
        var store = await CreateStoreAsync();
        var letter = (await OutboxSampleDocuments.WriteAsync(store)).OfType<DunningLetterDocument>().First();
        await Outbox(store).EnqueueAsync([letter], Queued, CancellationToken.None);
        var key = await QueryAsync("SELECT sha256 FROM debitor_outbox_sources");
        Assert.NotNull(key);

        await Assert.ThrowsAsync(RefusalType, () => ExecuteAsync($"UPDATE debitor_outbox_sources SET payload = 'x' WHERE sha256 = {Quote(key)}"));
        await Assert.ThrowsAsync(RefusalType, () => ExecuteAsync($"UPDATE debitor_outbox_sources SET sha256 = {Quote(new string('0', 64))}"));
        await Assert.ThrowsAsync(RefusalType, () => ExecuteAsync("DELETE FROM debitor_outbox_sources"));

        var found = await Outbox(store).FindAsync(letter.DocumentId, CancellationToken.None);
        Assert.Equal(DocumentJson.Serialize(letter), DocumentJson.Serialize(found!.Document));
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>The run sources in SQLite.</summary>
public sealed class SqliteDocumentOutboxRunSourceTests : DocumentOutboxRunSourceContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override Type RefusalType => typeof(SqliteException);

    public void Dispose() => _file.Dispose();

    protected override async Task<ICustomerAccountStore> CreateStoreAsync() => await _file.OpenStoreAsync();

    protected override IDocumentOutbox Outbox(ICustomerAccountStore store) => new SqliteDocumentOutbox((SqliteCustomerAccountStore)store);

    protected override Task ExecuteAsync(string sql) => _file.ExecuteAsync(sql);

    protected override async Task<string?> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync() as string;
    }
}

/// <summary>The run sources in PostgreSQL.</summary>
public sealed class PostgreSqlDocumentOutboxRunSourceTests : DocumentOutboxRunSourceContract, IAsyncLifetime
{
    private readonly PostgresStores _stores = new();

    protected override Type RefusalType => typeof(PostgresException);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    protected override async Task<ICustomerAccountStore> CreateStoreAsync() => await _stores.OpenAsync();

    protected override IDocumentOutbox Outbox(ICustomerAccountStore store) => new PostgreSqlDocumentOutbox((PostgreSqlCustomerAccountStore)store);

    protected override Task ExecuteAsync(string sql) => _stores.Schema.ExecuteAsync(sql);

    protected override async Task<string?> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_stores.Schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() as string;
    }
}
