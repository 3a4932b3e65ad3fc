using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using NodaTime.Text;

namespace Debitor.Core.Orleans;

/// <summary>An account's journal as it travels between silos: its version and every record in the journal format (<see cref="JournalJson"/>).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record JournalPage([property: Id(0)] long Version, [property: Id(1)] string[] Records, [property: Id(2)] UnreadableData? Unreadable = null)
{
    internal static JournalPage Of(IReadOnlyList<JournalRecord> journal) =>
        new(journal.Count == 0 ? 0 : journal[^1].Version, Serialize(journal));

    /// <summary>The records, or the store's <see cref="CorruptJournalException"/> again when the grain could not read them.</summary>
    internal IReadOnlyList<JournalRecord> ToJournal(CustomerId customer) => Unreadable is { } corrupt
        ? throw new CorruptJournalException(customer, corrupt.Version, corrupt.Message)
        : Deserialize(Records);

    internal static string[] Serialize(IReadOnlyList<JournalRecord> records) => [.. records.Select(JournalJson.Serialize)];

    internal static JournalRecord[] Deserialize(string[] records) => [.. records.Select(JournalJson.DeserializeRecord)];
}

/// <summary>The answer of an append or delete through an account grain: done, or not (the account is at <paramref name="Version"/>, not at the expected one; nothing changed).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record WriteOutcome([property: Id(0)] bool Done, [property: Id(1)] long Version);

/// <summary>Who acts, as it travels between silos.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ActorData([property: Id(0)] string User, [property: Id(1)] string[] Roles)
{
    internal static ActorData Of(Actor actor) => new(actor.User.Value, [.. actor.Roles]);

    internal Actor ToActor() => new(new UserId(User), Roles);
}

/// <summary>A run request as it travels between silos.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record RunData
{
    [Id(0)] public required string RunId { get; init; }

    [Id(1)] public required string Company { get; init; }

    [Id(2)] public required string AsOf { get; init; }

    [Id(3)] public string? Branch { get; init; }

    [Id(4)] public string? Customer { get; init; }

    [Id(5)] public int? Level { get; init; }

    [Id(6)] public required int Mode { get; init; }

    [Id(7)] public required bool OnlyWhenCreditLimitExceeded { get; init; }

    [Id(8)] public required bool PostFees { get; init; }

    internal static RunData Of(DunningRunRequest request) => new()
    {
        RunId = request.RunId.Value,
        Company = request.Company.Value,
        AsOf = Snapshots.Date(request.AsOf),
        Branch = request.Branch?.Value,
        Customer = request.Customer?.Value,
        Level = request.Level,
        Mode = (int)request.Mode,
        OnlyWhenCreditLimitExceeded = request.OnlyWhenCreditLimitExceeded,
        PostFees = request.PostFees,
    };

    internal DunningRunRequest ToRequest() =>
        new(new DunningRunId(RunId), new CompanyId(Company), LocalDatePattern.Iso.Parse(AsOf).GetValueOrThrow())
        {
            Branch = Branch is null ? null : new BranchId(Branch),
            Customer = Customer is null ? null : new CustomerId(Customer),
            Level = Level,
            Mode = (DunningRunMode)Mode,
            OnlyWhenCreditLimitExceeded = OnlyWhenCreditLimitExceeded,
            PostFees = PostFees,
        };
}

/// <summary>An account's route in a run (see <see cref="DunningRoute"/>), or that it cannot be read.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record RouteData([property: Id(0)] string Customer, [property: Id(1)] string? Payer, [property: Id(2)] bool CanReceiveForOthers, [property: Id(3)] bool Exists);

/// <summary>An account a run could not read.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record UnreadableData([property: Id(0)] string? Customer, [property: Id(1)] long Version, [property: Id(2)] string Message)
{
    internal static UnreadableData Of(CorruptJournalException exception) =>
        new(exception.Customer?.Value, exception.Version ?? 0, exception.Message);
}

/// <summary>What one group of a run (a payer with its customers, or one account) contributes to a preview.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record PreviewPart(
    [property: Id(0)] DunningLetterSnapshot[] Letters,
    [property: Id(1)] DunningLineSnapshot[] Excluded,
    [property: Id(2)] UnreadableData[] Unreadable);

/// <summary>A removed line as it travels between silos.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record RemovedData(
    [property: Id(0)] string Customer,
    [property: Id(1)] string Item,
    [property: Id(2)] int Installment,
    [property: Id(3)] string DocumentNumber,
    [property: Id(4)] int Level,
    [property: Id(5)] string LetterId,
    [property: Id(6)] int Reason,
    [property: Id(7)] int? Exclusion)
{
    internal static RemovedData Of(RemovedLine line) => new(
        line.Customer.Value, line.Installment.Item.Value, line.Installment.Number, line.DocumentNumber, line.Level, line.LetterId, (int)line.Reason, line.Exclusion is { } e ? (int)e : null);

    internal RemovedLine ToLine() => new(
        new CustomerId(Customer), new InstallmentRef(new EntryId(Item), Installment), DocumentNumber, Level, LetterId, (DunningRemovalReason)Reason, Exclusion is { } e ? (DunningExclusion)e : null);
}

/// <summary>What one group of a run contributes to processing.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ProcessPart(
    [property: Id(0)] DunningLetterSnapshot[] Issued,
    [property: Id(1)] RemovedData[] Removed,
    [property: Id(2)] UnreadableData[] Unreadable,
    [property: Id(3)] bool PreviewOutdated);
