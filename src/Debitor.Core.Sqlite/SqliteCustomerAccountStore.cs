using System.Runtime.CompilerServices;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Debitor.Core.Sqlite;

/// <summary>
/// An <see cref="ICustomerAccountStore"/> in one SQLite database file: the embedded default for single-machine hosts.
/// </summary>
/// <remarks>
/// <para>Each append is one transaction. The version check is made by the database: the account row is moved from the
/// expected version to the new one by a conditional update, and journal rows have a primary key on account and
/// version, so of two writers that loaded the same version exactly one succeeds. Journal rows cannot be updated, and
/// deleted only together with their account (R1.2): triggers refuse anything else.</para>
/// <para>The database runs in WAL mode, so readers do not block the writer and a process killed during an append
/// leaves the journal as it was before that append. Payloads are <see cref="JournalJson"/> documents; the schema is in
/// <c>docs/storage.md</c>. Safe for concurrent use.</para>
/// <para>The store keeps up to 16 connections open for reuse, each set up once and keeping its prepared commands;
/// dispose the store to close them (<c>AddDebitorCoreSqlite</c> lets the service provider do it).</para>
/// </remarks>
public sealed partial class SqliteCustomerAccountStore : ICustomerAccountStore, IAsyncDisposable, IDisposable, IWritesPreparedDocuments
{
    /// <summary>The schema version <see cref="EnsureSchemaAsync"/> creates.</summary>
    public const int SchemaVersion = 2;

    private readonly string _connectionString;
    private readonly SqliteSessionPool _sessions;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=debitor.db</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public SqliteCustomerAccountStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = SqliteConnectionStrings.ForStore(connectionString);
        _sessions = new SqliteSessionPool(OpenAsync);
    }

    /// <summary>
    /// Whether every commit is flushed to the disk before the append returns (SQLite <c>synchronous=FULL</c>, the default):
    /// an acknowledged append survives a power loss or an operating-system crash. Set to <see langword="false"/> for
    /// <c>synchronous=NORMAL</c> under WAL: an acknowledged append still survives the process being killed, and the
    /// database stays consistent after a power loss, but the appends of the last moments before it may be gone (see
    /// <c>docs/storage.md</c>, "Durability"). Several times faster for single appends.
    /// </summary>
    public bool DurableAgainstPowerLoss { get; init; } = true;

    /// <summary>Creates or upgrades the schema; safe to call at every start and from several processes.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, SqliteSchema.PageSize, cancellationToken).ConfigureAwait(false); // before WAL: only a new, empty database takes it (D13.180)
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqliteSchema.Version1, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqliteSchema.Version2, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqliteLetterNumberSequence.Schema, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqliteDocumentOutbox.Schema, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, DeletionCountSchema, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _unstamped = false;
    }

    /// <inheritdoc />
    /// <exception cref="CorruptJournalException">A stored row cannot be read, or the journal's versions have a gap.</exception>
    public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) =>
        LoadAfterAsync(customer, 0, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="CorruptJournalException">A stored row cannot be read, or the journal's versions have a gap.</exception>
    public ValueTask<IReadOnlyList<JournalRecord>> LoadAfterAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        return WithSessionAsync<IReadOnlyList<JournalRecord>>(
            async session => (await ReadOneAsync(session, customer, afterVersion, stamped: false, cancellationToken).ConfigureAwait(false)).Records,
            cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record does not carry the version that follows <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public async ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        StoredRecord.Check(customer, expectedVersion, records);
        if (records.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var append = new JournalAppend(customer, expectedVersion, records);
        await WithSessionAsync(session => AppendOneAsync(session, append, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var delete = Command(connection, transaction, "DELETE FROM debitor_accounts WHERE customer = $customer AND version = $expected;"))
        {
            delete.Parameters.AddWithValue("$customer", customer.Value);
            delete.Parameters.AddWithValue("$expected", expectedVersion);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new ConcurrencyException(customer, expectedVersion, await VersionAsync(connection, transaction, customer, cancellationToken).ConfigureAwait(false));
            }
        }

        await using (var journal = Command(connection, transaction, "DELETE FROM debitor_journal WHERE customer = $customer;"))
        {
            journal.Parameters.AddWithValue("$customer", customer.Value);
            await journal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken)
    {
        var result = new List<CustomerId>();
        await foreach (var customer in ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            result.Add(customer);
        }

        return result;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CustomerId> ListCustomersAsync(CompanyId company, CancellationToken cancellationToken) =>
        ListAsync(company.Value ?? throw new ArgumentException("The company must not be empty.", nameof(company)), cancellationToken);

    private async IAsyncEnumerable<CustomerId> ListAsync(string? company, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            company is null
                ? "SELECT customer FROM debitor_accounts ORDER BY customer;"
                : "SELECT customer FROM debitor_accounts WHERE company = $company ORDER BY customer;");
        if (company is not null)
        {
            command.Parameters.AddWithValue("$company", company);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new CustomerId(reader.GetString(0));
        }
    }

    private static async Task<long> VersionAsync(SqliteSession session, SqliteTransaction transaction, CustomerId customer, CancellationToken cancellationToken)
    {
        var command = session.Command("SELECT version FROM debitor_accounts WHERE customer = $customer;", transaction, "$customer");
        command.Parameters[0].Value = customer.Value;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static async Task<long> VersionAsync(SqliteConnection connection, SqliteTransaction transaction, CustomerId customer, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT version FROM debitor_accounts WHERE customer = $customer;");
        command.Parameters.AddWithValue("$customer", customer.Value);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled session; the session goes back to the pool when the work ends cleanly or
    /// with a version conflict (its transaction rolled back), else it is closed.
    /// </summary>
    private async ValueTask<T> WithSessionAsync<T>(Func<SqliteSession, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var session = await _sessions.RentAsync(cancellationToken).ConfigureAwait(false);
        var reusable = false;
        try
        {
            var result = await work(session).ConfigureAwait(false);
            reusable = true;
            return result;
        }
        catch (ConcurrencyException)
        {
            reusable = true;
            throw;
        }
        finally
        {
            if (reusable)
            {
                await _sessions.ReturnAsync(session).ConfigureAwait(false);
            }
            else
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connections the store keeps open for reuse; used after that, the store opens a connection per call.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => _sessions.DisposeAsync();

    /// <summary>Closes the connections the store keeps open for reuse; used after that, the store opens a connection per call.</summary>
    public void Dispose() => _sessions.DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Statement journals and other temporary files stay in memory (D16.274): a transaction of many statements that
            // a trigger may abort (the outbox's batch of deliveries) otherwise writes a page per statement to a temporary file.
            await ExecuteAsync(connection, null, DurableAgainstPowerLoss ? "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;" : "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
