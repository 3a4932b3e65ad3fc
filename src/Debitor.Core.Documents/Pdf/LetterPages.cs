using System.IO.Compression;
using PdfSharp.Pdf;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// A document's A4 pages as PDFsharp objects, each drawn by a <see cref="PageContent"/>, and the document's fonts: each
/// character a text draws gets the next id of its face (D16.210); when the layout is done, <see cref="Finish"/> adds
/// each face's font objects with a program of exactly those characters' glyphs, references them from every page and
/// attaches the compressed content streams (D16.151).
/// </summary>
internal sealed class LetterPages
{
    /// <summary>Each thread's character ids, kept between documents (a document's are cleared when the next starts).</summary>
    [ThreadStatic]
    private static Characters? _kept;

    private readonly PdfDocument _document;
    private readonly Characters _characters;
    private readonly List<(PdfPage Page, PageContent Content)> _pages = [];

    public LetterPages(PdfDocument document)
    {
        _document = document;
        _characters = _kept ??= new Characters();
        _characters.Clear();
    }

    public int Count => _pages.Count;

    public PageContent this[int index] => _pages[index].Content;

    public PageContent Add()
    {
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var content = new PageContent(this, page.Height.Point);
        _pages.Add((page, content));
        return content;
    }

    /// <summary>The id of <paramref name="c"/> on the face in this document: the next free one when first drawn.</summary>
    /// <exception cref="InvalidOperationException">The document draws more than 65,534 different characters on one face.</exception>
    public ushort Id(int face, char c)
    {
        var ids = _characters.Ids[face];
        var id = ids[c];
        if (id == 0)
        {
            var drawn = _characters.Drawn[face];
            if (drawn.Count >= ushort.MaxValue - 1)
            {
                throw new InvalidOperationException("A document draws at most 65,534 different characters per face.");
            }

            drawn.Add(c);
            id = (ushort)drawn.Count;
            ids[c] = id;
        }

        return id;
    }

    public void Finish()
    {
        var fonts = new PdfDictionary?[2];
        for (var face = 0; face < 2; face++)
        {
            var drawn = _characters.Drawn[face];
            if (drawn.Count > 0)
            {
                fonts[face] = LetterFaces.Program(face == 1).AddTo(_document, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(drawn));
            }
        }

        foreach (var (page, content) in _pages)
        {
            var resources = new PdfDictionary(_document);
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

    /// <summary>Per face, each character's id (0: not drawn yet) and the characters drawn, in id order.</summary>
    private sealed class Characters
    {
        public readonly ushort[][] Ids = [new ushort[char.MaxValue + 1], new ushort[char.MaxValue + 1]];
        public readonly List<char>[] Drawn = [[], []];

        public void Clear()
        {
            for (var face = 0; face < 2; face++)
            {
                foreach (var c in Drawn[face])
                {
                    Ids[face][c] = 0;
                }

                Drawn[face].Clear();
            }
        }
    }
}

/// <summary>
/// One page's content stream, written operator by operator: text runs as the document's character ids of the embedded
/// faces (<see cref="LetterPages.Id"/>) in literal strings, placed with <c>Tf</c>, <c>Tm</c>,
/// <c>Tj</c>, and hairlines (<c>m</c>, <c>l</c>, <c>S</c>). Positions come in points from the top
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

        // Absolute positions (Tm), not moves relative to the line before (Td): summed in a reader's floating point, moves
        // put runs of one row on baselines a hair apart, and text extraction then splits the row (D16.212).
        Append("1 0 0 1 "u8);
        Number(x);
        Append(" "u8);
        Number(height - baseline);
        Append(" Tm ("u8);
        Ensure(text.Length * 4);
        foreach (var c in text)
        {
            var id = pages.Id(face, c);
            StringByte(id >> 8);
            StringByte(id & 0xFF);
        }

        Append(") Tj\n"u8);
    }

    /// <summary>One byte of a literal string: the delimiters and the backslash escaped, a carriage return as <c>\r</c>.</summary>
    private void StringByte(int value)
    {
        switch (value)
        {
            case '(' or ')' or '\\':
                _buffer[_length++] = (byte)'\\';
                _buffer[_length++] = (byte)value;
                break;
            case '\r':
                _buffer[_length++] = (byte)'\\';
                _buffer[_length++] = (byte)'r';
                break;
            default:
                _buffer[_length++] = (byte)value;
                break;
        }
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

    private static long Hundredths(double value) => (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);

    /// <summary>A number with at most two decimals (a hundredth of a point), without trailing zeros.</summary>
    private void Number(double value) => Number(Hundredths(value));

    /// <summary>A number given in hundredths, written with at most two decimals and without trailing zeros.</summary>
    private void Number(long hundredths)
    {
        Ensure(24);
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
