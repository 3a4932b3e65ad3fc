using System.Diagnostics.CodeAnalysis;

namespace Debitor.Core;

/// <summary>
/// A currency of ISO 4217: its alphabetic code and its minor units (the number of decimal places of its smallest unit).
/// </summary>
/// <remarks>
/// <para>Obtain instances from <see cref="FromCode"/> or the static properties such as <see cref="EUR"/>;
/// the table covers every active ISO 4217 currency.</para>
/// <para><c>default(Currency)</c> is "no currency": its <see cref="Code"/> is the empty string and it is
/// refused wherever a currency is required. Two currencies are equal when their codes are equal.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ISO 4217 codes are the natural names.")]
public readonly struct Currency : IEquatable<Currency>
{
    // One shared description per currency: the struct is a single reference, so Money stays small
    // and equality is a reference comparison.
    private readonly CurrencyInfo? _info;

    internal Currency(CurrencyInfo info) => _info = info;

    /// <summary>The euro (EUR, 2 minor units).</summary>
    public static Currency EUR { get; } = FromCode("EUR");

    /// <summary>The Swiss franc (CHF, 2 minor units).</summary>
    public static Currency CHF { get; } = FromCode("CHF");

    /// <summary>The US dollar (USD, 2 minor units).</summary>
    public static Currency USD { get; } = FromCode("USD");

    /// <summary>The pound sterling (GBP, 2 minor units).</summary>
    public static Currency GBP { get; } = FromCode("GBP");

    /// <summary>The Japanese yen (JPY, no minor units).</summary>
    public static Currency JPY { get; } = FromCode("JPY");

    /// <summary>The ISO 4217 alphabetic code in upper case, e.g. <c>"EUR"</c>; empty for <c>default</c>.</summary>
    public string Code => _info?.Code ?? string.Empty;

    /// <summary>The number of decimal places of the currency's smallest unit (EUR 2, JPY 0, KWD 3, CLF 4).</summary>
    public int MinorUnits => _info?.MinorUnits ?? 0;

    /// <summary>Whether this is <c>default(Currency)</c>, i.e. no currency at all.</summary>
    internal bool IsDefault => _info is null;

    /// <summary>The value of one minor unit, e.g. 0.01 for EUR and 1 for JPY.</summary>
    internal decimal MinorUnit => _info?.MinorUnit ?? 1m;

    /// <summary>Returns the currency with the given ISO 4217 alphabetic code.</summary>
    /// <param name="code">A three-letter code, case-insensitive, e.g. <c>"eur"</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty, not three letters, or not an active ISO 4217 code.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryFromCode(code, out var currency))
        {
            return currency;
        }

        var reason = code.Length == 3 && IsAsciiLetters(code)
            ? "is not an active ISO 4217 currency code"
            : "must be a three-letter ISO 4217 currency code";
        throw new ArgumentException($"'{code}' {reason}.", nameof(code));
    }

    /// <summary>Looks up a currency by its ISO 4217 alphabetic code without throwing.</summary>
    /// <param name="code">A three-letter code, case-insensitive.</param>
    /// <param name="currency">The currency when found; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the code is an active ISO 4217 code.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        currency = default;
        if (code is null || code.Length != 3 || !IsAsciiLetters(code))
        {
            return false;
        }

        return CurrencyTable.ByCode.TryGetValue(code.ToUpperInvariant(), out currency);
    }

    /// <summary>Every active ISO 4217 currency known to this library, ordered by code.</summary>
    public static IReadOnlyList<Currency> All { get; } = [.. CurrencyTable.ByCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <inheritdoc />
    public bool Equals(Currency other) => ReferenceEquals(_info, other._info);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _info?.GetHashCode() ?? 0;

    /// <summary>The currency code, e.g. <c>"EUR"</c>.</summary>
    /// <returns>The code; empty for <c>default</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Whether two currencies are the same.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Whether two currencies differ.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    private static bool IsAsciiLetters(string code)
    {
        foreach (var c in code)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
