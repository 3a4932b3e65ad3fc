using Debitor.Core.Documents;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// The outbox table keeps every queued document (D13.51): recording delivery and failures are the only updates the
/// database allows, an undelivered row cannot be deleted, and the schema step is idempotent.
/// </summary>
public sealed class DocumentOutboxSchemaTests
{
    [Fact]
    public async Task Sqlite_AnyOtherChange_IsRefusedByTheDatabase()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerAccountStore(file.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.EnsureSchemaAsync(CancellationToken.None);
        var outbox = new SqliteDocumentOutbox(store);
        await outbox.EnsureSchemaAsync(CancellationToken.None);
        var (queued, delivered) = await QueueTwoAsync(outbox, store);

        async Task Execute(string sql)
        {
            await using var connection = new SqliteConnection(file.ConnectionString);
            await connection.OpenAsync();
            await using var command = new SqliteCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        await AssertGuardedAsync<SqliteException>(Execute, queued, delivered);
    }

    [SkippableFact]
    public async Task PostgreSql_AnyOtherChange_IsRefusedByTheDatabase()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        var store = new PostgreSqlCustomerAccountStore(schema.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.EnsureSchemaAsync(CancellationToken.None);
        var outbox = new PostgreSqlDocumentOutbox(store);
        await outbox.EnsureSchemaAsync(CancellationToken.None);
        var (queued, delivered) = await QueueTwoAsync(outbox, store);

        await AssertGuardedAsync<PostgresException>(schema.ExecuteAsync, queued, delivered);
        await Assert.ThrowsAsync<PostgresException>(() => schema.ExecuteAsync("TRUNCATE debitor_outbox"));
    }

    private static async Task<(string Queued, string Delivered)> QueueTwoAsync(Core.Ports.IDocumentOutbox outbox, Core.Ports.ICustomerAccountStore store)
    {
        var documents = await OutboxSampleDocuments.WriteAsync(store);
        var letter = documents.OfType<DunningLetterDocument>().First();
        var advice = documents.OfType<PaymentAdvice>().First();
        await outbox.EnqueueAsync([letter, advice], OutboxSampleDocuments.Now, CancellationToken.None);
        await outbox.MarkDeliveredAsync(advice.DocumentId, OutboxSampleDocuments.Now, CancellationToken.None);
        return (letter.DocumentId, advice.DocumentId);
    }

    private static async Task AssertGuardedAsync<TException>(Func<string, Task> execute, string queued, string delivered)
        where TException : Exception
    {
        static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        foreach (var change in new[] { "payload = 'x'", "kind = 'PaymentAdvice'", "document_id = 'other'", "enqueued_at = '2000-01-01T00:00:00Z'", "failed_attempts = -1" })
        {
            await Assert.ThrowsAsync<TException>(() => execute($"UPDATE debitor_outbox SET {change} WHERE document_id = {Quote(queued)}"));
        }

        await Assert.ThrowsAsync<TException>(() => execute($"UPDATE debitor_outbox SET delivered_at = '2030-01-01T00:00:00Z' WHERE document_id = {Quote(delivered)}"));
        await Assert.ThrowsAsync<TException>(() => execute($"UPDATE debitor_outbox SET delivered_at = NULL WHERE document_id = {Quote(delivered)}"));
        await Assert.ThrowsAsync<TException>(() => execute($"DELETE FROM debitor_outbox WHERE document_id = {Quote(queued)}"));

        // The recorded changes are allowed, and a delivered row may be pruned by the host.
        await execute($"UPDATE debitor_outbox SET failed_attempts = failed_attempts + 1, last_error = 'x' WHERE document_id = {Quote(queued)}");
        await execute($"DELETE FROM debitor_outbox WHERE document_id = {Quote(delivered)}");
    }
}
