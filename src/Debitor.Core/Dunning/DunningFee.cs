using Ardalis.GuardClauses;

namespace Debitor.Core.Dunning;

/// <summary>One tier of a tiered dunning fee: from an overdue amount on, a fixed amount plus a percentage.</summary>
/// <remarks>The tier applies when the letter's net overdue amount is at least <see cref="From"/> (inclusive).</remarks>
public sealed record FeeTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="from">The overdue amount from which the tier applies (inclusive); zero or more, whole minor units.</param>
    /// <param name="fixedAmount">The fixed part of the fee; zero or more, whole minor units, same currency.</param>
    /// <param name="percent">The percentage of the overdue amount (0 to 100).</param>
    /// <exception cref="ArgumentException">An amount is negative, not rounded, has no currency, or the currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0 to 100.</exception>
    public FeeTier(Money from, Money fixedAmount, decimal percent = 0m)
    {
        From = FeeAmounts.Require(from, nameof(from));
        FixedAmount = FeeAmounts.Require(fixedAmount, nameof(fixedAmount));
        Guard.Against.OtherCurrency(fixedAmount, from.Currency, nameof(fixedAmount));
        Percent = Guard.Against.OutOfRange(percent, nameof(percent), 0m, 100m);
    }

    /// <summary>The overdue amount from which the tier applies (inclusive).</summary>
    public Money From { get; }

    /// <summary>The fixed part of the fee.</summary>
    public Money FixedAmount { get; }

    /// <summary>The percentage of the overdue amount (Single) or of the part inside the tier (Accumulated).</summary>
    public decimal Percent { get; }

    /// <summary>
    /// Business Central's "Min. Additional Fee Amount" of the tier: the smallest fee of this tier (Single: the fee; Accumulated:
    /// this tier's part); <see langword="null"/> (the default) for none. The fee's overall minimum and maximum apply after it.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a negative, unrounded amount, in another currency, or above <see cref="Maximum"/>.</exception>
    public Money? Minimum
    {
        get;
        init => field = Bound(value, nameof(Minimum), value, Maximum);
    }

    /// <summary>
    /// Business Central's "Max. Additional Fee Amount" of the tier: the largest fee of this tier (Single: the fee; Accumulated:
    /// this tier's part); <see langword="null"/> (the default) for none.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a negative, unrounded amount, in another currency, or below <see cref="Minimum"/>.</exception>
    public Money? Maximum
    {
        get;
        init => field = Bound(value, nameof(Maximum), Minimum, value);
    }

    /// <summary>The tier's fee for an amount computed by its fixed amount and percentage, within the tier's own minimum and maximum.</summary>
    internal decimal Bounded(decimal fee)
    {
        if (Minimum is { } min && fee < min.Amount)
        {
            fee = min.Amount;
        }

        return Maximum is { } max && fee > max.Amount ? max.Amount : fee;
    }

    private Money? Bound(Money? value, string parameterName, Money? low, Money? high)
    {
        if (value is { } amount)
        {
            Guard.Against.OtherCurrency(FeeAmounts.Require(amount, parameterName), From.Currency, parameterName);
        }

        if (low is { } l && high is { } h && l > h)
        {
            throw new ArgumentException($"The tier's minimum {l} is above its maximum {h}.", parameterName);
        }

        return value;
    }
}

/// <summary>
/// The dunning fees of one level in one currency: a fixed fee per letter, a fee per installment raised to the level,
/// and a tiered fee by the letter's net overdue amount (single or accumulated tiers, with a minimum and maximum).
/// The parts add up; each is optional.
/// </summary>
/// <remarks>
/// <para>Create fees with <see cref="PerLetter"/>, <see cref="PerItem"/> or <see cref="Tiered"/> and combine them
/// with the <c>With…</c> methods, which return new values. A letter in a currency for which the level defines no
/// fee carries no fee.</para>
/// <para>The per-item fee is charged for an installment only on the notice that raises it to the level: repeated
/// notices at the last level, and items only listed on a letter, are never charged again.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DunningFee
{
    private readonly ValueList<FeeTier> _tiers;

    private DunningFee(Money perLetter, Money perItem, FeeTierMode mode, ValueList<FeeTier> tiers, Money? minimum, Money? maximum, decimal perItemPercent = 0m)
    {
        PerItemPercent = perItemPercent;
        PerLetterAmount = perLetter;
        PerItemAmount = perItem;
        TierMode = mode;
        _tiers = tiers;
        TieredMinimum = minimum;
        TieredMaximum = maximum;
    }

    /// <summary>The currency of every amount of the fee.</summary>
    public Currency Currency => PerLetterAmount.Currency;

    /// <summary>The fixed fee per letter; zero for none.</summary>
    public Money PerLetterAmount { get; }

    /// <summary>The fee per installment raised to the level; zero for none.</summary>
    public Money PerItemAmount { get; }

    /// <summary>
    /// Tryton's percentage fee: a percentage (0 to 100) of the posted amount of each installment raised to the level,
    /// charged with <see cref="PerItemAmount"/> once per installment and level; 0 for none.
    /// </summary>
    public decimal PerItemPercent { get; }

    /// <summary>How the tiers combine.</summary>
    public FeeTierMode TierMode { get; }

    /// <summary>The tiers, ordered by <see cref="FeeTier.From"/>; empty for no tiered fee.</summary>
    public IReadOnlyList<FeeTier> Tiers => _tiers;

    /// <summary>The smallest tiered fee charged once a tier applies; <see langword="null"/> for none.</summary>
    public Money? TieredMinimum { get; }

    /// <summary>The largest tiered fee charged; <see langword="null"/> for none.</summary>
    public Money? TieredMaximum { get; }

    /// <summary>A fixed fee per letter.</summary>
    /// <param name="amount">The fee; zero or more, whole minor units.</param>
    /// <returns>The fee.</returns>
    /// <exception cref="ArgumentException">The amount is negative, not rounded or has no currency.</exception>
    public static DunningFee PerLetter(Money amount)
    {
        FeeAmounts.Require(amount, nameof(amount));
        return new(amount, Money.Zero(amount.Currency), FeeTierMode.Single, ValueList<FeeTier>.Empty, null, null);
    }

    /// <summary>A fee per installment raised to the level.</summary>
    /// <param name="amount">The fee; zero or more, whole minor units.</param>
    /// <returns>The fee.</returns>
    /// <exception cref="ArgumentException">The amount is negative, not rounded or has no currency.</exception>
    public static DunningFee PerItem(Money amount)
    {
        FeeAmounts.Require(amount, nameof(amount));
        return new(Money.Zero(amount.Currency), amount, FeeTierMode.Single, ValueList<FeeTier>.Empty, null, null);
    }

    /// <summary>A tiered fee by the letter's net overdue amount.</summary>
    /// <param name="mode">Single or accumulated tiers.</param>
    /// <param name="tiers">The tiers; at least one, all in one currency, each <see cref="FeeTier.From"/> different.</param>
    /// <param name="minimum">The smallest fee once a tier applies, or <see langword="null"/>.</param>
    /// <param name="maximum">The largest fee, or <see langword="null"/>.</param>
    /// <returns>The fee.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No tier, two tiers from the same amount, mixed currencies, an invalid
    /// minimum or maximum, the minimum above the maximum, or <paramref name="mode"/> not defined.</exception>
    public static DunningFee Tiered(FeeTierMode mode, IEnumerable<FeeTier> tiers, Money? minimum = null, Money? maximum = null)
    {
        var list = CheckTiers(mode, tiers, minimum, maximum);
        var currency = list[0].From.Currency;
        return new(Money.Zero(currency), Money.Zero(currency), mode, list, minimum, maximum);
    }

    /// <summary>Returns the same fee with another fixed fee per letter.</summary>
    /// <param name="amount">The fee; zero or more, same currency.</param>
    /// <returns>A new fee.</returns>
    /// <exception cref="ArgumentException">The amount is negative, not rounded or in another currency.</exception>
    public DunningFee WithPerLetter(Money amount)
    {
        Guard.Against.OtherCurrency(FeeAmounts.Require(amount, nameof(amount)), Currency, nameof(amount));
        return new(amount, PerItemAmount, TierMode, _tiers, TieredMinimum, TieredMaximum, PerItemPercent);
    }

    /// <summary>Returns the same fee with another fee per raised installment.</summary>
    /// <param name="amount">The fee; zero or more, same currency.</param>
    /// <returns>A new fee.</returns>
    /// <exception cref="ArgumentException">The amount is negative, not rounded or in another currency.</exception>
    public DunningFee WithPerItem(Money amount)
    {
        Guard.Against.OtherCurrency(FeeAmounts.Require(amount, nameof(amount)), Currency, nameof(amount));
        return new(PerLetterAmount, amount, TierMode, _tiers, TieredMinimum, TieredMaximum, PerItemPercent);
    }

    /// <summary>Returns the same fee with a percentage of each raised installment's posted amount (Tryton's percentage fee).</summary>
    /// <param name="percent">The percentage, 0 to 100.</param>
    /// <returns>A new fee.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0 to 100.</exception>
    public DunningFee WithPerItemPercent(decimal percent) =>
        new(PerLetterAmount, PerItemAmount, TierMode, _tiers, TieredMinimum, TieredMaximum, Guard.Against.OutOfRange(percent, nameof(percent), 0m, 100m));

    /// <summary>The fee for one installment raised to the level: <see cref="PerItemAmount"/> plus <see cref="PerItemPercent"/> of its posted amount.</summary>
    /// <param name="postedAmount">The installment's amount as posted, in the fee's currency.</param>
    /// <returns>The fee, the percentage part rounded half away from zero to minor units.</returns>
    /// <exception cref="ArgumentException"><paramref name="postedAmount"/> is in another currency.</exception>
    public Money ItemFeeFor(Money postedAmount)
    {
        Guard.Against.OtherCurrency(postedAmount, Currency, nameof(postedAmount));
        if (PerItemPercent == 0m)
        {
            return PerItemAmount;
        }

        return PerItemAmount + new Money(postedAmount.Amount * PerItemPercent / 100m, Currency).Round(MidpointRounding.AwayFromZero);
    }

    /// <summary>Returns the same fee with a tiered part.</summary>
    /// <param name="mode">Single or accumulated tiers.</param>
    /// <param name="tiers">The tiers, in the fee's currency.</param>
    /// <param name="minimum">The smallest tiered fee once a tier applies, or <see langword="null"/>.</param>
    /// <param name="maximum">The largest tiered fee, or <see langword="null"/>.</param>
    /// <returns>A new fee.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Tiered"/>, or the tiers are in another currency.</exception>
    public DunningFee WithTiers(FeeTierMode mode, IEnumerable<FeeTier> tiers, Money? minimum = null, Money? maximum = null)
    {
        var list = CheckTiers(mode, tiers, minimum, maximum);
        Guard.Against.OtherCurrency(list[0].From, Currency, nameof(tiers));
        return new(PerLetterAmount, PerItemAmount, mode, list, minimum, maximum, PerItemPercent);
    }

    /// <summary>The tiered part of the fee for a letter's net overdue amount.</summary>
    /// <param name="netOverdue">The net overdue amount of the letter, in the fee's currency.</param>
    /// <returns>The tiered fee, rounded half away from zero to minor units; zero when there are no tiers or no tier applies.</returns>
    /// <exception cref="ArgumentException"><paramref name="netOverdue"/> is in another currency.</exception>
    public Money TieredFeeFor(Money netOverdue)
    {
        Guard.Against.OtherCurrency(netOverdue, Currency, nameof(netOverdue));
        var amount = netOverdue.Amount;
        var fee = 0m;
        var applies = false;
        for (var i = 0; i < _tiers.Count; i++)
        {
            var tier = _tiers[i];
            if (amount < tier.From.Amount)
            {
                break;
            }

            applies = true;
            if (TierMode == FeeTierMode.Single)
            {
                fee = tier.Bounded(tier.FixedAmount.Amount + (amount * tier.Percent / 100m));
            }
            else
            {
                var upper = i + 1 < _tiers.Count ? Math.Min(amount, _tiers[i + 1].From.Amount) : amount;
                fee += tier.Bounded(tier.FixedAmount.Amount + ((upper - tier.From.Amount) * tier.Percent / 100m));
            }
        }

        if (!applies)
        {
            return Money.Zero(Currency);
        }

        if (TieredMinimum is { } min && fee < min.Amount)
        {
            fee = min.Amount;
        }

        if (TieredMaximum is { } max && fee > max.Amount)
        {
            fee = max.Amount;
        }

        return new Money(fee, Currency).Round(MidpointRounding.AwayFromZero);
    }

    private static ValueList<FeeTier> CheckTiers(FeeTierMode mode, IEnumerable<FeeTier> tiers, Money? minimum, Money? maximum)
    {
        Guard.Against.Null(tiers);
        Guard.Against.EnumOutOfRange(mode);
        var list = ValueList<FeeTier>.From(tiers.OrderBy(t => Guard.Against.Null(t, nameof(tiers)).From.Amount));
        if (list.Count == 0)
        {
            throw new ArgumentException("A tiered fee needs at least one tier.", nameof(tiers));
        }

        var currency = list[0].From.Currency;
        for (var i = 0; i < list.Count; i++)
        {
            Guard.Against.OtherCurrency(list[i].From, currency, nameof(tiers));
            if (i > 0 && list[i].From == list[i - 1].From)
            {
                throw new ArgumentException($"Two tiers start at {list[i].From}.", nameof(tiers));
            }
        }

        if (minimum is { } min)
        {
            Guard.Against.OtherCurrency(FeeAmounts.Require(min, nameof(minimum)), currency, nameof(minimum));
        }

        if (maximum is { } max)
        {
            Guard.Against.OtherCurrency(FeeAmounts.Require(max, nameof(maximum)), currency, nameof(maximum));
            if (minimum is { } low && low > max)
            {
                throw new ArgumentException($"The minimum {low} is above the maximum {max}.", nameof(maximum));
            }
        }

        return list;
    }
}

/// <summary>The one validation every fee amount shares.</summary>
internal static class FeeAmounts
{
    /// <exception cref="ArgumentException">The amount has no currency, is negative or has a fraction of a minor unit.</exception>
    internal static Money Require(Money amount, string parameterName)
    {
        GuardClauseExtensions.RequireCurrency(amount, parameterName);
        if (amount.IsNegative)
        {
            throw new ArgumentException($"A fee amount cannot be negative; it is {amount}.", parameterName);
        }

        return Guard.Against.NotRounded(amount, parameterName);
    }
}
