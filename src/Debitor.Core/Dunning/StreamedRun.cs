using Debitor.Core.Collections;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// A run over accounts as they stream in (D13.150): the same <see cref="Scanner"/> as <see cref="DunningEngine"/>'s run,
/// driven so that only the accounts of payer groups (R3.7) are held until every account has been seen.
/// </summary>
/// <remarks>
/// <para>An account in scope that routes its letters to a payer is held, and so is every account such a customer named as
/// its payer before it arrived. Any other account is scanned as it arrives, alone (it is in no payer group unless a
/// customer arriving later names it as payer), and the items it leaves off its letters are reported at once; the run then
/// keeps nothing of it but its letters (which hold their accounts, as every letter does), its exclusion lines and its
/// limitation warnings.</para>
/// <para>At the end the payers are known. An account scanned alone that turns out to be a payer (a <i>late payer</i>) has
/// what its scan recorded taken back; the caller supplies its view again (<see cref="Supply"/>), as streamed. Then the held
/// accounts and the late payers are scanned in the order they arrived, with the run's payers, as the engine's run scans
/// them, and the groups are finished. The proposal equals <see cref="DunningEngine"/>'s run over all the accounts in the
/// order they arrived (the property <c>StreamedRun_AnyPortfolioAndOrder_GivesTheProposalOfTheRunOverAll</c>).</para>
/// <para>Not thread-safe: one run, one caller.</para>
/// </remarks>
internal sealed class StreamedRun
{
    private readonly RunScope _scope;
    private readonly Scanner _scanner;
    private readonly List<(long Order, CustomerAccount Account, bool Late)> _held = [];
    private readonly HashSet<CustomerId> _wanted = [];
    private readonly Dictionary<CustomerId, long> _alone = [];
    private readonly List<DunningLine> _reported = [];
    private readonly List<ClaimLimitation> _warnings = [];
    private readonly HashSet<(CustomerId Customer, Currency Currency)> _covered = [];
    private long _order;

    internal StreamedRun(RunContext context)
    {
        _scope = new RunScope(context);
        _scanner = new Scanner(_scope);
    }

    /// <summary>Takes the next account (as it stood before the run); returns whether the run holds it until <see cref="Finish"/>.</summary>
    internal bool Add(CustomerAccount account)
    {
        var order = _order++;
        var customer = account.Customer;
        EndOfRoad.AddLimitationWarnings(_scope, account, _warnings);
        var routes = RunScope.RoutesToPayer(customer) && _scope.InScope(customer);
        if (routes)
        {
            _wanted.Add(customer.Payer!.Value);
        }

        if (routes || _wanted.Contains(account.Id))
        {
            _held.Add((order, account, false));
            return true;
        }

        _alone[account.Id] = order;
        if (_scope.InScope(customer))
        {
            _scanner.ScanAlone(account, _reported, _covered);
        }

        return false;
    }

    /// <summary>The accounts the run did not hold and that a customer in scope named as its payer afterwards: <see cref="Supply"/> each.</summary>
    internal IReadOnlyList<CustomerId> LatePayers()
    {
        var late = new List<CustomerId>();
        foreach (var id in _wanted)
        {
            if (_alone.ContainsKey(id))
            {
                late.Add(id);
            }
        }

        return late;
    }

    /// <summary>Gives a late payer's account again, as it was streamed (an account not given again counts as gone).</summary>
    internal void Supply(CustomerAccount account)
    {
        if (_alone.Remove(account.Id, out var order) && _wanted.Contains(account.Id))
        {
            _held.Add((order, account, true));
        }
    }

    /// <summary>Scans the payer groups and returns the proposal; the accounts held are listed in <paramref name="held"/>.</summary>
    internal DunningProposal Finish(out IReadOnlyList<CustomerAccount> held)
    {
        _held.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        var payers = _scope.Payers;
        foreach (var (_, account, _) in _held)
        {
            if (_wanted.Contains(account.Id) && RunScope.CanReceiveForOthers(_scope.Request, account))
            {
                payers.TryAdd(account.Id, account);
            }
        }

        // A late payer was scanned alone: take that back and scan it in its group. A late account that is no payer after
        // all (archived, another company) keeps its scan.
        var retract = new HashSet<CustomerId>();
        var accounts = new List<CustomerAccount>(_held.Count);
        foreach (var (_, account, late) in _held)
        {
            if (!late)
            {
                accounts.Add(account);
            }
            else if (payers.TryGetValue(account.Id, out var payer) && ReferenceEquals(payer, account))
            {
                retract.Add(account.Id);
                accounts.Add(account);
            }
        }

        if (retract.Count > 0)
        {
            _scanner.Retract(retract);
            _reported.RemoveAll(l => retract.Contains(l.Customer));
        }

        _scanner.Scan(accounts, 0, accounts.Count);
        _scanner.FinishGroups();
        var proposal = _scanner.ToProposal(_reported, accounts);
        var warnings = EndOfRoad.SortWarnings(_warnings);
        proposal.LimitationWarningsSource = () => warnings;
        held = accounts;
        return proposal;
    }
}
