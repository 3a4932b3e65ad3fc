using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Npgsql;

namespace Debitor.Core.PostgreSql;

/// <summary>
/// An <see cref="ILetterNumberSequence"/> in PostgreSQL (issue 17): dunning letter numbers, sequential and gap-free per
/// company and year, one per letter id, kept in two tables beside the journal.
/// </summary>
/// <remarks>
/// Each allocation is one transaction: the year's counter row is raised by one with an upsert, which locks the row until
/// commit, so concurrent allocations of a company's year queue on it (no PostgreSQL sequence is used: sequences leave gaps
/// on rollback). A letter's number is looked up first and recorded under the letter's primary key, so a retry gets the
/// same number; a unique key on company, year and number makes a duplicate impossible. Safe for concurrent use, also from
/// several hosts.
/// </remarks>
public sealed class PostgreSqlLetterNumberSequence : ILetterNumberSequence, IAsyncDisposable, IDisposable
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS debitor_letter_counters (
            company text NOT NULL,
            year integer NOT NULL,
            last integer NOT NULL CHECK (last >= 0),
            PRIMARY KEY (company, year));

        CREATE TABLE IF NOT EXISTS debitor_letter_numbers (
            company text NOT NULL,
            letter text NOT NULL,
            year integer NOT NULL,
            sequence integer NOT NULL CHECK (sequence > 0),
            PRIMARY KEY (company, letter),
            UNIQUE (company, year, sequence));
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="connectionString">An Npgsql connection string (the store's database).</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public PostgreSqlLetterNumberSequence(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Creates the tables if missing; safe to call at every start.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c> or <paramref name="letterId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public async ValueTask<LetterNumber> NumberAsync(CompanyId company, int year, string letterId, CancellationToken cancellationToken)
    {
        if (company == default)
        {
            throw new ArgumentException("The company is required.", nameof(company));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(letterId);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The counter row is locked first (created if missing), so two allocations for the same letter also queue and the
        // second one finds the first one's number.
        await using (var lockRow = new NpgsqlCommand(
            "INSERT INTO debitor_letter_counters (company, year, last) VALUES (@company, @year, 0) ON CONFLICT (company, year) DO NOTHING; SELECT last FROM debitor_letter_counters WHERE company = @company AND year = @year FOR UPDATE;",
            connection,
            transaction))
        {
            lockRow.Parameters.AddWithValue("company", company.Value);
            lockRow.Parameters.AddWithValue("year", year);
            await lockRow.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var known = new NpgsqlCommand("SELECT year, sequence FROM debitor_letter_numbers WHERE company = @company AND letter = @letter;", connection, transaction))
        {
            known.Parameters.AddWithValue("company", company.Value);
            known.Parameters.AddWithValue("letter", letterId);
            await using var reader = await known.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var found = new LetterNumber(reader.GetInt32(0), reader.GetInt32(1));
                await reader.DisposeAsync().ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return found;
            }
        }

        await using var allocate = new NpgsqlCommand(
            """
            WITH raised AS (
                UPDATE debitor_letter_counters SET last = last + 1
                WHERE company = @company AND year = @year
                RETURNING last)
            INSERT INTO debitor_letter_numbers (company, letter, year, sequence)
            SELECT @company, @letter, @year, last FROM raised
            RETURNING sequence;
            """,
            connection,
            transaction);
        allocate.Parameters.AddWithValue("company", company.Value);
        allocate.Parameters.AddWithValue("letter", letterId);
        allocate.Parameters.AddWithValue("year", year);
        var sequence = (int)(await allocate.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LetterNumber(year, sequence);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
