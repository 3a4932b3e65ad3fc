using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// One face's font objects — the Type0 font, its CIDFontType2 descendant, the font descriptor, the font program and the
/// ToUnicode map — added to each document with a program of exactly the glyphs the document draws on that face
/// (D16.210). The objects' fixed entries (font names, descriptor metrics) are taken once per process from what
/// PDFsharp writes for the face (by drawing a character into a scratch document); per document the subset tag, the
/// widths array, the font program (<see cref="TrueTypeSubsetter"/>) and the ToUnicode map are written here.
/// </summary>
/// <remarks>A document's character ids are assigned in the order its text first draws each character (1, 2, …), and
/// each id is both the content stream's code and the program's glyph id (the CID-to-GID map is the identity); two
/// characters drawn with one glyph of the face get an id each, so every character extracts as itself — also one the face
/// has no glyph for (it prints as the missing-glyph box).</remarks>
internal sealed class EmbeddedFontProgram
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    [ThreadStatic]
    private static byte[]? _toUnicode;

    private readonly FaceMetrics _face;
    private readonly TrueTypeSubsetter _subsetter;
    private readonly Part.Dictionary[] _objects;
    private readonly int _descendant;
    private readonly int _toUnicodeAt;
    private readonly int _fontFile;

    public EmbeddedFontProgram(FaceMetrics face, bool bold, TrueTypeSubsetter subsetter)
    {
        _face = face;
        _subsetter = subsetter;
        EmbeddedFonts.Install();
        using var scratch = new PdfDocument();
        var page = scratch.AddPage();
        using (var g = XGraphics.FromPdfPage(page))
        {
            g.DrawString("A", new XFont(EmbeddedFonts.Family, 10, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode), XBrushes.Black, 0, 20);
        }

        scratch.Save(Stream.Null);
        var fonts = page.Resources.Elements.GetDictionary("/Font")!;
        var type0 = (PdfDictionary)((PdfReference)fonts.Elements.Values.Single()!).Value;
        var objects = new List<PdfDictionary>();
        Collect(type0, objects);
        var parts = objects.Select(d => Snapshot(d, objects)).ToArray();
        _descendant = objects.FindIndex(d => d.Elements.GetName("/Subtype") == "/CIDFontType2");
        _toUnicodeAt = objects.IndexOf((PdfDictionary)((PdfReference)type0.Elements["/ToUnicode"]!).Value);
        _fontFile = objects.FindIndex(d => d.Elements.ContainsKey("/Length1"));
        if (_descendant < 0 || _toUnicodeAt < 0 || _fontFile < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote the face without a CIDFontType2 font, ToUnicode map or font program.");
        }

        parts[_descendant] = parts[_descendant].Without("/W");
        parts[_toUnicodeAt] = new Part.Dictionary([]);
        parts[_fontFile] = parts[_toUnicodeAt];
        _objects = parts;
    }

    /// <summary>
    /// Adds the face's font objects for <paramref name="characters"/> (the document's characters on this face in id order:
    /// the first has id 1) to <paramref name="document"/> and returns the Type0 font to reference.
    /// </summary>
    public PdfDictionary AddTo(PdfDocument document, ReadOnlySpan<char> characters)
    {
        var glyphs = new ushort[characters.Length];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = _face.Glyph(characters[i]);
        }

        // The program is stored as it is: outlines hardly compress, and Flate over them cost more CPU than the letter's
        // layout (D16.211); the ToUnicode map is written compactly and stored as it is too (D16.214).
        var program = _subsetter.Subset(glyphs);
        var map = ToUnicodeMap(characters).ToArray();
        var tag = Tag(_face.Name, characters);
        var copies = new PdfDictionary[_objects.Length];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = new PdfDictionary(document);
            document.Internals.AddObject(copies[i]);
        }

        for (var i = 0; i < copies.Length; i++)
        {
            _objects[i].Fill(copies[i], copies, document, tag);
        }

        copies[_descendant].Elements["/W"] = new PdfLiteral(WidthArray(glyphs));
        copies[_fontFile].Elements.SetInteger("/Length1", program.Length);
        copies[_fontFile].CreateStream(program);
        copies[_toUnicodeAt].CreateStream(map);
        return copies[0];
    }

    /// <summary>A subset tag (six capital letters) derived from the face and the characters, so equal subsets are named alike.</summary>
    private static string Tag(string face, ReadOnlySpan<char> characters)
    {
        // FNV-1a (64 bit) over the face name and the characters: stable across processes and machines.
        var hash = 14695981039346656037UL;
        foreach (var c in face)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        foreach (var c in characters)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return string.Create(6, hash, static (span, h) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + (int)(h % 26));
                h /= 26;
            }
        });
    }

    private static void Collect(PdfDictionary dictionary, List<PdfDictionary> objects)
    {
        if (objects.Contains(dictionary))
        {
            return;
        }

        objects.Add(dictionary);
        foreach (var item in dictionary.Elements.Values)
        {
            CollectItem(item, objects);
        }
    }

    private static void CollectItem(PdfItem? item, List<PdfDictionary> objects)
    {
        switch (item)
        {
            case PdfReference { Value: PdfDictionary target }:
                Collect(target, objects);
                break;
            case PdfArray array:
                foreach (var element in array.Elements)
                {
                    CollectItem(element, objects);
                }

                break;
            case PdfDictionary direct:
                foreach (var element in direct.Elements.Values)
                {
                    CollectItem(element, objects);
                }

                break;
        }
    }

    private static Part.Dictionary Snapshot(PdfDictionary dictionary, List<PdfDictionary> objects) =>
        new([.. dictionary.Elements.Where(e => e.Key != "/Length").Select(e => new KeyValuePair<string, Part>(e.Key, SnapshotItem(e.Value, objects)))]);

    private static Part SnapshotItem(PdfItem? item, List<PdfDictionary> objects) => item switch
    {
        PdfReference { Value: PdfDictionary target } => new Part.Reference(objects.IndexOf(target)),
        PdfArray array => new Part.Array([.. array.Elements.Select(e => SnapshotItem(e, objects))]),
        PdfDictionary direct => Snapshot(direct, objects),
        PdfName name when name.Value.Length > 8 && name.Value[7] == '+' => new Part.Tagged(name.Value[7..]),
        _ => new Part.Value(item ?? PdfNull.Value),
    };

    /// <summary>The <c>/W</c> array: the widths of ids 0 (the missing glyph) to n in one run, <c>[0[w0 w1 … wn]]</c>.</summary>
    private string WidthArray(ushort[] glyphs)
    {
        var w = new StringBuilder((glyphs.Length * 5) + 8);
        w.Append("[0[").Append(_face.PdfWidth(0));
        foreach (var glyph in glyphs)
        {
            w.Append(' ').Append(_face.PdfWidth(glyph));
        }

        return w.Append("]]").ToString();
    }

    /// <summary>
    /// The ToUnicode CMap: ids 1…n to the document's characters as ranges with a destination array
    /// (<c>&lt;0001&gt; &lt;00FF&gt; [&lt;0041&gt; …]</c>, ISO 32000-1, 9.10.3), each range within one high byte of the id and at
    /// most 100 ranges a block; a lone surrogate half (which no face here draws) maps to U+FFFD. The bytes lie in a buffer
    /// of this thread.
    /// </summary>
    private static ReadOnlySpan<byte> ToUnicodeMap(ReadOnlySpan<char> characters)
    {
        var start = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"u8;
        var end = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"u8;
        var ranges = (characters.Length / 256) + 1;
        var size = start.Length + end.Length + (characters.Length * 7) + (ranges * 20) + (((ranges / 100) + 1) * 32);
        var buffer = _toUnicode is { } kept && kept.Length >= size ? kept : _toUnicode = new byte[Math.Max(size, 4096)];
        start.CopyTo(buffer);
        var at = start.Length;
        var id = 1;
        var last = characters.Length;
        while (id <= last)
        {
            // Up to 100 ranges in this block, each from id to the end of its high byte (or the last id).
            var blockRanges = 0;
            for (var probe = id; probe <= last && blockRanges < 100; probe = (probe | 0xFF) + 1)
            {
                blockRanges++;
            }

            blockRanges.TryFormat(buffer.AsSpan(at), out var written, default, CultureInfo.InvariantCulture);
            at += written;
            " beginbfrange\n"u8.CopyTo(buffer.AsSpan(at));
            at += 14;
            for (var r = 0; r < blockRanges; r++)
            {
                var to = Math.Min(id | 0xFF, last);
                buffer[at] = (byte)'<';
                Hex4(buffer.AsSpan(at + 1), id);
                "> <"u8.CopyTo(buffer.AsSpan(at + 5));
                Hex4(buffer.AsSpan(at + 8), to);
                "> ["u8.CopyTo(buffer.AsSpan(at + 12));
                at += 15;
                for (; id <= to; id++)
                {
                    var c = characters[id - 1];
                    buffer[at] = (byte)'<';
                    Hex4(buffer.AsSpan(at + 1), char.IsSurrogate(c) ? '\uFFFD' : c);
                    buffer[at + 5] = (byte)'>';
                    buffer[at + 6] = (byte)' ';
                    at += 7;
                }

                buffer[at - 1] = (byte)']';
                buffer[at++] = (byte)'\n';
            }

            "endbfrange\n"u8.CopyTo(buffer.AsSpan(at));
            at += 11;
        }

        end.CopyTo(buffer.AsSpan(at));
        return buffer.AsSpan(0, at + end.Length);
    }

    /// <summary>Writes <paramref name="value"/> as four upper-case hexadecimal digits.</summary>
    public static void Hex4(Span<byte> target, int value)
    {
        for (var i = 3; i >= 0; i--)
        {
            var digit = value & 15;
            target[i] = (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
            value >>= 4;
        }
    }

    /// <summary>A snapshot of a PDF value, rebuilt for each document (arrays and dictionaries belong to one document).</summary>
    private abstract record Part
    {
        public abstract PdfItem Build(PdfDictionary[] objects, PdfDocument document, string tag);

        /// <summary>A value that belongs to no document (name, number, string, literal): shared.</summary>
        public sealed record Value(PdfItem Item) : Part
        {
            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document, string tag) => Item;
        }

        /// <summary>A subset's font name: the document's subset tag and <paramref name="Rest"/> (<c>+</c> and the face's name).</summary>
        public sealed record Tagged(string Rest) : Part
        {
            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document, string tag) => new PdfName("/" + tag + Rest);
        }

        public sealed record Reference(int Index) : Part
        {
            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document, string tag) => objects[Index].Reference!;
        }

        public sealed record Array(Part[] Items) : Part
        {
            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document, string tag)
            {
                var array = new PdfArray(document);
                foreach (var item in Items)
                {
                    array.Elements.Add(item.Build(objects, document, tag));
                }

                return array;
            }
        }

        public sealed record Dictionary(KeyValuePair<string, Part>[] Elements) : Part
        {
            public Dictionary Without(string key) => new([.. Elements.Where(e => e.Key != key)]);

            public void Fill(PdfDictionary target, PdfDictionary[] objects, PdfDocument document, string tag)
            {
                foreach (var (key, value) in Elements)
                {
                    target.Elements[key] = value.Build(objects, document, tag);
                }
            }

            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document, string tag)
            {
                var dictionary = new PdfDictionary(document);
                Fill(dictionary, objects, document, tag);
                return dictionary;
            }
        }
    }
}
