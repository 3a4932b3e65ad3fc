using Debitor.Core.Sqlite;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// Every connection the SQLite store opens is set up the same way: the durability the host chose (D13.10) and temporary
/// storage in memory, so a transaction of many statements writes no statement journal to a file (D16.274); and none is
/// taken from Microsoft.Data.Sqlite's pool, which can lend one handle to two connections (D16.278).
/// </summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Theory]
    [InlineData(true, 2L)]
    [InlineData(false, 1L)]
    public async Task OpenAsync_AnyDurability_SynchronousAsChosenAndTemporaryStorageInMemory(bool durable, long synchronous)
    {
        await using var store = new SqliteCustomerAccountStore(_file.ConnectionString) { DurableAgainstPowerLoss = durable };
        await store.EnsureSchemaAsync(CancellationToken.None);

        await using var connection = await store.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        var synchronousSet = await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA temp_store;";
        var temporaryStorage = await command.ExecuteScalarAsync();

        Assert.Equal(synchronous, synchronousSet);
        Assert.Equal(2L, temporaryStorage);
    }

    [Theory]
    [InlineData("Data Source=debitor.db", 30)]
    [InlineData("Data Source=debitor.db;Pooling=True;Default Timeout=5", 30)]
    [InlineData("Data Source=debitor.db;Default Timeout=90", 90)]
    public void ForStore_AnyHostString_NoDriverPoolAndATimeoutOfAtLeast30Seconds(string host, int timeout)
    {
        var store = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(SqliteConnectionStrings.ForStore(host));

        Assert.False(store.Pooling);
        Assert.Equal(timeout, store.DefaultTimeout);
        Assert.Equal("debitor.db", store.DataSource);
    }

    [Fact]
    public async Task OpenAsync_ConnectionsOpenAtOnce_EachHasItsOwnHandle()
    {
        await using var store = new SqliteCustomerAccountStore(_file.ConnectionString.Replace("Pooling=False", "Pooling=True", StringComparison.Ordinal));
        await store.EnsureSchemaAsync(CancellationToken.None);

        var connections = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => store.OpenAsync(CancellationToken.None))));
        try
        {
            Assert.Equal(32, connections.Select(c => c.Handle!.DangerousGetHandle()).Distinct().Count());
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task OpenAsync_AfterAConnectionClosedInsideATransaction_TheNextStartsOutsideAny()
    {
        await using var store = new SqliteCustomerAccountStore(_file.ConnectionString.Replace("Pooling=False", "Pooling=True", StringComparison.Ordinal));
        await store.EnsureSchemaAsync(CancellationToken.None);
        await using (var left = await store.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_exec(left.Handle, "BEGIN IMMEDIATE;"));
        }

        await using var next = await store.OpenAsync(CancellationToken.None);

        Assert.Equal(1, SQLitePCL.raw.sqlite3_get_autocommit(next.Handle));
    }
}

/// <summary>
/// The SQLite store keeps idle sessions for reuse (D13.41); one whose connection is still inside a transaction is closed,
/// not kept, so no later operation runs inside another's transaction (D16.277).
/// </summary>
public sealed class SqliteSessionPoolTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Return_SessionInsideATransaction_IsClosedAndItsWritesRolledBack_TheNextRentStartsClean()
    {
        await using var store = new SqliteCustomerAccountStore(_file.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await using var pool = new SqliteSessionPool(store.OpenAsync);
        var left = await pool.RentAsync(CancellationToken.None);
        await Execute(left.Connection, "BEGIN IMMEDIATE; CREATE TABLE left_open (id INTEGER);");

        await pool.ReturnAsync(left);
        var next = await pool.RentAsync(CancellationToken.None);

        Assert.NotSame(left, next);
        Assert.Equal(System.Data.ConnectionState.Closed, left.Connection.State);
        Assert.Equal(1, SQLitePCL.raw.sqlite3_get_autocommit(next.Connection.Handle));
        Assert.Equal(0L, await Scalar(next.Connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'left_open';"));
        await Execute(next.Connection, "BEGIN IMMEDIATE; COMMIT;");
        await pool.ReturnAsync(next);
    }

    [Fact]
    public async Task Return_CleanSession_IsKeptAndRentedAgain()
    {
        await using var store = new SqliteCustomerAccountStore(_file.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await using var pool = new SqliteSessionPool(store.OpenAsync);
        var session = await pool.RentAsync(CancellationToken.None);
        await Execute(session.Connection, "BEGIN IMMEDIATE; COMMIT;");

        await pool.ReturnAsync(session);

        Assert.Same(session, await pool.RentAsync(CancellationToken.None));
        await pool.ReturnAsync(session);
    }

    private static async Task Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
