using Debitor.Cli;
using Debitor.Cli.Portfolio;
using Debitor.Core.Dunning;

namespace Debitor.Core.Tests.Cli;

/// <summary>The reference host's main job, run in-process.</summary>
public sealed class DunningJobTests
{
    [Fact]
    public async Task RunAsync_WithoutArguments_PreviewsTheSampleAndPrintsLetters()
    {
        var output = new StringWriter();

        var result = await DunningJob.RunAsync(CliOptions.Parse([]), output);

        var proposal = result.Proposal!;
        Assert.True(proposal.Letters.Count >= 10, $"only {proposal.Letters.Count} letters");
        Assert.Contains(proposal.Letters, l => l.Level == 3);
        Assert.Contains(proposal.Letters, l => l.Customers.Count > 1);
        Assert.Contains(proposal.Excluded, l => l.Exclusion == DunningExclusion.Paused);
        Assert.Contains(proposal.Excluded, l => l.Exclusion == DunningExclusion.CustomerArchived);
        Assert.Contains(proposal.Excluded, l => l.Exclusion == DunningExclusion.NetOverdueNotPositive);
        Assert.Null(result.Processed);
        Assert.DoesNotContain(result.Host!.Output.Letters, l => l.RunId == proposal.Request.RunId);
        var text = output.ToString();
        Assert.Contains("PROPOSAL: ", text, StringComparison.Ordinal);
        Assert.Contains("LETZTE MAHNUNG", text, StringComparison.Ordinal);
        Assert.Contains("ZU ZAHLEN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PerLetter", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" new", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Sample_ConsumerLettersChargeTheConsumerRate()
    {
        var result = await DunningJob.RunAsync(CliOptions.Parse([]), new StringWriter());

        var lines = result.Proposal!.Letters.SelectMany(l => l.Lines).Where(l => l.Interest.IsPositive).ToList();
        var consumer = lines.Where(l => l.CustomerSettings.IsConsumer).SelectMany(l => l.InterestPeriods).ToList();
        var business = lines.Where(l => !l.CustomerSettings.IsConsumer).SelectMany(l => l.InterestPeriods).ToList();
        Assert.NotEmpty(consumer);
        Assert.All(consumer, p => Assert.Equal(Core.Interest.BaseRateTable.Germany.RateOn(p.FirstDay) + 5m, p.AnnualRatePercent));
        Assert.All(business, p => Assert.Equal(Core.Interest.BaseRateTable.Germany.RateOn(p.FirstDay) + 9m, p.AnnualRatePercent));
    }

    [Fact]
    public async Task RunAsync_IsReproducible()
    {
        var first = new StringWriter();
        var second = new StringWriter();

        await DunningJob.RunAsync(CliOptions.Parse([]), first);
        await DunningJob.RunAsync(CliOptions.Parse([]), second);

        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public async Task RunAsync_Process_IssuesEveryLetterAndHandsItToTheOutput()
    {
        var result = await DunningJob.RunAsync(CliOptions.Parse(["--process", "--letters", "0"]), new StringWriter());

        Assert.Equal(result.Proposal!.Letters.Count, result.Processed!.Issued.Count);
        Assert.Equal(result.Proposal.Letters.Select(l => l.Id), result.Host!.Output.Letters.Where(l => l.RunId == result.Proposal.Request.RunId).Select(l => l.Id));
        Assert.Empty(result.Processed.Removed);
    }

    [Fact]
    public async Task RunAsync_ExportedSample_ReadsBackToTheSameProposal()
    {
        var path = Path.Combine(Path.GetTempPath(), $"debitor-sample-{Guid.NewGuid():N}.json");
        try
        {
            await DunningJob.RunAsync(CliOptions.Parse(["--export-sample", path]), new StringWriter());

            var fromFile = await DunningJob.RunAsync(CliOptions.Parse(["--portfolio", path, "--letters", "0"]), new StringWriter());
            var embedded = await DunningJob.RunAsync(CliOptions.Parse(["--letters", "0"]), new StringWriter());

            Assert.Equal(embedded.Proposal!.Letters.Select(l => (l.Id, l.TotalDue)), fromFile.Proposal!.Letters.Select(l => (l.Id, l.TotalDue)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_DocumentedExample_Runs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cli.md"));
        var begin = docs.IndexOf("```json", StringComparison.Ordinal) + 7;
        var path = Path.Combine(Path.GetTempPath(), $"debitor-example-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, docs[begin..docs.IndexOf("```", begin, StringComparison.Ordinal)]);
        try
        {
            var output = new StringWriter();
            var result = await DunningJob.RunAsync(CliOptions.Parse(["--portfolio", path, "--explain", "K-2"]), output);

            Assert.Equal(["K-1"], result.Proposal!.Letters.Select(l => l.RecipientId.Value));
            Assert.Contains("FORWARD DUNNING CALENDAR of K-2", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_Filters_ReachTheRequest()
    {
        var result = await DunningJob.RunAsync(CliOptions.Parse(["--branch", "HAM", "--level", "1", "--automatic", "--letters", "0"]), new StringWriter());

        Assert.All(result.Proposal!.Letters.SelectMany(l => l.Lines).Where(l => l.IssuesNotice), l => Assert.Equal(1, l.Level));
        Assert.Equal(new BranchId("HAM"), result.Proposal.Request.Branch);
        Assert.Equal(DunningRunMode.Automatic, result.Proposal.Request.Mode);
    }

    [Theory]
    [InlineData("--level")]
    [InlineData("--level", "0")]
    [InlineData("--letters", "some")]
    [InlineData("--as-of", "23.11.2026")]
    [InlineData("--frobnicate")]
    public void Parse_BadArguments_Throw(params string[] args) =>
        Assert.ThrowsAny<Exception>(() => CliOptions.Parse(args));

    [Fact]
    public void Parse_Defaults()
    {
        var options = CliOptions.Parse([]);

        Assert.Equal((false, true, 5, (LocalDate?)null), (options.Process, options.PostFees, options.Letters, options.AsOf));
        Assert.Equal(int.MaxValue, CliOptions.Parse(["--letters", "all"]).Letters);
        Assert.Equal(SamplePortfolio.AsOf, new LocalDate(2026, 11, 23));
    }

    [Fact]
    public async Task RunAsync_WithPdf_WritesEveryLetterAsAPdfFile()
    {
        var directory = Directory.CreateTempSubdirectory("debitor-letters-");
        try
        {
            var output = new StringWriter();

            var result = await DunningJob.RunAsync(CliOptions.Parse(["--pdf", directory.FullName, "--letters", "0"]), output);

            var files = directory.GetFiles("*.pdf");
            Assert.Equal(result.Proposal!.Letters.Count, files.Length);
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(f.FullName)[..4]));
            Assert.Contains($"Wrote {files.Length} letters as PDF (de-DE)", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(true);
        }
    }

    [Fact]
    public void Parse_Language_TakesGermanOrEnglish()
    {
        Assert.Equal(("de-DE", "en-GB"), (CliOptions.Parse([]).Language, CliOptions.Parse(["--language", "en"]).Language));
        Assert.Throws<UsageException>(() => CliOptions.Parse(["--language", "fr"]));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Debitor.Core.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Debitor.Core.sln not found above the test output.");
    }
}
