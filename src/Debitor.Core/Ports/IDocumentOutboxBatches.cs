namespace Debitor.Core.Ports;

/// <summary>
/// An outbox that records the delivery of many documents in one write (D16.62): a database outbox marks a batch
/// delivered in one transaction instead of one per document. <see cref="Application.DocumentDelivery"/> uses it when the
/// outbox offers it and marks document by document otherwise.
/// </summary>
internal interface IDocumentOutboxBatches
{
    /// <summary>
    /// Records that the output took the documents, as <see cref="IDocumentOutbox.MarkDeliveredAsync"/> does for each, in
    /// one write: all or none.
    /// </summary>
    /// <param name="documentIds">The documents' ids.</param>
    /// <param name="deliveredAt">Now.</param>
    /// <param name="cancellationToken">Cancels the call before anything is recorded.</param>
    /// <returns>A task that completes when every delivery is recorded.</returns>
    /// <exception cref="ArgumentException">An id is empty, or no document has it (nothing is recorded).</exception>
    ValueTask MarkDeliveredAsync(IReadOnlyList<string> documentIds, Instant deliveredAt, CancellationToken cancellationToken);

    /// <summary>
    /// Which of the ids are queued already, and whether each is delivered, read without reading the documents: a delivered
    /// document stays delivered, so a retry need not queue or read it again; a document queued by this call is the one
    /// in hand, so only those queued before are read back (D16.193).
    /// </summary>
    /// <param name="documentIds">The documents' ids; an id never queued is not among the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Each queued id among them, with <see langword="true"/> when it is delivered.</returns>
    ValueTask<IReadOnlyDictionary<string, bool>> QueuedAmongAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken);
}
