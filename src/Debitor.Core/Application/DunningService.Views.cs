using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

namespace Debitor.Core.Application;

/// <summary>Previews over accounts the caller already holds as views (issue 19: a grain keeps its account's view warm).</summary>
public sealed partial class DunningService
{
    /// <summary>
    /// Previews a run over <paramref name="accounts"/>, views the caller replayed from their journals as they stand: the same
    /// proposal <see cref="PreviewAsync"/> gives over a store holding exactly these accounts, without loading and replaying
    /// them again. The caller passes only readable accounts of the run's company within the amount bounds (what the store
    /// path admits); a company-wide run only.
    /// </summary>
    internal async Task<DunningProposal> PreviewViewsAsync(Actor actor, DunningRunRequest request, IReadOnlyList<CustomerAccount> accounts, CancellationToken cancellationToken)
    {
        using var activity = DebitorDiagnostics.StartRun("debitor.dunning.preview", request);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var context = await ContextAsync(request, cancellationToken).ConfigureAwait(false);
        var views = accounts.Select(a => BeforeRun(a, request.RunId)).ToList();
        var proposal = await PreviewLoadedAsync(actor, context, views, [], cancellationToken).ConfigureAwait(false);
        DebitorDiagnostics.Previewed(_log, proposal, started, activity);
        return proposal;
    }

    /// <summary>The run's settings and interest schemes.</summary>
    private async Task<RunContext> ContextAsync(DunningRunRequest request, CancellationToken cancellationToken)
    {
        var settings = await _settings.GetAsync(request.Company, cancellationToken).ConfigureAwait(false);
        var schemes = await _interestSchemes.GetAsync(request.Company, cancellationToken).ConfigureAwait(false);
        return new RunContext(request, settings, schemes, _options.ReceivablesContact);
    }

    /// <summary>Authorizes the preview of every account in scope and runs the engine over the loaded accounts (as they stood before the run).</summary>
    private async Task<DunningProposal> PreviewLoadedAsync(Actor actor, RunContext context, IReadOnlyList<CustomerAccount> accounts, List<CorruptJournalException> unreadable, CancellationToken cancellationToken)
    {
        var scope = new RunScope(context, accounts, null);
        foreach (var account in accounts)
        {
            if (scope.InScope(account.Customer))
            {
                await AuthorizeAsync(actor, Permission.PreviewDunning, account.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        // The accounts are scanned in as many partitions as the machine has cores (the same proposal, tested: D16.279).
        var proposal = DunningEngine.Run(context, accounts, null, Environment.ProcessorCount);
        proposal.UnreadableAccounts = unreadable.AsReadOnly();
        proposal.PreviewedOn = Today;
        return proposal;
    }
}
