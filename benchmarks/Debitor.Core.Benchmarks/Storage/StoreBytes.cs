using System.Diagnostics;
using System.Globalization;
using Debitor.Core.Benchmarks.Dunning;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>
/// <c>--store-bytes [items…]</c>: bytes on disk per open item for each store (SQLite after a WAL checkpoint, <see cref="BenchStores"/>; PostgreSQL the
/// tables with their indexes and TOAST), seeded with the dunning portfolio (10 open items per customer) in batches of
/// 1,000 accounts; with the seeding's records per second and one <c>LoadCompanyAsync</c> pass over the company.
/// </summary>
internal static class StoreBytes
{
    public static async Task ReportAsync(IReadOnlyList<int> sizes)
    {
        foreach (var name in BenchStores.Names())
        {
            foreach (var items in sizes)
            {
                var (store, bytes, cleanup) = await BenchStores.CreateAsync(name);
                try
                {
                    var accounts = DunningPortfolio.Create(items);
                    var records = accounts.Sum(a => a.Journal.Count);
                    var seed = Stopwatch.StartNew();
                    await BenchStores.SeedAsync(store, accounts);
                    seed.Stop();
                    var size = await bytes();
                    var load = Stopwatch.StartNew();
                    var loaded = 0;
                    await foreach (var journal in store.LoadCompanyAsync(DunningPortfolio.Company, CancellationToken.None))
                    {
                        loaded += journal.Records.Count;
                    }

                    load.Stop();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-8} {items,9:N0} items ({accounts.Length:N0} accounts, {records:N0} records): {size,14:N0} bytes, {size / (double)items,7:F0} bytes per open item; " +
                        $"seeded {records / seed.Elapsed.TotalSeconds,9:N0} records/s (AppendManyAsync, 1,000 accounts a batch); " +
                        $"LoadCompanyAsync {accounts.Length / load.Elapsed.TotalSeconds,9:N0} accounts/s ({loaded:N0} records)"));
                }
                finally
                {
                    cleanup();
                }
            }
        }
    }
}
