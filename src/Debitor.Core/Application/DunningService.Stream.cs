using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>A company-wide preview that scans the accounts as they stream in (D13.150).</summary>
public sealed partial class DunningService
{
    /// <summary>
    /// Previews a company-wide run over the store's stream of journals: each account is authorized and handed to a
    /// <see cref="StreamedRun"/> as it is read, which holds only the accounts of payer groups; a payer the run learns of only
    /// after its account went by is loaded again, up to the version the stream gave. The proposal is the engine's over all
    /// the accounts read; the views kept for the processing are those of payer groups and letters (D13.151).
    /// </summary>
    private async Task<DunningProposal> PreviewStreamedAsync(Actor actor, DunningRunRequest request, List<CorruptJournalException> unreadable, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(request, cancellationToken).ConfigureAwait(false);
        var run = new StreamedRun(context);
        var versions = new Dictionary<CustomerId, long>();
        var heads = new Dictionary<CustomerId, CustomerAccount>();
        await foreach (var stored in _store.LoadCompanyAsync(request.Company, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadStoredAsync(stored, request, unreadable, cancellationToken).ConfigureAwait(false) is not { } account)
            {
                continue;
            }

            if (RunScope.InScope(request, account.Customer))
            {
                await AuthorizeAsync(actor, Permission.PreviewDunning, account.Id, cancellationToken).ConfigureAwait(false);
            }

            var view = BeforeRun(account, request.RunId);
            if (!ReferenceEquals(view, account))
            {
                heads[account.Id] = account;
            }

            versions[account.Id] = account.Version;
            run.Add(view);
        }

        if (run.LatePayers() is { Count: > 0 } late)
        {
            // As streamed: a journal is only ever extended, so its first records are the journal the stream gave.
            await foreach (var stored in _store.LoadManyAsync(late, cancellationToken).ConfigureAwait(false))
            {
                if (stored.Error is null && versions.TryGetValue(stored.Customer, out var version) && stored.Records.Count >= version)
                {
                    var records = stored.Records.Count == version ? stored.Records : [.. stored.Records.Take((int)version)];
                    if (await ReadStoredAsync(new StoredJournal(stored.Customer, records), request, null, cancellationToken).ConfigureAwait(false) is { } account)
                    {
                        run.Supply(BeforeRun(account, request.RunId));
                    }
                }
            }
        }

        var proposal = run.Finish(out var held);
        proposal.UnreadableAccounts = unreadable.AsReadOnly();
        proposal.PreviewedOn = Today;
        _runViews.AddOrUpdate(request, new RunViews(versions, held.Concat(proposal.Letters.SelectMany(l => l.Accounts)), heads));
        return proposal;
    }
}
