using System.Globalization;
using System.Text.RegularExpressions;
using Debitor.Cli.Output;

namespace Debitor.Cli.Tests;

/// <summary>Long work shows progress (issue 16, point 5): counts and elapsed time, plain lines when redirected.</summary>
public sealed class ProgressTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Fact]
    public void Redirected_LongWork_PrintsALineAtEveryTenthAndTheLast()
    {
        var error = new StringWriter();
        var progress = new ProgressReporter(error, "Schreiben", 2_005, terminal: false);
        for (var i = 0; i < 2_005; i++)
        {
            progress.Advance();
        }

        progress.Done();
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("Schreiben: 200 of 2,005 (", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Schreiben: 2,005 of 2,005 (", lines[^1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.Matches(@" \(\d+\.\d s\)$", line));
    }

    [Fact]
    public void German_CountsAndSecondsAreWrittenTheGermanWay()
    {
        var error = new StringWriter();
        var german = CultureInfo.GetCultureInfo("de-DE");
        var progress = new ProgressReporter(error, "Schreiben", 20_000, terminal: false, german, "von");
        progress.Advance(2_000);
        ProgressReporter.Stage(error, "Verarbeitet, Schreiben", 20_000, TimeSpan.FromSeconds(12.34), german);

        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Schreiben: 2\.000 von 20\.000 \(\d+,\d s\)$", lines[0]);
        Assert.Equal("Verarbeitet, Schreiben: 20.000 (12,3 s)", lines[1]);
    }

    [Fact]
    public void ShortWork_PrintsNothing()
    {
        var error = new StringWriter();
        var progress = new ProgressReporter(error, "Schreiben", ProgressReporter.Threshold - 1, terminal: false);
        for (var i = 0; i < ProgressReporter.Threshold - 1; i++)
        {
            progress.Advance();
        }

        progress.Done();
        ProgressReporter.Stage(error, "Verarbeitet", ProgressReporter.Threshold - 1, TimeSpan.FromSeconds(1));
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task DunningProcess_LongRun_ReportsItsStepsWithCountsAndTimes()
    {
        using var cli = new CliHarness();
        const int Customers = 2_100;
        var data = Path.Combine(cli.Root, "datev");
        await cli.RunOkAsync("dev", "generate-datev", data, "--customers", Customers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lines", "10", "--order", "account");
        await cli.RunOkAsync("init", "--company", "bench", "--name", "Messung GmbH", "--street", "Hafenstraße 1", "--postal-code", "20457", "--city", "Hamburg", "--iban", "DE89370400440532013000", "--as-of", "2026-04-15");
        var master = await cli.RunOkAsync("import", "datev", Path.Combine(data, "EXTF_Debitoren.csv"));
        var customers = Customers.ToString("N0", German);
        Assert.Matches($@"Import: {Regex.Escape(customers)} von {Regex.Escape(customers)} \(\d+,\d s\)", master.Error);
        await cli.RunOkAsync("import", "datev", Path.Combine(data, "EXTF_Buchungsstapel.csv"));

        var preview = await cli.RunOkAsync("dunning", "preview", "--as-of", "2026-04-15", "--format", "json");
        var run = await cli.RunOkAsync("dunning", "process", "--out", cli.Out, "--as-of", "2026-04-15", "--format", "json");

        var issued = System.Text.Json.JsonDocument.Parse(run.Output).RootElement.GetProperty("issued").GetInt32();
        Assert.True(issued >= ProgressReporter.Threshold, $"{issued} letters");
        var count = Regex.Escape(issued.ToString("N0", German));
        Assert.Matches($@"^Vorschau, Schreiben: {count} \(\d+,\d s\)\r?\n$", preview.Error);
        Assert.Matches($@"Vorschau, Schreiben: {count} \(\d+,\d s\)", run.Error);
        Assert.Matches($@"Schreiben: {count} von {count} \(\d+,\d s\)", run.Error);
        Assert.Matches($@"Verarbeitet, Schreiben: {count} \(\d+,\d s\)", run.Error);
        Assert.Matches($@"Dateien geschrieben, Schreiben: {count} \(\d+,\d s\)", run.Error);
        Assert.True(run.Error.IndexOf("Vorschau", StringComparison.Ordinal) < run.Error.IndexOf("Verarbeitet", StringComparison.Ordinal), run.Error);

        // In English the counts and seconds are written the English way.
        var english = await cli.RunOkAsync("dunning", "preview", "--as-of", "2026-04-15", "--lang", "en", "--format", "json");
        Assert.Matches($@"^Preview, letters: {Regex.Escape(issued.ToString("N0", CultureInfo.GetCultureInfo("en-GB")))} \(\d+\.\d s\)\r?\n$", english.Error);
    }
}
