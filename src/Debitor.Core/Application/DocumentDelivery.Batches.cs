using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>Recording the deliveries of a batch in one outbox write (D16.62).</summary>
public sealed partial class DocumentDelivery
{
    /// <summary>
    /// The documents not delivered yet, when the outbox can tell without reading them (<see cref="IDocumentOutboxBatches"/>):
    /// a retry of a use case whose documents went out before queues and reads none of them again. Otherwise all of them.
    /// <c>QueuedBefore</c> names the documents the outbox held before this call, whose queued version must be read back and
    /// delivered; <see langword="null"/> when the outbox cannot tell, so every document is read back (D16.193).
    /// </summary>
    private async Task<(IReadOnlyList<ReceivablesDocument> Documents, IReadOnlySet<string>? QueuedBefore)> WithoutDeliveredAsync(IReadOnlyList<ReceivablesDocument> documents, CancellationToken cancellationToken)
    {
        if (_outbox is not IDocumentOutboxBatches batches)
        {
            return (documents, null);
        }

        var queued = await batches.QueuedAmongAsync([.. documents.Select(d => Guard.Against.Null(d, nameof(documents)).DocumentId)], cancellationToken).ConfigureAwait(false);
        var before = queued.Keys.ToHashSet(StringComparer.Ordinal);
        return queued.Count == 0 ? (documents, before) : ([.. documents.Where(d => !(queued.TryGetValue(d.DocumentId, out var delivered) && delivered))], before);
    }

    /// <summary>
    /// Records the documents as delivered: in one write when the outbox offers it (<see cref="IDocumentOutboxBatches"/>),
    /// else one by one. A crash before this leaves them undelivered in the outbox, so they are delivered again (at least
    /// once, as the outbox promises; the output treats a known document id as handled).
    /// </summary>
    private async Task MarkDeliveredAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return;
        }

        var now = _clock.GetCurrentInstant();
        if (_outbox is IDocumentOutboxBatches batches)
        {
            await batches.MarkDeliveredAsync(documentIds, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var id in documentIds)
        {
            await _outbox.MarkDeliveredAsync(id, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
