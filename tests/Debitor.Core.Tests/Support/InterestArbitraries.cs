using System.Globalization;
using Debitor.Core.Interest;
using FsCheck;
using FsCheck.Fluent;

namespace Debitor.Core.Tests;

/// <summary>A description of an interest scheme that prints well in a counterexample.</summary>
/// <param name="Kind">"Fixed" for a fixed rate, "Germany+" for the German base rate plus a spread.</param>
/// <param name="Percent">The fixed rate or the spread, in percent.</param>
/// <param name="DayCount">The day count.</param>
/// <param name="Rounding">The rounding.</param>
public sealed record InterestSchemeSpec(string Kind, decimal Percent, DayCountConvention DayCount, InterestRounding Rounding)
{
    public InterestScheme Build() => Kind == "Fixed"
        ? InterestScheme.Fixed(Percent, DayCount, Rounding)
        : InterestScheme.BaseRatePlus(BaseRateTable.Germany, Percent, DayCount, Rounding);
}

/// <summary>A valid calculation: a scheme, a non-negative principal in whole minor units, and a range of days.</summary>
public sealed record InterestCase(InterestSchemeSpec Scheme, Money Principal, LocalDate FirstDay, LocalDate LastDay)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Scheme} {Principal.Amount} {Principal.Currency} {FirstDay:uuuu-MM-dd}..{LastDay:uuuu-MM-dd}");
}

/// <summary>A valid calculation whose range is split into <c>FirstDay..SecondFirstDay-1</c> and <c>SecondFirstDay..LastDay</c>.</summary>
public sealed record SplitInterestCase(InterestSchemeSpec Scheme, Money Principal, LocalDate FirstDay, LocalDate SecondFirstDay, LocalDate LastDay)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Scheme} {Principal.Amount} {Principal.Currency} {FirstDay:uuuu-MM-dd}..{SecondFirstDay:uuuu-MM-dd}..{LastDay:uuuu-MM-dd}");
}

/// <summary>FsCheck generators for interest calculations that produce only valid inputs.</summary>
public static class InterestArbitraries
{
    private static readonly LocalDate Earliest = new(2002, 1, 1); // first entry of BaseRateTable.Germany

    private static readonly Core.Currency[] Currencies =
        [Core.Currency.EUR, Core.Currency.CHF, Core.Currency.JPY, Core.Currency.FromCode("KWD"), Core.Currency.FromCode("CLF")];

    private static readonly DayCountConvention[] DayCounts = Enum.GetValues<DayCountConvention>();

    private static readonly InterestRounding[] Roundings = Enum.GetValues<InterestRounding>();

    public static Arbitrary<InterestSchemeSpec> SchemeSpec() => SchemeGen().ToArbitrary();

    public static Arbitrary<InterestCase> Case() =>
        (from scheme in SchemeGen()
         from principal in PrincipalGen()
         from start in Gen.Choose(0, 9_500).SelectMany(offset => NearMonthEnds(Earliest.PlusDays(offset)))
         from length in LengthGen()
         from last in NearMonthEnds(start.PlusDays(length))
         select new InterestCase(scheme, principal, start, Later(last, start)))
        .ToArbitrary();

    public static Arbitrary<SplitInterestCase> Split() =>
        (from scheme in SchemeGen()
         from principal in PrincipalGen()
         from start in Gen.Choose(0, 9_500).SelectMany(offset => NearMonthEnds(Earliest.PlusDays(offset)))
         from firstLength in LengthGen()
         from split in NearMonthEnds(start.PlusDays(firstLength + 1))
         from secondLength in LengthGen()
         let second = Later(split, start.PlusDays(1))
         from last in NearMonthEnds(second.PlusDays(secondLength))
         select new SplitInterestCase(scheme, principal, start, second, Later(last, second)))
        .ToArbitrary();

    /// <summary>
    /// The date itself, or often a nearby day that day counts treat specially: a month's first or last day,
    /// the end of February, or a year end. 30/360 and act/act differ from plain day counting exactly there.
    /// </summary>
    private static Gen<LocalDate> NearMonthEnds(LocalDate date)
    {
        var monthEnd = date.With(DateAdjusters.EndOfMonth);
        var februaryEnd = new LocalDate(date.Year, 2, 1).With(DateAdjusters.EndOfMonth);
        return Gen.Frequency(
            (4, Gen.Constant(date)),
            (1, Gen.Constant(monthEnd)),
            (1, Gen.Constant(date.With(DateAdjusters.StartOfMonth))),
            (1, Gen.Elements(februaryEnd, februaryEnd.PlusDays(-1), februaryEnd.PlusDays(1))),
            (1, Gen.Elements(new LocalDate(date.Year, 12, 31), new LocalDate(date.Year, 12, 30))));
    }

    /// <summary>The date, or <paramref name="minimum"/> when the date is earlier.</summary>
    private static LocalDate Later(LocalDate date, LocalDate minimum) => date < minimum ? minimum : date;

    /// <summary>Fixed rates from 0 to 20 %, or the German base rate plus -3 to +12 points (so some rates clamp at zero).</summary>
    private static Gen<InterestSchemeSpec> SchemeGen() =>
        from kind in Gen.Elements("Fixed", "Germany+")
        from hundredths in kind == "Fixed" ? Gen.Choose(0, 2_000) : Gen.Choose(-300, 1_200)
        from dayCount in Gen.Elements(DayCounts)
        from rounding in Gen.Elements(Roundings)
        select new InterestSchemeSpec(kind, hundredths / 100m, dayCount, rounding);

    /// <summary>A non-negative amount in whole minor units up to 10^11 minor units, often small.</summary>
    private static Gen<Money> PrincipalGen() =>
        from currency in Gen.Elements(Currencies)
        from units in Gen.Frequency(
            (3, Gen.Choose(0, 1_000_000).Select(i => (long)i)),
            (1, Gen.Choose(0, 1_000_000).SelectMany(hi => Gen.Choose(0, 99_999).Select(lo => ((long)hi * 100_000) + lo))))
        select Money.FromMinorUnits(units, currency);

    /// <summary>A number of days to add to the first day: mostly short ranges, sometimes several years.</summary>
    private static Gen<int> LengthGen() =>
        Gen.Frequency((3, Gen.Choose(0, 120)), (2, Gen.Choose(0, 800)), (1, Gen.Choose(0, 4_000)));
}
