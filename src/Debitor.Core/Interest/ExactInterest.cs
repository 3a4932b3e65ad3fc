namespace Debitor.Core.Interest;

/// <summary>
/// An unrounded interest amount kept as an exact fraction <c>Numerator / Denominator</c> in a currency.
/// </summary>
/// <remarks>
/// <para>Within one day count the denominator is fixed (see <see cref="DayCounter"/>), so amounts of adjacent
/// periods add up exactly: splitting a range and adding the parts gives the same value as the whole range.
/// That holds while the numerators fit into <see cref="decimal"/>'s 28 significant digits, which is the case
/// for principals in whole minor units below 10^15 units and rates with up to four decimals.</para>
/// <para>Round only at the end, with <see cref="Round"/>.</para>
/// </remarks>
internal readonly struct ExactInterest : IEquatable<ExactInterest>
{
    internal ExactInterest(decimal numerator, decimal denominator, Currency currency)
    {
        Numerator = numerator;
        Denominator = denominator;
        Currency = currency;
    }

    /// <summary><c>principal × rate percent × days × year factor</c>, summed over periods.</summary>
    internal decimal Numerator { get; }

    /// <summary><c>100 × basis</c>; fixed per day count.</summary>
    internal decimal Denominator { get; }

    /// <summary>The currency of the principal.</summary>
    internal Currency Currency { get; }

    /// <summary>Zero in the given currency over the given denominator.</summary>
    internal static ExactInterest Zero(decimal denominator, Currency currency) => new(0m, denominator, currency);

    /// <summary>The amount as a decimal, correct to decimal's precision (not rounded to minor units).</summary>
    internal decimal Value => Numerator / Denominator;

    /// <summary>The amount rounded commercially to the currency's minor units.</summary>
    internal Money Round() => new(CommercialRounding.RoundQuotient(Numerator, Denominator, Currency.MinorUnits), Currency);

    /// <summary>Adds two exact amounts; with different denominators the result is on their product.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static ExactInterest operator +(ExactInterest left, ExactInterest right)
    {
        if (left.Currency != right.Currency)
        {
            throw new CurrencyMismatchException(left.Currency, right.Currency);
        }

        return left.Denominator == right.Denominator
            ? new ExactInterest(left.Numerator + right.Numerator, left.Denominator, left.Currency)
            : new ExactInterest(
                (left.Numerator * right.Denominator) + (right.Numerator * left.Denominator),
                left.Denominator * right.Denominator,
                left.Currency);
    }

    /// <summary>Whether two exact amounts are the same fraction in the same currency.</summary>
    public bool Equals(ExactInterest other) =>
        Currency == other.Currency
        && (Denominator == other.Denominator
            ? Numerator == other.Numerator
            : Numerator * other.Denominator == other.Numerator * Denominator);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExactInterest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Currency.GetHashCode(); // equal fractions may be written over different denominators

    /// <summary>The fraction, for test output.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Numerator}/{Denominator} {Currency.Code}");

    /// <summary>Whether two exact amounts are equal.</summary>
    public static bool operator ==(ExactInterest left, ExactInterest right) => left.Equals(right);

    /// <summary>Whether two exact amounts differ.</summary>
    public static bool operator !=(ExactInterest left, ExactInterest right) => !left.Equals(right);
}
