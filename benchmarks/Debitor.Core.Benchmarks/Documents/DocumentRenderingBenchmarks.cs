using BenchmarkDotNet.Attributes;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Rendering.Views;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace Debitor.Core.Benchmarks.Documents;

/// <summary>
/// Rendering dunning letters: 200 letters of a preview run (each with three overdue invoices and a credit note), to
/// PDF and to HTML. One operation renders all letters; divide by <see cref="Letters"/> for one letter.
/// </summary>
[MemoryDiagnoser]
public class DocumentRenderingBenchmarks
{
    /// <summary>Letters per operation.</summary>
    public const int Letters = 200;

    private readonly ReceivablesContact _contact = LetterSamples.Contact;
    private CompanyProfile _company = null!;
    private DocumentRenderer _renderer = null!;
    private List<(DunningLetter Letter, LetterRecipient Recipient)> _letters = null!;

    /// <summary>Posts the invoices and previews the run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _letters = LetterSamples.Letters(Letters, 10_000, i => $"Kunde {i} GmbH", (id, i) => [
            InvoicePosted.Single(new EntryId($"{id}-R1"), $"RE-{id}-R1", new LocalDate(2026, 9, 1), new LocalDate(2026, 10, 1), new Money(1_234.56m + i, Currency.EUR)),
            InvoicePosted.Single(new EntryId($"{id}-R2"), $"RE-{id}-R2", new LocalDate(2026, 10, 1), new LocalDate(2026, 11, 1), new Money(33_397.99m, Currency.EUR)),
            InvoicePosted.Single(new EntryId($"{id}-R3"), $"RE-{id}-R3", new LocalDate(2026, 10, 15), new LocalDate(2026, 11, 10), new Money(99.90m, Currency.EUR)),
            new CreditNotePosted(new EntryId($"{id}-GS"), $"GS-{id}", new LocalDate(2026, 11, 2), new Money(50m, Currency.EUR)),
        ], "Musterstraße 1");
        _company = LetterSamples.Company;
        _renderer = new DocumentRenderer(new DocumentRendererOptions { Company = _company });
        foreach (var (letter, _) in _letters)
        {
            _ = letter.Lines.Count; // materialise the letters once, as a host does before rendering
        }
    }

    /// <summary>All letters to PDF; returns the total bytes.</summary>
    [Benchmark(Baseline = true)]
    public long Pdf()
    {
        long bytes = 0;
        foreach (var (letter, recipient) in _letters)
        {
            bytes += _renderer.Render(letter, recipient, _contact, DocumentFormat.Pdf).Content.Length;
        }

        return bytes;
    }

    /// <summary>Only the wording and formatting every format shares (model to view); returns the table rows.</summary>
    [Benchmark]
    public int Views()
    {
        var rows = 0;
        var language = new DocumentLanguage(DocumentTexts.Default, "de-DE", "de-DE", NullLogger.Instance);
        foreach (var (letter, recipient) in _letters)
        {
            rows += DunningViews.Letter(new LetterFrame(_company, language, recipient), letter, _contact).Tables[0].Rows.Count;
        }

        return rows;
    }

    /// <summary>Views and PDF page layout, without writing the file (the fonts are the shared programs copied in, D16.150; saving writes them).</summary>
    [Benchmark]
    public int PdfLayoutOnly()
    {
        var pages = 0;
        var language = new DocumentLanguage(DocumentTexts.Default, "de-DE", "de-DE", NullLogger.Instance);
        foreach (var (letter, recipient) in _letters)
        {
            var view = DunningViews.Letter(new LetterFrame(_company, language, recipient), letter, _contact);
            using var document = Debitor.Core.Documents.Rendering.Pdf.PdfDocumentRenderer.Compose(view, letter.LetterDate, out _);
            pages += document.PageCount;
        }

        return pages;
    }

    /// <summary>All letters to HTML; returns the total bytes.</summary>
    [Benchmark]
    public long Html()
    {
        long bytes = 0;
        foreach (var (letter, recipient) in _letters)
        {
            bytes += _renderer.Render(letter, recipient, _contact, DocumentFormat.Html).Content.Length;
        }

        return bytes;
    }
}
