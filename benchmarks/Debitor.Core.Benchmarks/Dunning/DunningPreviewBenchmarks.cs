using BenchmarkDotNet.Attributes;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Dunning;

/// <summary>
/// The preview of a dunning run over already-built account views (issues 6 and 11: at least 5 million items per second
/// on one core, letters' interest included, goal 20 million; memory in proportion to the letters). <see cref="Items"/> is the number of open installments,
/// ten per customer; see <see cref="DunningPortfolio"/>.
/// </summary>
[MemoryDiagnoser]
public class DunningPreviewBenchmarks
{
    private CustomerAccount[] _accounts = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _accounts = DunningPortfolio.Create(Items);
        var engine = Preview();
        var naive = NaiveLinq();
        if (engine.Letters.Count != naive.Count || engine.NoticeCount != naive.Sum(l => l.Notices) || engine.Letters.Count == 0
            || !engine.Letters.Any(l => l.InterestTotal.IsPositive))
        {
            throw new InvalidOperationException($"The engine ({engine.Letters.Count} letters, {engine.NoticeCount} notices) and the naive baseline ({naive.Count}, {naive.Sum(l => l.Notices)}) disagree.");
        }
    }

    [Benchmark]
    public DunningProposal Preview() => DunningEngine.Preview(DunningPortfolio.Request, DunningPortfolio.Settings, _accounts);

    [Benchmark]
    public DunningProposal PreviewTwoCores() => DunningEngine.Run(new RunContext(DunningPortfolio.Request, DunningPortfolio.Settings, Core.Interest.InterestSchemeCatalog.Default, Core.Documents.ReceivablesContact.Default), _accounts, null, 2);

    [Benchmark(Baseline = true)]
    public List<(CustomerId Recipient, string Currency, int Level, int Notices, decimal Net)> NaiveLinq() =>
        NaiveDunning.Preview(DunningPortfolio.Request, DunningPortfolio.Settings, _accounts);
}
