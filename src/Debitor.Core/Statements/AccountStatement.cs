using Debitor.Core.Documents;

namespace Debitor.Core.Statements;

/// <summary>One line of the full account statement: a movement with the balance after it.</summary>
/// <param name="Date">The movement date.</param>
/// <param name="Kind">What moved.</param>
/// <param name="DocumentNumber">The document concerned (invoice, credit note, payment reference, …).</param>
/// <param name="Entry">The journal entry that made the movement.</param>
/// <param name="Item">The open item concerned, if any.</param>
/// <param name="Note">A reason or note (write-off reason, reversal reason, the bank's return reason), if any.</param>
/// <param name="Amount">Signed: positive is a debit (raises what the customer owes), negative a credit.</param>
/// <param name="Balance">The running balance after this line.</param>
public sealed record AccountStatementLine(LocalDate Date, MovementKind Kind, string DocumentNumber, EntryId Entry, EntryId? Item, string? Note, Money Amount, Money Balance)
{
    /// <summary>Whether the line is a debit (positive amount).</summary>
    public bool IsDebit => Amount.IsPositive;
}

/// <summary>The full statement in one currency: opening balance, every movement of the period in date order, closing balance.</summary>
public sealed record AccountStatementSection
{
    private readonly IReadOnlyList<AccountStatementLine> _lines;

    internal AccountStatementSection(Currency currency, Money openingBalance, IReadOnlyList<AccountStatementLine> lines, Money totalDebits, Money totalCredits, Money closingBalance)
    {
        Currency = currency;
        OpeningBalance = openingBalance;
        _lines = ValueList<AccountStatementLine>.From(lines);
        TotalDebits = totalDebits;
        TotalCredits = totalCredits;
        ClosingBalance = closingBalance;
    }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>The balance at the start of the period: every movement dated before it.</summary>
    public Money OpeningBalance { get; }

    /// <summary>The movements of the period, by date and, within a day, in journal order.</summary>
    public IReadOnlyList<AccountStatementLine> Lines => _lines;

    /// <summary>The sum of the debits of the period.</summary>
    public Money TotalDebits { get; }

    /// <summary>The sum of the credits of the period (negative or zero).</summary>
    public Money TotalCredits { get; }

    /// <summary>Opening balance + debits + credits: the ledger balance as of the statement date.</summary>
    public Money ClosingBalance { get; }
}

/// <summary>
/// The full account statement (R0.3, German <em>Kontoauszug</em>): every movement of the fiscal year up to the statement
/// date, per currency, with opening, running and closing balance — a document model for the host's renderer (R3.5).
/// </summary>
/// <remarks>
/// The closing balance of each currency equals the ledger balance as of the statement date to the cent; for a statement
/// dated on or after the last movement it is the account's balance. Immutable; thread-safe.
/// </remarks>
public sealed record AccountStatement
{
    private readonly IReadOnlyList<AccountStatementSection> _sections;

    internal AccountStatement(
        string documentId, LocalDate date, CustomerId customer, string customerNumber, string customerName, ReceivablesContact contact, DateInterval fiscalYear, IReadOnlyList<AccountStatementSection> sections)
    {
        DocumentId = documentId;
        Date = date;
        Customer = customer;
        CustomerNumber = customerNumber;
        CustomerName = customerName;
        Contact = contact;
        FiscalYear = fiscalYear;
        _sections = ValueList<AccountStatementSection>.From(sections);
    }

    /// <summary>The document's key: the customer, the kind and the date, so asking again gives the same id.</summary>
    public string DocumentId { get; }

    /// <summary>The statement date; the period ends on it.</summary>
    public LocalDate Date { get; }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>The customer number.</summary>
    public string CustomerNumber { get; }

    /// <summary>The customer's name.</summary>
    public string CustomerName { get; }

    /// <summary>Our receivables contact, printed on the statement (R3.5).</summary>
    public ReceivablesContact Contact { get; }

    /// <summary>The fiscal year that contains the statement date.</summary>
    public DateInterval FiscalYear { get; }

    /// <summary>The period covered: from the start of the fiscal year to the statement date, both inclusive.</summary>
    public DateInterval Period => new(FiscalYear.Start, Date);

    /// <summary>One section per currency with an opening balance or a movement in the period, ordered by currency code.</summary>
    public IReadOnlyList<AccountStatementSection> Sections => _sections;

    /// <summary>The closing balance in one currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The closing balance; zero when the statement has no section in that currency.</returns>
    public Money ClosingBalanceIn(Currency currency) =>
        _sections.FirstOrDefault(s => s.Currency.Equals(currency))?.ClosingBalance ?? Money.Zero(currency);
}
