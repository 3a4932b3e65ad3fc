using Debitor.Core.Documents;
using Debitor.Core.Ports;
using NodaTime;
using Microsoft.Data.Sqlite;

namespace Debitor.Core.Sqlite;

/// <summary>
/// An <see cref="IDocumentOutbox"/> in the same SQLite database as the journals: one row per document id in
/// <c>debitor_outbox</c>, the document stored in the document format (<c>Debitor.Core.Serialization.DocumentJson</c>), so
/// an undelivered document survives the process and is delivered by the next one (see <c>docs/outbox.md</c>).
/// </summary>
/// <remarks>
/// <para>Queuing inserts every document of a call in one transaction and leaves an id that is present as it is
/// (<c>INSERT … ON CONFLICT DO NOTHING</c>), so the first version queued is the one delivered. Marking delivered and recording
/// a failure are the only updates; triggers refuse any other change and the deletion of an undelivered row.</para>
/// <para>A dunning letter is read back by deriving it again from the journals of this database as they stood when it was
/// computed (D13.50). Safe for concurrent use, also from several processes on one database file.</para>
/// </remarks>
public sealed class SqliteDocumentOutbox : IDocumentOutbox, IDocumentOutboxBatches
{
    /// <summary>The outbox table and its guards; idempotent (run by <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/>).</summary>
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS debitor_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            enqueued_at TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
            last_error TEXT NULL,
            delivered_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS debitor_outbox_undelivered ON debitor_outbox (seq) WHERE delivered_at IS NULL;

        CREATE TRIGGER IF NOT EXISTS debitor_outbox_keeps_documents BEFORE UPDATE ON debitor_outbox
        WHEN NEW.seq IS NOT OLD.seq OR NEW.document_id IS NOT OLD.document_id OR NEW.kind IS NOT OLD.kind
            OR NEW.payload IS NOT OLD.payload OR NEW.enqueued_at IS NOT OLD.enqueued_at
            OR (OLD.delivered_at IS NOT NULL AND NEW.delivered_at IS NOT OLD.delivered_at)
            OR NEW.failed_attempts < OLD.failed_attempts
        BEGIN SELECT RAISE(ABORT, 'debitor_outbox keeps every queued document: only delivery and failures are recorded'); END;

        CREATE TRIGGER IF NOT EXISTS debitor_outbox_no_delete BEFORE DELETE ON debitor_outbox
        WHEN OLD.delivered_at IS NULL
        BEGIN SELECT RAISE(ABORT, 'debitor_outbox: an undelivered document is never deleted'); END;

        CREATE TABLE IF NOT EXISTS debitor_outbox_sources (
            sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
            payload TEXT NOT NULL) WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS debitor_outbox_sources_keep BEFORE UPDATE ON debitor_outbox_sources
        BEGIN SELECT RAISE(ABORT, 'debitor_outbox_sources: a stored run source never changes'); END;

        CREATE TRIGGER IF NOT EXISTS debitor_outbox_sources_no_delete BEFORE DELETE ON debitor_outbox_sources
        BEGIN SELECT RAISE(ABORT, 'debitor_outbox_sources: a stored run source is never deleted'); END;
        """;

    private const string Columns = "document_id, payload, enqueued_at, failed_attempts, last_error, delivered_at";

    private readonly SqliteCustomerAccountStore _database;
    private readonly StoredOutbox _stored;

    /// <summary>Initializes a new instance over the database of <paramref name="database"/> (call its <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/> first).</summary>
    /// <param name="database">The store whose database holds the outbox and the journals dunning letters are derived from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteDocumentOutbox(SqliteCustomerAccountStore database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _stored = new StoredOutbox(database, LoadSourceAsync);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A document is of a type the document format does not know.</exception>
    public async ValueTask EnqueueAsync(IReadOnlyList<ReceivablesDocument> documents, Instant enqueuedAt, CancellationToken cancellationToken)
    {
        var (rows, sources) = _stored.Prepare(documents);
        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (sources.Count > 0)
        {
            // The run sources the letters refer to, once each (D16.200); a key that is present is the same text.
            await using var insertSource = new SqliteCommand(
                "INSERT INTO debitor_outbox_sources (sha256, payload) VALUES ($sha256, $payload) ON CONFLICT (sha256) DO NOTHING;",
                connection,
                transaction);
            var sha256 = insertSource.Parameters.Add("$sha256", SqliteType.Text);
            var text = insertSource.Parameters.Add("$payload", SqliteType.Text);
            foreach (var source in sources)
            {
                sha256.Value = source.Sha256;
                text.Value = source.Payload;
                await insertSource.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var command = new SqliteCommand(
            "INSERT INTO debitor_outbox (document_id, kind, payload, enqueued_at) VALUES ($id, $kind, $payload, $at) ON CONFLICT (document_id) DO NOTHING;",
            connection,
            transaction);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        command.Parameters.AddWithValue("$at", StoredOutbox.FormatInstant(enqueuedAt));
        foreach (var row in rows)
        {
            id.Value = row.DocumentId;
            kind.Value = row.Kind;
            payload.Value = row.Payload;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="Serialization.JournalFormatException">The stored document cannot be read, or a dunning letter can no longer be derived as queued.</exception>
    public async ValueTask<OutboxDocument?> FindAsync(string documentId, CancellationToken cancellationToken)
    {
        if (documentId is null)
        {
            return null;
        }

        var found = await QueryAsync($"SELECT {Columns} FROM debitor_outbox WHERE document_id = $id;", documentId, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    /// <exception cref="Serialization.JournalFormatException">A stored document cannot be read, or a dunning letter can no longer be derived as queued.</exception>
    public async ValueTask<IReadOnlyList<OutboxDocument>> ListUndeliveredAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM debitor_outbox WHERE delivered_at IS NULL ORDER BY seq;", null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No document has the id.</exception>
    public async ValueTask MarkDeliveredAsync(string documentId, Instant deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        await UpdateAsync(
            documentId,
            "UPDATE debitor_outbox SET delivered_at = $value WHERE document_id = $id AND delivered_at IS NULL;",
            StoredOutbox.FormatInstant(deliveredAt),
            cancellationToken).ConfigureAwait(false);
        _stored.Release(documentId);
    }

    /// <summary>Marks a batch delivered in one transaction (D16.62); an unknown id rolls it back.</summary>
    async ValueTask IDocumentOutboxBatches.MarkDeliveredAsync(IReadOnlyList<string> documentIds, Instant deliveredAt, CancellationToken cancellationToken)
    {
        StoredOutbox.CheckBatch(documentIds);

        cancellationToken.ThrowIfCancellationRequested();
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = connection.BeginTransaction(deferred: false))
        await using (var command = new SqliteCommand("UPDATE debitor_outbox SET delivered_at = $value WHERE document_id = $id AND delivered_at IS NULL;", connection, transaction))
        {
            var id = command.Parameters.Add("$id", SqliteType.Text);
            command.Parameters.AddWithValue("$value", StoredOutbox.FormatInstant(deliveredAt));
            foreach (var documentId in documentIds)
            {
                id.Value = documentId;
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    await ThrowUnlessExistsAsync(connection, transaction, documentId, cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _stored.Release(documentIds);
    }

    /// <summary>The queued ids among the given ones and whether each is delivered, on one connection with one prepared statement (D16.62, D16.193).</summary>
    async ValueTask<IReadOnlyDictionary<string, bool>> IDocumentOutboxBatches.QueuedAmongAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var queued = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (documentIds.Count == 0)
        {
            return queued;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new SqliteCommand("SELECT delivered_at IS NOT NULL FROM debitor_outbox WHERE document_id = $id;", connection);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var documentId in documentIds)
        {
            id.Value = documentId;
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long delivered)
            {
                queued[documentId] = delivered != 0;
            }
        }

        return queued;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No document has the id.</exception>
    public async ValueTask RecordFailureAsync(string documentId, string error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        await UpdateAsync(
            documentId,
            "UPDATE debitor_outbox SET failed_attempts = failed_attempts + 1, last_error = $value WHERE document_id = $id;",
            error,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the outbox table if missing (also done by <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the table exists.</returns>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = new SqliteCommand(Schema, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(string documentId, string sql, string? value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("$id", documentId);
        command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return;
        }

        await ThrowUnlessExistsAsync(connection, null, documentId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ThrowUnlessExistsAsync(SqliteConnection connection, SqliteTransaction? transaction, string documentId, CancellationToken cancellationToken)
    {
        await using var exists = new SqliteCommand("SELECT 1 FROM debitor_outbox WHERE document_id = $id;", connection, transaction);
        exists.Parameters.AddWithValue("$id", documentId);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw StoredOutbox.Unknown(documentId);
        }
    }

    /// <summary>The text of a run source stored apart, or <see langword="null"/> (D16.200).</summary>
    private async Task<string?> LoadSourceAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new SqliteCommand("SELECT payload FROM debitor_outbox_sources WHERE sha256 = $sha256;", connection);
        command.Parameters.AddWithValue("$sha256", sha256);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private async Task<IReadOnlyList<OutboxDocument>> QueryAsync(string sql, string? documentId, CancellationToken cancellationToken)
    {
        var rows = new List<StoredOutbox.StoredRow>();
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = new SqliteCommand(sql, connection))
        {
            if (documentId is not null)
            {
                command.Parameters.AddWithValue("$id", documentId);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new StoredOutbox.StoredRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        // Read after the connection is closed: a dunning letter loads journals through the store.
        return await _stored.ReadAsync(rows, cancellationToken).ConfigureAwait(false);
    }
}
