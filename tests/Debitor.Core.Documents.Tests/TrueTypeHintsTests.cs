using System.Text;
using Debitor.Core.Documents.Rendering.Pdf;
using Debitor.Core.Documents.Tests.Support;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// The embedded font programs without hinting (D16.190), read back by PdfPig's own TrueType parser: every glyph keeps
/// its outline and advance, the hint tables are gone, the checksums are valid, and a letter's text still extracts.
/// </summary>
public sealed class TrueTypeHintsTests
{
    private static readonly string[] HintTables = ["cvt ", "fpgm", "prep", "hdmx", "LTSH", "VDMX"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Strip_EachShippedFace_KeepsEveryGlyphsOutlineAndAdvance(bool bold)
    {
        var original = EmbeddedFonts.Face(bold);
        var originalFont = TrueTypeFontParser.Parse(new TrueTypeDataBytes(original));
        Assert.Contains(HintTables, originalFont.TableHeaders.ContainsKey); // the face is hinted to begin with

        var stripped = TrueTypeHints.Strip(original);
        var strippedFont = TrueTypeFontParser.Parse(new TrueTypeDataBytes(stripped));

        Assert.True(stripped.Length < original.Length * 3 / 4, $"{stripped.Length} of {original.Length} bytes");
        Assert.DoesNotContain(HintTables, strippedFont.TableHeaders.ContainsKey);
        var glyphs = GlyphCount(original, originalFont);
        Assert.Equal(glyphs, GlyphCount(stripped, strippedFont));
        Assert.True(glyphs > 400, $"{glyphs} glyphs");
        var paths = 0;
        for (var glyph = 0; glyph < glyphs; glyph++)
        {
            Assert.Equal(originalFont.TryGetPath(glyph, Identity, out var before), strippedFont.TryGetPath(glyph, Identity, out var after));
            Assert.Equal(Describe(before), Describe(after));
            paths += before?.Count ?? 0;
            Assert.True(originalFont.TryGetAdvanceWidth(glyph, Identity, out var width));
            Assert.True(strippedFont.TryGetAdvanceWidth(glyph, Identity, out var strippedWidth));
            Assert.Equal(width, strippedWidth);
        }

        Assert.True(paths > glyphs, $"{paths} contours"); // the outlines were read, not skipped
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Strip_EachShippedFace_WritesValidChecksums(bool bold)
    {
        var stripped = TrueTypeHints.Strip(EmbeddedFonts.Face(bold));
        var font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(stripped));

        foreach (var (tag, header) in font.TableHeaders)
        {
            var table = stripped.AsSpan((int)header.Offset, ((int)header.Length + 3) & ~3).ToArray();
            if (tag == "head")
            {
                Array.Clear(table, 8, 4);
            }

            Assert.True(TrueTypeChecksumCalculator.Calculate(table) == header.CheckSum, $"table '{tag}'");
        }

        Assert.Equal(0xB1B0AFBAu, TrueTypeChecksumCalculator.Calculate(stripped));
        Assert.Equal(stripped, TrueTypeHints.Strip(stripped)); // nothing left to strip
    }

    [Fact]
    public void Strip_BytesThatAreNoFont_AreRefusedNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => TrueTypeHints.Strip(Encoding.ASCII.GetBytes("%PDF-1.7 not a font")));

        Assert.Equal("font", error.ParamName);
    }

    [Fact]
    public async Task Render_ALetter_EmbedsFontsWithoutHintsAndStillExtracts()
    {
        var sample = await SampleDocuments.GetAsync();
        var document = Renderer().Render(sample.Reminder, new Rendering.LetterRecipient("Müller & Söhne GmbH", ["Große Straße 12", "20095 Hamburg"]) { Culture = "de-DE" }, SampleDocuments.Contact, Rendering.DocumentFormat.Pdf);

        var programs = FontPrograms(document.Content.ToArray());
        Assert.Equal(2, programs.Count);
        Assert.All(programs, p => Assert.DoesNotContain(HintTables, TrueTypeFontParser.Parse(new TrueTypeDataBytes(p)).TableHeaders.ContainsKey));
        Assert.Contains("Müller & Söhne GmbH", PdfText(document), StringComparison.Ordinal);
    }

    /// <summary><c>numGlyphs</c> from the font's <c>maxp</c> table.</summary>
    private static int GlyphCount(byte[] bytes, TrueTypeFont font) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan((int)font.TableHeaders["maxp"].Offset + 4));
}
