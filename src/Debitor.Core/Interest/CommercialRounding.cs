namespace Debitor.Core.Interest;

/// <summary>Rounds a quotient half away from zero to a number of decimal places.</summary>
/// <remarks>
/// Interest amounts are <c>numerator / denominator</c> with an integer denominator such as 36,500. Where the
/// numerator's digits and the scaled denominator fit into 64 bits (every realistic interest amount), the quotient
/// is rounded with one integer division and its exact remainder, which is both exact and far cheaper than
/// <see cref="decimal"/> division; otherwise the quotient is divided in <see cref="decimal"/> and then rounded.
/// Both paths give the same value (the integer path may carry more trailing zeros).
/// </remarks>
internal static class CommercialRounding
{
    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL,
        1_000_000_000UL, 10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL,
        100_000_000_000_000UL, 1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL,
        1_000_000_000_000_000_000UL,
    ];

    /// <summary><c>numerator / denominator</c> rounded half away from zero to <paramref name="decimals"/> places.</summary>
    /// <param name="numerator">Any decimal.</param>
    /// <param name="denominator">Not zero.</param>
    /// <param name="decimals">0 to 28.</param>
    internal static decimal RoundQuotient(decimal numerator, decimal denominator, int decimals) =>
        TryRoundQuotientInInteger(numerator, denominator, decimals, out var result)
            ? result
            : decimal.Round(numerator / denominator, decimals, MidpointRounding.AwayFromZero);

    private static bool TryRoundQuotientInInteger(decimal numerator, decimal denominator, int decimals, out decimal result)
    {
        unchecked
        {
            result = 0m;
            Span<int> n = stackalloc int[4];
            Span<int> d = stackalloc int[4];
            decimal.GetBits(numerator, n);
            decimal.GetBits(denominator, d);

            // The denominator must be a positive integer below 2^63, the numerator's digits below 2^64.
            if (n[2] != 0 || d[2] != 0 || d[1] < 0 || d[3] != 0)
            {
                return false;
            }

            var dividend = ((ulong)(uint)n[1] << 32) | (uint)n[0];
            var divisor = ((ulong)(uint)d[1] << 32) | (uint)d[0];
            if (divisor == 0)
            {
                return false;
            }

            // numerator = ±dividend / 10^scale; the result in units of 10^-decimals is dividend × 10^decimals / (divisor × 10^scale).
            var shift = ((n[3] >> 16) & 0xFF) - decimals;
            if (shift > 0)
            {
                if (shift >= PowersOfTen.Length || divisor > ulong.MaxValue / PowersOfTen[shift])
                {
                    return false;
                }

                divisor *= PowersOfTen[shift];
            }
            else if (shift < 0)
            {
                if (-shift >= PowersOfTen.Length || dividend > ulong.MaxValue / PowersOfTen[-shift])
                {
                    return false;
                }

                dividend *= PowersOfTen[-shift];
            }

            var (quotient, remainder) = Math.DivRem(dividend, divisor);
            if (remainder >= divisor - remainder)
            {
                quotient++; // half a unit or more: away from zero
            }

            result = new decimal((int)(uint)quotient, (int)(uint)(quotient >> 32), 0, n[3] < 0 && quotient != 0, (byte)decimals);
            return true;
        }
    }
}
