using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;

namespace Debitor.Core.Tests.Storage;

public sealed class InMemoryStoreContractTests : CustomerAccountStoreContract
{
    protected override Task<ICustomerAccountStore> CreateStoreAsync() => Task.FromResult<ICustomerAccountStore>(new InMemoryCustomerAccountStore());
}

public sealed class SqliteStoreContractTests : CustomerAccountStoreContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override async Task<ICustomerAccountStore> CreateStoreAsync() => await _file.OpenStoreAsync();

    protected override async Task CorruptJournalAsync(ICustomerAccountStore store, CustomerId customer) =>
        await _file.ExecuteAsync(await StoreCorruption.SqlAsync(store, customer));

    public void Dispose() => _file.Dispose();
}

public sealed class SqliteNormalSynchronousStoreContractTests : CustomerAccountStoreContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override async Task<ICustomerAccountStore> CreateStoreAsync()
    {
        var store = new SqliteCustomerAccountStore(_file.ConnectionString) { DurableAgainstPowerLoss = false };
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    protected override async Task CorruptJournalAsync(ICustomerAccountStore store, CustomerId customer) =>
        await _file.ExecuteAsync(await StoreCorruption.SqlAsync(store, customer));

    public void Dispose() => _file.Dispose();
}

public sealed class PostgreSqlStoreContractTests : CustomerAccountStoreContract, IAsyncLifetime
{
    private PostgresSchema? _schema;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override async Task<ICustomerAccountStore> CreateStoreAsync()
    {
        _schema = await PostgresSchema.CreateAsync();
        var store = new PostgreSqlCustomerAccountStore(_schema.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    protected override async Task CorruptJournalAsync(ICustomerAccountStore store, CustomerId customer) =>
        await _schema!.ExecuteAsync(await StoreCorruption.SqlAsync(store, customer, document: true));
}

public sealed class InMemorySettingsContractTests : CompanySettingsStoreContract
{
    private readonly InMemoryDunningSettingsProvider _dunning = new();
    private readonly InterestSchemeRegistry _interest = new();

    protected override Task<(IDunningSettingsProvider Provider, Func<CompanyId, DunningSettings, Task> Save)> CreateDunningSettingsAsync() =>
        Task.FromResult<(IDunningSettingsProvider, Func<CompanyId, DunningSettings, Task>)>((_dunning, (company, settings) =>
        {
            _dunning.Set(company, settings);
            return Task.CompletedTask;
        }));

    protected override Task<(IInterestSchemeProvider Provider, Func<CompanyId, InterestSchemeCatalog, Task> Save)> CreateInterestSchemesAsync() =>
        Task.FromResult<(IInterestSchemeProvider, Func<CompanyId, InterestSchemeCatalog, Task>)>((_interest, (company, catalog) =>
        {
            _interest.Set(company, catalog);
            return Task.CompletedTask;
        }));
}

public sealed class SqliteSettingsContractTests : CompanySettingsStoreContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override async Task<(IDunningSettingsProvider Provider, Func<CompanyId, DunningSettings, Task> Save)> CreateDunningSettingsAsync()
    {
        var store = new SqliteDunningSettingsStore(await DatabaseAsync());
        return (store, (company, settings) => store.SaveAsync(company, settings, CancellationToken.None));
    }

    protected override async Task<(IInterestSchemeProvider Provider, Func<CompanyId, InterestSchemeCatalog, Task> Save)> CreateInterestSchemesAsync()
    {
        var store = new SqliteInterestSchemeStore(await DatabaseAsync());
        return (store, (company, catalog) => store.SaveAsync(company, catalog, CancellationToken.None));
    }

    public void Dispose() => _file.Dispose();

    private async Task<SqliteCustomerAccountStore> DatabaseAsync() => await _file.OpenStoreAsync();
}

public sealed class PostgreSqlSettingsContractTests : CompanySettingsStoreContract, IAsyncLifetime
{
    private readonly PostgresStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    protected override async Task<(IDunningSettingsProvider Provider, Func<CompanyId, DunningSettings, Task> Save)> CreateDunningSettingsAsync()
    {
        var store = new PostgreSqlDunningSettingsStore(await DatabaseAsync());
        return (store, (company, settings) => store.SaveAsync(company, settings, CancellationToken.None));
    }

    protected override async Task<(IInterestSchemeProvider Provider, Func<CompanyId, InterestSchemeCatalog, Task> Save)> CreateInterestSchemesAsync()
    {
        var store = new PostgreSqlInterestSchemeStore(await DatabaseAsync());
        return (store, (company, catalog) => store.SaveAsync(company, catalog, CancellationToken.None));
    }

    private async Task<PostgreSqlCustomerAccountStore> DatabaseAsync() => await _stores.OpenAsync();
}
