using System.Buffers.Binary;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// Builds a TrueType font program of exactly the glyphs one document draws (D16.210), from a face without hinting
/// (<see cref="TrueTypeHints"/>). Glyph 0 is the face's missing glyph; glyphs 1…n are the given glyphs in the given
/// order (the document's character ids, so the content stream's codes are the program's glyph ids and the
/// CID-to-GID map is the identity); the components of composite glyphs that are not among them follow, and every
/// composite's component ids are rewritten to the new numbering. The program has the six tables a CIDFontType2 font
/// needs (ISO 32000-1, 9.9; the same six PDFsharp's own subsets carry): <c>glyf</c>, <c>head</c>, <c>hhea</c>,
/// <c>hmtx</c>, <c>loca</c>, <c>maxp</c>, laid out and check-summed as the OpenType specification defines.
/// </summary>
internal sealed class TrueTypeSubsetter
{
    private const int NumberOfHMetricsAt = 34;
    private const int NumGlyphsAt = 4;

    private static readonly uint[] Tags = [.. new[] { "glyf", "head", "hhea", "hmtx", "loca", "maxp" }.Select(t => TrueTypeFile.Tag(System.Text.Encoding.ASCII.GetBytes(t)))];

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly byte[] _glyf;
    private readonly int[] _starts;
    private readonly byte[] _head;
    private readonly byte[] _hhea;
    private readonly byte[] _maxp;
    private readonly ushort[] _advances;
    private readonly short[] _bearings;

    /// <summary>Reads the face's outlines and metrics.</summary>
    /// <exception cref="ArgumentException">The bytes are not a TrueType font with the tables above.</exception>
    public TrueTypeSubsetter(ReadOnlySpan<byte> font)
    {
        var tables = TrueTypeFile.Tables(font);
        _head = Table(font, tables, "head").ToArray();
        _hhea = Table(font, tables, "hhea").ToArray();
        _maxp = Table(font, tables, "maxp").ToArray();
        _glyf = Table(font, tables, "glyf").ToArray();
        var count = BinaryPrimitives.ReadUInt16BigEndian(_maxp.AsSpan(NumGlyphsAt));
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(_hhea.AsSpan(NumberOfHMetricsAt));
        var hmtx = Table(font, tables, "hmtx");
        var loca = Table(font, tables, "loca");
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(_head.AsSpan(TrueTypeFile.IndexToLocFormatAt)) != 0;
        if (metrics == 0 || hmtx.Length < (4 * metrics) + (2 * (count - metrics)) || loca.Length < (count + 1) * (longOffsets ? 4 : 2))
        {
            throw new ArgumentException("The font's 'hmtx' or 'loca' table is shorter than its glyph count.", nameof(font));
        }

        _advances = new ushort[count];
        _bearings = new short[count];
        _starts = new int[count + 1];
        for (var g = 0; g < count; g++)
        {
            _advances[g] = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * Math.Min(g, metrics - 1))..]);
            _bearings[g] = BinaryPrimitives.ReadInt16BigEndian(hmtx[(g < metrics ? (4 * g) + 2 : (4 * metrics) + (2 * (g - metrics)))..]);
            _starts[g] = TrueTypeFile.GlyphOffset(loca, g, longOffsets);
        }

        _starts[count] = TrueTypeFile.GlyphOffset(loca, count, longOffsets);
        for (var g = 0; g < count; g++)
        {
            if (_starts[g + 1] < _starts[g] || _starts[g + 1] > _glyf.Length || (_starts[g + 1] - _starts[g]) % 2 != 0)
            {
                throw new ArgumentException($"The font's glyph {g} lies outside 'glyf' or has an odd length.", nameof(font));
            }
        }
    }

    /// <summary>The face's glyph count.</summary>
    public int GlyphCount => _advances.Length;

    /// <summary>
    /// The program for <paramref name="glyphs"/> (the face's glyph for each new glyph 1…n), in a new array of its exact
    /// length.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A glyph id is not the face's, or the subset would exceed 65,535 glyphs.</exception>
    public byte[] Subset(ReadOnlySpan<ushort> glyphs)
    {
        var scratch = _scratch ??= new Scratch();
        var order = scratch.Order;
        var ids = scratch.Ids;
        order.Clear();
        ids.Clear();
        order.Add(0);
        foreach (var glyph in glyphs)
        {
            if (glyph >= GlyphCount)
            {
                throw new ArgumentOutOfRangeException(nameof(glyphs), glyph, $"The face has {GlyphCount} glyphs.");
            }

            order.Add(glyph);
        }

        for (var i = 0; i < order.Count; i++)
        {
            ids.TryAdd(order[i], (ushort)i);
        }

        // The components of composite glyphs (and theirs) that are not drawn themselves.
        var glyfLength = 0;
        for (var i = 0; i < order.Count; i++)
        {
            var glyph = Glyph(order[i]);
            glyfLength += glyph.Length;
            for (var at = FirstComponent(glyph); at > 0; at = NextComponent(glyph, at))
            {
                var component = BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]);
                if (component >= GlyphCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(glyphs), component, "A composite glyph of the face names a glyph it does not have.");
                }

                if (!ids.ContainsKey(component))
                {
                    ids.Add(component, (ushort)order.Count);
                    order.Add(component);
                }
            }
        }

        if (order.Count > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(glyphs), glyphs.Length, "A font program holds at most 65,535 glyphs.");
        }

        var n = order.Count;
        var longOffsets = glyfLength > 2 * ushort.MaxValue;
        Span<int> lengths = [glyfLength, _head.Length, _hhea.Length, 4 * n, (n + 1) * (longOffsets ? 4 : 2), _maxp.Length];
        // Written straight into the document's own array (the font program's stream keeps it), not copied out of a buffer.
        var program = new byte[TrueTypeFile.Size(lengths)];
        var output = program.AsSpan();
        Span<int> tableAt = stackalloc int[Tags.Length];
        TrueTypeFile.Layout(output, 0x00010000u, Tags, lengths, tableAt);

        var glyf = output.Slice(tableAt[0], glyfLength);
        var loca = output.Slice(tableAt[4], lengths[4]);
        var hmtx = output.Slice(tableAt[3], lengths[3]);
        var offset = 0;
        for (var i = 0; i < n; i++)
        {
            TrueTypeFile.WriteGlyphOffset(loca, i, offset, longOffsets);
            var source = Glyph(order[i]);
            var target = glyf.Slice(offset, source.Length);
            source.CopyTo(target);
            for (var c = FirstComponent(target); c > 0; c = NextComponent(target, c))
            {
                BinaryPrimitives.WriteUInt16BigEndian(target[(c + 2)..], ids[BinaryPrimitives.ReadUInt16BigEndian(target[(c + 2)..])]);
            }

            offset += source.Length;
            BinaryPrimitives.WriteUInt16BigEndian(hmtx[(4 * i)..], _advances[order[i]]);
            BinaryPrimitives.WriteInt16BigEndian(hmtx[((4 * i) + 2)..], _bearings[order[i]]);
        }

        TrueTypeFile.WriteGlyphOffset(loca, n, offset, longOffsets);

        var head = output.Slice(tableAt[1], _head.Length);
        _head.CopyTo(head);
        head.Slice(TrueTypeFile.ChecksumAdjustmentAt, 4).Clear();
        BinaryPrimitives.WriteInt16BigEndian(head[TrueTypeFile.IndexToLocFormatAt..], (short)(longOffsets ? 1 : 0));
        var hhea = output.Slice(tableAt[2], _hhea.Length);
        _hhea.CopyTo(hhea);
        BinaryPrimitives.WriteUInt16BigEndian(hhea[NumberOfHMetricsAt..], (ushort)n);
        var maxp = output.Slice(tableAt[5], _maxp.Length);
        _maxp.CopyTo(maxp);
        BinaryPrimitives.WriteUInt16BigEndian(maxp[NumGlyphsAt..], (ushort)n);

        TrueTypeFile.Seal(output);
        return program;
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, TrueTypeFile.Table[] tables, string tag)
    {
        var table = TrueTypeFile.Required(tables, tag, nameof(font));
        return font.Slice(table.Offset, table.Length);
    }

    private ReadOnlySpan<byte> Glyph(ushort glyph) => _glyf.AsSpan(_starts[glyph], _starts[glyph + 1] - _starts[glyph]);

    /// <summary>Where a composite glyph's first component record starts (after the 10-byte header); 0 for a simple or empty glyph.</summary>
    private static int FirstComponent(ReadOnlySpan<byte> glyph) =>
        glyph.Length >= 14 && BinaryPrimitives.ReadInt16BigEndian(glyph) < 0 ? 10 : 0;

    /// <summary>Where the component record after the one at <paramref name="at"/> starts; 0 after the last.</summary>
    private static int NextComponent(ReadOnlySpan<byte> glyph, int at)
    {
        var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
        var next = at + 4 + TrueTypeHints.ComponentArguments(flags);
        return TrueTypeHints.MoreComponentsFollow(flags) && next + 4 <= glyph.Length ? next : 0;
    }

    /// <summary>Each thread's working lists and output buffer, kept.</summary>
    private sealed class Scratch
    {
        public readonly List<ushort> Order = [];
        public readonly Dictionary<ushort, ushort> Ids = [];
    }
}
