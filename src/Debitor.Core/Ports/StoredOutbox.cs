using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Serialization;
using NodaTime.Text;

namespace Debitor.Core.Ports;

/// <summary>
/// What the database outboxes share (D13.51): checking and writing the documents to queue, reading stored rows back,
/// and the documents this instance queued itself, so that a row whose stored document is the one this process holds is
/// not derived again from the journals (a dunning letter) on every find.
/// </summary>
/// <remarks>Thread-safe. A held document is released when it is marked delivered.</remarks>
internal sealed class StoredOutbox(ICustomerAccountStore journals)
{
    private readonly ConcurrentDictionary<string, (string Payload, ReceivablesDocument Document)> _held = new(StringComparer.Ordinal);

    /// <summary>One document to insert: id, kind and payload.</summary>
    internal readonly record struct Row(string DocumentId, string Kind, string Payload);

    /// <summary>Checks every document before anything is written and serializes it (in the order given).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    public IReadOnlyList<Row> Prepare(IReadOnlyList<ReceivablesDocument> documents)
    {
        Guard.Against.Null(documents);
        var rows = new Row[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            var document = Guard.Against.Null(documents[i], nameof(documents));
            var payload = DocumentJson.Serialize(document);
            _held[document.DocumentId] = (payload, document);
            rows[i] = new Row(document.DocumentId, DocumentJson.KindOf(document), payload);
        }

        return rows;
    }

    /// <summary>A stored row as read: id, payload, queue time, failures, last error, delivery time.</summary>
    internal readonly record struct StoredRow(string DocumentId, string Payload, string EnqueuedAt, long FailedAttempts, string? LastError, string? DeliveredAt);

    /// <summary>
    /// Stored rows as <see cref="OutboxDocument"/>s, in order: the held document when the payload is the one this instance
    /// wrote, else read from the payload (a dunning letter loads journals: call it after the query's connection is closed).
    /// </summary>
    public async Task<IReadOnlyList<OutboxDocument>> ReadAsync(IReadOnlyList<StoredRow> rows, CancellationToken cancellationToken)
    {
        var result = new List<OutboxDocument>(rows.Count);
        foreach (var row in rows)
        {
            var document = _held.TryGetValue(row.DocumentId, out var held) && string.Equals(held.Payload, row.Payload, StringComparison.Ordinal)
                ? held.Document
                : await DocumentJson.DeserializeAsync(row.Payload, journals, cancellationToken).ConfigureAwait(false);
            result.Add(new OutboxDocument(document, ParseInstant(row.EnqueuedAt))
            {
                FailedAttempts = checked((int)row.FailedAttempts),
                LastError = row.LastError,
                DeliveredAt = row.DeliveredAt is null ? null : ParseInstant(row.DeliveredAt),
            });
        }

        return result;
    }

    /// <summary>Forgets a delivered document (it is read from its row if asked for again).</summary>
    public void Release(string documentId) => _held.TryRemove(documentId, out _);

    /// <summary>Forgets the documents of a batch marked delivered (D16.62).</summary>
    public void Release(IReadOnlyList<string> documentIds)
    {
        foreach (var documentId in documentIds)
        {
            Release(documentId);
        }
    }

    /// <summary>Refuses a batch of ids to mark delivered before anything is recorded (D16.62): none may be empty.</summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public static void CheckBatch(IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        foreach (var documentId in documentIds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(documentId, nameof(documentIds));
        }
    }

    /// <summary>An instant as stored: ISO-8601 text, lossless (as journal records, D13.4).</summary>
    public static string FormatInstant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Instant ParseInstant(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    /// <summary>The exception for an id that was never queued (as <see cref="InMemoryDocumentOutbox"/> throws).</summary>
    public static ArgumentException Unknown(string documentId) =>
        new($"No document '{documentId}' is in the outbox.", nameof(documentId));
}
