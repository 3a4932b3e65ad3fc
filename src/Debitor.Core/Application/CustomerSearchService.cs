using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>Customer search for people (R1.1): the store's <see cref="ICustomerSearch"/>, showing only what the actor may see.</summary>
/// <remarks>Scoped like every use case; thread-safe.</remarks>
public sealed class CustomerSearchService
{
    private readonly ICustomerSearch _search;
    private readonly IAuthorizationPort _authorization;

    /// <summary>Creates the service.</summary>
    /// <param name="search">The store's search.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CustomerSearchService(ICustomerSearch search, IAuthorizationPort authorization)
    {
        _search = Guard.Against.Null(search);
        _authorization = Guard.Against.Null(authorization);
    }

    /// <summary>Searches and keeps the hits the actor may view (<see cref="Permission.ViewAccounts"/>); others are left out, not refused.</summary>
    /// <param name="actor">Who searches.</param>
    /// <param name="query">The search.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The hits the actor may see, in the search's order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async Task<IReadOnlyList<CustomerSearchHit>> SearchAsync(Actor actor, CustomerSearchQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.Null(query);
        var hits = await _search.SearchAsync(query, cancellationToken).ConfigureAwait(false);
        var visible = new List<CustomerSearchHit>(hits.Count);
        foreach (var hit in hits)
        {
            if (await _authorization.IsAllowedAsync(actor, Permission.ViewAccounts, hit.Customer, cancellationToken).ConfigureAwait(false))
            {
                visible.Add(hit);
            }
        }

        return visible;
    }
}
