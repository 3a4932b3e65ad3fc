using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Debitor.Core.Application;
using Debitor.Core.Ports;
using Debitor.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Debitor.Core.Sqlite;

/// <summary>
/// Streams journals from a statement whose rows are (account, account version, row version, recorded at, recorded by,
/// payload), grouped by account and in version order within it, stepping the statement directly (D13.80). The statement
/// is stepped on a task of its own, which copies each row's bytes into a batch, while the journals of the batch before are
/// decoded by the reader (D16.279): reading and decoding run on two cores at once. The account id is decoded once per
/// account, time and author once per change. Rows are assembled by <see cref="JournalAssembler"/>, like every other load.
/// </summary>
internal static class SqliteJournalStream
{
    /// <summary>How often the first step is retried, 50 ms apart, while a writer holds a lock (30 s, a command's default timeout).</summary>
    private const int BusyRetries = 600;

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/> with one text parameter and yields the journals it reads.</summary>
    /// <exception cref="SqliteException">The statement fails.</exception>
    public static async IAsyncEnumerable<StoredJournal> ReadAsync(
        SqliteConnection connection, string sql, string parameter, string argument, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var journal = new JournalAssembler();
        await foreach (var batch in ReadAhead.Of(token => ReadRowsAsync(connection, sql, parameter, argument, token), cancellationToken, itemsPerBatch: 1).ConfigureAwait(false))
        {
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (journal.MoveTo(batch.Account(i), batch.Head(i)) is { } finished)
                    {
                        yield return finished;
                    }

                    if (batch.HasRecord(i))
                    {
                        journal.Add(batch.Version(i), batch.RecordedAt(i), batch.RecordedBy(i), batch.Payload(i));
                    }
                }
            }
            finally
            {
                batch.Return();
            }
        }

        if (journal.FinishLast() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Steps the statement and yields its rows copied into batches, each given back by the reader once decoded.</summary>
    private static async IAsyncEnumerable<RowBatch> ReadRowsAsync(
        SqliteConnection connection, string sql, string parameter, string argument, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, parameter), argument), db);
            var batch = RowBatch.Rent();
            try
            {
                var retries = 0;
                var read = false;
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rc = raw.sqlite3_step(statement);
                    if ((rc == raw.SQLITE_BUSY || rc == raw.SQLITE_LOCKED) && !read && retries++ < BusyRetries)
                    {
                        raw.sqlite3_reset(statement);
                        await Task.Delay(50, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (rc == raw.SQLITE_DONE)
                    {
                        break;
                    }

                    if (rc != raw.SQLITE_ROW)
                    {
                        Check(rc, db);
                    }

                    read = true;
                    if (!batch.TryAdd(statement))
                    {
                        // A batch handed to the reader is the reader's to give back (and no longer this task's).
                        var full = batch;
                        batch = null;
                        yield return full;
                        batch = RowBatch.Rent();
                        batch.Add(statement);
                    }
                }

                if (batch.Count > 0)
                {
                    var last = batch;
                    batch = null;
                    yield return last;
                }
            }
            finally
            {
                batch?.Return();
            }
        }
    }

    /// <summary>
    /// Adds the journal row the statement stands on, from its record columns (<see cref="RecordColumns"/>); a row without a
    /// record (an account without rows to read) adds nothing. Shared with the single-account load (D13.101).
    /// </summary>
    internal static void AddRow(JournalAssembler journal, sqlite3_stmt statement)
    {
        var row = RecordColumns.Of(statement);
        if (row.HasRecord)
        {
            journal.Add(row.Version, row.RecordedAt, row.RecordedBy, row.Payload);
        }
    }

    /// <summary>Throws the driver's exception for a failed call.</summary>
    internal static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}

/// <summary>
/// Rows of a journal stream copied out of SQLite's buffers (which hold only until the next step) into one array, so they
/// can be decoded on another thread while the statement steps on (D16.279). Kept in a small pool with their arrays: a
/// stream reuses the same few batches throughout.
/// </summary>
internal sealed class RowBatch
{
    private const int DefaultBytes = 256 * 1024;
    private const int MaxRows = 1024;
    private const int Pooled = 8;

    private static readonly ConcurrentQueue<RowBatch> Pool = new();

    private readonly Row[] _rows = new Row[MaxRows];
    private byte[] _bytes = new byte[DefaultBytes];
    private int _used;

    /// <summary>How many rows the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>An empty batch, from the pool when one is there.</summary>
    public static RowBatch Rent() => Pool.TryDequeue(out var batch) ? batch : new RowBatch();

    /// <summary>Gives the batch back to the pool, emptied (a batch grown for one large row is dropped).</summary>
    public void Return()
    {
        Count = 0;
        _used = 0;
        if (_bytes.Length == DefaultBytes && Pool.Count < Pooled)
        {
            Pool.Enqueue(this);
        }
    }

    /// <summary>Copies the row the statement stands on, unless the batch is full; an empty batch takes any row.</summary>
    public bool TryAdd(sqlite3_stmt statement)
    {
        var account = raw.sqlite3_column_blob(statement, 0);
        var head = raw.sqlite3_column_int64(statement, 1);
        var record = RecordColumns.Of(statement);
        var needed = account.Length + record.RecordedAt.Length + record.RecordedBy.Length + record.Payload.Length;
        if (Count == MaxRows || _used + needed > _bytes.Length)
        {
            if (Count > 0)
            {
                return false;
            }

            _bytes = new byte[needed];
        }

        _rows[Count++] = new Row(Copy(account), head, record.HasRecord, record.Version, Copy(record.RecordedAt), Copy(record.RecordedBy), Copy(record.Payload));
        return true;
    }

    /// <summary>Copies the row the statement stands on into an empty batch.</summary>
    public void Add(sqlite3_stmt statement)
    {
        if (!TryAdd(statement))
        {
            throw new InvalidOperationException("An empty batch takes any row.");
        }
    }

    /// <summary>The account id's bytes of row <paramref name="i"/>.</summary>
    public ReadOnlySpan<byte> Account(int i) => Span(_rows[i].Account);

    /// <summary>The account's version as row <paramref name="i"/> names it.</summary>
    public long Head(int i) => _rows[i].Head;

    /// <summary>Whether row <paramref name="i"/> carries a journal record (an account without records to read has none).</summary>
    public bool HasRecord(int i) => _rows[i].HasRecord;

    /// <summary>The record's version.</summary>
    public long Version(int i) => _rows[i].Version;

    /// <summary>The record's time, as stored.</summary>
    public ReadOnlySpan<byte> RecordedAt(int i) => Span(_rows[i].RecordedAt);

    /// <summary>The record's author, as stored.</summary>
    public ReadOnlySpan<byte> RecordedBy(int i) => Span(_rows[i].RecordedBy);

    /// <summary>The record's document, as stored.</summary>
    public ReadOnlySpan<byte> Payload(int i) => Span(_rows[i].Payload);

    private (int Offset, int Length) Copy(ReadOnlySpan<byte> bytes)
    {
        var offset = _used;
        bytes.CopyTo(_bytes.AsSpan(offset));
        _used += bytes.Length;
        return (offset, bytes.Length);
    }

    private ReadOnlySpan<byte> Span((int Offset, int Length) range) => _bytes.AsSpan(range.Offset, range.Length);

    private readonly record struct Row(
        (int Offset, int Length) Account, long Head, bool HasRecord, long Version,
        (int Offset, int Length) RecordedAt, (int Offset, int Length) RecordedBy, (int Offset, int Length) Payload);
}

/// <summary>
/// The record columns of a journal row as the loads select them (2: version, 3: recorded at, 4: recorded by, 5: payload),
/// as the bytes SQLite holds for the row the statement stands on (valid until its next step); a null version is a row
/// without a record (an account without rows to read). The one place that knows the layout.
/// </summary>
internal readonly ref struct RecordColumns
{
    private RecordColumns(long version, ReadOnlySpan<byte> recordedAt, ReadOnlySpan<byte> recordedBy, ReadOnlySpan<byte> payload)
    {
        HasRecord = true;
        Version = version;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        Payload = payload;
    }

    /// <summary>Whether the row carries a record.</summary>
    public bool HasRecord { get; }

    /// <summary>The record's version.</summary>
    public long Version { get; }

    /// <summary>The record's time, as stored.</summary>
    public ReadOnlySpan<byte> RecordedAt { get; }

    /// <summary>The record's author, as stored.</summary>
    public ReadOnlySpan<byte> RecordedBy { get; }

    /// <summary>The record's document, as stored.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The record columns of the row the statement stands on.</summary>
    public static RecordColumns Of(sqlite3_stmt statement) =>
        raw.sqlite3_column_type(statement, 2) == raw.SQLITE_NULL
            ? default
            : new RecordColumns(
                raw.sqlite3_column_int64(statement, 2),
                raw.sqlite3_column_blob(statement, 3),
                raw.sqlite3_column_blob(statement, 4),
                raw.sqlite3_column_blob(statement, 5));
}
