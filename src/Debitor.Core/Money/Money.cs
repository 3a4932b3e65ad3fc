using System.Globalization;

namespace Debitor.Core;

/// <summary>
/// An amount of money in one currency.
/// </summary>
/// <remarks>
/// <para>The amount is a <see cref="decimal"/> and is kept exactly as given: arithmetic never rounds on its own.
/// Call <see cref="Round"/> where a rule says an amount is rounded to the currency's minor units.</para>
/// <para>Amounts in different currencies are never combined: <c>+</c>, <c>-</c>, comparisons and
/// <see cref="CompareTo"/> throw <see cref="CurrencyMismatchException"/> when the currencies differ.
/// Equality does not throw: amounts in different currencies are simply not equal.
/// Multiplication and division take a bare <see cref="decimal"/> factor only.</para>
/// <para><c>default(Money)</c> is zero in no currency; it is refused wherever a currency is required.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IFormattable
{
    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The amount; any number of decimal places.</param>
    /// <param name="currency">The currency; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(Currency)</c>.</exception>
    public Money(decimal amount, Currency currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("A currency is required; default(Currency) is no currency.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount in units of the currency (e.g. euros, not cents).</summary>
    public decimal Amount { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Whether the amount is greater than zero.</summary>
    public bool IsPositive => Amount > 0m;

    /// <summary>Whether the amount is less than zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>An amount of zero.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(Currency)</c>.</exception>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates an amount from a whole number of minor units, e.g. 12345 cents = 123.45 EUR.</summary>
    /// <param name="minorUnits">The number of minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(Currency)</c>.</exception>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits * currency.MinorUnit, currency);

    /// <summary>Rounds the amount to the currency's minor units.</summary>
    /// <param name="mode">How a midpoint is rounded; commercial rounding (half away from zero) unless a rule says otherwise.</param>
    /// <returns>The rounded amount in the same currency.</returns>
    public Money Round(MidpointRounding mode = MidpointRounding.AwayFromZero) =>
        new(decimal.Round(Amount, Currency.MinorUnits, mode), Currency);

    /// <summary>Whether the amount is a whole number of minor units (e.g. no fraction of a cent).</summary>
    public bool IsRounded => decimal.Round(Amount, Currency.MinorUnits, MidpointRounding.AwayFromZero) == Amount;

    /// <summary>The absolute value of the amount.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => new(Math.Abs(Amount), Currency);

    /// <summary>
    /// Splits the amount into <paramref name="parts"/> parts of whole minor units that add up exactly to the amount.
    /// </summary>
    /// <param name="parts">How many parts; at least 1.</param>
    /// <returns>The parts, in order. The leftover minor units go one each to the earliest parts
    /// (100.00 EUR in 3 parts is 33.34, 33.33, 33.33). Negative amounts mirror positive ones.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1 or more than <see cref="Bounds.MaxParts"/>.</exception>
    /// <exception cref="ArgumentException">The amount is not a whole number of minor units, or has more minor units than a
    /// 64-bit integer holds (far beyond <see cref="Bounds.MaxAmount"/>).</exception>
    public IReadOnlyList<Money> Allocate(int parts)
    {
        Bounds.Parts(parts, nameof(parts));
        var total = ToMinorUnitsExact();
        var sign = Math.Sign(total);
        var magnitude = Math.Abs(total);
        var share = magnitude / parts;
        var leftover = magnitude % parts;
        var result = new Money[parts];
        for (var i = 0; i < parts; i++)
        {
            var units = share + (i < leftover ? 1 : 0);
            result[i] = FromMinorUnits(sign * units, Currency);
        }

        return result;
    }

    /// <summary>
    /// Splits the amount in proportion to <paramref name="ratios"/> into parts of whole minor units that add up exactly to the amount.
    /// </summary>
    /// <param name="ratios">The weights; none negative, not all zero. A zero weight gets nothing.</param>
    /// <returns>The parts, in the order of the ratios. Each part first gets its proportional share rounded
    /// down to whole minor units; the minor units left over go one each to the parts with the largest
    /// remainders, ties to the earlier part (1.00 EUR by 1:2 is 0.33, 0.67). Negative amounts mirror positive ones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratios"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The ratio list is empty, longer than <see cref="Bounds.MaxParts"/>, has a negative
    /// entry or one beyond <see cref="Bounds.MaxRatio"/> or sums to zero, or the amount is not a whole number of minor
    /// units or has more of them than a 64-bit integer holds.</exception>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<decimal> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Count == 0)
        {
            throw new ArgumentException("At least one ratio is required.", nameof(ratios));
        }

        if (ratios.Count > Bounds.MaxParts)
        {
            throw new ArgumentException($"At most {Bounds.MaxParts} ratios (Bounds.MaxParts); there are {ratios.Count}.", nameof(ratios));
        }

        var sum = 0m;
        for (var i = 0; i < ratios.Count; i++)
        {
            if (ratios[i] < 0m)
            {
                throw new ArgumentException($"Ratio at index {i} is negative ({ratios[i].ToString(CultureInfo.InvariantCulture)}); ratios must be zero or positive.", nameof(ratios));
            }

            if (ratios[i] > Bounds.MaxRatio)
            {
                throw new ArgumentException($"Ratio at index {i} is beyond the bound of 10^18 (Bounds.MaxRatio).", nameof(ratios));
            }

            sum += ratios[i];
        }

        if (sum == 0m)
        {
            throw new ArgumentException("The ratios sum to zero; at least one must be positive.", nameof(ratios));
        }

        var total = ToMinorUnitsExact();
        var sign = Math.Sign(total);
        var magnitude = Math.Abs(total);
        var units = new long[ratios.Count];
        var remainders = new decimal[ratios.Count];
        var assigned = 0L;
        for (var i = 0; i < ratios.Count; i++)
        {
            // Multiplying first keeps every digit; where the product would leave decimal's range, the share is taken
            // first (it is at most 1, so the product stays below the magnitude) and the remainders settle the rest.
            var exact = ratios[i] <= decimal.MaxValue / Math.Max(magnitude, 1L) ? magnitude * ratios[i] / sum : magnitude * (ratios[i] / sum);
            var floor = decimal.Floor(exact);
            units[i] = (long)floor;
            remainders[i] = exact - floor;
            assigned += units[i];
        }

        // Rounding the quotients can leave the floors one unit off in either direction; hand out (or take back)
        // whole minor units by remainder, largest first, ties to the earlier part.
        var leftover = magnitude - assigned;
        if (leftover != 0)
        {
            var order = Enumerable.Range(0, ratios.Count)
                .Where(i => ratios[i] > 0m)
                .OrderByDescending(i => remainders[i])
                .ThenBy(i => i)
                .ToArray();
            for (var k = 0; leftover > 0; k = (k + 1) % order.Length, leftover--)
            {
                units[order[k]]++;
            }

            for (var k = order.Length - 1; leftover < 0; k = (k + order.Length - 1) % order.Length, leftover++)
            {
                units[order[k]]--;
            }
        }

        var result = new Money[ratios.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = FromMinorUnits(sign * units[i], Currency);
        }

        return result;
    }

    /// <summary>The amount as a whole number of minor units, or an exception when it has a fraction of one.</summary>
    /// <exception cref="ArgumentException">The amount is not a whole number of minor units.</exception>
    internal long ToMinorUnitsExact()
    {
        RequireCurrency();
        var scaled = Amount / Currency.MinorUnit;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{this} is not a whole number of minor units of {Currency.Code}; round it first.");
        }

        if (Math.Abs(scaled) > long.MaxValue)
        {
            throw new ArgumentException($"{this} has more minor units than can be split; amounts are bounded by {Bounds.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} (Bounds.MaxAmount).");
        }

        return (long)scaled;
    }

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Less than zero, zero or greater than zero as this amount is less than, equal to or greater than <paramref name="other"/>.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>The amount with the currency's minor units and its code, invariant: <c>"1234.50 EUR"</c>.</summary>
    /// <returns>The text. Amounts with more decimal places than the currency has keep them.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the amount for people.</summary>
    /// <param name="format"><see langword="null"/> or <c>"G"</c> for number and code (<c>"1234.50 EUR"</c> in the
    /// invariant culture); <c>"C"</c> for the culture's currency format with the currency's symbol
    /// (<c>"1.234,50 €"</c> in de-DE); <c>"N"</c> for the number with group separators and no currency.</param>
    /// <param name="formatProvider">The culture; <see langword="null"/> for the current culture.</param>
    /// <returns>The formatted amount.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the supported formats.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var culture = NumberFormatInfo.GetInstance(formatProvider);
        var decimals = Math.Max(Currency.MinorUnits, Amount.Scale);
        switch (format)
        {
            case null or "" or "G" or "g":
                return Amount.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), culture) + " " + Currency.Code;
            case "N" or "n":
                return Amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
            case "C" or "c":
                return Amount.ToString("C", CurrencyFormats.For(culture, CurrencySymbols.For(Currency, formatProvider), decimals));
            default:
                throw new FormatException($"Format '{format}' is not supported for Money; use G, N or C.");
        }
    }

    /// <summary>Formats the amount in the culture's currency format with the currency's symbol.</summary>
    /// <param name="culture">The culture, e.g. de-DE gives <c>"1.234,50 €"</c>.</param>
    /// <returns>The formatted amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string ToString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return ToString("C", culture);
    }

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts one amount from another in the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with the opposite sign.</returns>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a factor. The result is not rounded.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The product in the same currency.</returns>
    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    /// <summary>Multiplies an amount by a factor. The result is not rounded.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="value">The amount.</param>
    /// <returns>The product in the same currency.</returns>
    public static Money operator *(decimal factor, Money value) => new(value.Amount * factor, value.Currency);

    /// <summary>Divides an amount by a divisor. The result is not rounded; use <see cref="Allocate(int)"/> to split an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="divisor">The divisor.</param>
    /// <returns>The quotient in the same currency.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static Money operator /(Money value, decimal divisor) => new(value.Amount / divisor, value.Currency);

    /// <summary>Whether two amounts are equal (same currency and same amount).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Whether two amounts differ in currency or amount.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Whether the left amount is less than the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether the left amount is greater than the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether the left amount is less than or equal to the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the left amount is greater than or equal to the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>The smaller of two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The smaller amount (the first when equal).</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>The larger of two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The larger amount (the first when equal).</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Max(Money left, Money right) => left >= right ? left : right;

    private void EnsureSameCurrency(Money other)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency);
        }
    }

    private void RequireCurrency()
    {
        if (Currency.IsDefault)
        {
            throw new InvalidOperationException("default(Money) has no currency.");
        }
    }
}
