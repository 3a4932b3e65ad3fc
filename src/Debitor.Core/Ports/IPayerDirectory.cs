namespace Debitor.Core.Ports;

/// <summary>Answers "whose invoices does this payer pay?" (R3.7). Implemented by the host, typically by a query on its customer table.</summary>
public interface IPayerDirectory
{
    /// <summary>The customers whose settings name <paramref name="payer"/> as their payer.</summary>
    /// <param name="payer">The payer.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The customers, without the payer itself, in no particular order; empty when it pays for nobody.</returns>
    ValueTask<IReadOnlyList<CustomerId>> GetCustomersPaidByAsync(CustomerId payer, CancellationToken cancellationToken);
}

/// <summary>
/// An <see cref="IPayerDirectory"/> that loads every account from the <see cref="ICustomerAccountStore"/> and reads the
/// customers' current settings. Correct but linear in the number of accounts: fine for tests, samples and small hosts;
/// a host with many customers should answer from an index of its own. An account that cannot be read is reported to the
/// <see cref="IAccountFaultLog"/> and left out, so one bad account never stops payments to the others.
/// </summary>
public sealed class StorePayerDirectory : IPayerDirectory
{
    private readonly ICustomerAccountStore _store;
    private readonly IAccountFaultLog _faults;

    /// <summary>Creates the directory over a store.</summary>
    /// <param name="store">The account store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public StorePayerDirectory(ICustomerAccountStore store)
        : this(store, new InMemoryAccountFaultLog())
    {
    }

    /// <summary>Creates the directory over a store, reporting accounts it cannot read.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="faults">Where an account that cannot be read is reported; it is left out of every answer.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public StorePayerDirectory(ICustomerAccountStore store, IAccountFaultLog faults)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(faults);
        _store = store;
        _faults = faults;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CustomerId>> GetCustomersPaidByAsync(CustomerId payer, CancellationToken cancellationToken)
    {
        var result = new List<CustomerId>();
        foreach (var customer in await _store.ListCustomersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (customer == payer)
            {
                continue;
            }

            var journal = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            if (await Application.Portfolio.ReadAsync(journal, customer, _faults, nameof(GetCustomersPaidByAsync), cancellationToken).ConfigureAwait(false) is { } account
                && account.Customer.Payer == payer)
            {
                result.Add(customer);
            }
        }

        return result;
    }
}
