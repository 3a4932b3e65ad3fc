using System.Security.Cryptography;
using System.Text;
using Debitor.Core.Documents.Rendering.Views;
using PdfSharp.Drawing;
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
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont Body = Font(10);
    private static readonly XFont BodyBold = Font(10, true);
    private static readonly XFont Small = Font(8);
    private static readonly XFont SmallBold = Font(8, true);
    private static readonly XFont Tiny = Font(7);
    private static readonly XFont Footer = Font(6.5);
    private static readonly XFont Title = Font(12, true);
    private static readonly XFont Head = Font(14, true);
    private static readonly XFont Caption = Font(9, true);
    private static readonly XPen Hairline = new(XColors.Black, 0.4);

    public static byte[] Render(DocumentView view, LocalDate date)
    {
        using var document = Compose(view, date, out var id);
        using var output = new MemoryStream(16 * 1024);
        document.Save(output, false);
        var bytes = output.ToArray();
        Stabilize(bytes, id);
        return bytes;
    }

    /// <summary>Lays the pages out without saving (the benchmark's measure of layout alone).</summary>
    internal static PdfDocument Compose(DocumentView view, LocalDate date, out string id)
    {
        EmbeddedFonts.Install();
        var document = new PdfDocument();
        var created = new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc);
        document.Info.CreationDate = created;
        document.Info.ModificationDate = created;
        document.Info.Title = view.Title;
        document.Info.Author = view.Company.Name;
        document.Info.Creator = "Debitor.Core.Documents";
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed; // a third of the time for a fifth more bytes (docs/performance.md)
        id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(view.Kind + "\n" + view.FileStem + "\n" + view.Language)))[..32];
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        new Layout(document, view).Run();
        return document;
    }

    /// <summary>
    /// PDFsharp 6.2.4 names font subsets with a random six-letter tag and gives the XMP metadata a random uuid; both are
    /// replaced in place, with the same length, by values derived from the document, so the same document gives the
    /// same bytes (cross-reference offsets stay valid).
    /// </summary>
    private static void Stabilize(byte[] pdf, string id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in SubsetTag().Matches(text))
        {
            var tag = match.Groups[1].Value;
            if (!tags.TryGetValue(tag, out var stable))
            {
                var n = tags.Count;
                stable = tags[tag] = string.Create(6, n, static (span, i) =>
                {
                    span.Fill('A');
                    span[5] = (char)('A' + (i % 26));
                    span[4] = (char)('A' + (i / 26 % 26));
                });
            }

            Encoding.ASCII.GetBytes(stable, pdf.AsSpan(match.Groups[1].Index, 6));
        }

        var uuid = $"{id[..8]}-{id[8..12]}-{id[12..16]}-{id[16..20]}-{id[20..32]}".ToLowerInvariant();
        foreach (System.Text.RegularExpressions.Match match in XmpUuid().Matches(text))
        {
            Encoding.ASCII.GetBytes(uuid, pdf.AsSpan(match.Groups[1].Index, 36));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/([A-Z]{6})\+DejaVu")]
    private static partial System.Text.RegularExpressions.Regex SubsetTag();

    [System.Text.RegularExpressions.GeneratedRegex(@"uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial System.Text.RegularExpressions.Regex XmpUuid();

    private static XFont Font(double size, bool bold = false) => FontCache.Get(size, bold);

    private static double Mm(double mm) => mm * 72 / 25.4;

    /// <summary>Fonts are built once: XFont creation needs the resolver, so it is installed first.</summary>
    private static class FontCache
    {
        static FontCache() => EmbeddedFonts.Install();

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(double, bool), XFont> Fonts = new();

        public static XFont Get(double size, bool bold) => Fonts.GetOrAdd((size, bold), static key =>
            new XFont(EmbeddedFonts.Family, key.Item1, key.Item2 ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode));
    }

    /// <summary>Character widths per font, shared by every document.</summary>
    private static class Widths
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<XFont, System.Collections.Concurrent.ConcurrentDictionary<char, double>> Tables = new();

        public static System.Collections.Concurrent.ConcurrentDictionary<char, double> For(XFont font) => Tables.GetOrAdd(font, static _ => new());
    }

    /// <summary>One document's pages and the cursor on the current page (in millimetres from the top).</summary>
    private sealed class Layout(PdfDocument document, DocumentView view)
    {
        private readonly List<XGraphics> _pages = [];
        private XGraphics _g = null!;
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
                _pages[i].DrawString(label, Tiny, XBrushes.Black, Mm(Right), Mm(268), XStringFormats.BaseLineRight);
                _pages[i].Dispose();
            }
        }

        private void NewPage(bool first)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _g = XGraphics.FromPdfPage(page);
            _pages.Add(_g);
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
            _g.DrawLine(Hairline, Mm(25), Mm(61.3), Mm(25) + Width(view.ReturnAddress, ret), Mm(61.3));
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
            _g.DrawLine(Hairline, Mm(4), Mm(105), Mm(8), Mm(105));
            _g.DrawLine(Hairline, Mm(4), Mm(148.5), Mm(10), Mm(148.5));
            _g.DrawLine(Hairline, Mm(4), Mm(210), Mm(8), Mm(210));
        }

        private void FooterBlock()
        {
            _g.DrawLine(Hairline, Mm(Left), Mm(FooterTop), Mm(Right), Mm(FooterTop));
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

        private void Paragraph(string text, XFont font)
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
            _g.DrawLine(Hairline, Mm(Left), Mm(_y), Mm(Right), Mm(_y));
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
                _g.DrawLine(Hairline, Mm(85), Mm(_y), Mm(Right), Mm(_y));
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

        private void Text(string text, XFont font, double x, double baseline, bool right = false)
        {
            if (text.Length > 0)
            {
                _g.DrawString(text, font, XBrushes.Black, Mm(x), Mm(baseline), right ? XStringFormats.BaseLineRight : XStringFormats.BaseLineLeft);
            }
        }

        /// <summary>The font at <paramref name="size"/>, or smaller (down to 5 pt) until the text fits <paramref name="widthMm"/>.</summary>
        private XFont Fit(string text, double size, double widthMm, bool bold = false)
        {
            var font = Font(size, bold);
            var width = Width(text, font);
            var limit = Mm(widthMm);
            return width <= limit ? font : Font(Math.Max(5, Math.Floor(size * limit / width * 10) / 10), bold);
        }

        /// <summary>
        /// The width of a text in points: the sum of its characters' advance widths, each measured once per font and
        /// cached (PDFsharp draws without kerning, so this is what it draws).
        /// </summary>
        private double Width(string text, XFont font)
        {
            var widths = Widths.For(font);
            var sum = 0.0;
            foreach (var c in text)
            {
                if (!widths.TryGetValue(c, out var w))
                {
                    w = _g.MeasureString(c.ToString(), font).Width;
                    widths.TryAdd(c, w);
                }

                sum += w;
            }

            return sum;
        }

        private List<string> Wrap(string text, XFont font, double widthMm)
        {
            var limit = Mm(widthMm);
            if (Width(text, font) <= limit)
            {
                return [text];
            }

            var lines = new List<string>();
            var space = Width(" ", font);
            var line = new StringBuilder();
            var width = 0.0;
            foreach (var word in text.Split(' '))
            {
                var w = Width(word, font);
                if (line.Length > 0 && width + space + w > limit)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    width = 0;
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                    width += space;
                }

                line.Append(word);
                width += w;
            }

            lines.Add(line.ToString());
            return lines;
        }
    }
}
