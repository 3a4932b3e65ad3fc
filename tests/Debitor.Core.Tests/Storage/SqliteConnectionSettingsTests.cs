using Debitor.Core.Sqlite;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// Every connection the SQLite store opens is set up the same way: the durability the host chose (D13.10) and temporary
/// storage in memory, so a transaction of many statements writes no statement journal to a file (D16.274).
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
}
