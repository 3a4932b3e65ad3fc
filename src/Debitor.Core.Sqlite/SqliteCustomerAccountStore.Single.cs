using Debitor.Core.Ports;
using Debitor.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using static Debitor.Core.Sqlite.SqliteJournalStream;

namespace Debitor.Core.Sqlite;

/// <summary>
/// One account's load and append, on statements prepared once per pooled connection and stepped directly (D13.101).
/// A load is one statement that reads the account's version, the store's deletion count (D13.100) and the rows after a
/// version from one read snapshot; every column is read as the bytes SQLite holds for the row (as the streamed loads do,
/// D13.80), and the rows are assembled by <see cref="JournalAssembler"/> like every other load. An append is one
/// <c>BEGIN IMMEDIATE</c> transaction: the account row moved from the expected version (created for 0), the rows
/// inserted, committed; the same statements and the same guarantees as the batch append's part, without the driver's
/// per-call command, reader and transaction objects.
/// </summary>
public sealed partial class SqliteCustomerAccountStore : IStampedAccountStore
{
    /// <summary>
    /// The store's deletion count (D13.100): one row counting every account row ever deleted, kept by a trigger, so a
    /// deletion by any process or connection, through this store or by hand, changes it in the deleting transaction.
    /// </summary>
    internal const string DeletionCountSchema = """
        CREATE TABLE IF NOT EXISTS debitor_deletions (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            count INTEGER NOT NULL);
        INSERT INTO debitor_deletions (id, count) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
        CREATE TRIGGER IF NOT EXISTS debitor_accounts_deleted AFTER DELETE ON debitor_accounts
        BEGIN UPDATE debitor_deletions SET count = count + 1 WHERE id = 1; END;
        """;

    /// <summary>How often a first step is retried, 50 ms apart, while another connection holds a lock (30 s).</summary>
    private const int BusyRetries = 600;

    private const string LoadSql = """
        SELECT a.version, NULL, j.version, j.recorded_at, j.recorded_by, j.payload
        FROM debitor_accounts a LEFT JOIN debitor_journal j ON j.customer = a.customer AND j.version > ?2
        WHERE a.customer = ?1 ORDER BY j.version;
        """;

    private const string StampedSql = """
        SELECT a.version, (SELECT count FROM debitor_deletions WHERE id = 1), j.version, j.recorded_at, j.recorded_by, j.payload
        FROM debitor_accounts a LEFT JOIN debitor_journal j ON j.customer = a.customer AND j.version > ?2
        WHERE a.customer = ?1 ORDER BY j.version;
        """;

    private const string BeginSql = "BEGIN IMMEDIATE;";
    private const string CommitSql = "COMMIT;";
    private const string RollbackSql = "ROLLBACK;";
    private const string HeadSql = "SELECT version FROM debitor_accounts WHERE customer = ?1;";

    /// <summary>Set when the database has no deletion count (its schema predates it): loads are then not stamped.</summary>
    private volatile bool _unstamped;

    /// <inheritdoc />
    ValueTask<StampedRecords> IStampedAccountStore.LoadStampedAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        return WithSessionAsync(session => ReadOneAsync(session, customer, afterVersion, stamped: !_unstamped, cancellationToken), cancellationToken);
    }

    /// <summary>Reads one account's records after <paramref name="after"/>, with the deletion count when <paramref name="stamped"/>.</summary>
    private async ValueTask<StampedRecords> ReadOneAsync(SqliteSession session, CustomerId customer, long after, bool stamped, CancellationToken cancellationToken)
    {
        sqlite3_stmt statement;
        try
        {
            statement = session.Statement(stamped ? StampedSql : LoadSql);
        }
        catch (SqliteException ex) when (stamped && ex.SqliteErrorCode == raw.SQLITE_ERROR && ex.Message.Contains("debitor_deletions", StringComparison.Ordinal))
        {
            // A database whose schema was not brought up to date: load without a stamp; EnsureSchemaAsync enables it again.
            _unstamped = true;
            return await ReadOneAsync(session, customer, after, stamped: false, cancellationToken).ConfigureAwait(false);
        }

        var db = session.Connection.Handle!;
        try
        {
            Check(raw.sqlite3_bind_text(statement, 1, customer.Value), db);
            Check(raw.sqlite3_bind_int64(statement, 2, after), db);
            for (var retries = 0; ; retries++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rc = raw.sqlite3_step(statement);
                if ((rc == raw.SQLITE_BUSY || rc == raw.SQLITE_LOCKED) && retries < BusyRetries)
                {
                    raw.sqlite3_reset(statement);
                    await Task.Delay(50, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return ReadRows(statement, db, rc, customer, after);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    /// <summary>Reads the rows from the first step's result on: the account row's version and count, then its journal rows.</summary>
    private static StampedRecords ReadRows(sqlite3_stmt statement, sqlite3 db, int rc, CustomerId customer, long after)
    {
        if (rc == raw.SQLITE_DONE)
        {
            return new StampedRecords([], null, Exists: false);
        }

        Check(rc, db);
        long? deletions = raw.sqlite3_column_type(statement, 1) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(statement, 1);
        var journal = new JournalAssembler();
        journal.Start(customer, raw.sqlite3_column_int64(statement, 0), after);
        while (rc == raw.SQLITE_ROW)
        {
            AddRow(journal, statement);
            rc = raw.sqlite3_step(statement);
        }

        Check(rc, db);
        return new StampedRecords(journal.FinishOrThrow(), deletions, Exists: true);
    }

    /// <summary>
    /// Appends one account's records in one <c>BEGIN IMMEDIATE</c> transaction, written by the batch's
    /// <see cref="SqliteBatchAppender"/>; a version that moved on rolls back and throws. Once the transaction holds the
    /// write lock the append is not cancelled: it commits or, on a fault, rolls back.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stored version is not the expected one; nothing was appended.</exception>
    private async ValueTask<bool> AppendOneAsync(SqliteSession session, JournalAppend append, CancellationToken cancellationToken)
    {
        var db = session.Connection.Handle!;
        await BeginImmediateAsync(session, db, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!new SqliteBatchAppender(session).TryAppend(append))
            {
                var actual = Read(session.Statement(HeadSql), db, append.Customer);
                Run(session.Statement(RollbackSql), db);
                throw new ConcurrencyException(append.Customer, append.ExpectedVersion, actual);
            }

            Run(session.Statement(CommitSql), db);
            return true;
        }
        catch (Exception ex) when (ex is not ConcurrencyException && raw.sqlite3_get_autocommit(db) == 0)
        {
            raw.sqlite3_step(session.Statement(RollbackSql));
            raw.sqlite3_reset(session.Statement(RollbackSql));
            throw;
        }
    }

    /// <summary>Takes the write lock, waiting (up to the connection's timeout) while another connection holds it.</summary>
    private async ValueTask BeginImmediateAsync(SqliteSession session, sqlite3 db, CancellationToken cancellationToken)
    {
        var begin = session.Statement(BeginSql);
        var waited = 0;
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rc = raw.sqlite3_step(begin);
            raw.sqlite3_reset(begin);
            if (rc != raw.SQLITE_BUSY || waited >= session.Connection.DefaultTimeout * 1000)
            {
                Check(rc, db);
                return;
            }

            var delay = Math.Min(50, 1 << Math.Min(attempt, 6));
            waited += delay;
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Steps a statement that returns no rows to its end and resets it; the number of rows it changed.</summary>
    private static int Run(sqlite3_stmt statement, sqlite3 db)
    {
        try
        {
            Check(raw.sqlite3_step(statement), db);
            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    /// <summary>The account's version as this connection sees it; 0 when there is no account.</summary>
    private static long Read(sqlite3_stmt statement, sqlite3 db, CustomerId customer)
    {
        try
        {
            Bind(statement, db, 1, customer.Value);
            var rc = raw.sqlite3_step(statement);
            Check(rc, db);
            return rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : 0;
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    /// <summary>Binds a text parameter, or null.</summary>
    private static void Bind(sqlite3_stmt statement, sqlite3 db, int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value), db);
}
