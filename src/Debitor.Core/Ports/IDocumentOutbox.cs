using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Documents;

namespace Debitor.Core.Ports;

/// <summary>
/// A document waiting for, or past, delivery: the document, when it was queued, how often delivery was tried, the last
/// failure and when it was delivered. Plain data, so a host can keep it in a table keyed by <see cref="DocumentId"/>.
/// </summary>
/// <param name="Document">The document (its <see cref="ReceivablesDocument.DocumentId"/> is the key).</param>
/// <param name="EnqueuedAt">When it was queued: after the entries it reports were stored.</param>
public sealed record OutboxDocument(ReceivablesDocument Document, Instant EnqueuedAt)
{
    /// <summary>The document's key, stable across retries.</summary>
    public string DocumentId => Document.DocumentId;

    /// <summary>How many deliveries failed.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Why the last delivery failed, or <see langword="null"/>.</summary>
    public string? LastError { get; init; }

    /// <summary>When the output took it, or <see langword="null"/> while undelivered.</summary>
    public Instant? DeliveredAt { get; init; }

    /// <summary>Whether the output took it.</summary>
    public bool IsDelivered => DeliveredAt is not null;
}

/// <summary>
/// The document outbox: every document whose journal entries are stored is queued here before it goes to the output, so
/// that a delivery that fails is retried instead of lost (see <c>docs/outbox.md</c>). Implemented by the host in its
/// database; <see cref="InMemoryDocumentOutbox"/> is the reference implementation.
/// </summary>
/// <remarks>
/// <para>Keyed by <see cref="ReceivablesDocument.DocumentId"/>: queuing an id that is present keeps what is stored (a retry
/// queues the same document again), so a document is delivered at least once and never queued twice.</para>
/// <para>Implementations must be safe for concurrent use; each call must be atomic per document.</para>
/// </remarks>
public interface IDocumentOutbox
{
    /// <summary>Queues documents; ids already present are left as they are.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="enqueuedAt">Now.</param>
    /// <param name="cancellationToken">Cancels the call before anything is queued.</param>
    /// <returns>A task that completes when every document is stored.</returns>
    ValueTask EnqueueAsync(IReadOnlyList<ReceivablesDocument> documents, Instant enqueuedAt, CancellationToken cancellationToken);

    /// <summary>One queued document.</summary>
    /// <param name="documentId">The document's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document, or <see langword="null"/> when it was never queued.</returns>
    ValueTask<OutboxDocument?> FindAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>The documents not delivered yet, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The undelivered documents.</returns>
    ValueTask<IReadOnlyList<OutboxDocument>> ListUndeliveredAsync(CancellationToken cancellationToken);

    /// <summary>Records that the output took a document; a no-op when it is marked already.</summary>
    /// <param name="documentId">The document's id.</param>
    /// <param name="deliveredAt">Now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask MarkDeliveredAsync(string documentId, Instant deliveredAt, CancellationToken cancellationToken);

    /// <summary>Records a failed delivery: the document stays undelivered.</summary>
    /// <param name="documentId">The document's id.</param>
    /// <param name="error">Why it failed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask RecordFailureAsync(string documentId, string error, CancellationToken cancellationToken);
}

/// <summary>A thread-safe in-memory <see cref="IDocumentOutbox"/> for tests, samples and small hosts. Nothing survives the process.</summary>
public sealed class InMemoryDocumentOutbox : IDocumentOutbox
{
    private readonly ConcurrentDictionary<string, Slot> _documents = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Every document queued, delivered or not, in the order queued (a snapshot).</summary>
    public IReadOnlyList<OutboxDocument> Documents => [.. _documents.Values.OrderBy(s => s.Sequence).Select(s => s.Document)];

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    public ValueTask EnqueueAsync(IReadOnlyList<ReceivablesDocument> documents, Instant enqueuedAt, CancellationToken cancellationToken)
    {
        Guard.Against.Null(documents);
        foreach (var document in documents)
        {
            Guard.Against.Null(document, nameof(documents));
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var document in documents)
        {
            _documents.GetOrAdd(document.DocumentId, _ => new Slot(Interlocked.Increment(ref _sequence), new OutboxDocument(document, enqueuedAt)));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<OutboxDocument?> FindAsync(string documentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(documentId is not null && _documents.TryGetValue(documentId, out var slot) ? slot.Document : null);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxDocument>> ListUndeliveredAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<OutboxDocument> result = [.. _documents.Values.Where(s => !s.Document.IsDelivered).OrderBy(s => s.Sequence).Select(s => s.Document)];
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No document has the id.</exception>
    public ValueTask MarkDeliveredAsync(string documentId, Instant deliveredAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Update(documentId, d => d.IsDelivered ? d : d with { DeliveredAt = deliveredAt });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No document has the id.</exception>
    public ValueTask RecordFailureAsync(string documentId, string error, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Update(documentId, d => d with { FailedAttempts = d.FailedAttempts + 1, LastError = error });
        return ValueTask.CompletedTask;
    }

    private void Update(string documentId, Func<OutboxDocument, OutboxDocument> change)
    {
        Guard.Against.NullOrWhiteSpace(documentId);
        while (true)
        {
            if (!_documents.TryGetValue(documentId, out var slot))
            {
                throw new ArgumentException($"No document '{documentId}' is in the outbox.", nameof(documentId));
            }

            if (_documents.TryUpdate(documentId, slot with { Document = change(slot.Document) }, slot))
            {
                return;
            }
        }
    }

    private sealed record Slot(long Sequence, OutboxDocument Document);
}
