using System.Diagnostics;

namespace Debitor.Cli.Tests;

/// <summary>
/// The README's first command on a fresh clone: <c>git clone</c> of this repository into a temporary folder, then
/// <c>dotnet run --project src/Debitor.Cli</c> with nothing but the SDK. One test, since it builds the tool from scratch.
/// </summary>
public sealed class FreshCloneTests
{
    [Fact]
    public async Task ReadmeFirstCommand_OnAFreshClone_SetsUpTheSampleDatabaseAndWritesPdfLetters()
    {
        var repository = FindRepository();
        using var cli = new CliHarness();
        var clone = Path.Combine(cli.Root, "clone");
        var home = Path.Combine(cli.Root, "home");

        var (cloned, cloneOutput) = await RunAsync("git", ["clone", "--quiet", "--no-hardlinks", repository, clone], cli.Root, home);
        Assert.True(cloned == 0, cloneOutput);
        var (exit, output) = await RunAsync("dotnet", ["run", "--project", "src/Debitor.Cli"], clone, home);

        Assert.True(exit == 0, output);
        Assert.Contains("Beispieldatenbank angelegt", output, StringComparison.Ordinal);
        Assert.Contains("VORSCHLAG:", output, StringComparison.Ordinal);
        Assert.Contains("dunning process", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(home, "demo.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(home, "documents"), "*.pdf", SearchOption.AllDirectories));
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Debitor.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository holding Debitor.Core.sln was not found above the test's folder.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string directory, string home)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DEBITOR_HOME"] = home;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
