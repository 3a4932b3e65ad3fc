using BenchmarkDotNet.Attributes;
using Debitor.Core.Benchmarks.Ledger;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;

namespace Debitor.Core.Benchmarks.Serialization;

/// <summary>
/// Writing and reading journal documents (issue 13): a mixed journal of 1,000 records (registration, invoices with and
/// without installments, payments, applications, pauses; <see cref="SampleJournal"/>). Every figure is per record
/// (<c>OperationsPerInvoke</c>), so the mean is the time and the allocation column the bytes of one record.
/// </summary>
[MemoryDiagnoser]
public class JournalJsonBenchmarks
{
    private const int Records = 1_000;

    private IReadOnlyList<JournalRecord> _journal = [];
    private string[] _entryText = [];
    private byte[][] _entryUtf8 = [];
    private byte[][] _recordUtf8 = [];

    [GlobalSetup]
    public void Setup()
    {
        _journal = SampleJournal.Create(Records);
        _entryText = [.. _journal.Select(r => JournalJson.Serialize(r.Entry))];
        _entryUtf8 = [.. _journal.Select(r => JournalJson.SerializeToUtf8Bytes(r.Entry))];
        _recordUtf8 = [.. _journal.Select(JournalJson.SerializeToUtf8Bytes)];
    }

    /// <summary>What a store writes per record: the entry as a string (<c>StoredRecord.Prepare</c>).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public int SerializeEntryToString()
    {
        var length = 0;
        foreach (var record in _journal)
        {
            length += JournalJson.Serialize(record.Entry).Length;
        }

        return length;
    }

    /// <summary>The general writer (source-generated metadata only): how every entry was written before the hand-written writers (D13.60).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public int SerializeEntryToUtf8_GeneralPath()
    {
        var length = 0;
        foreach (var record in _journal)
        {
            length += JournalJson.SerializeToUtf8BytesGeneral(record.Entry).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int SerializeRecordToUtf8()
    {
        var length = 0;
        foreach (var record in _journal)
        {
            length += JournalJson.SerializeToUtf8Bytes(record).Length;
        }

        return length;
    }

    /// <summary>What a store reads per record from a text column (<c>StoredRecord.Read</c> with a string payload).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public int DeserializeEntryFromString()
    {
        var count = 0;
        foreach (var text in _entryText)
        {
            count += JournalJson.Deserialize(text) is InvoicePosted ? 1 : 0;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int DeserializeEntryFromUtf8()
    {
        var count = 0;
        foreach (var bytes in _entryUtf8)
        {
            count += JournalJson.Deserialize(bytes) is InvoicePosted ? 1 : 0;
        }

        return count;
    }

    /// <summary>The general path (JsonDocument, then the entry element): how every document was read before D13.30, and how older format versions still are.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public int DeserializeEntryFromUtf8_GeneralPath()
    {
        var count = 0;
        foreach (var bytes in _entryUtf8)
        {
            count += JournalJson.DeserializeDocument(bytes) is InvoicePosted ? 1 : 0;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long DeserializeRecordFromUtf8()
    {
        var sum = 0L;
        foreach (var bytes in _recordUtf8)
        {
            sum += JournalJson.DeserializeRecord(bytes).Version;
        }

        return sum;
    }
}
