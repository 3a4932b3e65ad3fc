using Debitor.Core.Documents;

namespace Debitor.Core.Interest;

/// <summary>One line of an interest invoice: a period of constant principal and rate on one installment.</summary>
/// <param name="Item">The invoice the interest is on.</param>
/// <param name="DocumentNumber">That invoice's number.</param>
/// <param name="Period">The period: principal, days, rate, amount.</param>
public sealed record InterestInvoiceLine(EntryId Item, string DocumentNumber, ItemInterestPeriod Period);

/// <summary>What an interest invoice charges on one item.</summary>
/// <param name="Item">The invoice the interest is on.</param>
/// <param name="DocumentNumber">That invoice's number.</param>
/// <param name="Interest">The interest on the item (rounded per the scheme; authoritative where rounded lines differ by a cent).</param>
/// <param name="RecoveryCompensation">The flat recovery compensation for the item, or zero.</param>
public sealed record InterestInvoiceItem(EntryId Item, string DocumentNumber, Money Interest, Money RecoveryCompensation)
{
    private readonly IReadOnlyList<InstallmentInterest> _installments = ValueList<InstallmentInterest>.Empty;

    /// <summary>The interest per installment (they add up to <see cref="Interest"/>): what a dunning letter of the same date states on each installment's line.</summary>
    public IReadOnlyList<InstallmentInterest> Installments
    {
        get => _installments;
        init => _installments = ValueList<InstallmentInterest>.From(value);
    }
}

/// <summary>
/// An interest invoice (German <em>Zinsrechnung</em>): a document model for the host's renderer. One per customer
/// and currency; it goes to the customer or its payer as the payer routing for interest invoices says (R3.7).
/// </summary>
/// <param name="Number">The document number.</param>
/// <param name="Date">The invoice date; interest is charged up to and including it.</param>
/// <param name="Customer">The customer whose items bear the interest.</param>
/// <param name="Recipient">Who receives the invoice: the customer or its payer.</param>
/// <param name="Currency">The currency.</param>
/// <param name="PaymentDueDate">When the invoice is to be paid.</param>
/// <param name="Lines">Per item and period: principal, days, rate, amount.</param>
/// <param name="Items">Per item: interest and recovery compensation charged.</param>
/// <param name="InterestTotal">The interest charged.</param>
/// <param name="RecoveryCompensationTotal">The flat recovery compensation charged.</param>
/// <param name="Contact">Our receivables contact (R3.5).</param>
public sealed record InterestInvoice(
    string Number,
    LocalDate Date,
    CustomerId Customer,
    CustomerId Recipient,
    Currency Currency,
    LocalDate PaymentDueDate,
    IReadOnlyList<InterestInvoiceLine> Lines,
    IReadOnlyList<InterestInvoiceItem> Items,
    Money InterestTotal,
    Money RecoveryCompensationTotal,
    ReceivablesContact Contact)
    : ReceivablesDocument(Number, Date, Customer, Recipient, Contact)
{
    private readonly IReadOnlyList<InterestInvoiceLine> _lines = ValueList<InterestInvoiceLine>.From(Lines);
    private readonly IReadOnlyList<InterestInvoiceItem> _items = ValueList<InterestInvoiceItem>.From(Items);

    /// <summary>Per item and period: principal, days, rate, amount.</summary>
    public IReadOnlyList<InterestInvoiceLine> Lines
    {
        get => _lines;
        init => _lines = ValueList<InterestInvoiceLine>.From(value);
    }

    /// <summary>Per item: interest and recovery compensation charged.</summary>
    public IReadOnlyList<InterestInvoiceItem> Items
    {
        get => _items;
        init => _items = ValueList<InterestInvoiceItem>.From(value);
    }

    /// <summary>The invoice total: interest plus recovery compensation.</summary>
    public Money Total => InterestTotal + RecoveryCompensationTotal;
}
