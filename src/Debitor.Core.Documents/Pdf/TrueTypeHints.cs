using System.Buffers.Binary;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// Removes the hinting from a TrueType font program (D16.190): the tables of hint programs and device metrics
/// (<c>cvt </c>, <c>fpgm</c>, <c>prep</c>, <c>hdmx</c>, <c>LTSH</c>, <c>VDMX</c>) and the instructions of every glyph.
/// Outlines, metrics and every other table are kept byte for byte, so a glyph prints and extracts as before; only
/// rasterizing at small pixel sizes loses the grid-fitting, which print and today's PDF viewers do not rely on.
/// </summary>
/// <remarks>Layout of the font file, the <c>glyf</c> and <c>loca</c> tables and the checksums as the OpenType
/// specification (ISO/IEC 14496-22) defines them.</remarks>
internal static class TrueTypeHints
{
    private const ushort ArgsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXYScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;
    private const ushort HasInstructions = 0x0100;

    private static readonly string[] Dropped = ["cvt ", "fpgm", "prep", "hdmx", "LTSH", "VDMX"];

    /// <summary>The font without hinting: a valid font file with its tables in tag order and fresh checksums.</summary>
    /// <exception cref="ArgumentException">The bytes are not a TrueType font with <c>glyf</c> outlines.</exception>
    public static byte[] Strip(ReadOnlySpan<byte> font)
    {
        var tables = TrueTypeFile.Tables(font);
        var head = TrueTypeFile.Required(tables, "head", nameof(font));
        var loca = TrueTypeFile.Required(tables, "loca", nameof(font));
        var glyf = TrueTypeFile.Required(tables, "glyf", nameof(font));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.Slice(head.Offset + TrueTypeFile.IndexToLocFormatAt, 2)) != 0;
        var (glyphs, offsets) = Glyphs(font.Slice(glyf.Offset, glyf.Length), font.Slice(loca.Offset, loca.Length), longOffsets);

        var kept = tables.Where(t => !Dropped.Contains(t.Tag, StringComparer.Ordinal)).OrderBy(t => t.Tag, StringComparer.Ordinal).ToArray();
        var contents = new byte[kept.Length][];
        for (var i = 0; i < kept.Length; i++)
        {
            contents[i] = kept[i].Tag switch
            {
                "glyf" => glyphs,
                "loca" => offsets,
                _ => font.Slice(kept[i].Offset, kept[i].Length).ToArray(),
            };
        }

        var tags = kept.Select(t => TrueTypeFile.Tag(System.Text.Encoding.ASCII.GetBytes(t.Tag))).ToArray();
        var lengths = contents.Select(c => c.Length).ToArray();
        var output = new byte[TrueTypeFile.Size(lengths)];
        var at = new int[kept.Length];
        TrueTypeFile.Layout(output, BinaryPrimitives.ReadUInt32BigEndian(font), tags, lengths, at);
        for (var i = 0; i < kept.Length; i++)
        {
            contents[i].CopyTo(output.AsSpan(at[i]));
            if (kept[i].Tag == "head")
            {
                output.AsSpan(at[i] + TrueTypeFile.ChecksumAdjustmentAt, 4).Clear();
            }
        }

        TrueTypeFile.Seal(output);
        return output;
    }

    /// <summary>The bytes of a composite glyph's component after its flags and glyph index: arguments and transform.</summary>
    public static int ComponentArguments(ushort flags) =>
        ((flags & ArgsAreWords) != 0 ? 4 : 2) + ((flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0);

    /// <summary>Whether another component follows this one in a composite glyph.</summary>
    public static bool MoreComponentsFollow(ushort flags) => (flags & MoreComponents) != 0;

    private static (byte[] Glyphs, byte[] Offsets) Glyphs(ReadOnlySpan<byte> glyf, ReadOnlySpan<byte> loca, bool longOffsets)
    {
        var count = (loca.Length / (longOffsets ? 4 : 2)) - 1;
        var alignment = longOffsets ? 4 : 2;
        var glyphs = new MemoryStream(glyf.Length);
        var offsets = new byte[loca.Length];
        for (var g = 0; g < count; g++)
        {
            TrueTypeFile.WriteGlyphOffset(offsets, g, (int)glyphs.Length, longOffsets);
            var start = TrueTypeFile.GlyphOffset(loca, g, longOffsets);
            var end = TrueTypeFile.GlyphOffset(loca, g + 1, longOffsets);
            if (end <= start)
            {
                continue;
            }

            var glyph = glyf[start..end];
            var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
            if (contours >= 0)
            {
                // header (10 bytes), endPtsOfContours, instructionLength, instructions, then flags and coordinates
                var lengthAt = 10 + (2 * contours);
                var instructions = BinaryPrimitives.ReadUInt16BigEndian(glyph[lengthAt..]);
                glyphs.Write(glyph[..lengthAt]);
                glyphs.Write([0, 0]);
                glyphs.Write(glyph[(lengthAt + 2 + instructions)..]);
            }
            else
            {
                var copy = glyph.ToArray();
                var at = 10;
                ushort flags;
                do
                {
                    flags = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(at));
                    BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at), (ushort)(flags & ~HasInstructions));
                    at += 4 + ComponentArguments(flags);
                }
                while (MoreComponentsFollow(flags));

                glyphs.Write(copy, 0, at); // whatever followed the components was their instructions
            }

            while (glyphs.Length % alignment != 0)
            {
                glyphs.WriteByte(0);
            }
        }

        TrueTypeFile.WriteGlyphOffset(offsets, count, (int)glyphs.Length, longOffsets);
        return (glyphs.ToArray(), offsets);
    }
}
