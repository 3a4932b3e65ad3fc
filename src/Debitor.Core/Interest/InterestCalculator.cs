using System.Collections.ObjectModel;
using Ardalis.GuardClauses;

namespace Debitor.Core.Interest;

/// <summary>Applies an <see cref="InterestScheme"/> to a principal over a range of days.</summary>
/// <remarks>
/// <para>Pure and thread-safe: the result depends on the arguments only.</para>
/// <para>The range is split into periods wherever the scheme's rate changes and, for
/// <see cref="DayCountConvention.ActualActual"/>, at every year end. The interest of a period is
/// <c>principal × rate / 100 × days / basis</c>, computed in <see cref="decimal"/> without intermediate
/// rounding; rounding is commercial (<see cref="MidpointRounding.AwayFromZero"/>) to the currency's minor units.</para>
/// </remarks>
public static class InterestCalculator
{
    /// <summary>Calculates the interest on a principal from <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    /// <param name="scheme">The interest scheme.</param>
    /// <param name="principal">The amount that bears interest; zero or positive. Zero gives zero interest.</param>
    /// <param name="firstDay">The first interest day (included), e.g. the day after the due date.</param>
    /// <param name="lastDay">The last interest day (included), e.g. the day of payment or the calculation date.</param>
    /// <returns>The total and the periods, in the principal's currency.</returns>
    /// <remarks>The scheme's <see cref="InterestScheme.MinimumAmount"/> and
    /// <see cref="InterestScheme.RecoveryCompensation"/> are not applied here.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="principal"/> is negative or has no currency (a credit
    /// balance bears no default interest); <paramref name="firstDay"/> is after <paramref name="lastDay"/>; or a
    /// date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDay"/> is before the first entry of the
    /// scheme's base rate table, or a date is before the year 1.</exception>
    public static InterestCalculation Calculate(InterestScheme scheme, Money principal, LocalDate firstDay, LocalDate lastDay)
    {
        var cursor = Start(scheme, principal, firstDay, lastDay);
        var count = cursor.CountPeriods();
        var currency = principal.Currency;
        var denominator = DayCounter.Denominator(scheme.DayCount);
        var periods = new InterestPeriod[count];
        var exactSum = 0m;
        var roundedSum = 0m;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            var numerator = Numerator(principal.Amount, ref cursor);
            var amount = new Money(CommercialRounding.RoundQuotient(numerator, denominator, currency.MinorUnits), currency);
            periods[i] = new InterestPeriod(cursor.FirstDay, cursor.LastDay, cursor.Days, cursor.RatePercent, amount);
            exactSum += numerator;
            roundedSum += amount.Amount;
        }

        var total = scheme.Rounding == InterestRounding.Total
            ? new ExactInterest(exactSum, denominator, currency).Round()
            : new Money(roundedSum, currency);
        return new InterestCalculation(total, new ReadOnlyCollection<InterestPeriod>(periods));
    }

    /// <summary>
    /// The exact, unrounded interest over a range: the sum of the exact amounts of its periods. For a caller that
    /// splits a range (for example where partial payments change the principal) and rounds once at the end.
    /// </summary>
    /// <remarks>Validates like <see cref="Calculate"/>. Adding the results for adjacent ranges gives exactly the
    /// result for the joined range. Allocates nothing.</remarks>
    internal static ExactInterest CalculateExact(InterestScheme scheme, Money principal, LocalDate firstDay, LocalDate lastDay)
    {
        var cursor = Start(scheme, principal, firstDay, lastDay);
        var sum = 0m;
        while (cursor.MoveNext())
        {
            sum += Numerator(principal.Amount, ref cursor);
        }

        return new ExactInterest(sum, DayCounter.Denominator(scheme.DayCount), principal.Currency);
    }

    /// <summary>The periods of a range with their exact, unrounded amounts.</summary>
    /// <remarks>Validates like <see cref="Calculate"/>.</remarks>
    internal static IReadOnlyList<ExactInterestPeriod> CalculateExactPeriods(InterestScheme scheme, Money principal, LocalDate firstDay, LocalDate lastDay)
    {
        var cursor = Start(scheme, principal, firstDay, lastDay);
        var denominator = DayCounter.Denominator(scheme.DayCount);
        var periods = new List<ExactInterestPeriod>();
        while (cursor.MoveNext())
        {
            var amount = new ExactInterest(Numerator(principal.Amount, ref cursor), denominator, principal.Currency);
            periods.Add(new ExactInterestPeriod(cursor.FirstDay, cursor.LastDay, cursor.Days, cursor.RatePercent, amount));
        }

        return periods.AsReadOnly();
    }

    /// <summary>Adds the periods of a range at a constant principal to a running sum (see <see cref="InterestSum"/>).</summary>
    /// <remarks>Validates like <see cref="Calculate"/>; allocates only for the periods collected.</remarks>
    internal static void AddTo(ref InterestSum sum, InterestScheme scheme, Ledger.InstallmentRef installment, decimal principal, LocalDate firstDay, LocalDate lastDay, List<ItemInterestPeriod>? periods)
    {
        var money = new Money(principal, sum.Currency);
        var cursor = Start(scheme, money, firstDay, lastDay);
        var rounds = periods is not null || scheme.Rounding == InterestRounding.EachPeriod;
        while (cursor.MoveNext())
        {
            var numerator = sum.PerInterestPeriod ? principal * cursor.RatePercent * cursor.Days : Numerator(principal, ref cursor);
            sum.Exact += numerator;
            if (rounds)
            {
                var rounded = CommercialRounding.RoundQuotient(numerator, sum.Denominator, sum.Currency.MinorUnits);
                sum.Rounded += rounded;
                periods?.Add(new ItemInterestPeriod(installment, cursor.FirstDay, cursor.LastDay, cursor.Days, cursor.RatePercent, money, new Money(rounded, sum.Currency)));
            }
        }
    }

    private static decimal Numerator(decimal principal, ref PeriodCursor cursor)
    {
        var numerator = principal * cursor.RatePercent * cursor.Days;
        return cursor.YearFactor == 1m ? numerator : numerator * cursor.YearFactor;
    }

    private static PeriodCursor Start(InterestScheme scheme, Money principal, LocalDate firstDay, LocalDate lastDay)
    {
        Guard.Against.Null(scheme);
        if (principal.Currency.IsDefault)
        {
            throw new ArgumentException("The principal needs a currency; default(Money) has none.", nameof(principal));
        }

        if (principal.IsNegative)
        {
            throw new ArgumentException("The principal must not be negative: a credit balance bears no default interest.", nameof(principal));
        }

        var firstNumber = DayCounter.Number(firstDay, nameof(firstDay));
        var lastNumber = DayCounter.Number(lastDay, nameof(lastDay));
        if (firstNumber > lastNumber)
        {
            throw new ArgumentException("The first interest day must not be after the last one.", nameof(firstDay));
        }

        var segment = scheme.Segments.IndexOf(firstNumber);
        if (segment < 0)
        {
            throw BaseRateTable.BeforeFirstEntry(firstDay, nameof(firstDay));
        }

        return new PeriodCursor(scheme, firstDay, firstNumber, segment, lastDay, lastNumber);
    }
}

/// <summary>A running interest sum of one installment: the exact numerator over the scheme's denominator, and the sum of the rounded periods.</summary>
internal struct InterestSum
{
    private readonly InterestScheme _scheme;

    internal InterestSum(InterestScheme scheme, Currency currency)
    {
        _scheme = scheme;
        Currency = currency;
        PerInterestPeriod = scheme.Method == InterestMethod.AverageDailyBalance;
        Denominator = PerInterestPeriod ? 100m * scheme.InterestPeriodDays : DayCounter.Denominator(scheme.DayCount);
    }

    /// <summary>Whether the rate applies per interest period of the scheme (average daily balance) rather than per year.</summary>
    internal bool PerInterestPeriod { get; }

    internal Currency Currency { get; }

    internal decimal Denominator { get; }

    internal decimal Exact { get; set; }

    internal decimal Rounded { get; set; }

    /// <summary>The total per the scheme's rounding: the exact sum rounded once, or the sum of the rounded periods.</summary>
    internal readonly decimal Total => _scheme.Rounding == InterestRounding.EachPeriod
        ? Rounded
        : CommercialRounding.RoundQuotient(Exact, Denominator, Currency.MinorUnits);

    /// <summary>Adds a range at a constant principal.</summary>
    internal void Add(Ledger.InstallmentRef installment, decimal principal, LocalDate firstDay, LocalDate lastDay, List<ItemInterestPeriod>? periods) =>
        InterestCalculator.AddTo(ref this, _scheme, installment, principal, firstDay, lastDay, periods);
}
