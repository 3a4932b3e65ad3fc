using BenchmarkDotNet.Attributes;
using Debitor.Core.Benchmarks.Documents;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;

namespace Debitor.Core.Benchmarks.Serialization;

/// <summary>
/// Writing a dunning letter for the outbox (issue 16, D16.200): 200 letters of one run (ten items each), per letter
/// (<c>OperationsPerInvoke</c>). <see cref="WithTheRunSourceInside"/> is what every letter row held before D16.200 (the run's
/// request, settings, interest schemes and contact written into each letter, from the settings documents kept per
/// instance, D16.61); <see cref="AsTheOutboxStoresIt"/> is what a database outbox writes now (the source's key only).
/// </summary>
[MemoryDiagnoser]
public class DocumentJsonBenchmarks
{
    private const int Letters = 200;
    private const int Items = 10;

    private DunningLetterDocument[] _letters = [];

    [GlobalSetup]
    public void Setup() =>
        _letters = [.. LetterSamples.Letters(Letters, 30_000, i => $"Müller & Söhne {i} GmbH", (id, i) => [.. Enumerable.Range(1, Items).Select(n => (JournalEntry)InvoicePosted.Single(
            new EntryId($"{id}-R{n}"), $"RE-2026-{i:D5}-{n:D2}", new LocalDate(2026, 8, n), new LocalDate(2026, 9, n), new Money(97.13m * n + i, Currency.EUR)))], "Große Straße 12")
            .Select(l => new DunningLetterDocument(l.Letter))];

    /// <summary>The letter with its run's source inside (<see cref="DocumentJson.Serialize"/>): the row before D16.200.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Letters)]
    public int WithTheRunSourceInside()
    {
        var length = 0;
        foreach (var letter in _letters)
        {
            length += DocumentJson.Serialize(letter).Length;
        }

        return length;
    }

    /// <summary>The letter as a database outbox stores it: the run source's key instead of the source.</summary>
    [Benchmark(OperationsPerInvoke = Letters)]
    public int AsTheOutboxStoresIt()
    {
        var length = 0;
        foreach (var letter in _letters)
        {
            length += DocumentJson.SerializeForOutbox(letter, out _).Length;
        }

        return length;
    }

    /// <summary>The part of writing a letter that hashes what it states (D13.50), alone.</summary>
    [Benchmark(OperationsPerInvoke = Letters)]
    public int ContentHashOnly()
    {
        var length = 0;
        foreach (var letter in _letters)
        {
            length += letter.Letter.ContentHash().Length;
        }

        return length;
    }

    /// <summary>The part of writing a letter that gathers its source (notices, versions, totals), alone.</summary>
    [Benchmark(OperationsPerInvoke = Letters)]
    public int SourceOnly()
    {
        var count = 0;
        foreach (var letter in _letters)
        {
            count += letter.Letter.Source().Notices?.Count ?? 0;
        }

        return count;
    }
}
