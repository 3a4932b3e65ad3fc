using Debitor.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Debitor.Core.Sqlite;

/// <summary>
/// A batch's letter numbers claimed in the transaction that appends the batch (D16.280), when the store's database also
/// holds the letter number sequence (<see cref="SqliteLetterNumberSequence"/> on the same connection string).
/// </summary>
public sealed partial class SqliteCustomerAccountStore : ILetterNumberingStore
{
    private const string LastNumberSql = "SELECT last FROM debitor_letter_counters WHERE company = $company AND year = $year;";

    /// <summary>The year's first numbers: a counter row that must not exist yet.</summary>
    private const string FirstClaimSql = """
        INSERT INTO debitor_letter_counters (company, year, last) VALUES ($company, $year, $claimed)
        ON CONFLICT (company, year) DO NOTHING;
        """;

    /// <summary>Later numbers: the counter moves only from the last number the claim was made after.</summary>
    /// <summary>A claimed letter's number, unless the letter (or the number) is recorded already.</summary>
    private const string RecordClaimedSql = SqliteLetterNumberSequence.RecordSql + " ON CONFLICT DO NOTHING;";

    private const string NextClaimSql = "UPDATE debitor_letter_counters SET last = $claimed WHERE company = $company AND year = $year AND last = $last;";

    bool ILetterNumberingStore.SharesSequence(ILetterNumberSequence numbers) =>
        numbers is SqliteLetterNumberSequence sequence && string.Equals(sequence.ConnectionString, _connectionString, StringComparison.Ordinal);

    async ValueTask<int> ILetterNumberingStore.LastNumberAsync(CompanyId company, int year, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, LastNumberSql);
        command.Parameters.AddWithValue("$company", company.Value);
        command.Parameters.AddWithValue("$year", year);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long last ? checked((int)last) : 0;
    }

    async ValueTask<bool> ILetterNumberingStore.TryAppendManyNumberedAsync(IReadOnlyList<JournalAppend> appends, LetterNumberClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Storage.LetterNumberRequest.Check(claim.Company, claim.Year, claim.LetterIds);
        var parts = CheckedParts(appends);
        cancellationToken.ThrowIfCancellationRequested();
        return await WithSessionAsync(
            async session =>
            {
                await using var transaction = session.Connection.BeginTransaction(deferred: false);
                var appender = new SqliteBatchAppender(session);
                foreach (var (part, documents) in parts)
                {
                    if (!appender.TryAppend(part, documents))
                    {
                        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        return false;
                    }
                }

                if (claim.LetterIds.Count > 0 && !Claim(session, transaction, claim))
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    return false;
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the year's counter from the claim's last number past its letters and records each letter's number.</summary>
    private static bool Claim(SqliteSession session, SqliteTransaction transaction, LetterNumberClaim claim)
    {
        var claimed = (long)claim.Last + claim.LetterIds.Count;
        var counter = claim.Last == 0
            ? session.Command(FirstClaimSql, transaction, "$company", "$year", "$claimed")
            : session.Command(NextClaimSql, transaction, "$company", "$year", "$claimed", "$last");
        counter.Parameters[0].Value = claim.Company.Value;
        counter.Parameters[1].Value = claim.Year;
        counter.Parameters[2].Value = claimed;
        if (claim.Last != 0)
        {
            counter.Parameters[3].Value = claim.Last;
        }

        if (counter.ExecuteNonQuery() != 1)
        {
            return false;
        }

        // A letter numbered before (its primary key) fails the claim: the sequence gives that letter its number instead.
        var record = session.Command(RecordClaimedSql, transaction, "$company", "$letter", "$year", "$sequence");
        record.Parameters[0].Value = claim.Company.Value;
        record.Parameters[2].Value = claim.Year;
        for (var i = 0; i < claim.LetterIds.Count; i++)
        {
            record.Parameters[1].Value = claim.LetterIds[i];
            record.Parameters[3].Value = claim.NumberOf(i).Sequence;
            if (record.ExecuteNonQuery() != 1)
            {
                return false;
            }
        }

        return true;
    }
}
