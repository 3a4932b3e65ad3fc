using Debitor.Core.Sqlite;
using Microsoft.Data.Sqlite;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// A batch leaves its WAL checkpoint to the store's checkpointer, which runs it on a connection of its own (D16.260); the
/// batch's connection gets its automatic checkpoint back, and the WAL stays bounded.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Begin_OnASession_TurnsTheAutomaticCheckpointOffUntilDisposed()
    {
        await using var session = await SessionAsync(interval: 50);
        await using var checkpointer = new SqliteCheckpointer(OpenAsync);

        using (BatchCheckpoints.Begin(session, checkpointer))
        {
            Assert.Equal(0, await IntervalAsync(session));
        }

        Assert.Equal(50, await IntervalAsync(session));
    }

    [Fact]
    public async Task Written_PastTheInterval_CopiesTheWalIntoTheDatabaseFileOnAnotherConnection()
    {
        await using var session = await SessionAsync(interval: 10);
        await using var checkpointer = new SqliteCheckpointer(OpenAsync);
        var before = new FileInfo(_database.Path).Length;

        using (var checkpoints = BatchCheckpoints.Begin(session, checkpointer))
        {
            await InsertAsync(session, rows: 100);
            Assert.Equal(before, new FileInfo(_database.Path).Length);
            checkpoints.Committed();
        }

        await checkpointer.Idle;
        Assert.True(new FileInfo(_database.Path).Length > before, "the checkpoint copied the committed pages into the database file");
        Assert.Equal(100L, await CountAsync());
    }

    [Fact]
    public async Task Written_BelowTheInterval_LeavesTheWalAlone()
    {
        await using var session = await SessionAsync(interval: 1_000);
        await using var checkpointer = new SqliteCheckpointer(OpenAsync);
        var before = new FileInfo(_database.Path).Length;

        using (var checkpoints = BatchCheckpoints.Begin(session, checkpointer))
        {
            await InsertAsync(session, rows: 10);
            checkpoints.Committed();
        }

        await checkpointer.Idle;
        Assert.Equal(before, new FileInfo(_database.Path).Length);
    }

    [Fact]
    public async Task Written_WalPastItsBound_LetsTheNextBatchCheckpointAtItsCommit()
    {
        await using var session = await SessionAsync(interval: 2);
        await using var checkpointer = new SqliteCheckpointer(OpenAsync);

        using (var checkpoints = BatchCheckpoints.Begin(session, checkpointer))
        {
            await InsertAsync(session, rows: 100);
            checkpoints.Committed();
        }

        await checkpointer.Idle;
        using (BatchCheckpoints.Begin(session, checkpointer))
        {
            Assert.Equal(2, await IntervalAsync(session));
        }

        using (BatchCheckpoints.Begin(session, checkpointer))
        {
            Assert.Equal(0, await IntervalAsync(session));
        }
    }

    [Fact]
    public async Task Begin_AfterTheCheckpointerIsDisposed_KeepsTheAutomaticCheckpoint()
    {
        await using var session = await SessionAsync(interval: 50);
        var checkpointer = new SqliteCheckpointer(OpenAsync);
        await checkpointer.DisposeAsync();

        using (BatchCheckpoints.Begin(session, checkpointer))
        {
            Assert.Equal(50, await IntervalAsync(session));
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<SqliteSession> SessionAsync(int interval)
    {
        await _database.ExecuteAsync("PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (x BLOB NOT NULL);");
        var session = new SqliteSession(await OpenAsync(CancellationToken.None));
        await using var command = session.Connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint={interval};";
        await command.ExecuteNonQueryAsync();
        return session;
    }

    private static async Task<long> IntervalAsync(SqliteSession session)
    {
        await using var command = session.Connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task InsertAsync(SqliteSession session, int rows)
    {
        await using var transaction = session.Connection.BeginTransaction();
        await using var command = session.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO t (x) VALUES (randomblob(3000));";
        for (var i = 0; i < rows; i++)
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
