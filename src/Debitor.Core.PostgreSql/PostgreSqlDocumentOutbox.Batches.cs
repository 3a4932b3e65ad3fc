using Debitor.Core.Ports;
using NodaTime;
using Npgsql;

namespace Debitor.Core.PostgreSql;

/// <summary>The batch port of the delivery (D16.62, D13.83): a call's deliveries in one transaction, and which are delivered in one read.</summary>
public sealed partial class PostgreSqlDocumentOutbox
{
    /// <summary>
    /// Marks a batch delivered in one transaction (D16.62, D13.83): the ids are checked first (an unknown one refuses the
    /// batch, nothing recorded), then one statement marks those not delivered yet; a delivered one keeps its time.
    /// </summary>
    async ValueTask IDocumentOutboxBatches.MarkDeliveredAsync(IReadOnlyList<string> documentIds, Instant deliveredAt, CancellationToken cancellationToken)
    {
        StoredOutbox.CheckBatch(documentIds);

        cancellationToken.ThrowIfCancellationRequested();
        if (documentIds.Count == 0)
        {
            return;
        }

        string[] ids = [.. documentIds];
        await using (var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using (var unknown = new NpgsqlCommand(
                "SELECT i.id FROM unnest($1::text[]) WITH ORDINALITY AS i (id, position) WHERE NOT EXISTS (SELECT 1 FROM debitor_outbox o WHERE o.document_id = i.id) ORDER BY i.position LIMIT 1",
                connection,
                transaction))
            {
                unknown.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
                if (await unknown.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string missing)
                {
                    throw StoredOutbox.Unknown(missing);
                }
            }

            await using (var mark = new NpgsqlCommand(
                "UPDATE debitor_outbox SET delivered_at = $2 WHERE document_id = ANY($1) AND delivered_at IS NULL",
                connection,
                transaction))
            {
                mark.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
                mark.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StoredOutbox.FormatInstant(deliveredAt) });
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _stored.Release(documentIds);
    }

    /// <summary>The queued ids among the given ones and whether each is delivered, in one query (D16.62, D13.83, D16.193).</summary>
    async ValueTask<IReadOnlyDictionary<string, bool>> IDocumentOutboxBatches.QueuedAmongAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var queued = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (documentIds.Count == 0)
        {
            return queued;
        }

        await using var command = _database.DataSource.CreateCommand(
            "SELECT document_id, delivered_at IS NOT NULL FROM debitor_outbox WHERE document_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. documentIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            queued[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return queued;
    }
}
