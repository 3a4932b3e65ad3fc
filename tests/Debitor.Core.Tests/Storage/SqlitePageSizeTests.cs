using Debitor.Core.Ledger;
using Debitor.Core.Sqlite;
using Microsoft.Data.Sqlite;
using static Debitor.Core.Testing.CustomerAccountStoreContract;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// A new SQLite database gets 16 KiB pages (D13.180); a database made before keeps its pages and works as it did.
/// </summary>
public sealed class SqlitePageSizeTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task EnsureSchema_NewDatabase_Has16KiBPagesInWalMode()
    {
        await using var store = new SqliteCustomerAccountStore(_file.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);

        Assert.Equal(16_384L, await ScalarAsync("PRAGMA page_size;"));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task EnsureSchema_DatabaseWith4KiBPagesAlready_KeepsItsPagesAndAppendsAndLoads()
    {
        await _file.ExecuteAsync("PRAGMA page_size=4096; CREATE TABLE made_before (id INTEGER PRIMARY KEY);");
        await using var store = new SqliteCustomerAccountStore(_file.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.EnsureSchemaAsync(CancellationToken.None);
        var customer = new CustomerId("k-4k");
        JournalRecord[] records = [Registration(customer, new CompanyId("f-4k")), Payment(2, "p-4k")];

        await store.AppendAsync(customer, 0, records, CancellationToken.None);

        Assert.Equal(4_096L, await ScalarAsync("PRAGMA page_size;"));
        Assert.Equal(records, await store.LoadAsync(customer, CancellationToken.None));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
