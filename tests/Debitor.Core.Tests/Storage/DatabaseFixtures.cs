using Microsoft.Data.Sqlite;
using Npgsql;

namespace Debitor.Core.Tests.Storage;

/// <summary>A SQLite database file in a temporary folder, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("debitor-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "debitor.db");

    /// <summary>Opens a SQLite store on the file, its schema ensured, as a restarted process does.</summary>
    public async Task<Debitor.Core.Sqlite.SqliteCustomerAccountStore> OpenStoreAsync()
    {
        var store = new Debitor.Core.Sqlite.SqliteCustomerAccountStore(ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold the file for a moment; the temporary folder is cleaned by the system.
        }
    }
}

/// <summary>
/// A fresh schema on the PostgreSQL server named by <c>DEBITOR_POSTGRES</c> (see README), dropped afterwards.
/// Without that variable the test is skipped with the reason, except in CI (<c>CI=true</c>), where it fails.
/// </summary>
internal sealed class PostgresSchema : IAsyncDisposable
{
    public const string Variable = "DEBITOR_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private PostgresSchema(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ToString();
    }

    public string ConnectionString { get; }

    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true but {Variable} names no PostgreSQL server: the PostgreSQL tests must run in CI (.ci/run starts a server).");
        }

        Skip.If(true, $"No PostgreSQL server configured: set {Variable} to an Npgsql connection string to run this test (README, 'PostgreSQL tests').");
        return string.Empty;
    }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var server = Server();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresSchema(server, name);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_name} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A test class's PostgreSQL schema, made when a test first needs a store (so a run without a server skips there) and
/// dropped with the class; each store opened on it ensures the schema, as a restarted process does.
/// </summary>
internal sealed class PostgresStores : IAsyncDisposable
{
    private PostgresSchema? _schema;

    /// <summary>The schema (after the first <see cref="OpenAsync"/>).</summary>
    public PostgresSchema Schema => _schema ?? throw new InvalidOperationException("No store was opened yet.");

    /// <summary>Opens a store on the schema, making the schema first.</summary>
    public async Task<Debitor.Core.PostgreSql.PostgreSqlCustomerAccountStore> OpenAsync()
    {
        _schema ??= await PostgresSchema.CreateAsync();
        var store = new Debitor.Core.PostgreSql.PostgreSqlCustomerAccountStore(_schema.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
