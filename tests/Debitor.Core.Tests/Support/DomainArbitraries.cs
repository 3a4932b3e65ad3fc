using FsCheck;
using FsCheck.Fluent;

namespace Debitor.Core.Tests;


/// <summary>FsCheck generators that produce only valid domain values.</summary>
public static class DomainArbitraries
{
    private static readonly Core.Currency[] Currencies =
        [Core.Currency.EUR, Core.Currency.CHF, Core.Currency.USD, Core.Currency.GBP, Core.Currency.JPY, Core.Currency.FromCode("KWD"), Core.Currency.FromCode("CLF")];

    /// <summary>A currency among a representative set of minor units (0, 2, 3, 4).</summary>
    public static Arbitrary<Core.Currency> Currency() => Gen.Elements(Currencies).ToArbitrary();

    /// <summary>A rounded amount between −10,000,000 and 10,000,000 units, often small.</summary>
    public static Arbitrary<Core.Money> Money() =>
        (from currency in Gen.Elements(Currencies)
         from units in Gen.Frequency(
             (3, Gen.Choose(-10_000, 10_000).Select(i => (long)i)),
             (1, Gen.Choose(-100_000, 100_000).SelectMany(hi => Gen.Choose(0, 99_999).Select(lo => ((long)hi * 100_000) + lo))))
         select Core.Money.FromMinorUnits(units, currency))
        .ToArbitrary();
}
