using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Credit;

/// <summary>How long payments made by one method count for nothing in credit control (R2.4, German <em>Limitfreigabe</em>).</summary>
/// <remarks>A payment counts from its value date plus <see cref="Days"/>: with 10 days, a cheque with value date 1 March
/// lowers the open items from 11 March on, not on 1–10 March.</remarks>
public sealed record PaymentReleasePeriod
{
    /// <summary>Creates a release period.</summary>
    /// <param name="method">The payment method.</param>
    /// <param name="days">Days after the value date; zero or more.</param>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not a defined method.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or more than <see cref="Bounds.MaxDays"/>.</exception>
    public PaymentReleasePeriod(PaymentMethod method, int days)
    {
        Method = Guard.Against.EnumOutOfRange(method, nameof(method));
        Days = Bounds.Days(days, nameof(days));
    }

    /// <summary>The payment method.</summary>
    public PaymentMethod Method { get; }

    /// <summary>Days after the value date until the payment counts.</summary>
    public int Days { get; }
}

/// <summary>
/// The rules of credit control (R2.3–R2.5): internal due dates, the delivery stop, release periods per payment method and
/// which reasons only warn.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> has no internal due date, no delivery stop and no release periods: a payment counts from its
/// value date, overdue means past the effective due date, and every reason refuses.</para>
/// <para>Immutable; change it with a <c>with</c> expression or <see cref="WithReleasePeriod"/>. Thread-safe.</para>
/// </remarks>
public sealed record CreditControlSettings
{
    private readonly int? _internalOverdueDays;
    private readonly int? _deliveryStopDays;
    private readonly ValueList<PaymentReleasePeriod> _releasePeriods = ValueList<PaymentReleasePeriod>.Empty;
    private readonly ValueList<CreditRefusalReason> _warningOnly = ValueList<CreditRefusalReason>.Empty;

    /// <summary>No internal due date, no delivery stop, no release periods, every reason refuses.</summary>
    public static CreditControlSettings Default { get; } = new();

    /// <summary>
    /// Days before the effective due date on which an installment is internally due (R2.3, German <em>interne Fälligkeit</em>):
    /// the customer is internally overdue once the as-of date reaches <c>due date − days</c>. Zero means on the due date itself.
    /// <see langword="null"/> (the default) switches the flag off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int? InternalOverdueDays
    {
        get => _internalOverdueDays;
        init
        {
            if (value is { } days)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(InternalOverdueDays));
            }

            _internalOverdueDays = value;
        }
    }

    /// <summary>
    /// Days overdue at which deliveries stop (R2.3, German <em>Lieferstopp</em>): once an open installment is overdue by at
    /// least this many days. <see langword="null"/> (the default) switches the delivery stop off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public int? DeliveryStopDays
    {
        get => _deliveryStopDays;
        init
        {
            if (value is { } days)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days, nameof(DeliveryStopDays));
            }

            _deliveryStopDays = value;
        }
    }

    /// <summary>Release periods per payment method (R2.4), at most one per method, ordered by method. Methods not listed count from the value date.</summary>
    /// <exception cref="ArgumentException">Set with two periods for the same method, or with a <see langword="null"/> element.</exception>
    public IReadOnlyList<PaymentReleasePeriod> ReleasePeriods
    {
        get => _releasePeriods;
        init
        {
            var list = Guard.Against.Null(value, nameof(ReleasePeriods)).ToList();
            if (list.Any(p => p is null))
            {
                throw new ArgumentException("A release period is missing (null).", nameof(ReleasePeriods));
            }

            if (list.Select(p => p.Method).Distinct().Count() != list.Count)
            {
                throw new ArgumentException("Each payment method has one release period at most.", nameof(ReleasePeriods));
            }

            _releasePeriods = ValueList<PaymentReleasePeriod>.From(list.OrderBy(p => p.Method));
        }
    }

    /// <summary>
    /// Reasons that are reported as warnings and do not refuse a document, e.g. <see cref="CreditRefusalReason.Overdue"/> when
    /// only the delivery stop should hold sales back. Empty by default: every reason refuses.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public IReadOnlyList<CreditRefusalReason> WarningOnly
    {
        get => _warningOnly;
        init => _warningOnly = ValueList<CreditRefusalReason>.From(Guard.Against.Null(value, nameof(WarningOnly)).Distinct().Order());
    }

    /// <summary>The release period of a payment method in days; 0 when none is set.</summary>
    /// <param name="method">The payment method.</param>
    /// <returns>The days after the value date until a payment by that method counts.</returns>
    public int ReleaseDaysFor(PaymentMethod method)
    {
        for (var i = 0; i < _releasePeriods.Count; i++)
        {
            if (_releasePeriods[i].Method == method)
            {
                return _releasePeriods[i].Days;
            }
        }

        return 0;
    }

    /// <summary>The settings with the release period of one method set (replacing any earlier one).</summary>
    /// <param name="method">The payment method.</param>
    /// <param name="days">Days after the value date; zero or more.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not a defined method.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public CreditControlSettings WithReleasePeriod(PaymentMethod method, int days)
    {
        var period = new PaymentReleasePeriod(method, days);
        return this with { ReleasePeriods = [.. _releasePeriods.Where(p => p.Method != method), period] };
    }
}
