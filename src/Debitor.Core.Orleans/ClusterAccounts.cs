using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;

namespace Debitor.Core.Orleans;

/// <summary>
/// The mutating use cases of a company's customer accounts, run in the cluster: each call is sent as a command to the
/// grain of the account it writes, and the grain runs the library's own service for it (<see cref="CustomerAccountService"/>,
/// <see cref="PaymentService"/>, <see cref="CollectionService"/>, <see cref="CreditControlService"/>,
/// <see cref="RecoveryService"/>, <see cref="InterestInvoiceService"/>, <see cref="DelegationService"/>,
/// <see cref="DunningService"/>), built by the silo's dependency injection, as the account's single writer: two commands
/// for one account never interleave, so inside the cluster they never meet a concurrency conflict.
/// </summary>
/// <remarks>
/// <para>The methods have the names, arguments and rules of the services' methods; what they return is the account after
/// the change, read from the grain's journal.</para>
/// <para><b>Authorization</b> happens in the grain, by the silo's <see cref="Ports.IAuthorizationPort"/>, exactly as in
/// the service: the actor travels with the command. The caller is trusted to name the actor, as with any in-process call
/// to the services; a host that exposes the cluster to untrusted callers authenticates them before (D19.21).</para>
/// <para><b>Several accounts.</b> A use case that writes several accounts in one decision runs in the grain of the account
/// at the top of the payer relation (a payment in the grain of the account it came from, a delegation in the payer's, a
/// letter's cancellation in its recipient's) and writes the others through their grains, version-checked, retrying on a
/// conflict (D19.22).</para>
/// <para><b>Retries.</b> A call that fails for a reason a retry may cure (a silo died, a call timed out) is sent again,
/// up to <see cref="ClusterDunningOptions.MaxAttempts"/> times; every command is idempotent by its entry ids, so a
/// command whose first attempt was written is not written twice.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class ClusterAccounts
{
    private readonly IGrainFactory _grains;
    private readonly CompanyId _company;
    private readonly ClusterDunningOptions _options;

    /// <summary>Creates the façade for one company, with the default retry options.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="company">The company whose accounts it writes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public ClusterAccounts(IGrainFactory grains, CompanyId company)
        : this(grains, company, new ClusterDunningOptions())
    {
    }

    /// <summary>Creates the façade for one company.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="company">The company whose accounts it writes.</param>
    /// <param name="options">How often and after which pause a failed call is tried again (<see cref="ClusterDunningOptions.MaxAttempts"/>, <see cref="ClusterDunningOptions.RetryDelay"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public ClusterAccounts(IGrainFactory grains, CompanyId company, ClusterDunningOptions options)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _company = company.IsEmpty ? throw new ArgumentException("A company is required.", nameof(company)) : company;
    }

    /// <inheritdoc cref="CustomerAccountService.RegisterCustomerAsync"/>
    public Task<CustomerAccount> RegisterCustomerAsync(Actor actor, Customer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        CheckCompany(customer, nameof(customer));
        return AccountAsync(customer.Id, new RegisterCustomerCommand { Actor = Of(actor), Settings = Wire.Settings(customer) }, cancellationToken);
    }

    /// <inheritdoc cref="CustomerAccountService.ChangeSettingsAsync"/>
    public Task<CustomerAccount> ChangeSettingsAsync(Actor actor, EntryId entryId, Customer settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckCompany(settings, nameof(settings));
        return AccountAsync(settings.Id, new ChangeSettingsCommand { Actor = Of(actor), EntryId = entryId.Value, Settings = Wire.Settings(settings) }, cancellationToken);
    }

    /// <inheritdoc cref="CustomerAccountService.ArchiveCustomerAsync"/>
    public Task<CustomerAccount> ArchiveCustomerAsync(Actor actor, CustomerId customer, EntryId entryId, string reason, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new ArchiveCustomerCommand { Actor = Of(actor), EntryId = entryId.Value, Reason = reason }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.DeleteCustomerAsync"/>
    public Task DeleteCustomerAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default) =>
        SendAsync(customer, new DeleteCustomerCommand { Actor = Of(actor) }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.PostAllAsync"/>
    public Task<CustomerAccount> PostAllAsync(Actor actor, CustomerId customer, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return AccountAsync(customer, new PostEntriesCommand { Actor = Of(actor), Entries = [.. entries.Select(Wire.Entry)] }, cancellationToken);
    }

    /// <inheritdoc cref="CustomerAccountService.PostAsync"/>
    public Task<CustomerAccount> PostAsync(Actor actor, CustomerId customer, JournalEntry entry, CancellationToken cancellationToken = default) =>
        PostAllAsync(actor, customer, [entry ?? throw new ArgumentNullException(nameof(entry))], cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.ReverseAsync"/>
    public Task<CustomerAccount> ReverseAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId target, string reason, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new ReverseCommand { Actor = Of(actor), EntryId = entryId.Value, Target = target.Value, Reason = reason }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.PauseItemAsync"/>
    public Task<CustomerAccount> PauseItemAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, string reason, LocalDate? until = null, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new PauseItemCommand { Actor = Of(actor), EntryId = entryId.Value, Item = item.Value, Reason = reason, Until = until is { } u ? Wire.Date(u) : null }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.ResumeItemAsync"/>
    public Task<CustomerAccount> ResumeItemAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, string? note = null, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new ResumeItemCommand { Actor = Of(actor), EntryId = entryId.Value, Item = item.Value, Note = note }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.ChangeDueDateAsync"/>
    public Task<CustomerAccount> ChangeDueDateAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, LocalDate newDueDate, string note, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new ChangeDueDateCommand { Actor = Of(actor), EntryId = entryId.Value, Item = item.Value, NewDueDate = Wire.Date(newDueDate), Note = note }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.ChangeInstallmentDueDateAsync"/>
    public Task<CustomerAccount> ChangeInstallmentDueDateAsync(Actor actor, CustomerId customer, EntryId entryId, IReadOnlyCollection<InstallmentRef> installments, LocalDate newDueDate, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installments);
        return AccountAsync(
            customer,
            new ChangeDueDateCommand
            {
                Actor = Of(actor),
                EntryId = entryId.Value,
                NewDueDate = Wire.Date(newDueDate),
                Note = note,
                InstallmentItems = [.. installments.Select(i => i.Item.Value)],
                InstallmentNumbers = [.. installments.Select(i => i.Number)],
            },
            cancellationToken);
    }

    /// <inheritdoc cref="CustomerAccountService.ChangeItemDueDateAsync"/>
    public Task<CustomerAccount> ChangeItemDueDateAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, LocalDate newDueDate, string note, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new ChangeDueDateCommand { Actor = Of(actor), EntryId = entryId.Value, Item = item.Value, NewDueDate = Wire.Date(newDueDate), Note = note, Whole = true }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.RecordCommunicationAsync"/>
    public Task<CustomerAccount> RecordCommunicationAsync(Actor actor, CustomerId customer, CommunicationRecorded entry, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new RecordCommunicationCommand { Actor = Of(actor), Entry = Wire.Entry(entry) }, cancellationToken);

    /// <inheritdoc cref="CustomerAccountService.ApplyCreditNoteAsync"/>
    public Task<CustomerAccount> ApplyCreditNoteAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId creditNote, InstallmentRef target, CancellationToken cancellationToken = default) =>
        AccountAsync(
            customer,
            new ApplyCreditNoteCommand { Actor = Of(actor), EntryId = entryId.Value, CreditNote = creditNote.Value, TargetItem = target.Item.Value, TargetInstallment = target.Number },
            cancellationToken);

    /// <inheritdoc cref="CreditControlService.SetBlockAsync"/>
    public Task<CustomerAccount> SetBlockAsync(Actor actor, CustomerId customer, EntryId entryId, CreditBlockLevel level, string reason, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new CreditBlockCommand { Actor = Of(actor), EntryId = entryId.Value, Level = (int)level, Text = reason }, cancellationToken);

    /// <inheritdoc cref="CreditControlService.LiftBlockAsync"/>
    public Task<CustomerAccount> LiftBlockAsync(Actor actor, CustomerId customer, EntryId entryId, string? note = null, CancellationToken cancellationToken = default) =>
        AccountAsync(customer, new CreditBlockCommand { Actor = Of(actor), EntryId = entryId.Value, Text = note }, cancellationToken);

    /// <inheritdoc cref="RecoveryService.MarkInsolventAsync"/>
    public Task<CustomerAccount> MarkInsolventAsync(Actor actor, CustomerId customer, EntryId entryId, LocalDate openedOn, string court, string fileNumber, string administrator, CancellationToken cancellationToken = default) =>
        AccountAsync(
            customer,
            new MarkInsolventCommand { Actor = Of(actor), EntryId = entryId.Value, OpenedOn = Wire.Date(openedOn), Court = court, FileNumber = fileNumber, Administrator = administrator },
            cancellationToken);

    /// <summary>
    /// Issues the customer's interest invoices (<see cref="InterestInvoiceService.IssueAsync"/>) in the account's grain:
    /// posted on the account and delivered through the silo's outbox and document output.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.PostDocuments"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="number">The document number of the first invoice; further currencies get <c>-2</c>, <c>-3</c>, ….</param>
    /// <param name="asOf">The day interest is computed to; today when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>The account after the invoices, and how many were issued (none when nothing is owed or they were issued already).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="number"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, or an argument is refused by the service.</exception>
    /// <exception cref="AuthorizationException">The actor may not post documents.</exception>
    /// <exception cref="ConcurrencyException">A writer outside the cluster kept changing the account.</exception>
    public async Task<(CustomerAccount Account, int Issued)> IssueInterestInvoicesAsync(Actor actor, CustomerId customer, string number, LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        var outcome = await SendAsync(customer, new IssueInterestInvoicesCommand { Actor = Of(actor), Number = number, AsOf = asOf is { } a ? Wire.Date(a) : null }, cancellationToken).ConfigureAwait(false);
        return (outcome.Accounts()[0], outcome.Status);
    }

    /// <inheritdoc cref="CollectionService.CreateFollowUpAsync"/>
    public Task<CustomerAccount> CreateFollowUpAsync(Actor actor, CustomerId customer, FollowUpCreated followUp, CancellationToken cancellationToken = default) =>
        CollectionAsync(actor, customer, CollectionStep.CreateFollowUp, (followUp ?? throw new ArgumentNullException(nameof(followUp))).Id, null, Wire.Entry(followUp), 0, cancellationToken);

    /// <inheritdoc cref="CollectionService.CompleteFollowUpAsync"/>
    public Task<CustomerAccount> CompleteFollowUpAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId followUp, CancellationToken cancellationToken = default) =>
        CollectionAsync(actor, customer, CollectionStep.CompleteFollowUp, entryId, followUp, null, 0, cancellationToken);

    /// <inheritdoc cref="CollectionService.PinCommentAsync"/>
    public Task<CustomerAccount> PinCommentAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId? comment, CancellationToken cancellationToken = default) =>
        CollectionAsync(actor, customer, CollectionStep.PinComment, entryId, comment, null, 0, cancellationToken);

    /// <inheritdoc cref="CollectionService.RecordEmailStatusAsync"/>
    public Task<CustomerAccount> RecordEmailStatusAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId email, EmailStatus status, CancellationToken cancellationToken = default) =>
        CollectionAsync(actor, customer, CollectionStep.RecordEmailStatus, entryId, email, null, (int)status, cancellationToken);

    /// <inheritdoc cref="CollectionService.CloseHandOverAsync"/>
    public Task<CustomerAccount> CloseHandOverAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId caseId, HandOverOutcome outcome, CancellationToken cancellationToken = default) =>
        CollectionAsync(actor, customer, CollectionStep.CloseHandOver, entryId, caseId, null, (int)outcome, cancellationToken);

    /// <inheritdoc cref="CollectionService.ChangeMasterDataAsync"/>
    public Task<CustomerAccount> ChangeMasterDataAsync(Actor actor, CustomerId customer, EntryId entryId, CustomerMasterData masterData, CancellationToken cancellationToken = default) =>
        CollectionAsync(actor, customer, CollectionStep.ChangeMasterData, entryId, null, Wire.Entry(new MasterDataChanged(entryId, masterData ?? throw new ArgumentNullException(nameof(masterData)))), 0, cancellationToken);

    /// <inheritdoc cref="CollectionService.MakeAgreementAsync"/>
    public Task<CustomerAccount> MakeAgreementAsync(Actor actor, CustomerId customer, EntryId agreementId, IReadOnlyList<EntryId> items, PaymentAgreementTerms terms, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(terms);
        return AccountAsync(
            customer,
            new AgreementCommand { Actor = Of(actor), EntryId = agreementId.Value, Items = [.. items.Select(i => i.Value)], Terms = TermsData.Of(terms), Note = note },
            cancellationToken);
    }

    /// <inheritdoc cref="CollectionService.AmendAgreementAsync"/>
    public Task<CustomerAccount> AmendAgreementAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId agreement, PaymentAgreementTerms terms, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return AccountAsync(
            customer,
            new AgreementCommand { Actor = Of(actor), EntryId = entryId.Value, Agreement = agreement.Value, Terms = TermsData.Of(terms), Note = note },
            cancellationToken);
    }

    /// <inheritdoc cref="CollectionService.DeleteAgreementAsync"/>
    public Task<CustomerAccount> DeleteAgreementAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId agreement, string reason, CancellationToken cancellationToken = default) =>
        CollectionAsync(actor, customer, CollectionStep.DeleteAgreement, entryId, agreement, reason, 0, cancellationToken);

    /// <summary>
    /// Applies an incoming payment (<see cref="PaymentService.ApplyPaymentAsync"/>) in the grain of the account it came from;
    /// a payer's payment reaches the accounts of the customers it pays for through their grains (D19.22).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.RecordPayments"/> on every account concerned.</param>
    /// <param name="receivedFrom">The customer the payment came from.</param>
    /// <param name="payment">The payment.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>Applied, already applied or refused, and the accounts concerned afterwards.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="payment"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="receivedFrom"/> is <c>default</c>.</exception>
    /// <exception cref="AuthorizationException">The actor may not record payments on an account concerned.</exception>
    /// <exception cref="DuplicateEntryException">The payment id belongs to another entry or to a payment with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the accounts.</exception>
    public async Task<ClusterPaymentResult> ApplyPaymentAsync(Actor actor, CustomerId receivedFrom, IncomingPayment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var outcome = await SendAsync(receivedFrom, ApplyPaymentCommand.Of(Of(actor), payment), cancellationToken).ConfigureAwait(false);
        var refusal = outcome.Refusal is { } reason ? new PaymentRefusal((PaymentRefusalReason)reason, outcome.Message ?? string.Empty) : null;
        return new ClusterPaymentResult((PaymentStatus)outcome.Status, refusal, outcome.Accounts());
    }

    /// <summary>
    /// Records a returned direct debit or cheque (<see cref="PaymentService.ReturnPaymentAsync"/>) in the grain of the
    /// account the payment came from; the other accounts it was posted to are written through their grains (D19.22).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.RecordPayments"/> on every account touched.</param>
    /// <param name="receivedFrom">The customer the payment came from.</param>
    /// <param name="paymentReturn">What came back, when, and the fee.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>The accounts touched, afterwards. Recording the same return again changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="paymentReturn"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, no account concerned holds the payment, or the payment cannot be returned.</exception>
    /// <exception cref="AuthorizationException">The actor may not record payments on an account concerned.</exception>
    /// <exception cref="DuplicateEntryException">The return was recorded before with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the accounts.</exception>
    public async Task<IReadOnlyList<CustomerAccount>> ReturnPaymentAsync(Actor actor, CustomerId receivedFrom, PaymentReturn paymentReturn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paymentReturn);
        return (await SendAsync(receivedFrom, ReturnPaymentCommand.Of(Of(actor), paymentReturn), cancellationToken).ConfigureAwait(false)).Accounts();
    }

    /// <summary>
    /// Delegates a customer's open claims to its payer (<see cref="DelegationService.DelegateAsync"/>), run in the payer's
    /// grain; the customer's account is written through its grain (D19.22).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.PostDocuments"/> on both accounts.</param>
    /// <param name="customer">The customer whose claims move.</param>
    /// <param name="delegation">The delegation's id; its entries derive from it.</param>
    /// <param name="date">The day of the delegation.</param>
    /// <param name="reason">Why; mandatory.</param>
    /// <param name="items">The items delegated; every open claim when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>The customer's and the payer's accounts afterwards.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist or has no payer, an item is not an open claim, or nothing is open.</exception>
    /// <exception cref="AuthorizationException">The actor may not post on an account concerned.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the accounts.</exception>
    public async Task<(CustomerAccount Customer, CustomerAccount Payer)> DelegateAsync(Actor actor, CustomerId customer, EntryId delegation, LocalDate date, string reason, IReadOnlyList<EntryId>? items = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var command = new DelegateCommand { Actor = Of(actor), Customer = customer.Value, Delegation = delegation.Value, Date = Wire.Date(date), Reason = reason, Items = items?.Select(i => i.Value).ToArray() };
        var owner = await PayerOfAsync(customer, cancellationToken).ConfigureAwait(false) ?? customer;
        var accounts = (await SendAsync(owner, command, cancellationToken).ConfigureAwait(false)).Accounts();
        return (accounts[0], accounts[1]);
    }

    /// <summary>
    /// Cancels a dunning letter on every account it covers (<see cref="DunningService.CancelLetterAsync"/>), run in the
    /// grain of the letter's recipient (the payer among the accounts, or the one account); the others are written through
    /// their grains (D19.22).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> on every account.</param>
    /// <param name="letterId">The letter.</param>
    /// <param name="customers">The accounts the letter covers.</param>
    /// <param name="reason">Why; mandatory.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>A task that completes when the letter is cancelled on every account.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No account is named, an account does not exist or does not hold the letter, or a later letter dunned one of its installments again.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for an account; nothing was changed.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing an account.</exception>
    public async Task CancelLetterAsync(Actor actor, string letterId, IReadOnlyCollection<CustomerId> customers, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letterId);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(reason);
        if (customers.Count == 0)
        {
            throw new ArgumentException("A letter covers at least one account.", nameof(customers));
        }

        var command = new CancelLetterCommand { Actor = Of(actor), LetterId = letterId, Customers = [.. customers.Select(c => c.Value)], Reason = reason };
        var owner = customers.First();
        foreach (var customer in customers)
        {
            if (await PayerOfAsync(customer, cancellationToken).ConfigureAwait(false) is { } payer && customers.Contains(payer))
            {
                owner = payer;
                break;
            }
        }

        await SendAsync(owner, command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The payer the account's current settings name, read from its grain; <see langword="null"/> when none or the account does not exist.</summary>
    private async Task<CustomerId?> PayerOfAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        var page = await GrainRetry.RunAsync(() => Grain(customer).LoadAsync(), _options, cancellationToken).ConfigureAwait(false);
        var journal = page.ToJournal(customer);
        return journal.Count == 0 ? null : CustomerAccount.FromJournal(journal).Customer.Payer;
    }

    private Task<CustomerAccount> CollectionAsync(Actor actor, CustomerId customer, CollectionStep step, EntryId entryId, EntryId? target, string? text, int value, CancellationToken cancellationToken) =>
        AccountAsync(customer, new CollectionCommand { Actor = Of(actor), Step = step, EntryId = entryId.Value, Target = Wire.Id(target), Text = text, Value = value }, cancellationToken);

    private async Task<CustomerAccount> AccountAsync(CustomerId customer, AccountCommand command, CancellationToken cancellationToken) =>
        (await SendAsync(customer, command, cancellationToken).ConfigureAwait(false)).Accounts()[0];

    internal Task<CommandOutcome> SendAsync(CustomerId customer, AccountCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var grain = Grain(customer);
        return GrainRetry.RunAsync(async () => (await grain.ExecuteAsync(command).ConfigureAwait(false)).ThrowIfFaulted(), _options, cancellationToken);
    }

    private void CheckCompany(Customer customer, string parameterName)
    {
        if (customer.Company != _company)
        {
            throw new ArgumentException($"Customer '{customer.Id}' belongs to company '{customer.Company}'; these accounts are company '{_company}'s.", parameterName);
        }
    }

    private static ActorData Of(Actor actor) => ActorData.Of(actor ?? throw new ArgumentNullException(nameof(actor)));

    private ICustomerAccountGrain Grain(CustomerId customer) => _grains.GetGrain<ICustomerAccountGrain>(AccountGrainKey.Format(_company, customer));
}

/// <summary>The outcome of a payment applied in the cluster (<see cref="ClusterAccounts.ApplyPaymentAsync"/>).</summary>
public sealed class ClusterPaymentResult
{
    internal ClusterPaymentResult(PaymentStatus status, PaymentRefusal? refusal, IReadOnlyList<CustomerAccount> accounts)
    {
        Status = status;
        Refusal = refusal;
        Accounts = accounts;
    }

    /// <summary>Applied, already applied (a retry: nothing written again) or refused (nothing changed).</summary>
    public PaymentStatus Status { get; }

    /// <summary>Why the payment was refused, or <see langword="null"/>.</summary>
    public PaymentRefusal? Refusal { get; }

    /// <summary>The accounts concerned afterwards: the one the payment came from first, then the customers it pays for.</summary>
    public IReadOnlyList<CustomerAccount> Accounts { get; }
}
