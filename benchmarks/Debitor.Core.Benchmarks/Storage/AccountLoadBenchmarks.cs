using BenchmarkDotNet.Attributes;
using Debitor.Core.Application;
using Debitor.Core.Benchmarks.Ledger;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>
/// Load time of one account against its journal length, with and without a snapshot (issue 13, D13.30–D13.33).
/// <c>FullLoad</c> loads the whole journal and replays it; <c>SnapshotPlusTail</c> holds the view at version
/// <c>JournalLength − Tail</c> and brings it up to date with the <c>Tail</c> newer records
/// (<see cref="AccountViewCache.CatchUpAsync"/>: <c>LoadAfterAsync</c>, then one replay of the held records plus the tail);
/// (at least the registration is held, so at 10 records a tail of 10 is 9 records);
/// <c>ReplayOnly</c> is the replay of the whole journal from records already in memory, the floor of both.
/// </summary>
/// <remarks>
/// From SQLite the snapshot saves the reading and JSON parsing of the older records only where the store overrides
/// <c>LoadAfterAsync</c>; with the port's default implementation it loads the whole journal anyway.
/// </remarks>
[MemoryDiagnoser]
public class AccountLoadBenchmarks
{
    private readonly CustomerId _customer = new("C1");
    private ICustomerAccountStore _store = null!;
    private Action _cleanup = () => { };
    private CustomerAccount _snapshot = null!;
    private IReadOnlyList<JournalRecord> _journal = [];

    [Params(10, 100, 1000)]
    public int JournalLength { get; set; }

    [Params(1, 10)]
    public int Tail { get; set; }

    [Params("memory", "sqlite")]
    public string Store { get; set; } = "memory";

    [GlobalSetup]
    public void Setup()
    {
        _journal = SampleJournal.Create(JournalLength);
        if (Store == "memory")
        {
            _store = new InMemoryCustomerAccountStore();
        }
        else
        {
            (_store, _, _cleanup) = BenchStores.CreateAsync("sqlite-normal").GetAwaiter().GetResult();
        }

        _store.AppendAsync(_customer, 0, _journal, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        // The snapshot holds at least the registration: at 10 records with a tail of 10 it holds 1 and the tail is 9.
        _snapshot = CustomerAccount.FromJournal(_journal.Take(Math.Max(1, JournalLength - Tail)).ToArray());
    }

    [GlobalCleanup]
    public void Cleanup() => _cleanup();

    [Benchmark(Baseline = true)]
    public async Task<long> FullLoad() => CustomerAccount.FromJournal(await _store.LoadAsync(_customer, CancellationToken.None)).Version;

    [Benchmark]
    public async Task<long> SnapshotPlusTail() => (await AccountViewCache.CatchUpAsync(_store, _customer, _snapshot, CancellationToken.None)).Version;

    [Benchmark]
    public long ReplayOnly() => CustomerAccount.FromJournal(_journal).Version;
}
