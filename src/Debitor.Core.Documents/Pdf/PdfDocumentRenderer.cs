using System.Security.Cryptography;
using System.Text;
using Debitor.Core.Documents.Rendering.Views;
using PdfSharp.Pdf;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// Lays a document view out on A4 pages after DIN 5008 form B: letterhead, the address field 20 mm from the left and
/// 45 mm from the top (85 × 45 mm) with the return address line in its top zone, the information block at 125 mm,
/// fold and hole marks, the subject at 98.46 mm, tables that continue on further pages, and the footer with the legal
/// details and bank account on every page.
/// </summary>
/// <remarks>Output is deterministic: creation date, document ids and fonts come from the document, not the machine.</remarks>
internal static partial class PdfDocumentRenderer
{
    private const double Left = 25;
    private const double Right = 190;
    private const double BodyBottom = 265;
    private const double FooterTop = 272;
    private const double Hairline = 0.4;

    /// <summary>
    /// The buffer each thread saves its documents into, kept: a new one per document grew past 85 KB and so was
    /// allocated on the large-object heap, whose collections cost more than the letter (D16.152).
    /// </summary>
    [ThreadStatic]
    private static MemoryStream? _output;
    private static readonly LetterFont Body = new(10, false);
    private static readonly LetterFont BodyBold = new(10, true);
    private static readonly LetterFont Small = new(8, false);
    private static readonly LetterFont SmallBold = new(8, true);
    private static readonly LetterFont Tiny = new(7, false);
    private static readonly LetterFont Title = new(12, true);
    private static readonly LetterFont Head = new(14, true);
    private static readonly LetterFont Caption = new(9, true);

    public static byte[] Render(DocumentView view, LocalDate date) => RenderInPlace(view, date).ToArray();

    /// <summary>
    /// The document's PDF in this thread's buffer, valid until the thread renders its next PDF: for a caller that writes
    /// the bytes away at once (the tool's letter files) and so needs no copy of its own (D16.243).
    /// </summary>
    internal static ReadOnlySpan<byte> RenderInPlace(DocumentView view, LocalDate date)
    {
        using var document = Compose(view, date, out var id);
        var output = _output ??= new MemoryStream(128 * 1024);
        output.SetLength(0);
        document.Save(output, false);
        var bytes = output.GetBuffer().AsSpan(0, (int)output.Length);
        Stabilize(bytes, id);
        return bytes;
    }

    /// <summary>Lays the pages out without saving (the benchmark's measure of layout alone).</summary>
    internal static PdfDocument Compose(DocumentView view, LocalDate date, out string id)
    {
        var document = new PdfDocument();
        var created = new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc);
        document.Info.CreationDate = created;
        document.Info.ModificationDate = created;
        document.Info.Title = view.Title;
        document.Info.Author = view.Company.Name;
        document.Info.Creator = "Debitor.Core.Documents";
        id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(view.Kind + "\n" + view.FileStem + "\n" + view.Language)))[..32];
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        new Layout(document, view).Run();
        return document;
    }

    /// <summary>
    /// PDFsharp 6.2.4 gives the XMP metadata two random uuids and offers no option; they are replaced in place, with
    /// the same length, by one derived from the document, so the same document gives the same bytes (cross-reference
    /// offsets stay valid). The metadata is the last object written, so the search runs back from the end. Font subset
    /// tags are derived from the subset already (<see cref="EmbeddedFontProgram"/>).
    /// </summary>
    private static void Stabilize(Span<byte> pdf, string id)
    {
        Span<byte> uuid = stackalloc byte[36];
        Encoding.ASCII.GetBytes($"{id[..8]}-{id[8..12]}-{id[12..16]}-{id[16..20]}-{id[20..32]}".ToLowerInvariant(), uuid);
        var end = pdf.Length;
        for (var found = 0; found < 2; found++)
        {
            var at = pdf[..end].LastIndexOf("uuid:"u8);
            if (at < 0 || at + 5 + 36 > pdf.Length)
            {
                throw new InvalidOperationException("The PDF's XMP metadata has no document and instance uuid.");
            }

            uuid.CopyTo(pdf.Slice(at + 5, 36));
            end = at;
        }
    }

    /// <summary>
    /// The lines of <paramref name="text"/> broken at spaces to fit <paramref name="widthMm"/>: words are taken while the
    /// line with a space and the next word stays within the width; a word wider than the width stands on its own line. Each
    /// line is the text's characters from its first word to its last, so a line is cut out of the text once, not assembled
    /// (D16.241).
    /// </summary>
    internal static List<string> Wrap(string text, LetterFont font, double widthMm)
    {
        var limit = Mm(widthMm);
        if (font.Width(text) <= limit)
        {
            return [text];
        }

        var lines = new List<string>();
        var space = font.Width(" ");

        // The current line is text[start..end]; start < 0 while it has no character yet (empty words add none).
        var start = -1;
        var end = 0;
        var width = 0.0;
        var at = 0;
        while (true)
        {
            var next = text.IndexOf(' ', at);
            var wordEnd = next < 0 ? text.Length : next;
            var w = font.Width(text.AsSpan(at, wordEnd - at));
            if (start >= 0 && width + space + w > limit)
            {
                lines.Add(text[start..end]);
                start = -1;
                width = 0;
            }

            if (start >= 0)
            {
                width += space;
                end = wordEnd;
            }
            else if (wordEnd > at)
            {
                start = at;
                end = wordEnd;
            }

            width += w;
            if (next < 0)
            {
                break;
            }

            at = next + 1;
        }

        lines.Add(start >= 0 ? text[start..end] : string.Empty);
        return lines;
    }

    private static double Mm(double mm) => mm * 72 / 25.4;

    /// <summary>A face (regular or bold) at a size in points.</summary>
    internal readonly record struct LetterFont(double Size, bool Bold)
    {
        /// <summary>The width of a text in points: the sum of its characters' advance widths (drawn without kerning).</summary>
        public double Width(string text) => Width(text.AsSpan());

        /// <summary>The width of characters in points, as <see cref="Width(string)"/>.</summary>
        public double Width(ReadOnlySpan<char> text)
        {
            var face = LetterFaces.Face(Bold);
            long units = 0;
            foreach (var c in text)
            {
                units += face.Advance(c);
            }

            return units * Size / face.UnitsPerEm;
        }
    }

    /// <summary>One document's pages and the cursor on the current page (in millimetres from the top).</summary>
    private sealed class Layout(PdfDocument document, DocumentView view)
    {
        private readonly LetterPages _pages = new(document);
        private PageContent _g = null!;
        private double _y;

        public void Run()
        {
            NewPage(first: true);
            Paragraph(view.Salutation, Body);
            foreach (var paragraph in view.Intro)
            {
                Paragraph(paragraph, Body);
            }

            foreach (var table in view.Tables)
            {
                Table(table);
            }

            Totals();
            foreach (var paragraph in view.Closing)
            {
                Paragraph(paragraph, Body);
            }

            Fields();
            Need(12);
            Paragraph(view.Greeting, Body);
            Paragraph(view.Signature, Body);
            for (var i = 0; i < _pages.Count; i++)
            {
                var label = view.PageLabel.Replace("{page}", (i + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{pages}", _pages.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                _g = _pages[i];
                Text(label, Tiny, Right, 268, right: true);
            }

            _pages.Finish();
        }

        private void NewPage(bool first)
        {
            _g = _pages.Add();
            Marks();
            FooterBlock();
            if (!first)
            {
                Text(view.Company.Name + " · " + view.Title, SmallBold, Left, 15);
                _y = 24;
                return;
            }

            Text(view.Company.Name, Head, Right, 17, right: true);
            var y = 22.0;
            foreach (var line in view.Company.Address)
            {
                Text(line, Small, Right, y, right: true);
                y += 3.6;
            }

            // DIN 5008 form B address field: 20 mm from the left, 45 mm from the top, 85 × 45 mm; the return address
            // sits at the bottom of its 17.7 mm top zone, the recipient in the 27.3 mm zone below (text from 25 mm).
            var ret = Fit(view.ReturnAddress, 7, 78);
            Text(view.ReturnAddress, ret, 25, 60.5);
            _g.Line(Hairline, Mm(25), Mm(61.3), Mm(25) + ret.Width(view.ReturnAddress), Mm(61.3));
            var ry = 66.5;
            foreach (var line in view.Recipient.Take(6))
            {
                Text(line, Fit(line, 10, 78), 25, ry);
                ry += 4.2;
            }

            var iy = 53.0;
            foreach (var line in view.Info)
            {
                Text(line.Label, Fit(line.Label, 8, 30), 125, iy);
                Text(line.Value, Fit(line.Value, 8, 44), 156, iy);
                iy += 3.7;
            }

            Text(view.Title, Title, Left, 101);
            _y = 110;
        }

        private void Marks()
        {
            _g.Line(Hairline, Mm(4), Mm(105), Mm(8), Mm(105));
            _g.Line(Hairline, Mm(4), Mm(148.5), Mm(10), Mm(148.5));
            _g.Line(Hairline, Mm(4), Mm(210), Mm(8), Mm(210));
        }

        private void FooterBlock()
        {
            _g.Line(Hairline, Mm(Left), Mm(FooterTop), Mm(Right), Mm(FooterTop));
            var x = Left;
            var width = (Right - Left) / Math.Max(1, view.Footer.Count);
            foreach (var column in view.Footer)
            {
                var y = FooterTop + 3.5;
                foreach (var line in column.Lines)
                {
                    Text(line, Fit(line, 6.5, width - 2), x, y);
                    y += 2.8;
                }

                x += width;
            }
        }

        private void Paragraph(string text, LetterFont font)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            var lines = Wrap(text, font, Right - Left);
            foreach (var line in lines)
            {
                Need(4.4);
                Text(line, font, Left, _y + 3.5);
                _y += 4.4;
            }

            _y += 2.2;
        }

        private void Table(TableView table)
        {
            var total = table.Columns.Sum(c => c.Width);
            var widths = table.Columns.Select(c => c.Width / total * (Right - Left)).ToArray();
            Need(14);
            Text(table.Caption, Caption, Left, _y + 3.5);
            _y += 5.5;
            Header(table, widths);
            foreach (var row in table.Rows)
            {
                var font = row.Strong ? SmallBold : Small;
                var cells = new List<string>[row.Cells.Count];
                var height = 1;
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = table.Columns[i].Numeric ? [row.Cells[i]] : Wrap(row.Cells[i], font, widths[i] - 1.5);
                    height = Math.Max(height, cells[i].Count);
                }

                if (_y + (height * 3.6) + 1 > BodyBottom)
                {
                    NewPage(first: false);
                    Header(table, widths);
                }

                var x = Left;
                for (var i = 0; i < cells.Length; i++)
                {
                    var column = table.Columns[i];
                    for (var k = 0; k < cells[i].Count; k++)
                    {
                        var cell = cells[i][k];
                        var cellFont = column.Numeric ? Fit(cell, font.Size, widths[i] - 1, font.Bold) : font;
                        Text(cell, cellFont, column.Numeric ? x + widths[i] - 0.5 : x + 0.5, _y + 3 + (k * 3.6), column.Numeric);
                    }

                    x += widths[i];
                }

                _y += (height * 3.6) + 0.6;
            }

            _y += 4;
        }

        private void Header(TableView table, double[] widths)
        {
            var x = Left;
            for (var i = 0; i < widths.Length; i++)
            {
                var column = table.Columns[i];
                var font = Fit(column.Label, 8, widths[i] - 1, bold: true);
                Text(column.Label, font, column.Numeric ? x + widths[i] - 0.5 : x + 0.5, _y + 3, column.Numeric);
                x += widths[i];
            }

            _y += 4.2;
            _g.Line(Hairline, Mm(Left), Mm(_y), Mm(Right), Mm(_y));
            _y += 0.8;
        }

        private void Totals()
        {
            if (view.Totals.Count == 0)
            {
                return;
            }

            Need(view.Totals.Count * 4.4);
            foreach (var line in view.Totals)
            {
                var font = line.Strong ? BodyBold : Body;
                Text(line.Label, font, 100, _y + 3.5);
                Text(line.Value, font, Right, _y + 3.5, right: true);
                _y += 4.4;
            }

            _y += 3;
        }

        private void Fields()
        {
            foreach (var field in view.Fields)
            {
                Need(8);
                Text(field.Label, Fit(field.Label, 8, 58), Left, _y + 3.5);
                Text(field.Value, Body, 85, _y + 3.5);
                _y += 4.6;
                _g.Line(Hairline, Mm(85), Mm(_y), Mm(Right), Mm(_y));
                _y += 3.4;
            }
        }

        private void Need(double height)
        {
            if (_y + height > BodyBottom)
            {
                NewPage(first: false);
            }
        }

        private void Text(string text, LetterFont font, double x, double baseline, bool right = false)
        {
            if (text.Length > 0)
            {
                _g.Text(text, font.Bold, font.Size, right ? Mm(x) - font.Width(text) : Mm(x), Mm(baseline));
            }
        }

        /// <summary>The font at <paramref name="size"/>, or smaller (down to 5 pt) until the text fits <paramref name="widthMm"/>.</summary>
        private static LetterFont Fit(string text, double size, double widthMm, bool bold = false)
        {
            var font = new LetterFont(size, bold);
            var width = font.Width(text);
            var limit = Mm(widthMm);
            return width <= limit ? font : new LetterFont(Math.Max(5, Math.Floor(size * limit / width * 10) / 10), bold);
        }
    }
}
