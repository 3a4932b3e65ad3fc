using Debitor.Cli.Output;
using Debitor.Core;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Cli.Storage;

/// <summary>
/// Copies journals a portfolio was loaded into (in memory, through the library's use cases) into the database. An entry
/// whose id the stored journal already holds is not copied again, so importing the same portfolio twice changes nothing;
/// the stored journal with the new entries is replayed before it is appended, so nothing unreadable is stored. The
/// accounts are read and written a thousand at a time (one load and one append call of the store each).
/// </summary>
internal static class JournalCopy
{
    /// <summary>Accounts read and written with one call of the store each.</summary>
    public const int ChunkAccounts = 1_000;

    /// <returns>The accounts created and the entries appended.</returns>
    /// <exception cref="ConcurrencyException">Another writer changed an account of the database during the copy.</exception>
    public static async Task<(int Accounts, int Entries)> CopyAsync(InMemoryCustomerAccountStore source, CompanyId company, ICustomerAccountStore target, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var created = 0;
        var appended = 0;
        var chunk = new List<CustomerId>(ChunkAccounts);
        async Task CopyChunkAsync()
        {
            var appends = new List<JournalAppend>(chunk.Count);
            await foreach (var stored in target.LoadManyAsync(chunk, cancellationToken))
            {
                if (stored.Error is { } error)
                {
                    throw error;
                }

                var records = await source.LoadAsync(stored.Customer, cancellationToken);
                var known = stored.Records.Select(r => r.Entry.Id).ToHashSet();
                var fresh = records.Where(r => !known.Contains(r.Entry.Id))
                    .Select((r, i) => r with { Version = stored.Records.Count + i + 1 })
                    .ToList();
                if (fresh.Count > 0)
                {
                    _ = CustomerAccount.FromJournal([.. stored.Records, .. fresh]);
                    appends.Add(new JournalAppend(stored.Customer, stored.Records.Count, fresh));
                    created += stored.Records.Count == 0 ? 1 : 0;
                    appended += fresh.Count;
                }
            }

            if (appends.Count > 0 && (await target.AppendManyAsync(appends, cancellationToken)) is [var conflict, ..])
            {
                var expected = appends.First(a => a.Customer == conflict).ExpectedVersion;
                throw new ConcurrencyException(conflict, expected, (await target.LoadAsync(conflict, cancellationToken)).Count);
            }

            progress.Advance(chunk.Count);
            chunk.Clear();
        }

        await foreach (var customer in source.ListCustomersAsync(company, cancellationToken))
        {
            chunk.Add(customer);
            if (chunk.Count == ChunkAccounts)
            {
                await CopyChunkAsync();
            }
        }

        await CopyChunkAsync();
        progress.Done();
        return (created, appended);
    }
}
