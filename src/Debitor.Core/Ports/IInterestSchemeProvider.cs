using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Interest;

namespace Debitor.Core.Ports;

/// <summary>
/// Supplies a company's interest schemes (R3.1); implemented by the host, which may keep them in its own configuration.
/// The one source of interest schemes: dunning letters, interest invoices, statements, the headline and hand-overs all
/// read it.
/// </summary>
public interface IInterestSchemeProvider
{
    /// <summary>The interest schemes of a company.</summary>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schemes; <see cref="InterestSchemeCatalog.Default"/> when the company has none of its own.</returns>
    ValueTask<InterestSchemeCatalog> GetAsync(CompanyId company, CancellationToken cancellationToken);
}

/// <summary>
/// The shipped, in-memory <see cref="IInterestSchemeProvider"/>: every company starts with the shipped schemes
/// (<see cref="InterestSchemeCatalog.Default"/>, R3.1); schemes can be replaced and added per company or for every company.
/// Thread-safe.
/// </summary>
public sealed class InterestSchemeRegistry : IInterestSchemeProvider
{
    private readonly ConcurrentDictionary<CompanyId, InterestSchemeCatalog> _companies = new();
    private InterestSchemeCatalog _all = InterestSchemeCatalog.Default;

    /// <inheritdoc />
    public ValueTask<InterestSchemeCatalog> GetAsync(CompanyId company, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_companies.GetValueOrDefault(company) ?? Volatile.Read(ref _all));
    }

    /// <summary>Adds a scheme or replaces the one with the same id (also a shipped one), for every company without its own catalog.</summary>
    /// <param name="id">The id.</param>
    /// <param name="scheme">The scheme.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is <see langword="null"/>.</exception>
    public void Set(SchemeId id, InterestScheme scheme)
    {
        Guard.Against.Default(id);
        Guard.Against.Null(scheme);
        InterestSchemeCatalog current, next;
        do
        {
            current = Volatile.Read(ref _all);
            next = current.With(id, scheme);
        }
        while (Interlocked.CompareExchange(ref _all, next, current) != current);
    }

    /// <summary>Sets a company's own catalog, replacing earlier ones.</summary>
    /// <param name="company">The company.</param>
    /// <param name="catalog">Its schemes.</param>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public void Set(CompanyId company, InterestSchemeCatalog catalog)
    {
        Guard.Against.Default(company, nameof(company));
        _companies[company] = Guard.Against.Null(catalog);
    }

    /// <summary>The scheme for a customer, read through a provider (the one lookup every use case shares).</summary>
    /// <exception cref="ArgumentException">The customer's scheme id is unknown.</exception>
    internal static async ValueTask<InterestScheme> ForAsync(IInterestSchemeProvider provider, Customers.Customer customer, CancellationToken cancellationToken)
    {
        Guard.Against.Null(customer);
        var catalog = await provider.GetAsync(customer.Company, cancellationToken).ConfigureAwait(false);
        return catalog.For(customer);
    }
}
