using System.Text;
using Debitor.Core.Documents.Rendering.Pdf;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// The PDF layout's line breaking (D16.241): lines cut out of the text in one pass, proven equal to the assembling
/// algorithm it replaced (words split at every space and joined again in a string builder) over random texts of words,
/// runs of spaces and leading or trailing spaces, in both faces, at sizes and widths the letters use.
/// </summary>
public sealed class PdfWrapTests
{
    private static readonly char[] Letters = "aeinrstuÄÖÜäöüßWMlij0123456789.,-€§/()".ToCharArray();

    /// <summary>The line breaking as it was before D16.241, kept here as the reference.</summary>
    private static List<string> Assembled(string text, PdfDocumentRenderer.LetterFont font, double widthMm)
    {
        var limit = widthMm * 72 / 25.4;
        if (font.Width(text) <= limit)
        {
            return [text];
        }

        var lines = new List<string>();
        var space = font.Width(" ");
        var line = new StringBuilder();
        var width = 0.0;
        foreach (var word in text.Split(' '))
        {
            var w = font.Width(word);
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

    private static Gen<string> Texts() =>
        Gen.OneOf(
                Gen.Elements(Letters).ArrayOf().Where(a => a.Length <= 25).Select(a => new string(a)),
                Gen.Constant(string.Empty),
                Gen.Constant("Rechnungsnummer"))
            .ListOf()
            .Where(words => words.Count <= 40)
            .Select(words => string.Join(' ', words));

    [Property(MaxTest = 500)]
    public Property Wrap_AnyText_GivesTheLinesOfTheAssemblingAlgorithm() =>
        Prop.ForAll(
            (from text in Texts()
             from size in Gen.Elements(6.5, 8.0, 10.0, 12.0)
             from bold in Gen.Elements(false, true)
             from width in Gen.Choose(5, 170)
             select (text, size, bold, width)).ToArbitrary(),
            c =>
            {
                var font = new PdfDocumentRenderer.LetterFont(c.size, c.bold);
                Assert.Equal(Assembled(c.text, font, c.width), PdfDocumentRenderer.Wrap(c.text, font, c.width));
            });

    [Theory]
    [InlineData("Bitte überweisen Sie den offenen Betrag bis zum 30.11.2026 auf das unten genannte Konto.", 40)]
    [InlineData("  zwei  Leerzeichen   und    mehr  ", 12)]
    [InlineData("EinSehrLangesWortOhneLeerzeichenDasNichtPasst kurz", 10)]
    [InlineData(" ", 1)]
    public void Wrap_Examples_GiveTheLinesOfTheAssemblingAlgorithm(string text, double width)
    {
        var font = new PdfDocumentRenderer.LetterFont(10, false);
        var lines = PdfDocumentRenderer.Wrap(text, font, width);
        Assert.Equal(Assembled(text, font, width), lines);
        Assert.All(lines, line => Assert.True(line.Length == 0 || font.Width(line) <= width * 72 / 25.4 || !line.Contains(' ', StringComparison.Ordinal)));
    }
}
