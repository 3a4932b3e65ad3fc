namespace Debitor.Core.Documents.Rendering;

/// <summary>The format a document is rendered to.</summary>
public enum DocumentFormat
{
    /// <summary>HTML (UTF-8), from the kind's Liquid template.</summary>
    Html,

    /// <summary>PDF, A4, DIN 5008 form B, with the embedded DejaVu Sans font.</summary>
    Pdf,
}

/// <summary>A rendered document: the bytes, their media type and a file name, ready to mail or archive.</summary>
/// <param name="Content">The document's bytes.</param>
/// <param name="MediaType">"application/pdf" or "text/html; charset=utf-8".</param>
/// <param name="FileName">A file name in the document's language, e.g. "Zahlungserinnerung-10001.pdf".</param>
/// <param name="Culture">The culture it was rendered in, e.g. "de-DE".</param>
public sealed record RenderedDocument(ReadOnlyMemory<byte> Content, string MediaType, string FileName, string Culture);
