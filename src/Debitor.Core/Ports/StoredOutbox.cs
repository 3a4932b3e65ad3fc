using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Serialization;
using NodaTime.Text;

namespace Debitor.Core.Ports;

/// <summary>
/// What the database outboxes share (D13.51): checking and writing the documents to queue, reading stored rows back,
/// and the documents this instance queued itself, so that a row whose stored document is the one this process holds is
/// not derived again from the journals (a dunning letter) on every find.
/// </summary>
/// <remarks>
/// <para>A dunning letter's run source (request, settings, interest schemes, contact) is stored once per run, apart from
/// the letters, keyed by its SHA-256 (D16.200): <see cref="Prepare"/> names the sources a call's letters refer to, the
/// outbox inserts them (keeping a key that is present) in the transaction of the letters, and
/// <paramref name="loadSource"/> reads one back by its key. A source read is kept by its key (content-addressed, it
/// never changes).</para>
/// <para>Thread-safe. A held document is released when it is marked delivered.</para>
/// </remarks>
internal sealed class StoredOutbox(ICustomerAccountStore journals, Func<string, CancellationToken, Task<string?>> loadSource)
{
    private readonly ConcurrentDictionary<string, (string Payload, ReceivablesDocument Document)> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunContext> _sources = new(StringComparer.Ordinal);

    /// <summary>One document to insert: id, kind and payload.</summary>
    internal readonly record struct Row(string DocumentId, string Kind, string Payload);

    /// <summary>A run's source to insert (if its key is not present): key (SHA-256) and text.</summary>
    internal readonly record struct Source(string Sha256, string Payload);

    /// <summary>
    /// Checks every document before anything is written and serializes it (in the order given); the run sources the
    /// letters refer to, each once, in the order first referred to (D16.200).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    public (IReadOnlyList<Row> Rows, IReadOnlyList<Source> Sources) Prepare(IReadOnlyList<ReceivablesDocument> documents)
    {
        Guard.Against.Null(documents);
        var rows = new Row[documents.Count];
        var sources = new List<Source>(1);
        StoredRunSource? last = null;
        for (var i = 0; i < documents.Count; i++)
        {
            var document = Guard.Against.Null(documents[i], nameof(documents));
            var payload = DocumentJson.SerializeForOutbox(document, out var source);
            if (source is not null && !ReferenceEquals(source, last))
            {
                last = source;
                if (!sources.Exists(s => string.Equals(s.Sha256, source.Sha256, StringComparison.Ordinal)))
                {
                    sources.Add(new Source(source.Sha256, source.Text));
                }
            }

            _held[document.DocumentId] = (payload, document);
            rows[i] = new Row(document.DocumentId, DocumentJson.KindOf(document), payload);
        }

        return (rows, sources);
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
                : await DocumentJson.DeserializeAsync(row.Payload, journals, SourceAsync, cancellationToken).ConfigureAwait(false);
            result.Add(new OutboxDocument(document, ParseInstant(row.EnqueuedAt))
            {
                FailedAttempts = checked((int)row.FailedAttempts),
                LastError = row.LastError,
                DeliveredAt = row.DeliveredAt is null ? null : ParseInstant(row.DeliveredAt),
            });
        }

        return result;
    }

    /// <summary>A run's source stored apart, by its key: read once, checked against the key, then kept (D16.200).</summary>
    /// <exception cref="JournalFormatException">No source is stored under the key, or it does not hash to it, or it cannot be read.</exception>
    private async ValueTask<RunContext> SourceAsync(string sha256, CancellationToken cancellationToken)
    {
        if (_sources.TryGetValue(sha256, out var known))
        {
            return known;
        }

        var text = await loadSource(sha256, cancellationToken).ConfigureAwait(false)
            ?? throw new JournalFormatException($"the run source {sha256} a letter refers to is not stored.", DocumentJson.DunningLetterKind);
        return _sources.GetOrAdd(sha256, DocumentJson.ReadRunSource(sha256, text));
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
