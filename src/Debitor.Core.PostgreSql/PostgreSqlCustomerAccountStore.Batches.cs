using System.Runtime.CompilerServices;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Debitor.Core.PostgreSql;

/// <summary>The ports for runs over many accounts (issue 13): streamed loads by company or by id, and batched appends.</summary>
public sealed partial class PostgreSqlCustomerAccountStore
{
    private const string Deadlock = "40P01";

    /// <inheritdoc />
    /// <exception cref="CorruptJournalException">A stored row cannot be read, or the journal's versions have a gap.</exception>
    public async ValueTask<IReadOnlyList<JournalRecord>> LoadAfterAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        await using var command = _dataSource.CreateCommand(
            """
            SELECT a.version, j.version, j.recorded_at, j.recorded_by, coalesce(j.document, j.payload::text)
            FROM debitor_accounts a LEFT JOIN debitor_journal j ON j.customer = a.customer AND j.version > $2
            WHERE a.customer = $1 ORDER BY j.version
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Value });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterVersion });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await JournalAssembler.ReadOneAsync(reader, customer, afterVersion, payloadAsBytes: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query over the company's accounts, ordered by id (ordinal, <c>COLLATE "C"</c>), each followed by its journal rows
    /// in version order (a lateral scan of the journal's key, D13.110), read as the rows arrive: only the account being
    /// assembled is held in memory.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public async IAsyncEnumerable<StoredJournal> LoadCompanyAsync(CompanyId company, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var value = company.Value ?? throw new ArgumentException("The company must not be empty.", nameof(company));
        await foreach (var journal in StreamJournalsAsync(
            """
            SELECT a.customer, a.version, j.version, j.recorded_at, j.recorded_by, j.document
            FROM (SELECT customer, version FROM debitor_accounts WHERE company = $1 ORDER BY customer COLLATE "C") a
            LEFT JOIN LATERAL (SELECT version, recorded_at, recorded_by, coalesce(document, payload::text) AS document FROM debitor_journal WHERE customer = a.customer ORDER BY version) j ON true
            ORDER BY a.customer COLLATE "C", j.version
            """,
            new NpgsqlParameter<string> { TypedValue = value },
            cancellationToken).ConfigureAwait(false))
        {
            yield return journal;
        }
    }

    /// <inheritdoc />
    /// <remarks>One query for all the accounts (<c>unnest</c> of the ids with their position), read as the rows arrive, in the order named.</remarks>
    public async IAsyncEnumerable<StoredJournal> LoadManyAsync(IReadOnlyList<CustomerId> customers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0)
        {
            yield break;
        }

        await foreach (var journal in StreamJournalsAsync(
            """
            SELECT i.customer, coalesce(a.version, 0), j.version, j.recorded_at, j.recorded_by, j.document
            FROM unnest($1::text[]) WITH ORDINALITY AS i (customer, position)
            LEFT JOIN debitor_accounts a ON a.customer = i.customer
            LEFT JOIN LATERAL (SELECT version, recorded_at, recorded_by, coalesce(document, payload::text) AS document FROM debitor_journal WHERE customer = a.customer ORDER BY version) j ON true
            ORDER BY i.position, j.version
            """,
            new NpgsqlParameter<string[]> { TypedValue = [.. customers.Select(c => c.Value)] },
            cancellationToken).ConfigureAwait(false))
        {
            yield return journal;
        }
    }

    /// <inheritdoc />
    /// <remarks>Answers from the account rows alone: the version listed is the one the account row names, even for a journal that cannot be read.</remarks>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public async IAsyncEnumerable<AccountVersion> ListVersionsAsync(CompanyId company, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var value = company.Value ?? throw new ArgumentException("The company must not be empty.", nameof(company));
        await using var command = _dataSource.CreateCommand("SELECT customer, version FROM debitor_accounts WHERE company = $1 ORDER BY customer COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AccountVersion(new CustomerId(reader.GetString(0)), reader.GetInt64(1));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction of three statements: new accounts inserted (<c>ON CONFLICT DO NOTHING RETURNING</c>), existing ones
    /// moved from their expected version (<c>UPDATE … FROM unnest(…) WHERE version = expected RETURNING</c>), then one
    /// multi-row insert of the journal rows of the accounts returned. An account not returned had moved on: it gets nothing
    /// and is reported. Account rows are locked in id order; should two batches still deadlock, the one PostgreSQL aborts
    /// is retried whole (nothing of it was committed).
    /// </remarks>
    /// <exception cref="ArgumentException">A record names no author.</exception>
    public async ValueTask<IReadOnlyList<CustomerId>> AppendManyAsync(IReadOnlyList<JournalAppend> appends, CancellationToken cancellationToken)
    {
        var parts = BatchPart.Prepare(appends);
        cancellationToken.ThrowIfCancellationRequested();
        if (parts.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendManyOnceAsync(parts).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == Deadlock && attempt < 5)
            {
                await Task.Delay(10 * attempt, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt of <see cref="AppendManyAsync"/>; not cancelled once started (it commits or rolls back whole).</summary>
    private async Task<IReadOnlyList<CustomerId>> AppendManyOnceAsync(List<BatchPart> parts)
    {
        var ordered = parts.OrderBy(p => p.Customer.Value, StringComparer.Ordinal).ToList();
        var created = ordered.Where(p => p.ExpectedVersion == 0).ToList();
        var moved = ordered.Where(p => p.ExpectedVersion != 0).ToList();
        var appended = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        if (created.Count > 0)
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO debitor_accounts (customer, company, version)
                SELECT n.customer, n.company, n.version FROM unnest($1::text[], $2::text[], $3::bigint[]) AS n (customer, company, version)
                ON CONFLICT (customer) DO NOTHING
                RETURNING customer
                """,
                connection,
                transaction);
            AddHeads(insert, created, withExpected: false);
            await ReadCustomersAsync(insert, appended).ConfigureAwait(false);
        }

        if (moved.Count > 0)
        {
            await using var update = new NpgsqlCommand(
                """
                UPDATE debitor_accounts a SET version = u.version, company = coalesce(u.company, a.company)
                FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS u (customer, company, version, expected)
                WHERE a.customer = u.customer AND a.version = u.expected
                RETURNING a.customer
                """,
                connection,
                transaction);
            AddHeads(update, moved, withExpected: true);
            await ReadCustomersAsync(update, appended).ConfigureAwait(false);
        }

        var rows = ordered.Where(p => appended.Contains(p.Customer.Value)).SelectMany(p => p.Rows.Select(r => (p.Customer, Row: r))).ToList();
        if (rows.Count > 0)
        {
            await using var journal = new NpgsqlCommand(
                """
                INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload, document)
                SELECT r.customer, r.version, r.recorded_at, r.recorded_by, r.kind, r.document::jsonb, r.document
                FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r (customer, version, recorded_at, recorded_by, kind, document)
                """,
                connection,
                transaction);
            journal.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Customer.Value)] });
            journal.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rows.Select(r => r.Row.Version)] });
            journal.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Row.RecordedAt)] });
            journal.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Row.RecordedBy)] });
            journal.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Row.Kind)] });
            journal.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Row.Payload)] });
            await journal.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return [.. parts.Where(p => !appended.Contains(p.Customer.Value)).Select(p => p.Customer)];
    }

    private static void AddHeads(NpgsqlCommand command, List<BatchPart> parts, bool withExpected)
    {
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. parts.Select(p => p.Customer.Value)] });
        command.Parameters.Add(new NpgsqlParameter { Value = parts.Select(p => p.Company).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. parts.Select(p => p.ExpectedVersion + p.Rows.Count)] });
        if (withExpected)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. parts.Select(p => p.ExpectedVersion)] });
        }
    }

    private static async Task ReadCustomersAsync(NpgsqlCommand command, HashSet<string> into)
    {
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            into.Add(reader.GetString(0));
        }
    }

    /// <summary>
    /// Streams the journals a query yields (account, its version, then its rows in version order, each with its document
    /// as written, D13.130), account by account. The query runs in a read-only transaction of its own with the server's JIT
    /// compilation off (<c>SET LOCAL</c>, so the pooled connection keeps its settings): the plan's cost estimate grows with
    /// the journal, and compiling it cost the server more than it saved for a streamed scan (D13.111).
    /// </summary>
    private async IAsyncEnumerable<StoredJournal> StreamJournalsAsync(string sql, NpgsqlParameter parameter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var settings = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL jit = off", connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(parameter);
        await foreach (var journal in PostgreSqlJournalStream.ReadAsync(command, cancellationToken).ConfigureAwait(false))
        {
            yield return journal;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
