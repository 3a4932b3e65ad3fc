using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;

namespace Debitor.Core.Tests.Storage;

/// <summary>The reference outbox: it holds the document values in memory, so every call returns the same instance (nothing survives a process).</summary>
public sealed class InMemoryDocumentOutboxContractTests : DocumentOutboxContract
{
    private readonly InMemoryDocumentOutbox _outbox = new();
    private readonly InMemoryCustomerAccountStore _store = new();

    protected override Task<(IDocumentOutbox Outbox, ICustomerAccountStore Store)> CreateAsync() =>
        Task.FromResult<(IDocumentOutbox, ICustomerAccountStore)>((_outbox, _store));
}

/// <summary>Each call opens the test's database file anew, as a restarted process does.</summary>
public sealed class SqliteDocumentOutboxContractTests : DocumentOutboxContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override async Task<(IDocumentOutbox Outbox, ICustomerAccountStore Store)> CreateAsync()
    {
        var store = await _file.OpenStoreAsync();
        return (new SqliteDocumentOutbox(store), store);
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>Each call opens the test's schema anew, as a restarted process does.</summary>
public sealed class PostgreSqlDocumentOutboxContractTests : DocumentOutboxContract, IAsyncLifetime
{
    private readonly PostgresStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    protected override async Task<(IDocumentOutbox Outbox, ICustomerAccountStore Store)> CreateAsync()
    {
        var store = await _stores.OpenAsync();
        return (new PostgreSqlDocumentOutbox(store), store);
    }
}
