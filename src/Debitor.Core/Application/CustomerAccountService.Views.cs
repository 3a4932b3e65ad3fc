using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Application;

/// <summary>Loading through the journals held for the store between calls (D13.100–D13.102).</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>The journals held for this service's store; <see langword="null"/> when the store cannot stamp its loads.</summary>
    private HeldJournals? Held => HeldJournals.For(_store);

    /// <summary>
    /// The journal of an existing account, with the store's stamp when the store's journals are held: the held journal is
    /// checked against the store and continued by the records after it; otherwise the journal is read in full.
    /// </summary>
    /// <exception cref="ArgumentException">The account does not exist.</exception>
    private async Task<HeldJournal> LoadCurrentAsync(CustomerId customer, string parameterName, CancellationToken cancellationToken)
    {
        if (Held is not { } held)
        {
            return new HeldJournal(await LoadJournalAsync(customer, parameterName, cancellationToken).ConfigureAwait(false), null);
        }

        Guard.Against.Default(customer, parameterName);
        var loaded = await held.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        return loaded.Journal is not null ? loaded : throw NoSuchCustomer(customer, parameterName);
    }

    /// <summary>Holds the journal an append made, with the stamp of the load it was made on; returns the account.</summary>
    private CustomerAccount Appended(CustomerId customer, HeldJournal loaded, CustomerAccount after)
    {
        if (loaded.Deletions is not null)
        {
            Held?.Hold(customer, loaded with { Journal = after.Journal });
        }

        return after;
    }
}
