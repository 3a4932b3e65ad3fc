using Debitor.Core.Interest;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Interest;

public sealed class InterestCalculationTests
{
    private static InterestCalculation Sample() =>
        InterestCalculator.Calculate(InterestScheme.GermanStatutory(false), new Money(10_000m, Currency.EUR), 15.June(2023), 14.July(2023));

    [Fact]
    public void Equals_SameTotalAndPeriodsInOtherLists_IsTrue()
    {
        var a = Sample();
        var b = Sample();

        Assert.NotSame(a.Periods, b.Periods);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentPeriods_IsFalse()
    {
        var a = Sample();
        var b = a with { Periods = [a.Periods[0]] };

        Assert.NotEqual(a, b);
        Assert.False(a.Equals(null));
    }
}
