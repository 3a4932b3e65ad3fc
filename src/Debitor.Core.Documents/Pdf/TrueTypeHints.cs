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
        var tables = Tables(font);
        var head = Find(tables, "head") ?? throw new ArgumentException("The font has no 'head' table.", nameof(font));
        var loca = Find(tables, "loca") ?? throw new ArgumentException("The font has no 'loca' table.", nameof(font));
        var glyf = Find(tables, "glyf") ?? throw new ArgumentException("The font has no 'glyf' table.", nameof(font));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.Slice(head.Offset + 50, 2)) != 0;
        var (glyphs, offsets) = Glyphs(font.Slice(glyf.Offset, glyf.Length), font.Slice(loca.Offset, loca.Length), longOffsets);

        var kept = tables.Where(t => !Dropped.Contains(t.Tag, StringComparer.Ordinal)).OrderBy(t => t.Tag, StringComparer.Ordinal).ToArray();
        var contents = new byte[kept.Length][];
        for (var i = 0; i < kept.Length; i++)
        {
            var table = font.Slice(kept[i].Offset, kept[i].Length);
            contents[i] = kept[i].Tag switch
            {
                "glyf" => glyphs,
                "loca" => offsets,
                "head" => WithoutChecksumAdjustment(table),
                _ => table.ToArray(),
            };
        }

        var directory = 12 + (16 * kept.Length);
        var size = directory + contents.Sum(c => Padded(c.Length));
        var output = new byte[size];
        var span = output.AsSpan();
        font[..4].CopyTo(span);
        var entrySelector = (ushort)Math.Floor(Math.Log2(kept.Length));
        var searchRange = (ushort)(16 << entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)kept.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((16 * kept.Length) - searchRange));
        var at = directory;
        var headAt = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            var record = span.Slice(12 + (16 * i), 16);
            for (var c = 0; c < 4; c++)
            {
                record[c] = (byte)kept[i].Tag[c];
            }

            contents[i].CopyTo(span[at..]);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(at, Padded(contents[i].Length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)contents[i].Length);
            if (kept[i].Tag == "head")
            {
                headAt = at;
            }

            at += Padded(contents[i].Length);
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[(headAt + 8)..], unchecked(0xB1B0AFBAu - Checksum(span)));
        return output;
    }

    private static (byte[] Glyphs, byte[] Offsets) Glyphs(ReadOnlySpan<byte> glyf, ReadOnlySpan<byte> loca, bool longOffsets)
    {
        var count = (loca.Length / (longOffsets ? 4 : 2)) - 1;
        var alignment = longOffsets ? 4 : 2;
        var glyphs = new MemoryStream(glyf.Length);
        var offsets = new byte[loca.Length];
        for (var g = 0; g < count; g++)
        {
            Offset(offsets, g, (int)glyphs.Length, longOffsets);
            var start = Offset(loca, g, longOffsets);
            var end = Offset(loca, g + 1, longOffsets);
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
                    at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2)
                        + ((flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0);
                }
                while ((flags & MoreComponents) != 0);

                glyphs.Write(copy, 0, at); // whatever followed the components was their instructions
            }

            while (glyphs.Length % alignment != 0)
            {
                glyphs.WriteByte(0);
            }
        }

        Offset(offsets, count, (int)glyphs.Length, longOffsets);
        return (glyphs.ToArray(), offsets);
    }

    private static int Offset(ReadOnlySpan<byte> loca, int glyph, bool longOffsets) => longOffsets
        ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyph)..])
        : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyph)..]);

    private static void Offset(Span<byte> loca, int glyph, int offset, bool longOffsets)
    {
        if (longOffsets)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca[(4 * glyph)..], (uint)offset);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(loca[(2 * glyph)..], (ushort)(offset / 2));
        }
    }

    private static byte[] WithoutChecksumAdjustment(ReadOnlySpan<byte> head)
    {
        var copy = head.ToArray();
        copy.AsSpan(8, 4).Clear();
        return copy;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    /// <summary>The sum of the big-endian 32-bit words (the length is a multiple of four).</summary>
    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        var sum = 0u;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]));
        }

        return sum;
    }

    private static Table[] Tables(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000u or 0x74727565u))
        {
            throw new ArgumentException("The bytes are not a TrueType font.", nameof(font));
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Table[count];
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (16 * i), 16);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset < 0 || length < 0 || offset > font.Length - length)
            {
                throw new ArgumentException("A table lies outside the font.", nameof(font));
            }

            tables[i] = new Table(System.Text.Encoding.ASCII.GetString(record[..4]), offset, length);
        }

        return tables;
    }

    private static Table? Find(Table[] tables, string tag) => Array.Find(tables, t => t.Tag == tag);

    private sealed record Table(string Tag, int Offset, int Length);
}
