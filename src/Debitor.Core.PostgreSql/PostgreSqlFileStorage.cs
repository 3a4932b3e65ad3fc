using Debitor.Core.Ports;
using Npgsql;

namespace Debitor.Core.PostgreSql;

/// <summary>An <see cref="IFileStorage"/> that keeps attached file content in the same PostgreSQL database as the journals.</summary>
/// <remarks>Storing under a key that exists replaces nothing: the first content stays (keys name content, see <c>docs/storage.md</c>).</remarks>
public sealed class PostgreSqlFileStorage : IFileStorage
{
    private readonly PostgreSqlCustomerAccountStore _database;

    /// <summary>Initializes a new instance over the database of <paramref name="database"/> (call its <see cref="PostgreSqlCustomerAccountStore.EnsureSchemaAsync"/> first).</summary>
    /// <param name="database">The store whose database holds the files.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlFileStorage(PostgreSqlCustomerAccountStore database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public async ValueTask StoreAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var command = _database.DataSource.CreateCommand(
            "INSERT INTO debitor_files (storage_key, content) VALUES ($1, $2) ON CONFLICT (storage_key) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = content.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var command = _database.DataSource.CreateCommand("SELECT content FROM debitor_files WHERE storage_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] content ? new ReadOnlyMemory<byte>(content) : (ReadOnlyMemory<byte>?)null;
    }
}
