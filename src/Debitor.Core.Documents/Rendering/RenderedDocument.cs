namespace Debitor.Core.Documents.Rendering;

/// <summary>The format a document is rendered to.</summary>
public enum DocumentFormat
{
    /// <summary>HTML (UTF-8), from the kind's Liquid template.</summary>
    Html,

    /// <summary>PDF, A4, DIN 5008 form B, with the embedded DejaVu Sans font.</summary>
    Pdf,
}
