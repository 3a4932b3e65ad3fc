using Debitor.Core.Agreements;
using Debitor.Core.Collections;
using Debitor.Core.Customers;
using Debitor.Core.Documents.Rendering.Html;
using Debitor.Core.Documents.Rendering.Pdf;
using Debitor.Core.Documents.Rendering.Views;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ports;
using Debitor.Core.Statements;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Debitor.Core.Documents.Rendering;

/// <summary>
/// Renders every document Debitor.Core models to HTML and to PDF, in German or English (or any language the host adds):
/// dunning letter, interest invoice, open-items statement, statement of account, payment advice, difference and
/// write-off notification, payment agreement, hand-over summary and SEPA mandate form.
/// </summary>
/// <remarks>
/// <para>The culture is the recipient's (<see cref="LetterRecipient.Culture"/>), else the company's
/// (<see cref="CompanyProfile.EffectiveCulture"/>); render in English with <c>recipient with { Culture = "en-GB" }</c>. A text
/// missing in that culture is taken from the company's culture and logged as a warning.</para>
/// <para>Templates are parsed and checked when the renderer is built. Thread-safe: build one and share it.</para>
/// <para>As the core's <see cref="IDocumentRenderer"/> (registered by <c>AddDebitorCoreDocuments</c>) it renders every
/// document the core delivers, in <see cref="DocumentRendererOptions.DeliveryFormat"/> (PDF by default).</para>
/// </remarks>
public sealed class DocumentRenderer : IDocumentRenderer
{
    private const string HtmlMediaType = "text/html; charset=utf-8";
    private const string PdfMediaType = "application/pdf";
    private readonly CompanyProfile _company;
    private readonly DocumentTexts _texts;
    private readonly ILogger _logger;
    private readonly HtmlDocumentRenderer _html;
    private readonly DocumentFormat _deliveryFormat;

    /// <summary>Creates a renderer, loading and checking every template.</summary>
    /// <param name="options">Company, texts and templates.</param>
    /// <param name="logger">Where missing texts are reported; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><see cref="DocumentRendererOptions.Company"/> is not set, or a directory does not exist or holds an unreadable text file.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="DocumentTemplateException">A template does not parse or reads a field documents do not have.</exception>
    public DocumentRenderer(DocumentRendererOptions options, ILogger<DocumentRenderer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _company = options.Company ?? throw new ArgumentException("The company profile is required.", nameof(options));
        _texts = options.TextDirectory is { } textDirectory ? options.Texts.WithDirectory(textDirectory) : options.Texts;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.TemplateDirectory is { } directory)
        {
            if (!Directory.Exists(directory))
            {
                throw new ArgumentException($"The template directory '{directory}' does not exist.", nameof(options));
            }

            foreach (var (name, source) in HtmlDocumentRenderer.FromDirectory(directory))
            {
                templates[name] = source;
            }
        }

        foreach (var (name, source) in options.Templates)
        {
            templates[name] = source;
        }

        _html = new HtmlDocumentRenderer(templates);
        _deliveryFormat = options.DeliveryFormat;
    }

    /// <summary>
    /// Renders a document the core delivers (dunning letter, interest invoice, payment advice, difference or write-off
    /// notification) in <see cref="DocumentRendererOptions.DeliveryFormat"/>, in the company's language, addressed to the
    /// outgoing document's recipient at its document address.
    /// </summary>
    /// <param name="document">The document on its way out.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The rendered document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The document is a kind this renderer does not know.</exception>
    /// <exception cref="KeyNotFoundException">A text (e.g. a custom scheme's header key) exists neither in the culture nor in the company's.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<RenderedDocument?> RenderAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var recipient = LetterRecipient.For(document.Recipient, document.Address, _company.Address.Country);
        return ValueTask.FromResult<RenderedDocument?>(Render(document.Document, recipient, _deliveryFormat));
    }

    /// <summary>Renders a dunning letter (R4.6): items with their own levels, credits, fees by name, totals, deadline.</summary>
    /// <param name="letter">The letter.</param>
    /// <param name="recipient">Its recipient as printed in the address field (the letter's <see cref="DunningLetter.Recipient"/>).</param>
    /// <param name="contact">Our receivables contact (R3.5), e.g. <c>DebitorCoreOptions.ReceivablesContact</c>.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered letter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    /// <exception cref="KeyNotFoundException">A text (e.g. a custom scheme's header key) exists neither in the culture nor in the company's.</exception>
    public RenderedDocument Render(DunningLetter letter, LetterRecipient recipient, ReceivablesContact contact, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(contact);
        return Output(DunningViews.Letter(Frame(recipient), letter, contact), letter.LetterDate, format);
    }

    /// <summary>
    /// Renders a dunning letter to PDF as <see cref="Render(DunningLetter, LetterRecipient, ReceivablesContact, DocumentFormat)"/>
    /// does and hands its file name and bytes to <paramref name="write"/> straight from the thread's buffer, without a
    /// copy (the tool's letter files, D16.243). The bytes are valid only during the call.
    /// </summary>
    internal void WritePdf(DunningLetter letter, LetterRecipient recipient, ReceivablesContact contact, PdfFileWriter write)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(write);
        var view = DunningViews.Letter(Frame(recipient), letter, contact);
        write(PdfFileName(view), PdfDocumentRenderer.RenderInPlace(view, letter.LetterDate));
    }

    /// <summary>
    /// Renders a dunning letter wholly from its model (D15.9): the recipient's document address
    /// (<see cref="DunningLetter.RecipientAddress"/>) in the address field, its e-mail address, and our contact
    /// (<see cref="DunningLetter.Contact"/>) in the information block.
    /// </summary>
    /// <param name="letter">The letter.</param>
    /// <param name="culture">The culture to write in (e.g. <c>en-GB</c>); <see langword="null"/> for the company's.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered letter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="letter"/> is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException"><paramref name="culture"/> is not a culture.</exception>
    /// <exception cref="KeyNotFoundException">A text (e.g. a custom scheme's header key) exists neither in the culture nor in the company's.</exception>
    public RenderedDocument Render(DunningLetter letter, string? culture, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var recipient = LetterRecipient.For(letter.Recipient, letter.RecipientAddress, _company.Address.Country) with { Culture = culture };
        return Output(DunningViews.Letter(Frame(recipient), letter), letter.LetterDate, format);
    }

    /// <summary>Renders an interest invoice, with the interest clause of §288 BGB that applies.</summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="recipient">Its recipient.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered invoice.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    public RenderedDocument Render(InterestInvoice invoice, LetterRecipient recipient, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Output(DunningViews.InterestInvoice(Frame(recipient), invoice, recipient.IsConsumer), invoice.Date, format);
    }

    /// <summary>Renders an open-items statement.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="recipient">Its recipient.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered statement.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    public RenderedDocument Render(OpenItemsStatement statement, LetterRecipient recipient, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Output(StatementViews.OpenItems(Frame(recipient), statement), statement.Date, format);
    }

    /// <summary>Renders a full statement of account, opening and closing balance per currency as the ledger has them.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="recipient">Its recipient.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered statement.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    public RenderedDocument Render(AccountStatement statement, LetterRecipient recipient, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Output(StatementViews.Account(Frame(recipient), statement), statement.Date, format);
    }

    /// <summary>Renders a document of the outbox: payment advice, difference or write-off notification, interest invoice or dunning letter.</summary>
    /// <param name="document">The document.</param>
    /// <param name="recipient">Its recipient.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="document"/> is a kind this renderer does not know.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    public RenderedDocument Render(ReceivablesDocument document, LetterRecipient recipient, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        var frame = Frame(recipient);
        var view = document switch
        {
            PaymentAdvice advice => PaymentViews.Advice(frame, advice),
            DifferenceNotification difference => PaymentViews.Difference(frame, difference),
            WriteOffNotification writeOff => PaymentViews.WriteOff(frame, writeOff),
            InterestInvoice invoice => DunningViews.InterestInvoice(frame, invoice, recipient.IsConsumer),
            DunningLetterDocument letter => DunningViews.Letter(frame, letter.Letter),
            _ => throw new ArgumentException($"Documents of type {document.GetType().Name} are not rendered here.", nameof(document)),
        };
        return Output(view, document.Date, format);
    }

    /// <summary>Renders a payment agreement for the debtor to sign.</summary>
    /// <param name="agreement">The agreement document.</param>
    /// <param name="date">The letter date.</param>
    /// <param name="recipient">Its recipient (the debtor).</param>
    /// <param name="contact">Our receivables contact.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered agreement.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    public RenderedDocument Render(PaymentAgreementDocument agreement, LocalDate date, LetterRecipient recipient, ReceivablesContact contact, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(contact);
        return Output(CollectionViews.Agreement(Frame(recipient), agreement, date, contact), date, format);
    }

    /// <summary>Renders the summary handed to a lawyer or collection agency.</summary>
    /// <param name="handOver">The hand-over document.</param>
    /// <param name="recipient">The lawyer or agency, as addressed.</param>
    /// <param name="contact">Our receivables contact.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    public RenderedDocument Render(HandOverDocument handOver, LetterRecipient recipient, ReceivablesContact contact, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        ArgumentNullException.ThrowIfNull(contact);
        return Output(CollectionViews.HandOver(Frame(recipient), handOver, contact), handOver.Date, format);
    }

    /// <summary>Renders a SEPA mandate form (B2B or core) for the debtor to sign.</summary>
    /// <param name="form">The prefilled form.</param>
    /// <param name="date">The letter date.</param>
    /// <param name="recipient">Its recipient (the debtor).</param>
    /// <param name="contact">Our receivables contact.</param>
    /// <param name="format">HTML or PDF.</param>
    /// <returns>The rendered form.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException">The recipient's culture is not a culture.</exception>
    public RenderedDocument Render(SepaMandateForm form, LocalDate date, LetterRecipient recipient, ReceivablesContact contact, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(contact);
        return Output(CollectionViews.Mandate(Frame(recipient), form, date, contact), date, format);
    }

    private LetterFrame Frame(LetterRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var name = recipient.Culture ?? _company.EffectiveCulture;
        return new LetterFrame(_company, new DocumentLanguage(_texts, name, _company.EffectiveCulture, _logger), recipient);
    }

    private RenderedDocument Output(DocumentView view, LocalDate date, DocumentFormat format) => format switch
    {
        DocumentFormat.Html => new RenderedDocument(_html.Render(view), HtmlMediaType, view.FileStem + ".html", view.Language),
        DocumentFormat.Pdf => new RenderedDocument(PdfDocumentRenderer.Render(view, date), PdfMediaType, PdfFileName(view), view.Language),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown document format."),
    };

    private static string PdfFileName(DocumentView view) => view.FileStem + ".pdf";
}

/// <summary>Takes a rendered PDF's file name and bytes; the bytes are valid only during the call (D16.243).</summary>
internal delegate void PdfFileWriter(string fileName, ReadOnlySpan<byte> content);
