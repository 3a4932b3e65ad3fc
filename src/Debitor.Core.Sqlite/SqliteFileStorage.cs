using Debitor.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Debitor.Core.Sqlite;

/// <summary>An <see cref="IFileStorage"/> that keeps attached file content in the same SQLite database as the journals.</summary>
/// <remarks>Storing under a key that exists replaces nothing: the first content stays (keys name content, see <c>docs/storage.md</c>).</remarks>
public sealed class SqliteFileStorage : IFileStorage
{
    private readonly SqliteCustomerAccountStore _database;

    /// <summary>Initializes a new instance over the database of <paramref name="database"/> (call its <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/> first).</summary>
    /// <param name="database">The store whose database holds the files.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteFileStorage(SqliteCustomerAccountStore database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public async ValueTask StoreAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO debitor_files (storage_key, content) VALUES ($key, $content) ON CONFLICT (storage_key) DO NOTHING;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.Add("$content", SqliteType.Blob).Value = content.ToArray();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM debitor_files WHERE storage_key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] content ? new ReadOnlyMemory<byte>(content) : (ReadOnlyMemory<byte>?)null;
    }
}
