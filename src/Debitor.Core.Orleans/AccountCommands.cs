using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Serialization;
using NodaTime.Text;

namespace Debitor.Core.Orleans;

/// <summary>
/// A mutating use case sent to the grain of the account it writes (<see cref="ICustomerAccountGrain.ExecuteAsync"/>): the
/// grain runs the library's own service for it, one command at a time, as the single writer of the account. A command
/// carries who acts (the service authorizes inside the grain) and the use case's arguments as plain values.
/// </summary>
[GenerateSerializer]
internal abstract record AccountCommand
{
    /// <summary>Who acts.</summary>
    [Id(0)] public required ActorData Actor { get; init; }

    /// <summary>Runs the use case with the grain's services.</summary>
    internal abstract Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken);

    /// <summary>The actor.</summary>
    protected Actor Who => Actor.ToActor();

    /// <summary>Refuses the command unless the silo's authorization port allows the actor <paramref name="permission"/> on the account.</summary>
    /// <exception cref="AuthorizationException">The actor may not.</exception>
    protected async Task AuthorizeAsync(AccountServices services, Permission permission, CustomerId customer, CancellationToken cancellationToken)
    {
        var authorization = (Ports.IAuthorizationPort)services.GetService(typeof(Ports.IAuthorizationPort))!;
        if (!await authorization.IsAllowedAsync(Who, permission, customer, cancellationToken).ConfigureAwait(false))
        {
            throw new AuthorizationException(Who.User, permission, customer);
        }
    }
}

/// <summary>What a command gives back: the accounts it wrote, as journals, and for a payment its status.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CommandOutcome(
    [property: Id(0)] string[] Customers,
    [property: Id(1)] JournalPage[] Journals,
    [property: Id(2)] int Status = 0,
    [property: Id(3)] int? Refusal = null,
    [property: Id(4)] string? Message = null,
    [property: Id(5)] CommandFault? Fault = null,
    [property: Id(6)] CommandResult? Result = null)
{
    internal static readonly CommandOutcome None = new([], []);

    /// <summary>The outcome, or the library's exception the command ended with, thrown again.</summary>
    internal CommandOutcome ThrowIfFaulted() => Fault is { } fault ? throw fault.ToException() : this;

    internal static CommandOutcome Of(params IReadOnlyList<CustomerAccount> accounts) =>
        new([.. accounts.Select(a => a.Id.Value)], [.. accounts.Select(a => JournalPage.Of(a.Journal))]);

    /// <summary>The accounts, replayed from their journals.</summary>
    internal IReadOnlyList<CustomerAccount> Accounts() =>
        [.. Customers.Select((c, i) => CustomerAccount.FromJournal(Journals[i].ToJournal(new CustomerId(c))))];
}

/// <summary>Plain values of the library's types, as commands carry them.</summary>
internal static class Wire
{
    internal static string Entry(JournalEntry entry) => JournalJson.Serialize(entry ?? throw new ArgumentNullException(nameof(entry)));

    internal static T Entry<T>(string json)
        where T : JournalEntry => (T)JournalJson.Deserialize(json);

    /// <summary>A customer's settings, in the journal's own format (as a registration).</summary>
    internal static string Settings(Customer customer) => Entry(new CustomerRegistered(new EntryId("settings"), customer));

    internal static Customer Settings(string json) => Entry<CustomerRegistered>(json).Settings;

    internal static string Date(LocalDate date) => Snapshots.Date(date);

    internal static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    internal static LocalDate? Date(string? text, bool optional) => optional && text is null ? null : Date(text!);

    /// <summary>An amount with its currency, <c>123.45 EUR</c>.</summary>
    internal static string Amount(Money money) => Snapshots.Text($"{money.Amount} {money.Currency.Code}");

    internal static Money Amount(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return new Money(decimal.Parse(text.AsSpan(0, space), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture), Core.Currency.FromCode(text[(space + 1)..]));
    }

    internal static string? Id(EntryId? id) => id?.Value;

    internal static EntryId? Id(string? id) => id is null ? null : new EntryId(id);
}

[GenerateSerializer]
[Immutable]
internal sealed record RegisterCustomerCommand : AccountCommand
{
    [Id(0)] public required string Settings { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.RegisterCustomerAsync(Who, Wire.Settings(Settings), cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record ChangeSettingsCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string Settings { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.ChangeSettingsAsync(Who, new EntryId(EntryId), Wire.Settings(Settings), cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record ArchiveCustomerCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string Reason { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.ArchiveCustomerAsync(Who, customer, new EntryId(EntryId), Reason, cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record DeleteCustomerCommand : AccountCommand
{
    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        await services.Accounts.DeleteCustomerAsync(Who, customer, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.None;
    }
}

/// <summary>Posts ledger entries (invoices, credit notes, charges, payments, write-offs, reversals) in one append.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record PostEntriesCommand : AccountCommand
{
    [Id(0)] public required string[] Entries { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.PostAllAsync(Who, customer, [.. Entries.Select(Wire.Entry<JournalEntry>)], cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record ReverseCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string Target { get; init; }

    [Id(2)] public required string Reason { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.ReverseAsync(Who, customer, new EntryId(EntryId), new EntryId(Target), Reason, cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record PauseItemCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string Item { get; init; }

    [Id(2)] public required string Reason { get; init; }

    [Id(3)] public string? Until { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.PauseItemAsync(Who, customer, new EntryId(EntryId), new EntryId(Item), Reason, Wire.Date(Until, optional: true), cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record ResumeItemCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string Item { get; init; }

    [Id(2)] public string? Note { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.ResumeItemAsync(Who, customer, new EntryId(EntryId), new EntryId(Item), Note, cancellationToken).ConfigureAwait(false));
}

/// <summary>Moves a due date: of an item's first open installment (<see cref="Whole"/> false), of the whole item, or of named installments.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ChangeDueDateCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public string? Item { get; init; }

    [Id(2)] public required string NewDueDate { get; init; }

    [Id(3)] public required string Note { get; init; }

    [Id(4)] public bool Whole { get; init; }

    [Id(5)] public string[]? InstallmentItems { get; init; }

    [Id(6)] public int[]? InstallmentNumbers { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var id = new EntryId(EntryId);
        var date = Wire.Date(NewDueDate);
        var account = InstallmentItems is { } items
            ? await services.Accounts.ChangeInstallmentDueDateAsync(Who, customer, id, [.. items.Select((item, i) => new InstallmentRef(new EntryId(item), InstallmentNumbers![i]))], date, Note, cancellationToken).ConfigureAwait(false)
            : Whole
                ? await services.Accounts.ChangeItemDueDateAsync(Who, customer, id, new EntryId(Item!), date, Note, cancellationToken).ConfigureAwait(false)
                : await services.Accounts.ChangeDueDateAsync(Who, customer, id, new EntryId(Item!), date, Note, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Of(account);
    }
}

[GenerateSerializer]
[Immutable]
internal sealed record RecordCommunicationCommand : AccountCommand
{
    [Id(0)] public required string Entry { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.RecordCommunicationAsync(Who, customer, Wire.Entry<CommunicationRecorded>(Entry), cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record ApplyCreditNoteCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string CreditNote { get; init; }

    [Id(2)] public required string TargetItem { get; init; }

    [Id(3)] public required int TargetInstallment { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Accounts.ApplyCreditNoteAsync(
            Who, customer, new EntryId(EntryId), new EntryId(CreditNote), new InstallmentRef(new EntryId(TargetItem), TargetInstallment), cancellationToken).ConfigureAwait(false));
}

/// <summary>Sets a credit block (<see cref="Level"/> given) or lifts it.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CreditBlockCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public int? Level { get; init; }

    [Id(2)] public string? Text { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(Level is { } level
            ? await services.Credit.SetBlockAsync(Who, customer, new EntryId(EntryId), (CreditBlockLevel)level, Text!, cancellationToken).ConfigureAwait(false)
            : await services.Credit.LiftBlockAsync(Who, customer, new EntryId(EntryId), Text, cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record MarkInsolventCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public required string OpenedOn { get; init; }

    [Id(2)] public required string Court { get; init; }

    [Id(3)] public required string FileNumber { get; init; }

    [Id(4)] public required string Administrator { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(await services.Recovery.MarkInsolventAsync(
            Who, customer, new EntryId(EntryId), Wire.Date(OpenedOn), Court, FileNumber, Administrator, cancellationToken).ConfigureAwait(false));
}

[GenerateSerializer]
[Immutable]
internal sealed record IssueInterestInvoicesCommand : AccountCommand
{
    [Id(0)] public required string Number { get; init; }

    [Id(1)] public string? AsOf { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var invoices = await services.Interest.IssueAsync(Who, customer, Number, Wire.Date(AsOf, optional: true), cancellationToken).ConfigureAwait(false);
        var account = await services.Accounts.GetAccountAsync(Who, customer, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Of(account) with { Status = invoices.Count };
    }
}

/// <summary>The collection steps that write one entry from plain values: follow-ups, pinned comments, e-mail status, hand-over close, master data, agreement deletion.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CollectionCommand : AccountCommand
{
    [Id(0)] public required CollectionStep Step { get; init; }

    [Id(1)] public required string EntryId { get; init; }

    [Id(2)] public string? Target { get; init; }

    [Id(3)] public string? Text { get; init; }

    [Id(4)] public int Value { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var collection = services.Collection;
        var id = new EntryId(EntryId);
        var account = Step switch
        {
            CollectionStep.CreateFollowUp => await collection.CreateFollowUpAsync(Who, customer, Wire.Entry<FollowUpCreated>(Text!), cancellationToken).ConfigureAwait(false),
            CollectionStep.CompleteFollowUp => await collection.CompleteFollowUpAsync(Who, customer, id, new EntryId(Target!), cancellationToken).ConfigureAwait(false),
            CollectionStep.PinComment => await collection.PinCommentAsync(Who, customer, id, Wire.Id(Target), cancellationToken).ConfigureAwait(false),
            CollectionStep.RecordEmailStatus => await collection.RecordEmailStatusAsync(Who, customer, id, new EntryId(Target!), (Communication.EmailStatus)Value, cancellationToken).ConfigureAwait(false),
            CollectionStep.CloseHandOver => await collection.CloseHandOverAsync(Who, customer, id, new EntryId(Target!), (HandOverOutcome)Value, cancellationToken).ConfigureAwait(false),
            CollectionStep.ChangeMasterData => await collection.ChangeMasterDataAsync(Who, customer, id, Wire.Entry<MasterDataChanged>(Text!).MasterData, cancellationToken).ConfigureAwait(false),
            CollectionStep.DeleteAgreement => await collection.DeleteAgreementAsync(Who, customer, id, new EntryId(Target!), Text!, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(Step), Step, "Unknown collection step."),
        };
        return CommandOutcome.Of(account);
    }
}

/// <summary>The collection steps of <see cref="CollectionCommand"/>.</summary>
internal enum CollectionStep
{
    CreateFollowUp = 1,
    CompleteFollowUp,
    PinComment,
    RecordEmailStatus,
    CloseHandOver,
    ChangeMasterData,
    DeleteAgreement,
}

/// <summary>An incoming payment, run in the grain of the account it came from; a payer's share for its customers is written through their grains.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ApplyPaymentCommand : AccountCommand
{
    [Id(0)] public required string PaymentId { get; init; }

    [Id(1)] public required decimal Amount { get; init; }

    [Id(2)] public required string Currency { get; init; }

    [Id(3)] public required string ValueDate { get; init; }

    [Id(4)] public required int Method { get; init; }

    [Id(5)] public string? Reference { get; init; }

    [Id(6)] public required string[] DesignatedItems { get; init; }

    [Id(7)] public required string[] LateDiscountItems { get; init; }

    [Id(8)] public required bool[] LateDiscountAccepted { get; init; }

    internal static ApplyPaymentCommand Of(ActorData actor, IncomingPayment payment) => new()
    {
        Actor = actor,
        PaymentId = payment.Id.Value,
        Amount = payment.Amount.Amount,
        Currency = payment.Amount.Currency.Code,
        ValueDate = Wire.Date(payment.ValueDate),
        Method = (int)payment.Method,
        Reference = payment.Reference,
        DesignatedItems = [.. payment.DesignatedItems.Select(i => i.Value)],
        LateDiscountItems = [.. payment.LateDiscountDecisions.Select(d => d.Item.Value)],
        LateDiscountAccepted = [.. payment.LateDiscountDecisions.Select(d => d.Accept)],
    };

    internal IncomingPayment ToPayment() =>
        new(new EntryId(PaymentId), new Money(Amount, Core.Currency.FromCode(Currency)), Wire.Date(ValueDate), (PaymentMethod)Method, Reference, DesignatedItems.Select(i => new EntryId(i)))
        {
            LateDiscountDecisions = [.. LateDiscountItems.Select((item, i) => new LateDiscountDecision(new EntryId(item), LateDiscountAccepted[i]))],
        };

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var result = await services.Payments.ApplyPaymentAsync(Who, customer, ToPayment(), cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Of(result.Accounts) with
        {
            Status = (int)result.Status,
            Refusal = result.Refusal is { } refusal ? (int)refusal.Reason : null,
            Message = result.Refusal?.Message,
        };
    }
}

/// <summary>A delegation of a customer's claims to its payer, run in the payer's grain; the customer's account is written through its grain.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record DelegateCommand : AccountCommand
{
    [Id(0)] public required string Customer { get; init; }

    [Id(1)] public required string Delegation { get; init; }

    [Id(2)] public required string Date { get; init; }

    [Id(3)] public required string Reason { get; init; }

    [Id(4)] public string[]? Items { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var result = await services.Delegation.DelegateAsync(
            Who, new CustomerId(Customer), new EntryId(Delegation), Wire.Date(Date), Reason, Items?.Select(i => new EntryId(i)).ToList(), cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Of(result.Customer, result.Payer);
    }
}

/// <summary>A letter's cancellation, run in the grain of the letter's recipient; the other accounts it covers are written through their grains.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record CancelLetterCommand : AccountCommand
{
    [Id(0)] public required string LetterId { get; init; }

    [Id(1)] public required string[] Customers { get; init; }

    [Id(2)] public required string Reason { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        await services.Dunning.CancelLetterAsync(Who, LetterId, [.. Customers.Select(c => new CustomerId(c))], Reason, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.None;
    }
}

/// <summary>Payment agreement terms as plain values; made again through the terms' own factories, so they are checked again.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record TermsData
{
    [Id(0)] public required int Interval { get; init; }

    [Id(1)] public int? Count { get; init; }

    [Id(2)] public string? InstallmentAmount { get; init; }

    [Id(3)] public required string FirstDate { get; init; }

    [Id(4)] public required string[] Amounts { get; init; }

    [Id(5)] public required string[] CustomDates { get; init; }

    [Id(6)] public required int Every { get; init; }

    [Id(7)] public required decimal InterestPercent { get; init; }

    [Id(8)] public string? Fee { get; init; }

    [Id(9)] public required int GraceDays { get; init; }

    internal static TermsData Of(PaymentAgreementTerms terms) => new()
    {
        Interval = (int)terms.Interval,
        Count = terms.Count,
        InstallmentAmount = terms.InstallmentAmount is { } amount ? Amount(amount) : null,
        FirstDate = Wire.Date(terms.FirstDate),
        Amounts = [.. terms.Amounts.Select(Amount)],
        CustomDates = [.. terms.CustomDates.Select(Wire.Date)],
        Every = terms.Every,
        InterestPercent = terms.InterestPercent,
        Fee = terms.Fee is { } fee ? Amount(fee) : null,
        GraceDays = terms.GraceDays,
    };

    internal PaymentAgreementTerms ToTerms()
    {
        var interval = (AgreementInterval)Interval;
        var first = Wire.Date(FirstDate);
        var amounts = Amounts.Select(Amount).ToList();
        var terms = interval == AgreementInterval.CustomDates
            ? amounts.Count > 0 ? PaymentAgreementTerms.ByDates([.. CustomDates.Select(Wire.Date)], amounts) : PaymentAgreementTerms.ByDates([.. CustomDates.Select(Wire.Date)])
            : InstallmentAmount is { } each ? PaymentAgreementTerms.ByAmount(Amount(each), first, interval)
            : amounts.Count > 0 ? PaymentAgreementTerms.ByAmounts(amounts, first, interval)
            : PaymentAgreementTerms.ByCount(Count ?? 0, first, interval);
        return terms with { Every = Every, InterestPercent = InterestPercent, Fee = Fee is null ? null : Amount(Fee), GraceDays = GraceDays };
    }

    private static string Amount(Money money) => Wire.Amount(money);

    private static Money Amount(string text) => Wire.Amount(text);
}

/// <summary>Makes a payment agreement over items (<see cref="Agreement"/> <see langword="null"/>), or amends one.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record AgreementCommand : AccountCommand
{
    [Id(0)] public required string EntryId { get; init; }

    [Id(1)] public string? Agreement { get; init; }

    [Id(2)] public string[]? Items { get; init; }

    [Id(3)] public required TermsData Terms { get; init; }

    [Id(4)] public string? Note { get; init; }

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken) =>
        CommandOutcome.Of(Agreement is { } agreement
            ? await services.Collection.AmendAgreementAsync(Who, customer, new EntryId(EntryId), new EntryId(agreement), Terms.ToTerms(), Note!, cancellationToken).ConfigureAwait(false)
            : await services.Collection.MakeAgreementAsync(Who, customer, new EntryId(EntryId), [.. Items!.Select(i => new EntryId(i))], Terms.ToTerms(), Note, cancellationToken).ConfigureAwait(false));
}

/// <summary>A returned payment, run in the grain of the account it came from; the other accounts it was posted to are written through their grains.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ReturnPaymentCommand : AccountCommand
{
    [Id(0)] public required string Payment { get; init; }

    [Id(1)] public required string ReturnDate { get; init; }

    [Id(2)] public required int Kind { get; init; }

    [Id(3)] public string? Reason { get; init; }

    [Id(4)] public string? BankFee { get; init; }

    [Id(5)] public string? FeeDocumentNumber { get; init; }

    internal static ReturnPaymentCommand Of(ActorData actor, PaymentReturn paymentReturn) => new()
    {
        Actor = actor,
        Payment = paymentReturn.Payment.Value,
        ReturnDate = Wire.Date(paymentReturn.ReturnDate),
        Kind = (int)paymentReturn.Kind,
        Reason = paymentReturn.Reason,
        BankFee = paymentReturn.BankFee is { } fee ? Wire.Amount(fee) : null,
        FeeDocumentNumber = paymentReturn.FeeDocumentNumber,
    };

    internal override async Task<CommandOutcome> RunAsync(AccountServices services, CustomerId customer, CancellationToken cancellationToken)
    {
        var paymentReturn = new PaymentReturn(new EntryId(Payment), Wire.Date(ReturnDate), (ReturnKind)Kind, Reason, BankFee is null ? null : Wire.Amount(BankFee), FeeDocumentNumber);
        return CommandOutcome.Of((await services.Payments.ReturnPaymentAsync(Who, customer, paymentReturn, cancellationToken).ConfigureAwait(false)).Accounts);
    }
}
