using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>Recording the deliveries of a batch in one outbox write (D16.62).</summary>
public sealed partial class DocumentDelivery
{
    /// <summary>
    /// The documents not delivered yet, when the outbox can tell without reading them (<see cref="IDocumentOutboxBatches"/>):
    /// a retry of a use case whose documents went out before queues and reads none of them again. Otherwise all of them,
    /// and each is looked up after queuing.
    /// </summary>
    private async Task<IReadOnlyList<ReceivablesDocument>> WithoutDeliveredAsync(IReadOnlyList<ReceivablesDocument> documents, CancellationToken cancellationToken)
    {
        if (_outbox is not IDocumentOutboxBatches batches)
        {
            return documents;
        }

        var delivered = await batches.DeliveredAmongAsync([.. documents.Select(d => Guard.Against.Null(d, nameof(documents)).DocumentId)], cancellationToken).ConfigureAwait(false);
        return delivered.Count == 0 ? documents : [.. documents.Where(d => !delivered.Contains(d.DocumentId))];
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
