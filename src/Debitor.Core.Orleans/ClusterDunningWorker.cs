using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Orleans.Concurrency;

namespace Debitor.Core.Orleans;

/// <summary>
/// Takes a batch of a run's accounts in one call from the coordinator and asks each account's grain for its route and its
/// own preview (<see cref="IAccountDunningGrain"/>): one message from the coordinator per batch instead of two per account.
/// A stateless worker: it runs on the silo the call arrives at, several at once, and holds nothing.
/// </summary>
internal interface IClusterDunningWorker : IGrainWithIntegerKey
{
    /// <summary>Routes and previews the named accounts of the run's company (each alone, see <see cref="IAccountDunningGrain.PreviewOwnAsync"/>), in the order given.</summary>
    Task<OwnPreview[]> PreviewAccountsAsync(ActorData actor, RunData run, string[] customers);

    /// <summary>Processes the given groups of the run, each by the grain that owns it, in the order given.</summary>
    Task<ProcessPart[]> ProcessGroupsAsync(ActorData actor, RunData run, GroupData[] groups);
}

/// <summary>The dunning run's side of an account grain, next to <see cref="ICustomerAccountGrain"/> (the same grain).</summary>
internal interface IAccountDunningGrain : IGrainWithStringKey
{
    /// <summary>
    /// The account's route in the run and, when the account routes to no payer and can be read, the run previewed over the
    /// account alone from the grain's warm view: the account's own group, unless another account routes its letters to it
    /// (which only the coordinator knows; it then previews the payer's group and drops this part).
    /// </summary>
    Task<OwnPreview> PreviewOwnAsync(ActorData actor, RunData run);
}

/// <summary>An account's route in a run, and the run previewed over the account alone (<see langword="null"/> when the account's group is previewed by a group call).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record OwnPreview([property: Id(0)] RouteData Route, [property: Id(1)] PreviewPart? Part);

/// <summary>A group of a run as it travels to a worker: the owner, the members (ordered by id) and the previewed letters.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record GroupData([property: Id(0)] string Owner, [property: Id(1)] string[] Members, [property: Id(2)] DunningLetterSnapshot[] Letters);

[StatelessWorker]
internal sealed class ClusterDunningWorker : Grain, IClusterDunningWorker
{
    public Task<OwnPreview[]> PreviewAccountsAsync(ActorData actor, RunData run, string[] customers) =>
        Task.WhenAll(customers.Select(c => GrainFactory.GetGrain<IAccountDunningGrain>(Key(run, c)).PreviewOwnAsync(actor, run)));

    public Task<ProcessPart[]> ProcessGroupsAsync(ActorData actor, RunData run, GroupData[] groups) =>
        Task.WhenAll(groups.Select(g => GrainFactory.GetGrain<ICustomerAccountGrain>(Key(run, g.Owner)).ProcessDunningAsync(actor, run, g.Members, g.Letters)));

    private static string Key(RunData run, string customer) => AccountGrainKey.Format(new CompanyId(run.Company), new CustomerId(customer));
}

/// <summary>The run's side of the account grain: the route and the preview of the account alone, from the warm view.</summary>
internal sealed partial class CustomerAccountGrain : IAccountDunningGrain
{
    private DunningService? _own;

    public async Task<OwnPreview> PreviewOwnAsync(ActorData actor, RunData run)
    {
        var route = await RouteAsync(run);
        var view = _view;
        var request = run.ToRequest();
        if (!route.Exists || route.Payer is not null || view is null || !ReferenceEquals(_viewOf, _journal)
            || view.Customer.Company != request.Company || view.AmountBeyondBounds() is not null)
        {
            // Routes to a payer, or is read and reported by the group's preview through the store (a journal that does not
            // replay, an amount beyond the bounds, another company): the coordinator previews its group.
            return new OwnPreview(route, null);
        }

        // The account alone is a group of one: the same preview as PreviewDunningAsync over [this account], from the view.
        _own ??= Dunning([Customer.Value]);
        var proposal = await _own.PreviewViewsAsync(actor.ToActor(), request, [view], CancellationToken.None);
        Remember(proposal);
        return new OwnPreview(route, Part(proposal));
    }

    private static PreviewPart Part(DunningProposal proposal) => new(
        [.. proposal.Letters.Select(DunningLetterSnapshot.Of)],
        [.. proposal.Excluded.Select(DunningLineSnapshot.Of)],
        [.. proposal.UnreadableAccounts.Select(UnreadableData.Of)]);
}
