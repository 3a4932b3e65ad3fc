using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Banking;

/// <summary>
/// A VAT identification number of an EU member state or of Northern Ireland (Umsatzsteuer-Identifikationsnummer).
/// </summary>
/// <remarks>
/// <para>
/// The two-letter prefix selects the national format: AT, BE, BG, CY, CZ, DE, DK, EE, EL (Greece — not GR),
/// ES, FI, FR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, SI, SK and XI (Northern Ireland).
/// The number after the prefix must fit the national format; the national check digits are verified for
/// Germany and Croatia (ISO 7064 MOD 11,10), Austria, Belgium, Denmark, France (numeric keys) and Italy.
/// Other countries are checked for format only. Whether the number is registered is not checked (that
/// takes a query to the tax authorities, for example VIES).
/// </para>
/// <para>
/// Parsing accepts surrounding white space, single spaces between characters and lower-case letters;
/// any other separator is refused.
/// </para>
/// <para>
/// <c>default(VatId)</c> is not a VAT number: it stands for "no VAT number". Its <see cref="ToString"/>,
/// <see cref="CountryCode"/> and <see cref="Number"/> are the empty string, and it equals only another default value.
/// </para>
/// <para>The type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct VatId : IEquatable<VatId>, IParsable<VatId>
{
    private readonly string? _value;

    private VatId(string value) => _value = value;

    private enum Error
    {
        None,
        Empty,
        InvalidCharacter,
        NoCountryCode,
        UnknownCountry,
        Format,
        CheckDigits,
    }

    /// <summary>Gets the two-letter prefix, for example <c>DE</c>; Greece is <c>EL</c>, Northern Ireland <c>XI</c>.</summary>
    /// <value>The prefix, or the empty string for <c>default(VatId)</c>.</value>
    public string CountryCode => _value is null ? string.Empty : _value[..2];

    /// <summary>Gets the number after the prefix, for example <c>136695976</c>; for Austria it starts with <c>U</c>.</summary>
    /// <value>The number in upper case without spaces, or the empty string for <c>default(VatId)</c>.</value>
    public string Number => _value is null ? string.Empty : _value[2..];

    /// <summary>Parses a VAT identification number, prefix included.</summary>
    /// <param name="s">The text, for example <c>DE136695976</c> or <c>atu 13585627</c>.</param>
    /// <returns>The VAT identification number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="s"/> is not a valid VAT identification number; the message names the reason
    /// (character, unknown country, format or check digits).
    /// </exception>
    public static VatId Parse(string s) => ParseCore(s);

    /// <summary>Parses a VAT identification number; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: VAT numbers do not depend on culture.</param>
    /// <returns>The VAT identification number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid VAT identification number; the message names the reason.</exception>
    public static VatId Parse(string s, IFormatProvider? provider) => ParseCore(s);

    /// <summary>Tries to parse a VAT identification number, prefix included.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="result">The VAT identification number, or <c>default(VatId)</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid VAT identification number.</returns>
    /// <remarks>Never throws.</remarks>
    public static bool TryParse([NotNullWhen(true)] string? s, out VatId result) => TryParseCore(s, out result);

    /// <summary>Tries to parse a VAT identification number; the format provider is ignored.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="provider">Ignored: VAT numbers do not depend on culture.</param>
    /// <param name="result">The VAT identification number, or <c>default(VatId)</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid VAT identification number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out VatId result) =>
        TryParseCore(s, out result);

    /// <summary>Formats the VAT identification number in electronic format: prefix and number, upper case, no spaces.</summary>
    /// <returns>For example <c>DE136695976</c>; the empty string for <c>default(VatId)</c>.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether two VAT identification numbers are the same: compared in electronic format, ordinal.</summary>
    /// <param name="other">The other VAT identification number.</param>
    /// <returns><see langword="true"/> when both have the same characters, or both are <c>default</c>.</returns>
    public bool Equals(VatId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VatId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>Whether two VAT identification numbers are the same.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(VatId left, VatId right) => left.Equals(right);

    /// <summary>Whether two VAT identification numbers differ.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(VatId left, VatId right) => !left.Equals(right);

    /// <summary>Whether the national check digits of a number that fits its format are right.</summary>
    /// <param name="check">The algorithm.</param>
    /// <param name="number">The number after the prefix, already matching the national format.</param>
    /// <returns><see langword="true"/> when the check passes or the country has none.</returns>
    internal static bool HasValidCheckDigits(VatIdCheck check, ReadOnlySpan<char> number) => check switch
    {
        VatIdCheck.None => true,
        VatIdCheck.Mod11Of10 => Iso7064.IsValidMod11Of10(number),
        VatIdCheck.Austria => IsValidAustrian(number),
        VatIdCheck.Belgium => IsValidBelgian(number),
        VatIdCheck.Denmark => IsValidDanish(number),
        VatIdCheck.France => IsValidFrench(number),
        VatIdCheck.Italy => IsValidLuhn(number),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Unknown VAT check."),
    };

    private static bool IsValidAustrian(ReadOnlySpan<char> number)
    {
        // U d1..d7 c: weights 1,2,1,2,1,2,1; a weight-2 product counts with its digit sum.
        int sum = 0;
        for (int i = 0; i < 7; i++)
        {
            int digit = number[1 + i] - '0';
            sum += i % 2 == 0 ? digit : (digit * 2 / 10) + (digit * 2 % 10);
        }

        return (96 - sum) % 10 == number[8] - '0';
    }

    private static bool IsValidBelgian(ReadOnlySpan<char> number) =>
        97 - (ToInt32(number[..8]) % 97) == ToInt32(number[8..]);

    private static bool IsValidDanish(ReadOnlySpan<char> number)
    {
        ReadOnlySpan<int> weights = [2, 7, 6, 5, 4, 3, 2, 1];
        int sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * (number[i] - '0');
        }

        return sum % 11 == 0;
    }

    private static bool IsValidFrench(ReadOnlySpan<char> number)
    {
        // Keys with letters (issued since the numeric keys ran out) follow a scheme not verified here.
        if (!IdentifierText.AreDigits(number[..2]))
        {
            return true;
        }

        return (12 + (3 * (ToInt32(number[2..]) % 97))) % 97 == ToInt32(number[..2]);
    }

    private static bool IsValidLuhn(ReadOnlySpan<char> number)
    {
        int sum = 0;
        for (int i = 0; i < number.Length; i++)
        {
            int digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    private static int ToInt32(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static VatId ParseCore(string s)
    {
        Guard.Against.Null(s);
        Span<char> buffer = stackalloc char[VatIdFormats.MaxLength];
        var error = Validate(s, buffer, out int length, out bool changed, out int invalidAt);
        return error == Error.None
            ? new VatId(changed ? new string(buffer[..length]) : s)
            : throw new FormatException(Describe(s, buffer, error, invalidAt));
    }

    private static bool TryParseCore([NotNullWhen(true)] string? s, out VatId result)
    {
        Span<char> buffer = stackalloc char[VatIdFormats.MaxLength];
        if (s is null || Validate(s, buffer, out int length, out bool changed, out _) != Error.None)
        {
            result = default;
            return false;
        }

        result = new VatId(changed ? new string(buffer[..length]) : s);
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

        var format = VatIdFormats.Find(buffer[0], buffer[1]);
        if (format is null)
        {
            return Error.UnknownCountry;
        }

        if (length > buffer.Length || !format.Matches(buffer[2..length]))
        {
            return Error.Format;
        }

        return HasValidCheckDigits(format.Check, buffer[2..length]) ? Error.None : Error.CheckDigits;
    }

    private static string Describe(string input, ReadOnlySpan<char> buffer, Error error, int invalidAt) => error switch
    {
        Error.Empty => "A VAT identification number cannot be empty.",
        Error.InvalidCharacter => string.Create(
            CultureInfo.InvariantCulture,
            $"Not a VAT identification number: character {IdentifierText.Describe(input[invalidAt])} at position {invalidAt + 1} is not allowed (only letters, digits and single spaces between them)."),
        Error.NoCountryCode => "Not a VAT identification number: it must start with a two-letter country prefix.",
        Error.UnknownCountry when buffer[..2].SequenceEqual("GR") =>
            "Not a VAT identification number: unknown country 'GR'; Greek VAT numbers start with 'EL'.",
        Error.UnknownCountry => $"Not a VAT identification number: unknown country '{buffer[..2]}' (not an EU member state or XI).",
        Error.Format => $"Not a VAT identification number: wrong length or structure for {buffer[..2]} (expected {VatIdFormats.Find(buffer[0], buffer[1])!.Pattern} after the prefix; n digit, a letter, c either, quoted text literal).",
        Error.CheckDigits => $"Not a VAT identification number: the check digits do not match for {buffer[..2]}; it may be mistyped.",
        _ => throw new InvalidOperationException("No error to describe."),
    };
}
