using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task AddDebitorCoreSqlite_AfterAddDebitorCore_ReplacesTheInMemoryStoreAndFiles()
    {
        var services = new ServiceCollection().AddDebitorCoreForTests().AddDebitorCoreSqlite(_file.ConnectionString);
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SqliteCustomerAccountStore>().EnsureSchemaAsync(CancellationToken.None);
        var files = provider.GetRequiredService<IFileStorage>();

        await files.StoreAsync("k1", "Inhalt"u8.ToArray(), CancellationToken.None);
        await files.StoreAsync("k1", "anders"u8.ToArray(), CancellationToken.None);

        Assert.IsType<SqliteCustomerAccountStore>(provider.GetRequiredService<ICustomerAccountStore>());
        Assert.Equal("Inhalt"u8.ToArray(), (await new SqliteFileStorage(provider.GetRequiredService<SqliteCustomerAccountStore>()).ReadAsync("k1", CancellationToken.None))!.Value.ToArray());
        Assert.Null(await files.ReadAsync("k2", CancellationToken.None));
    }

    [Fact]
    public void AddDebitorCorePostgreSql_BeforeAddDebitorCore_WinsOverTheInMemoryStore()
    {
        var services = new ServiceCollection().AddDebitorCorePostgreSql("Host=127.0.0.1;Database=debitor").AddDebitorCoreForTests();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgreSqlCustomerAccountStore>(provider.GetRequiredService<ICustomerAccountStore>());
        Assert.IsType<PostgreSqlFileStorage>(provider.GetRequiredService<IFileStorage>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructors_EmptyConnectionString_Throw(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SqliteCustomerAccountStore(connectionString));
        Assert.ThrowsAny<ArgumentException>(() => new PostgreSqlCustomerAccountStore(connectionString));
    }
}

public sealed class InMemoryFileStorageReadTests
{
    [Fact]
    public async Task ReadAsync_UnknownKey_IsNull()
    {
        var files = new InMemoryFileStorage();
        await files.StoreAsync("k1", new byte[] { 1 }, CancellationToken.None);

        Assert.Null(await files.ReadAsync("k2", CancellationToken.None));
        Assert.Equal(new byte[] { 1 }, (await files.ReadAsync("k1", CancellationToken.None))!.Value.ToArray());
    }
}
