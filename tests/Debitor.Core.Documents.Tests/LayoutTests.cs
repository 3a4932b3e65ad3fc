using System.Text.RegularExpressions;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>DIN 5008 form B: the address field is 20 mm from the left and 45 mm from the top, 85 × 45 mm.</summary>
public sealed class LayoutTests
{
    private const double FieldLeft = 20;
    private const double FieldTop = 45;
    private const double FieldRight = FieldLeft + 85;
    private const double FieldBottom = FieldTop + 45;

    public static TheoryData<string> Cultures => new(["de-DE", "en-GB"]);

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Render_EveryKind_RecipientAndReturnAddressLieInsideTheAddressField(string culture)
    {
        var sample = await SampleDocuments.GetAsync();

        foreach (var (kind, document) in All(sample, culture, DocumentFormat.Pdf))
        {
            var words = FirstPageWords(document);
            // Everything printed in the window's column between 40 and 95 mm from the top must be the address block.
            var block = words.Where(w => w.Left < FieldRight && w.Top > FieldTop - 5 && w.Bottom < FieldBottom + 5).ToList();
            var expected = Plain(string.Join(' ', ReturnAddressAndRecipient(sample, kind)));

            Assert.Equal(expected, string.Join(' ', block.Select(w => w.Text)));
            Assert.All(block, w => Assert.True(
                w.Left >= FieldLeft && w.Right <= FieldRight && w.Top >= FieldTop && w.Bottom <= FieldBottom,
                $"{kind}: '{w.Text}' at {w.Left:0.0}–{w.Right:0.0} × {w.Top:0.0}–{w.Bottom:0.0} mm is outside the DIN 5008 address field"));
        }
    }

    private static IEnumerable<string> ReturnAddressAndRecipient(SampleDocuments sample, string kind)
    {
        yield return "Sonnenschein Reisen GmbH · Jungfernstieg 7 · 20354 Hamburg";
        var recipient = kind switch
        {
            "hand-over-lawyer" => SampleDocuments.Lawyer,
            "hand-over-agency" => SampleDocuments.Agency,
            "dunning-letter-reminder" or "interest-invoice-consumer" or "payment-agreement" => sample.Recipients[SampleDocuments.Anna],
            "payment-advice" or "difference-notification" or "write-off-notification" or "sepa-mandate" => sample.Recipients[SampleDocuments.Hanse],
            _ => sample.Recipients[SampleDocuments.Nordlicht],
        };
        yield return recipient.Name;
        foreach (var line in recipient.AddressLines)
        {
            yield return line;
        }
    }

    [Fact]
    public async Task Render_TableLongerThanAPage_ContinuesOnNextPagesWithHeaderAndFooterAndKeepsTheBodyArea()
    {
        var sample = await SampleDocuments.GetAsync();
        var document = Renderer().Render(sample.LongOpenItems, sample.Recipients[SampleDocuments.Schmidt], DocumentFormat.Pdf);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(document.Content.ToArray());
        var pages = pdf.GetPages().ToList();
        var text = PdfText(document);

        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"RE-K-10020-R{i} Rechnung", text, StringComparison.Ordinal));
        Assert.Equal(pages.Count, Regex.Count(text, "Beleg Art Belegdatum Fällig am Tage überfällig Betrag Offen Zinsen"));
        Assert.Equal(pages.Count, Regex.Count(text, "IBAN DE89 3704 0044 0532 0130 00"));
        Assert.Contains($"Seite {pages.Count} von {pages.Count}", text, StringComparison.Ordinal);
        foreach (var page in pages)
        {
            // Nothing but the page number between the body (ends 265 mm) and the footer (from 272 mm).
            var between = page.GetWords().Where(w => (page.Height - w.BoundingBox.Bottom) / PointsPerMm is > 265.5 and < 272).Select(w => w.Text);
            Assert.Equal(["Seite", (page.Number).ToString(CultureInfo.InvariantCulture), "von", pages.Count.ToString(CultureInfo.InvariantCulture)], between);
        }
    }
}
