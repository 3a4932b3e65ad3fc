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

    protected override async Task<ICustomerAccountStore> CreateStoreAsync()
    {
        var store = new SqliteCustomerAccountStore(_file.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

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
}
