namespace Debitor.Core.Payments;

/// <summary>
/// How one payment is allocated: the lines (what is applied, discounted or written off where, and why), the totals,
/// the unapplied credit and the differences that need a notification. A decision, not yet posted.
/// </summary>
/// <remarks>
/// <para>Two identities always hold, in the payment's currency:</para>
/// <list type="bullet">
/// <item><c>Payment.Amount == Applied + OverpaymentWriteOff + UnappliedCredit</c> — every cent of the payment is applied,
/// written off as a surplus within the tolerance, or stays as credit;</item>
/// <item><c>ReducedOpenItems == Applied + CashDiscount + ToleranceWriteOff</c> — open items shrink by what is paid plus what
/// is discounted or written off; the discount and the write-off are not paid by the payment.</item>
/// </list>
/// <para>The unapplied credit belongs to the account that received the payment (the payer's, R3.7).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class PaymentAllocation
{
    internal PaymentAllocation(IncomingPayment payment, CustomerId receivedBy, IReadOnlyList<AllocationLine> lines, IReadOnlyList<PaymentDifference> differences)
    {
        Payment = payment;
        ReceivedBy = receivedBy;
        Lines = lines;
        Differences = differences;
        var currency = payment.Amount.Currency;
        decimal applied = 0m, discount = 0m, writeOff = 0m, surplus = 0m;
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case AllocationLineKind.Payment:
                    applied += line.Amount.Amount;
                    break;
                case AllocationLineKind.CashDiscount:
                    discount += line.Amount.Amount;
                    break;
                case AllocationLineKind.OverpaymentWriteOff:
                    surplus += line.Amount.Amount;
                    break;
                default:
                    writeOff += line.Amount.Amount;
                    break;
            }
        }

        Applied = new Money(applied, currency);
        CashDiscount = new Money(discount, currency);
        ToleranceWriteOff = new Money(writeOff, currency);
        OverpaymentWriteOff = new Money(surplus, currency);
        UnappliedCredit = new Money(payment.Amount.Amount - applied - surplus, currency);
    }

    /// <summary>The payment.</summary>
    public IncomingPayment Payment { get; }

    /// <summary>The customer the payment was received from (the payer, when it pays for others).</summary>
    public CustomerId ReceivedBy { get; }

    /// <summary>The lines in the order they were decided: designated debts first, then the configured order; within a debt costs, interest, principal.</summary>
    public IReadOnlyList<AllocationLine> Lines { get; }

    /// <summary>The part of the payment applied to items.</summary>
    public Money Applied { get; }

    /// <summary>The cash discount granted (not paid by the payment).</summary>
    public Money CashDiscount { get; }

    /// <summary>The differences written off within the payment tolerance (not paid by the payment).</summary>
    public Money ToleranceWriteOff { get; }

    /// <summary>The surplus of the payment written off within the tolerance (R3.2): neither applied nor left as credit.</summary>
    public Money OverpaymentWriteOff { get; }

    /// <summary>The part of the payment applied to nothing: it stays as credit on the receiving account (overpayment).</summary>
    public Money UnappliedCredit { get; }

    /// <summary>How much the open items shrink: applied plus discount plus tolerance write-off.</summary>
    public Money ReducedOpenItems => Applied + CashDiscount + ToleranceWriteOff;

    /// <summary>Underpayments outside the tolerance; each calls for a difference notification.</summary>
    public IReadOnlyList<PaymentDifference> Differences { get; }
}
