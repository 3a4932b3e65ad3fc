using System.Runtime.CompilerServices;
using System.Text.Json;
using Debitor.Core.Ports;
using Debitor.Core.Storage;

namespace Debitor.Core.Sqlite;

/// <summary>The ports for runs over many accounts (issue 13): streamed loads by company or by id, and batched appends.</summary>
public sealed partial class SqliteCustomerAccountStore
{
    /// <summary>How many accounts <see cref="LoadManyAsync"/> reads with one statement.</summary>
    private const int LoadManyChunk = 500;

    /// <inheritdoc />
    /// <remarks>
    /// One statement over the company's accounts joined to their journal rows, ordered by account and version, read as it
    /// streams: only the account being assembled is held in memory. The stream is one read snapshot of the database.
    /// Ordering by the account's rowid as well (a no-op: the id is unique) lets SQLite see that the company index yields
    /// one row per account, so the rows come in key order without a sort of each account's rows (D13.81).
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public IAsyncEnumerable<StoredJournal> LoadCompanyAsync(CompanyId company, CancellationToken cancellationToken) =>
        StreamAsync(
            """
            SELECT a.customer, a.version, j.version, j.recorded_at, j.recorded_by, j.payload
            FROM debitor_accounts a LEFT JOIN debitor_journal j ON j.customer = a.customer
            WHERE a.company = $company ORDER BY a.customer, a.rowid, j.version;
            """,
            "$company",
            company.Value ?? throw new ArgumentException("The company must not be empty.", nameof(company)),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>One statement per 500 accounts (the ids passed as one JSON array), in the order named.</remarks>
    public async IAsyncEnumerable<StoredJournal> LoadManyAsync(IReadOnlyList<CustomerId> customers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        for (var start = 0; start < customers.Count; start += LoadManyChunk)
        {
            var chunk = new List<CustomerId>(Math.Min(LoadManyChunk, customers.Count - start));
            for (var i = start; i < customers.Count && chunk.Count < LoadManyChunk; i++)
            {
                chunk.Add(customers[i]);
            }

            var ids = JsonArray(chunk);
            var found = new Dictionary<CustomerId, StoredJournal>(chunk.Count);
            await foreach (var journal in StreamAsync(
                """
                SELECT a.customer, a.version, j.version, j.recorded_at, j.recorded_by, j.payload
                FROM debitor_accounts a LEFT JOIN debitor_journal j ON j.customer = a.customer
                WHERE a.customer IN (SELECT value FROM json_each($ids)) ORDER BY a.customer, j.version;
                """,
                "$ids",
                ids,
                cancellationToken).ConfigureAwait(false))
            {
                found[journal.Customer] = journal;
            }

            foreach (var customer in chunk)
            {
                yield return found.TryGetValue(customer, out var journal) ? journal : new StoredJournal(customer, []);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Answers from the account rows alone: the version listed is the one the account row names, even for a journal that cannot be read.</remarks>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public async IAsyncEnumerable<AccountVersion> ListVersionsAsync(CompanyId company, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var value = company.Value ?? throw new ArgumentException("The company must not be empty.", nameof(company));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT customer, version FROM debitor_accounts WHERE company = $company ORDER BY customer;");
        command.Parameters.AddWithValue("$company", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AccountVersion(new CustomerId(reader.GetString(0)), reader.GetInt64(1));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The whole batch is checked first (as a single append checks its records), then written in one write transaction
    /// (<c>BEGIN IMMEDIATE</c>) with three statements prepared once for the batch (D16.100): per account a conditional move
    /// of its version (a new row for version 0), and on success its journal rows, each document written straight into the
    /// statement. An account whose version had moved on gets nothing and is returned; a fault rolls back the batch.
    /// The batch the service plans carries its documents written ahead (<see cref="PreparedAppends"/>, D16.220): they are
    /// bound as they are, so the writing thread does not write them.
    /// </remarks>
    /// <exception cref="ArgumentException">A record names no author.</exception>
    public async ValueTask<IReadOnlyList<CustomerId>> AppendManyAsync(IReadOnlyList<JournalAppend> appends, CancellationToken cancellationToken)
    {
        var parts = CheckedParts(appends);
        cancellationToken.ThrowIfCancellationRequested();
        if (parts.Count == 0)
        {
            return [];
        }

        return await WithSessionAsync<IReadOnlyList<CustomerId>>(
            async session =>
            {
                var conflicts = new List<CustomerId>();
                await using var transaction = session.Connection.BeginTransaction(deferred: false);
                var appender = new SqliteBatchAppender(session);
                foreach (var (part, documents) in parts)
                {
                    if (!appender.TryAppend(part, documents))
                    {
                        conflicts.Add(part.Customer);
                    }
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return conflicts;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The batch checked as a single append checks its records, with the documents written ahead where there are.</summary>
    /// <exception cref="ArgumentException">A record names no author.</exception>
    private static List<(JournalAppend Append, ReadOnlyMemory<byte>[]? Documents)> CheckedParts(IReadOnlyList<JournalAppend> appends)
    {
        JournalAppend.CheckBatch(appends);
        var prepared = appends as PreparedAppends;
        var parts = new List<(JournalAppend Append, ReadOnlyMemory<byte>[]? Documents)>(appends.Count);
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            StoredRecord.Check(append.Customer, append.ExpectedVersion, append.Records);
            if (append.Records.Count > 0)
            {
                parts.Add((append, prepared?.DocumentsOf(i)));
            }
        }

        return parts;
    }

    /// <summary>The ids as a JSON array of strings, for <c>json_each</c>.</summary>
    private static string JsonArray(List<CustomerId> customers)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var customer in customers)
            {
                writer.WriteStringValue(customer.Value);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Streams the journals a statement yields (account, its version, then its rows in version order), account by account.</summary>
    private async IAsyncEnumerable<StoredJournal> StreamAsync(string sql, string parameter, string argument, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var journal in SqliteJournalStream.ReadAsync(connection, sql, parameter, argument, cancellationToken).ConfigureAwait(false))
        {
            yield return journal;
        }
    }
}
