using Ardalis.GuardClauses;
using Debitor.Core.Calendar;

namespace Debitor.Core.Interest;

/// <summary>From when default interest on an item runs.</summary>
public enum InterestStart
{
    /// <summary>From the day after the effective due date (plus grace days): default without a reminder (§286(2), (3) BGB).</summary>
    AfterDueDate,

    /// <summary>From the day after the date of default that a dunning level set (<see cref="Ledger.DunningState.DefaultDate"/>); no interest before.</summary>
    AfterDefaultDate,
}

/// <summary>
/// When interest on an item starts and ends: part of an <see cref="InterestScheme"/>.
/// </summary>
/// <remarks>
/// <para>Interest runs per installment on the principal then outstanding. It starts on the day after the
/// installment's effective due date, plus <see cref="GraceDays"/> (or after the date of default, see
/// <see cref="Start"/>). With a <see cref="DueDateCalendar"/>, a due date on a weekend or public holiday first moves
/// to the next business day (§193 BGB).</para>
/// <para>It ends on the as-of date, or when a payment, credit note or write-off settles the rest. Whether the day
/// of a settlement is still an interest day on the amount it settles is <see cref="CountSettlementDay"/>.</para>
/// </remarks>
public sealed record InterestAccrual
{
    private readonly int _graceDays;

    /// <summary>Interest from the day after the due date, due dates not moved, the settlement day not counted.</summary>
    public static InterestAccrual Default { get; } = new();

    /// <summary>Days after the due date before interest starts; 0 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int GraceDays
    {
        get => _graceDays;
        init => _graceDays = Guard.Against.Negative(value, nameof(GraceDays));
    }

    /// <summary>From when interest runs; <see cref="InterestStart.AfterDueDate"/> by default.</summary>
    public InterestStart Start { get; init; } = InterestStart.AfterDueDate;

    /// <summary>
    /// The calendar that moves a due date on a weekend or public holiday to the next business day (§193 BGB);
    /// <see langword="null"/> (the default) leaves due dates as they are.
    /// </summary>
    public BusinessCalendar? DueDateCalendar { get; init; }

    /// <summary>
    /// Whether the day a payment (or credit note, or write-off) settles an amount still bears interest on that amount.
    /// <see langword="false"/> by default: interest runs up to the day before the money arrived.
    /// </summary>
    public bool CountSettlementDay { get; init; }
}
