using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Rendering.Views;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace Debitor.Core.Benchmarks.Documents;

/// <summary>
/// One PDF dunning letter as the <c>debitor</c> tool writes it per customer: ten overdue invoices on one A4 page, German,
/// rendered by one shared <see cref="DocumentRenderer"/>. Each operation renders the next of <see cref="Letters"/>
/// distinct letters (names and amounts differ, so no two files are alike).
/// </summary>
[MemoryDiagnoser]
public class PdfLetterBenchmarks
{
    /// <summary>Distinct letters the benchmark cycles through.</summary>
    public const int Letters = 100;

    /// <summary>Overdue invoices per letter (the tool's measured data has ten items per customer).</summary>
    public const int Items = 10;

    private readonly ReceivablesContact _contact = LetterSamples.Contact;
    private DocumentRenderer _renderer = null!;
    private List<(DunningLetter Letter, LetterRecipient Recipient)> _letters = null!;
    private int _next;

    /// <summary>Posts ten invoices per customer and previews the run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _letters = LetterSamples.Letters(Letters, 20_000, i => $"Müller & Söhne {i} GmbH", (id, i) => [.. Enumerable.Range(1, Items).Select(n => (JournalEntry)InvoicePosted.Single(
            new EntryId($"{id}-R{n}"), $"RE-2026-{i:D5}-{n:D2}", new LocalDate(2026, 8, n), new LocalDate(2026, 9, n), new Money(97.13m * n + i, Currency.EUR)))], "Große Straße 12");
        _renderer = new DocumentRenderer(new DocumentRendererOptions { Company = LetterSamples.Company });
    }

    /// <summary>The next letter to PDF; returns its bytes.</summary>
    [Benchmark]
    public int OneLetter()
    {
        var (letter, recipient) = _letters[_next];
        _next = (_next + 1) % _letters.Count;
        return _renderer.Render(letter, recipient, _contact, DocumentFormat.Pdf).Content.Length;
    }

    /// <summary>The next letter's view only (wording and formatting, no PDF); returns its table rows.</summary>
    [Benchmark]
    public int OneLetterView()
    {
        var (letter, recipient) = _letters[_next];
        _next = (_next + 1) % _letters.Count;
        return View(letter, recipient).Tables[0].Rows.Count;
    }

    /// <summary>The next letter's view and page layout into PDFsharp's objects, not saved; returns the pages.</summary>
    [Benchmark]
    public int OneLetterLayout()
    {
        var (letter, recipient) = _letters[_next];
        _next = (_next + 1) % _letters.Count;
        using var document = Debitor.Core.Documents.Rendering.Pdf.PdfDocumentRenderer.Compose(View(letter, recipient), letter.LetterDate, out _);
        return document.PageCount;
    }

    private DocumentView View(DunningLetter letter, LetterRecipient recipient) =>
        DunningViews.Letter(new LetterFrame(LetterSamples.Company, new DocumentLanguage(DocumentTexts.Default, "de-DE", "de-DE", NullLogger.Instance), recipient), letter, _contact);

    /// <summary>
    /// <c>--pdf-cpu [letters]</c>: renders <paramref name="letters"/> letters in one process after a warm-up of a fifth as
    /// many, and prints the process CPU time and wall time per letter, bytes allocated per letter and bytes per file; the
    /// last step also writes each letter as a file (into a temporary folder, deleted at the end).
    /// </summary>
    public static void ReportCpu(int letters)
    {
        var bench = new PdfLetterBenchmarks();
        bench.Setup();
        var directory = Directory.CreateTempSubdirectory("debitor-pdf-cpu-");
        try
        {
            var files = 0;
            foreach (var (name, step) in new (string, Func<int>)[]
                     {
                         ("view only", bench.OneLetterView), ("view and layout, not saved", bench.OneLetterLayout), ("whole letter", bench.OneLetter),
                         ("whole letter written as its file", () => bench.OneLetterFile(directory.FullName, files++)),
                     })
            {
                Report(name, letters, step);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The next letter as the tool writes it (<c>DocumentFiles</c>): rendered to PDF and written from the renderer's buffer
    /// as a new file in <paramref name="directory"/> (D16.242, D16.243); returns its bytes.
    /// </summary>
    private int OneLetterFile(string directory, int number)
    {
        var (letter, recipient) = _letters[_next];
        _next = (_next + 1) % _letters.Count;
        var written = 0;
        _renderer.WritePdf(letter, recipient, _contact, (fileName, content) =>
        {
            using var file = File.OpenHandle(Path.Combine(directory, $"{number}-{fileName}"), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(file, content, 0);
            written = content.Length;
        });
        return written;
    }

    private static void Report(string name, int letters, Func<int> step)
    {
        for (var i = 0; i < letters / 5; i++)
        {
            step();
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var system = process.PrivilegedProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < letters; i++)
        {
            bytes += step();
        }

        wall.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        system = process.PrivilegedProcessorTime - system;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        collections = (GC.CollectionCount(0) - collections.Gen0, GC.CollectionCount(1) - collections.Gen1, GC.CollectionCount(2) - collections.Gen2);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name}, {letters:N0} letters of {Items} items: {used.TotalMicroseconds / letters:F1} µs CPU per letter ({system.TotalMicroseconds / letters:F1} µs of it system), {wall.Elapsed.TotalMicroseconds / letters:F1} µs wall, " +
            $"{allocated / (double)letters / 1024:F1} KB allocated per letter, {bytes / (double)letters:N0} bytes per file (whole letter); GC {collections.Gen0}/{collections.Gen1}/{collections.Gen2} collections of generation 0/1/2; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}"));
    }
}
