using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;

namespace Debitor.Core.Tests.Storage;

/// <summary>Corrupts a journal in a database store behind its back: a row of an unknown entry kind after the last one.</summary>
internal static class StoreCorruption
{
    /// <summary>A row of an unknown kind appended behind the store's back; <paramref name="document"/> writes PostgreSQL's document column too (schema 3, D13.130), as its writer does.</summary>
    public static async Task<string> SqlAsync(ICustomerAccountStore store, CustomerId customer, bool document = false)
    {
        var next = (await store.LoadAsync(customer, CancellationToken.None)).Count + 1;
        const string Json = """{"format":1,"kind":"Telepathy","entry":{"id":"e-9"}}""";
        var (columns, values) = document ? (", document", $", '{Json}'") : ("", "");
        return $"""
            INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload{columns})
            VALUES ('{customer.Value}', {next}, '2026-11-23T08:00:00Z', 'x', 'Telepathy', '{Json}'{values});
            UPDATE debitor_accounts SET version = {next} WHERE customer = '{customer.Value}';
            """;
    }
}

public sealed class InMemoryLetterNumberSequenceContractTests : LetterNumberSequenceContract
{
    protected override Task<ILetterNumberSequence> CreateSequenceAsync() => Task.FromResult<ILetterNumberSequence>(new InMemoryLetterNumberSequence());
}

public sealed class SqliteLetterNumberSequenceContractTests : LetterNumberSequenceContract, IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    protected override async Task<ILetterNumberSequence> CreateSequenceAsync()
    {
        var sequence = new SqliteLetterNumberSequence(_file.ConnectionString);
        await sequence.EnsureSchemaAsync(CancellationToken.None);
        return sequence;
    }
}

public sealed class PostgreSqlLetterNumberSequenceContractTests : LetterNumberSequenceContract, IAsyncLifetime
{
    private PostgresSchema? _schema;
    private PostgreSqlLetterNumberSequence? _sequence;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_sequence is not null)
        {
            await _sequence.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override async Task<ILetterNumberSequence> CreateSequenceAsync()
    {
        _schema = await PostgresSchema.CreateAsync();
        _sequence = new PostgreSqlLetterNumberSequence(_schema.ConnectionString);
        await _sequence.EnsureSchemaAsync(CancellationToken.None);
        return _sequence;
    }
}
