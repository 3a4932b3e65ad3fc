using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// One face's font objects for a fixed set of characters — the Type0 font, its CIDFontType2 descendant, the font
/// descriptor, the compressed subset font program and the ToUnicode map — built once per process and copied into every
/// document that needs no other glyph (D16.150). PDFsharp builds the subset and the descriptor (by drawing the
/// characters once into a scratch document); the widths array and the ToUnicode map are written here from the face's
/// own tables, compactly and with at most 100 entries per CMap block.
/// </summary>
/// <remarks>PDFsharp's subsets keep the face's glyph ids (the CID-to-GID map is the identity), so a content stream
/// written for one program shows the same glyphs with any other program of the same face.</remarks>
internal sealed class EmbeddedFontProgram
{
    /// <summary>Fallback programs built for documents with characters outside the repertoire, kept up to this many.</summary>
    private const int MaxFallbacks = 256;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly ConcurrentDictionary<string, EmbeddedFontProgram> Fallbacks = new(StringComparer.Ordinal);
    private readonly Part.Dictionary[] _objects;
    private readonly byte[]?[] _streams;

    private EmbeddedFontProgram(FaceMetrics face, string characters, bool bold)
    {
        EmbeddedFonts.Install();
        using var scratch = new PdfDocument();
        var page = scratch.AddPage();
        using (var g = XGraphics.FromPdfPage(page))
        {
            g.DrawString(characters, new XFont(EmbeddedFonts.Family, 10, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode), XBrushes.Black, 0, 20);
        }

        scratch.Save(Stream.Null);
        var fonts = page.Resources.Elements.GetDictionary("/Font")!;
        var type0 = (PdfDictionary)((PdfReference)fonts.Elements.Values.Single()!).Value;
        var tag = Tag(face.Name, characters);
        var objects = new List<PdfDictionary>();
        var parts = new List<Part.Dictionary>();
        var streams = new List<byte[]?>();
        Collect(type0, objects);
        foreach (var dictionary in objects)
        {
            streams.Add(dictionary.Stream is { } stream ? StreamBytes(dictionary, stream) : null);
            parts.Add(Snapshot(dictionary, objects, tag));
        }

        // Widths and ToUnicode map from the face's tables for exactly this program's characters.
        var cid = objects.FindIndex(d => d.Elements.GetName("/Subtype") == "/CIDFontType2");
        parts[cid] = parts[cid].With("/W", new Part.Value(new PdfLiteral(WidthArray(face, characters))));
        var toUnicode = objects.IndexOf((PdfDictionary)((PdfReference)type0.Elements["/ToUnicode"]!).Value);
        parts[toUnicode] = new Part.Dictionary([new("/Filter", new Part.Value(new PdfName("/FlateDecode")))]);
        streams[toUnicode] = Compress(Encoding.ASCII.GetBytes(ToUnicodeMap(face, characters)));
        _objects = [.. parts];
        _streams = [.. streams];
        FontFileBytes = streams.Sum(s => s?.Length ?? 0);
    }

    /// <summary>The compressed bytes of the font program and maps one document carries.</summary>
    public int FontFileBytes { get; }

    /// <summary>The program for the face's characters in <paramref name="repertoire"/> (built once per face by the caller).</summary>
    public static EmbeddedFontProgram ForRepertoire(FaceMetrics face, bool bold, string repertoire) =>
        new(face, Present(face, repertoire), bold);

    /// <summary>
    /// The program for a document whose text on this face needs <paramref name="extra"/> characters outside the
    /// repertoire: the repertoire and those characters, built like a per-document subset the first time and then kept.
    /// </summary>
    public static EmbeddedFontProgram ForExtra(FaceMetrics face, bool bold, string repertoire, string extra)
    {
        var key = face.Name + "\n" + extra;
        if (Fallbacks.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var program = new EmbeddedFontProgram(face, Present(face, repertoire + extra), bold);
        return Fallbacks.Count < MaxFallbacks ? Fallbacks.GetOrAdd(key, program) : program;
    }

    /// <summary>Adds a copy of the font objects to <paramref name="document"/> and returns the Type0 font to reference.</summary>
    public PdfDictionary AddTo(PdfDocument document)
    {
        var copies = new PdfDictionary[_objects.Length];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = new PdfDictionary(document);
            document.Internals.AddObject(copies[i]);
        }

        for (var i = 0; i < copies.Length; i++)
        {
            _objects[i].Fill(copies[i], copies, document);
            if (_streams[i] is { } bytes)
            {
                copies[i].CreateStream(bytes);
            }
        }

        return copies[0];
    }

    /// <summary>The characters of <paramref name="characters"/> the face has a glyph for, each once, in order.</summary>
    private static string Present(FaceMetrics face, string characters) =>
        new([.. characters.Where(c => face.Glyph(c) != 0).Distinct().Order()]);

    /// <summary>A subset tag (six capital letters) derived from the face and the characters, so equal subsets are named alike.</summary>
    private static string Tag(string face, string characters)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(face + "\n" + characters));
        return string.Create(6, hash, static (span, h) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + (h[i] % 26));
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

    private static Part.Dictionary Snapshot(PdfDictionary dictionary, List<PdfDictionary> objects, string tag) =>
        new([.. dictionary.Elements.Where(e => e.Key != "/Length").Select(e => new KeyValuePair<string, Part>(e.Key, SnapshotItem(e.Value, objects, tag)))]);

    private static Part SnapshotItem(PdfItem? item, List<PdfDictionary> objects, string tag) => item switch
    {
        PdfReference { Value: PdfDictionary target } => new Part.Reference(objects.IndexOf(target)),
        PdfArray array => new Part.Array([.. array.Elements.Select(e => SnapshotItem(e, objects, tag))]),
        PdfDictionary direct => Snapshot(direct, objects, tag),
        PdfName name when name.Value.Length > 8 && name.Value[7] == '+' => new Part.Value(new PdfName("/" + tag + name.Value[7..])),
        _ => new Part.Value(item ?? PdfNull.Value),
    };

    /// <summary>
    /// The stream's bytes compressed as small as Flate makes them (done once, so the smallest setting is cheap); the
    /// font program (the stream with <c>/Length1</c>) without its hinting (D16.190).
    /// </summary>
    private static byte[] StreamBytes(PdfDictionary dictionary, PdfDictionary.PdfStream stream)
    {
        var plain = stream.UnfilteredValue;
        if (dictionary.Elements.ContainsKey("/Length1"))
        {
            plain = TrueTypeHints.Strip(plain);
            dictionary.Elements.SetInteger("/Length1", plain.Length);
        }

        dictionary.Elements.SetName("/Filter", "/FlateDecode");
        return Compress(plain);
    }

    private static byte[] Compress(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(plain);
        }

        return output.ToArray();
    }

    /// <summary>The <c>/W</c> array: runs of consecutive glyph ids as <c>first [w1 w2 …]</c>.</summary>
    private static string WidthArray(FaceMetrics face, string characters)
    {
        var glyphs = characters.Select(face.Glyph).Distinct().Order().ToArray();
        var w = new StringBuilder("[");
        for (var i = 0; i < glyphs.Length;)
        {
            w.Append(CultureInfo.InvariantCulture, $"{glyphs[i]}[");
            var j = i;
            do
            {
                w.Append(CultureInfo.InvariantCulture, $"{(j > i ? " " : "")}{face.PdfWidth(glyphs[j])}");
                j++;
            }
            while (j < glyphs.Length && glyphs[j] == glyphs[j - 1] + 1);
            w.Append(']');
            i = j;
        }

        return w.Append(']').ToString();
    }

    /// <summary>The ToUnicode CMap: each glyph to the first character (in code order) that shows it, 100 entries a block.</summary>
    private static string ToUnicodeMap(FaceMetrics face, string characters)
    {
        var map = new SortedDictionary<ushort, char>();
        foreach (var c in characters)
        {
            map.TryAdd(face.Glyph(c), c);
        }

        var text = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in map.Chunk(100))
        {
            text.Append(CultureInfo.InvariantCulture, $"{block.Length} beginbfchar\n");
            foreach (var (glyph, c) in block)
            {
                text.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}> <{(int)c:X4}>\n");
            }

            text.Append("endbfchar\n");
        }

        return text.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").ToString();
    }

    /// <summary>A snapshot of a PDF value, rebuilt for each document (arrays and dictionaries belong to one document).</summary>
    private abstract record Part
    {
        public abstract PdfItem Build(PdfDictionary[] objects, PdfDocument document);

        /// <summary>A value that belongs to no document (name, number, string, literal): shared.</summary>
        public sealed record Value(PdfItem Item) : Part
        {
            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document) => Item;
        }

        public sealed record Reference(int Index) : Part
        {
            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document) => objects[Index].Reference!;
        }

        public sealed record Array(Part[] Items) : Part
        {
            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document)
            {
                var array = new PdfArray(document);
                foreach (var item in Items)
                {
                    array.Elements.Add(item.Build(objects, document));
                }

                return array;
            }
        }

        public sealed record Dictionary(KeyValuePair<string, Part>[] Elements) : Part
        {
            public Dictionary With(string key, Part value) => new([.. Elements.Where(e => e.Key != key), new(key, value)]);

            public void Fill(PdfDictionary target, PdfDictionary[] objects, PdfDocument document)
            {
                foreach (var (key, value) in Elements)
                {
                    target.Elements[key] = value.Build(objects, document);
                }
            }

            public override PdfItem Build(PdfDictionary[] objects, PdfDocument document)
            {
                var dictionary = new PdfDictionary(document);
                Fill(dictionary, objects, document);
                return dictionary;
            }
        }
    }
}
