using System.Security.Cryptography;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// Every sample document's PDF, byte for byte: the SHA-256 of each file in German and English as the renderer wrote it
/// before the writer threads' speed-ups of issue 16 (D16.240). A change to the layout, the fonts, the streams or the file
/// structure shows here; a deliberate one is regenerated with <c>DEBITOR_UPDATE_GOLDEN=1 dotnet test
/// tests/Debitor.Core.Documents.Tests</c> and written down in <c>docs/decisions.md</c>.
/// </summary>
public sealed class PdfGoldenTests
{
    [Fact]
    public async Task Render_EveryKindInBothLanguages_GivesTheGoldenBytes()
    {
        var sample = await SampleDocuments.GetAsync();
        var actual = new List<string>();
        foreach (var culture in new[] { "de-DE", "en-GB" })
        {
            foreach (var (kind, document) in All(sample, culture, DocumentFormat.Pdf))
            {
                actual.Add($"{kind}.{culture}.pdf {Convert.ToHexStringLower(SHA256.HashData(document.Content.Span))} {document.Content.Length}");
            }
        }

        var path = Path.Combine(RepositoryRoot(), "tests", "Debitor.Core.Documents.Tests", "Golden", "pdf-sha256.txt");
        if (Environment.GetEnvironmentVariable("DEBITOR_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllLinesAsync(path, actual);
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run with DEBITOR_UPDATE_GOLDEN=1.");
        Assert.Equal(await File.ReadAllLinesAsync(path), actual);
    }

    [Fact]
    public async Task Render_SameDocumentOnManyThreads_GivesTheGoldenBytesOnEach()
    {
        var sample = await SampleDocuments.GetAsync();
        var expected = All(sample, "de-DE", DocumentFormat.Pdf).Select(d => d.Document.Content.ToArray()).ToList();
        var renderer = Renderer();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 5).SelectMany(_ => All(sample, "de-DE", DocumentFormat.Pdf, renderer).Select(d => d.Document.Content.ToArray())).ToList())));
        foreach (var result in results)
        {
            for (var i = 0; i < result.Count; i++)
            {
                Assert.Equal(expected[i % expected.Count], result[i]);
            }
        }
    }

    [Fact]
    public async Task WritePdf_EachSampleLetter_HandsOverTheFileNameAndBytesOfRender()
    {
        var sample = await SampleDocuments.GetAsync();
        var renderer = Renderer();
        foreach (var (letter, customer) in new[] { (sample.FinalDemand, SampleDocuments.Nordlicht), (sample.Reminder, SampleDocuments.Anna) })
        {
            var recipient = sample.Recipients[customer];
            var rendered = renderer.Render(letter, recipient, SampleDocuments.Contact, DocumentFormat.Pdf);
            string? name = null;
            byte[]? bytes = null;

            renderer.WritePdf(letter, recipient, SampleDocuments.Contact, (fileName, content) => (name, bytes) = (fileName, content.ToArray()));

            Assert.Equal(rendered.FileName, name);
            Assert.Equal(rendered.Content.ToArray(), bytes);
        }
    }

    /// <summary>The clone's root, found from the test output upwards.</summary>
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
