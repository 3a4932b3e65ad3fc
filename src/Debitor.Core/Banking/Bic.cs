using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Banking;

/// <summary>
/// A Business Identifier Code (BIC, ISO 9362), also called SWIFT code, in its 8- or 11-character form.
/// </summary>
/// <remarks>
/// <para>
/// The structure is checked, not the existence of the institution: a four-character business party
/// prefix (letters or digits), an ISO 3166-1 alpha-2 country code (one that ISO has assigned, or XK for
/// Kosovo), a two-character location code and, optionally, a three-character branch code (letters or digits).
/// </para>
/// <para>
/// Parsing accepts surrounding white space, single spaces between characters and lower-case letters;
/// any other separator is refused.
/// </para>
/// <para>
/// An 8-character BIC and the same BIC followed by <c>XXX</c> both designate the primary office
/// (<see cref="IsPrimaryOffice"/>), but they are kept as given and are not equal to each other:
/// equality compares the electronic format.
/// </para>
/// <para>
/// <c>default(Bic)</c> is not a BIC: it stands for "no BIC". Its <see cref="ToString"/> and all its
/// parts are the empty string, <see cref="IsPrimaryOffice"/> is <see langword="false"/>, and it equals only
/// another default value.
/// </para>
/// <para>The type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct Bic : IEquatable<Bic>, IParsable<Bic>
{
    private const int LongLength = 11;
    private const int ShortLength = 8;

    private readonly string? _value;

    private Bic(string value) => _value = value;

    private enum Error
    {
        None,
        Empty,
        InvalidCharacter,
        Length,
        CountryNotLetters,
        UnknownCountry,
    }

    /// <summary>Gets the business party prefix (formerly the institution or bank code): the first four characters.</summary>
    /// <value>For example <c>DEUT</c>; the empty string for <c>default(Bic)</c>.</value>
    public string PartyPrefix => _value is null ? string.Empty : _value[..4];

    /// <summary>Gets the ISO 3166-1 alpha-2 country code: characters five and six.</summary>
    /// <value>For example <c>DE</c>; the empty string for <c>default(Bic)</c>.</value>
    public string CountryCode => _value is null ? string.Empty : _value[4..6];

    /// <summary>Gets the location code: characters seven and eight.</summary>
    /// <value>For example <c>FF</c>; the empty string for <c>default(Bic)</c>.</value>
    public string LocationCode => _value is null ? string.Empty : _value[6..8];

    /// <summary>Gets the branch code: characters nine to eleven.</summary>
    /// <value>
    /// The three-character branch code, <c>XXX</c> for the primary office, or the empty string for an
    /// 8-character BIC (which also means the primary office) and for <c>default(Bic)</c>.
    /// </value>
    public string BranchCode => _value is { Length: LongLength } ? _value[8..] : string.Empty;

    /// <summary>Gets a value indicating whether the BIC designates the primary office: no branch code, or <c>XXX</c>.</summary>
    /// <value><see langword="false"/> for <c>default(Bic)</c>.</value>
    public bool IsPrimaryOffice =>
        _value is { Length: ShortLength } || (_value is not null && _value.EndsWith("XXX", StringComparison.Ordinal));

    /// <summary>Parses a BIC.</summary>
    /// <param name="s">The text, for example <c>DEUTDEFF</c> or <c>deutdeff500</c>.</param>
    /// <returns>The BIC.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="s"/> is not a valid BIC; the message names the reason (character, length or country).
    /// </exception>
    public static Bic Parse(string s) => ParseCore(s);

    /// <summary>Parses a BIC; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: BICs do not depend on culture.</param>
    /// <returns>The BIC.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid BIC; the message names the reason.</exception>
    public static Bic Parse(string s, IFormatProvider? provider) => ParseCore(s);

    /// <summary>Tries to parse a BIC.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="result">The BIC, or <c>default(Bic)</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid BIC.</returns>
    /// <remarks>Never throws.</remarks>
    public static bool TryParse([NotNullWhen(true)] string? s, out Bic result) => TryParseCore(s, out result);

    /// <summary>Tries to parse a BIC; the format provider is ignored.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="provider">Ignored: BICs do not depend on culture.</param>
    /// <param name="result">The BIC, or <c>default(Bic)</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid BIC.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Bic result) =>
        TryParseCore(s, out result);

    /// <summary>Formats the BIC in electronic format: upper case, no spaces, 8 or 11 characters as parsed.</summary>
    /// <returns>For example <c>DEUTDEFF500</c>; the empty string for <c>default(Bic)</c>.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether two BICs are the same: compared in electronic format, ordinal.</summary>
    /// <param name="other">The other BIC.</param>
    /// <returns><see langword="true"/> when both have the same characters, or both are <c>default</c>.</returns>
    public bool Equals(Bic other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bic other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>Whether two BICs are the same.</summary>
    /// <param name="left">The first BIC.</param>
    /// <param name="right">The second BIC.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(Bic left, Bic right) => left.Equals(right);

    /// <summary>Whether two BICs differ.</summary>
    /// <param name="left">The first BIC.</param>
    /// <param name="right">The second BIC.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Bic left, Bic right) => !left.Equals(right);

    private static Bic ParseCore(string s)
    {
        Guard.Against.Null(s);
        Span<char> buffer = stackalloc char[LongLength];
        var error = Validate(s, buffer, out int length, out bool changed, out int invalidAt);
        return error == Error.None
            ? new Bic(changed ? new string(buffer[..length]) : s)
            : throw new FormatException(Describe(s, buffer, error, length, invalidAt));
    }

    private static bool TryParseCore([NotNullWhen(true)] string? s, out Bic result)
    {
        Span<char> buffer = stackalloc char[LongLength];
        if (s is null || Validate(s, buffer, out int length, out bool changed, out _) != Error.None)
        {
            result = default;
            return false;
        }

        result = new Bic(changed ? new string(buffer[..length]) : s);
        return true;
    }

    private static Error Validate(ReadOnlySpan<char> input, Span<char> buffer, out int length, out bool changed, out int invalidAt)
    {
        var status = IdentifierText.Normalize(input, buffer, out length, out changed, out invalidAt);
        if (status != IdentifierTextStatus.Valid)
        {
            return status == IdentifierTextStatus.Empty ? Error.Empty : Error.InvalidCharacter;
        }

        if (length is not (ShortLength or LongLength))
        {
            return Error.Length;
        }

        // Party prefix, location and branch take letters and digits, which normalization already ensured.
        if (!IdentifierText.IsUpperLetter(buffer[4]) || !IdentifierText.IsUpperLetter(buffer[5]))
        {
            return Error.CountryNotLetters;
        }

        return IsoCountryCodes.Contains(buffer[4], buffer[5]) ? Error.None : Error.UnknownCountry;
    }

    private static string Describe(string input, ReadOnlySpan<char> buffer, Error error, int length, int invalidAt) => error switch
    {
        Error.Empty => "A BIC cannot be empty.",
        Error.InvalidCharacter => string.Create(
            CultureInfo.InvariantCulture,
            $"Not a BIC: character {IdentifierText.Describe(input[invalidAt])} at position {invalidAt + 1} is not allowed (only letters, digits and single spaces between them)."),
        Error.Length => string.Create(CultureInfo.InvariantCulture, $"Not a BIC: wrong length, {length} characters instead of 8 or 11."),
        Error.CountryNotLetters => $"Not a BIC: the country code '{buffer[4..6]}' (characters 5 and 6) must be two letters.",
        Error.UnknownCountry => $"Not a BIC: unknown country '{buffer[4..6]}' (not an ISO 3166-1 country code).",
        _ => throw new InvalidOperationException("No error to describe."),
    };
}
