using Ardalis.GuardClauses;

namespace Debitor.Core.Agreements;

/// <summary>Builds the schedule of a payment agreement: installments that add up to the covered amount to the cent.</summary>
/// <remarks>
/// <para>By count, the principal is split with <see cref="Money.Allocate(int)"/>: 1,000.00 in 3 is 333.34, 333.33, 333.33.
/// By amount, every installment is that amount and the last takes the rest. Custom amounts are taken as given and must
/// add up to the covered amount to the cent. Dates run from the first date every N days, weeks or months
/// (<see cref="PaymentAgreementTerms.Every"/>), or are given one by one. Interest (when agreed) is computed on the
/// balance still open between consecutive installment dates (act/365, from the agreement date to the first one) and
/// added to each installment, rounded commercially; a fee is added to the first installment.</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class AgreementPlanner
{
    /// <summary>The schedule for a covered amount.</summary>
    /// <param name="covered">The open amount covered; positive, whole minor units.</param>
    /// <param name="agreementDate">The date the agreement is made (interest runs from it).</param>
    /// <param name="terms">The terms.</param>
    /// <returns>The installments in date order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The amount is not positive or not rounded, an amount is in another currency,
    /// the first date is before the agreement date, or there are more installments than minor units to split or than
    /// <see cref="Bounds.MaxParts"/>.</exception>
    public static IReadOnlyList<AgreementInstallment> Schedule(Money covered, LocalDate agreementDate, PaymentAgreementTerms terms)
    {
        Guard.Against.Null(terms);
        Guard.Against.NotRounded(Guard.Against.NotPositive(covered, nameof(covered)), nameof(covered));
        if (terms.FirstDate < agreementDate)
        {
            throw new ArgumentException($"The first installment ({terms.FirstDate:yyyy-MM-dd}) cannot be before the agreement date ({agreementDate:yyyy-MM-dd}).", nameof(terms));
        }

        if (terms.Count is { } count && count > covered.ToMinorUnitsExact())
        {
            throw new ArgumentException($"{covered} cannot be split into {count} installments of at least one minor unit each.", nameof(terms));
        }

        if (terms.InstallmentAmount is { } installment && installment.Currency == covered.Currency
            && decimal.Ceiling(covered.Amount / installment.Amount) > Bounds.MaxParts)
        {
            throw new ArgumentException($"Installments of {installment} would split {covered} into more than {Bounds.MaxParts} installments (Bounds.MaxParts).", nameof(terms));
        }

        var principal = terms.Amounts.Count > 0
            ? Custom(covered, terms.Amounts)
            : terms.InstallmentAmount is { } each
            ? ByAmount(covered, Guard.Against.OtherCurrency(each, covered.Currency, nameof(terms)))
            : covered.Allocate(terms.Count ?? 1);
        var dates = Dates(terms, principal.Count);
        var schedule = new AgreementInstallment[principal.Count];
        var balance = covered;
        var previous = agreementDate;
        for (var i = 0; i < schedule.Length; i++)
        {
            var amount = principal[i];
            if (terms.InterestPercent > 0m)
            {
                var days = Period.DaysBetween(previous, dates[i]);
                amount += (balance * (terms.InterestPercent / 100m * days / 365m)).Round();
            }

            if (i == 0 && terms.Fee is { } fee)
            {
                amount += Guard.Against.OtherCurrency(fee, covered.Currency, nameof(terms));
            }

            schedule[i] = new AgreementInstallment(i + 1, dates[i], amount);
            balance -= principal[i];
            previous = dates[i];
        }

        return schedule;
    }

    private static IReadOnlyList<Money> Custom(Money covered, IReadOnlyList<Money> amounts)
    {
        var sum = Money.Zero(covered.Currency);
        foreach (var amount in amounts)
        {
            sum += Guard.Against.NotRounded(Guard.Against.OtherCurrency(amount, covered.Currency, "terms"), "terms");
        }

        return sum == covered
            ? amounts
            : throw new ArgumentException($"The installment amounts add up to {sum}, not to the {covered} covered.", "terms");
    }

    private static List<Money> ByAmount(Money covered, Money each)
    {
        var parts = new List<Money>();
        var rest = covered;
        while (rest > each)
        {
            parts.Add(each);
            rest -= each;
        }

        parts.Add(rest);
        return parts;
    }

    private static LocalDate[] Dates(PaymentAgreementTerms terms, int count)
    {
        if (terms.Interval == AgreementInterval.CustomDates)
        {
            return [.. terms.CustomDates];
        }

        var dates = new LocalDate[count];
        for (var i = 0; i < count; i++)
        {
            var step = i * terms.Every;
            dates[i] = terms.Interval switch
            {
                AgreementInterval.Weekly => terms.FirstDate.PlusWeeks(step),
                AgreementInterval.Daily => terms.FirstDate.PlusDays(step),
                _ => terms.FirstDate.PlusMonths(step),
            };
        }

        return dates;
    }
}
