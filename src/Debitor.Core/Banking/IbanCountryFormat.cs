using System.Globalization;

namespace Debitor.Core.Banking;

/// <summary>
/// One entry of the IBAN registry: a country's IBAN length and BBAN structure, precompiled for validation.
/// </summary>
/// <remarks>
/// The structure is written as in the registry without the <c>!</c> markers: runs of
/// a count and a class, where <c>n</c> is a digit, <c>a</c> an upper-case letter and
/// <c>c</c> either (for example <c>5n5n11c2n</c>). It is compiled into two bits per BBAN
/// position held in one <see cref="ulong"/>, enough for the longest BBAN an IBAN can hold (30).
/// Instances are immutable and safe to share between threads.
/// </remarks>
internal sealed class IbanCountryFormat
{
    /// <summary>The class bit of a digit.</summary>
    public const int Digit = 1;

    /// <summary>The class bit of an upper-case letter.</summary>
    public const int Letter = 2;

    /// <summary>The class bits of a position that takes a digit or a letter.</summary>
    public const int Alphanumeric = Digit | Letter;

    private const int MaxBbanLength = Iban.MaxLength - 4;

    private readonly ulong _classes;

    /// <summary>Initializes a registry entry.</summary>
    /// <param name="countryCode">The two upper-case letters that start the IBAN.</param>
    /// <param name="length">The total IBAN length, country code and check digits included.</param>
    /// <param name="bbanStructure">The BBAN structure, for example <c>8n10n</c>.</param>
    /// <exception cref="ArgumentException">The entry is inconsistent (its structure does not add up to its length).</exception>
    public IbanCountryFormat(string countryCode, int length, string bbanStructure)
    {
        if (countryCode.Length != 2 || !IdentifierText.IsUpperLetter(countryCode[0]) || !IdentifierText.IsUpperLetter(countryCode[1]))
        {
            throw new ArgumentException($"'{countryCode}' is not a two-letter country code.", nameof(countryCode));
        }

        if (length is < 5 or > Iban.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "An IBAN has 5 to 34 characters.");
        }

        CountryCode = countryCode;
        Length = length;
        BbanStructure = bbanStructure;
        _classes = Compile(bbanStructure, length - 4, countryCode);
    }

    /// <summary>Gets the two upper-case letters that start the IBAN.</summary>
    public string CountryCode { get; }

    /// <summary>Gets the total IBAN length, country code and check digits included.</summary>
    public int Length { get; }

    /// <summary>Gets the BBAN length (<see cref="Length"/> minus 4).</summary>
    public int BbanLength => Length - 4;

    /// <summary>Gets the BBAN structure as written in the registry, for example <c>8n10n</c>.</summary>
    public string BbanStructure { get; }

    /// <summary>The class bits of a character: <see cref="Digit"/>, <see cref="Letter"/> or 0 for anything else.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The class bits.</returns>
    public static int ClassOf(char c) =>
        IdentifierText.IsDigit(c) ? Digit : IdentifierText.IsUpperLetter(c) ? Letter : 0;

    /// <summary>The class bits allowed at a BBAN position.</summary>
    /// <param name="bbanIndex">The zero-based position in the BBAN.</param>
    /// <returns><see cref="Digit"/>, <see cref="Letter"/> or <see cref="Alphanumeric"/>.</returns>
    public int ClassAt(int bbanIndex) => (int)((_classes >> (2 * bbanIndex)) & Alphanumeric);

    /// <summary>Finds the first BBAN position whose character does not fit the structure.</summary>
    /// <param name="bban">The BBAN, exactly <see cref="BbanLength"/> characters.</param>
    /// <returns>The zero-based position of the first misfit, or -1 when the BBAN fits.</returns>
    public int FindMismatch(ReadOnlySpan<char> bban) => FindMismatch(bban, out _);

    /// <summary>
    /// Finds the first BBAN position whose character does not fit the structure, computing the
    /// ISO 7064 MOD 97-10 remainder of the BBAN in the same pass.
    /// </summary>
    /// <param name="bban">The BBAN, exactly <see cref="BbanLength"/> characters.</param>
    /// <param name="remainder">The MOD 97-10 remainder of the BBAN (meaningful only when it fits).</param>
    /// <returns>The zero-based position of the first misfit, or -1 when the BBAN fits.</returns>
    public int FindMismatch(ReadOnlySpan<char> bban, out int remainder)
    {
        // The hot path of Iban.TryParse. MOD 97 is taken once every eight characters instead of once per
        // character: eight letters add sixteen digits, so the accumulator stays below 97 × 10^16 + 10^16.
        unchecked
        {
            ulong classes = _classes;
            ulong accumulator = 0;
            for (int i = 0; i < bban.Length; i++, classes >>= 2)
            {
                char c = bban[i];
                uint digit = (uint)(c - '0');
                if (digit <= 9)
                {
                    if ((classes & Digit) == 0)
                    {
                        remainder = 0;
                        return i;
                    }

                    accumulator = (accumulator * 10) + digit;
                }
                else
                {
                    uint letter = (uint)(c - 'A');
                    if (letter > 'Z' - 'A' || (classes & Letter) == 0)
                    {
                        remainder = 0;
                        return i;
                    }

                    accumulator = (accumulator * 100) + letter + 10;
                }

                if ((i & 7) == 7)
                {
                    accumulator %= 97;
                }
            }

            remainder = (int)(accumulator % 97);
            return -1;
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CountryCode} {Length} {BbanStructure}");

    private static ulong Compile(string structure, int bbanLength, string countryCode)
    {
        ulong classes = 0;
        int position = 0;
        int count = 0;
        foreach (char c in structure)
        {
            if (IdentifierText.IsDigit(c))
            {
                count = (count * 10) + (c - '0');
                continue;
            }

            int bits = c switch
            {
                'n' => Digit,
                'a' => Letter,
                'c' => Alphanumeric,
                _ => throw new ArgumentException($"The BBAN structure '{structure}' of {countryCode} has an unknown class '{c}'.", nameof(structure)),
            };
            if (count == 0 || position + count > MaxBbanLength)
            {
                throw new ArgumentException($"The BBAN structure '{structure}' of {countryCode} has a bad count.", nameof(structure));
            }

            for (int i = 0; i < count; i++, position++)
            {
                classes |= (ulong)bits << (2 * position);
            }

            count = 0;
        }

        if (count != 0 || position != bbanLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The BBAN structure '{structure}' of {countryCode} covers {position} characters, not {bbanLength}."),
                nameof(structure));
        }

        return classes;
    }
}
