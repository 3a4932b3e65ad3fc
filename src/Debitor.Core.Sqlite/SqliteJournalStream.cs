using System.Runtime.CompilerServices;
using Debitor.Core.Ports;
using Debitor.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Debitor.Core.Sqlite;

/// <summary>
/// Streams journals from a statement whose rows are (account, account version, row version, recorded at, recorded by,
/// payload), grouped by account and in version order within it, stepping the statement directly (D13.80): every column is
/// read as the bytes SQLite holds for the current row, so a row makes no string and no copy of its payload; the account id
/// is decoded once per account, time and author once per change. Rows are assembled by <see cref="JournalAssembler"/>,
/// like every other load.
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
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, parameter), argument), db);
            var journal = new JournalAssembler();
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
                if (journal.MoveTo(raw.sqlite3_column_blob(statement, 0), raw.sqlite3_column_int64(statement, 1)) is { } finished)
                {
                    yield return finished;
                }

                AddRow(journal, statement);
            }

            if (journal.FinishLast() is { } last)
            {
                yield return last;
            }
        }
    }

    /// <summary>
    /// Adds the journal row the statement stands on, from its columns 2–5 (version, recorded at, recorded by, payload) as
    /// SQLite's bytes; a row whose version is null (an account without rows to read) adds nothing. Shared with the
    /// single-account load (D13.101).
    /// </summary>
    internal static void AddRow(JournalAssembler journal, sqlite3_stmt statement)
    {
        if (raw.sqlite3_column_type(statement, 2) != raw.SQLITE_NULL)
        {
            journal.Add(
                raw.sqlite3_column_int64(statement, 2),
                raw.sqlite3_column_blob(statement, 3),
                raw.sqlite3_column_blob(statement, 4),
                raw.sqlite3_column_blob(statement, 5));
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
