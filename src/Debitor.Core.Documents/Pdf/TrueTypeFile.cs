using System.Buffers.Binary;
using System.Numerics;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// Reads and writes the container of a TrueType font file as the OpenType specification (ISO/IEC 14496-22) defines it:
/// the table directory (tag, checksum, offset, length per table, tables 4-byte aligned and zero padded), the tables'
/// checksums and <c>head.checkSumAdjustment</c>. Shared by the hint stripper (D16.190) and the subsetter (D16.210).
/// </summary>
internal static class TrueTypeFile
{
    /// <summary>Offset of <c>checkSumAdjustment</c> in the <c>head</c> table.</summary>
    public const int ChecksumAdjustmentAt = 8;

    /// <summary>Offset of <c>indexToLocFormat</c> in the <c>head</c> table (0: 16-bit <c>loca</c> offsets, 1: 32-bit).</summary>
    public const int IndexToLocFormatAt = 50;

    /// <summary>The bytes a file of <paramref name="lengths"/>' tables takes: header, directory and padded tables.</summary>
    public static int Size(ReadOnlySpan<int> lengths)
    {
        var size = 12 + (16 * lengths.Length);
        foreach (var length in lengths)
        {
            size += Padded(length);
        }

        return size;
    }

    public static int Padded(int length) => (length + 3) & ~3;

    /// <summary>
    /// Lays out a font file in <paramref name="output"/> (cleared by the caller or fresh): the header and directory for
    /// <paramref name="tags"/> (four ASCII letters each, in ascending order) of <paramref name="lengths"/>, and returns
    /// where each table's bytes go. The caller fills them, then calls <see cref="Seal"/>.
    /// </summary>
    public static void Layout(Span<byte> output, uint version, ReadOnlySpan<uint> tags, ReadOnlySpan<int> lengths, Span<int> offsets)
    {
        var count = tags.Length;
        var entrySelector = (ushort)BitOperations.Log2((uint)count);
        var searchRange = (ushort)(16 << entrySelector);
        BinaryPrimitives.WriteUInt32BigEndian(output, version);
        BinaryPrimitives.WriteUInt16BigEndian(output[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(output[6..], searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(output[8..], entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(output[10..], (ushort)((16 * count) - searchRange));
        var at = 12 + (16 * count);
        for (var i = 0; i < count; i++)
        {
            var record = output.Slice(12 + (16 * i), 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, tags[i]);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)lengths[i]);
            offsets[i] = at;
            output.Slice(at + lengths[i], Padded(lengths[i]) - lengths[i]).Clear();
            at += Padded(lengths[i]);
        }
    }

    /// <summary>
    /// Writes each table's checksum into the directory and <c>head.checkSumAdjustment</c> (which the caller left zero)
    /// so that the whole file sums to <c>0xB1B0AFBA</c>.
    /// </summary>
    public static void Seal(Span<byte> output)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(output[4..]);
        var headAt = -1;
        for (var i = 0; i < count; i++)
        {
            var record = output.Slice(12 + (16 * i), 16);
            var at = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(output.Slice(at, Padded(length))));
            if (BinaryPrimitives.ReadUInt32BigEndian(record) == Tag("head"u8))
            {
                headAt = at;
            }
        }

        if (headAt < 0)
        {
            throw new InvalidOperationException("The font file has no 'head' table.");
        }

        // The file's sum is the directory's words and every table's checksum (tables are aligned and zero padded).
        var sum = Checksum(output[..(12 + (16 * count))]);
        for (var i = 0; i < count; i++)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(output[(12 + (16 * i) + 4)..]));
        }

        BinaryPrimitives.WriteUInt32BigEndian(output[(headAt + ChecksumAdjustmentAt)..], unchecked(0xB1B0AFBAu - sum));
    }

    /// <summary>A table tag as the big-endian number the directory stores.</summary>
    public static uint Tag(ReadOnlySpan<byte> tag) => BinaryPrimitives.ReadUInt32BigEndian(tag);

    /// <summary>The sum of the big-endian 32-bit words (the length is a multiple of four).</summary>
    public static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        var sum = 0u;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]));
        }

        return sum;
    }

    /// <summary>The tables of a TrueType font file (with <c>glyf</c> outlines), checked to lie inside it.</summary>
    /// <exception cref="ArgumentException">The bytes are not a TrueType font, or a table lies outside them.</exception>
    public static Table[] Tables(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000u or 0x74727565u))
        {
            throw new ArgumentException("The bytes are not a TrueType font.", nameof(font));
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        if (font.Length < 12 + (16 * count))
        {
            throw new ArgumentException("The font's table directory is cut off.", nameof(font));
        }

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

    /// <summary>The table <paramref name="tag"/>, or an <see cref="ArgumentException"/> naming <paramref name="argument"/>.</summary>
    /// <exception cref="ArgumentException">The font has no such table.</exception>
    public static Table Required(Table[] tables, string tag, string argument) =>
        Array.Find(tables, t => t.Tag == tag) ?? throw new ArgumentException($"The font has no '{tag}' table.", argument);

    /// <summary>Where a glyph's data starts in <c>glyf</c>, from <c>loca</c> in the short or long format.</summary>
    public static int GlyphOffset(ReadOnlySpan<byte> loca, int glyph, bool longOffsets) => longOffsets
        ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyph)..])
        : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyph)..]);

    /// <summary>Writes where a glyph's data starts into <c>loca</c> (the short format stores half the offset).</summary>
    public static void WriteGlyphOffset(Span<byte> loca, int glyph, int offset, bool longOffsets)
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

    /// <summary>One table directory entry.</summary>
    internal sealed record Table(string Tag, int Offset, int Length);
}
