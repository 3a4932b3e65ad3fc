using System.Buffers.Binary;
using Debitor.Core.Documents.Rendering.Pdf;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// The per-document font programs of D16.210, read back by PdfPig's own TrueType parser: glyph i of a subset is the
/// face's glyph given for it (outline, composites included, and advance), glyph 0 is the missing glyph, and the file's
/// tables and checksums are valid.
/// </summary>
public sealed class PdfFontSubsetTests
{
    private static readonly TrueTypeSubsetter[] Subsetters = [new(TrueTypeHints.Strip(EmbeddedFonts.Face(false))), new(TrueTypeHints.Strip(EmbeddedFonts.Face(true)))];
    private static readonly TrueTypeFont[] Faces = [Parse(EmbeddedFonts.Face(false)), Parse(EmbeddedFonts.Face(true))];

    private static TrueTypeFont Parse(byte[] font) => TrueTypeFontParser.Parse(new TrueTypeDataBytes(font));

    [Property(MaxTest = 60)]
    public Property Subset_AnyGlyphsOfEitherFace_HasEachGlyphsOutlineAndAdvanceUnderItsNewId() =>
        Prop.ForAll(
            Gen.Elements(false, true).SelectMany(bold => Gen.Choose(0, Subsetters[bold ? 1 : 0].GlyphCount - 1).Select(g => (ushort)g).ArrayOf()
                .Where(a => a.Length <= 80).Select(glyphs => (bold, glyphs))).ToArbitrary(),
            input =>
            {
                var face = input.bold ? 1 : 0;
                var program = Subsetters[face].Subset(input.glyphs).ToArray();
                var subset = Parse(program);

                Assert.True(BinaryPrimitives.ReadUInt16BigEndian(program.AsSpan((int)subset.TableHeaders["maxp"].Offset + 4)) >= input.glyphs.Length + 1);
                Assert.Equal(["glyf", "head", "hhea", "hmtx", "loca", "maxp"], subset.TableHeaders.Keys.Order(StringComparer.Ordinal));
                Assert.Equal(0xB1B0AFBAu, TrueTypeChecksumCalculator.Calculate(program));
                for (var id = 0; id <= input.glyphs.Length; id++)
                {
                    var glyph = id == 0 ? 0 : input.glyphs[id - 1];
                    Assert.Equal(Faces[face].TryGetPath(glyph, Identity, out var expected), subset.TryGetPath(id, Identity, out var actual));
                    Assert.Equal(Describe(expected), Describe(actual));
                    Assert.True(Faces[face].TryGetAdvanceWidth(glyph, Identity, out var advance));
                    Assert.True(subset.TryGetAdvanceWidth(id, Identity, out var subsetAdvance));
                    Assert.Equal(advance, subsetAdvance);
                }
            });

    [Fact]
    public void Subset_ACompositeGlyph_BringsItsComponentsUnderNewIds()
    {
        var face = LetterFaces.Face(false);
        var composite = "ÄÖÜäöüÅåÉé".Select(face.Glyph).First(g => IsComposite(g));

        var program = Subsetters[0].Subset([composite]).ToArray();
        var subset = Parse(program);

        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(program.AsSpan((int)subset.TableHeaders["maxp"].Offset + 4));
        Assert.True(glyphs > 2, $"{glyphs} glyphs"); // the missing glyph, the composite and its components
        Assert.True(subset.TryGetPath(1, Identity, out var path));
        Assert.True(Faces[0].TryGetPath(composite, Identity, out var expected));
        Assert.Equal(Describe(expected), Describe(path));
        Assert.NotEmpty(Describe(path));
    }

    [Fact]
    public void Subset_AGlyphTheFaceDoesNotHave_IsRefusedNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Subsetters[0].Subset([(ushort)Subsetters[0].GlyphCount]));

        Assert.Equal("glyphs", error.ParamName);
    }

    [Fact]
    public void Constructor_BytesThatAreNoFont_AreRefusedNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => new TrueTypeSubsetter("%PDF-1.7 not a font"u8));

        Assert.Equal("font", error.ParamName);
    }

    /// <summary>Whether the regular face's glyph is composite (a negative contour count in its <c>glyf</c> header).</summary>
    private static bool IsComposite(ushort glyph)
    {
        var font = TrueTypeHints.Strip(EmbeddedFonts.Face(false));
        var parsed = Parse(font);
        var head = (int)parsed.TableHeaders["head"].Offset;
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head + 50)) != 0;
        var loca = font.AsSpan((int)parsed.TableHeaders["loca"].Offset);
        var start = TrueTypeFile.GlyphOffset(loca, glyph, longOffsets);
        var end = TrueTypeFile.GlyphOffset(loca, glyph + 1, longOffsets);
        return end > start && BinaryPrimitives.ReadInt16BigEndian(font.AsSpan((int)parsed.TableHeaders["glyf"].Offset + start)) < 0;
    }
}
