using Debitor.Core.Ledger;
using UglyToad.PdfPig;

namespace Debitor.Cli.Tests;

/// <summary>The demo (the README's first command) and dunning runs that persist, on the sample database.</summary>
public sealed class DemoAndDunningTests
{
    [Fact]
    public async Task Demo_FirstRun_CreatesTheSampleDatabasePrintsTheProposalAndWritesPdfLetters()
    {
        using var cli = new CliHarness();

        var first = await cli.RunOkAsync("demo", "--out", cli.Out);
        var second = await cli.RunOkAsync("--out", cli.Out + "-en", "--lang", "en");

        Assert.Contains("Beispieldatenbank angelegt", first.Output, StringComparison.Ordinal);
        Assert.Contains("VORSCHLAG:", first.Output, StringComparison.Ordinal);
        Assert.Contains("Zahlungserinnerung", first.Output, StringComparison.Ordinal);
        Assert.Contains("dunning process", first.Output, StringComparison.Ordinal);
        Assert.Contains(cli.Out, first.Output, StringComparison.Ordinal);
        var pdfs = Directory.GetFiles(cli.Out, "*.pdf");
        Assert.NotEmpty(pdfs);
        using (var pdf = PdfDocument.Open(pdfs[0]))
        {
            Assert.Contains("Sonnenschein Reisen", string.Concat(pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        Assert.Contains("Sample database:", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("created", second.Output, StringComparison.Ordinal);
        Assert.Contains("PROPOSAL:", second.Output, StringComparison.Ordinal);
        Assert.Equal(pdfs.Length, Directory.GetFiles(cli.Out + "-en", "*.pdf").Length);
    }

    [Fact]
    public async Task DunningProcess_SameDayTwice_IssuesNothingTwice()
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("demo", "--out", cli.Out);

        var first = await cli.RunOkAsync("dunning", "process", "--out", cli.Out + "-1", "--format", "json");
        var journal = await cli.JournalAsync("K-10001");
        var second = await cli.RunOkAsync("dunning", "process", "--out", cli.Out + "-2", "--format", "json");

        Assert.Matches("\"issued\": [1-9]", first.Output);
        Assert.Contains("\"issued\": 0", second.Output, StringComparison.Ordinal);
        Assert.Equal(journal.Count, (await cli.JournalAsync("K-10001")).Count);
        Assert.False(Directory.Exists(cli.Out + "-2"));
        var notices = (await cli.JournalAsync("K-10008")).Select(r => r.Entry).OfType<DunningNoticeIssued>().Where(n => n.LetterId.StartsWith("run-2026-11-23", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(notices);
        Assert.Equal(notices.Count, notices.Select(n => n.LetterId).Distinct().Count());
    }

    [Fact]
    public async Task DunningProcess_LaterAsOf_ContinuesFromTheStoredStateAndCancelReversesTheRun()
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("demo", "--out", cli.Out);
        var before = await cli.RunOkAsync("dunning", "preview", "--as-of", "2026-11-30", "--format", "json");
        await cli.RunOkAsync("dunning", "process", "--out", cli.Out + "-1");

        var later = await cli.RunOkAsync("dunning", "preview", "--as-of", "2026-11-30", "--format", "json");
        Assert.NotEqual(before.Output, later.Output);

        var cancelled = await cli.RunOkAsync("dunning", "cancel", "run-2026-11-23");
        Assert.Contains("run-2026-11-23", cancelled.Output, StringComparison.Ordinal);
        var afterCancel = await cli.RunOkAsync("dunning", "preview", "--as-of", "2026-11-30", "--format", "json");
        Assert.Equal(Letters(before.Output), Letters(afterCancel.Output));

        var unknown = await cli.RunAsync("dunning", "cancel", "run-1999-01-01");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("run-2026-11-23 (cancelled)", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DunningExplainAndPreviewFilters_WorkAndRefuseLevelsBeyondTheScheme()
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("demo", "--out", cli.Out);

        var explain = await cli.RunOkAsync("dunning", "explain", "K-10001", "--lang", "en");
        var branch = await cli.RunOkAsync("dunning", "preview", "--branch", "HAM", "--level", "1");
        var level = await cli.RunAsync("dunning", "preview", "--level", "4");
        var badBranch = await cli.RunAsync("dunning", "preview", "--branch", "XYZ");
        var unknown = await cli.RunAsync("dunning", "explain", "K-nobody");

        Assert.Contains("FORWARD DUNNING CALENDAR of K-10001", explain.Output, StringComparison.Ordinal);
        Assert.Contains("VORSCHLAG", branch.Output, StringComparison.Ordinal);
        Assert.Equal(1, level.ExitCode);
        Assert.Contains("--level: 4", level.Error, StringComparison.Ordinal);
        Assert.Equal(1, badBranch.ExitCode);
        Assert.Contains("XYZ", badBranch.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("K-nobody", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DunningProcess_LettersCannotBeWritten_FailsUnrecordedAndTheNextInvocationWritesEveryLetter()
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("demo", "--out", cli.Out);
        var blocked = cli.Write("blocked", "a file where the letters' folder would be");

        var failed = await cli.RunAsync("dunning", "process", "--out", Path.Combine(blocked, "letters"), "--format", "json");
        var retry = await cli.RunOkAsync("dunning", "process", "--out", cli.Out + "-retry", "--format", "json");

        Assert.Equal(1, failed.ExitCode);
        var issued = Letters(retry.Output);
        Assert.True(issued > 0, retry.Output);
        Assert.Contains($"\"issued\": {issued}", retry.Output, StringComparison.Ordinal);
        Assert.Equal(issued, Directory.GetFiles(cli.Out + "-retry", "*.pdf").Length);
        var cancelled = await cli.RunOkAsync("dunning", "cancel", "run-2026-11-23");
        Assert.Contains("run-2026-11-23", cancelled.Output, StringComparison.Ordinal);
    }

    private static int Letters(string json) => System.Text.RegularExpressions.Regex.Matches(json, "\"recipient\"").Count;
}
