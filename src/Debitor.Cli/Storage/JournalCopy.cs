using Debitor.Cli.Output;
using Debitor.Core;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Cli.Storage;

/// <summary>
/// Copies journals a portfolio was loaded into (in memory, through the library's use cases) into the database. An entry
/// whose id the stored journal already holds is not copied again, so importing the same portfolio twice changes nothing;
/// the stored journal with the new entries is replayed before it is appended, so nothing unreadable is stored.
/// </summary>
internal static class JournalCopy
{
    /// <returns>The accounts created and the entries appended.</returns>
    public static async Task<(int Accounts, int Entries)> CopyAsync(InMemoryCustomerAccountStore source, CompanyId company, ICustomerAccountStore target, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var created = 0;
        var appended = 0;
        await foreach (var customer in source.ListCustomersAsync(company, cancellationToken))
        {
            var records = await source.LoadAsync(customer, cancellationToken);
            var stored = await target.LoadAsync(customer, cancellationToken);
            var known = stored.Select(r => r.Entry.Id).ToHashSet();
            var fresh = records.Where(r => !known.Contains(r.Entry.Id))
                .Select((r, i) => r with { Version = stored.Count + i + 1 })
                .ToList();
            if (fresh.Count > 0)
            {
                _ = CustomerAccount.FromJournal([.. stored, .. fresh]);
                await target.AppendAsync(customer, stored.Count, fresh, cancellationToken);
                created += stored.Count == 0 ? 1 : 0;
                appended += fresh.Count;
            }

            progress.Advance();
        }

        progress.Done();
        return (created, appended);
    }
}
