using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.Ports;

namespace Debitor.Core.Orleans;

/// <summary>
/// Dunning runs over a cluster: preview and process fanned out in batches over the customer grains of a company.
/// </summary>
/// <remarks>
/// <para><b>Groups.</b> A letter depends on the accounts it covers only: one account, or a payer and the customers whose
/// letters go to it (R3.7). The run first asks every account's grain for its route (<see cref="DunningRoute"/>) and joins
/// accounts linked by a payer into one group, wherever their grains live. Each group is then previewed by one grain (the
/// payer's, or the account's own), which runs the library's <see cref="DunningService"/> over the group's accounts and
/// reads the others through their grains. The proposals of the groups, put in the engine's order, are the proposal of the
/// single-process run, letter for letter.</para>
/// <para><b>Exactly once.</b> Processing sends each group with letters to its grain again; the grain issues them with the
/// library's processing, whose entry ids derive from the run, the letter and the installment, and whose note per account
/// marks that account's part as written. A call that fails (a silo died, a call timed out) is tried again, on whatever silo
/// the grain now lives: what the first attempt wrote stays, the rest is written, nothing twice.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ClusterDunningService
{
    private readonly IGrainFactory _grains;
    private readonly ICustomerAccountStore _store;
    private readonly IAuthorizationPort _authorization;
    private readonly ClusterDunningOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="store">The host's store, asked only to list a company's accounts.</param>
    /// <param name="authorization">The authorization port: processing checks every account concerned before anything changes.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ClusterDunningService(IGrainFactory grains, ICustomerAccountStore store, IAuthorizationPort authorization, ClusterDunningOptions options)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _authorization = authorization ?? throw new ArgumentNullException(nameof(authorization));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Previews a run over the cluster: the full proposal, changing nothing.</summary>
    /// <param name="actor">Who asks; needs <see cref="Permission.PreviewDunning"/> for every account in scope.</param>
    /// <param name="request">The run date and filters.</param>
    /// <param name="cancellationToken">Cancels the call between batches.</param>
    /// <returns>The proposal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationException">The actor may not preview dunning for an account in scope.</exception>
    public async Task<ClusterDunningProposal> PreviewAsync(Actor actor, DunningRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var run = RunData.Of(request);
        var who = ActorData.Of(actor);
        var groups = request.Customer is { } only
            ? [(only, new[] { only.Value })]
            : await GroupsAsync(request.Company, run, cancellationToken).ConfigureAwait(false);

        var parts = await FanOutAsync(
            groups,
            g => Grain(request.Company, g.Owner).PreviewDunningAsync(who, run, g.Members),
            cancellationToken).ConfigureAwait(false);

        var letters = new List<DunningLetterSnapshot>();
        var excluded = new List<DunningLineSnapshot>();
        var unreadable = new List<UnreadableAccount>();
        var withLetters = new List<RunGroup>();
        for (var i = 0; i < groups.Count; i++)
        {
            var part = parts[i];
            letters.AddRange(part.Letters);
            excluded.AddRange(part.Excluded);
            unreadable.AddRange(part.Unreadable.Select(Unreadable));
            if (part.Letters.Length > 0)
            {
                withLetters.Add(new RunGroup(groups[i].Owner, groups[i].Members, part.Letters));
            }
        }

        letters.Sort(Snapshots.CompareLetters);
        excluded.Sort(Snapshots.CompareExcluded);
        unreadable.Sort((a, b) => string.CompareOrdinal(a.Customer?.Value, b.Customer?.Value));
        return new ClusterDunningProposal(request, letters, excluded, unreadable, withLetters);
    }

    /// <summary>Issues a previewed proposal over the cluster, every notice exactly once, however often a call is retried.</summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> (R4.8).</param>
    /// <param name="proposal">The proposal from <see cref="PreviewAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call between batches; what was written stays written, and processing again completes it.</param>
    /// <returns>The letters issued and the previewed notices that were not.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for an account concerned; nothing was changed.</exception>
    public async Task<ClusterDunningRunResult> ProcessAsync(Actor actor, ClusterDunningProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(proposal);
        foreach (var customer in proposal.Letters.SelectMany(l => l.Customers.Append(l.Recipient)).Distinct(StringComparer.Ordinal))
        {
            var id = new CustomerId(customer);
            if (!await _authorization.IsAllowedAsync(actor, Permission.ProcessDunning, id, cancellationToken).ConfigureAwait(false))
            {
                throw new AuthorizationException(actor.User, Permission.ProcessDunning, id);
            }
        }

        var run = RunData.Of(proposal.Request);
        var who = ActorData.Of(actor);
        var company = proposal.Request.Company;
        var groups = proposal.Groups;
        var parts = await FanOutAsync(
            groups,
            g => Grain(company, g.Owner).ProcessDunningAsync(who, run, g.Members, g.Letters),
            cancellationToken).ConfigureAwait(false);

        var issued = parts.SelectMany(p => p.Issued).ToList();
        issued.Sort(Snapshots.CompareLetters);
        var outdated = groups.Where((_, i) => parts[i].PreviewOutdated).SelectMany(g => g.Letters.Select(l => l.Id)).ToList();
        return new ClusterDunningRunResult(
            proposal.Request.RunId,
            issued,
            [.. parts.SelectMany(p => p.Removed).Select(r => r.ToLine())],
            [.. parts.SelectMany(p => p.Unreadable).Select(Unreadable)],
            outdated);
    }

    internal static UnreadableAccount Unreadable(UnreadableData data) =>
        new(data.Customer is null ? null : new CustomerId(data.Customer), data.Version, data.Message);

    /// <summary>Lists the company's accounts, asks each grain for its route, and joins accounts linked by a payer (union-find).</summary>
    private async Task<List<(CustomerId Owner, string[] Members)>> GroupsAsync(CompanyId company, RunData run, CancellationToken cancellationToken)
    {
        var ids = new List<CustomerId>();
        await foreach (var id in _store.ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(id);
        }

        var routes = await FanOutAsync(ids, id => Grain(company, id).RouteAsync(run), cancellationToken).ConfigureAwait(false);
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            index[ids[i].Value] = i;
        }

        var parent = new int[ids.Count];
        var isPayer = new bool[ids.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        for (var i = 0; i < routes.Length; i++)
        {
            if (routes[i].Payer is { } payer && index.TryGetValue(payer, out var p) && routes[p].Exists && routes[p].CanReceiveForOthers)
            {
                isPayer[p] = true;
                parent[Find(i)] = Find(p);
            }
        }

        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!routes[i].Exists)
            {
                continue;
            }

            var root = Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                list = [];
                members.Add(root, list);
            }

            list.Add(i);
        }

        // Ids are listed in ordinal order, so each group's members are too; its owner is its first payer (or its only account).
        return [.. members.Values.Select(list => (ids[list.Find(i => isPayer[i]) is var payer && list.Exists(i => isPayer[i]) ? payer : list[0]], list.Select(i => ids[i].Value).ToArray()))];
    }

    /// <summary>Calls a grain per item, in batches, several batches at once; a failed call is tried again.</summary>
    private async Task<TResult[]> FanOutAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        var batches = Enumerable.Range(0, (items.Count + _options.BatchSize - 1) / _options.BatchSize);
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = _options.ParallelBatches, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var from = batch * _options.BatchSize;
                var to = Math.Min(items.Count, from + _options.BatchSize);
                var calls = new Task<TResult>[to - from];
                for (var i = from; i < to; i++)
                {
                    var item = items[i];
                    calls[i - from] = GrainRetry.RunAsync(() => call(item), _options, ct);
                }

                var done = await Task.WhenAll(calls).ConfigureAwait(false);
                done.CopyTo(results, from);
            }).ConfigureAwait(false);
        return results;
    }

    private ICustomerAccountGrain Grain(CompanyId company, CustomerId customer) =>
        _grains.GetGrain<ICustomerAccountGrain>(AccountGrainKey.Format(company, customer));
}
