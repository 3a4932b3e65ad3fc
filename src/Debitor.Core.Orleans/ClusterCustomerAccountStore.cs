using System.Runtime.CompilerServices;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Orleans;

/// <summary>
/// The account store a host's use cases see inside a cluster: every load and every append of an account goes through the
/// account's grain (company and customer), so the grain is the only writer of the account and its journal stays warm.
/// Build the library's services (<c>PaymentService</c>, <c>CustomerAccountService</c>, <c>DunningService</c>, …) on it
/// and every mutating use case writes through the single writer; nothing else in them changes.
/// </summary>
/// <remarks>
/// <para>An append names the version the caller loaded, as with every store: the grain answers a stale version without a
/// database round trip (<see cref="ConcurrencyException"/>), and the use case's own retry reloads and decides again. The
/// database's version check still guards against writers outside the cluster.</para>
/// <para>Listing comes from the host's store (an indexed query there); the accounts of one company only.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ClusterCustomerAccountStore : ICustomerAccountStore
{
    private readonly IGrainFactory _grains;
    private readonly CompanyId _company;
    private readonly ICustomerAccountStore? _listing;
    private readonly CustomerAccountGrain? _local;
    private readonly IReadOnlyList<CustomerId>? _members;

    /// <summary>Creates the store for one company.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="company">The company whose accounts the store serves.</param>
    /// <param name="listing">The host's store, asked only to list the company's accounts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> or <paramref name="listing"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public ClusterCustomerAccountStore(IGrainFactory grains, CompanyId company, ICustomerAccountStore listing)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _listing = listing ?? throw new ArgumentNullException(nameof(listing));
        _company = company.IsEmpty ? throw new ArgumentException("A company is required.", nameof(company)) : company;
    }

    /// <summary>The store a grain gives the use case it runs: its own account directly, the others through their grains, and only the group's accounts listed.</summary>
    internal ClusterCustomerAccountStore(IGrainFactory grains, CompanyId company, CustomerAccountGrain local, IReadOnlyList<CustomerId> members)
    {
        _grains = grains;
        _company = company;
        _local = local;
        _members = members;
    }

    /// <summary>The store a grain gives a command it runs: its own account directly, the others through their grains, the company's accounts listed by the host's store.</summary>
    internal ClusterCustomerAccountStore(IGrainFactory grains, CompanyId company, CustomerAccountGrain local, ICustomerAccountStore listing)
    {
        _grains = grains;
        _company = company;
        _local = local;
        _listing = listing;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        if (_local is not null && customer == _local.Customer)
        {
            return await _local.LoadOwnAsync().ConfigureAwait(false);
        }

        var page = await Grain(customer).LoadAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return page.ToJournal(customer);
    }

    /// <inheritdoc/>
    public async ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = _local is not null && customer == _local.Customer
            ? await _local.AppendOwnAsync(expectedVersion, records).ConfigureAwait(false)
            : await Grain(customer).AppendAsync(expectedVersion, JournalPage.Serialize(records)).ConfigureAwait(false);
        if (!outcome.Done)
        {
            throw new ConcurrencyException(customer, expectedVersion, outcome.Version);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = _local is not null && customer == _local.Customer
            ? await _local.DeleteOwnAsync(expectedVersion).ConfigureAwait(false)
            : await Grain(customer).DeleteAsync(expectedVersion).ConfigureAwait(false);
        if (!outcome.Done)
        {
            throw new ConcurrencyException(customer, expectedVersion, outcome.Version);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken)
    {
        if (_members is not null)
        {
            return _members;
        }

        var list = new List<CustomerId>();
        await foreach (var customer in ListCustomersAsync(_company, cancellationToken).ConfigureAwait(false))
        {
            list.Add(customer);
        }

        return list;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<CustomerId> ListCustomersAsync(CompanyId company, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (company != _company)
        {
            yield break;
        }

        if (_members is not null)
        {
            foreach (var member in _members)
            {
                yield return member;
            }

            yield break;
        }

        await foreach (var customer in _listing!.ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            yield return customer;
        }
    }

    private ICustomerAccountGrain Grain(CustomerId customer) => _grains.GetGrain<ICustomerAccountGrain>(AccountGrainKey.Format(_company, customer));
}
