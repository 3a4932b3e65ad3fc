using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Banking;

/// <summary>
/// An International Bank Account Number (ISO 13616), validated against the SWIFT IBAN registry.
/// </summary>
/// <remarks>
/// <para>
/// A value is valid by construction: its country is in the IBAN registry, its length and BBAN structure
/// match that country's entry, its check digits are 02–98 and the ISO 7064 MOD 97-10 check over the
/// rearranged IBAN gives 1. Whether the account exists, or the national check digits inside the BBAN are
/// right, is not checked.
/// </para>
/// <para>
/// Parsing accepts surrounding white space, single spaces between characters (the print format) and
/// lower-case letters. Any other separator — hyphen, dot, slash, a doubled space, a tab or line break
/// inside — is refused rather than dropped.
/// </para>
/// <para>
/// <c>default(Iban)</c> is not an IBAN: it stands for "no IBAN". Its <see cref="ToString"/>,
/// <see cref="ToPrintString"/>, <see cref="CountryCode"/> and <see cref="Bban"/> are all the empty string,
/// and it equals only another default value. Parsing never returns it, except through the
/// <see langword="out"/> parameter of a failed <c>TryParse</c>.
/// </para>
/// <para>The type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct Iban : IEquatable<Iban>, IParsable<Iban>
{
    /// <summary>The longest IBAN ISO 13616 allows.</summary>
    internal const int MaxLength = 34;

    private readonly string? _value;

    private Iban(string value) => _value = value;

    /// <summary>The reasons a text is not an IBAN.</summary>
    private enum Error
    {
        None,
        Empty,
        InvalidCharacter,
        NoCountryCode,
        UnknownCountry,
        Length,
        CheckDigitsNotDigits,
        Structure,
        CheckDigitsOutOfRange,
        Checksum,
    }

    /// <summary>Gets the two-letter country code the IBAN starts with, for example <c>DE</c>.</summary>
    /// <value>The country code, or the empty string for <c>default(Iban)</c>.</value>
    public string CountryCode => _value is null ? string.Empty : IbanRegistry.Find(_value[0], _value[1])!.CountryCode;

    /// <summary>Gets the Basic Bank Account Number: everything after the country code and the check digits.</summary>
    /// <value>The BBAN in upper case without spaces, or the empty string for <c>default(Iban)</c>.</value>
    public string Bban => _value is null ? string.Empty : _value[4..];

    /// <summary>Parses an IBAN in electronic or print format.</summary>
    /// <param name="s">The text, for example <c>DE89370400440532013000</c> or <c>de89 3704 0044 0532 0130 00</c>.</param>
    /// <returns>The IBAN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="s"/> is not a valid IBAN; the message names the reason (character, unknown country,
    /// length, structure or check digits).
    /// </exception>
    public static Iban Parse(string s) => ParseCore(s);

    /// <summary>Parses an IBAN in electronic or print format; the format provider is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: IBANs do not depend on culture.</param>
    /// <returns>The IBAN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid IBAN; the message names the reason.</exception>
    public static Iban Parse(string s, IFormatProvider? provider) => ParseCore(s);

    /// <summary>Tries to parse an IBAN in electronic or print format.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="result">The IBAN, or <c>default(Iban)</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid IBAN.</returns>
    /// <remarks>
    /// Never throws and never allocates on failure. On success it allocates only the stored string,
    /// and not even that when <paramref name="s"/> is already in electronic format (upper case, no spaces).
    /// </remarks>
    public static bool TryParse([NotNullWhen(true)] string? s, out Iban result) => TryParseCore(s, out result);

    /// <summary>Tries to parse an IBAN in electronic or print format; the format provider is ignored.</summary>
    /// <param name="s">The text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="provider">Ignored: IBANs do not depend on culture.</param>
    /// <param name="result">The IBAN, or <c>default(Iban)</c> when the text is not one.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid IBAN.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Iban result) =>
        TryParseCore(s, out result);

    /// <summary>Builds the German IBAN for a bank code (Bankleitzahl) and an account number.</summary>
    /// <param name="bankCode">The eight-digit bank code, for example <c>37040044</c>.</param>
    /// <param name="accountNumber">The account number, one to ten digits; it is padded on the left with zeros.</param>
    /// <returns>The IBAN, with its check digits computed.</returns>
    /// <remarks>
    /// This is the plain construction rule. Some German banks map certain accounts to a different IBAN
    /// (the "IBAN rules" published by the Bundesbank); those exceptions are not applied, and the
    /// national check digit of the account number is not checked.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="bankCode"/> or <paramref name="accountNumber"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="bankCode"/> is not eight digits, or <paramref name="accountNumber"/> is not one to ten digits.
    /// </exception>
    public static Iban FromGermanAccount(string bankCode, string accountNumber)
    {
        Guard.Against.NotDigits(bankCode, 8, 8);
        Guard.Against.NotDigits(accountNumber, 1, 10);
        return Create("DE", string.Concat(bankCode, accountNumber.PadLeft(10, '0')));
    }

    /// <summary>Builds an IBAN from a country code and a BBAN, computing the check digits.</summary>
    /// <param name="countryCode">A country code of the IBAN registry.</param>
    /// <param name="bban">A BBAN in upper case that fits the country's registered structure.</param>
    /// <returns>The IBAN.</returns>
    /// <exception cref="ArgumentException">The country is not in the registry, or the BBAN does not fit its structure.</exception>
    internal static Iban Create(string countryCode, string bban)
    {
        var format = countryCode.Length == 2 ? IbanRegistry.Find(countryCode[0], countryCode[1]) : null;
        if (format is null)
        {
            throw new ArgumentException($"'{countryCode}' is not a country of the IBAN registry.", nameof(countryCode));
        }

        if (bban.Length != format.BbanLength || format.FindMismatch(bban) >= 0)
        {
            throw new ArgumentException(
                $"'{bban}' does not fit the BBAN structure {format.BbanStructure} of {format.CountryCode}.",
                nameof(bban));
        }

        int remainder = Iso7064.Mod97(Iso7064.Mod97(Iso7064.Mod97(0, bban), format.CountryCode), "00");
        int checkDigits = Iso7064.CheckDigits97(remainder);
        return new Iban(string.Create(CultureInfo.InvariantCulture, $"{format.CountryCode}{checkDigits:00}{bban}"));
    }

    /// <summary>Formats the IBAN for people: groups of four characters separated by single spaces.</summary>
    /// <returns>For example <c>DE89 3704 0044 0532 0130 00</c>; the empty string for <c>default(Iban)</c>.</returns>
    public string ToPrintString()
    {
        if (_value is null)
        {
            return string.Empty;
        }

        return string.Create(_value.Length + ((_value.Length - 1) / 4), _value, static (destination, value) =>
        {
            int j = 0;
            for (int i = 0; i < value.Length; i++)
            {
                if (i > 0 && i % 4 == 0)
                {
                    destination[j++] = ' ';
                }

                destination[j++] = value[i];
            }
        });
    }

    /// <summary>Formats the IBAN in electronic format: upper case, no spaces.</summary>
    /// <returns>For example <c>DE89370400440532013000</c>; the empty string for <c>default(Iban)</c>.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether two IBANs are the same: compared in electronic format, ordinal.</summary>
    /// <param name="other">The other IBAN.</param>
    /// <returns><see langword="true"/> when both are the same IBAN, or both are <c>default</c>.</returns>
    public bool Equals(Iban other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Iban other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>Whether two IBANs are the same.</summary>
    /// <param name="left">The first IBAN.</param>
    /// <param name="right">The second IBAN.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(Iban left, Iban right) => left.Equals(right);

    /// <summary>Whether two IBANs differ.</summary>
    /// <param name="left">The first IBAN.</param>
    /// <param name="right">The second IBAN.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Iban left, Iban right) => !left.Equals(right);

    private static Iban ParseCore(string s)
    {
        Guard.Against.Null(s);
        Span<char> buffer = stackalloc char[MaxLength];
        var outcome = Validate(s, buffer);
        return outcome.Error == Error.None
            ? new Iban(outcome.Changed ? new string(buffer[..outcome.Length]) : s)
            : throw new FormatException(Describe(s, buffer, outcome));
    }

    private static bool TryParseCore([NotNullWhen(true)] string? s, out Iban result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        var outcome = Validate(s, buffer);
        if (outcome.Error != Error.None)
        {
            result = default;
            return false;
        }

        result = new Iban(outcome.Changed ? new string(buffer[..outcome.Length]) : s);
        return true;
    }

    private static Outcome Validate(ReadOnlySpan<char> input, Span<char> buffer)
    {
        var status = IdentifierText.Normalize(input, buffer, out int length, out bool changed, out int invalidAt);
        if (status != IdentifierTextStatus.Valid)
        {
            return new Outcome(status == IdentifierTextStatus.Empty ? Error.Empty : Error.InvalidCharacter, length, changed, invalidAt, null);
        }

        if (length < 2 || !IdentifierText.IsUpperLetter(buffer[0]) || !IdentifierText.IsUpperLetter(buffer[1]))
        {
            return new Outcome(Error.NoCountryCode, length, changed, -1, null);
        }

        var format = IbanRegistry.Find(buffer[0], buffer[1]);
        if (format is null)
        {
            return new Outcome(Error.UnknownCountry, length, changed, -1, null);
        }

        if (length != format.Length)
        {
            return new Outcome(Error.Length, length, changed, -1, format);
        }

        char tens = buffer[2];
        char units = buffer[3];
        if (!IdentifierText.IsDigit(tens) || !IdentifierText.IsDigit(units))
        {
            return new Outcome(Error.CheckDigitsNotDigits, length, changed, -1, format);
        }

        // Structure and MOD 97-10 in one pass over the BBAN, then the country code and check digits
        // (the rearranged IBAN), without building the rearranged string.
        int mismatch = format.FindMismatch(buffer[4..length], out int remainder);
        if (mismatch >= 0)
        {
            return new Outcome(Error.Structure, length, changed, mismatch + 4, format);
        }

        int checkDigits = ((tens - '0') * 10) + (units - '0');
        if (checkDigits is < 2 or > 98)
        {
            return new Outcome(Error.CheckDigitsOutOfRange, length, changed, -1, format);
        }

        remainder = Iso7064.Mod97(remainder, buffer[..4]);
        return new Outcome(remainder == 1 ? Error.None : Error.Checksum, length, changed, -1, format);
    }

    private static string Describe(string input, ReadOnlySpan<char> buffer, Outcome outcome)
    {
        var culture = CultureInfo.InvariantCulture;
        return outcome.Error switch
        {
            Error.Empty => "An IBAN cannot be empty.",
            Error.InvalidCharacter => string.Create(
                culture,
                $"Not an IBAN: character {IdentifierText.Describe(input[outcome.Position])} at position {outcome.Position + 1} is not allowed (only letters, digits and single spaces between them)."),
            Error.NoCountryCode => "Not an IBAN: it must start with a two-letter country code.",
            Error.UnknownCountry => $"Not an IBAN: unknown country '{buffer[..2]}' (not in the IBAN registry).",
            Error.Length => string.Create(
                culture,
                $"Not an IBAN: wrong length, {outcome.Length} characters instead of {outcome.Format!.Length} for {outcome.Format.CountryCode}."),
            Error.CheckDigitsNotDigits => "Not an IBAN: the check digits (positions 3 and 4) must be two digits.",
            Error.Structure => string.Create(
                culture,
                $"Not an IBAN: wrong structure, '{buffer[outcome.Position]}' at position {outcome.Position + 1} does not fit the BBAN structure {outcome.Format!.BbanStructure} of {outcome.Format.CountryCode}."),
            Error.CheckDigitsOutOfRange => $"Not an IBAN: check digits '{buffer[2..4]}' out of range (02 to 98).",
            Error.Checksum => "Not an IBAN: the check digits do not match (ISO 7064 MOD 97-10); it may be mistyped.",
            _ => throw new InvalidOperationException("No error to describe."),
        };
    }

    /// <summary>What validation found; <see cref="Position"/> is an index in the input or the buffer, -1 if none.</summary>
    private readonly record struct Outcome(Error Error, int Length, bool Changed, int Position, IbanCountryFormat? Format);
}
