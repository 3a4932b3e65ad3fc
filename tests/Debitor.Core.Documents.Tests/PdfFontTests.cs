using System.Text;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Rendering.Pdf;
using Debitor.Core.Documents.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// The embedded fonts after D16.150: every document carries the shared font program of a fixed repertoire, or, for a
/// text outside it, a program that has the extra glyphs too. Either way every character drawn is read back by PdfPig
/// as written, and the same document gives the same bytes.
/// </summary>
public sealed class PdfFontTests
{
    private static readonly DocumentRenderer Shared = Renderer();

    /// <summary>The repertoire's characters that show ink (spaces are checked by the words around them).</summary>
    private static readonly char[] Visible = [.. LetterFaces.Repertoire.Where(c => !char.IsWhiteSpace(c) && c != '\u00AD')];

    private static async Task<RenderedDocument> LetterToAsync(string name, params string[] address)
    {
        var sample = await SampleDocuments.GetAsync();
        return Shared.Render(sample.Reminder, new LetterRecipient(name, address) { Culture = "de-DE" }, SampleDocuments.Contact, DocumentFormat.Pdf);
    }

    private static string Squeezed(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    [Fact]
    public async Task Render_EveryCharacterOfTheRepertoire_IsExtractedAsWritten()
    {
        foreach (var chunk in Visible.Chunk(24 * 6))
        {
            var lines = chunk.Chunk(24).Select(l => new string(l)).ToArray();
            var document = await LetterToAsync(lines[0], lines[1..]);

            var text = Squeezed(PdfText(document));

            Assert.All(lines, line => Assert.Contains(line, text, StringComparison.Ordinal));
        }
    }

    [Property(MaxTest = 25)]
    public Property Render_AnyNameFromTheRepertoire_IsExtractedAsWritten() =>
        Prop.ForAll(Gen.Elements(Visible).ArrayOf().Where(a => a.Length is > 0 and <= 30).Select(a => new string(a)).ToArbitrary(), name =>
            Squeezed(PdfText(LetterToAsync(name, "Hauptstraße 1", "20095 Hamburg").GetAwaiter().GetResult())).Contains(name, StringComparison.Ordinal));

    [Fact]
    public async Task Render_NameOutsideTheRepertoire_EmbedsTheExtraGlyphsAndIsExtractedAsWritten()
    {
        const string name = "Ștefan Țurcanu SRL"; // Romanian comma letters: in the face, not in the repertoire
        Assert.DoesNotContain('Ș', LetterFaces.Repertoire);

        var document = await LetterToAsync(name, "Strada Mare 5", "010101 București");

        var text = PdfText(document);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("010101 București", text, StringComparison.Ordinal);
        Assert.Contains("Zahlungserinnerung", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NameOutsideTheRepertoireTwice_GivesTheSameBytesWithItsOwnSubset()
    {
        var first = await LetterToAsync("Ștefan Țurcanu SRL", "Strada Mare 5");
        var second = await LetterToAsync("Ștefan Țurcanu SRL", "Strada Mare 5");
        var plain = await LetterToAsync("Stefan Turcanu SRL", "Strada Mare 5");

        Assert.True(first.Content.Span.SequenceEqual(second.Content.Span));
        Assert.NotEqual(SubsetNames(first), SubsetNames(plain));
    }

    [Fact]
    public async Task Render_LettersWithinTheRepertoire_ShareTheWesternOrTheWideSubsetPerFace()
    {
        var german = await LetterToAsync("Müller & Söhne GmbH", "Große Straße 12", "20095 Hamburg");
        var french = await LetterToAsync("Société Générale Façades", "12 rue de l’Église", "75001 Paris");
        var polish = await LetterToAsync("Łukasz Wójcik sp. z o.o.", "ul. Długa 8", "80-001 Gdańsk");
        var czech = await LetterToAsync("Antonín Dvořák s.r.o.", "Náměstí 1", "110 00 Praha");

        Assert.Equal(2, SubsetNames(german).Count);
        Assert.Equal(SubsetNames(german), SubsetNames(french));
        Assert.Equal(SubsetNames(polish), SubsetNames(czech));
        Assert.NotEqual(SubsetNames(german), SubsetNames(polish)); // the regular face; the bold text is Western in both
        Assert.True(german.Content.Length < polish.Content.Length);
    }

    [Fact]
    public async Task Render_EveryFont_IsEmbeddedWithItsProgramWidthsAndToUnicodeMap()
    {
        var document = await LetterToAsync("Müller & Söhne GmbH", "Große Straße 12", "20095 Hamburg");

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(document.Content.ToArray());
        var letters = pdf.GetPage(1).Letters;

        Assert.All(letters.Select(l => l.FontName).Distinct(), font => Assert.Contains("+DejaVu Sans", font, StringComparison.Ordinal));
        Assert.All(letters.Where(l => l.Value != " "), l => Assert.True(l.Width > 0, $"'{l.Value}' has no width"));
        var raw = Encoding.Latin1.GetString(document.Content.Span);
        Assert.Equal(2, CountOf(raw, "/FontFile2"));
        Assert.Equal(2, CountOf(raw, "/ToUnicode"));
        Assert.Equal(2, CountOf(raw, "/W["));
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private static List<string> SubsetNames(RenderedDocument document)
    {
        var raw = Encoding.Latin1.GetString(document.Content.Span);
        return [.. System.Text.RegularExpressions.Regex.Matches(raw, @"/BaseFont\s*/([A-Z]{6}\+[\w-]+)").Select(m => m.Groups[1].Value).Distinct().Order()];
    }
}
