using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Credit;

/// <summary>One credit limit on a date (R2.2): what it grants, what is used and what remains.</summary>
/// <param name="Limit">The limit as set on the customer, with its validity period.</param>
/// <param name="IsValid">Whether the as-of date lies within the validity period.</param>
/// <param name="Granted">What the limit grants on the date: its amount while valid, zero outside its validity period.</param>
/// <param name="Used">What counts against it, in the limit's currency: open items (and, for the variant with orders, open orders).</param>
/// <param name="Remaining"><see cref="Granted"/> − <see cref="Used"/>; negative when the limit is overrun.</param>
public sealed record LimitPosition(CreditLimit Limit, bool IsValid, Money Granted, Money Used, Money Remaining)
{
    /// <summary>Whether the limit is overrun (the remaining limit is negative).</summary>
    public bool IsExceeded => Remaining.IsNegative;
}

/// <summary>A payment that came back (German <em>Rücklastschrift</em>, <em>Rückscheck</em>).</summary>
/// <param name="Payment">The payment returned.</param>
/// <param name="ReturnDate">When the bank returned it.</param>
/// <param name="Kind">Returned direct debit or returned cheque.</param>
public sealed record ReturnedPayment(EntryId Payment, LocalDate ReturnDate, ReturnKind Kind);

/// <summary>The open-items status of a customer on a date (R2.3), counting payments only once released (R2.4).</summary>
public sealed record CreditStatus
{
    private readonly IReadOnlyList<Money> _overdueAmounts;

    internal CreditStatus(
        int daysOverdue, LocalDate? oldestOverdueDueDate, IReadOnlyList<Money> overdueAmounts, bool isInternallyOverdue, bool isDeliveryStop, ReturnedPayment? lastReturnedPayment)
    {
        DaysOverdue = daysOverdue;
        OldestOverdueDueDate = oldestOverdueDueDate;
        _overdueAmounts = ValueList<Money>.From(overdueAmounts);
        IsInternallyOverdue = isInternallyOverdue;
        IsDeliveryStop = isDeliveryStop;
        LastReturnedPayment = lastReturnedPayment;
    }

    /// <summary>Whether an open installment is past its effective due date (German <em>Zielüberschreitung</em>).</summary>
    public bool IsOverdue => OldestOverdueDueDate is not null;

    /// <summary>Days the oldest overdue installment is past its due date; 0 when nothing is overdue.</summary>
    public int DaysOverdue { get; }

    /// <summary>The earliest effective due date among the overdue installments, if any.</summary>
    public LocalDate? OldestOverdueDueDate { get; }

    /// <summary>What is open on overdue installments, per currency, ordered by currency code.</summary>
    public IReadOnlyList<Money> OverdueAmounts => _overdueAmounts;

    /// <summary>Whether an open installment has reached its internal due date (German <em>Zielüberschreitung intern</em>); always
    /// <see langword="false"/> when no internal due date is configured.</summary>
    public bool IsInternallyOverdue { get; }

    /// <summary>Whether an open installment is overdue by the configured days for a delivery stop (German <em>Lieferstopp</em>).</summary>
    public bool IsDeliveryStop { get; }

    /// <summary>The last returned direct debit or cheque, if any (German <em>Rückscheck/RLS</em> with its date).</summary>
    public ReturnedPayment? LastReturnedPayment { get; }
}

/// <summary>
/// The credit position of a customer on a date (R2.2–R2.5, R0.16): limits and remaining limits, the variant with open
/// orders, credit-insurance status, open-items status and the manual block.
/// </summary>
/// <remarks>
/// <para>The position reads the account as it stands — every entry recorded — and judges it on <see cref="AsOf"/>: due
/// dates, limit validity and payment release periods are compared with that date.</para>
/// <para>"Open items" here are open claims minus unapplied credits per currency, except that a payment counts only from
/// its value date plus the release period of its method (R2.4): until then the installments it settled count as open and
/// its unapplied part lowers nothing. A limit counts only the amounts in its own currency; amounts in other currencies
/// are listed in <see cref="OpenItems"/> but never converted.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record CreditPosition
{
    private readonly IReadOnlyList<Money> _openItems;
    private readonly IReadOnlyList<Money> _paymentsNotReleased;
    private readonly IReadOnlyList<Money> _openOrders;

    internal CreditPosition(
        CustomerId customer,
        LocalDate asOf,
        IReadOnlyList<Money> openItems,
        IReadOnlyList<Money> paymentsNotReleased,
        IReadOnlyList<Money> openOrders,
        LimitPosition? limit,
        LimitPosition? internalLimit,
        LimitPosition? limitIncludingOrders,
        CreditInsuranceStatus insurance,
        CreditStatus status,
        CreditBlock? block)
    {
        Customer = customer;
        AsOf = asOf;
        _openItems = ValueList<Money>.From(openItems);
        _paymentsNotReleased = ValueList<Money>.From(paymentsNotReleased);
        _openOrders = ValueList<Money>.From(openOrders);
        Limit = limit;
        InternalLimit = internalLimit;
        LimitIncludingOrders = limitIncludingOrders;
        Insurance = insurance;
        Status = status;
        Block = block;
    }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>The date the position is judged on.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Open items as credit control counts them, per currency ordered by code: open claims − released unapplied credits.</summary>
    public IReadOnlyList<Money> OpenItems => _openItems;

    /// <summary>Payments not yet released (R2.4), per currency: the amounts that will lower <see cref="OpenItems"/> once released.</summary>
    public IReadOnlyList<Money> PaymentsNotReleased => _paymentsNotReleased;

    /// <summary>Open orders as the host reported them, per currency ordered by code; empty when it reported none.</summary>
    public IReadOnlyList<Money> OpenOrders => _openOrders;

    /// <summary>The credit limit (German <em>Limit</em> and <em>Restlimit</em>); <see langword="null"/> when none is set.</summary>
    public LimitPosition? Limit { get; }

    /// <summary>The internal credit limit (German <em>Intern</em>); <see langword="null"/> when none is set.</summary>
    public LimitPosition? InternalLimit { get; }

    /// <summary>The credit limit counting open orders as well (German <em>Mit Bestellungen</em>); <see langword="null"/> when no limit is set.</summary>
    public LimitPosition? LimitIncludingOrders { get; }

    /// <summary>The credit-insurance status.</summary>
    public CreditInsuranceStatus Insurance { get; }

    /// <summary>The open-items status: overdue, internally overdue, delivery stop, last returned payment.</summary>
    public CreditStatus Status { get; }

    /// <summary>The manual block in force, if any; it holds regardless of the open items.</summary>
    public CreditBlock? Block { get; }

    /// <summary>The open items in one currency, as credit control counts them.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount; zero when nothing is open in that currency.</returns>
    public Money OpenItemsIn(Currency currency) => SumIn(_openItems, currency);

    /// <summary>The open orders in one currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount; zero when the host reported none in that currency.</returns>
    public Money OpenOrdersIn(Currency currency) => SumIn(_openOrders, currency);

    private static Money SumIn(IReadOnlyList<Money> amounts, Currency currency)
    {
        var total = 0m;
        foreach (var amount in amounts)
        {
            if (amount.Currency.Equals(currency))
            {
                total += amount.Amount;
            }
        }

        return new Money(total, currency);
    }
}
