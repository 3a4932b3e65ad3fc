using System.IO.Compression;
using PdfSharp.Pdf;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// A document's A4 pages as PDFsharp objects, each drawn by a <see cref="PageContent"/>, and the document's fonts: when
/// the layout is done, <see cref="Finish"/> adds the shared font program of each face used (or, for a text outside
/// the repertoire, a program with its extra glyphs), references it from every page and attaches the compressed
/// content streams (D16.151).
/// </summary>
internal sealed class LetterPages(PdfDocument document)
{
    private readonly List<(PdfPage Page, PageContent Content)> _pages = [];
    private readonly bool[] _used = new bool[2];
    private readonly bool[] _wide = new bool[2];
    private readonly SortedSet<char>?[] _extra = new SortedSet<char>?[2];

    public int Count => _pages.Count;

    public PageContent this[int index] => _pages[index].Content;

    public PageContent Add()
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var content = new PageContent(this, page.Height.Point);
        _pages.Add((page, content));
        return content;
    }

    /// <summary>Records that a text on the face shows <paramref name="c"/>.</summary>
    public void Note(bool bold, char c)
    {
        var face = bold ? 1 : 0;
        _used[face] = true;
        if (LetterFaces.IsWestern(c))
        {
            return;
        }

        _wide[face] = true;
        if (!LetterFaces.InRepertoire(c) && LetterFaces.Face(bold).Glyph(c) != 0)
        {
            (_extra[face] ??= []).Add(c);
        }
    }

    public void Finish()
    {
        var fonts = new PdfDictionary?[2];
        for (var face = 0; face < 2; face++)
        {
            if (_used[face])
            {
                var bold = face == 1;
                var program = _extra[face] is { } extra
                    ? EmbeddedFontProgram.ForExtra(LetterFaces.Face(bold), bold, LetterFaces.Repertoire, new string([.. extra]))
                    : LetterFaces.Program(bold, _wide[face]);
                fonts[face] = program.AddTo(document);
            }
        }

        foreach (var (page, content) in _pages)
        {
            var resources = new PdfDictionary(document);
            for (var face = 0; face < 2; face++)
            {
                if (fonts[face] is { } font)
                {
                    resources.Elements[PageContent.FontName(face == 1)] = font.Reference;
                }
            }

            page.Resources.Elements["/Font"] = resources;
            var stream = page.Contents.AppendContent();
            stream.CreateStream(content.Compressed());
            stream.Elements.SetName("/Filter", "/FlateDecode");
        }
    }
}

/// <summary>
/// One page's content stream, written operator by operator: text runs as glyph ids of the embedded faces
/// (<c>Tf</c>, <c>Tm</c>, <c>Tj</c>) and hairlines (<c>m</c>, <c>l</c>, <c>S</c>). Positions come in points from the top
/// left corner, as the layout measures them, and are written in PDF's coordinates (from the bottom left).
/// </summary>
internal sealed class PageContent(LetterPages pages, double height)
{
    /// <summary>Each thread's buffer for compressing, kept (a page's stream is a few kilobytes).</summary>
    [ThreadStatic]
    private static MemoryStream? _compressed;

    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;
    private bool _inText;
    private int _face = -1;
    private double _size;
    private double _lineWidth = -1;

    public static string FontName(bool bold) => bold ? "/F1" : "/F0";

    /// <summary>Draws <paramref name="text"/> with its baseline starting at <paramref name="x"/>, <paramref name="baseline"/>.</summary>
    public void Text(string text, bool bold, double size, double x, double baseline)
    {
        if (!_inText)
        {
            Append("BT\n"u8);
            _inText = true;
        }

        var face = bold ? 1 : 0;
        if (face != _face || size != _size)
        {
            Append(bold ? "/F1 "u8 : "/F0 "u8);
            Number(size);
            Append(" Tf\n"u8);
            (_face, _size) = (face, size);
        }

        Append("1 0 0 1 "u8);
        Number(x);
        Append(" "u8);
        Number(height - baseline);
        Append(" Tm <"u8);
        var metrics = LetterFaces.Face(bold);
        Ensure(text.Length * 4);
        foreach (var c in text)
        {
            pages.Note(bold, c);
            var glyph = metrics.Glyph(c);
            _buffer[_length++] = Hex(glyph >> 12);
            _buffer[_length++] = Hex((glyph >> 8) & 15);
            _buffer[_length++] = Hex((glyph >> 4) & 15);
            _buffer[_length++] = Hex(glyph & 15);
        }

        Append("> Tj\n"u8);
    }

    /// <summary>Draws a black line of <paramref name="width"/> points.</summary>
    public void Line(double width, double x1, double y1, double x2, double y2)
    {
        if (_inText)
        {
            Append("ET\n"u8);
            _inText = false;
        }

        if (width != _lineWidth)
        {
            Number(width);
            Append(" w\n"u8);
            _lineWidth = width;
        }

        Number(x1);
        Append(" "u8);
        Number(height - y1);
        Append(" m "u8);
        Number(x2);
        Append(" "u8);
        Number(height - y2);
        Append(" l S\n"u8);
    }

    /// <summary>The content stream, Flate-compressed (zlib's fastest level); the page takes no more drawing after it.</summary>
    public byte[] Compressed()
    {
        if (_inText)
        {
            Append("ET\n"u8);
            _inText = false;
        }

        var output = _compressed ??= new MemoryStream(16 * 1024);
        output.SetLength(0);
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(_buffer, 0, _length);
        }

        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        return output.ToArray();
    }

    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);

    /// <summary>A number with at most two decimals (a hundredth of a point), without trailing zeros.</summary>
    private void Number(double value)
    {
        Ensure(24);
        var hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        if (hundredths < 0)
        {
            _buffer[_length++] = (byte)'-';
            hundredths = -hundredths;
        }

        var whole = hundredths / 100;
        var fraction = (int)(hundredths % 100);
        whole.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        if (fraction != 0)
        {
            _buffer[_length++] = (byte)'.';
            _buffer[_length++] = (byte)('0' + (fraction / 10));
            if (fraction % 10 != 0)
            {
                _buffer[_length++] = (byte)('0' + (fraction % 10));
            }
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
