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
/// The embedded fonts after D16.210: every document carries, per face, a program of exactly the characters it draws.
/// Every character drawn is read back by PdfPig as written (also one the face has no glyph for), is drawn with the
/// face's own glyph from the document's subset, and the same document gives the same bytes.
/// </summary>
public sealed class PdfFontTests
{
    private static readonly DocumentRenderer Shared = Renderer();

    /// <summary>
    /// Every character both shipped faces have a glyph for (they are reduced to 494 Latin glyphs) that shows ink; spaces
    /// are checked by the words around them.
    /// </summary>
    private static readonly char[] Visible =
    [
        .. Enumerable.Range(0x21, 0xFFFE - 0x21).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c) && LetterFaces.Face(false).Glyph(c) != 0 && LetterFaces.Face(true).Glyph(c) != 0 && !char.IsWhiteSpace(c) && !char.IsControl(c)
                && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.OtherNotAssigned)),
    ];

    private static async Task<RenderedDocument> LetterToAsync(string name, params string[] address)
    {
        var sample = await SampleDocuments.GetAsync();
        return Shared.Render(sample.Reminder, new LetterRecipient(name, address) { Culture = "de-DE" }, SampleDocuments.Contact, DocumentFormat.Pdf);
    }

    private static string Squeezed(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    [Fact]
    public async Task Render_EveryCharacterOfTheFaces_IsExtractedAsWritten()
    {
        Assert.True(Visible.Length > 300, $"{Visible.Length} characters");
        foreach (var chunk in Visible.Chunk(24 * 6))
        {
            var lines = chunk.Chunk(24).Select(l => new string(l)).ToArray();
            var document = await LetterToAsync(lines[0], lines[1..]);

            var text = Squeezed(PdfText(document));

            Assert.All(lines, line => Assert.Contains(line, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Render_MoreThan255DifferentCharactersOnAFace_AreExtractedAsWrittenAndDrawnWithTheFacesGlyphs()
    {
        // Ids above 255 have a high byte other than zero in the content stream's literal strings; ids 13, 40, 41 and 92
        // (carriage return, parentheses, backslash) are escaped there.
        var lines = Visible.Take(300).Chunk(50).Select(l => new string(l)).ToArray();

        var document = await LetterToAsync(lines[0], lines[1..]);

        var text = Squeezed(PdfText(document));
        Assert.All(lines, line => Assert.Contains(line, text, StringComparison.Ordinal));
        AssertEachLetterHasItsFacesGlyph(document);
    }

    [Property(MaxTest = 25)]
    public Property Render_AnyNameFromTheFace_IsExtractedAsWritten() =>
        Prop.ForAll(Gen.Elements(Visible).ArrayOf().Where(a => a.Length is > 0 and <= 30).Select(a => new string(a)).ToArbitrary(), name =>
            Squeezed(PdfText(LetterToAsync(name, "Hauptstraße 1", "20095 Hamburg").GetAwaiter().GetResult())).Contains(name, StringComparison.Ordinal));

    [Property(MaxTest = 15)]
    public Property Render_AnyName_DrawsEachLetterWithTheFacesGlyphFromTheDocumentsSubset() =>
        Prop.ForAll(Gen.Elements(Visible).ArrayOf().Where(a => a.Length is > 0 and <= 30).Select(a => new string(a)).ToArbitrary(), name =>
        {
            var document = LetterToAsync(name, "Hauptstraße 1", "20095 Hamburg").GetAwaiter().GetResult();
            AssertEachLetterHasItsFacesGlyph(document);
        });

    [Fact]
    public async Task Render_ACharacterTheFaceLacks_IsExtractedAsWrittenAndDrawnAsTheMissingGlyph()
    {
        const string name = "Müller 漢字 GmbH";
        Assert.Equal(0, LetterFaces.Face(false).Glyph('漢'));

        var document = await LetterToAsync(name, "Große Straße 12", "20095 Hamburg");

        Assert.Contains(name, PdfText(document), StringComparison.Ordinal);
        AssertEachLetterHasItsFacesGlyph(document);
    }

    [Fact]
    public async Task Render_RomanianCommaLetters_AreEmbeddedAndExtractedAsWritten()
    {
        const string name = "Ștefan Țurcanu SRL";

        var document = await LetterToAsync(name, "Strada Mare 5", "010101 București");

        var text = PdfText(document);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("010101 București", text, StringComparison.Ordinal);
        Assert.Contains("Zahlungserinnerung", text, StringComparison.Ordinal);
        AssertEachLetterHasItsFacesGlyph(document);
    }

    [Fact]
    public async Task Render_TheSameLetterTwice_GivesTheSameBytesAndOtherCharactersAnotherSubset()
    {
        var first = await LetterToAsync("Ștefan Țurcanu SRL", "Strada Mare 5");
        var second = await LetterToAsync("Ștefan Țurcanu SRL", "Strada Mare 5");
        var plain = await LetterToAsync("Stefan Turcanu SRL", "Strada Mare 5");

        Assert.True(first.Content.Span.SequenceEqual(second.Content.Span));
        Assert.Equal(2, SubsetNames(first).Count);
        Assert.NotEqual(SubsetNames(first), SubsetNames(plain));
        Assert.Equal(SubsetNames(first).Where(n => n.EndsWith("Bold", StringComparison.Ordinal)), SubsetNames(plain).Where(n => n.EndsWith("Bold", StringComparison.Ordinal))); // the bold text is the same
    }

    [Fact]
    public async Task Render_ALetter_CarriesOnlyTheGlyphsItDraws()
    {
        var german = await LetterToAsync("Müller & Söhne GmbH", "Große Straße 12", "20095 Hamburg");
        var wider = await LetterToAsync("Müller & Söhne GmbH ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ", "Große Straße 12", "20095 Hamburg");

        Assert.True(german.Content.Length < 24_000, $"{german.Content.Length} bytes");
        Assert.True(wider.Content.Length > german.Content.Length + 2_000, $"{wider.Content.Length} against {german.Content.Length} bytes");
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

    /// <summary>
    /// Every character id a document's ToUnicode maps names a glyph of that face's program in the document whose outline
    /// and advance are those of the face's own glyph for the character (the missing glyph's for a character the face
    /// lacks), and every letter PdfPig reads from the page has the face's advance.
    /// </summary>
    private static void AssertEachLetterHasItsFacesGlyph(RenderedDocument document)
    {
        var pdf = document.Content.ToArray();
        var programs = FontPrograms(pdf);
        var maps = Streams(pdf, "/Length").Select(Encoding.ASCII.GetString).Where(s => s.StartsWith("/CIDInit", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, programs.Count); // regular, then bold: each document here draws both faces
        Assert.Equal(2, maps.Count);
        var ids = 0;
        for (var face = 0; face < 2; face++)
        {
            var subset = UglyToad.PdfPig.Fonts.TrueType.Parser.TrueTypeFontParser.Parse(new UglyToad.PdfPig.Fonts.TrueType.TrueTypeDataBytes(programs[face]));
            foreach (var (id, c) in ToUnicodeEntries(maps[face]))
            {
                var glyph = LetterFaces.Face(face == 1).Glyph(c);
                Assert.Equal(Faces[face].TryGetPath(glyph, Identity, out var expected), subset.TryGetPath(id, Identity, out var actual));
                Assert.True(Describe(expected) == Describe(actual), $"'{c}' (id {id}, face glyph {glyph})");
                Assert.True(Faces[face].TryGetAdvanceWidth(glyph, Identity, out var advance));
                Assert.True(subset.TryGetAdvanceWidth(id, Identity, out var subsetAdvance));
                Assert.Equal(advance, subsetAdvance);
                ids++;
            }
        }

        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var letters = read.GetPage(1).Letters.Where(l => l.Value.Length == 1).ToList();
        Assert.All(letters, l =>
        {
            var bold = l.FontName!.EndsWith("Bold", StringComparison.Ordinal);
            Assert.Equal(LetterFaces.Face(bold).Advance(l.Value[0]) * l.FontSize / LetterFaces.Face(bold).UnitsPerEm, l.Width, 0.01);
        });
        Assert.True(ids > 60 && letters.Count > 300, $"{ids} ids, {letters.Count} letters");
    }

    /// <summary>The id and character of every entry of a ToUnicode map's <c>bfchar</c> and <c>bfrange</c> blocks (array destinations).</summary>
    private static IEnumerable<(int Id, char Character)> ToUnicodeEntries(string map)
    {
        foreach (System.Text.RegularExpressions.Match entry in System.Text.RegularExpressions.Regex.Matches(map, @"^<([0-9A-F]{4})> <([0-9A-F]{4})>(?: \[([^\]]*)\])?$", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            var first = Convert.ToInt32(entry.Groups[1].Value, 16);
            if (!entry.Groups[3].Success)
            {
                yield return (first, (char)Convert.ToInt32(entry.Groups[2].Value, 16));
                continue;
            }

            var targets = entry.Groups[3].Value.Split(' ');
            Assert.Equal(Convert.ToInt32(entry.Groups[2].Value, 16) - first + 1, targets.Length);
            for (var i = 0; i < targets.Length; i++)
            {
                yield return (first + i, (char)Convert.ToInt32(targets[i].Trim('<', '>'), 16));
            }
        }
    }

    private static readonly UglyToad.PdfPig.Fonts.TrueType.TrueTypeFont[] Faces =
        [.. new[] { false, true }.Select(bold => UglyToad.PdfPig.Fonts.TrueType.Parser.TrueTypeFontParser.Parse(new UglyToad.PdfPig.Fonts.TrueType.TrueTypeDataBytes(EmbeddedFonts.Face(bold))))];

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private static List<string> SubsetNames(RenderedDocument document)
    {
        var raw = Encoding.Latin1.GetString(document.Content.Span);
        return [.. System.Text.RegularExpressions.Regex.Matches(raw, @"/BaseFont\s*/([A-Z]{6}\+[\w#,-]+)").Select(m => m.Groups[1].Value).Distinct().Order()];
    }
}
