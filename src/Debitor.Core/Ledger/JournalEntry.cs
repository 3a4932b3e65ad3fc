using Debitor.Core.Communication;
using Debitor.Core.Customers;

namespace Debitor.Core.Ledger;

/// <summary>
/// One entry of a customer account's journal. The journal is append-only: entries are never edited
/// or deleted; corrections are new entries (<see cref="EntryReversed"/>).
/// </summary>
/// <remarks>
/// <para>Who recorded an entry and when is kept beside it in <see cref="JournalRecord"/>, so that two
/// postings of the same content compare equal: posting an entry whose <see cref="Id"/> already exists
/// with the same content is a no-op; with different content it is refused.</para>
/// <para>The set of entry kinds is closed: the derived records in this namespace.
/// <c>docs/ledger.md</c> explains the effect of each on the open-item view.</para>
/// </remarks>
/// <param name="Id">The entry's key, unique within the account.</param>
public abstract record JournalEntry(EntryId Id)
{
    /// <summary>Whether the entry moves money (debits or credits the account, or applies one to another).</summary>
    internal virtual bool IsMonetary => false;
}

/// <summary>The customer was registered with its settings. The first entry of every account.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Settings">The customer's settings.</param>
public sealed record CustomerRegistered(EntryId Id, Customer Settings) : JournalEntry(Id);

/// <summary>The customer's settings were replaced by new ones (same customer id).</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Settings">The new settings.</param>
public sealed record CustomerSettingsChanged(EntryId Id, Customer Settings) : JournalEntry(Id);

/// <summary>The customer was archived: it stays with its history but takes no new documents (R1.2).</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Reason">Why.</param>
public sealed record CustomerArchived(EntryId Id, string Reason) : JournalEntry(Id);

/// <summary>An invoice was posted: a claim of one or more installments (debit).</summary>
/// <param name="Id">The entry's key; also the open item's key.</param>
/// <param name="DocumentNumber">The invoice number.</param>
/// <param name="DocumentDate">The invoice date.</param>
/// <param name="DueDate">The invoice's due date; installments without an explicit due date fall due on it (R0.9).</param>
/// <param name="Amount">The invoice amount (gross).</param>
/// <param name="Installments">The installments; they must add up to <paramref name="Amount"/>.</param>
public sealed record InvoicePosted(EntryId Id, string DocumentNumber, LocalDate DocumentDate, LocalDate DueDate, Money Amount, IReadOnlyList<Installment> Installments)
    : JournalEntry(Id)
{
    private readonly IReadOnlyList<Installment> _installments = ValueList<Installment>.From(Installments);
    private readonly IReadOnlyList<CashDiscountStage>? _cashDiscounts;

    /// <summary>The installments, compared by content.</summary>
    public IReadOnlyList<Installment> Installments
    {
        get => _installments;
        init => _installments = ValueList<Installment>.From(value);
    }

    /// <summary>
    /// The invoice's own cash-discount stages (German <em>Skontostaffel</em>), earliest first; <see langword="null"/> to use
    /// the customer's payment terms counted from the document date; empty for no cash discount on this invoice.
    /// </summary>
    public IReadOnlyList<CashDiscountStage>? CashDiscounts
    {
        get => _cashDiscounts;
        init => _cashDiscounts = value is null ? null : ValueList<CashDiscountStage>.From(value);
    }

    /// <summary>When the claim was delegated to this customer (its payer) from another customer's account: where it came from.</summary>
    public DelegatedClaim? DelegatedFrom { get; init; }

    /// <summary>Posts an invoice of a single installment that falls due on <paramref name="dueDate"/>.</summary>
    /// <param name="id">The entry's key; also the open item's key.</param>
    /// <param name="documentNumber">The invoice number.</param>
    /// <param name="documentDate">The invoice date.</param>
    /// <param name="dueDate">The due date.</param>
    /// <param name="amount">The invoice amount.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">The amount is not positive or has a fraction of a minor unit.</exception>
    public static InvoicePosted Single(EntryId id, string documentNumber, LocalDate documentDate, LocalDate dueDate, Money amount) =>
        new(id, documentNumber, documentDate, dueDate, amount, [new Installment(amount)]);

    internal override bool IsMonetary => true;
}

/// <summary>What a charge is for.</summary>
public enum ChargeKind
{
    /// <summary>A dunning fee (German <em>Mahngebühr</em>).</summary>
    DunningFee,

    /// <summary>Default interest (German <em>Verzugszinsen</em>) from an interest invoice.</summary>
    Interest,

    /// <summary>Other costs, e.g. a bank's fee for a returned direct debit.</summary>
    Cost,

    /// <summary>The flat recovery compensation for a late payment from a business debtor (e.g. €40 under §288(5) BGB).</summary>
    RecoveryCompensation,
}

/// <summary>A dunning fee, interest or other cost was charged to the customer (debit, a claim of its own).</summary>
/// <param name="Id">The entry's key; also the open item's key.</param>
/// <param name="Kind">Dunning fee, interest or cost.</param>
/// <param name="DocumentNumber">The document that charged it (dunning letter, interest invoice).</param>
/// <param name="Date">The charge date.</param>
/// <param name="DueDate">When the charge falls due.</param>
/// <param name="Amount">The amount charged.</param>
/// <param name="RelatedItem">The item the charge arose from, if any.</param>
public sealed record ChargePosted(EntryId Id, ChargeKind Kind, string DocumentNumber, LocalDate Date, LocalDate DueDate, Money Amount, EntryId? RelatedItem = null)
    : JournalEntry(Id)
{
    /// <summary>For interest charges: the last interest day charged, so that the next interest invoice starts the day after.</summary>
    public LocalDate? InterestThrough { get; init; }

    /// <summary>When the charge was delegated to this customer (its payer) from another customer's account: where it came from.</summary>
    public DelegatedClaim? DelegatedFrom { get; init; }

    internal override bool IsMonetary => true;
}

/// <summary>A credit note was posted (credit). It can be applied to claims.</summary>
/// <param name="Id">The entry's key; also the open item's key.</param>
/// <param name="DocumentNumber">The credit-note number.</param>
/// <param name="DocumentDate">The credit-note date.</param>
/// <param name="Amount">The amount credited.</param>
/// <param name="RelatedItem">The invoice it corrects, if any.</param>
public sealed record CreditNotePosted(EntryId Id, string DocumentNumber, LocalDate DocumentDate, Money Amount, EntryId? RelatedItem = null)
    : JournalEntry(Id)
{
    internal override bool IsMonetary => true;
}

/// <summary>How a payment was made.</summary>
public enum PaymentMethod
{
    /// <summary>Bank transfer.</summary>
    Transfer,

    /// <summary>SEPA direct debit.</summary>
    DirectDebit,

    /// <summary>Cheque.</summary>
    Cheque,

    /// <summary>Cash.</summary>
    Cash,

    /// <summary>Card.</summary>
    Card,

    /// <summary>PayPal or a similar wallet.</summary>
    PayPal,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>A payment was received (credit). Until applied, it is an unapplied credit on the account.</summary>
/// <param name="Id">The entry's key; also the key of the unapplied credit.</param>
/// <param name="Amount">The amount received.</param>
/// <param name="ValueDate">The value date.</param>
/// <param name="Method">How it was paid.</param>
/// <param name="Payer">Who paid, when not the customer itself (R3.7).</param>
/// <param name="Reference">The reference text (e.g. invoice numbers).</param>
public sealed record PaymentReceived(EntryId Id, Money Amount, LocalDate ValueDate, PaymentMethod Method = PaymentMethod.Transfer, CustomerId? Payer = null, string? Reference = null)
    : JournalEntry(Id)
{
    internal override bool IsMonetary => true;
}

/// <summary>Money was paid back to the customer out of an unapplied payment or credit note (debit).</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Source">The payment or credit note refunded.</param>
/// <param name="Amount">The amount paid back.</param>
/// <param name="Date">The refund date.</param>
public sealed record RefundPosted(EntryId Id, EntryId Source, Money Amount, LocalDate Date) : JournalEntry(Id)
{
    internal override bool IsMonetary => true;
}

/// <summary>
/// Part of an unapplied payment or credit note was written off (debit): an overpayment within the payment tolerance
/// (R3.2) that the company keeps instead of holding it as the customer's credit.
/// </summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Source">The payment or credit note whose surplus is written off.</param>
/// <param name="Amount">The amount written off.</param>
/// <param name="Date">The write-off date.</param>
/// <param name="Reason">Why.</param>
public sealed record CreditWrittenOff(EntryId Id, EntryId Source, Money Amount, LocalDate Date, string Reason) : JournalEntry(Id)
{
    /// <summary>The installment whose tolerance allowed the write-off, if any (it may be in another customer's account for a payer's payment).</summary>
    public InstallmentRef? Related { get; init; }

    /// <summary>The reason as data when the library worded it (<see cref="Reason"/> then holds its German rendering; D15.12); <see langword="null"/> for a literal reason.</summary>
    public Communication.JournalText? ReasonData { get; init; }

    internal override bool IsMonetary => true;
}

/// <summary>Part or all of an installment's open amount was written off (credit), e.g. a tolerance difference or a bad debt.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Target">The installment written off.</param>
/// <param name="Amount">The amount written off.</param>
/// <param name="Date">The write-off date.</param>
/// <param name="Reason">Why.</param>
public sealed record WriteOffPosted(EntryId Id, InstallmentRef Target, Money Amount, LocalDate Date, string Reason) : JournalEntry(Id)
{
    /// <summary>The reason as data when the library worded it (<see cref="Reason"/> then holds its German rendering; D15.12); <see langword="null"/> for a literal reason.</summary>
    public Communication.JournalText? ReasonData { get; init; }

    internal override bool IsMonetary => true;
}

/// <summary>An amount of a payment or credit note was applied to an installment (neither debit nor credit: it moves an existing credit onto a claim).</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Source">The payment or credit note.</param>
/// <param name="Target">The installment settled.</param>
/// <param name="Amount">How much of it is settled.</param>
/// <param name="Date">The application date (for payments, normally the value date).</param>
public sealed record PaymentApplied(EntryId Id, EntryId Source, InstallmentRef Target, Money Amount, LocalDate Date) : JournalEntry(Id)
{
    internal override bool IsMonetary => true;
}

/// <summary>Where a delegated claim came from: the customer and the installment it was moved out of.</summary>
/// <param name="Customer">The customer whose account held the claim.</param>
/// <param name="Source">The installment there.</param>
/// <param name="Delegation">The delegation's key (the same in both accounts).</param>
public sealed record DelegatedClaim(CustomerId Customer, InstallmentRef Source, EntryId Delegation)
{
    /// <summary>
    /// The date of the delegation, when known (claims delegated before it was recorded have none). Default interest on the
    /// payer's claim starts from it, so the days before it are charged to the customer only (D18.15).
    /// </summary>
    public LocalDate? Date { get; init; }
}

/// <summary>
/// An installment's open amount was delegated to another customer (its payer), as Tryton's delegation does: the claim
/// is closed here (credit) and posted there as an invoice of the same amount and due date (debit) whose
/// <see cref="InvoicePosted.DelegatedFrom"/> points back, so the company's balance is unchanged and both histories
/// stay traceable.
/// </summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Target">The installment delegated.</param>
/// <param name="Amount">The amount moved: the installment's whole open amount.</param>
/// <param name="Date">The delegation date.</param>
/// <param name="To">The customer that now owes it.</param>
/// <param name="NewItem">The invoice posted in <paramref name="To"/>'s account.</param>
/// <param name="Reason">Why.</param>
public sealed record ClaimDelegated(EntryId Id, InstallmentRef Target, Money Amount, LocalDate Date, CustomerId To, EntryId NewItem, string Reason) : JournalEntry(Id)
{
    internal override bool IsMonetary => true;
}

/// <summary>How a payment came back.</summary>
public enum ReturnKind
{
    /// <summary>A returned direct debit (German <em>Rücklastschrift</em>).</summary>
    DirectDebit,

    /// <summary>A returned cheque (German <em>Rückscheck</em>).</summary>
    Cheque,
}

/// <summary>A payment came back (debit): its applications are undone and the items it settled reopen.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Payment">The payment returned.</param>
/// <param name="ReturnDate">When the bank returned it.</param>
/// <param name="Kind">Direct debit or cheque.</param>
/// <param name="Reason">The bank's reason, if given.</param>
public sealed record PaymentReturned(EntryId Id, EntryId Payment, LocalDate ReturnDate, ReturnKind Kind, string? Reason = null) : JournalEntry(Id)
{
    internal override bool IsMonetary => true;
}

/// <summary>An earlier entry was reversed (German <em>Storno</em>): its effect is undone; the entry itself stays in the journal.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Target">The entry reversed.</param>
/// <param name="Date">The reversal date.</param>
/// <param name="Reason">Why.</param>
public sealed record EntryReversed(EntryId Id, EntryId Target, LocalDate Date, string Reason) : JournalEntry(Id)
{
    internal override bool IsMonetary => true;
}

/// <summary>An item was paused: it appears on no dunning letter until resumed, or until the day after <paramref name="Until"/> (R0.7).</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Item">The item paused.</param>
/// <param name="Reason">Why.</param>
/// <param name="Until">Last day of the pause (inclusive), or <see langword="null"/> until resumed.</param>
public sealed record ItemPaused(EntryId Id, EntryId Item, string Reason, LocalDate? Until = null) : JournalEntry(Id);

/// <summary>A pause was ended by hand.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Item">The item resumed.</param>
/// <param name="Note">An optional note.</param>
public sealed record ItemResumed(EntryId Id, EntryId Item, string? Note = null) : JournalEntry(Id);

/// <summary>Installments of an item got a new due date (R0.8). The note is mandatory.</summary>
/// <remarks>
/// The change moves exactly the installments it names (<see cref="Installments"/>), never another one: deferring a
/// prepayment leaves the remainder due when it was. An entry naming no installment moves every installment of the item
/// — what entries written before installments could be named meant, and what an explicit change of the whole invoice
/// writes.
/// </remarks>
/// <param name="Id">The entry's key.</param>
/// <param name="Item">The item.</param>
/// <param name="NewDueDate">The new due date of the installments moved.</param>
/// <param name="Note">Why; mandatory.</param>
public sealed record DueDateChanged(EntryId Id, EntryId Item, LocalDate NewDueDate, string Note) : JournalEntry(Id)
{
    private readonly IReadOnlyList<int> _installments = ValueList<int>.Empty;

    /// <summary>The numbers (1-based) of the installments moved, each once; empty for every installment of the item.</summary>
    public IReadOnlyList<int> Installments
    {
        get => _installments;
        init => _installments = ValueList<int>.From(value);
    }

    /// <summary>Whether the change moves an installment.</summary>
    /// <param name="number">The installment's number, 1-based.</param>
    /// <returns><see langword="true"/> when named, or when the change names none (whole item).</returns>
    public bool Moves(int number) => _installments.Count == 0 || _installments.Contains(number);
}

/// <summary>An entry of the communication history was recorded (R0.4).</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Kind">The kind of communication.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The text or note.</param>
/// <param name="Item">The item it concerns, if any.</param>
/// <remarks>
/// Entries the library composes (a dunning letter, a due-date change, …) carry their subject, and where the library words
/// it their text, also as data (<see cref="SubjectData"/>, <see cref="TextData"/>): rendered when read in the reader's
/// language (<see cref="Communication.CommunicationEntry.In"/>). <see cref="Subject"/> and <see cref="Text"/> then hold
/// the German rendering. Entries written by users, or before journal format 2, have literal text only.
/// </remarks>
public sealed record CommunicationRecorded(EntryId Id, CommunicationKind Kind, string Subject, string Text, EntryId? Item = null) : JournalEntry(Id)
{
    /// <summary>The subject as data (text key and arguments), or <see langword="null"/> when <see cref="Subject"/> is literal text.</summary>
    public Communication.JournalText? SubjectData { get; init; }

    /// <summary>The text as data, or <see langword="null"/> when <see cref="Text"/> is literal text (e.g. a user's note).</summary>
    public Communication.JournalText? TextData { get; init; }
}
