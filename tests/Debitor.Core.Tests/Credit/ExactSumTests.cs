using Debitor.Core.Credit;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Credit;

public sealed class ExactSumTests
{
    private static Gen<decimal> Amounts() =>
        from units in Gen.Choose(int.MinValue, int.MaxValue)
        from factor in Gen.Choose(0, 100_000)
        from scale in Gen.Choose(0, 6)
        select (decimal)((long)units * factor) / Pow10(scale);

    [Property(MaxTest = 300)]
    public Property Value_EqualsTheDecimalSum() =>
        Prop.ForAll(Amounts().ArrayOf().ToArbitrary(), values =>
        {
            var sum = new ExactSum();
            foreach (var value in values)
            {
                sum.Add(value);
            }

            var halves = new ExactSum();
            var other = new ExactSum();
            for (var i = 0; i < values.Length; i++)
            {
                (i % 2 == 0 ? halves : other).Add(values[i]);
            }

            halves.Add(other);
            var expected = values.Aggregate(0m, (a, b) => a + b);
            return sum.Value == expected && halves.Value == expected;
        });

    [Fact]
    public void Value_MixedScalesAndSigns_IsExact()
    {
        var sum = new ExactSum();
        foreach (var value in new[] { 0.1m, 0.20m, -0.300m, 1234567890123456.78m, -1234567890123456.78m, 5m, -0.0001m })
        {
            sum.Add(value);
        }

        Assert.Equal(4.9999m, sum.Value);
    }

    [Fact]
    public void Value_Empty_IsZero() => Assert.Equal(0m, new ExactSum().Value);

    [Fact]
    public void Value_BeyondDecimal_Throws()
    {
        var sum = new ExactSum();
        sum.Add(decimal.MaxValue);
        sum.Add(decimal.MaxValue);

        Assert.Throws<OverflowException>(() => sum.Value);
    }

    [Property(MaxTest = 500)]
    public Property DateKey_OrdersLikeTheDate() =>
        Prop.ForAll(Gen.Choose(-2_900_000, 2_900_000).Two().ToArbitrary(), days =>
        {
            var a = new LocalDate(2000, 1, 1).PlusDays(days.Item1);
            var b = new LocalDate(2000, 1, 1).PlusDays(days.Item2);
            return Math.Sign(a.CompareTo(b)) == Math.Sign(DateKey.Of(a).CompareTo(DateKey.Of(b)));
        });

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
