using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Credit;
using Debitor.Core.Dunning;
using Debitor.Core.Files;

namespace Debitor.Core.Orleans;

/// <summary>What a command gives back beside the accounts it wrote: the use case's own answer, as plain values.</summary>
[GenerateSerializer]
internal abstract record CommandResult;

/// <summary>Hands items over to a lawyer, a collection agency or the court dunning procedure, in the account's grain; answers the hand-over document.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record HandOverCommand : AccountCommand
{
    [Id(0)] public required string CaseId { get; init; }

    [Id(1)] public required string[] Items { get; init; }

    [Id(2)] public required int To { get; init; }

    [Id(3)] public required string Recipient { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var document = await services.Collection.HandOverAsync(
            Who, customer, new EntryId(CaseId), [.. Items.Select(i => new EntryId(i))], (HandOverKind)To, Recipient, cancellationToken).ConfigureAwait(false);
        var account = await services.Accounts.GetAccountAsync(Who, customer, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Of(account) with { Result = HandOverResult.Of(document) };
    }
}

/// <summary>A hand-over document as it travels back; its customer is the account's (the document is made from it).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record HandOverResult : CommandResult
{
    [Id(0)] public required string Case { get; init; }

    [Id(1)] public required int To { get; init; }

    [Id(2)] public required string Recipient { get; init; }

    [Id(3)] public required string Date { get; init; }

    [Id(4)] public required string[] Items { get; init; }

    [Id(5)] public required string[] DocumentNumbers { get; init; }

    [Id(6)] public required string?[] DueDates { get; init; }

    [Id(7)] public required string[] Costs { get; init; }

    [Id(8)] public required string[] Interest { get; init; }

    [Id(9)] public required string[] Principal { get; init; }

    [Id(10)] public required string[] Documents { get; init; }

    [Id(11)] public required string Total { get; init; }

    internal static HandOverResult Of(HandOverDocument document) => new()
    {
        Case = document.Case.Value,
        To = (int)document.To,
        Recipient = document.Recipient,
        Date = Wire.Date(document.Date),
        Items = [.. document.Claims.Select(c => c.Item.Value)],
        DocumentNumbers = [.. document.Claims.Select(c => c.DocumentNumber)],
        DueDates = [.. document.Claims.Select(c => c.DueDate is { } due ? Wire.Date(due) : null)],
        Costs = [.. document.Claims.Select(c => Wire.Amount(c.Costs))],
        Interest = [.. document.Claims.Select(c => Wire.Amount(c.Interest))],
        Principal = [.. document.Claims.Select(c => Wire.Amount(c.Principal))],
        Documents = [.. document.Documents],
        Total = Wire.Amount(document.Total),
    };

    internal HandOverDocument ToDocument(Customers.Customer customer) => new(
        new EntryId(Case),
        customer,
        (HandOverKind)To,
        Recipient,
        Wire.Date(Date),
        [.. Items.Select((item, i) => new ClaimLine(new EntryId(item), DocumentNumbers[i], Wire.Date(DueDates[i], optional: true), Wire.Amount(Costs[i]), Wire.Amount(Interest[i]), Wire.Amount(Principal[i])))],
        Documents,
        Wire.Amount(Total));
}

/// <summary>
/// Attaches a file in the account's grain. The bytes travel with the command: the service scans them, stores them in the
/// silo's file storage and records the attachment, in that order, so only a clean file is ever stored (R0.5, D19.27).
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record AttachFileCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string Title { get; init; }

    [Id(2)] public required string FileName { get; init; }

    [Id(3)] public required string ContentType { get; init; }

    [Id(4)] public required byte[] Content { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var result = await services.Collection.AttachFileAsync(Who, customer, new EntryId(EntryId), Title, FileName, ContentType, Content, cancellationToken).ConfigureAwait(false);
        var account = await services.Accounts.GetAccountAsync(Who, customer, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Of(account) with { Result = FileAttachData.Of(result) };
    }
}

/// <summary>The outcome of an attachment: the stored file (when clean) and the scan.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record FileAttachData : CommandResult
{
    internal static FileAttachData Of(FileAttachResult result) => new()
    {
        File = result.File is { } file ? [file.Title, file.FileName, file.ContentType, file.Sha256, file.StorageKey] : null,
        Length = result.File?.Length ?? 0,
        Verdict = (int)result.Scan.Verdict,
        Detail = result.Scan.Detail,
    };

    /// <summary>Title, file name, content type, SHA-256 and storage key; <see langword="null"/> when nothing was stored.</summary>
    [Id(0)] public string[]? File { get; init; }

    [Id(1)] public long Length { get; init; }

    [Id(2)] public int Verdict { get; init; }

    [Id(3)] public string? Detail { get; init; }

    internal FileAttachResult ToResult() => new(
        File is { } f ? new StoredFile(f[0], f[1], f[2], Length, f[3], f[4]) : null,
        new ScanResult((ScanVerdict)Verdict, Detail));
}

/// <summary>Passes credit control for one document despite a block, a limit or an overdue status, in the account's grain.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record OverrideCreditCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required int Document { get; init; }

    [Id(2)] public required string Note { get; init; }

    [Id(3)] public string? Amount { get; init; }

    [Id(4)] public string? DocumentReference { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var decision = await services.Credit.OverrideAsync(
            Who, customer, new EntryId(EntryId), (SalesDocumentKind)Document, Note, Amount is null ? null : Wire.Amount(Amount), DocumentReference, cancellationToken).ConfigureAwait(false);
        var account = await services.Accounts.GetAccountAsync(Who, customer, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Of(account) with { Result = CreditDecisionData.Of(decision) };
    }
}

/// <summary>A credit decision as it travels back.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CreditDecisionData : CommandResult
{
    [Id(0)] public required int Document { get; init; }

    [Id(1)] public required int Outcome { get; init; }

    [Id(2)] public required int[] Reasons { get; init; }

    [Id(3)] public required string[] ReasonMessages { get; init; }

    [Id(4)] public required int[] Warnings { get; init; }

    [Id(5)] public required string[] WarningMessages { get; init; }

    [Id(6)] public required bool CanOverride { get; init; }

    [Id(7)] public string? OverrideEntry { get; init; }

    internal static CreditDecisionData Of(CreditDecision decision) => new()
    {
        Document = (int)decision.Document,
        Outcome = (int)decision.Outcome,
        Reasons = [.. decision.Reasons.Select(r => (int)r.Reason)],
        ReasonMessages = [.. decision.Reasons.Select(r => r.Message)],
        Warnings = [.. decision.Warnings.Select(r => (int)r.Reason)],
        WarningMessages = [.. decision.Warnings.Select(r => r.Message)],
        CanOverride = decision.CanOverride,
        OverrideEntry = Wire.Id(decision.OverrideEntry),
    };

    internal CreditDecision ToDecision() =>
        new((SalesDocumentKind)Document, (CreditOutcome)Outcome, Refusals(Reasons, ReasonMessages), Refusals(Warnings, WarningMessages))
        {
            CanOverride = CanOverride,
            OverrideEntry = Wire.Id(OverrideEntry),
        };

    private static CreditRefusal[] Refusals(int[] reasons, string[] messages) =>
        [.. reasons.Select((reason, i) => new CreditRefusal((CreditRefusalReason)reason, messages[i]))];
}

/// <summary>
/// One customer's letter on demand (<see cref="DunningService.DunNowAsync"/>), run in the grain of the letter's recipient
/// (the customer's payer when its letters go there, else the customer): the recipient's letter number and the customer's
/// notices are written from there, the customer's through its grain (D19.22, D19.29).
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record DunNowCommand : AccountCommand
{
    [Id(0)] public required string Customer { get; init; }

    [Id(1)] public required string RunId { get; init; }

    [Id(2)] public required string AsOf { get; init; }

    [Id(3)] public required bool PostFees { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var result = await services.Dunning.DunNowAsync(Who, new CustomerId(Customer), new DunningRunId(RunId), Wire.Date(AsOf), PostFees, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.None with
        {
            Result = new DunNowResult(new ProcessPart(
                [.. result.Issued.Select(DunningLetterSnapshot.Of)],
                [.. result.Removed.Select(RemovedData.Of)],
                [.. result.UnreadableAccounts.Select(UnreadableData.Of)],
                false)),
        };
    }
}

/// <summary>What a letter on demand issued.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record DunNowResult([property: Id(0)] ProcessPart Part) : CommandResult;

/// <summary>
/// A residual write-off run's part for one account (<see cref="PaymentService.WriteOffResidualsAsync"/> restricted to the
/// grain's account): decided, appended and notified in the account's grain. With <see cref="CheckOnly"/> it only checks
/// that the account exists and the actor may write off on it, so a run refuses before any account is written (D19.30).
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record WriteOffResidualsCommand : AccountCommand
{
    [Id(0)] public required string RunId { get; init; }

    [Id(1)] public required string AsOf { get; init; }

    [Id(2)] public required string[] Thresholds { get; init; }

    [Id(3)] public required string Reason { get; init; }

    [Id(4)] public bool CheckOnly { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var store = (Ports.ICustomerAccountStore)services.GetService(typeof(Ports.ICustomerAccountStore))!;
        if (CheckOnly)
        {
            await AuthorizeAsync(services, Permission.WriteOff, customer, cancellationToken).ConfigureAwait(false);

            return (await store.LoadAsync(customer, cancellationToken).ConfigureAwait(false)).Count == 0
                ? throw new ArgumentException($"Customer '{customer}' does not exist.", "run")
                : CommandOutcome.None;
        }

        var run = new ResidualWriteOffRun(new EntryId(RunId), Wire.Date(AsOf), [.. Thresholds.Select(Wire.Amount)], Reason, [customer]);
        var result = await services.Payments.WriteOffResidualsAsync(Who, run, cancellationToken).ConfigureAwait(false);
        var account = Ledger.CustomerAccount.FromJournal(await store.LoadAsync(customer, cancellationToken).ConfigureAwait(false));
        return CommandOutcome.Of(account) with { Status = result.WrittenOff.Count };
    }
}
