using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Orleans;

/// <summary>The dunning use cases that finish or undo a run: cancelling a whole run, recording courtesy reminders, processing a saved approval.</summary>
public sealed partial class ClusterDunningService
{
    /// <summary>
    /// Cancels every letter of a processed run (<see cref="DunningService.CancelRunAsync"/>) over the cluster: each account's
    /// grain names the run's letters it holds; then each account holding one checks, in its grain and writing nothing, that the
    /// actor may process dunning on it and that no later letter built on a letter of the run; only then is each letter
    /// cancelled in the grain of its recipient, the other accounts it covers through their grains (D19.22, D19.32).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> for every account of the run.</param>
    /// <param name="company">The company the run was for.</param>
    /// <param name="runId">The run.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call between accounts and letters; cancelling again completes it.</param>
    /// <returns>The ids of the run's letters, ordered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reason is empty, <paramref name="company"/> or <paramref name="runId"/> is <c>default</c>, or no account of the company holds a letter of the run.</exception>
    /// <exception cref="LetterBuiltUponException">A later letter already dunned an installment a letter of the run dunned; nothing was changed.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for an account of the run; nothing was changed.</exception>
    /// <exception cref="ConcurrencyException">A writer outside the cluster kept changing an account.</exception>
    public async Task<IReadOnlyList<string>> CancelRunAsync(Actor actor, CompanyId company, DunningRunId runId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (company.IsEmpty || runId == default)
        {
            throw new ArgumentException("A company and a run are required.", company.IsEmpty ? nameof(company) : nameof(runId));
        }

        var accounts = new ClusterAccounts(_grains, company, _options);
        var who = ActorData.Of(actor);
        var letters = new SortedDictionary<string, SortedSet<CustomerId>>(StringComparer.Ordinal);
        await foreach (var id in _store.ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            var held = (RunLettersResult)(await accounts.SendAsync(id, new RunLettersCommand { Actor = who, RunId = runId.Value }, cancellationToken).ConfigureAwait(false)).Result!;
            foreach (var letter in held.Letters)
            {
                if (!letters.TryGetValue(letter, out var customers))
                {
                    letters.Add(letter, customers = new SortedSet<CustomerId>(Comparer<CustomerId>.Create(static (a, b) => string.CompareOrdinal(a.Value, b.Value))));
                }

                customers.Add(id);
            }
        }

        if (letters.Count == 0)
        {
            throw new ArgumentException($"No account of company '{company}' holds a letter of run '{runId}'.", nameof(runId));
        }

        var check = new RunLettersCommand { Actor = who, RunId = runId.Value, Letters = [.. letters.Keys] };
        foreach (var customer in letters.Values.SelectMany(c => c).Distinct().Order(Comparer<CustomerId>.Create(static (a, b) => string.CompareOrdinal(a.Value, b.Value))))
        {
            await accounts.SendAsync(customer, check, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (letter, customers) in letters)
        {
            await accounts.CancelLetterAsync(actor, letter, customers, reason, cancellationToken).ConfigureAwait(false);
        }

        return [.. letters.Keys];
    }

    /// <summary>
    /// Records the courtesy reminders of a previewed proposal (<see cref="DunningService.SendCourtesyRemindersAsync"/>) over
    /// the cluster: every customer concerned is checked first in its grain (the actor may process dunning on it), then each
    /// customer's reminders are recorded by one command in its grain, by the library's service (D19.33).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> for every customer concerned, and
    /// <see cref="Permission.PreviewDunning"/> (the grain takes the reminders from the engine's preview of the account).</param>
    /// <param name="proposal">The previewed proposal (<see cref="DunningProposal.CourtesyReminders"/>).</param>
    /// <param name="cancellationToken">Cancels the call between accounts.</param>
    /// <returns>The reminders recorded now, in the proposal's order; a reminder recorded before (the same proposal sent twice) is not returned again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="proposal"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A customer concerned does not exist; nothing was changed.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for a customer; nothing was changed.</exception>
    /// <exception cref="ConcurrencyException">A writer outside the cluster kept changing an account.</exception>
    public async Task<IReadOnlyList<DunningLine>> SendCourtesyRemindersAsync(Actor actor, DunningProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(proposal);
        var who = ActorData.Of(actor);
        var run = RunData.Of(proposal.Request);
        var accounts = new ClusterAccounts(_grains, proposal.Request.Company, _options);
        var commands = proposal.CourtesyReminders.GroupBy(l => l.Customer).Select(group => (group.Key, new CourtesyRemindersCommand
        {
            Actor = who,
            Run = run,
            Items = [.. group.Select(l => l.Installment.Item.Value)],
            Numbers = [.. group.Select(l => l.Installment.Number)],
        })).ToList();
        foreach (var (customer, command) in commands)
        {
            await accounts.SendAsync(customer, command with { CheckOnly = true }, cancellationToken).ConfigureAwait(false);
        }

        var sent = new HashSet<(CustomerId, InstallmentRef)>();
        foreach (var (customer, command) in commands)
        {
            var result = (CourtesyRemindersResult)(await accounts.SendAsync(customer, command, cancellationToken).ConfigureAwait(false)).Result!;
            sent.UnionWith(result.Items.Select((item, i) => (customer, new InstallmentRef(new EntryId(item), result.Numbers[i]))));
        }

        return proposal.CourtesyReminders.Where(l => sent.Contains((l.Customer, l.Installment))).ToList().AsReadOnly();
    }
    /// <summary>
    /// Issues the approved notices of a saved proposal (<see cref="DunningService.ProcessApprovalAsync"/>, D14.6) over the
    /// cluster, through the grains like a distributed run: the company's accounts are routed and grouped by their grains (a
    /// payer and the customers whose letters go to it form one group, wherever their grains live), and each group with
    /// approved notices is processed by the grain that owns it, with the library's service over exactly the group's accounts
    /// and the approval's notices of that group. The processing day, the re-check against the accounts as they are now and a
    /// back-dated run's permission are the service's (D19.34).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> (R4.8) for every account concerned,
    /// <see cref="Permission.ProcessBackDatedRuns"/> when the run overrides its run date, and
    /// <see cref="Permission.PreviewDunning"/> (the accounts are routed by the run's preview step).</param>
    /// <param name="approval">The approved notices (<see cref="DunningApproval.Of"/>, <see cref="DunningApproval.FromJson"/>).</param>
    /// <param name="cancellationToken">Cancels the call between batches; what was written stays written, and processing again completes it.</param>
    /// <returns>The letters issued and the approved notices that were not.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning (or a back-dated run) for an account concerned; nothing was changed.</exception>
    public async Task<ClusterDunningRunResult> ProcessApprovalAsync(Actor actor, DunningApproval approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(approval);
        var concerned = approval.Notices.SelectMany(n => new[] { n.Customer, n.Recipient }).Distinct().ToList();
        foreach (var permission in approval.Request.RunDateOverride is null ? [Permission.ProcessDunning] : new[] { Permission.ProcessDunning, Permission.ProcessBackDatedRuns })
        {
            foreach (var customer in concerned)
            {
                if (!await _authorization.IsAllowedAsync(actor, permission, customer, cancellationToken).ConfigureAwait(false))
                {
                    throw new AuthorizationException(actor.User, permission, customer);
                }
            }
        }

        var who = ActorData.Of(actor);
        var company = approval.Request.Company;
        var (groups, _) = await GroupsAsync(company, RunData.Of(approval.Request), who, cancellationToken).ConfigureAwait(false);
        var parts = new List<(CustomerId Owner, string[] Members, string Approval)>();
        foreach (var (owner, members) in groups)
        {
            var set = members.ToHashSet(StringComparer.Ordinal);
            var part = approval.Only(n => set.Contains(n.Customer.Value));
            if (part.Notices.Count > 0)
            {
                parts.Add((owner, members, part.ToJson()));
            }
        }

        var processed = await FanOutAsync(
            parts,
            (batch, _) => Task.WhenAll(batch.Select(p => _grains.GetGrain<IAccountApprovalGrain>(AccountGrainKey.Format(company, p.Owner)).ProcessApprovalAsync(who, p.Approval, p.Members))),
            cancellationToken).ConfigureAwait(false);
        var issued = processed.SelectMany(p => p.Issued).ToList();
        issued.Sort(Snapshots.CompareLetters);
        return new ClusterDunningRunResult(
            approval.Request.RunId,
            issued,
            [.. processed.SelectMany(p => p.Removed).Select(r => r.ToLine())],
            [.. processed.SelectMany(p => p.Unreadable).Select(Unreadable)],
            []);
    }
}
