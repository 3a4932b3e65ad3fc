using Orleans.Concurrency;

namespace Debitor.Core.Orleans;

/// <summary>
/// The grain of one customer account, keyed by company and customer (<see cref="AccountGrainKey"/>): it loads the journal
/// from the host's store, keeps it warm, and is the only writer of the account in the cluster.
/// </summary>
internal interface ICustomerAccountGrain : IGrainWithStringKey
{
    /// <summary>The journal as the grain holds it. Reads interleave with a running write: they see the journal before or after it.</summary>
    [AlwaysInterleave]
    Task<JournalPage> LoadAsync();

    /// <summary>Appends records at the expected version, through the store (which checks the version again).</summary>
    Task<WriteOutcome> AppendAsync(long expectedVersion, string[] records);

    /// <summary>Deletes the account at the expected version.</summary>
    Task<WriteOutcome> DeleteAsync(long expectedVersion);

    /// <summary>The account's route in a run.</summary>
    [AlwaysInterleave]
    Task<RouteData> RouteAsync(RunData run);

    /// <summary>
    /// Runs a mutating use case of this account (<see cref="AccountCommand"/>) with the library's services, as the single
    /// writer: commands of one account never interleave with each other or with an append through the grain.
    /// </summary>
    Task<CommandOutcome> ExecuteAsync(AccountCommand command);

    /// <summary>Previews the run for a group this grain owns (the group's accounts, ordered by id).</summary>
    Task<PreviewPart> PreviewDunningAsync(ActorData actor, RunData run, string[] members);

    /// <summary>Processes the run for a group this grain owns, when its preview still gives the previewed letters.</summary>
    Task<ProcessPart> ProcessDunningAsync(ActorData actor, RunData run, string[] members, DunningLetterSnapshot[] previewed);
}
