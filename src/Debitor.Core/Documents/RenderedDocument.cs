namespace Debitor.Core.Documents;

/// <summary>A rendered document: the bytes, their media type and a file name, ready to mail or archive.</summary>
/// <param name="Content">The document's bytes.</param>
/// <param name="MediaType">The media type, e.g. "application/pdf" or "text/html; charset=utf-8".</param>
/// <param name="FileName">A file name in the document's language, e.g. "Zahlungserinnerung-10002-2026-11-23.pdf".</param>
/// <param name="Culture">The culture it was rendered in, e.g. "de-DE".</param>
/// <remarks>Produced by an <see cref="Ports.IDocumentRenderer"/> (the package Debitor.Core.Documents renders PDF and HTML). Immutable.</remarks>
public sealed record RenderedDocument(ReadOnlyMemory<byte> Content, string MediaType, string FileName, string Culture);
