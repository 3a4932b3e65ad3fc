using Debitor.Core.Documents;

namespace Debitor.Core.Ports;

/// <summary>
/// Hands documents (payment advice, difference and write-off notifications, …) to the host, which renders and sends
/// them through the output media set per document (R3.5). Implemented by the host.
/// </summary>
/// <remarks>
/// Use cases deliver documents after their entries are stored. A use case run again (a retry, or a payment applied a
/// second time) delivers documents with the same <see cref="ReceivablesDocument.DocumentId"/> again: implementations
/// should treat a known id as already handled. Implementations must be safe for concurrent use.
/// </remarks>
public interface IDocumentOutput
{
    /// <summary>Takes a document for rendering and dispatch.</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    /// <returns>A task that completes when the document is accepted.</returns>
    ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a document with its rendered file, its recipient's addresses and the output medium the recipient set for its
    /// kind (R3.5): what a host mails or posts as it is. <see cref="Application.DocumentDelivery"/> calls this overload
    /// when it has the account store; the default hands the model to <see cref="DeliverAsync(ReceivablesDocument, CancellationToken)"/>.
    /// </summary>
    /// <param name="document">The document, rendered when a renderer is registered (<see cref="OutgoingDocument.Rendered"/>).</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    /// <returns>A task that completes when the document is accepted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    ValueTask DeliverAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return DeliverAsync(document.Document, cancellationToken);
    }
}

/// <summary>An <see cref="IDocumentOutput"/> that keeps the documents in memory, for tests, samples and previews.</summary>
/// <remarks>A document whose id was delivered before is ignored. Thread-safe. Nothing survives the process.</remarks>
public sealed class InMemoryDocumentOutput : IDocumentOutput
{
    private readonly List<ReceivablesDocument> _documents = [];
    private readonly List<OutgoingDocument> _outgoing = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The documents delivered so far, in delivery order (a snapshot).</summary>
    public IReadOnlyList<ReceivablesDocument> Documents
    {
        get
        {
            lock (_lock)
            {
                return [.. _documents];
            }
        }
    }

    /// <summary>The documents delivered with their rendered files, recipients and media, in delivery order (a snapshot).</summary>
    public IReadOnlyList<OutgoingDocument> Outgoing
    {
        get
        {
            lock (_lock)
            {
                return [.. _outgoing];
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DeliverAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_ids.Add(document.Document.DocumentId))
            {
                _documents.Add(document.Document);
                _outgoing.Add(document);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_ids.Add(document.DocumentId))
            {
                _documents.Add(document);
            }
        }

        return ValueTask.CompletedTask;
    }
}
