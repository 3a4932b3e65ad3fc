using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests;


public sealed class MoneyProperties
{
    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Allocate_Parts_AddUpToTheAmountInWholeMinorUnits(Money amount, PositiveInt parts)
    {
        var count = (parts.Get % 40) + 1;
        var result = amount.Allocate(count);

        return result.Count == count
            && result.Aggregate(Money.Zero(amount.Currency), (sum, part) => sum + part) == amount
            && result.All(p => p.IsRounded)
            && result.Max(p => p.Amount) - result.Min(p => p.Amount) <= amount.Currency.MinorUnitValue();
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Allocate_Ratios_AddUpToTheAmountAndKeepTheSign(Money amount, NonEmptyArray<NonNegativeInt> weights)
    {
        var ratios = weights.Get.Select(w => (decimal)(w.Get % 1000)).ToArray();
        if (ratios.Sum() == 0m)
        {
            ratios[0] = 1m;
        }

        var result = amount.Allocate(ratios);

        return result.Aggregate(Money.Zero(amount.Currency), (sum, part) => sum + part) == amount
            && result.All(p => p.IsRounded)
            && result.All(p => p.Amount == 0m || Math.Sign(p.Amount) == Math.Sign(amount.Amount))
            && result.Select((p, i) => ratios[i] == 0m ? p.IsZero : true).All(ok => ok);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Allocate_NegativeAmount_MirrorsPositive(Money amount, PositiveInt parts)
    {
        var count = (parts.Get % 12) + 1;

        return (-amount).Allocate(count).Select(p => -p).SequenceEqual(amount.Allocate(count));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool AddThenSubtract_ReturnsTheOriginal(Money a, Money b)
    {
        var other = new Money(b.Amount, a.Currency);

        return (a + other) - other == a;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool CompareTo_IsConsistentWithAmounts(Money a, Money b)
    {
        var other = new Money(b.Amount, a.Currency);

        return Math.Sign(a.CompareTo(other)) == Math.Sign(a.Amount.CompareTo(other.Amount))
            && (a < other) == (a.Amount < other.Amount);
    }
}

internal static class CurrencyTestExtensions
{
    public static decimal MinorUnitValue(this Currency currency) => currency.MinorUnit;
}
