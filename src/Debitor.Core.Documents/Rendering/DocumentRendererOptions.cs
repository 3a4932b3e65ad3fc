namespace Debitor.Core.Documents.Rendering;

/// <summary>What a <see cref="DocumentRenderer"/> needs: our company, the texts and, optionally, the host's templates.</summary>
public sealed class DocumentRendererOptions
{
    /// <summary>Our company: letterhead, legal details, bank account, default language. Required.</summary>
    public CompanyProfile? Company { get; set; }

    /// <summary>The texts; the shipped German and English ones unless the host adds or replaces some.</summary>
    public DocumentTexts Texts { get; set; } = DocumentTexts.Default;

    /// <summary>A directory of the host's text files (<c>de.json</c>, <c>fr.json</c> …), applied over <see cref="Texts"/>; optional.</summary>
    public string? TextDirectory { get; set; }

    /// <summary>
    /// A directory of the host's Liquid templates, applied over the shipped ones; optional. A file is named after the
    /// document kind it renders (<c>dunning-letter.liquid</c>, <c>interest-invoice.liquid</c>,
    /// <c>open-items-statement.liquid</c>, <c>account-statement.liquid</c>, <c>payment-advice.liquid</c>,
    /// <c>difference-notification.liquid</c>, <c>write-off-notification.liquid</c>, <c>payment-agreement.liquid</c>,
    /// <c>hand-over.liquid</c>, <c>sepa-mandate.liquid</c>) or <c>document.liquid</c> for every kind without its own.
    /// </summary>
    public string? TemplateDirectory { get; set; }

    /// <summary>
    /// The format documents are rendered to on delivery, when the renderer serves as the core's
    /// <see cref="Ports.IDocumentRenderer"/> (<see cref="DocumentRenderer.RenderAsync"/>). Default <see cref="DocumentFormat.Pdf"/>.
    /// </summary>
    public DocumentFormat DeliveryFormat { get; set; } = DocumentFormat.Pdf;

    /// <summary>Templates by name, as <see cref="TemplateDirectory"/> but from memory; applied last.</summary>
    public IDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
