using System.Globalization;
using BenchmarkDotNet.Attributes;
using Debitor.Core.Benchmarks.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>
/// The batch ports of issue 13: one <see cref="ICustomerAccountStore.AppendManyAsync"/> of 1,000 accounts × 3 payments
/// (reported per record), and streaming a company's journals with <see cref="ICustomerAccountStore.LoadCompanyAsync"/>
/// (reported per account, 10 open items each).
/// </summary>
[MemoryDiagnoser]
public class StoreBatchBenchmarks
{
    private const int Accounts = 1_000;
    private const int RecordsPerAccount = 3;

    private ICustomerAccountStore _store = null!;
    private Action _cleanup = null!;
    private CustomerId[] _batchAccounts = null!;
    private long[] _versions = null!;
    private int _round;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> Stores() => BenchStores.WritingNames();

    [GlobalSetup(Target = nameof(AppendManyRecords))]
    public void SetupAppend()
    {
        (_store, _, _cleanup) = BenchStores.CreateAsync(Store).GetAwaiter().GetResult();
        var accounts = DunningPortfolio.Create(Accounts * DunningPortfolio.InstallmentsPerCustomer);
        BenchStores.SeedAsync(_store, accounts).GetAwaiter().GetResult();
        _batchAccounts = [.. accounts.Select(a => a.Id)];
        _versions = [.. accounts.Select(a => a.Version)];
    }

    [GlobalSetup(Target = nameof(LoadCompanyAccounts))]
    public void SetupLoad()
    {
        (_store, _, _cleanup) = BenchStores.CreateAsync(Store).GetAwaiter().GetResult();
        BenchStores.SeedAsync(_store, DunningPortfolio.Create(10_000)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _cleanup();

    /// <summary>One batch: 3 payments to each of 1,000 accounts, one transaction; per record.</summary>
    [Benchmark(OperationsPerInvoke = Accounts * RecordsPerAccount)]
    public async Task<int> AppendManyRecords()
    {
        var round = _round++;
        var at = NodaTime.SystemClock.Instance.GetCurrentInstant();
        var batch = new JournalAppend[_batchAccounts.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var expected = _versions[i];
            var records = new JournalRecord[RecordsPerAccount];
            for (var r = 0; r < RecordsPerAccount; r++)
            {
                records[r] = new JournalRecord(expected + r + 1, at, new UserId("bench"), new PaymentReceived(
                    new EntryId(string.Create(CultureInfo.InvariantCulture, $"b{round}-{r}")), new Money(1m, Currency.EUR), DunningPortfolio.AsOf));
            }

            batch[i] = new JournalAppend(_batchAccounts[i], expected, records);
            _versions[i] = expected + RecordsPerAccount;
        }

        var conflicts = await _store.AppendManyAsync(batch, CancellationToken.None);
        return conflicts.Count == 0 ? batch.Length : throw new InvalidOperationException("A benchmark batch conflicted.");
    }

    /// <summary>Streams the company's 1,000 journals (10,000 open items); per account.</summary>
    [Benchmark(OperationsPerInvoke = 1_000)]
    public async Task<long> LoadCompanyAccounts()
    {
        long records = 0;
        await foreach (var journal in _store.LoadCompanyAsync(DunningPortfolio.Company, CancellationToken.None))
        {
            records += journal.Records.Count;
        }

        return records;
    }
}
