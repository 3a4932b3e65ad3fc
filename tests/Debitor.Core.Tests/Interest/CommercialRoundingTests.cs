using Debitor.Core.Interest;
using FsCheck;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Interest;

public sealed class CommercialRoundingTests
{
    [Theory]
    [InlineData("182.5", "36500", 2, "0.01")] // exactly 0.005
    [InlineData("182.4", "36500", 2, "0.00")]
    [InlineData("-182.5", "36500", 2, "-0.01")]
    [InlineData("1699200", "36500", 2, "46.55")]
    [InlineData("12600000", "36000", 2, "350")]
    [InlineData("1280000", "36500", 0, "35")] // 35.07 yen
    [InlineData("1", "3", 4, "0.3333")]
    [InlineData("2", "3", 3, "0.667")]
    [InlineData("0", "36500", 2, "0")]
    public void RoundQuotient_Examples_RoundHalfAwayFromZero(string numerator, string denominator, int decimals, string expected)
    {
        var result = CommercialRounding.RoundQuotient(Parse(numerator), Parse(denominator), decimals);

        Assert.Equal(Parse(expected), result);
    }

    [Fact]
    public void RoundQuotient_BeyondSixtyFourBits_FallsBackToDecimalDivision()
    {
        var numerator = 79_000_000_000_000_000_000_000_000m; // needs the high 32 bits

        Assert.Equal(decimal.Round(numerator / 36_500m, 2, MidpointRounding.AwayFromZero), CommercialRounding.RoundQuotient(numerator, 36_500m, 2));
        Assert.Equal(0.33m, CommercialRounding.RoundQuotient(1m, 3.0m, 2)); // a denominator with a scale
    }

    [Property]
    public bool RoundQuotient_RealisticAmounts_EqualsRoundingTheDecimalQuotient(
        NonNegativeInt digits, byte scale, PositiveInt anyDenominator, byte pick, bool negative)
    {
        var divisor = Denominator(anyDenominator, pick);
        var numerator = new decimal(digits.Get * 7_919L * 104_729L) / PowerOfTen(scale % 9);
        numerator = negative ? -numerator : numerator;

        return Enumerable.Range(0, 5).All(decimals =>
            CommercialRounding.RoundQuotient(numerator, divisor, decimals)
            == decimal.Round(numerator / divisor, decimals, MidpointRounding.AwayFromZero));
    }

    [Property]
    public bool RoundQuotient_ExactMidpoint_RoundsAwayFromZero(NonNegativeInt units, PositiveInt anyDenominator, byte pick, bool negative)
    {
        var divisor = Denominator(anyDenominator, pick);
        var decimals = pick % 5;
        var sign = negative ? -1m : 1m;
        var numerator = sign * (units.Get + 0.5m) / PowerOfTen(decimals) * divisor;

        return CommercialRounding.RoundQuotient(numerator, divisor, decimals) == sign * (units.Get + 1m) / PowerOfTen(decimals);
    }

    private static decimal Denominator(PositiveInt any, byte pick) => (pick % 4) switch
    {
        0 => 36_500m,
        1 => 36_000m,
        2 => 13_359_000m,
        _ => any.Get,
    };

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static decimal PowerOfTen(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
