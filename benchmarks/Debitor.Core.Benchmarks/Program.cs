using BenchmarkDotNet.Running;
using Debitor.Core.Benchmarks.Ledger;

namespace Debitor.Core.Benchmarks;

/// <summary>Hands the command line to BenchmarkDotNet's switcher; <c>--retained</c> reports retained memory instead, <c>--store-run-cpu</c> the CPU time of a dunning run from SQLite or memory, <c>--store-bytes</c> bytes on disk per open item per store, <c>--payment-cpu</c> the CPU time of posting one payment, <c>--cluster-run</c> a measured dunning run over an Orleans test cluster, <c>--pdf-cpu</c> the CPU time of one PDF letter, <c>--write-portfolio</c> the storage issue's portfolio as a file for the <c>debitor</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args)
    {
        if (args is ["--retained", ..])
        {
            RetainedMemory.Report();
            return;
        }

        if (args is ["--store-run-cpu", ..])
        {
            Storage.StoreRunCpuTime.ReportAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
                args.Length > 2 ? args[2] : "sqlite,sqlite-full").GetAwaiter().GetResult();
            return;
        }

        if (args is ["--payment-cpu", ..])
        {
            Storage.PaymentCpuTime.ReportAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
                args.Length > 2 ? args[2] : "sqlite-normal",
                args.Length > 3 && args[3] == "plain").GetAwaiter().GetResult();
            return;
        }

        if (args is ["--store-bytes", ..])
        {
            Storage.StoreBytes.ReportAsync(args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [10_000, 100_000]).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--write-portfolio", var path, ..])
        {
            var (customers, documents) = Dunning.PortfolioFile.Write(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
            Console.WriteLine($"{path}: {customers} customers, {documents} documents");
            return;
        }

        if (args is ["--pdf-cpu", ..])
        {
            Documents.PdfLetterBenchmarks.ReportCpu(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
            return;
        }

        if (args is ["--cluster-run", _, ..])
        {
            Environment.ExitCode = Cluster.ClusterRun.ReportAsync(args).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
