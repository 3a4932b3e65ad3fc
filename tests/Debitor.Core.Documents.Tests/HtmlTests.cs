using System.Text;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// Golden HTML per document kind and language: a change in wording or layout is a visible diff. Regenerate with
/// <c>DEBITOR_UPDATE_GOLDEN=1 dotnet test tests/Debitor.Core.Documents.Tests</c> and review the diff.
/// </summary>
public sealed class HtmlTests
{
    public static TheoryData<string> Cultures => new(["de-DE", "en-GB"]);

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Render_EveryKind_MatchesItsGoldenHtml(string culture)
    {
        var sample = await SampleDocuments.GetAsync();
        var update = Environment.GetEnvironmentVariable("DEBITOR_UPDATE_GOLDEN") == "1";
        var directory = Path.Combine(RepositoryRoot(), "tests", "Debitor.Core.Documents.Tests", "Golden");

        foreach (var (kind, document) in All(sample, culture, DocumentFormat.Html))
        {
            Assert.Equal("text/html; charset=utf-8", document.MediaType);
            var path = Path.Combine(directory, $"{kind}.{culture}.html");
            var html = Encoding.UTF8.GetString(document.Content.Span);
            if (update)
            {
                await File.WriteAllTextAsync(path, html);
            }

            Assert.True(File.Exists(path), $"No golden file {path}; run with DEBITOR_UPDATE_GOLDEN=1.");
            Assert.Equal(await File.ReadAllTextAsync(path), html);
        }
    }

    [Fact]
    public async Task Render_FinalDemandHtml_SaysWhatThePdfSays()
    {
        var sample = await SampleDocuments.GetAsync();
        var html = HtmlText(All(sample, "de-DE", DocumentFormat.Html)[0].Document);

        Assert.Contains("Letzte Mahnung", html, StringComparison.Ordinal);
        Assert.Contains("RE-K-10001-R1 03.08.2026 31.08.2026 33.397,99 € 0,00 € 33.397,99 € 3", html, StringComparison.Ordinal);
        Assert.Contains("(§ 288 Abs. 2 BGB)", html, StringComparison.Ordinal);
    }

    /// <summary>The clone's root, found from the test output upwards (source paths are mapped in CI builds).</summary>
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
