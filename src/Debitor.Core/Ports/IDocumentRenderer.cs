using Debitor.Core.Documents;

namespace Debitor.Core.Ports;

/// <summary>
/// Renders documents on delivery, so the outputs receive the file beside the model (bytes, media type, file name). The
/// package Debitor.Core.Documents implements it (PDF by default, DIN 5008; registered by <c>AddDebitorCoreDocuments</c>);
/// without it the core registers a renderer that renders nothing and outputs receive the model alone.
/// </summary>
/// <remarks>
/// Called inside the delivery step of <see cref="Application.DocumentDelivery"/>: a rendering that throws is recorded as a
/// failed delivery and retried like one, so the outbox guarantee (at least once, idempotent by document id) holds.
/// Rendering the same model twice should give the same bytes. Implementations must be safe for concurrent use.
/// </remarks>
public interface IDocumentRenderer
{
    /// <summary>Renders a document for sending.</summary>
    /// <param name="document">The document with its recipient and output medium (<see cref="OutgoingDocument.Rendered"/> is not set yet).</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The rendered document, or <see langword="null"/> when this renderer does not render it.</returns>
    ValueTask<RenderedDocument?> RenderAsync(OutgoingDocument document, CancellationToken cancellationToken);
}

/// <summary>The core's default <see cref="IDocumentRenderer"/>: renders nothing; outputs receive the model alone.</summary>
internal sealed class NoDocumentRenderer : IDocumentRenderer
{
    public static NoDocumentRenderer Instance { get; } = new();

    public ValueTask<RenderedDocument?> RenderAsync(OutgoingDocument document, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RenderedDocument?>(null);
}
