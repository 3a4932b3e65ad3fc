using System.Buffers;
using System.Collections;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;

namespace Debitor.Core.Ports;

/// <summary>
/// A store whose <see cref="ICustomerAccountStore.AppendManyAsync"/> takes the documents of a <see cref="PreparedAppends"/>
/// as they were written ahead instead of writing them itself (D16.220). Only such a store is handed prepared documents: for
/// any other, writing them ahead would be work thrown away.
/// </summary>
internal interface IWritesPreparedDocuments;

/// <summary>
/// A batch of appends whose records' documents were written ahead, on the thread that planned them (D16.220), so that the
/// thread writing the batch only binds bytes. Each document is exactly what <see cref="JournalJson.WriteUtf8{TState}"/>
/// writes for the record's entry (it is written by that call); a store that takes them checks the batch as it checks any
/// other. Any other store sees a plain list of appends.
/// </summary>
internal sealed class PreparedAppends : IReadOnlyList<JournalAppend>
{
    private readonly List<JournalAppend> _appends;
    private readonly List<ReadOnlyMemory<byte>[]?> _documents;

    /// <summary>The appends, each with its records' documents in order (<see langword="null"/>: none prepared for it).</summary>
    public PreparedAppends(List<JournalAppend> appends, List<ReadOnlyMemory<byte>[]?> documents)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count != appends.Count)
        {
            throw new ArgumentException("Each append needs its entry of documents (null: none).", nameof(documents));
        }

        _appends = appends;
        _documents = documents;
    }

    /// <inheritdoc />
    public int Count => _appends.Count;

    /// <inheritdoc />
    public JournalAppend this[int index] => _appends[index];

    /// <summary>
    /// The documents of append <paramref name="index"/>'s records, in order; <see langword="null"/> when none were prepared
    /// or they do not match its records in number (then the store writes them itself).
    /// </summary>
    public ReadOnlyMemory<byte>[]? DocumentsOf(int index) =>
        _documents[index] is { } documents && _appends[index] is { } append && documents.Length == append.Records.Count ? documents : null;

    /// <inheritdoc />
    public IEnumerator<JournalAppend> GetEnumerator() => _appends.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Documents written ahead (D16.220), held in large arrays rented from the shared pool — not one array per document, and
/// nothing the collector has to trace or move — until the batch is written; <see cref="Dispose"/> returns them. Written
/// on one thread, then read on another after the hand-over; not for concurrent writing.
/// </summary>
internal sealed class DocumentBuffer : IDisposable
{
    /// <summary>Each rented array holds this many bytes (a document longer than that gets an array of its own size).</summary>
    internal const int SegmentBytes = 1 << 20;

    private static readonly JournalJson.Utf8Sink<DocumentBuffer> Keep = static (document, buffer) => buffer._last = buffer.Add(document);

    private readonly List<byte[]> _segments = [];
    private byte[]? _current;
    private int _used;
    private ReadOnlyMemory<byte> _last;

    /// <summary>Writes the documents of <paramref name="records"/>' entries, in order (each as <see cref="JournalJson.WriteUtf8{TState}"/> writes it).</summary>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public ReadOnlyMemory<byte>[] Write(IReadOnlyList<JournalRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var documents = new ReadOnlyMemory<byte>[records.Count];
        for (var i = 0; i < documents.Length; i++)
        {
            JournalJson.WriteUtf8(records[i].Entry, this, Keep);
            documents[i] = _last;
        }

        return documents;
    }

    /// <summary>Returns the arrays to the pool; the documents written are not to be read after this.</summary>
    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        _current = null;
        _used = 0;
    }

    private ReadOnlyMemory<byte> Add(ReadOnlySpan<byte> document)
    {
        if (_current is null || _current.Length - _used < document.Length)
        {
            _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentBytes, document.Length));
            _segments.Add(_current);
            _used = 0;
        }

        document.CopyTo(_current.AsSpan(_used));
        var kept = new ReadOnlyMemory<byte>(_current, _used, document.Length);
        _used += document.Length;
        return kept;
    }
}
