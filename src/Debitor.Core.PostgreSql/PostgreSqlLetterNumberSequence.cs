using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Storage;
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
        ArgumentException.ThrowIfNullOrWhiteSpace(letterId);
        return (await NumberManyAsync(company, year, [letterId], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: the year's counter row is locked (created if missing), the letters' numbers are looked up with one
    /// query, the letters without one get the next numbers in the order given with one multi-row insert, and the counter
    /// is set to the last of them.
    /// </remarks>
    public async ValueTask<IReadOnlyList<LetterNumber>> NumberManyAsync(CompanyId company, int year, IReadOnlyList<string> letterIds, CancellationToken cancellationToken)
    {
        LetterNumberRequest.Check(company, year, letterIds);
        cancellationToken.ThrowIfCancellationRequested();
        if (letterIds.Count == 0)
        {
            return [];
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The counter row is locked first (created if missing), so two allocations for the same letter also queue and the
        // second one finds the first one's number.
        int last;
        await using (var lockRow = new NpgsqlCommand(
            "INSERT INTO debitor_letter_counters (company, year, last) VALUES (@company, @year, 0) ON CONFLICT (company, year) DO NOTHING; SELECT last FROM debitor_letter_counters WHERE company = @company AND year = @year FOR UPDATE;",
            connection,
            transaction))
        {
            lockRow.Parameters.AddWithValue("company", company.Value);
            lockRow.Parameters.AddWithValue("year", year);
            last = (int)(await lockRow.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var known = new Dictionary<string, LetterNumber>(StringComparer.Ordinal);
        await using (var lookup = new NpgsqlCommand("SELECT letter, year, sequence FROM debitor_letter_numbers WHERE company = @company AND letter = ANY(@letters);", connection, transaction))
        {
            lookup.Parameters.AddWithValue("company", company.Value);
            lookup.Parameters.Add(new NpgsqlParameter<string[]>("letters", [.. letterIds]));
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                known.Add(reader.GetString(0), new LetterNumber(reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        var numbers = new List<LetterNumber>(letterIds.Count);
        var fresh = new List<(string Letter, int Sequence)>();
        foreach (var letterId in letterIds)
        {
            if (!known.TryGetValue(letterId, out var number))
            {
                number = new LetterNumber(year, checked(++last));
                fresh.Add((letterId, number.Sequence));
            }

            numbers.Add(number);
        }

        if (fresh.Count > 0)
        {
            await using var allocate = new NpgsqlCommand(
                """
                INSERT INTO debitor_letter_numbers (company, letter, year, sequence)
                SELECT @company, n.letter, @year, n.sequence FROM unnest(@letters::text[], @sequences::int[]) AS n (letter, sequence);
                UPDATE debitor_letter_counters SET last = @last WHERE company = @company AND year = @year;
                """,
                connection,
                transaction);
            allocate.Parameters.AddWithValue("company", company.Value);
            allocate.Parameters.AddWithValue("year", year);
            allocate.Parameters.Add(new NpgsqlParameter<string[]>("letters", [.. fresh.Select(f => f.Letter)]));
            allocate.Parameters.Add(new NpgsqlParameter<int[]>("sequences", [.. fresh.Select(f => f.Sequence)]));
            allocate.Parameters.AddWithValue("last", last);
            await allocate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return numbers;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
