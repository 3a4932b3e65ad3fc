using Debitor.Core.Dunning;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

public sealed class DunningFeeTests
{
    private static readonly FeeTier[] Tiers =
    [
        new(Eur(0m), Eur(2m)),
        new(Eur(100m), Eur(3m), 1m),
        new(Eur(1000m), Eur(0m), 0.5m),
    ];

    [Theory]
    [InlineData(50, 2)]
    [InlineData(100, 4)]
    [InlineData(500, 8)]
    [InlineData(2000, 10)]
    public void TieredFeeFor_Single_AppliesTheTierTheAmountFallsInto(decimal amount, decimal expected)
    {
        var fee = DunningFee.Tiered(FeeTierMode.Single, Tiers);

        Assert.Equal(Eur(expected), fee.TieredFeeFor(Eur(amount)));
    }

    [Theory]
    [InlineData(50, 2)]
    [InlineData(100, 5)]
    [InlineData(500, 9)]
    [InlineData(2000, 19)]
    public void TieredFeeFor_Accumulated_AddsEveryTierReached(decimal amount, decimal expected)
    {
        // 2 + (3 + 1 % of the part from 100 to 1000) + 0.5 % of the part above 1000
        var fee = DunningFee.Tiered(FeeTierMode.Accumulated, Tiers);

        Assert.Equal(Eur(expected), fee.TieredFeeFor(Eur(amount)));
    }

    [Fact]
    public void TieredFeeFor_MinimumAndMaximum_BoundTheFee()
    {
        var fee = DunningFee.Tiered(FeeTierMode.Single, [new FeeTier(Eur(10m), Eur(0m), 1m)], minimum: Eur(2.5m), maximum: Eur(15m));

        Assert.Equal(Eur(0m), fee.TieredFeeFor(Eur(5m)));
        Assert.Equal(Eur(2.5m), fee.TieredFeeFor(Eur(100m)));
        Assert.Equal(Eur(7m), fee.TieredFeeFor(Eur(700m)));
        Assert.Equal(Eur(15m), fee.TieredFeeFor(Eur(100_000m)));
    }

    [Fact]
    public void TieredFeeFor_Percentages_RoundHalfAwayFromZero()
    {
        var fee = DunningFee.Tiered(FeeTierMode.Single, [new FeeTier(Eur(0m), Eur(0m), 1m)]);

        Assert.Equal(Eur(0.13m), fee.TieredFeeFor(Eur(12.50m)));
    }

    [Fact]
    public void TieredFeeFor_OtherCurrency_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.Tiered(FeeTierMode.Single, Tiers).TieredFeeFor(Usd(10m)));

    [Fact]
    public void PerLetterAndPerItem_Combine()
    {
        var fee = DunningFee.PerLetter(Eur(5m)).WithPerItem(Eur(1m));

        Assert.Equal((Eur(5m), Eur(1m), Currency.EUR), (fee.PerLetterAmount, fee.PerItemAmount, fee.Currency));
        Assert.Empty(fee.Tiers);
        Assert.Equal(Eur(0m), fee.TieredFeeFor(Eur(100m)));
    }

    [Fact]
    public void Factories_RefuseBadAmounts()
    {
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.PerLetter(Eur(-1m)));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.PerItem(Eur(0.001m)));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.PerItem(default));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.PerLetter(Eur(1m)).WithPerItem(Usd(1m)));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.Tiered(FeeTierMode.Single, []));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.Tiered(FeeTierMode.Single, [new FeeTier(Eur(0m), Eur(1m)), new FeeTier(Eur(0m), Eur(2m))]));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.Tiered(FeeTierMode.Single, [new FeeTier(Eur(0m), Eur(1m)), new FeeTier(Usd(5m), Usd(2m))]));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.Tiered(FeeTierMode.Single, Tiers, Eur(10m), Eur(5m)));
        Assert.ThrowsAny<ArgumentException>(() => DunningFee.Tiered((FeeTierMode)9, Tiers));
        Assert.Throws<ArgumentNullException>(() => DunningFee.Tiered(FeeTierMode.Single, null!));
    }

    [Fact]
    public void FeeTier_RefusesBadValues()
    {
        Assert.ThrowsAny<ArgumentException>(() => new FeeTier(Eur(0m), Usd(1m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeTier(Eur(0m), Eur(1m), 101m));
        Assert.ThrowsAny<ArgumentException>(() => new FeeTier(Eur(-1m), Eur(1m)));
    }
}
