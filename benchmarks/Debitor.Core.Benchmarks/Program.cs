using BenchmarkDotNet.Running;

namespace Debitor.Core.Benchmarks;

/// <summary>Hands the command line to BenchmarkDotNet's switcher.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
