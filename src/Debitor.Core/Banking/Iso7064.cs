namespace Debitor.Core.Banking;

/// <summary>
/// The ISO/IEC 7064 check character systems used by bank and tax identifiers.
/// </summary>
/// <remarks>
/// All methods work on spans and never allocate. Callers validate the characters first:
/// the MOD 97-10 methods expect only the digits <c>0</c>–<c>9</c> and the upper-case letters
/// <c>A</c>–<c>Z</c> (a letter counts as the two-digit number 10–35); the MOD 11,10 methods expect digits.
/// </remarks>
internal static class Iso7064
{
    /// <summary>
    /// Continues a MOD 97-10 remainder over <paramref name="text"/>, as if the text were appended
    /// to the digits that produced <paramref name="remainder"/>.
    /// </summary>
    /// <param name="remainder">The remainder so far (0 to start).</param>
    /// <param name="text">Digits and upper-case letters; letters count as 10 (A) to 35 (Z).</param>
    /// <returns>The remainder, 0–96, of the whole digit string modulo 97.</returns>
    public static int Mod97(int remainder, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            remainder = Mod97(remainder, c);
        }

        return remainder;
    }

    /// <summary>Continues a MOD 97-10 remainder by one digit or upper-case letter.</summary>
    /// <param name="remainder">The remainder so far, 0–96.</param>
    /// <param name="c">A digit, or an upper-case letter counting as 10 (A) to 35 (Z).</param>
    /// <returns>The new remainder, 0–96.</returns>
    public static int Mod97(int remainder, char c)
    {
        return char.IsAsciiDigit(c)
            ? ((remainder * 10) + (c - '0')) % 97
            : ((remainder * 100) + (c - 'A' + 10)) % 97;
    }

    /// <summary>
    /// The two MOD 97-10 check digits (02–98) for a text: the value that, put in place of <c>00</c>,
    /// makes the remainder of the whole 1.
    /// </summary>
    /// <param name="remainder">The MOD 97-10 remainder of the text with <c>00</c> appended.</param>
    /// <returns>98 minus <paramref name="remainder"/>.</returns>
    public static int CheckDigits97(int remainder) => 98 - remainder;

    /// <summary>Whether the digits pass ISO 7064 MOD 11,10: the last digit is the check digit of the others.</summary>
    /// <param name="digits">At least two decimal digits.</param>
    /// <returns><see langword="true"/> when the last digit is the MOD 11,10 check digit of the ones before.</returns>
    public static bool IsValidMod11Of10(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && ComputeMod11Of10(digits[..^1]) == digits[^1] - '0';

    /// <summary>The ISO 7064 MOD 11,10 check digit (0–9) of a string of decimal digits.</summary>
    /// <param name="digits">The decimal digits, without the check digit.</param>
    /// <returns>The check digit, 0–9.</returns>
    public static int ComputeMod11Of10(ReadOnlySpan<char> digits)
    {
        int product = 10;
        foreach (char c in digits)
        {
            int sum = (c - '0' + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = sum * 2 % 11;
        }

        return (11 - product) % 10;
    }
}
