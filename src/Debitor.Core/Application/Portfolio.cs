using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Reading accounts for portfolio-wide reads and runs (issue 12): one bad account — a journal that cannot be replayed, or
/// amounts beyond <see cref="Bounds.MaxAmount"/> — is reported to <see cref="IAccountFaultLog"/> and left out; the others
/// go on. An account listed but empty (deleted meanwhile) is skipped silently.
/// </summary>
internal static class Portfolio
{
    /// <summary>
    /// The account view of a loaded journal, or <see langword="null"/> (reported) when it cannot be used. A journal that does
    /// not replay is also added to <paramref name="corrupt"/> when given (a run lists such accounts in its result).
    /// </summary>
    internal static async Task<CustomerAccount?> ReadAsync(
        IReadOnlyList<JournalRecord> journal, CustomerId customer, IAccountFaultLog faults, string operation, CancellationToken cancellationToken, List<CorruptJournalException>? corrupt = null)
    {
        if (journal.Count == 0)
        {
            return null;
        }

        string reason;
        try
        {
            var account = CustomerAccount.FromJournal(journal);
            if (account.AmountBeyondBounds() is not { } amount)
            {
                return account;
            }

            reason = $"it holds the amount {amount}, beyond Bounds.MaxAmount; correct it with a reversal.";
        }
        catch (Exception exception) when (exception is CorruptJournalException or OverflowException or ArgumentException)
        {
            reason = $"its journal cannot be replayed: {exception.Message}";
            corrupt?.Add(exception is CorruptJournalException { Customer: not null } named
                ? named
                : new CorruptJournalException(customer, journal[^1].Version, reason, exception));
        }

        await faults.ReportAsync(new AccountFault(customer, operation, reason), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Loads and reads every account of one company the store lists, ordered by id, authorizing each first when asked. An
    /// account of another company is never included, whatever the store lists (D14.5).
    /// </summary>
    internal static async Task<List<CustomerAccount>> LoadAllAsync(
        ICustomerAccountStore store, IAccountFaultLog faults, string operation, CompanyId company, Func<CustomerId, Task>? authorize, CancellationToken cancellationToken)
    {
        var accounts = new List<CustomerAccount>();
        await foreach (var customer in store.ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            if (authorize is not null)
            {
                await authorize(customer).ConfigureAwait(false);
            }

            var journal = await store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            if (await ReadAsync(journal, customer, faults, operation, cancellationToken).ConfigureAwait(false) is { } account
                && account.Customer.Company == company)
            {
                accounts.Add(account);
            }
        }

        return accounts;
    }
}
