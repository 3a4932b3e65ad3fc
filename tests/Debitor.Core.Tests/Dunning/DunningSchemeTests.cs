using Debitor.Core.Dunning;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

public sealed class DunningSchemeTests
{
    [Fact]
    public void Default_HasThreeLevelsFiveTwentyForty()
    {
        var scheme = DunningScheme.Default;

        Assert.Equal("default", scheme.Id.Value);
        Assert.Equal([5, 20, 40], scheme.Levels.Select(l => l.Days));
        Assert.Equal(DunningDayComparison.Strict, scheme.Comparison);
        Assert.Equal(5, scheme.MaximumNotices);
        Assert.Equal(Eur(5m), scheme.MinimumLetterAmountIn(Currency.EUR));
        Assert.Equal(Usd(0m), scheme.MinimumLetterAmountIn(Currency.USD));
        Assert.True(scheme.Levels[2].ChargesInterest);
        Assert.Equal(Eur(2.50m), scheme.Levels[1].FeeIn(Currency.EUR)!.PerLetterAmount);
        Assert.Null(scheme.Levels[1].FeeIn(Currency.USD));
    }

    [Fact]
    public void Constructor_RefusesNoOrTooManyLevels()
    {
        Assert.ThrowsAny<ArgumentException>(() => new DunningScheme(new SchemeId("s"), []));
        Assert.ThrowsAny<ArgumentException>(() => new DunningScheme(new SchemeId("s"), Enumerable.Range(1, 21).Select(i => Level(1, i))));
        Assert.ThrowsAny<ArgumentException>(() => new DunningScheme(default, [Level(1, 1)]));
        Assert.ThrowsAny<ArgumentException>(() => new DunningScheme(new SchemeId("s"), [null!]));
    }

    [Fact]
    public void MaximumNotices_IsZeroOrAtLeastTheLevels()
    {
        Assert.ThrowsAny<ArgumentException>(() => Scheme() with { MaximumNotices = 2 });
        Assert.ThrowsAny<ArgumentException>(() => Scheme() with { MaximumNotices = -1 });
        Assert.Equal(3, (Scheme() with { MaximumNotices = 3 }).MaximumNotices);
        Assert.ThrowsAny<ArgumentException>(() => (Scheme() with { MaximumNotices = 3 }) with { Levels = [.. Scheme().Levels, Level(1, 4)] });
    }

    [Fact]
    public void Minimums_AreOnePerCurrencyAndValid()
    {
        Assert.ThrowsAny<ArgumentException>(() => Scheme() with { MinimumLetterAmounts = [Eur(1m), Eur(2m)] });
        Assert.ThrowsAny<ArgumentException>(() => Scheme() with { MinimumItemAmounts = [Eur(-1m)] });
        Assert.Equal(Usd(3m), (Scheme() with { MinimumItemAmounts = [Eur(1m), Usd(3m)] }).MinimumItemAmountIn(Currency.USD));
    }

    [Fact]
    public void Equality_ComparesContent()
    {
        Assert.Equal(Scheme(), Scheme());
        Assert.NotEqual(Scheme(), Scheme(6));
        Assert.ThrowsAny<ArgumentException>(() => Scheme() with { Comparison = (DunningDayComparison)7 });
    }

    [Fact]
    public void Level_ValidatesItsSettings()
    {
        Assert.ThrowsAny<ArgumentException>(() => new DunningLevel(-1, "h", "f"));
        Assert.ThrowsAny<ArgumentException>(() => new DunningLevel(1, " ", "f"));
        Assert.ThrowsAny<ArgumentException>(() => Level(1, 1) with { PaymentDeadlineDays = -1 });
        Assert.ThrowsAny<ArgumentException>(() => Level(1, 1) with { Fees = [DunningFee.PerLetter(Eur(1m)), DunningFee.PerItem(Eur(2m))] });
        Assert.Equal(14, Level(1, 1).PaymentDeadlineDays);
    }
}
