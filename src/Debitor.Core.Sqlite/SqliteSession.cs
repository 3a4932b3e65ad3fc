using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Debitor.Core.Sqlite;

/// <summary>
/// An open connection set up once (<c>PRAGMA synchronous</c>) with the commands it has prepared, kept for reuse so the hot
/// path neither re-runs the pragma nor re-prepares its statements (D13.41).
/// </summary>
internal sealed class SqliteSession : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    public SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>The command for <paramref name="sql"/>, prepared on first use and kept; its parameters are added once, in the order named.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction, params ReadOnlySpan<string> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// The driver's own statement for <paramref name="sql"/>, prepared on first use and kept, for the loads that step it
    /// themselves (D13.101); the caller resets it after use.
    /// </summary>
    /// <exception cref="SqliteException">The statement cannot be prepared.</exception>
    public sqlite3_stmt Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            var db = Connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement);
            if (rc != raw.SQLITE_OK)
            {
                statement.Dispose();
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>
    /// Closes the session. A transaction its statements left open is rolled back first (D16.277), so the session's end does
    /// not depend on how the driver closes a handle inside a transaction; the handle itself is then closed, never pooled
    /// (D16.278).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            raw.sqlite3_reset(statement);
        }

        if (Connection.Handle is { } db && raw.sqlite3_get_autocommit(db) == 0)
        {
            raw.sqlite3_exec(db, "ROLLBACK;");
        }

        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The idle sessions of one store: a few are kept open, the rest closed when returned.</summary>
internal sealed class SqliteSessionPool : IAsyncDisposable
{
    private const int MaxIdle = 16;

    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteSessionPool(Func<CancellationToken, Task<SqliteConnection>> open) => _open = open;

    public async ValueTask<SqliteSession> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        // After the store is disposed it still works, without keeping connections (a host may dispose a provider early).
        return new SqliteSession(await _open(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Takes a session back after it finished cleanly (no reader open). A session whose connection is still inside a
    /// transaction is closed instead of kept, which rolls the transaction back: the next user of a kept session must
    /// start from no transaction, never inside another's.
    /// </summary>
    public async ValueTask ReturnAsync(SqliteSession session)
    {
        if (!_disposed && session.Connection.State == System.Data.ConnectionState.Open
            && session.Connection.Handle is { } db && raw.sqlite3_get_autocommit(db) != 0)
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Add(session);
                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        await session.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
