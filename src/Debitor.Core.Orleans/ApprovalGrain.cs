using Debitor.Core.Dunning;

namespace Debitor.Core.Orleans;

/// <summary>A saved approval's side of an account grain, next to <see cref="ICustomerAccountGrain"/> (the same grain).</summary>
internal interface IAccountApprovalGrain : IGrainWithStringKey
{
    /// <summary>
    /// Processes the part of a saved approval (<see cref="DunningApproval.ToJson"/>) that concerns one group of the run
    /// (the grain's account and the accounts whose letters go to it), with the library's
    /// <see cref="Application.DunningService.ProcessApprovalAsync"/> over exactly the group's accounts.
    /// </summary>
    Task<ProcessPart> ProcessApprovalAsync(ActorData actor, string approval, string[] members);
}

/// <summary>The approval side of the account grain: the group's part of a saved approval, processed by the library's service.</summary>
internal sealed partial class CustomerAccountGrain : IAccountApprovalGrain
{
    public async Task<ProcessPart> ProcessApprovalAsync(ActorData actor, string approval, string[] members)
    {
        var result = await Dunning(members).ProcessApprovalAsync(actor.ToActor(), DunningApproval.FromJson(approval));
        return new ProcessPart(
            [.. result.Issued.Select(DunningLetterSnapshot.Of)],
            [.. result.Removed.Select(RemovedData.Of)],
            [.. result.UnreadableAccounts.Select(UnreadableData.Of)],
            false);
    }
}
