using Ardalis.GuardClauses;

namespace Debitor.Core.Agreements;

/// <summary>How often the installments of a payment agreement fall due.</summary>
public enum AgreementInterval
{
    /// <summary>Every month on the first installment's day of month (or the month's last day when shorter); with <see cref="PaymentAgreementTerms.Every"/>, every N months.</summary>
    Monthly,

    /// <summary>Every seven days; with <see cref="PaymentAgreementTerms.Every"/>, every N weeks.</summary>
    Weekly,

    /// <summary>On dates given one by one.</summary>
    CustomDates,

    /// <summary>Every day (with <see cref="PaymentAgreementTerms.Every"/>: every N days).</summary>
    Daily,
}

/// <summary>The state of a payment agreement.</summary>
public enum AgreementStatus
{
    /// <summary>Running: the covered items are not dunned.</summary>
    Active,

    /// <summary>An installment stayed unpaid past its grace days; the items returned to dunning.</summary>
    Broken,

    /// <summary>Deleted by a user; the items returned to dunning.</summary>
    Deleted,
}

/// <summary>One installment of a payment agreement.</summary>
/// <param name="Number">The 1-based number.</param>
/// <param name="Date">When it is due.</param>
/// <param name="Amount">What is due on that date.</param>
public sealed record AgreementInstallment(int Number, LocalDate Date, Money Amount);

/// <summary>
/// The terms of a payment agreement to be made: the plan is either a number of installments or an installment
/// amount, from a first date at an interval, with optional interest and fee.
/// </summary>
public sealed record PaymentAgreementTerms
{
    private readonly IReadOnlyList<LocalDate> _customDates = ValueList<LocalDate>.Empty;
    private readonly IReadOnlyList<Money> _amounts = ValueList<Money>.Empty;
    private readonly int _every = 1;
    private readonly int _graceDays = 7;
    private readonly decimal _interestPercent;
    private readonly Money? _fee;

    /// <summary>Creates terms of <paramref name="installments"/> installments.</summary>
    /// <param name="installments">The number of installments, 1 or more (with custom dates: their number).</param>
    /// <param name="firstDate">The first installment's date.</param>
    /// <param name="interval">The interval.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="installments"/> is less than 1 or more than <see cref="Bounds.MaxParts"/>.</exception>
    public static PaymentAgreementTerms ByCount(int installments, LocalDate firstDate, AgreementInterval interval = AgreementInterval.Monthly) =>
        new() { Count = Bounds.Parts(installments, nameof(installments)), FirstDate = firstDate, Interval = Guard.Against.EnumOutOfRange(interval) };

    /// <summary>Creates terms of equal installments of <paramref name="amount"/>, the last one taking the rest.</summary>
    /// <param name="amount">The installment amount; positive.</param>
    /// <param name="firstDate">The first installment's date.</param>
    /// <param name="interval">The interval (not custom dates).</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is not positive or <paramref name="interval"/> is custom dates.</exception>
    public static PaymentAgreementTerms ByAmount(Money amount, LocalDate firstDate, AgreementInterval interval = AgreementInterval.Monthly)
    {
        Guard.Against.NotPositive(amount, nameof(amount));
        if (interval == AgreementInterval.CustomDates)
        {
            throw new ArgumentException("An installment amount needs a regular interval; give custom dates with ByDates.", nameof(interval));
        }

        return new() { InstallmentAmount = amount, FirstDate = firstDate, Interval = Guard.Against.EnumOutOfRange(interval) };
    }

    /// <summary>
    /// Creates terms of custom installment amounts, one per date from <paramref name="firstDate"/> at the interval; the
    /// amounts must add up to the covered amount to the cent (checked when the schedule is planned).
    /// </summary>
    /// <param name="amounts">The installment amounts, each positive.</param>
    /// <param name="firstDate">The first installment's date.</param>
    /// <param name="interval">The interval (not custom dates).</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentException">No amounts, more than <see cref="Bounds.MaxParts"/>, an amount not positive, or <paramref name="interval"/> is custom dates.</exception>
    public static PaymentAgreementTerms ByAmounts(IReadOnlyList<Money> amounts, LocalDate firstDate, AgreementInterval interval = AgreementInterval.Monthly)
    {
        Guard.Against.NullOrEmpty(amounts);
        Bounds.Parts(amounts.Count, nameof(amounts));
        foreach (var amount in amounts)
        {
            Guard.Against.NotPositive(amount, nameof(amounts));
        }

        if (interval == AgreementInterval.CustomDates)
        {
            throw new ArgumentException("Custom amounts at custom dates: use ByDates with amounts.", nameof(interval));
        }

        return new() { Count = amounts.Count, Amounts = amounts, FirstDate = firstDate, Interval = Guard.Against.EnumOutOfRange(interval) };
    }

    /// <summary>Creates terms of one installment per date with its own amount (adding up to the covered amount to the cent).</summary>
    /// <param name="dates">The dates, strictly increasing.</param>
    /// <param name="amounts">The amounts, one per date, each positive.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentException">No dates, not strictly increasing, an amount not positive, or not one amount per date.</exception>
    public static PaymentAgreementTerms ByDates(IReadOnlyList<LocalDate> dates, IReadOnlyList<Money> amounts)
    {
        Guard.Against.Null(amounts);
        var terms = ByDates(dates);
        if (amounts.Count != dates.Count)
        {
            throw new ArgumentException($"{amounts.Count} amounts for {dates.Count} dates; give one amount per date.", nameof(amounts));
        }

        foreach (var amount in amounts)
        {
            Guard.Against.NotPositive(amount, nameof(amounts));
        }

        return terms with { Amounts = amounts };
    }

    /// <summary>Creates terms of one installment per date, amounts split evenly.</summary>
    /// <param name="dates">The dates, strictly increasing.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentException">No dates, more than <see cref="Bounds.MaxParts"/>, or not strictly increasing.</exception>
    public static PaymentAgreementTerms ByDates(IReadOnlyList<LocalDate> dates)
    {
        Guard.Against.NullOrEmpty(dates);
        Bounds.Parts(dates.Count, nameof(dates));
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new ArgumentException("Custom installment dates must be strictly increasing.", nameof(dates));
            }
        }

        return new() { Count = dates.Count, FirstDate = dates[0], Interval = AgreementInterval.CustomDates, CustomDates = dates };
    }

    /// <summary>The number of installments, when the plan is by count.</summary>
    public int? Count { get; private init; }

    /// <summary>The installment amount, when the plan is by amount.</summary>
    public Money? InstallmentAmount { get; private init; }

    /// <summary>The first installment's date.</summary>
    public LocalDate FirstDate { get; private init; }

    /// <summary>The interval.</summary>
    public AgreementInterval Interval { get; private init; }

    /// <summary>The custom installment amounts, when the plan gives them one by one; empty otherwise.</summary>
    public IReadOnlyList<Money> Amounts
    {
        get => _amounts;
        private init => _amounts = ValueList<Money>.From(value);
    }

    /// <summary>The length of the interval in its units: every N days, weeks or months. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1 or more than <see cref="Bounds.MaxDays"/>.</exception>
    public int Every
    {
        get => _every;
        init => _every = Bounds.Days(Guard.Against.NegativeOrZero(value, nameof(Every)), nameof(Every));
    }

    /// <summary>The dates for <see cref="AgreementInterval.CustomDates"/>.</summary>
    public IReadOnlyList<LocalDate> CustomDates
    {
        get => _customDates;
        private init => _customDates = ValueList<LocalDate>.From(value);
    }

    /// <summary>Annual interest in percent charged on the declining balance between installments (act/365); 0 for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0 or above 100.</exception>
    public decimal InterestPercent
    {
        get => _interestPercent;
        init => _interestPercent = Guard.Against.OutOfRange(value, nameof(InterestPercent), 0m, 100m);
    }

    /// <summary>A fee for the agreement, added to the first installment; <see langword="null"/> for none.</summary>
    /// <exception cref="ArgumentException">Set to an amount that is not positive, not rounded or beyond <see cref="Bounds.MaxAmount"/>.</exception>
    public Money? Fee
    {
        get => _fee;
        init => _fee = value is { } fee ? Guard.Against.NotRounded(Guard.Against.NotPositive(fee, nameof(Fee)), nameof(Fee)) : null;
    }

    /// <summary>Days after an installment's date before a missing payment breaks the agreement; 0 to <see cref="Bounds.MaxDays"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to <see cref="Bounds.MaxDays"/>.</exception>
    public int GraceDays
    {
        get => _graceDays;
        init => _graceDays = Bounds.Days(value, nameof(GraceDays));
    }
}
