using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Debitor.Core.Sqlite;

/// <summary>
/// An <see cref="ILetterNumberSequence"/> in a SQLite database (issue 17): dunning letter numbers, sequential and gap-free
/// per company and year, one per letter id, kept in two tables beside the journal.
/// </summary>
/// <remarks>
/// Each allocation is one write transaction (<c>BEGIN IMMEDIATE</c>, so concurrent allocations queue on the database's
/// write lock): it returns the number the letter has, else raises the year's counter by one and records the number for
/// the letter. The letter's primary key and a unique key on company, year and number make a duplicate impossible. Safe
/// for concurrent use, also from several processes on one database file.
/// </remarks>
public sealed class SqliteLetterNumberSequence : ILetterNumberSequence
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS debitor_letter_counters (
            company TEXT NOT NULL,
            year INTEGER NOT NULL,
            last INTEGER NOT NULL CHECK (last > 0),
            PRIMARY KEY (company, year)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS debitor_letter_numbers (
            company TEXT NOT NULL,
            letter TEXT NOT NULL,
            year INTEGER NOT NULL,
            sequence INTEGER NOT NULL CHECK (sequence > 0),
            PRIMARY KEY (company, letter),
            UNIQUE (company, year, sequence)) WITHOUT ROWID;
        """;

    /// <summary>Records a letter's number: <c>$company</c>, <c>$letter</c>, <c>$year</c>, <c>$sequence</c>.</summary>
    internal const string RecordSql = "INSERT INTO debitor_letter_numbers (company, letter, year, sequence) VALUES ($company, $letter, $year, $sequence)";

    private readonly string _connectionString;

    /// <summary>The connection string as the sequence opens it (the store's rule, <see cref="SqliteConnectionStrings.ForStore"/>).</summary>
    internal string ConnectionString => _connectionString;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=debitor.db</c> (the store's database).</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public SqliteLetterNumberSequence(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = SqliteConnectionStrings.ForStore(connectionString);
    }

    /// <summary>Creates the tables if missing; safe to call at every start and from several processes.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = new SqliteCommand(Schema, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
    /// One write transaction (<c>BEGIN IMMEDIATE</c>) for all the letters, with three prepared commands reused for each: the
    /// letter's number if it has one, else the year's counter raised by one and the number recorded for the letter.
    /// </remarks>
    public async ValueTask<IReadOnlyList<LetterNumber>> NumberManyAsync(CompanyId company, int year, IReadOnlyList<string> letterIds, CancellationToken cancellationToken)
    {
        LetterNumberRequest.Check(company, year, letterIds);
        cancellationToken.ThrowIfCancellationRequested();
        var numbers = new List<LetterNumber>(letterIds.Count);
        if (letterIds.Count == 0)
        {
            return numbers;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var known = new SqliteCommand("SELECT year, sequence FROM debitor_letter_numbers WHERE company = $company AND letter = $letter;", connection, transaction);
        await using var counter = new SqliteCommand(
            """
            INSERT INTO debitor_letter_counters (company, year, last) VALUES ($company, $year, 1)
            ON CONFLICT (company, year) DO UPDATE SET last = last + 1
            RETURNING last;
            """,
            connection,
            transaction);
        await using var record = new SqliteCommand(RecordSql + ";", connection, transaction);
        known.Parameters.AddWithValue("$company", company.Value);
        var knownLetter = known.Parameters.Add("$letter", SqliteType.Text);
        counter.Parameters.AddWithValue("$company", company.Value);
        counter.Parameters.AddWithValue("$year", year);
        record.Parameters.AddWithValue("$company", company.Value);
        record.Parameters.AddWithValue("$year", year);
        var recordLetter = record.Parameters.Add("$letter", SqliteType.Text);
        var recordSequence = record.Parameters.Add("$sequence", SqliteType.Integer);
        foreach (var letterId in letterIds)
        {
            knownLetter.Value = letterId;
            await using (var reader = await known.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    numbers.Add(new LetterNumber(reader.GetInt32(0), reader.GetInt32(1)));
                    continue;
                }
            }

            var next = (long)(await counter.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            recordLetter.Value = letterId;
            recordSequence.Value = next;
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            numbers.Add(new LetterNumber(year, checked((int)next)));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return numbers;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
