using System.Buffers.Binary;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// What the layout needs of an embedded TrueType face, read once from its tables: the glyph of every BMP character
/// (the Windows Unicode <c>cmap</c> subtable, format 4) and every glyph's advance width (<c>hmtx</c>) in font units.
/// PDFsharp measures and draws with the same two tables, so widths are what it measured.
/// </summary>
internal sealed class FaceMetrics
{
    private readonly ushort[] _glyphs = new ushort[char.MaxValue + 1];
    private readonly ushort[] _advances;

    public FaceMetrics(string name, ReadOnlySpan<byte> font)
    {
        Name = name;
        var head = Table(font, "head"u8);
        var hhea = Table(font, "hhea"u8);
        var maxp = Table(font, "maxp"u8);
        var hmtx = Table(font, "hmtx"u8);
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]);
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        _advances = new ushort[glyphCount];
        for (var g = 0; g < glyphCount; g++)
        {
            _advances[g] = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(Math.Min(g, metrics - 1) * 4)..]);
        }

        ReadCmap(Table(font, "cmap"u8));
    }

    /// <summary>The face's name as the font resolver serves it (e.g. <c>DejaVuSans-Bold</c>).</summary>
    public string Name { get; }

    public int UnitsPerEm { get; }

    /// <summary>The glyph drawn for <paramref name="c"/>; 0 (the missing-glyph box) when the face has none.</summary>
    public ushort Glyph(char c) => _glyphs[c];

    /// <summary>The advance width of <paramref name="c"/>'s glyph in font units.</summary>
    public int Advance(char c) => _advances[_glyphs[c]];

    /// <summary>The advance width of a glyph in thousandths of the font size (a PDF <c>/W</c> entry).</summary>
    public int PdfWidth(ushort glyph) => (int)Math.Round(_advances[glyph] * 1000.0 / UnitsPerEm, MidpointRounding.AwayFromZero);

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, ReadOnlySpan<byte> tag)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (i * 16), 16);
            if (record[..4].SequenceEqual(tag))
            {
                return font.Slice((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            }
        }

        throw new InvalidDataException($"The embedded font has no '{System.Text.Encoding.ASCII.GetString(tag)}' table.");
    }

    private void ReadCmap(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        for (var i = 0; i < count; i++)
        {
            var record = cmap.Slice(4 + (i * 8), 8);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var table = cmap[(int)BinaryPrimitives.ReadUInt32BigEndian(record[4..])..];
            if (((platform == 3 && encoding == 1) || platform == 0) && BinaryPrimitives.ReadUInt16BigEndian(table) == 4)
            {
                ReadFormat4(table);
                return;
            }
        }

        throw new InvalidDataException("The embedded font has no Unicode character map of format 4.");
    }

    private void ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var offsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(table[(ends + (s * 2))..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(table[(starts + (s * 2))..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(table[(deltas + (s * 2))..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[(offsets + (s * 2))..]);
            for (var c = start; c <= end && c <= char.MaxValue; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(table[(offsets + (s * 2) + rangeOffset + ((c - start) * 2))..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                _glyphs[c] = glyph < _advances.Length ? (ushort)glyph : (ushort)0;
            }
        }
    }
}
