using Ardalis.GuardClauses;

namespace Debitor.Core.Interest;

/// <summary>
/// An interest scheme (Zinsschema): how default interest on an overdue amount is computed — a fixed annual
/// rate or a base rate plus a spread, the day count, the rounding, and the optional settings a later step
/// applies (minimum amount, flat recovery compensation).
/// </summary>
/// <remarks>
/// <para>Create schemes with <see cref="Fixed"/>, <see cref="BaseRatePlus"/> or one of the statutory presets,
/// and change optional settings with the <c>With…</c> methods, which return new schemes.</para>
/// <para><b>Rates are never negative.</b> Where a base rate plus the spread is below zero (the German base rate
/// was negative from 2013 to 2022), the scheme charges 0 %: default interest compensates the creditor and never
/// turns into a payment to the debtor. A fixed rate must not be negative.</para>
/// <para>Apply a scheme with <see cref="InterestCalculator.Calculate"/>. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class InterestScheme
{
    private InterestScheme(
        BaseRateTable? baseRates,
        decimal? fixedRatePercent,
        decimal spreadPercentagePoints,
        DayCountConvention dayCount,
        InterestRounding rounding,
        decimal minimumAmount,
        Money? recoveryCompensation,
        RateSegments segments,
        InterestAccrual? accrual = null,
        InterestMethod method = InterestMethod.DailyOnHistory,
        int interestPeriodDays = 30)
    {
        Accrual = accrual ?? InterestAccrual.Default;
        Method = method;
        InterestPeriodDays = interestPeriodDays;
        BaseRates = baseRates;
        FixedRatePercent = fixedRatePercent;
        SpreadPercentagePoints = spreadPercentagePoints;
        DayCount = dayCount;
        Rounding = rounding;
        MinimumAmount = minimumAmount;
        RecoveryCompensation = recoveryCompensation;
        Segments = segments;
    }

    /// <summary>The base rate history the rate follows; <see langword="null"/> for a fixed rate.</summary>
    public BaseRateTable? BaseRates { get; }

    /// <summary>The fixed annual rate in percent; <see langword="null"/> when the rate follows <see cref="BaseRates"/>.</summary>
    public decimal? FixedRatePercent { get; }

    /// <summary>The percentage points added to the base rate; 0 for a fixed rate.</summary>
    public decimal SpreadPercentagePoints { get; }

    /// <summary>How interest days are counted and what a year is divided into.</summary>
    public DayCountConvention DayCount { get; }

    /// <summary>Whether the total is rounded once or is the sum of rounded period amounts.</summary>
    public InterestRounding Rounding { get; }

    /// <summary>
    /// The smallest interest total worth charging, in units of the principal's currency (e.g. 5.00 for 5 euros);
    /// 0 by default.
    /// </summary>
    /// <remarks>
    /// <see cref="InterestCalculator.Calculate"/> does not apply it: it always returns the computed interest. The
    /// step that charges interest (an interest invoice) charges nothing when its total is below this amount.
    /// It is a plain number so that one scheme serves principals in any currency.
    /// </remarks>
    public decimal MinimumAmount { get; }

    /// <summary>
    /// The flat recovery compensation claimed once per late invoice (for example €40 from business debtors under
    /// §288(5) BGB), or <see langword="null"/> when none is claimed.
    /// </summary>
    /// <remarks>Stored here only; charging it belongs to the step that produces interest invoices.</remarks>
    public Money? RecoveryCompensation { get; }

    /// <summary>When interest on an item starts and ends: grace days, start rule, due dates moved per §193 BGB, the settlement day.</summary>
    public InterestAccrual Accrual { get; }

    /// <summary>
    /// How overdue installments turn into interest: <see cref="InterestMethod.DailyOnHistory"/> (the default, German
    /// law) or one of the methods of other systems (see <see cref="InterestMethod"/>).
    /// </summary>
    public InterestMethod Method { get; }

    /// <summary>
    /// The days one application of the rate covers under <see cref="InterestMethod.AverageDailyBalance"/> (Business
    /// Central's "Interest Period (Days)"); 30 unless set with <see cref="WithMethod"/>. Other methods ignore it.
    /// </summary>
    public int InterestPeriodDays { get; }

    /// <summary>The annual rate per run of days, clamped at zero.</summary>
    internal RateSegments Segments { get; }

    /// <summary>A fixed annual rate.</summary>
    /// <param name="annualRatePercent">The annual rate in percent, e.g. 5 for 5 % a year; not negative.</param>
    /// <param name="dayCount">The day count.</param>
    /// <param name="rounding">Where to round.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualRatePercent"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="dayCount"/> or <paramref name="rounding"/> is not a defined value.</exception>
    public static InterestScheme Fixed(
        decimal annualRatePercent,
        DayCountConvention dayCount = DayCountConvention.Actual365Fixed,
        InterestRounding rounding = InterestRounding.Total)
    {
        Guard.Against.OutOfRange(annualRatePercent, nameof(annualRatePercent), 0m, decimal.MaxValue, "A fixed interest rate must not be negative.");
        Guard.Against.EnumOutOfRange(dayCount);
        Guard.Against.EnumOutOfRange(rounding);
        return new InterestScheme(null, annualRatePercent, 0m, dayCount, rounding, 0m, null, RateSegments.Fixed(annualRatePercent));
    }

    /// <summary>A rate that follows a base rate table plus a spread, clamped at zero.</summary>
    /// <param name="table">The base rate history; the first day of a calculation must not be before its first entry.</param>
    /// <param name="spreadPercentagePoints">Percentage points added to the base rate; may be negative.</param>
    /// <param name="dayCount">The day count.</param>
    /// <param name="rounding">Where to round.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="dayCount"/> or <paramref name="rounding"/> is not a defined value.</exception>
    public static InterestScheme BaseRatePlus(
        BaseRateTable table,
        decimal spreadPercentagePoints,
        DayCountConvention dayCount = DayCountConvention.Actual365Fixed,
        InterestRounding rounding = InterestRounding.Total)
    {
        Guard.Against.Null(table);
        Guard.Against.EnumOutOfRange(dayCount);
        Guard.Against.EnumOutOfRange(rounding);
        return new InterestScheme(
            table, null, spreadPercentagePoints, dayCount, rounding, 0m, null, RateSegments.Linked(table, spreadPercentagePoints));
    }

    /// <summary>
    /// German statutory default interest (§288(1) and (2) BGB): the base rate (§247 BGB,
    /// <see cref="BaseRateTable.Germany"/>) plus 5 percentage points where a consumer is involved, plus 9 points
    /// between businesses; act/365 fixed, rounded once.
    /// </summary>
    /// <param name="consumerInvolved"><see langword="true"/> when the debtor is a consumer (§13 BGB).</param>
    /// <returns>The scheme, without recovery compensation; add the €40 flat fee of §288(5) BGB for business debtors
    /// with <see cref="WithRecoveryCompensation"/>.</returns>
    /// <remarks>The +9 points apply to obligations that arose on or after 29 July 2014; for older ones use
    /// <see cref="GermanStatutoryBusinessBeforeJuly2014()"/>.</remarks>
    public static InterestScheme GermanStatutory(bool consumerInvolved) => GermanStatutory(consumerInvolved, BaseRateTable.Germany);

    /// <summary>
    /// German statutory default interest (§288(1) and (2) BGB) over a base rate table the host keeps current:
    /// the base rate plus 5 percentage points where a consumer is involved, plus 9 points between businesses;
    /// act/365 fixed, rounded once.
    /// </summary>
    /// <param name="consumerInvolved"><see langword="true"/> when the debtor is a consumer (§13 BGB).</param>
    /// <param name="germanBaseRates">The German base rate history, usually <see cref="BaseRateTable.Germany"/>
    /// extended with <see cref="BaseRateTable.With"/> by rates published after this library was built.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="germanBaseRates"/> is <see langword="null"/>.</exception>
    public static InterestScheme GermanStatutory(bool consumerInvolved, BaseRateTable germanBaseRates)
    {
        Guard.Against.Null(germanBaseRates);
        return BaseRatePlus(germanBaseRates, consumerInvolved ? 5m : 9m);
    }

    /// <summary>
    /// German statutory default interest between businesses for obligations that arose before 29 July 2014
    /// (§288(2) BGB in its earlier version, Art. 229 §34 EGBGB): the base rate plus 8 percentage points;
    /// act/365 fixed, rounded once.
    /// </summary>
    /// <returns>The scheme.</returns>
    public static InterestScheme GermanStatutoryBusinessBeforeJuly2014() => GermanStatutoryBusinessBeforeJuly2014(BaseRateTable.Germany);

    /// <summary>
    /// German statutory default interest between businesses for obligations that arose before 29 July 2014
    /// (§288(2) BGB in its earlier version), over a base rate table the host keeps current: the base rate plus
    /// 8 percentage points; act/365 fixed, rounded once.
    /// </summary>
    /// <param name="germanBaseRates">The German base rate history, usually an extension of <see cref="BaseRateTable.Germany"/>.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="germanBaseRates"/> is <see langword="null"/>.</exception>
    public static InterestScheme GermanStatutoryBusinessBeforeJuly2014(BaseRateTable germanBaseRates)
    {
        Guard.Against.Null(germanBaseRates);
        return BaseRatePlus(germanBaseRates, 8m);
    }

    /// <summary>
    /// Austrian default interest between businesses (§456 UGB): the Austrian base rate (Basiszinssatz of the
    /// Oesterreichische Nationalbank) plus 9.2 percentage points; act/365 fixed, rounded once.
    /// </summary>
    /// <param name="austrianBaseRates">The Austrian base rate history, supplied by the host. §456 UGB takes the
    /// base rate in force on the last calendar day of a half-year for the whole next half-year, so the table
    /// should hold one entry per half-year (1 January and 1 July).</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="austrianBaseRates"/> is <see langword="null"/>.</exception>
    /// <remarks>The library ships no Austrian table: its published history is not reproduced here.</remarks>
    public static InterestScheme AustrianCommercial(BaseRateTable austrianBaseRates)
    {
        Guard.Against.Null(austrianBaseRates);
        return BaseRatePlus(austrianBaseRates, 9.2m);
    }

    /// <summary>Austrian statutory interest outside commercial dealings (§1000(1) ABGB): 4 % a year; act/365 fixed, rounded once.</summary>
    /// <returns>The scheme.</returns>
    public static InterestScheme AustrianCivil() => Fixed(4m);

    /// <summary>
    /// Swiss default interest (Art. 104(1) OR): 5 % a year, counted 30/360 as is customary in Swiss commercial
    /// practice; rounded once.
    /// </summary>
    /// <returns>The scheme.</returns>
    public static InterestScheme SwissStatutory() => Fixed(5m, DayCountConvention.Thirty360);

    /// <summary>The annual rate in percent the scheme charges on a day, after clamping at zero.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The fixed rate, or the base rate on <paramref name="date"/> plus the spread, at least 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the first entry of <see cref="BaseRates"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public decimal AnnualRatePercentOn(LocalDate date)
    {
        var index = Segments.IndexOf(DayCounter.Number(date, nameof(date)));
        if (index < 0)
        {
            throw BaseRateTable.BeforeFirstEntry(date, nameof(date));
        }

        return Segments.Rates[index];
    }

    /// <summary>Returns the same scheme with another day count.</summary>
    /// <param name="dayCount">The day count.</param>
    /// <returns>A new scheme.</returns>
    /// <exception cref="ArgumentException"><paramref name="dayCount"/> is not a defined value.</exception>
    public InterestScheme WithDayCount(DayCountConvention dayCount)
    {
        Guard.Against.EnumOutOfRange(dayCount);
        return new(BaseRates, FixedRatePercent, SpreadPercentagePoints, dayCount, Rounding, MinimumAmount, RecoveryCompensation, Segments, Accrual, Method, InterestPeriodDays);
    }

    /// <summary>Returns the same scheme with another rounding.</summary>
    /// <param name="rounding">Where to round.</param>
    /// <returns>A new scheme.</returns>
    /// <exception cref="ArgumentException"><paramref name="rounding"/> is not a defined value.</exception>
    public InterestScheme WithRounding(InterestRounding rounding)
    {
        Guard.Against.EnumOutOfRange(rounding);
        return new(BaseRates, FixedRatePercent, SpreadPercentagePoints, DayCount, rounding, MinimumAmount, RecoveryCompensation, Segments, Accrual, Method, InterestPeriodDays);
    }

    /// <summary>Returns the same scheme with a minimum interest amount (see <see cref="MinimumAmount"/>).</summary>
    /// <param name="minimumAmount">The smallest total worth charging, in currency units; 0 for none.</param>
    /// <returns>A new scheme.</returns>
    /// <exception cref="ArgumentException"><paramref name="minimumAmount"/> is negative.</exception>
    public InterestScheme WithMinimumAmount(decimal minimumAmount)
    {
        Guard.Against.Negative(minimumAmount);
        return new(BaseRates, FixedRatePercent, SpreadPercentagePoints, DayCount, Rounding, minimumAmount, RecoveryCompensation, Segments, Accrual, Method, InterestPeriodDays);
    }

    /// <summary>Returns the same scheme claiming a flat recovery compensation per late invoice (see <see cref="RecoveryCompensation"/>).</summary>
    /// <param name="amount">The flat amount, e.g. 40.00 EUR under §288(5) BGB; positive.</param>
    /// <returns>A new scheme.</returns>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is not positive or has no currency.</exception>
    public InterestScheme WithRecoveryCompensation(Money amount)
    {
        if (!amount.IsPositive)
        {
            throw new ArgumentException("A recovery compensation must be a positive amount in a currency.", nameof(amount));
        }

        return new(BaseRates, FixedRatePercent, SpreadPercentagePoints, DayCount, Rounding, MinimumAmount, amount, Segments, Accrual, Method, InterestPeriodDays);
    }

    /// <summary>Returns the same scheme without a recovery compensation.</summary>
    /// <returns>A new scheme.</returns>
    public InterestScheme WithoutRecoveryCompensation() =>
        new(BaseRates, FixedRatePercent, SpreadPercentagePoints, DayCount, Rounding, MinimumAmount, null, Segments, Accrual, Method, InterestPeriodDays);

    /// <summary>Returns the same scheme with other rules for when interest on an item starts and ends.</summary>
    /// <param name="accrual">The rules.</param>
    /// <returns>A new scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accrual"/> is <see langword="null"/>.</exception>
    public InterestScheme WithAccrual(InterestAccrual accrual)
    {
        Guard.Against.Null(accrual);
        return new(BaseRates, FixedRatePercent, SpreadPercentagePoints, DayCount, Rounding, MinimumAmount, RecoveryCompensation, Segments, accrual, Method, InterestPeriodDays);
    }

    /// <summary>Returns the same scheme computing interest by another method.</summary>
    /// <param name="method">The method.</param>
    /// <param name="interestPeriodDays">For <see cref="InterestMethod.AverageDailyBalance"/>: the days one application of
    /// the rate covers (e.g. 30 for a monthly rate); positive. Other methods keep it but do not use it.</param>
    /// <returns>A new scheme.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not a defined value, or
    /// <paramref name="interestPeriodDays"/> is not positive.</exception>
    public InterestScheme WithMethod(InterestMethod method, int interestPeriodDays = 30)
    {
        Guard.Against.EnumOutOfRange(method);
        Guard.Against.NegativeOrZero(interestPeriodDays);
        return new(BaseRates, FixedRatePercent, SpreadPercentagePoints, DayCount, Rounding, MinimumAmount, RecoveryCompensation, Segments, Accrual, method, interestPeriodDays);
    }
}
