using Ardalis.GuardClauses;
using Debitor.Core.Customers;

namespace Debitor.Core.Documents;

/// <summary>
/// A document on its way out (R3.5): the model, the rendered file (when a renderer is registered), its recipient with
/// postal and e-mail address, and the output medium the recipient set for this kind of document. What
/// <see cref="Ports.IDocumentOutput"/> and <see cref="Ports.IDunningLetterOutput"/> receive, so a host can mail or
/// archive the document without rendering it itself.
/// </summary>
/// <remarks>
/// Built at delivery time from the document stored in the outbox (<see cref="Application.DocumentDelivery"/>): a delivery
/// retried after a fault renders the same model again. Immutable and thread-safe.
/// </remarks>
public sealed record OutgoingDocument
{
    /// <summary>Creates an outgoing document (the library builds them on delivery; hosts may build one to preview a renderer).</summary>
    /// <param name="document">The document model.</param>
    /// <param name="kind">Its kind, as the recipient's output media are set (R3.5).</param>
    /// <param name="recipient">Who receives it: the customer or its payer (R3.7).</param>
    /// <param name="address">The recipient's document address, or <see langword="null"/> when it has none.</param>
    /// <param name="email">The recipient's e-mail address for sending, or <see langword="null"/> when it has none.</param>
    /// <param name="medium">How the recipient receives this kind of document.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="recipient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> or <paramref name="medium"/> is not a defined value.</exception>
    public OutgoingDocument(ReceivablesDocument document, DocumentKind kind, Customer recipient, PostalAddress? address, EmailAddress? email, OutputMedium medium)
    {
        Document = Guard.Against.Null(document);
        Kind = Guard.Against.EnumOutOfRange(kind);
        Recipient = Guard.Against.Null(recipient);
        Address = address;
        Email = email;
        Medium = Guard.Against.EnumOutOfRange(medium);
    }

    /// <summary>The document model (its <see cref="ReceivablesDocument.DocumentId"/> is the delivery key).</summary>
    public ReceivablesDocument Document { get; }

    /// <summary>The kind of document, as the recipient's output media are set (R3.5).</summary>
    public DocumentKind Kind { get; }

    /// <summary>Who receives it: the customer, or the payer that receives it for the customer (R3.7).</summary>
    public Customer Recipient { get; }

    /// <summary>The recipient's document address (R1.4: billing, else main address); <see langword="null"/> when it has none.</summary>
    public PostalAddress? Address { get; }

    /// <summary>The recipient's e-mail address for sending (R0.13); <see langword="null"/> when it has none.</summary>
    public EmailAddress? Email { get; }

    /// <summary>
    /// How the recipient receives this kind of document: the output medium set in its master data for <see cref="Kind"/>,
    /// else its preferred channel (post for a customer who prefers the phone).
    /// </summary>
    public OutputMedium Medium { get; }

    /// <summary>Whether the document goes by e-mail (<see cref="OutputMedium.Email"/> or <see cref="OutputMedium.EmailAndPost"/>).</summary>
    public bool ByEmail => Medium is OutputMedium.Email or OutputMedium.EmailAndPost;

    /// <summary>Whether the document goes by post (<see cref="OutputMedium.Post"/> or <see cref="OutputMedium.EmailAndPost"/>).</summary>
    public bool ByPost => Medium is OutputMedium.Post or OutputMedium.EmailAndPost;

    /// <summary>The rendered document (bytes, media type, file name); <see langword="null"/> when no renderer is registered.</summary>
    public RenderedDocument? Rendered { get; init; }

    /// <summary>The kind of a document the library delivers.</summary>
    internal static DocumentKind KindOf(ReceivablesDocument document) => document switch
    {
        DunningLetterDocument => DocumentKind.DunningLetter,
        Interest.InterestInvoice => DocumentKind.InterestInvoice,
        PaymentAdvice => DocumentKind.PaymentAdvice,
        DifferenceNotification => DocumentKind.DifferenceNotification,
        WriteOffNotification => DocumentKind.WriteOffNotification,
        _ => throw new ArgumentException($"Documents of type {document.GetType().Name} are not delivered.", nameof(document)),
    };
}
