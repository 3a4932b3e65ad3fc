using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// Where one account's dunning letters go in a run (R3.7), as far as the account itself can tell: the payer it routes its
/// letters to, and whether it may receive letters for others. A host that partitions a run (for example over a cluster)
/// joins the accounts linked by <see cref="Payer"/> into one group and hands each group to the engine as a whole: the
/// letters of a group depend on the accounts of the group only, so the partitioned run equals the run over all accounts.
/// </summary>
/// <remarks>The rules are the engine's own (the run uses the same ones to find payers), not a copy.</remarks>
public sealed record DunningRoute
{
    private DunningRoute(CustomerId customer, CustomerId? payer, bool canReceiveForOthers)
    {
        Customer = customer;
        Payer = payer;
        CanReceiveForOthers = canReceiveForOthers;
    }

    /// <summary>The account.</summary>
    public CustomerId Customer { get; }

    /// <summary>
    /// The payer this account's letters go to when that payer is one of the run's accounts and <see cref="CanReceiveForOthers"/>
    /// holds for it; <see langword="null"/> when the account is out of the run's scope or sends its letters to itself.
    /// </summary>
    public CustomerId? Payer { get; }

    /// <summary>Whether letters of other accounts of the run may go to this account (it belongs to the run's company and is not archived).</summary>
    public bool CanReceiveForOthers { get; }

    /// <summary>The route of one account in a run.</summary>
    /// <param name="request">The run.</param>
    /// <param name="account">The account.</param>
    /// <returns>The route.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static DunningRoute Of(DunningRunRequest request, CustomerAccount account)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(account);
        var customer = account.Customer;
        var payer = RunScope.RoutesToPayer(customer) && RunScope.InScope(request, customer) ? customer.Payer : null;
        return new DunningRoute(account.Id, payer, RunScope.CanReceiveForOthers(request, account));
    }
}
