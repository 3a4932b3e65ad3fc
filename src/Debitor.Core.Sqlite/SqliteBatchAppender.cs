using System.Text;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using SQLitePCL;

namespace Debitor.Core.Sqlite;

/// <summary>
/// Writes appends inside the caller's write transaction with three statements the connection prepared once (D16.100,
/// D13.101): per account the conditional move of its version (a new row for version 0), then its journal rows. Values
/// are bound as UTF-8 — each document straight from the journal writer's buffer, times, authors and kinds converted once
/// per appender — so a row costs no string, no parameter object and no per-call statement. The one way the store writes
/// journal rows: <see cref="SqliteCustomerAccountStore.AppendAsync"/> (one account) and
/// <see cref="SqliteCustomerAccountStore.AppendManyAsync"/> (a batch) both write through it.
/// </summary>
internal sealed class SqliteBatchAppender
{
    internal const string CreateHeadSql = "INSERT INTO debitor_accounts (customer, company, version) VALUES (?1, ?2, ?3) ON CONFLICT (customer) DO NOTHING;";
    internal const string MoveHeadSql = "UPDATE debitor_accounts SET version = ?3, company = COALESCE(?2, company) WHERE customer = ?1 AND version = ?4;";
    /// <summary>The move of an account whose appended records name no company (D16.222): its company, and so the company index, is left alone.</summary>
    internal const string MoveVersionSql = "UPDATE debitor_accounts SET version = ?3 WHERE customer = ?1 AND version = ?4;";
    internal const string InsertRowSql = "INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6);";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insertAccount;
    private readonly sqlite3_stmt _moveAccount;
    private readonly sqlite3_stmt _moveVersion;
    private readonly sqlite3_stmt _insertRow;
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);
    private readonly (string? Text, byte[] Bytes)[] _recent = new (string?, byte[])[8];
    private int _nextRecent;
    private readonly JournalJson.Utf8Sink<SqliteBatchAppender> _bindPayload = static (document, self) => self.Bind(self._insertRow, 6, document);
    private Instant _lastTime;
    private byte[]? _lastTimeUtf8;

    /// <summary>An appender on the session's prepared statements (kept by the session, not by the appender).</summary>
    public SqliteBatchAppender(SqliteSession session)
    {
        _db = session.Connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _insertAccount = session.Statement(CreateHeadSql);
        _moveAccount = session.Statement(MoveHeadSql);
        _moveVersion = session.Statement(MoveVersionSql);
        _insertRow = session.Statement(InsertRowSql);
    }

    /// <summary>
    /// Appends one account's records (checked by <see cref="StoredRecord.Check"/>); <see langword="false"/> when the
    /// account's version had moved on, and then nothing was written for it. <paramref name="documents"/>, when given, are
    /// the records' documents written ahead (<see cref="PreparedAppends"/>, D16.220), one per record, bound as they are.
    /// </summary>
    public bool TryAppend(JournalAppend append, ReadOnlyMemory<byte>[]? documents = null)
    {
        var records = append.Records;
        var customer = Encoding.UTF8.GetBytes(append.Customer.Value);
        var company = ICustomerAccountStore.CompanyOf(records)?.Value;
        // MoveHeadSql keeps the company when none is named (COALESCE); MoveVersionSql does the same without rewriting the
        // company and its index entry (D16.222).
        var head = append.ExpectedVersion == 0 ? _insertAccount : company is null ? _moveVersion : _moveAccount;
        Bind(head, 1, customer);
        if (head != _moveVersion)
        {
            if (company is null)
            {
                Check(raw.sqlite3_bind_null(head, 2));
            }
            else
            {
                Bind(head, 2, Utf8(company));
            }
        }

        Check(raw.sqlite3_bind_int64(head, 3, append.ExpectedVersion + records.Count));
        if (head != _insertAccount)
        {
            Check(raw.sqlite3_bind_int64(head, 4, append.ExpectedVersion));
        }

        Step(head);
        if (raw.sqlite3_changes(_db) != 1)
        {
            return false;
        }

        Bind(_insertRow, 1, customer);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            Check(raw.sqlite3_bind_int64(_insertRow, 2, record.Version));
            Bind(_insertRow, 3, TimeUtf8(record.RecordedAt));
            Bind(_insertRow, 4, Utf8(record.RecordedBy.Value));
            Bind(_insertRow, 5, Utf8(JournalJson.KindOf(record.Entry)));
            if (documents is not null && documents.Length == records.Count)
            {
                Bind(_insertRow, 6, documents[i].Span);
            }
            else
            {
                JournalJson.WriteUtf8(record.Entry, this, _bindPayload);
            }

            Step(_insertRow);
        }

        return true;
    }

    /// <summary>Runs a bound statement to its end and resets it (its bindings stay).</summary>
    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        _ = raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>Binds UTF-8 text (SQLite copies it); an empty span is bound as an empty text, not as NULL.</summary>
    private void Bind(sqlite3_stmt statement, int index, ReadOnlySpan<byte> text) =>
        Check(text.IsEmpty ? raw.sqlite3_bind_text(statement, index, string.Empty) : raw.sqlite3_bind_text(statement, index, text));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private byte[] Utf8(string text)
    {
        // Authors and kinds are a handful of strings, mostly the same instances row after row: those are found by reference,
        // without hashing the text (D16.223).
        for (var i = 0; i < _recent.Length; i++)
        {
            if (ReferenceEquals(_recent[i].Text, text))
            {
                return _recent[i].Bytes;
            }
        }

        if (!_utf8.TryGetValue(text, out var bytes))
        {
            bytes = Encoding.UTF8.GetBytes(text);
            _utf8.Add(text, bytes);
        }

        _recent[_nextRecent] = (text, bytes);
        _nextRecent = (_nextRecent + 1) % _recent.Length;
        return bytes;
    }

    /// <summary>The records of a batch share their time: it is formatted once.</summary>
    private byte[] TimeUtf8(Instant time)
    {
        if (_lastTimeUtf8 is null || time != _lastTime)
        {
            _lastTimeUtf8 = Encoding.UTF8.GetBytes(StoredRecord.FormatTime(time));
            _lastTime = time;
        }

        return _lastTimeUtf8;
    }
}
