using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

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

    /// <summary>
    /// <c>--pdf-cpu [letters]</c>: renders <paramref name="letters"/> letters in one process after a warm-up of a fifth as
    /// many, and prints the process CPU time and wall time per letter, bytes allocated per letter and bytes per file.
    /// </summary>
    public static void ReportCpu(int letters)
    {
        var bench = new PdfLetterBenchmarks();
        bench.Setup();
        for (var i = 0; i < letters / 5; i++)
        {
            bench.OneLetter();
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < letters; i++)
        {
            bytes += bench.OneLetter();
        }

        wall.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{letters:N0} letters of {Items} items: {used.TotalMicroseconds / letters:F1} µs CPU per letter, {wall.Elapsed.TotalMicroseconds / letters:F1} µs wall, " +
            $"{allocated / (double)letters / 1024:F1} KB allocated per letter, {bytes / (double)letters:N0} bytes per file; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}"));
    }
}
