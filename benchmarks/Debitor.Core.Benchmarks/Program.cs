using BenchmarkDotNet.Running;
using Debitor.Core.Benchmarks.Ledger;

namespace Debitor.Core.Benchmarks;

/// <summary>Hands the command line to BenchmarkDotNet's switcher; <c>--retained</c> reports retained memory instead.</summary>
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
