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

    /// <summary>
    /// A rounded amount between −10,000,000 and 10,000,000 units, often small, and now and then one at the edge of
    /// <see cref="Bounds.MaxAmount"/> (the bound itself, one minor unit inside, either sign).
    /// </summary>
    public static Arbitrary<Core.Money> Money() =>
        (from currency in Gen.Elements(Currencies)
         from units in Gen.Frequency(
             (30, Gen.Choose(-10_000, 10_000).Select(i => (long)i)),
             (10, Gen.Choose(-100_000, 100_000).SelectMany(hi => Gen.Choose(0, 99_999).Select(lo => ((long)hi * 100_000) + lo))),
             (1, BoundaryMinorUnits(currency)))
         select Core.Money.FromMinorUnits(units, currency))
        .ToArbitrary();

    /// <summary>An amount anywhere in the documented bounds, with the bounds themselves, one minor unit inside and zero frequent.</summary>
    public static Gen<Core.Money> BoundedAmount() =>
        from currency in Gen.Elements(Currencies)
        from units in Gen.Frequency(
            (1, BoundaryMinorUnits(currency)),
            (1, Gen.Choose(0, int.MaxValue).SelectMany(hi => Gen.Choose(0, int.MaxValue).Select(lo => ((long)hi * lo) % (MaxMinorUnits(currency) + 1)))))
        select Core.Money.FromMinorUnits(units, currency);

    /// <summary>An amount just beyond the bounds, or far beyond (up to decimal's own range).</summary>
    public static Gen<Core.Money> AmountBeyondBounds() =>
        from currency in Gen.Elements(Currencies)
        from amount in Gen.Elements(Bounds.MaxAmount + currency.MinorUnit, Bounds.MaxAmount * 10m, 5e28m, 79_228_162_514_264_337_593_543_950_335m)
        from negative in Gen.Elements(false, true)
        select new Core.Money(negative ? -amount : amount, currency);

    private static long MaxMinorUnits(Core.Currency currency) => (long)(Bounds.MaxAmount / currency.MinorUnit);

    private static Gen<long> BoundaryMinorUnits(Core.Currency currency) =>
        Gen.Elements(MaxMinorUnits(currency), MaxMinorUnits(currency) - 1, -MaxMinorUnits(currency), -(MaxMinorUnits(currency) - 1), 1L, -1L, 0L);
}
