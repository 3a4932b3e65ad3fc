using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;

namespace Debitor.Core.Application;

/// <summary>What became of a payment handed to <see cref="PaymentService.ApplyPaymentAsync"/>.</summary>
public enum PaymentStatus
{
    /// <summary>The payment was applied now (or an interrupted earlier application was completed).</summary>
    Applied,

    /// <summary>The payment id was applied before; nothing changed and the earlier result is returned.</summary>
    AlreadyApplied,

    /// <summary>The payment was refused; nothing changed. See <see cref="PaymentResult.Refusal"/>.</summary>
    Refused,
}

/// <summary>The outcome of applying a payment: the status, the allocation, the documents handed over and the accounts after.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PaymentResult
{
    internal PaymentResult(PaymentStatus status, PaymentRefusal? refusal, PaymentAllocation? allocation, IReadOnlyList<ReceivablesDocument> documents, IReadOnlyList<CustomerAccount> accounts)
    {
        Status = status;
        Refusal = refusal;
        Allocation = allocation;
        Documents = documents;
        Accounts = accounts;
    }

    /// <summary>Applied, already applied or refused.</summary>
    public PaymentStatus Status { get; }

    /// <summary>Why the payment was refused; <see langword="null"/> unless <see cref="Status"/> is <see cref="PaymentStatus.Refused"/>.</summary>
    public PaymentRefusal? Refusal { get; }

    /// <summary>How the payment is allocated; <see langword="null"/> when refused.</summary>
    public PaymentAllocation? Allocation { get; }

    /// <summary>The documents handed to the document output (payment advice, difference notifications).</summary>
    public IReadOnlyList<ReceivablesDocument> Documents { get; }

    /// <summary>The accounts concerned as they are now: the one that received the payment first, then the customers it pays for.</summary>
    public IReadOnlyList<CustomerAccount> Accounts { get; }
}

/// <summary>A returned direct debit or cheque to record.</summary>
/// <remarks>Immutable.</remarks>
public sealed record PaymentReturn
{
    /// <summary>Creates the command.</summary>
    /// <param name="payment">The payment that came back.</param>
    /// <param name="returnDate">When the bank returned it; the credit status reads it later (R2.3).</param>
    /// <param name="kind">Direct debit or cheque.</param>
    /// <param name="reason">The bank's reason, if given.</param>
    /// <param name="bankFee">The bank's fee to charge to the customer as a cost item, or <see langword="null"/>; greater than zero, whole minor units.</param>
    /// <param name="feeDocumentNumber">The document number of the fee charge; <see langword="null"/> for <c>{payment}/return/fee</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="payment"/> is <c>default</c> or longer than <see cref="IncomingPayment.MaxIdLength"/>,
    /// <paramref name="kind"/> is undefined, or the fee is not greater than zero or has a fraction of a minor unit.</exception>
    public PaymentReturn(EntryId payment, LocalDate returnDate, ReturnKind kind, string? reason = null, Money? bankFee = null, string? feeDocumentNumber = null)
    {
        Payment = Guard.Against.Default(payment, nameof(payment));
        if (payment.Value.Length > IncomingPayment.MaxIdLength)
        {
            throw new ArgumentException($"A payment id is at most {IncomingPayment.MaxIdLength} characters.", nameof(payment));
        }

        ReturnDate = returnDate;
        Kind = Guard.Against.EnumOutOfRange(kind, nameof(kind));
        Reason = reason;
        if (bankFee is { } fee)
        {
            Guard.Against.NotRounded(Guard.Against.NotPositive(fee, nameof(bankFee)), nameof(bankFee));
        }

        BankFee = bankFee;
        FeeDocumentNumber = string.IsNullOrWhiteSpace(feeDocumentNumber) ? null : feeDocumentNumber;
    }

    /// <summary>The payment that came back.</summary>
    public EntryId Payment { get; }

    /// <summary>When the bank returned it.</summary>
    public LocalDate ReturnDate { get; }

    /// <summary>Direct debit or cheque.</summary>
    public ReturnKind Kind { get; }

    /// <summary>The bank's reason, if given.</summary>
    public string? Reason { get; }

    /// <summary>The bank fee to charge, if any.</summary>
    public Money? BankFee { get; }

    /// <summary>The fee charge's document number, if not the default.</summary>
    public string? FeeDocumentNumber { get; }
}

/// <summary>The outcome of recording a returned payment.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PaymentReturnResult
{
    internal PaymentReturnResult(EntryId payment, LocalDate returnDate, IReadOnlyList<ReopenedAmount> reopened, Money? feeCharged, IReadOnlyList<CustomerAccount> accounts)
    {
        Payment = payment;
        ReturnDate = returnDate;
        Reopened = reopened;
        FeeCharged = feeCharged;
        Accounts = accounts;
    }

    /// <summary>The payment returned.</summary>
    public EntryId Payment { get; }

    /// <summary>The return date recorded.</summary>
    public LocalDate ReturnDate { get; }

    /// <summary>What the payment no longer settles: the installments open again.</summary>
    public IReadOnlyList<ReopenedAmount> Reopened { get; }

    /// <summary>The bank fee charged, if any.</summary>
    public Money? FeeCharged { get; }

    /// <summary>The accounts concerned as they are now.</summary>
    public IReadOnlyList<CustomerAccount> Accounts { get; }
}

/// <summary>A batch write-off of small residuals (German <em>Kleinbetragsausbuchung</em>).</summary>
/// <remarks>Immutable.</remarks>
public sealed record ResidualWriteOffRun
{
    private readonly ValueList<Money> _thresholds;
    private readonly ValueList<CustomerId>? _customers;

    /// <summary>Creates the command.</summary>
    /// <param name="id">The run's key; the write-off entries are <c>{id}/{n}</c> per account. At most 150 characters.</param>
    /// <param name="asOf">The write-off date; only residuals that existed on it are written off.</param>
    /// <param name="thresholds">One threshold per currency; residuals strictly below it are written off.</param>
    /// <param name="reason">Why, recorded on every write-off and on the notification.</param>
    /// <param name="customers">The customers to go through; <see langword="null"/> for every account of <see cref="Company"/>.</param>
    /// <exception cref="ArgumentException">The id is <c>default</c> or too long, the reason is empty, a threshold is not greater
    /// than zero or two share a currency, or a customer is <c>default</c>.</exception>
    public ResidualWriteOffRun(EntryId id, LocalDate asOf, IReadOnlyList<Money> thresholds, string reason, IEnumerable<CustomerId>? customers = null)
    {
        Id = Guard.Against.Default(id, nameof(id));
        if (id.Value.Length > IncomingPayment.MaxIdLength)
        {
            throw new ArgumentException($"A run id is at most {IncomingPayment.MaxIdLength} characters.", nameof(id));
        }

        AsOf = asOf;
        ResidualWriteOffs.CheckThresholds(thresholds, nameof(thresholds));
        _thresholds = ValueList<Money>.From(thresholds);
        Reason = Guard.Against.NullOrWhiteSpace(reason, nameof(reason));
        if (customers is not null)
        {
            _customers = ValueList<CustomerId>.From(customers.Distinct().OrderBy(c => c.Value, StringComparer.Ordinal));
            foreach (var customer in _customers)
            {
                Guard.Against.Default(customer, nameof(customers));
            }
        }
    }

    /// <summary>The run's key.</summary>
    public EntryId Id { get; }

    /// <summary>The write-off date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>One threshold per currency.</summary>
    public IReadOnlyList<Money> Thresholds => _thresholds;

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <summary>The customers to go through (ordered by id), or <see langword="null"/> for all of <see cref="Company"/>.</summary>
    public IReadOnlyList<CustomerId>? Customers => _customers;

    /// <summary>
    /// The company whose accounts a run without <see cref="Customers"/> goes through; such a run needs it, so that no run
    /// spans several companies by accident (D14.5). <see langword="null"/> when the run names its customers.
    /// </summary>
    public CompanyId? Company { get; init; }
}

/// <summary>One residual written off by a run.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Residual">The installment and the amount written off.</param>
public sealed record WrittenOffResidual(CustomerId Customer, ResidualItem Residual);

/// <summary>The outcome of a residual write-off run.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ResidualWriteOffResult
{
    internal ResidualWriteOffResult(ResidualWriteOffRun run, IReadOnlyList<WrittenOffResidual> writtenOff, IReadOnlyList<WriteOffNotification> documents)
    {
        Run = run;
        WrittenOff = writtenOff;
        Documents = documents;
    }

    /// <summary>The run.</summary>
    public ResidualWriteOffRun Run { get; }

    /// <summary>What was written off now, by customer then in account order.</summary>
    public IReadOnlyList<WrittenOffResidual> WrittenOff { get; }

    /// <summary>One write-off notification per customer with write-offs.</summary>
    public IReadOnlyList<WriteOffNotification> Documents { get; }
}
