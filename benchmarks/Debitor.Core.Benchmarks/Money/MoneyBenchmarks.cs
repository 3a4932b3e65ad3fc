using BenchmarkDotNet.Attributes;

namespace Debitor.Core.Benchmarks;


/// <summary>Money arithmetic must not allocate; allocation must be fast enough for per-item work.</summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private Money _a;
    private Money _b;
    private Money _annual;

    [GlobalSetup]
    public void Setup()
    {
        _a = new Money(1234.56m, Currency.EUR);
        _b = new Money(789.01m, Currency.EUR);
        _annual = new Money(12_345.67m, Currency.EUR);
    }

    [Benchmark]
    public Money Add() => _a + _b;

    [Benchmark]
    public bool Compare() => _a > _b;

    [Benchmark]
    public IReadOnlyList<Money> AllocateTwelveParts() => _annual.Allocate(12);

    [Benchmark]
    public IReadOnlyList<Money> AllocateByRatios() => _annual.Allocate([1m, 2m, 3m]);
}
