using System.Diagnostics;
using System.Globalization;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>
/// <c>--payment-cpu [payments] [store] [plain]</c>: posts payments in a loop exactly as <see cref="StorePaymentBenchmarks"/> does
/// (one payment to one of 4,096 accounts of 50 open invoices, round-robin, through <c>CustomerAccountService.PostAsync</c>)
/// and reports the process CPU time and the bytes allocated per payment. CPU time is the figure to read on a shared
/// machine; the loop is also what a profiler (dotnet-trace) is pointed at.
/// </summary>
/// <remarks><c>store</c> is a name of <see cref="BenchStores.WritingNames"/> (<c>sqlite-normal</c> by default); a third
/// argument <c>plain</c> hands the service the store through the public port only, so it holds no journals (D13.100)
/// and every call reads the whole journal. The first tenth of the payments warms the JIT and is not counted.</remarks>
internal static class PaymentCpuTime
{
    public static async Task ReportAsync(int payments, string store, bool plain)
    {
        var bench = new StorePaymentBenchmarks { Store = store, Plain = plain };
        bench.Setup();
        try
        {
            for (var i = 0; i < payments / 10; i++)
            {
                await bench.PostPaymentToFiftyItemAccount();
            }

            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var collections = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
            var paused = GC.GetTotalPauseDuration();
            for (var i = 0; i < payments; i++)
            {
                await bench.PostPaymentToFiftyItemAccount();
            }

            bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            paused = GC.GetTotalPauseDuration() - paused;
            collections = (GC.CollectionCount(0) - collections.Gen0, GC.CollectionCount(1) - collections.Gen1, GC.CollectionCount(2) - collections.Gen2);
            wall.Stop();
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            var held = bench.HeldViews;
            var (count, records) = (held?.Count ?? 0, held?.Records ?? 0);
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            foreach (var customer in bench.Customers)
            {
                held?.Forget(customer);
            }

            heap -= GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store}{(plain ? " (plain port)" : "")} {payments:N0} payments: {used.TotalMicroseconds / payments:F1} µs CPU per payment ({payments / used.TotalSeconds:N0} per CPU second), " +
                $"{wall.Elapsed.TotalMicroseconds / payments:F1} µs wall, {bytes / (double)payments / 1024:F1} KB allocated per payment; " +
                $"GC: {collections.Gen0:N0}/{collections.Gen1:N0}/{collections.Gen2:N0} collections of generation 0/1/2, paused {paused.TotalMicroseconds / payments:F1} µs per payment; " +
                $"{count:N0} journals held, {records:N0} records, {heap / 1024.0 / 1024.0:F1} MB of heap"));
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
