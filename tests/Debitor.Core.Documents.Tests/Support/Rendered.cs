using System.Text;
using System.Text.RegularExpressions;
using Debitor.Core.Documents.Rendering;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Debitor.Core.Documents.Tests.Support;

/// <summary>Renders the sample documents and reads them back: PDF text and word positions with PdfPig, HTML text without markup.</summary>
internal static partial class Rendered
{
    public const double PointsPerMm = 72 / 25.4;

    /// <summary>Glyph ids asked for directly, not through the font's character map.</summary>
    public static int? Identity(int glyph) => glyph;

    /// <summary>The outline as SVG path commands with every coordinate.</summary>
    public static string Describe(IReadOnlyList<UglyToad.PdfPig.Core.PdfSubpath>? path)
    {
        var svg = new StringBuilder();
        foreach (var command in path?.SelectMany(s => s.Commands) ?? [])
        {
            command.WriteSvg(svg, 0);
        }

        return svg.ToString();
    }

    /// <summary>The decompressed font programs of a PDF (the streams whose dictionary has <c>/Length1</c>), in file order.</summary>
    public static List<byte[]> FontPrograms(byte[] pdf) => Streams(pdf, "/Length1");

    /// <summary>The streams of a PDF whose dictionary has <paramref name="key"/>, in file order, decompressed where Flate-encoded.</summary>
    public static List<byte[]> Streams(byte[] pdf, string key)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var programs = new List<byte[]>();
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(raw, @"<<([^>]*" + System.Text.RegularExpressions.Regex.Escape(key) + @"[^>]*)>>\s*stream\r?\n"))
        {
            var length = int.Parse(System.Text.RegularExpressions.Regex.Match(match.Groups[1].Value, @"/Length (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!match.Groups[1].Value.Contains("/FlateDecode", StringComparison.Ordinal))
            {
                programs.Add(pdf.AsSpan(match.Index + match.Length, length).ToArray());
                continue;
            }

            using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(pdf, match.Index + match.Length, length), System.IO.Compression.CompressionMode.Decompress);
            using var plain = new MemoryStream();
            zlib.CopyTo(plain);
            programs.Add(plain.ToArray());
        }

        return programs;
    }

    public static DocumentRenderer Renderer(ILogger<DocumentRenderer>? logger = null, Action<DocumentRendererOptions>? configure = null)
    {
        var options = new DocumentRendererOptions { Company = SampleDocuments.Profile };
        configure?.Invoke(options);
        return new DocumentRenderer(options, logger);
    }

    /// <summary>Every sample document by kind name, rendered in one culture and format.</summary>
    public static IReadOnlyList<(string Kind, RenderedDocument Document)> All(SampleDocuments s, string culture, DocumentFormat format, DocumentRenderer? renderer = null)
    {
        var r = renderer ?? Renderer();
        LetterRecipient To(CustomerId id) => s.Recipients[id] with { Culture = culture };
        var contact = SampleDocuments.Contact;
        return
        [
            ("dunning-letter-final", r.Render(s.FinalDemand, To(SampleDocuments.Nordlicht), contact, format)),
            ("dunning-letter-reminder", r.Render(s.Reminder, To(SampleDocuments.Anna), contact, format)),
            ("interest-invoice", r.Render(s.InterestInvoice, To(SampleDocuments.Nordlicht), format)),
            ("interest-invoice-consumer", r.Render(s.ConsumerInterestInvoice, To(SampleDocuments.Anna), format)),
            ("open-items-statement", r.Render(s.OpenItems, To(SampleDocuments.Nordlicht), format)),
            ("account-statement", r.Render(s.Account, To(SampleDocuments.Nordlicht), format)),
            ("payment-advice", r.Render(s.Advice, To(SampleDocuments.Hanse), format)),
            ("difference-notification", r.Render(s.Difference, To(SampleDocuments.Hanse), format)),
            ("write-off-notification", r.Render(s.WriteOff, To(SampleDocuments.Hanse), format)),
            ("payment-agreement", r.Render(s.Agreement, SampleDocuments.AsOf, To(SampleDocuments.Anna), contact, format)),
            ("hand-over-lawyer", r.Render(s.ToLawyer, SampleDocuments.Lawyer with { Culture = culture }, contact, format)),
            ("hand-over-agency", r.Render(s.ToAgency, SampleDocuments.Agency with { Culture = culture }, contact, format)),
            ("sepa-mandate", r.Render(s.Mandate, SampleDocuments.AsOf, To(SampleDocuments.Hanse), contact, format)),
        ];
    }

    /// <summary>The words of every page joined by single spaces, non-breaking spaces made plain.</summary>
    public static string PdfText(RenderedDocument document)
    {
        using var pdf = PdfDocument.Open(document.Content.ToArray());
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                text.Append(word.Text).Append(' ');
            }
        }

        return Plain(text.ToString());
    }

    /// <summary>The words of the first page with their boxes, in millimetres from the top-left corner.</summary>
    public static IReadOnlyList<(string Text, double Left, double Top, double Right, double Bottom)> FirstPageWords(RenderedDocument document)
    {
        using var pdf = PdfDocument.Open(document.Content.ToArray());
        var page = pdf.GetPage(1);
        var height = page.Height;
        return [.. page.GetWords().Select(w => (Plain(w.Text), w.BoundingBox.Left / PointsPerMm, (height - w.BoundingBox.Top) / PointsPerMm, w.BoundingBox.Right / PointsPerMm, (height - w.BoundingBox.Bottom) / PointsPerMm))];
    }

    /// <summary>The HTML's visible text: styles and tags removed, entities decoded, white space collapsed.</summary>
    public static string HtmlText(RenderedDocument document)
    {
        var html = Encoding.UTF8.GetString(document.Content.Span);
        html = StyleBlock().Replace(html, " ");
        html = Tag().Replace(html, " ");
        return Plain(System.Net.WebUtility.HtmlDecode(html));
    }

    public static string Plain(string text) => Spaces().Replace(text.Replace('\u00A0', ' ').Replace('\u202F', ' '), " ").Trim();

    [GeneratedRegex("<style.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>A logger that keeps what it is told.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
