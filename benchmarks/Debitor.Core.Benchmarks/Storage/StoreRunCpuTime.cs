using System.Diagnostics;
using System.Globalization;
using Debitor.Core.Application;
using Debitor.Core.Benchmarks.Dunning;
using Debitor.Core.Ports;
using Debitor.Core.Sqlite;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>
/// <c>--store-run-cpu [items] [stores]</c>: one end-to-end dunning run from a store (list, load, replay, preview, then
/// process), each phase reported in wall-clock and process CPU time. CPU time is the figure to read on a shared machine,
/// where the wall-clock time of <see cref="StoreDunningRunBenchmarks"/> mostly measures the other workloads.
/// </summary>
/// <remarks>
/// <c>stores</c> is a comma-separated list of <c>sqlite</c> (synchronous=NORMAL), <c>sqlite-full</c> (synchronous=FULL)
/// <c>memory</c> (<see cref="InMemoryCustomerAccountStore"/>) and <c>postgres</c> (a fresh schema on the server
/// <c>DEBITOR_POSTGRES</c> names); default <c>sqlite,sqlite-full</c>. Each store is seeded
/// twice: the first run warms the JIT, the second is reported as "warm". A full collection is forced before each round's
/// preview, none between its preview and its processing (D13.190).
/// </remarks>
internal static class StoreRunCpuTime
{
    public static async Task ReportAsync(int openItems, string stores = "sqlite,sqlite-full")
    {
        foreach (var name in stores.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var rounds = int.TryParse(Environment.GetEnvironmentVariable("DEBITOR_BENCH_ROUNDS"), CultureInfo.InvariantCulture, out var n) && n > 2
                ? ["first", .. Enumerable.Range(2, n - 1).Select(r => "warm" + r.ToString(CultureInfo.InvariantCulture))]
                : new[] { "first", "warm" };
            foreach (var round in rounds)
            {
                var folder = Directory.CreateTempSubdirectory("debitor-cpu-").FullName;
                Action? cleanup = null;
                try
                {
                    ICustomerAccountStore store;
                    if (name == "memory")
                    {
                        store = new InMemoryCustomerAccountStore();
                    }
                    else if (name == "postgres")
                    {
                        (store, _, cleanup) = await BenchStores.CreateAsync("postgres");
                    }
                    else
                    {
                        var sqlite = new SqliteCustomerAccountStore($"Data Source={Path.Combine(folder, "debitor.db")}") { DurableAgainstPowerLoss = name == "sqlite-full" };
                        await sqlite.EnsureSchemaAsync(CancellationToken.None);
                        store = sqlite;
                    }

                    await BenchStores.SeedAsync(store, DunningPortfolio.Create(openItems));
                    var settings = new InMemoryDunningSettingsProvider();
                    settings.Set(DunningPortfolio.Company, DunningPortfolio.Settings);
                    var service = new DunningService(store, new RoleBasedAuthorization(), settings, new InterestSchemeRegistry(), new InMemoryDunningLetterOutput(), DunningPortfolio.Clock, new DebitorCoreOptions());
                    var actor = new Actor(new UserId("bench"), Roles.Accountant);

                    var serverStart = name == "postgres" ? ServerCpu.Read() : null;
                    // A request of its own per round, as a host makes one per run: the service keeps a preview's views as long as
                    // its request lives (D13.21), and a shared static request kept the last round's views alive into this one.
                    var request = DunningPortfolio.Request with { };
                    var (proposal, preview) = await MeasureAsync(() => service.PreviewAsync(actor, request));
                    var serverPreview = name == "postgres" ? ServerCpu.Read() : null;
                    var ioBefore = WrittenByProcess();
                    // No collection forced between the two phases (D13.190): a host processes right after its preview, with the
                    // proposal's views alive, so a collection the preview's garbage calls for falls into the processing, as it
                    // does in a host. DEBITOR_BENCH_COLLECT_BETWEEN=1 forces one there, as sessions 1–8 measured.
                    var (result, process) = await MeasureAsync(() => service.ProcessAsync(actor, proposal), collectFirst: Environment.GetEnvironmentVariable("DEBITOR_BENCH_COLLECT_BETWEEN") is not null);
                    var ioAfter = WrittenByProcess();
                    var serverEnd = name == "postgres" ? ServerCpu.Read() : null;
                    var appended = result.Issued.Sum(l => l.Customers.Count);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-11} {round,-5} {openItems,9:N0} items: preview {preview.Wall.TotalMilliseconds,8:F0} ms wall {preview.Cpu.TotalMilliseconds,8:F0} ms CPU; " +
                        $"process {result.Issued.Count:N0} letters ({appended:N0} account appends) {process.Wall.TotalMilliseconds,8:F0} ms wall {process.Cpu.TotalMilliseconds,8:F0} ms CPU; " +
                        $"end to end {openItems / (preview.Cpu + process.Cpu).TotalSeconds,10:N0} items/s of CPU, {openItems / (preview.Wall + process.Wall).TotalSeconds,10:N0} items/s wall"));
                    if (name != "memory" && name != "postgres" && Environment.GetEnvironmentVariable("DEBITOR_BENCH_CHECKPOINT") is not null)
                    {
                        // Opt-in (issue-13-write): what the run left in the WAL, copied to the database once, so that a setting
                        // that defers checkpoints shows the work it defers.
                        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "debitor.db")}");
                        await connection.OpenAsync();
                        await using var command = connection.CreateCommand();
                        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                        var (frames, checkpoint) = await MeasureAsync(async () =>
                        {
                            await using var reader = await command.ExecuteReaderAsync();
                            return await reader.ReadAsync() ? reader.GetInt64(1) : -1;
                        });
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{"",-11} {"",-5} the processing wrote {(ioAfter.Bytes - ioBefore.Bytes) >> 10:N0} KB in {ioAfter.Calls - ioBefore.Calls:N0} write calls, read {(ioAfter.ReadBytes - ioBefore.ReadBytes) >> 10:N0} KB in {ioAfter.ReadCalls - ioBefore.ReadCalls:N0} read calls"));
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{"",-11} {"",-5} checkpoint of {frames:N0} WAL frames after the run {checkpoint.Wall.TotalMilliseconds,8:F0} ms wall {checkpoint.Cpu.TotalMilliseconds,8:F0} ms CPU; " +
                            $"process + checkpoint {(process.Cpu + checkpoint.Cpu).TotalMilliseconds,8:F0} ms CPU"));
                    }

                    if (serverStart is { } s0 && serverPreview is { } s1 && serverEnd is { } s2)
                    {
                        var server = s2 - s0;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{"",-11} {"",-5} server CPU: preview {(s1 - s0).TotalMilliseconds,8:F0} ms, process {(s2 - s1).TotalMilliseconds,8:F0} ms; " +
                            $"client + server {openItems / (preview.Cpu + process.Cpu + server).TotalSeconds,10:N0} items/s of CPU"));
                    }
                }
                finally
                {
                    cleanup?.Invoke();
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    if (Environment.GetEnvironmentVariable("DEBITOR_BENCH_KEEP") is null)
                    {
                        Directory.Delete(folder, true);
                    }
                }
            }
        }
    }

    /// <summary>The process's write and read calls and bytes so far (Linux <c>/proc/self/io</c>; zeros elsewhere), for DEBITOR_BENCH_CHECKPOINT.</summary>
    private static (long Bytes, long Calls, long ReadBytes, long ReadCalls) WrittenByProcess()
    {
        if (Environment.GetEnvironmentVariable("DEBITOR_BENCH_CHECKPOINT") is null || !File.Exists("/proc/self/io"))
        {
            return default;
        }

        var values = File.ReadAllLines("/proc/self/io").Select(l => l.Split(':')).ToDictionary(p => p[0], p => long.Parse(p[1].Trim(), CultureInfo.InvariantCulture));
        return (values["wchar"], values["syscw"], values["rchar"], values["syscr"]);
    }

    private static async Task<(T Result, (TimeSpan Wall, TimeSpan Cpu) Time)> MeasureAsync<T>(Func<Task<T>> run, bool collectFirst = true)
    {
        if (collectFirst)
        {
            GC.Collect();
        }

        if (Environment.GetEnvironmentVariable("DEBITOR_BENCH_MARKS") is not null)
        {
            Console.WriteLine($"mark start {Stopwatch.GetTimestamp()} jitted {System.Runtime.JitInfo.GetCompiledMethodCount()} in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() >> 20} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {GC.GetTotalMemory(false) >> 20} MB, pool work items {ThreadPool.CompletedWorkItemCount}");
        }

        var process = Process.GetCurrentProcess();
        var pauses = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await run();
        wall.Stop();
        if (Environment.GetEnvironmentVariable("DEBITOR_BENCH_MARKS") is not null)
        {
            Console.WriteLine($"mark end {Stopwatch.GetTimestamp()} jitted {System.Runtime.JitInfo.GetCompiledMethodCount()} in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() >> 20} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {GC.GetTotalMemory(false) >> 20} MB, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, pool work items {ThreadPool.CompletedWorkItemCount}");
            var last = GC.GetGCMemoryInfo(GCKind.Any);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mark phase GCs {GC.CollectionCount(0) - pauses.Item2}/{GC.CollectionCount(1) - pauses.Item3}/{GC.CollectionCount(2) - pauses.Item4} (gen 0/1/2), pause {(GC.GetTotalPauseDuration() - pauses.Item1).TotalMilliseconds:F0} ms; last GC gen {last.Generation}, promoted {last.PromotedBytes >> 20} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB"));
        }

        process.Refresh();
        return (result, (wall.Elapsed, process.TotalProcessorTime - cpu));
    }
}
