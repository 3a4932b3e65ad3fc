using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Orleans;

/// <summary>
/// One account's part in cancelling a whole run (<see cref="DunningService.CancelRunAsync"/>), read in the account's grain:
/// the run's letters the account holds. With <see cref="Letters"/> (every letter of the run, over all its accounts) the
/// grain also checks, writing nothing, that the actor may process dunning on the account and that no later letter built
/// on a letter of the run (the service's own check, <see cref="LetterBuiltUponException"/>), so a refusal comes before any
/// account is written (D19.32).
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record RunLettersCommand : AccountCommand
{
    [Id(0)] public required string RunId { get; init; }

    [Id(1)] public string[]? Letters { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var store = (ICustomerAccountStore)services.GetService(typeof(ICustomerAccountStore))!;
        var journal = await store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        if (journal.Count == 0)
        {
            return CommandOutcome.None with { Result = new RunLettersResult([]) };
        }

        var account = CustomerAccount.FromJournal(journal);
        var held = DunningService.LettersOfRun(account, new DunningRunId(RunId)).Distinct(StringComparer.Ordinal).ToArray();
        if (Letters is { } run && held.Length > 0)
        {
            await AuthorizeAsync(services, Permission.ProcessDunning, customer, cancellationToken).ConfigureAwait(false);

            var letters = new SortedDictionary<string, SortedSet<CustomerId>>(StringComparer.Ordinal);
            foreach (var letter in run)
            {
                letters[letter] = [];
            }

            DunningService.RefuseWhenBuiltUpon(account, letters);
        }

        return CommandOutcome.None with { Result = new RunLettersResult(held) };
    }
}

/// <summary>The letters of a run an account holds.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record RunLettersResult([property: Id(0)] string[] Letters) : CommandResult;

/// <summary>
/// Records one account's courtesy reminders of a previewed proposal (<see cref="DunningService.SendCourtesyRemindersAsync"/>)
/// in the account's grain. The lines are the service's own: the grain previews the account alone with the proposal's run
/// (the engine's courtesy reminders, R0.3) and keeps those of the installments the caller's proposal named; the service then
/// records those still due. With <see cref="CheckOnly"/> it only checks that the actor may process dunning on the account,
/// so a refusal comes before any account is written (D19.33).
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record CourtesyRemindersCommand : AccountCommand
{
    [Id(0)] public required RunData Run { get; init; }

    /// <summary>The installments, as <c>item</c> and number.</summary>
    [Id(1)] public required string[] Items { get; init; }

    [Id(2)] public required int[] Numbers { get; init; }

    [Id(3)] public bool CheckOnly { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(services, Permission.ProcessDunning, customer, cancellationToken).ConfigureAwait(false);

        var store = (ICustomerAccountStore)services.GetService(typeof(ICustomerAccountStore))!;
        var journal = await store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        if (journal.Count == 0)
        {
            throw new ArgumentException($"Customer '{customer}' does not exist.", "proposal");
        }

        if (CheckOnly)
        {
            return CommandOutcome.None;
        }

        var request = Run.ToRequest();
        var named = Items.Select((item, i) => new InstallmentRef(new EntryId(item), Numbers[i])).ToHashSet();
        var preview = await services.Dunning.PreviewViewsAsync(Who, request, [CustomerAccount.FromJournal(journal)], cancellationToken).ConfigureAwait(false);
        var lines = preview.CourtesyReminders.Where(l => l.Customer == customer && named.Contains(l.Installment)).ToArray();
        var sent = lines.Length == 0
            ? []
            : await services.Dunning.SendCourtesyRemindersAsync(Who, new DunningProposal(request, [], () => [], lines), cancellationToken).ConfigureAwait(false);
        return CommandOutcome.None with
        {
            Result = new CourtesyRemindersResult([.. sent.Select(l => l.Installment.Item.Value)], [.. sent.Select(l => l.Installment.Number)]),
        };
    }
}

/// <summary>The courtesy reminders recorded now, as installments.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CourtesyRemindersResult([property: Id(0)] string[] Items, [property: Id(1)] int[] Numbers) : CommandResult;
