using Debitor.Core.Documents;
using Debitor.Core.Ledger;

namespace Debitor.Core.Statements;

/// <summary>One open installment on the open-items statement.</summary>
/// <param name="Number">The installment's number within its item, 1-based.</param>
/// <param name="Kind">Prepayment, remainder or regular.</param>
/// <param name="DueDate">The effective due date.</param>
/// <param name="DaysOverdue">Days past the due date on the statement date; 0 when not yet overdue.</param>
/// <param name="Amount">The installment's amount.</param>
/// <param name="OpenAmount">What is still open on it.</param>
public sealed record OpenItemsStatementInstallment(int Number, InstallmentKind Kind, LocalDate DueDate, int DaysOverdue, Money Amount, Money OpenAmount)
{
    /// <summary>
    /// The payment tolerance limit of the installment (R3.2, <see cref="CustomerAccount.ToleranceLimitOf"/>): the most a
    /// payment may differ from what closes it; zero when the customer has no tolerance.
    /// </summary>
    public Money ToleranceLimit { get; init; }

    /// <summary>
    /// The cash discount available when the open amount is paid on the statement date
    /// (<see cref="CustomerAccount.CashDiscountOn"/>; a late one is marked), or <see langword="null"/> when none is.
    /// </summary>
    public Payments.CashDiscountOffer? CashDiscount { get; init; }
}

/// <summary>One open item on the open-items statement: a claim with its open installments, or an unapplied credit.</summary>
public sealed record OpenItemsStatementLine
{
    private readonly IReadOnlyList<OpenItemsStatementInstallment> _installments;

    internal OpenItemsStatementLine(CustomerAccount account, OpenItem item, LocalDate asOf, Money interest)
    {
        Item = item.Id;
        Kind = item.Kind;
        DocumentNumber = item.DocumentNumber;
        DocumentDate = item.DocumentDate;
        DueDate = item.DueDate;
        OriginalAmount = item.OriginalAmount;
        OpenAmount = item.SignedOpenAmount;
        Interest = interest;
        var installments = new List<OpenItemsStatementInstallment>();
        foreach (var installment in item.InstallmentStates)
        {
            if (installment.IsOpen)
            {
                var days = AccountStatements.DaysOverdue(installment.DueDate, asOf);
                installments.Add(new OpenItemsStatementInstallment(installment.Number, installment.Kind, installment.DueDate, days, installment.Amount, installment.OpenAmount)
                {
                    ToleranceLimit = account.ToleranceLimitOf(installment),
                    CashDiscount = account.CashDiscountOn(installment, asOf),
                });
                DaysOverdue = Math.Max(DaysOverdue, days);
            }
        }

        _installments = ValueList<OpenItemsStatementInstallment>.From(installments);
    }

    /// <summary>The item's key.</summary>
    public EntryId Item { get; }

    /// <summary>Invoice, fee, interest, cost, credit note or payment.</summary>
    public ItemKind Kind { get; }

    /// <summary>The document number (the reference text for payments).</summary>
    public string DocumentNumber { get; }

    /// <summary>The document date (the value date for payments).</summary>
    public LocalDate DocumentDate { get; }

    /// <summary>The item's effective due date (R0.8, R0.9); <see langword="null"/> for credits.</summary>
    public LocalDate? DueDate { get; }

    /// <summary>The largest days overdue among the item's open installments; 0 when none is overdue and for credits.</summary>
    public int DaysOverdue { get; }

    /// <summary>The amount posted.</summary>
    public Money OriginalAmount { get; }

    /// <summary>What is open, signed: positive for claims, negative for unapplied credits.</summary>
    public Money OpenAmount { get; }

    /// <summary>Default interest accrued on the item up to the statement date and not yet charged; zero for everything but invoices.</summary>
    public Money Interest { get; }

    /// <summary>The open installments with their own due dates and days overdue; empty for credits.</summary>
    public IReadOnlyList<OpenItemsStatementInstallment> Installments => _installments;
}

/// <summary>The totals of the open-items statement in one currency.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="OpenClaims">The sum of the open claims.</param>
/// <param name="UnappliedCredits">The sum of the unapplied credits, as a positive amount.</param>
/// <param name="Balance"><paramref name="OpenClaims"/> − <paramref name="UnappliedCredits"/>: the ledger balance.</param>
/// <param name="Overdue">What is open on overdue installments.</param>
/// <param name="Interest">Interest to date on the listed items.</param>
/// <param name="InterestOnSettledItems">Interest accrued on invoices settled late and not yet charged (they are no longer open items).</param>
/// <param name="BalanceIncludingInterest">Balance + both interest figures: the headline figure (R0.2).</param>
public sealed record OpenItemsStatementTotal(
    Currency Currency, Money OpenClaims, Money UnappliedCredits, Money Balance, Money Overdue, Money Interest, Money InterestOnSettledItems, Money BalanceIncludingInterest);

/// <summary>
/// The open-items statement as of a date (R0.3, German <em>Kontoauszug offene Posten</em>): every open item and open
/// installment with due date, days overdue, open amount and interest to date, and totals per currency — a document model
/// for the host's renderer (R3.5).
/// </summary>
/// <remarks>Lists the account as it stands; days overdue and interest are computed for the statement date. Immutable; thread-safe.</remarks>
public sealed record OpenItemsStatement
{
    private readonly IReadOnlyList<OpenItemsStatementLine> _lines;
    private readonly IReadOnlyList<OpenItemsStatementTotal> _totals;

    internal OpenItemsStatement(
        string documentId, LocalDate date, CustomerId customer, string customerNumber, string customerName, ReceivablesContact contact, IReadOnlyList<OpenItemsStatementLine> lines, IReadOnlyList<OpenItemsStatementTotal> totals)
    {
        DocumentId = documentId;
        Date = date;
        Customer = customer;
        CustomerNumber = customerNumber;
        CustomerName = customerName;
        Contact = contact;
        _lines = ValueList<OpenItemsStatementLine>.From(lines);
        _totals = ValueList<OpenItemsStatementTotal>.From(totals);
    }

    /// <summary>The document's key: the customer, the kind and the date, so asking again gives the same id.</summary>
    public string DocumentId { get; }

    /// <summary>The statement date.</summary>
    public LocalDate Date { get; }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>The customer number.</summary>
    public string CustomerNumber { get; }

    /// <summary>The customer's name.</summary>
    public string CustomerName { get; }

    /// <summary>Our receivables contact, printed on the statement (R3.5).</summary>
    public ReceivablesContact Contact { get; }

    /// <summary>The open items, by document date and, within a day, in posting order.</summary>
    public IReadOnlyList<OpenItemsStatementLine> Lines => _lines;

    /// <summary>The totals per currency, ordered by currency code.</summary>
    public IReadOnlyList<OpenItemsStatementTotal> Totals => _totals;
}
