using System.Runtime.CompilerServices;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Debitor.Core.PostgreSql;

/// <summary>
/// An <see cref="ICustomerAccountStore"/> in PostgreSQL, for server hosts: payloads are <c>jsonb</c>
/// (<see cref="JournalJson"/> documents, for hosts to query) beside the document as written, which the loads read
/// (D13.130), and accounts are indexed by company.
/// </summary>
/// <remarks>
/// <para>Each append is one transaction. The version check is made by the database: the account row is moved from the
/// expected version to the new one by a conditional update (a concurrent writer waits for the row lock, then finds the
/// version moved and appends nothing), and journal rows have a primary key on account and version. Journal rows cannot
/// be updated, truncated, or deleted except together with their account (R1.2): a trigger refuses anything else.</para>
/// <para>The schema is in <c>docs/storage.md</c>. Safe for concurrent use; dispose it to close its connection pool.</para>
/// </remarks>
public sealed partial class PostgreSqlCustomerAccountStore : ICustomerAccountStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema version <see cref="EnsureSchemaAsync"/> creates.</summary>
    public const int SchemaVersion = 3;

    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=127.0.0.1;Database=debitor;Username=debitor</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public PostgreSqlCustomerAccountStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Creates or upgrades the schema; safe to call at every start and from several processes at once.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(PostgreSqlSchema.Version1, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(PostgreSqlSchema.Version2, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(PostgreSqlSchema.Version3, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(PostgreSqlLetterNumberSequence.Schema, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(PostgreSqlDocumentOutbox.Schema, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="CorruptJournalException">A stored row cannot be read, or the journal's versions have a gap.</exception>
    public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) =>
        LoadAfterAsync(customer, 0, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record does not carry the version that follows <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public async ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        var rows = StoredRecord.Prepare(customer, expectedVersion, records);
        if (rows.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var company = ICustomerAccountStore.CompanyOf(records)?.Value;
        var newVersion = expectedVersion + rows.Count;
        var sql = expectedVersion == 0
            ? "INSERT INTO debitor_accounts (customer, company, version) VALUES ($1, $2, $3) ON CONFLICT (customer) DO NOTHING"
            : "UPDATE debitor_accounts SET version = $3, company = COALESCE($2, company) WHERE customer = $1 AND version = $4";
        await using (var head = new NpgsqlCommand(sql, connection, transaction))
        {
            head.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
            head.Parameters.Add(new NpgsqlParameter { Value = (object?)company ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            head.Parameters.Add(new NpgsqlParameter<long> { TypedValue = newVersion });
            if (expectedVersion != 0)
            {
                head.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
            }

            if (await head.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw new ConcurrencyException(customer, expectedVersion, await VersionAsync(connection, customer, cancellationToken).ConfigureAwait(false));
            }
        }

        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload, document)
            SELECT $1, r.version, r.recorded_at, r.recorded_by, r.kind, r.document::jsonb, r.document
            FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r (version, recorded_at, recorded_by, kind, document)
            """,
            connection,
            transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
            insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rows.Select(r => r.Version)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.RecordedAt)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.RecordedBy)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Kind)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Payload)] });
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw new ConcurrencyException(customer, expectedVersion, await VersionAsync(connection, customer, cancellationToken).ConfigureAwait(false));
            }
        }

        // Past this point the append is not cancelled: it commits or, on a fault, rolls back as a whole.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("DELETE FROM debitor_accounts WHERE customer = $1 AND version = $2", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
            delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw new ConcurrencyException(customer, expectedVersion, await VersionAsync(connection, customer, cancellationToken).ConfigureAwait(false));
            }
        }

        await using (var journal = new NpgsqlCommand("DELETE FROM debitor_journal WHERE customer = $1", connection, transaction))
        {
            journal.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
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

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    internal NpgsqlDataSource DataSource => _dataSource;

    private async IAsyncEnumerable<CustomerId> ListAsync(string? company, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            company is null
                ? "SELECT customer FROM debitor_accounts ORDER BY customer COLLATE \"C\""
                : "SELECT customer FROM debitor_accounts WHERE company = $1 ORDER BY customer COLLATE \"C\"");
        if (company is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = company });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new CustomerId(reader.GetString(0));
        }
    }

    /// <summary>The stored version, read on the caller's connection (after its rollback) so a conflict never waits for a second connection.</summary>
    private static async Task<long> VersionAsync(NpgsqlConnection connection, CustomerId customer, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM debitor_accounts WHERE customer = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }
}
