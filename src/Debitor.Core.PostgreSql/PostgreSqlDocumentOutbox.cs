using Debitor.Core.Documents;
using Debitor.Core.Ports;
using NodaTime;
using Npgsql;

namespace Debitor.Core.PostgreSql;

/// <summary>
/// An <see cref="IDocumentOutbox"/> in the same PostgreSQL database as the journals: one row per document id in
/// <c>debitor_outbox</c>, the document stored in the document format (<c>Debitor.Core.Serialization.DocumentJson</c>), so
/// an undelivered document survives the process and is delivered by the next one (see <c>docs/outbox.md</c>).
/// </summary>
/// <remarks>
/// <para>Queuing inserts every document of a call in one transaction and leaves an id that is present as it is
/// (<c>INSERT … ON CONFLICT DO NOTHING</c>), so the first version queued is the one delivered. Marking delivered and recording
/// a failure are the only updates; a trigger refuses any other change and the deletion of an undelivered row.</para>
/// <para>A dunning letter is read back by deriving it again from the journals of this database as they stood when it was
/// computed (D13.50). Safe for concurrent use, also from several hosts.</para>
/// </remarks>
public sealed partial class PostgreSqlDocumentOutbox : IDocumentOutbox, IDocumentOutboxBatches
{
    /// <summary>The outbox table and its guard; idempotent (run by <see cref="PostgreSqlCustomerAccountStore.EnsureSchemaAsync"/>).</summary>
    internal const string Schema = """
        SELECT pg_advisory_xact_lock(7213);

        CREATE TABLE IF NOT EXISTS debitor_outbox (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id text NOT NULL UNIQUE,
            kind text NOT NULL,
            payload text NOT NULL,
            enqueued_at text NOT NULL,
            failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
            last_error text NULL,
            delivered_at text NULL);
        CREATE INDEX IF NOT EXISTS debitor_outbox_undelivered ON debitor_outbox (seq) WHERE delivered_at IS NULL;

        CREATE OR REPLACE FUNCTION debitor_outbox_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                RAISE EXCEPTION 'debitor_outbox: an undelivered document is never deleted';
            END IF;
            IF TG_OP = 'DELETE' THEN
                IF OLD.delivered_at IS NULL THEN
                    RAISE EXCEPTION 'debitor_outbox: an undelivered document is never deleted';
                END IF;
                RETURN OLD;
            END IF;
            IF NEW.seq IS DISTINCT FROM OLD.seq OR NEW.document_id IS DISTINCT FROM OLD.document_id
                OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.payload IS DISTINCT FROM OLD.payload
                OR NEW.enqueued_at IS DISTINCT FROM OLD.enqueued_at
                OR (OLD.delivered_at IS NOT NULL AND NEW.delivered_at IS DISTINCT FROM OLD.delivered_at)
                OR NEW.failed_attempts < OLD.failed_attempts THEN
                RAISE EXCEPTION 'debitor_outbox keeps every queued document: only delivery and failures are recorded';
            END IF;
            RETURN NEW;
        END $$;
        CREATE OR REPLACE TRIGGER debitor_outbox_guard BEFORE UPDATE OR DELETE ON debitor_outbox
            FOR EACH ROW EXECUTE FUNCTION debitor_outbox_guard();
        CREATE OR REPLACE TRIGGER debitor_outbox_no_truncate BEFORE TRUNCATE ON debitor_outbox
            FOR EACH STATEMENT EXECUTE FUNCTION debitor_outbox_guard();

        CREATE TABLE IF NOT EXISTS debitor_outbox_sources (
            sha256 text NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
            payload text NOT NULL);

        CREATE OR REPLACE FUNCTION debitor_outbox_sources_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION 'debitor_outbox_sources: a stored run source never changes';
            END IF;
            RAISE EXCEPTION 'debitor_outbox_sources: a stored run source is never deleted';
        END $$;
        CREATE OR REPLACE TRIGGER debitor_outbox_sources_guard BEFORE UPDATE OR DELETE ON debitor_outbox_sources
            FOR EACH ROW EXECUTE FUNCTION debitor_outbox_sources_guard();
        CREATE OR REPLACE TRIGGER debitor_outbox_sources_no_truncate BEFORE TRUNCATE ON debitor_outbox_sources
            FOR EACH STATEMENT EXECUTE FUNCTION debitor_outbox_sources_guard();
        """;

    private const string Columns = "document_id, payload, enqueued_at, failed_attempts, last_error, delivered_at";

    private readonly PostgreSqlCustomerAccountStore _database;
    private readonly StoredOutbox _stored;

    /// <summary>Initializes a new instance over the database of <paramref name="database"/> (call its <see cref="PostgreSqlCustomerAccountStore.EnsureSchemaAsync"/> first).</summary>
    /// <param name="database">The store whose database holds the outbox and the journals dunning letters are derived from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlDocumentOutbox(PostgreSqlCustomerAccountStore database)
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

        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (sources.Count > 0)
        {
            // The run sources the letters refer to, once each (D16.200); a key that is present is the same text.
            await using var insertSources = new NpgsqlCommand(
                "INSERT INTO debitor_outbox_sources (sha256, payload) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (sha256) DO NOTHING",
                connection,
                transaction);
            insertSources.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. sources.Select(s => s.Sha256)] });
            insertSources.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. sources.Select(s => s.Payload)] });
            await insertSources.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO debitor_outbox (document_id, kind, payload, enqueued_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (document_id) DO NOTHING",
            connection,
            transaction);
        var at = StoredOutbox.FormatInstant(enqueuedAt);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.DocumentId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Kind)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Payload)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(_ => at)] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

        var found = await QueryAsync($"SELECT {Columns} FROM debitor_outbox WHERE document_id = $1", documentId, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    /// <exception cref="Serialization.JournalFormatException">A stored document cannot be read, or a dunning letter can no longer be derived as queued.</exception>
    public async ValueTask<IReadOnlyList<OutboxDocument>> ListUndeliveredAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM debitor_outbox WHERE delivered_at IS NULL ORDER BY seq", null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No document has the id.</exception>
    public async ValueTask MarkDeliveredAsync(string documentId, Instant deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        await UpdateAsync(
            documentId,
            "UPDATE debitor_outbox SET delivered_at = $2 WHERE document_id = $1 AND delivered_at IS NULL",
            StoredOutbox.FormatInstant(deliveredAt),
            cancellationToken).ConfigureAwait(false);
        _stored.Release(documentId);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No document has the id.</exception>
    public async ValueTask RecordFailureAsync(string documentId, string error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        await UpdateAsync(
            documentId,
            "UPDATE debitor_outbox SET failed_attempts = failed_attempts + 1, last_error = $2 WHERE document_id = $1",
            error,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the outbox table if missing (also done by <see cref="PostgreSqlCustomerAccountStore.EnsureSchemaAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the table exists.</returns>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(Schema, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(string documentId, string sql, string? value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var command = _database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = documentId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return;
        }

        await using var exists = _database.DataSource.CreateCommand("SELECT 1 FROM debitor_outbox WHERE document_id = $1");
        exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = documentId });
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw StoredOutbox.Unknown(documentId);
        }
    }

    /// <summary>The text of a run source stored apart, or <see langword="null"/> (D16.200).</summary>
    private async Task<string?> LoadSourceAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("SELECT payload FROM debitor_outbox_sources WHERE sha256 = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private async Task<IReadOnlyList<OutboxDocument>> QueryAsync(string sql, string? documentId, CancellationToken cancellationToken)
    {
        var rows = new List<StoredOutbox.StoredRow>();
        await using (var command = _database.DataSource.CreateCommand(sql))
        {
            if (documentId is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = documentId });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new StoredOutbox.StoredRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        // Read after the command is done: a dunning letter loads journals through the store.
        return await _stored.ReadAsync(rows, cancellationToken).ConfigureAwait(false);
    }
}
