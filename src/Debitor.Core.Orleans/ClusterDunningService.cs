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
public sealed partial class ClusterDunningService
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
        var (groups, own) = request.Customer is { } only
            ? ([(only, new[] { only.Value })], [null])
            : await GroupsAsync(request.Company, run, who, cancellationToken).ConfigureAwait(false);

        // Most groups are one account whose grain previewed it already (from its warm view, in the batch that asked for its
        // route); a payer's group, and an account its grain left to the group's preview, is previewed by its owner now.
        var pending = Enumerable.Range(0, groups.Count).Where(i => own[i] is null).ToList();
        var previewed = await FanOutAsync(
            pending,
            (batch, _) => Task.WhenAll(batch.Select(i => Grain(request.Company, groups[i].Owner).PreviewDunningAsync(who, run, groups[i].Members))),
            cancellationToken).ConfigureAwait(false);
        var parts = own.ToArray();
        for (var i = 0; i < pending.Count; i++)
        {
            parts[pending[i]] = previewed[i];
        }

        var letters = new List<DunningLetterSnapshot>();
        var excluded = new List<DunningLineSnapshot>();
        var unreadable = new List<UnreadableAccount>();
        var withLetters = new List<RunGroup>();
        for (var i = 0; i < groups.Count; i++)
        {
            var part = parts[i]!;
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
            (batch, index) => Worker(index).ProcessGroupsAsync(who, run, [.. batch.Select(g => new GroupData(g.Owner.Value, g.Members, g.Letters))]),
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

    /// <summary>
    /// Lists the company's accounts, asks each grain for its route (and its own preview, in one call per batch through a
    /// worker), and joins accounts linked by a payer (union-find). Returns the groups, and for each group the preview its
    /// only account's grain made, where that is the group's preview.
    /// </summary>
    private async Task<(List<(CustomerId Owner, string[] Members)> Groups, List<PreviewPart?> Own)> GroupsAsync(CompanyId company, RunData run, ActorData who, CancellationToken cancellationToken)
    {
        var ids = new List<CustomerId>();
        await foreach (var id in _store.ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(id);
        }

        var own = await FanOutAsync(ids, (batch, index) => Worker(index).PreviewAccountsAsync(who, run, [.. batch.Select(id => id.Value)]), cancellationToken).ConfigureAwait(false);
        var routes = Array.ConvertAll(own, o => o.Route);
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
        var groups = members.Values.Select(list => (ids[list.Find(i => isPayer[i]) is var payer && list.Exists(i => isPayer[i]) ? payer : list[0]], list.Select(i => ids[i].Value).ToArray())).ToList();
        var parts = members.Values.Select(list => list.Count == 1 ? own[list[0]].Part : null).ToList();
        return (groups, parts);
    }

    /// <summary>Sends the items in batches, one call per batch, several batches at once; a failed batch call is tried again.</summary>
    private async Task<TResult[]> FanOutAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem[], int, Task<TResult[]>> call, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        var batches = Enumerable.Range(0, (items.Count + _options.BatchSize - 1) / _options.BatchSize);
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = _options.ParallelBatches, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var from = batch * _options.BatchSize;
                var slice = new TItem[Math.Min(items.Count, from + _options.BatchSize) - from];
                for (var i = 0; i < slice.Length; i++)
                {
                    slice[i] = items[from + i];
                }

                var done = await GrainRetry.RunAsync(() => call(slice, batch), _options, ct).ConfigureAwait(false);
                done.CopyTo(results, from);
            }).ConfigureAwait(false);
        return results;
    }

    /// <summary>A worker for a batch: stateless workers run where the call arrives, so batches spread over the silos' gateways.</summary>
    private IClusterDunningWorker Worker(int batch) => _grains.GetGrain<IClusterDunningWorker>(batch);

    private ICustomerAccountGrain Grain(CompanyId company, CustomerId customer) =>
        _grains.GetGrain<ICustomerAccountGrain>(AccountGrainKey.Format(company, customer));
}
