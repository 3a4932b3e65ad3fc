using Ardalis.GuardClauses;
using Debitor.Core.Payments;

namespace Debitor.Core.Application;

/// <summary>Settings of the payment use cases (<see cref="PaymentService"/>).</summary>
/// <remarks>Set once at start-up through <see cref="DebitorCoreOptions.Payments"/>; read-only afterwards by convention.</remarks>
public sealed class PaymentOptions
{
    private AllocationSettings _allocation = AllocationSettings.Default;
    private int _maxValueDateDaysAhead = 7;

    /// <summary>How payments are allocated. Default <see cref="AllocationSettings.Default"/> (BGB §366(2), §367).</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public AllocationSettings Allocation
    {
        get => _allocation;
        set => _allocation = Guard.Against.Null(value, nameof(Allocation));
    }

    /// <summary>
    /// How many days after today a value date may lie; a payment dated later is refused
    /// (<see cref="PaymentRefusalReason.ValueDateTooFarAhead"/>). Default 7; 0 refuses every future value date.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number or more than <see cref="Bounds.MaxDays"/>.</exception>
    public int MaxValueDateDaysAhead
    {
        get => _maxValueDateDaysAhead;
        set => _maxValueDateDaysAhead = Bounds.Days(value, nameof(MaxValueDateDaysAhead));
    }

    /// <summary>Whether applying a payment hands a payment advice to the document output. Default <see langword="true"/>.</summary>
    public bool ProducePaymentAdvice { get; set; } = true;

    /// <summary>
    /// Whether posting a credit note that names an invoice (<see cref="Ledger.CreditNotePosted.RelatedItem"/>) through
    /// <see cref="CustomerAccountService.PostAllAsync"/> also applies it to that invoice's open installments, in the same
    /// append (R0.6, issue 14 point 7, D14.7). Default <see langword="false"/>: the credit note stays open until
    /// <see cref="CustomerAccountService.ApplyCreditNoteAsync"/> or a payment allocation uses it.
    /// </summary>
    public bool ApplyCreditNotesToRelatedItem { get; set; }
}
