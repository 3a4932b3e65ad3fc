using Ardalis.GuardClauses;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>The outcome of a delegation: what moved and both accounts after.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DelegationResult
{
    internal DelegationResult(EntryId delegation, IReadOnlyList<DelegatedInstallment> moved, CustomerAccount customer, CustomerAccount payer)
    {
        Delegation = delegation;
        Moved = moved;
        Customer = customer;
        Payer = payer;
    }

    /// <summary>The delegation's key.</summary>
    public EntryId Delegation { get; }

    /// <summary>The installments moved, in the customer's account order.</summary>
    public IReadOnlyList<DelegatedInstallment> Moved { get; }

    /// <summary>The customer's account after: the moved installments are closed (status <see cref="ItemStatus.Delegated"/>).</summary>
    public CustomerAccount Customer { get; }

    /// <summary>The payer's account after: it owes the moved amounts.</summary>
    public CustomerAccount Payer { get; }
}

/// <summary>
/// Delegates a customer's open claims to its payer (R3.7; Tryton's "delegate lines"): the customer is left at zero for
/// what was moved, the payer owes the same amounts under the same document numbers and due dates, the company's balance
/// is unchanged, and both journals keep the history (each side names the other).
/// </summary>
/// <remarks>
/// <para>The payer's account is appended first, then the customer's. Every id derives from the delegation id, so a
/// retry after a failure in between finds the payer's entries already there (a no-op) and completes the customer's.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class DelegationService
{
    private readonly ICustomerAccountStore _store;
    private readonly IAuthorizationPort _authorization;
    private readonly IClock _clock;
    private readonly DebitorCoreOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DelegationService(ICustomerAccountStore store, IAuthorizationPort authorization, IClock clock, DebitorCoreOptions options)
    {
        _store = Guard.Against.Null(store);
        _authorization = Guard.Against.Null(authorization);
        _clock = Guard.Against.Null(clock);
        _options = Guard.Against.Null(options);
    }

    /// <summary>Moves the customer's open claims (all, or the items named) to the customer's payer.</summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.PostDocuments"/> on both accounts.</param>
    /// <param name="customer">The customer whose claims move; it must have a payer.</param>
    /// <param name="delegation">The delegation's key; at most <see cref="IncomingPayment.MaxIdLength"/> characters.</param>
    /// <param name="date">The delegation date.</param>
    /// <param name="reason">Why; recorded on every entry.</param>
    /// <param name="items">The items to move; <see langword="null"/> for every open claim.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What moved and both accounts after. Running the same delegation again changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is <c>default</c> or too long, the reason is empty, the customer or its payer does
    /// not exist, the customer has no payer, a named item is not an open claim of the customer, or nothing is open.</exception>
    /// <exception cref="AuthorizationException">The actor may not post documents on an account.</exception>
    /// <exception cref="DuplicateEntryException">The delegation id was used before with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the accounts.</exception>
    public async Task<DelegationResult> DelegateAsync(Actor actor, CustomerId customer, EntryId delegation, LocalDate date, string reason, IReadOnlyList<EntryId>? items = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.Default(customer, nameof(customer));
        Guard.Against.Default(delegation, nameof(delegation));
        Guard.Against.NullOrWhiteSpace(reason, nameof(reason));
        if (delegation.Value.Length > IncomingPayment.MaxIdLength)
        {
            throw new ArgumentException($"A delegation id is at most {IncomingPayment.MaxIdLength} characters.", nameof(delegation));
        }

        await AuthorizeAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var from = await LoadAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false);
            var payerId = from.Customer.Payer ?? throw new ArgumentException($"Customer '{customer}' has no payer to delegate to.", nameof(customer));
            await AuthorizeAsync(actor, payerId, cancellationToken).ConfigureAwait(false);
            var to = await LoadAsync(payerId, nameof(customer), cancellationToken).ConfigureAwait(false);
            foreach (var id in items ?? [])
            {
                if (from.FindItem(id) is not { IsClaim: true } claim || (claim.Status != ItemStatus.Open && claim.Status != ItemStatus.Delegated))
                {
                    throw new ArgumentException($"Item '{id}' is not an open claim of customer '{customer}'.", nameof(items));
                }
            }

            var done = from.FindEntry(new EntryId(delegation.Value + "/1")) is ClaimDelegated;
            var (toPayer, fromCustomer, moved) = done ? Recorded(from, delegation) : ClaimDelegation.Plan(from, payerId, delegation, items, date, reason);
            if (moved.Count == 0)
            {
                throw new ArgumentException($"Customer '{customer}' has nothing open to delegate.", nameof(items));
            }

            var now = _clock.GetCurrentInstant();
            var today = now.InZone(_options.TimeZone).Date;
            var (payerAfter, payerRecords) = to.Append(toPayer, now, actor.User, today, nameof(delegation));
            var (customerAfter, customerRecords) = from.Append(fromCustomer, now, actor.User, today, nameof(delegation));
            try
            {
                if (payerRecords.Count > 0)
                {
                    await _store.AppendAsync(to.Id, to.Version, payerRecords, cancellationToken).ConfigureAwait(false);
                }

                if (customerRecords.Count > 0)
                {
                    await _store.AppendAsync(from.Id, from.Version, customerRecords, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ConcurrencyException) when (attempt < _options.MaxConcurrencyRetries)
            {
                continue;
            }

            return new DelegationResult(delegation, moved, customerAfter, payerAfter);
        }
    }

    /// <summary>A delegation already recorded in the customer's account: nothing to post there; the payer's side is checked by content.</summary>
    private static (IReadOnlyList<JournalEntry>, IReadOnlyList<JournalEntry>, IReadOnlyList<DelegatedInstallment>) Recorded(CustomerAccount from, EntryId delegation)
    {
        var moved = new List<DelegatedInstallment>();
        foreach (var record in from.Journal)
        {
            if (record.Entry is ClaimDelegated delegated && delegated.Id.Value.StartsWith(delegation.Value + "/", StringComparison.Ordinal))
            {
                var item = from.FindItem(delegated.Target.Item);
                moved.Add(new DelegatedInstallment(delegated.Target, item?.DocumentNumber ?? delegated.Target.Item.Value, delegated.Amount, delegated.NewItem));
            }
        }

        return ([], [], moved);
    }

    private async Task<CustomerAccount> LoadAsync(CustomerId customer, string parameterName, CancellationToken cancellationToken)
    {
        var journal = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        return journal.Count > 0 ? CustomerAccount.FromJournal(journal) : throw new ArgumentException($"Customer '{customer}' does not exist.", parameterName);
    }

    private async Task AuthorizeAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken)
    {
        if (!await _authorization.IsAllowedAsync(actor, Permission.PostDocuments, customer, cancellationToken).ConfigureAwait(false))
        {
            throw new AuthorizationException(actor.User, Permission.PostDocuments, customer);
        }
    }
}
