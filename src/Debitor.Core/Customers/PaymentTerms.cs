using Ardalis.GuardClauses;

namespace Debitor.Core.Customers;

/// <summary>A cash-discount tier: <see cref="Percent"/> off when paid within <see cref="Days"/> days of the document date.</summary>
/// <remarks>German <em>Skonto</em>, e.g. "2 % within 10 days".</remarks>
public sealed record CashDiscountTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="percent">The discount in percent of the gross amount; greater than 0 and less than 100.</param>
    /// <param name="days">Days after the document date the discount is granted for; 0 to <see cref="Bounds.MaxDays"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public CashDiscountTier(decimal percent, int days)
    {
        Percent = Guard.Against.OutOfRange(percent, nameof(percent), 0.0001m, 99.9999m);
        Days = Bounds.Days(days, nameof(days));
    }

    /// <summary>The discount in percent of the gross open amount.</summary>
    public decimal Percent { get; }

    /// <summary>The number of days after the document date within which the discount is granted (inclusive).</summary>
    public int Days { get; }
}

/// <summary>Payment terms (German <em>Zahlungsziel</em>): net days and optional cash-discount tiers.</summary>
/// <remarks>
/// Tiers are kept ordered by days; each later tier must grant fewer percent for more days.
/// The net days must be at least the longest discount period.
/// </remarks>
public sealed record PaymentTerms
{
    private readonly ValueList<CashDiscountTier> _discounts;

    /// <summary>Creates payment terms.</summary>
    /// <param name="netDays">Days after the document date until the invoice is due; at least 0.</param>
    /// <param name="discounts">Cash-discount tiers; may be empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="netDays"/> is negative or more than <see cref="Bounds.MaxDays"/>.</exception>
    /// <exception cref="ArgumentException">The tiers are not strictly ordered (more days, less percent) or exceed the net days.</exception>
    public PaymentTerms(int netDays, IEnumerable<CashDiscountTier>? discounts = null)
    {
        NetDays = Bounds.Days(netDays, nameof(netDays));
        _discounts = ValueList<CashDiscountTier>.From(discounts?.OrderBy(t => t.Days));
        for (var i = 0; i < _discounts.Count; i++)
        {
            var tier = _discounts[i];
            if (tier.Days > netDays)
            {
                throw new ArgumentException($"A discount period ({tier.Days} days) cannot be longer than the net days ({netDays}).", nameof(discounts));
            }

            if (i > 0 && (tier.Days == _discounts[i - 1].Days || tier.Percent >= _discounts[i - 1].Percent))
            {
                throw new ArgumentException("Each later discount tier must have more days and a lower percentage.", nameof(discounts));
            }
        }
    }

    /// <summary>Net 30 days, no cash discount.</summary>
    public static PaymentTerms Net30 { get; } = new(30);

    /// <summary>Days after the document date until the item is due.</summary>
    public int NetDays { get; }

    /// <summary>The cash-discount tiers, ordered by days.</summary>
    public IReadOnlyList<CashDiscountTier> Discounts => _discounts;
}

/// <summary>
/// A cash-discount stage of one invoice: <see cref="Percent"/> off the open gross amount when the money arrives on or
/// before <see cref="LastDay"/> (German <em>Skontostufe</em>, e.g. 3 % until 10 March, 2 % until 20 March).
/// </summary>
/// <remarks>Immutable; compared by content.</remarks>
public sealed record CashDiscountStage
{
    /// <summary>Creates a stage.</summary>
    /// <param name="percent">The discount in percent of the gross amount; greater than 0 and less than 100.</param>
    /// <param name="lastDay">The last day the discount is granted on (inclusive), before any tolerance days.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside its range.</exception>
    public CashDiscountStage(decimal percent, LocalDate lastDay)
    {
        Percent = Guard.Against.OutOfRange(percent, nameof(percent), 0.0001m, 99.9999m);
        LastDay = lastDay;
    }

    /// <summary>The discount in percent of the gross open amount.</summary>
    public decimal Percent { get; }

    /// <summary>The last day of the stage (inclusive).</summary>
    public LocalDate LastDay { get; }

    /// <summary>The stages of customer terms for an invoice dated <paramref name="documentDate"/>: each tier's days counted from it.</summary>
    /// <param name="terms">The customer's payment terms.</param>
    /// <param name="documentDate">The invoice date.</param>
    /// <returns>The stages, earliest first; empty when the terms grant no cash discount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<CashDiscountStage> From(PaymentTerms terms, LocalDate documentDate)
    {
        Guard.Against.Null(terms);
        var stages = new CashDiscountStage[terms.Discounts.Count];
        for (var i = 0; i < stages.Length; i++)
        {
            stages[i] = new CashDiscountStage(terms.Discounts[i].Percent, documentDate.PlusDays(terms.Discounts[i].Days));
        }

        return ValueList<CashDiscountStage>.From(stages);
    }
}
