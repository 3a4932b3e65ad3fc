using BenchmarkDotNet.Attributes;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Ledger;

/// <summary>Replaying a journal into the open-item view (issue 3: at least 2 million entries per second on one core).</summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private IReadOnlyList<JournalRecord> _journal = [];

    [Params(1_000, 10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _journal = SampleJournal.Create(Entries);

    [Benchmark]
    public CustomerAccount Replay() => CustomerAccount.FromJournal(_journal);

    [Benchmark(Baseline = true)]
    public IReadOnlyList<(EntryId Item, decimal Open)> NaiveLinqReplay() => NaiveReplay.OpenAmounts(_journal);
}
