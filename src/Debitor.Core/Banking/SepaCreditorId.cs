using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Banking;

/// <summary>
/// A SEPA Creditor Identifier (Gläubiger-Identifikationsnummer): identifies the creditor of a SEPA direct debit.
/// </summary>
/// <remarks>
/// <para>
/// Layout: a two-letter country code, two check digits, a three-character creditor business code and the
/// national identifier, 35 characters at most. The check digits are ISO 7064 MOD 97-10 over the national
/// identifier followed by the country code and the check digits (letters count as 10–35); they must be 02–98.
/// The business code is not part of the check: the creditor may choose it freely (<c>ZZZ</c> when unused)
/// to tell its business lines apart.
/// </para>
/// <para>
/// Where the national length is known it is enforced: 18 characters for DE and AT, 19 for NL, 16 for ES,
/// 23 for IT, 13 for FR, and 17 (enterprise number) or 20 (number assigned by the bank) for BE. Other countries need 8 to 35 characters. The country code must be
/// an ISO 3166-1 alpha-2 code.
/// </para>
/// <para>
/// Parsing accepts surrounding white space, single spaces between characters and lower-case letters;
/// any other separator is refused.
/// </para>
/// <para>
/// Equality compares the whole identifier, business code included. Use <see cref="IsSameCreditorAs"/> to ask
/// whether two identifiers name the same creditor whatever their business codes.
/// </para>
/// <para>
/// <c>default(SepaCreditorId)</c> is not an identifier: it stands for "no creditor identifier".
/// Its <see cref="ToString"/> and all its parts are the empty string, and it equals only another default value.
/// </para>
/// <para>The type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct SepaCreditorId : IEquatable<SepaCreditorId>, IParsable<SepaCreditorId>
{
    private const int MaxLength = 35;
    private const int MinLength = 8;
    private const int NationalIdentifierStart = 7;

    private readonly string? _value;

    private SepaCreditorId(string value) => _value = value;

    private enum Error
    {
        None,
        Empty,
        InvalidCharacter,
        NoCountryCode,
        UnknownCountry,
        Length,
        CheckDigitsNotDigits,
        CheckDigitsOutOfRange,
        Checksum,
    }

    /// <summary>Gets the two-letter country code, for example <c>DE</c>.</summary>
    /// <value>The country code, or the empty string for <c>default(SepaCreditorId)</c>.</value>
    public string CountryCode => _value is null ? string.Empty : _value[..2];

    /// <summary>Gets the two check digits (characters three and four).</summary>
    /// <value>For example <c>98</c>; the empty string for <c>default(SepaCreditorId)</c>.</value>
    public string CheckDigits => _value is null ? string.Empty : _value[2..4];

    /// <summary>Gets the three-character creditor business code (characters five to seven), not covered by the check digits.</summary>
    /// <value>For example <c>ZZZ</c>; the empty string for <c>default(SepaCreditorId)</c>.</value>
    public string BusinessCode => _value is null ? string.Empty : _value[4..NationalIdentifierStart];

    /// <summary>Gets the national identifier: everything after the business code.</summary>
    /// <value>For example <c>09999999999</c>; the empty string for <c>default(SepaCreditorId)</c>.</value>
    public string NationalIdentifier => _value is null ? string.Empty : _value[NationalIdentifierStart..];

    /// <summary>Parses a SEPA creditor identifier.</summary>
    /// <param name="s">The text, for example <c>DE98ZZZ09999999999</c>.</param>
    /// <returns>The creditor identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="s"/> is not a valid creditor identifier; the message names the reason
    /// (character, country, length or check digits).
    /// </exception>
    public static SepaCreditorId Parse(string s) => ParseCore(s);

    /// <summary>Parses a SEPA creditor identifier; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: creditor identifiers do not depend on culture.</param>
    /// <returns>The creditor identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid creditor identifier; the message names the reason.</exception>
    public static SepaCreditorId Parse(string s, IFormatProvider? provider) => ParseCore(s);

    /// <summary>Tries to parse a SEPA creditor identifier.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="result">The creditor identifier, or <c>default</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid creditor identifier.</returns>
    /// <remarks>Never throws.</remarks>
    public static bool TryParse([NotNullWhen(true)] string? s, out SepaCreditorId result) => TryParseCore(s, out result);

    /// <summary>Tries to parse a SEPA creditor identifier; the format provider is ignored.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="provider">Ignored: creditor identifiers do not depend on culture.</param>
    /// <param name="result">The creditor identifier, or <c>default</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid creditor identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SepaCreditorId result) =>
        TryParseCore(s, out result);

    /// <summary>
    /// Whether this identifier and <paramref name="other"/> name the same creditor: equal apart from the
    /// business code, which the creditor chooses freely.
    /// </summary>
    /// <param name="other">The other identifier.</param>
    /// <returns>
    /// <see langword="true"/> when country code, check digits and national identifier are equal, or both are <c>default</c>.
    /// </returns>
    public bool IsSameCreditorAs(SepaCreditorId other)
    {
        if (_value is null || other._value is null)
        {
            return _value is null && other._value is null;
        }

        return _value.Length == other._value.Length
            && _value.AsSpan(0, 4).SequenceEqual(other._value.AsSpan(0, 4))
            && _value.AsSpan(NationalIdentifierStart).SequenceEqual(other._value.AsSpan(NationalIdentifierStart));
    }

    /// <summary>Formats the identifier in electronic format: upper case, no spaces.</summary>
    /// <returns>For example <c>DE98ZZZ09999999999</c>; the empty string for <c>default(SepaCreditorId)</c>.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether two identifiers are the same, business code included: compared in electronic format, ordinal.</summary>
    /// <param name="other">The other identifier.</param>
    /// <returns><see langword="true"/> when both have the same characters, or both are <c>default</c>.</returns>
    public bool Equals(SepaCreditorId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SepaCreditorId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>Whether two identifiers are the same.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(SepaCreditorId left, SepaCreditorId right) => left.Equals(right);

    /// <summary>Whether two identifiers differ.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SepaCreditorId left, SepaCreditorId right) => !left.Equals(right);

    /// <summary>The national lengths of a creditor identifier, where known (EPC262-08, Creditor Identifier Overview).</summary>
    /// <param name="first">The first letter of the country code.</param>
    /// <param name="second">The second letter of the country code.</param>
    /// <returns>The allowed total lengths (the same twice where the country has one), or (0, 0) when only the general
    /// 8 to 35 applies. Belgium has two forms: the 10-digit enterprise number (17) and the bank-assigned number (20).</returns>
    internal static (int Short, int Long) NationalLengths(char first, char second) => (first, second) switch
    {
        ('A', 'T') => (18, 18),
        ('B', 'E') => (17, 20),
        ('D', 'E') => (18, 18),
        ('E', 'S') => (16, 16),
        ('F', 'R') => (13, 13),
        ('I', 'T') => (23, 23),
        ('N', 'L') => (19, 19),
        _ => (0, 0),
    };

    private static SepaCreditorId ParseCore(string s)
    {
        Guard.Against.Null(s);
        Span<char> buffer = stackalloc char[MaxLength];
        var error = Validate(s, buffer, out int length, out bool changed, out int invalidAt);
        return error == Error.None
            ? new SepaCreditorId(changed ? new string(buffer[..length]) : s)
            : throw new FormatException(Describe(s, buffer, error, length, invalidAt));
    }

    private static bool TryParseCore([NotNullWhen(true)] string? s, out SepaCreditorId result)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (s is null || Validate(s, buffer, out int length, out bool changed, out _) != Error.None)
        {
            result = default;
            return false;
        }

        result = new SepaCreditorId(changed ? new string(buffer[..length]) : s);
        return true;
    }

    private static Error Validate(ReadOnlySpan<char> input, Span<char> buffer, out int length, out bool changed, out int invalidAt)
    {
        var status = IdentifierText.Normalize(input, buffer, out length, out changed, out invalidAt);
        if (status != IdentifierTextStatus.Valid)
        {
            return status == IdentifierTextStatus.Empty ? Error.Empty : Error.InvalidCharacter;
        }

        if (length < 2 || !IdentifierText.IsUpperLetter(buffer[0]) || !IdentifierText.IsUpperLetter(buffer[1]))
        {
            return Error.NoCountryCode;
        }

        if (!IsoCountryCodes.Contains(buffer[0], buffer[1]))
        {
            return Error.UnknownCountry;
        }

        var (shortForm, longForm) = NationalLengths(buffer[0], buffer[1]);
        if (shortForm == 0 ? length is < MinLength or > MaxLength : length != shortForm && length != longForm)
        {
            return Error.Length;
        }

        if (!IdentifierText.IsDigit(buffer[2]) || !IdentifierText.IsDigit(buffer[3]))
        {
            return Error.CheckDigitsNotDigits;
        }

        int checkDigits = ((buffer[2] - '0') * 10) + (buffer[3] - '0');
        if (checkDigits is < 2 or > 98)
        {
            return Error.CheckDigitsOutOfRange;
        }

        var text = buffer[..length];
        int remainder = Iso7064.Mod97(Iso7064.Mod97(0, text[NationalIdentifierStart..]), text[..4]);
        return remainder == 1 ? Error.None : Error.Checksum;
    }

    private static string Describe(string input, ReadOnlySpan<char> buffer, Error error, int length, int invalidAt)
    {
        var culture = CultureInfo.InvariantCulture;
        return error switch
        {
            Error.Empty => "A SEPA creditor identifier cannot be empty.",
            Error.InvalidCharacter => string.Create(
                culture,
                $"Not a SEPA creditor identifier: character {IdentifierText.Describe(input[invalidAt])} at position {invalidAt + 1} is not allowed (only letters, digits and single spaces between them)."),
            Error.NoCountryCode => "Not a SEPA creditor identifier: it must start with a two-letter country code.",
            Error.UnknownCountry => $"Not a SEPA creditor identifier: unknown country '{buffer[..2]}'.",
            Error.Length => NationalLengths(buffer[0], buffer[1]) is var (shortForm, longForm) and ( > 0, _)
                ? string.Create(culture, $"Not a SEPA creditor identifier: wrong length, {length} characters instead of {(shortForm == longForm ? $"{shortForm}" : $"{shortForm} or {longForm}")} for {buffer[..2]}.")
                : string.Create(culture, $"Not a SEPA creditor identifier: wrong length, {length} characters instead of {MinLength} to {MaxLength}."),
            Error.CheckDigitsNotDigits => "Not a SEPA creditor identifier: the check digits (positions 3 and 4) must be two digits.",
            Error.CheckDigitsOutOfRange => $"Not a SEPA creditor identifier: check digits '{buffer[2..4]}' out of range (02 to 98).",
            Error.Checksum => "Not a SEPA creditor identifier: the check digits do not match (ISO 7064 MOD 97-10); it may be mistyped.",
            _ => throw new InvalidOperationException("No error to describe."),
        };
    }
}
