using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Application;

/// <summary>Loading through the views held for the store between calls (D13.100–D13.102).</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>The views held for this service's store; <see langword="null"/> when the store cannot stamp its loads.</summary>
    private HeldAccountViews? HeldViews => HeldAccountViews.For(_store);

    /// <summary>
    /// The journal of an existing account, with its view and the store's stamp when the store's views are held: the held
    /// view is checked against the store and continued by the records after it; otherwise the journal is loaded in full.
    /// </summary>
    /// <exception cref="ArgumentException">The account does not exist.</exception>
    private async Task<(IReadOnlyList<JournalRecord> Journal, HeldView Held)> LoadCurrentAsync(CustomerId customer, string parameterName, CancellationToken cancellationToken)
    {
        if (HeldViews is not { } views)
        {
            return (await LoadJournalAsync(customer, parameterName, cancellationToken).ConfigureAwait(false), default);
        }

        Guard.Against.Default(customer, parameterName);
        var held = await views.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        return held.Account is { } account ? (account.Journal, held) : throw NoSuchCustomer(customer, parameterName);
    }

    /// <summary>Holds the view an append made, with the stamp of the load it was made on.</summary>
    private CustomerAccount Appended(CustomerId customer, HeldView loaded, CustomerAccount after)
    {
        if (loaded.Account is not null)
        {
            HeldViews?.Hold(customer, loaded with { Account = after });
        }

        return after;
    }
}
