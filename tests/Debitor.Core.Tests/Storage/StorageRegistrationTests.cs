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
        Assert.Same(provider.GetRequiredService<PostgreSqlDunningSettingsStore>(), provider.GetRequiredService<IDunningSettingsProvider>());
        Assert.Same(provider.GetRequiredService<PostgreSqlInterestSchemeStore>(), provider.GetRequiredService<IInterestSchemeProvider>());
    }

    /// <summary>
    /// The container owns the connection pools it registered: a host that resolves only the ports and disposes its
    /// container closes the store's and the letter numbers' pools (they would otherwise stay open until the process ends).
    /// </summary>
    [Fact]
    public async Task AddDebitorCorePostgreSql_ProviderDisposedAfterResolvingPortsOnly_DisposesTheStoreAndTheLetterNumbers()
    {
        var services = new ServiceCollection().AddDebitorCorePostgreSql("Host=127.0.0.1;Database=debitor");
        ICustomerAccountStore store;
        ILetterNumberSequence numbers;
        using (var provider = services.BuildServiceProvider())
        {
            store = provider.GetRequiredService<ICustomerAccountStore>();
            numbers = provider.GetRequiredService<ILetterNumberSequence>();
            Assert.Same(store, provider.GetRequiredService<PostgreSqlCustomerAccountStore>());
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => ((PostgreSqlCustomerAccountStore)store).EnsureSchemaAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => numbers.NumberAsync(new CompanyId("f1"), 2026, "l-1", CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task AddDebitorCoreSqlite_SettingsSavedThroughTheStore_AreWhatTheUseCasesRead()
    {
        var services = new ServiceCollection().AddDebitorCoreSqlite(_file.ConnectionString, durableAgainstPowerLoss: false).AddDebitorCore();
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SqliteCustomerAccountStore>().EnsureSchemaAsync(CancellationToken.None);
        var company = new CompanyId("f1");
        var calendar = Debitor.Core.Calendar.BusinessCalendar.Austria();

        await provider.GetRequiredService<SqliteDunningSettingsStore>().SaveAsync(company, Debitor.Core.Dunning.DunningSettings.Default.WithCalendar(calendar), CancellationToken.None);
        await provider.GetRequiredService<SqliteInterestSchemeStore>().SaveAsync(company, Debitor.Core.Interest.InterestSchemeCatalog.Default.With(new SchemeId("fest"), Debitor.Core.Interest.InterestScheme.Fixed(3m)), CancellationToken.None);

        Assert.False(provider.GetRequiredService<SqliteCustomerAccountStore>().DurableAgainstPowerLoss);
        Assert.True((await provider.GetRequiredService<IDunningSettingsProvider>().GetAsync(company, CancellationToken.None)).Calendar.IsHoliday(new LocalDate(2026, 10, 26)));
        Assert.Equal(3m, (await provider.GetRequiredService<IInterestSchemeProvider>().GetAsync(company, CancellationToken.None)).Schemes[new SchemeId("fest")].FixedRatePercent);
    }

    [Fact]
    public async Task EnsureSchemaAsync_Version1Database_IsUpgradedToVersion2Idempotently()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_file.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE debitor_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL); INSERT INTO debitor_schema VALUES (1, 1);";
            await create.ExecuteNonQueryAsync();
        }

        var store = await _file.OpenStoreAsync();
        await store.EnsureSchemaAsync(CancellationToken.None);
        await new SqliteDunningSettingsStore(store).SaveAsync(new CompanyId("f1"), Debitor.Core.Dunning.DunningSettings.Default, CancellationToken.None);

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_file.ConnectionString))
        {
            await connection.OpenAsync();
            await using var version = connection.CreateCommand();
            version.CommandText = "SELECT version FROM debitor_schema";
            Assert.Equal((long)SqliteCustomerAccountStore.SchemaVersion, await version.ExecuteScalarAsync());
        }
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
