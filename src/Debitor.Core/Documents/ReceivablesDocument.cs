using Debitor.Core.Ledger;
using Debitor.Core.Payments;

namespace Debitor.Core.Documents;

/// <summary>
/// A document for the host to render and send (R3.5): it names the customer it is about, the customer who receives it
/// (the customer itself or its payer, R3.7) and our receivables contact. The library models documents; it never
/// renders them.
/// </summary>
/// <remarks>
/// <see cref="DocumentId"/> is derived from what produced the document (e.g. the payment id), so a use case that is
/// run again hands over a document with the same id: treat it as the same document. Immutable and thread-safe.
/// </remarks>
public abstract record ReceivablesDocument
{
    private protected ReceivablesDocument(string documentId, LocalDate date, CustomerId customer, CustomerId recipient, ReceivablesContact contact)
    {
        DocumentId = documentId;
        Date = date;
        Customer = customer;
        Recipient = recipient;
        Contact = contact;
    }

    /// <summary>The document's key, stable across retries.</summary>
    public string DocumentId { get; }

    /// <summary>The document date.</summary>
    public LocalDate Date { get; }

    /// <summary>The customer the document is about.</summary>
    public CustomerId Customer { get; }

    /// <summary>Who receives it: the customer, or the payer that paid for it (R3.7).</summary>
    public CustomerId Recipient { get; }

    /// <summary>Our receivables contact (R3.5).</summary>
    public ReceivablesContact Contact { get; }
}

/// <summary>One line of a payment advice: what the payment did to one installment.</summary>
/// <param name="Customer">The customer whose account holds the installment.</param>
/// <param name="DocumentNumber">The item's document number.</param>
/// <param name="Target">The installment.</param>
/// <param name="Component">Costs, interest or principal.</param>
/// <param name="Paid">Applied from the payment.</param>
/// <param name="CashDiscount">Cash discount granted.</param>
/// <param name="WrittenOff">Written off within the payment tolerance: positive for a shortfall written off, negative for a surplus of the payment written off (R3.2 both ways).</param>
/// <param name="RemainingOpen">What is open on the installment as of the document date.</param>
public sealed record PaymentAdviceLine(CustomerId Customer, string DocumentNumber, InstallmentRef Target, ClaimComponent Component, Money Paid, Money CashDiscount, Money WrittenOff, Money RemainingOpen);

/// <summary>A payment advice (German <em>Zahlungsavis</em>): how a payment was applied.</summary>
public sealed record PaymentAdvice : ReceivablesDocument
{
    private readonly ValueList<PaymentAdviceLine> _lines;

    internal PaymentAdvice(string documentId, LocalDate date, CustomerId customer, CustomerId recipient, ReceivablesContact contact, EntryId payment, Money amount, LocalDate valueDate, IEnumerable<PaymentAdviceLine> lines, Money unappliedCredit)
        : base(documentId, date, customer, recipient, contact)
    {
        Payment = payment;
        Amount = amount;
        ValueDate = valueDate;
        _lines = ValueList<PaymentAdviceLine>.From(lines);
        UnappliedCredit = unappliedCredit;
    }

    /// <summary>The payment.</summary>
    public EntryId Payment { get; }

    /// <summary>The amount received.</summary>
    public Money Amount { get; }

    /// <summary>The value date.</summary>
    public LocalDate ValueDate { get; }

    /// <summary>One line per installment the payment touched, in allocation order.</summary>
    public IReadOnlyList<PaymentAdviceLine> Lines => _lines;

    /// <summary>The part of the payment left as credit on the account.</summary>
    public Money UnappliedCredit { get; }
}

/// <summary>A difference notification (German <em>Differenzmitteilung</em>): a payment fell short by more than the tolerance (R3.2).</summary>
public sealed record DifferenceNotification : ReceivablesDocument
{
    internal DifferenceNotification(string documentId, LocalDate date, CustomerId customer, CustomerId recipient, ReceivablesContact contact, EntryId payment, PaymentDifference difference)
        : base(documentId, date, customer, recipient, contact)
    {
        Payment = payment;
        Item = difference.Item;
        DocumentNumber = difference.DocumentNumber;
        Owed = difference.Owed;
        Paid = difference.Paid;
        RemainingOpen = difference.RemainingOpen;
    }

    /// <summary>The payment.</summary>
    public EntryId Payment { get; }

    /// <summary>The item paid short.</summary>
    public EntryId Item { get; }

    /// <summary>The item's document number.</summary>
    public string DocumentNumber { get; }

    /// <summary>What was owed before the payment.</summary>
    public Money Owed { get; }

    /// <summary>What the payment paid on it.</summary>
    public Money Paid { get; }

    /// <summary>What stays open.</summary>
    public Money RemainingOpen { get; }
}

/// <summary>One written-off installment on a write-off notification.</summary>
/// <param name="DocumentNumber">The item's document number.</param>
/// <param name="Target">The installment.</param>
/// <param name="Amount">The amount written off.</param>
/// <param name="Reason">Why.</param>
public sealed record WriteOffLine(string DocumentNumber, InstallmentRef Target, Money Amount, string Reason);

/// <summary>A write-off notification (German <em>Ausbuchungsmitteilung</em>): amounts written off a customer's account.</summary>
public sealed record WriteOffNotification : ReceivablesDocument
{
    private readonly ValueList<WriteOffLine> _lines;

    internal WriteOffNotification(string documentId, LocalDate date, CustomerId customer, CustomerId recipient, ReceivablesContact contact, IEnumerable<WriteOffLine> lines)
        : base(documentId, date, customer, recipient, contact)
    {
        _lines = ValueList<WriteOffLine>.From(lines);
    }

    /// <summary>The write-offs.</summary>
    public IReadOnlyList<WriteOffLine> Lines => _lines;
}

/// <summary>
/// An issued dunning letter as a document of the outbox: queued once its notices are stored, delivered to
/// <see cref="Ports.IDunningLetterOutput"/> at least once, idempotent by <see cref="ReceivablesDocument.DocumentId"/>
/// (the letter id).
/// </summary>
public sealed record DunningLetterDocument : ReceivablesDocument
{
    internal DunningLetterDocument(Dunning.DunningLetter letter)
        : base(letter.Id, letter.LetterDate, letter.RecipientId, letter.RecipientId, letter.Contact)
    {
        Letter = letter;
    }

    /// <summary>The letter.</summary>
    public Dunning.DunningLetter Letter { get; }
}
