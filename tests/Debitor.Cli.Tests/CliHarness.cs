using System.Text;
using Debitor.Cli.Commands;
using Debitor.Core;
using Debitor.Core.Ledger;
using Debitor.Core.Sqlite;
using Microsoft.Data.Sqlite;

namespace Debitor.Cli.Tests;

/// <summary>Runs <c>debitor</c> in-process against a database and an output folder in a temporary directory.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "debitor-cli-" + Guid.NewGuid().ToString("N"));

    public string Db => Path.Combine(Root, "test.db");

    public string Out => Path.Combine(Root, "out");

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs a command line; <c>--db</c> is added unless given.</summary>
    public async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var line = args.Contains("--db") ? args : [.. args, "--db", Db];
        var code = await CliApp.RunAsync(line, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    public async Task<Result> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}{result.Output}");
        return result;
    }

    public string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    /// <summary>The stored journal of a customer, read back through the SQLite store.</summary>
    public async Task<IReadOnlyList<JournalRecord>> JournalAsync(string customer)
    {
        var store = new SqliteCustomerAccountStore($"Data Source={Db}");
        return await store.LoadAsync(new CustomerId(customer), CancellationToken.None);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temporary folder is cleaned by the system.
        }
    }
}
