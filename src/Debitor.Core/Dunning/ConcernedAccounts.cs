using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// The accounts a run restricted to approved notices (<see cref="NoticeFilter"/>) can write letters for: every account
/// connected to an approved notice's customer by payer routing (D13.141).
/// </summary>
/// <remarks>
/// A run's letters and exclusions depend on one account, except where letters are routed to a payer (R3.7): then a
/// payer's letter covers the customers that route to it, and whether a customer's letters go to its payer depends on the
/// payer's account and on whether a customer in scope routes to it (<see cref="RunScope"/>). Take the graph whose edges
/// join each account that routes its letters to a payer (<see cref="RunScope.RoutesToPayer"/>) with that payer: the run
/// over the accounts of a connected part of it computes, for those accounts, the letters and exclusions the run over all
/// accounts computes. A run whose notices are restricted to some customers writes letters only in the parts holding
/// those customers, so it needs only their accounts (the property
/// <c>Run_OverTheConcernedAccounts_GivesTheLettersAndExclusionsOfTheRunOverAll</c>).
/// </remarks>
internal static class ConcernedAccounts
{
    /// <summary>The accounts connected to <paramref name="customers"/> by payer routing, in the order of <paramref name="accounts"/>.</summary>
    internal static List<CustomerAccount> Of(IReadOnlyList<CustomerAccount> accounts, IEnumerable<CustomerId> customers)
    {
        var byId = new Dictionary<CustomerId, CustomerAccount>(accounts.Count);
        Dictionary<CustomerId, List<CustomerId>>? routedTo = null;
        foreach (var account in accounts)
        {
            byId.TryAdd(account.Id, account);
            if (RunScope.RoutesToPayer(account.Customer))
            {
                routedTo ??= [];
                var payer = account.Customer.Payer!.Value;
                if (!routedTo.TryGetValue(payer, out var routing))
                {
                    routedTo.Add(payer, routing = []);
                }

                routing.Add(account.Id);
            }
        }

        var reached = new HashSet<CustomerId>();
        var pending = new Stack<CustomerId>(customers);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!reached.Add(id))
            {
                continue;
            }

            if (byId.TryGetValue(id, out var account) && RunScope.RoutesToPayer(account.Customer))
            {
                pending.Push(account.Customer.Payer!.Value);
            }

            if (routedTo is not null && routedTo.TryGetValue(id, out var routing))
            {
                foreach (var customer in routing)
                {
                    pending.Push(customer);
                }
            }
        }

        var concerned = new List<CustomerAccount>(Math.Min(reached.Count, accounts.Count));
        foreach (var account in accounts)
        {
            if (reached.Contains(account.Id))
            {
                concerned.Add(account);
            }
        }

        return concerned;
    }

    /// <summary>
    /// Splits the accounts of a run into those joined to another account of the list by payer routing (an account routing
    /// its letters to a payer in the list, and that payer), in list order, and the others, in ordinal order of their ids
    /// (D16.250). Each joined account's connected part lies wholly among the joined ones, and each other account is a part
    /// of its own (its payer, if any, is not in the list), so a run over the joined accounts, and a run over any of the
    /// others, gives for its accounts the letters and exclusions of the run over all (see the remarks above); the letters
    /// of an account that is not joined go to that account itself.
    /// </summary>
    internal static (List<CustomerAccount> Joined, CustomerAccount[] Alone) Partition(IReadOnlyList<CustomerAccount> accounts)
    {
        var present = new HashSet<CustomerId>(accounts.Count);
        foreach (var account in accounts)
        {
            present.Add(account.Id);
        }

        var joined = new HashSet<CustomerId>();
        foreach (var account in accounts)
        {
            if (RunScope.RoutesToPayer(account.Customer) && present.Contains(account.Customer.Payer!.Value))
            {
                joined.Add(account.Id);
                joined.Add(account.Customer.Payer.Value);
            }
        }

        var together = new List<CustomerAccount>(joined.Count);
        var alone = new List<CustomerAccount>(accounts.Count - joined.Count);
        foreach (var account in accounts)
        {
            (joined.Contains(account.Id) ? together : alone).Add(account);
        }

        alone.Sort(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        return (together, [.. alone]);
    }
}
