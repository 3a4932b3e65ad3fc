using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Orleans;

/// <summary>
/// One customer account in the cluster. The grain loads the journal from the host's <see cref="ICustomerAccountStore"/> on
/// first use and keeps it; every write of the account in the cluster comes through here, one at a time (Orleans runs one
/// request of a grain at a time), and goes on to the store, whose version check still guards against writers outside.
/// </summary>
/// <remarks>
/// <para>A write names the version its caller loaded; a stale version is answered from the warm journal, without a database
/// round trip. When the store reports a conflict (a writer outside the cluster), the journal is dropped and reloaded on
/// next use.</para>
/// <para>The grain refuses to write an account that belongs to another company than its key names: a company owns its
/// accounts' grains, so no two grains write one account.</para>
/// <para>For a dunning run the grain owns a group (a payer with the customers whose letters go to it, or just its own account)
/// and runs the library's <see cref="DunningService"/> over that group: the accounts of other grains are read and written
/// through their grains.</para>
/// </remarks>
internal sealed partial class CustomerAccountGrain : Grain, ICustomerAccountGrain
{
    private readonly ICustomerAccountStore _store;
    private readonly IServiceProvider _services;
    private readonly Dictionary<DunningRunId, DunningProposal> _previews = [];
    private IReadOnlyList<JournalRecord>? _journal;
    private CustomerAccount? _view;
    private IReadOnlyList<JournalRecord>? _viewOf;

    public CustomerAccountGrain(ICustomerAccountStore store, IServiceProvider services)
    {
        _store = store;
        _services = services;
    }

    internal CompanyId Company { get; private set; }

    internal CustomerId Customer { get; private set; }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (Company, Customer) = AccountGrainKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<JournalPage> LoadAsync()
    {
        try
        {
            return JournalPage.Of(await LoadOwnAsync());
        }
        catch (CorruptJournalException exception)
        {
            return new JournalPage(0, [], UnreadableData.Of(exception));
        }
    }

    public Task<WriteOutcome> AppendAsync(long expectedVersion, string[] records) =>
        AppendOwnAsync(expectedVersion, JournalPage.Deserialize(records));

    public Task<WriteOutcome> DeleteAsync(long expectedVersion) => DeleteOwnAsync(expectedVersion);

    public async Task<CommandOutcome> ExecuteAsync(AccountCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var services = new AccountServices(_services, new ClusterCustomerAccountStore(GrainFactory, Company, this, _store));
        try
        {
            return await command.RunAsync(services, Customer, CancellationToken.None);
        }
        catch (DebitorException exception) when (CommandFault.Of(exception) is { } fault)
        {
            // The library's refusals travel as values (Orleans has no codec for them); the caller throws them again.
            return CommandOutcome.None with { Fault = fault };
        }
    }

    public async Task<RouteData> RouteAsync(RunData run)
    {
        IReadOnlyList<JournalRecord> journal;
        try
        {
            journal = await LoadOwnAsync();
        }
        catch (CorruptJournalException)
        {
            return new RouteData(Customer.Value, null, false, true);
        }

        if (journal.Count == 0)
        {
            return new RouteData(Customer.Value, null, false, false);
        }

        try
        {
            // The view is kept with the journal it was replayed from; a write replaces the journal and so the view.
            if (_view is null || !ReferenceEquals(_viewOf, journal))
            {
                _view = CustomerAccount.FromJournal(journal);
                _viewOf = journal;
            }

            var route = DunningRoute.Of(run.ToRequest(), _view);
            return new RouteData(Customer.Value, route.Payer?.Value, route.CanReceiveForOthers, true);
        }
        catch (Exception exception) when (exception is CorruptJournalException or OverflowException or ArgumentException)
        {
            // A journal that does not replay: the account's own group lists it as unreadable, as the single-process run does.
            return new RouteData(Customer.Value, null, false, true);
        }
    }

    public async Task<PreviewPart> PreviewDunningAsync(ActorData actor, RunData run, string[] members)
    {
        var proposal = await Dunning(members).PreviewAsync(actor.ToActor(), run.ToRequest());
        Remember(proposal);
        return Part(proposal);
    }

    public async Task<ProcessPart> ProcessDunningAsync(ActorData actor, RunData run, string[] members, DunningLetterSnapshot[] previewed)
    {
        var request = run.ToRequest();
        var service = Dunning(members);
        var who = actor.ToActor();
        if (!_previews.TryGetValue(request.RunId, out var proposal) || !Matches(proposal, previewed))
        {
            // The preview was made by an earlier activation (a silo failed, or the grain was collected): the same run over
            // the same accounts gives the same letters again, because the run's own entries are left out of the accounts
            // it is computed from (a retry completes what the first attempt started).
            proposal = await service.PreviewAsync(who, request);
            Remember(proposal);
        }

        if (!Matches(proposal, previewed))
        {
            // The accounts changed since the preview and the previewed proposal is gone: nothing is issued for this
            // group; its notices are reported, and a new preview shows what is due now.
            var removed = previewed.SelectMany(l => l.Lines.Where(x => x.IssuesNotice).Select(x => new RemovedData(
                x.Customer, x.Item, x.Installment, x.DocumentNumber, x.Level, l.Id, (int)DunningRemovalReason.StateChanged, null)));
            return new ProcessPart([], [.. removed], [], true);
        }

        var result = await service.ProcessAsync(who, proposal);
        _previews.Remove(request.RunId);
        return new ProcessPart(
            [.. result.Issued.Select(DunningLetterSnapshot.Of)],
            [.. result.Removed.Select(RemovedData.Of)],
            [.. result.UnreadableAccounts.Select(UnreadableData.Of)],
            false);
    }

    /// <summary>The journal, loaded from the store on first use.</summary>
    internal async Task<IReadOnlyList<JournalRecord>> LoadOwnAsync() =>
        _journal ??= await _store.LoadAsync(Customer, CancellationToken.None);

    internal async Task<WriteOutcome> AppendOwnAsync(long expectedVersion, IReadOnlyList<JournalRecord> records)
    {
        var journal = await LoadOwnAsync();
        var version = VersionOf(journal);
        if (version != expectedVersion)
        {
            return new WriteOutcome(false, version);
        }

        var company = ICustomerAccountStore.CompanyOf(journal.Concat(records)) ?? Company;
        if (company != Company)
        {
            throw new ArgumentException($"Account '{Customer}' belongs to company '{company}'; the grain of company '{Company}' does not write it.", nameof(records));
        }

        try
        {
            await _store.AppendAsync(Customer, expectedVersion, records, CancellationToken.None);
        }
        catch (ConcurrencyException exception)
        {
            // A writer outside the cluster: read the account again on next use.
            _journal = null;
            return new WriteOutcome(false, exception.ActualVersion);
        }

        _journal = [.. journal, .. records];
        return new WriteOutcome(true, VersionOf(_journal));
    }

    internal async Task<WriteOutcome> DeleteOwnAsync(long expectedVersion)
    {
        var version = VersionOf(await LoadOwnAsync());
        if (version != expectedVersion)
        {
            return new WriteOutcome(false, version);
        }

        try
        {
            await _store.DeleteAsync(Customer, expectedVersion, CancellationToken.None);
        }
        catch (ConcurrencyException exception)
        {
            _journal = null;
            return new WriteOutcome(false, exception.ActualVersion);
        }

        _journal = [];
        return new WriteOutcome(true, 0);
    }

    private static long VersionOf(IReadOnlyList<JournalRecord> journal) => journal.Count == 0 ? 0 : journal[^1].Version;

    private static bool Matches(DunningProposal proposal, DunningLetterSnapshot[] previewed) =>
        proposal.Letters.Count == previewed.Length
        && proposal.Letters.Select(l => DunningLetterSnapshot.Of(l).Describe()).SequenceEqual(previewed.Select(l => l.Describe()), StringComparer.Ordinal);

    /// <summary>Keeps the preview of a run that has letters, for processing (the latest few runs).</summary>
    private void Remember(DunningProposal proposal)
    {
        _previews.Remove(proposal.Request.RunId);
        if (proposal.Letters.Count == 0)
        {
            return;
        }

        if (_previews.Count >= 4)
        {
            _previews.Remove(_previews.Keys.First());
        }

        _previews[proposal.Request.RunId] = proposal;
    }

    private DunningService Dunning(string[] members) => new(
        new ClusterCustomerAccountStore(GrainFactory, Company, this, [.. members.Select(m => new CustomerId(m))]),
        _services.GetRequiredService<IAuthorizationPort>(),
        _services.GetRequiredService<IDunningSettingsProvider>(),
        _services.GetRequiredService<IInterestSchemeProvider>(),
        _services.GetRequiredService<IDunningLetterOutput>(),
        _services.GetRequiredService<IClock>(),
        _services.GetRequiredService<DebitorCoreOptions>(),
        _services.GetRequiredService<IDocumentOutbox>(),
        _services.GetRequiredService<IAccountFaultLog>(),
        _services.GetRequiredService<IDocumentRenderer>(),
        _services.GetRequiredService<ILetterNumberSequence>());
}
