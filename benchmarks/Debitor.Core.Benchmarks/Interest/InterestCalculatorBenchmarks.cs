using BenchmarkDotNet.Attributes;
using Debitor.Core.Interest;

namespace Debitor.Core.Benchmarks.Interest;

/// <summary>
/// German statutory interest between businesses on 10,000 EUR from 15 June 2023 to 14 January 2024: 214 days,
/// crossing the base rate changes of 1 July 2023 and 1 January 2024 (three periods).
/// </summary>
[MemoryDiagnoser]
public class InterestCalculatorBenchmarks
{
    private InterestScheme _scheme = null!;
    private Money _principal;
    private LocalDate _firstDay;
    private LocalDate _lastDay;

    [GlobalSetup]
    public void Setup()
    {
        _scheme = InterestScheme.GermanStatutory(consumerInvolved: false);
        _principal = new Money(10_000.00m, Currency.EUR);
        _firstDay = new LocalDate(2023, 6, 15);
        _lastDay = new LocalDate(2024, 1, 14);
    }

    [Benchmark]
    public InterestCalculation Calculate() => InterestCalculator.Calculate(_scheme, _principal, _firstDay, _lastDay);

    [Benchmark(Baseline = true)]
    public Money NaiveDayByDay() => DayByDay(_principal, _firstDay, _lastDay);

    /// <summary>The textbook loop: look up the rate of every single day and add one day's interest.</summary>
    private static Money DayByDay(Money principal, LocalDate firstDay, LocalDate lastDay)
    {
        var sum = 0m;
        for (var day = firstDay; day <= lastDay; day = day.PlusDays(1))
        {
            sum += principal.Amount * (BaseRateTable.Germany.RateOn(day) + 9m) / 36_500m;
        }

        return new Money(sum, principal.Currency).Round(MidpointRounding.AwayFromZero);
    }
}
