using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Debitor.Core.Sqlite;

/// <summary>
/// Checkpoints the WAL after batched appends on a connection and a thread of its own (D16.260), so that the batch's
/// writer does not copy WAL pages into the database and wait for the database file's flush itself. A batch runs with its
/// connection's automatic checkpoint off and reports the pages it wrote to the WAL (<see cref="Written"/>); once those
/// reach the automatic-checkpoint interval the connection had (SQLite's default: 1,000 pages), a passive checkpoint
/// runs here, at most one at a time (a request while one runs makes it run once more). A passive checkpoint never
/// waits for a reader or a writer and copies only what no reader still needs, as SQLite's own automatic checkpoint does;
/// SQLite restarts the WAL at a later write transaction once everything is copied. Durability is unchanged: a commit is
/// flushed to the WAL by its writer (<c>synchronous</c> as set), and the checkpoint flushes the database file.
/// If a checkpoint fails, or once the store is disposed, batches checkpoint on their own connection again.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private Task _running = Task.CompletedTask;
    private bool _again;
    private long _pages;
    private volatile bool _off;
    private volatile bool _writerCheckpoints;
    private volatile int _lastInterval = 1000;

    /// <summary>How many automatic-checkpoint intervals the WAL may hold before a batch checkpoints itself again.</summary>
    internal const int GrowthBound = 4;

    public SqliteCheckpointer(Func<CancellationToken, Task<SqliteConnection>> open) => _open = open;

    /// <summary>
    /// Whether the next batch leaves its checkpoint to this checkpointer: not after a failed checkpoint, nor after disposal,
    /// and not once when the WAL has grown past <see cref="GrowthBound"/> intervals (that batch checkpoints at its commit).
    /// </summary>
    public bool TakeBatch()
    {
        if (_off)
        {
            return false;
        }

        if (_writerCheckpoints)
        {
            _writerCheckpoints = false;
            return false;
        }

        return true;
    }

    /// <summary>The checkpoint under way, or a completed task (for tests).</summary>
    internal Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>
    /// Counts <paramref name="pages"/> a committed batch wrote to the WAL, and starts a passive checkpoint once they reach
    /// <paramref name="interval"/> (the writer's automatic-checkpoint interval; 0 or less: none).
    /// </summary>
    public void Written(int pages, int interval)
    {
        if (_off || interval <= 0 || Interlocked.Add(ref _pages, pages) < interval)
        {
            return;
        }

        _ = Interlocked.Exchange(ref _pages, 0);
        _lastInterval = interval;
        lock (_gate)
        {
            if (_off)
            {
                return;
            }

            if (!_running.IsCompleted)
            {
                _again = true;
                return;
            }

            _running = Task.Run(RunAsync);
        }
    }

    /// <summary>Runs passive checkpoints until no request is left.</summary>
    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    _again = false;
                }

                _connection ??= await OpenAsync().ConfigureAwait(false);
                var db = _connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
                var rc = raw.sqlite3_wal_checkpoint_v2(db, null, raw.SQLITE_CHECKPOINT_PASSIVE, out var log, out _);
                if (rc != raw.SQLITE_OK && rc != raw.SQLITE_BUSY && rc != raw.SQLITE_LOCKED)
                {
                    // Nothing is lost (the WAL keeps every committed page); the writers checkpoint themselves from now on.
                    _off = true;
                    return;
                }

                // SQLite starts the WAL over only when a write transaction begins after everything was copied; a writer that
                // commits while the checkpoint runs lets the WAL grow. Past a bound the next batch checkpoints itself at
                // its commit, as without this checkpointer, so the WAL stays bounded.
                if (log >= GrowthBound * _lastInterval)
                {
                    _writerCheckpoints = true;
                }

                lock (_gate)
                {
                    if (!_again)
                    {
                        return;
                    }
                }
            }
        }
        catch (SqliteException)
        {
            _off = true;
        }
    }

    /// <summary>
    /// The checkpointer's connection, having read the database once: a connection that has never read it has not opened
    /// the WAL yet, and its checkpoint would do nothing.
    /// </summary>
    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = await _open(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA schema_version;";
            _ = await command.ExecuteScalarAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for a checkpoint under way and closes the checkpointer's connection; batches checkpoint themselves after this.</summary>
    public async ValueTask DisposeAsync()
    {
        Task running;
        lock (_gate)
        {
            _off = true;
            running = _running;
        }

        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}

/// <summary>
/// A batch's side of <see cref="SqliteCheckpointer"/> (D16.260): turns the session's automatic checkpoint off for the
/// batch's transaction, counts the pages the commit wrote to the WAL, and sets the automatic checkpoint back as it was,
/// whatever the outcome. A no-op when the checkpointer is not active or the connection checkpoints never.
/// </summary>
internal readonly struct BatchCheckpoints : IDisposable
{
    private const string IntervalSql = "PRAGMA wal_autocheckpoint;";

    private readonly sqlite3? _db;
    private readonly SqliteCheckpointer? _checkpointer;
    private readonly int _interval;

    private BatchCheckpoints(sqlite3 db, SqliteCheckpointer checkpointer, int interval) =>
        (_db, _checkpointer, _interval) = (db, checkpointer, interval);

    /// <exception cref="SqliteException">The connection's checkpoint interval cannot be read.</exception>
    public static BatchCheckpoints Begin(SqliteSession session, SqliteCheckpointer checkpointer)
    {
        if (!checkpointer.TakeBatch())
        {
            return default;
        }

        var db = session.Connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var statement = session.Statement(IntervalSql);
        var rc = raw.sqlite3_step(statement);
        var interval = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int(statement, 0) : 0;
        _ = raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        if (interval <= 0)
        {
            return default;
        }

        _ = raw.sqlite3_wal_autocheckpoint(db, 0);
        _ = raw.sqlite3_db_status(db, raw.SQLITE_DBSTATUS_CACHE_WRITE, out _, out _, 1);
        return new BatchCheckpoints(db, checkpointer, interval);
    }

    /// <summary>After the commit: hands the pages written to the WAL to the checkpointer.</summary>
    public void Committed()
    {
        if (_db is not null && _checkpointer is not null)
        {
            _ = raw.sqlite3_db_status(_db, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var pages, out _, 1);
            _checkpointer.Written(pages, _interval);
        }
    }

    /// <summary>Sets the session's automatic checkpoint back to its interval.</summary>
    public void Dispose()
    {
        if (_db is not null)
        {
            _ = raw.sqlite3_wal_autocheckpoint(_db, _interval);
        }
    }
}
