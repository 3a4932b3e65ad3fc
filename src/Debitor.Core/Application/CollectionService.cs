using System.Security.Cryptography;
using Ardalis.GuardClauses;
using Debitor.Core.Agreements;
using Debitor.Core.Banking;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Files;
using Debitor.Core.FollowUps;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Collection work on a customer (R0.4, R0.5, R0.10, R0.12, R2.6): payment agreements with breach detection, hand-over to
/// a lawyer or collection agency, communication history, follow-ups and reminders, files, master data.
/// </summary>
/// <remarks>
/// Every change goes through <see cref="CustomerAccountService"/>: authorized, checked against the account before
/// anything changes, appended with optimistic concurrency. Thread-safe.
/// </remarks>
public sealed class CollectionService
{
    private readonly CustomerAccountService _accounts;
    private readonly ICustomerAccountStore _store;
    private readonly IInterestSchemeProvider _schemes;
    private readonly IVirusScanner _scanner;
    private readonly IFileStorage _files;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">The account use cases.</param>
    /// <param name="store">The account store (to list customers for due follow-ups).</param>
    /// <param name="schemes">Interest schemes (for claim summaries).</param>
    /// <param name="scanner">The virus scanner every file passes first.</param>
    /// <param name="files">Where files are stored.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CollectionService(CustomerAccountService accounts, ICustomerAccountStore store, IInterestSchemeProvider schemes, IVirusScanner scanner, IFileStorage files)
    {
        _accounts = Guard.Against.Null(accounts);
        _store = Guard.Against.Null(store);
        _schemes = Guard.Against.Null(schemes);
        _scanner = Guard.Against.Null(scanner);
        _files = Guard.Against.Null(files);
    }

    /// <summary>
    /// Makes a payment agreement for open items as of today. Agreed interest and a fee are posted as charges related to
    /// the first item and covered too, so the schedule adds up to what the covered items owe, to the cent.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="agreementId">The agreement's id; charges get <c>{id}/interest</c> and <c>{id}/fee</c>, the history entry <c>{id}/note</c>.</param>
    /// <param name="items">The open items covered.</param>
    /// <param name="terms">The plan.</param>
    /// <param name="note">A note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage agreements.</exception>
    /// <exception cref="ArgumentException">An item does not exist, is not open, is covered or handed over already; currencies differ; the terms do not fit.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> MakeAgreementAsync(Actor actor, CustomerId customer, EntryId agreementId, IReadOnlyList<EntryId> items, PaymentAgreementTerms terms, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(items);
        Guard.Against.Null(terms);
        await _accounts.AuthorizeAsync(actor, Permission.ManageAgreements, customer, cancellationToken).ConfigureAwait(false);
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var today = _accounts.Today;
        var open = items.Select(id => account.FindItem(id) ?? throw new ArgumentException($"Item '{id}' does not exist.", nameof(items))).ToList();
        if (open.Select(i => i.Currency).Distinct().Count() != 1)
        {
            throw new ArgumentException("The items are in different currencies.", nameof(items));
        }

        var principal = open.Skip(1).Aggregate(open[0].OpenAmount, (sum, i) => sum + i.OpenAmount);
        var schedule = AgreementPlanner.Schedule(principal, today, terms);
        var fee = terms.Fee ?? Money.Zero(principal.Currency);
        var interest = schedule.Skip(1).Aggregate(schedule[0].Amount, (sum, i) => sum + i.Amount) - principal - fee;
        var entries = new List<JournalEntry>();
        var covered = items.ToList();
        if (interest.IsPositive)
        {
            var id = Derived(agreementId, "interest");
            entries.Add(new ChargePosted(id, ChargeKind.Interest, agreementId.Value, today, schedule[^1].Date, interest, items[0]));
            covered.Add(id);
        }

        if (fee.IsPositive)
        {
            var id = Derived(agreementId, "fee");
            entries.Add(new ChargePosted(id, ChargeKind.Cost, agreementId.Value, today, schedule[0].Date, fee, items[0]));
            covered.Add(id);
        }

        entries.Add(new PaymentAgreementMade(agreementId, covered, today, schedule, terms.GraceDays, note));
        entries.Add(HistoryNotes.Note(Derived(agreementId, "note"), CommunicationKind.PaymentAgreement, JournalText.Of("history.agreement.made", JournalTextArgument.Of("count", schedule.Count)), note));
        return await _accounts.ExecuteAsync(actor, customer, Permission.ManageAgreements, entries, nameof(items), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks every active agreement of a customer against the payments received up to today; breaks those with an
    /// installment unpaid past its grace days. Their items return to dunning at the level they had.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The check of every agreement that was active.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage agreements.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<IReadOnlyList<AgreementCheck>> CheckAgreementsAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default)
    {
        await _accounts.AuthorizeAsync(actor, Permission.ManageAgreements, customer, cancellationToken).ConfigureAwait(false);
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var today = _accounts.Today;
        var checks = account.Agreements.Where(a => a.Status == AgreementStatus.Active).Select(a => AgreementMonitor.Check(account, a, today)).ToList();
        var entries = new List<JournalEntry>();
        foreach (var check in checks.Where(c => c.Health == AgreementHealth.Breached))
        {
            var id = Derived(check.Agreement, "broken");
            entries.Add(new PaymentAgreementBroken(id, check.Agreement, today, check.MissedInstallment!.Value));
            entries.Add(HistoryNotes.Note(Derived(id, "note"), CommunicationKind.PaymentAgreement, JournalText.Of("history.agreement.broken"), JournalText.Of("history.agreement.brokenText", JournalTextArgument.Of("installment", check.MissedInstallment.Value))));
        }

        if (entries.Count > 0)
        {
            await _accounts.ExecuteAsync(actor, customer, Permission.ManageAgreements, entries, nameof(customer), cancellationToken).ConfigureAwait(false);
        }

        return checks;
    }

    /// <summary>
    /// Changes an active agreement to a new plan (custom amounts, other dates or intervals), keeping its history: the new
    /// schedule is planned over the agreement's total from its date and posted as a <see cref="PaymentAgreementAmended"/>;
    /// the earlier schedules stay in the journal and in <see cref="PaymentAgreement.History"/>. Payments made so far count
    /// against the new schedule.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ManageAgreements"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The amendment's entry id.</param>
    /// <param name="agreement">The agreement.</param>
    /// <param name="terms">The new plan; no interest and no fee (they were charged when the agreement was made).</param>
    /// <param name="note">Why; mandatory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationException">The actor may not manage agreements.</exception>
    /// <exception cref="ArgumentException">There is no such active agreement, the note is empty, the terms carry interest or a fee,
    /// or the plan does not fit the agreement's total.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> AmendAgreementAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId agreement, PaymentAgreementTerms terms, string note, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(terms);
        if (terms.InterestPercent != 0m || terms.Fee is not null)
        {
            throw new ArgumentException("An amendment changes amounts and dates only; interest and fee were charged when the agreement was made.", nameof(terms));
        }

        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var found = account.Agreements.FirstOrDefault(a => a.Id == agreement && a.Status == AgreementStatus.Active)
            ?? throw new ArgumentException($"There is no active agreement '{agreement}'.", nameof(agreement));
        var schedule = AgreementPlanner.Schedule(found.Total, found.Origin.Date, terms);
        return await _accounts.ExecuteAsync(
            actor,
            customer,
            Permission.ManageAgreements,
            [new PaymentAgreementAmended(entryId, agreement, _accounts.Today, schedule, terms.GraceDays, note), HistoryNotes.Note(Derived(entryId, "note"), CommunicationKind.PaymentAgreement, JournalText.Of("history.agreement.changed", JournalTextArgument.Of("count", schedule.Count)), note)],
            nameof(terms),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an active agreement; its items return to dunning.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id.</param>
    /// <param name="agreement">The agreement.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage agreements.</exception>
    /// <exception cref="ArgumentException">There is no such active agreement, or the reason is empty.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> DeleteAgreementAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId agreement, string reason, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(
            actor,
            customer,
            Permission.ManageAgreements,
            [new PaymentAgreementDeleted(entryId, agreement, reason), HistoryNotes.Note(Derived(entryId, "note"), CommunicationKind.PaymentAgreement, JournalText.Of("history.agreement.deleted"), reason)],
            nameof(agreement),
            cancellationToken);

    /// <summary>The printable document of an agreement (R0.10).</summary>
    /// <param name="account">The account.</param>
    /// <param name="agreement">The agreement's id.</param>
    /// <returns>The document model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no such agreement.</exception>
    public static PaymentAgreementDocument AgreementDocument(CustomerAccount account, EntryId agreement)
    {
        Guard.Against.Null(account);
        var found = account.Agreements.FirstOrDefault(a => a.Id == agreement) ?? throw new ArgumentException($"There is no agreement '{agreement}'.", nameof(agreement));
        var items = found.Items.Select(id => account.FindItem(id)!).Select(i => new AgreementDocumentItem(i.Id, i.DocumentNumber, i.DueDate, i.OpenAmount)).ToList();
        return new PaymentAgreementDocument(found.Id, account.Customer, items, found.Schedule, found.Total);
    }

    /// <summary>Hands items over to a lawyer or collection agency as of today, and returns the document the recipient needs.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="caseId">The case's id; the history entry gets <c>{id}/note</c>.</param>
    /// <param name="items">The items.</param>
    /// <param name="to">Lawyer or collection agency.</param>
    /// <param name="recipient">Its name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The hand-over document: claim per item in §367 order (costs, interest, principal) and the documents.</returns>
    /// <exception cref="AuthorizationException">The actor may not hand over.</exception>
    /// <exception cref="ArgumentException">An item does not exist, is not open or is handed over already; currencies differ.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<HandOverDocument> HandOverAsync(Actor actor, CustomerId customer, EntryId caseId, IReadOnlyList<EntryId> items, HandOverKind to, string recipient, CancellationToken cancellationToken = default)
    {
        var handOver = new ItemsHandedOver(caseId, items, to, recipient, _accounts.Today);
        var subject = JournalText.Of(JournalText.EnumKey("history.handOver", to), JournalTextArgument.Of("recipient", recipient));
        var account = await _accounts.ExecuteAsync(
            actor,
            customer,
            Permission.HandOver,
            [handOver, HistoryNotes.Note(Derived(caseId, "note"), CommunicationKind.HandOver, subject, string.Join(", ", items))],
            nameof(items),
            cancellationToken).ConfigureAwait(false);
        var stored = (ItemsHandedOver)account.FindEntry(caseId)!;
        var scheme = await InterestSchemeRegistry.ForAsync(_schemes, account.Customer, cancellationToken).ConfigureAwait(false);
        return HandOverDocuments.Document(account, stored, scheme);
    }

    /// <summary>Closes a hand-over case; its items return to normal receivables management.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="outcome">Paid, written off or returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not hand over.</exception>
    /// <exception cref="ArgumentException">There is no open case with that id.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> CloseHandOverAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId caseId, HandOverOutcome outcome, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(actor, customer, Permission.HandOver, [new HandOverClosed(entryId, caseId, outcome, _accounts.Today)], nameof(caseId), cancellationToken);

    /// <summary>Moves an e-mail's status forward (sent → received → opened).</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id.</param>
    /// <param name="email">The e-mail's history entry.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not record communication.</exception>
    /// <exception cref="ArgumentException">No such e-mail, or the status would move backwards.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> RecordEmailStatusAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId email, EmailStatus status, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(actor, customer, Permission.RecordCommunication, [new EmailStatusChanged(entryId, email, status)], nameof(status), cancellationToken);

    /// <summary>Pins a comment on top of the history (replacing any other pin), or removes the pin.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id.</param>
    /// <param name="comment">The comment, or <see langword="null"/> to unpin.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not record communication.</exception>
    /// <exception cref="ArgumentException">No such comment.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> PinCommentAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId? comment, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(actor, customer, Permission.RecordCommunication, [new CommentPinned(entryId, comment)], nameof(comment), cancellationToken);

    /// <summary>Creates a follow-up, a reminder or an account-manager task; a task also notes the account manager in the history.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="followUp">The follow-up.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not record communication.</exception>
    /// <exception cref="ArgumentException">The subject is empty.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> CreateFollowUpAsync(Actor actor, CustomerId customer, FollowUpCreated followUp, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(followUp);
        List<JournalEntry> entries = [followUp];
        var kind = followUp.Kind switch
        {
            FollowUpKind.AccountManagerTask => CommunicationKind.AccountManagerNotice,
            FollowUpKind.Reminder => CommunicationKind.Reminder,
            _ => (CommunicationKind?)null,
        };
        if (kind is { } noted)
        {
            entries.Add(new CommunicationRecorded(Derived(followUp.Id, "note"), noted, followUp.Subject, HistoryNotes.Literal(FollowUpDue(followUp.DueDate))) { TextData = FollowUpDue(followUp.DueDate) });
        }

        return _accounts.ExecuteAsync(actor, customer, Permission.RecordCommunication, entries, nameof(followUp), cancellationToken);
    }

    /// <summary>Marks a follow-up done.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id.</param>
    /// <param name="followUp">The follow-up.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not record communication.</exception>
    /// <exception cref="ArgumentException">No such open follow-up.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> CompleteFollowUpAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId followUp, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(actor, customer, Permission.RecordCommunication, [new FollowUpDone(entryId, followUp)], nameof(followUp), cancellationToken);

    /// <summary>The open follow-ups due on or before a date, across all customers, oldest first: what the host delivers as reminders.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Customer and follow-up, by due date then customer. An account that cannot be read is reported to the
    /// <see cref="IAccountFaultLog"/> and left out.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    public async Task<IReadOnlyList<(CustomerId Customer, FollowUp FollowUp)>> DueFollowUpsAsync(Actor actor, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        var due = new List<(CustomerId, FollowUp)>();
        foreach (var account in await _accounts.PortfolioAsync(actor, nameof(DueFollowUpsAsync), cancellationToken).ConfigureAwait(false))
        {
            due.AddRange(account.FollowUps.Where(f => f.IsDueOn(asOf)).Select(f => (account.Id, f)));
        }

        return [.. due.OrderBy(d => d.Item2.DueDate).ThenBy(d => d.Item1.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Attaches a file (R0.5): it is scanned first; only a clean file is stored and recorded. An infected file, or a
    /// scanner that fails or cannot answer, stores nothing (fail closed) and the result says why.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id. The storage key is <c>{customer}/{entryId}/{sha256}</c>: content-addressed, so
    /// no attachment, retry or racing attempt ever overwrites bytes another journal entry refers to.</param>
    /// <param name="title">The title.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="contentType">The media type.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Stored with the file, or refused with the scan result.</returns>
    /// <exception cref="AuthorizationException">The actor may not attach files.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, or the title or file name is empty.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content; nothing is stored.
    /// The same file under the same id is a retry: it returns the recorded file and stores nothing again.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<FileAttachResult> AttachFileAsync(Actor actor, CustomerId customer, EntryId entryId, string title, string fileName, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(title);
        Guard.Against.NullOrWhiteSpace(fileName);
        Guard.Against.NullOrWhiteSpace(contentType);
        Guard.Against.Default(entryId);

        // Everything that can refuse the attachment is checked before the file reaches the scanner or the storage.
        await _accounts.AuthorizeAsync(actor, Permission.AttachFiles, customer, cancellationToken).ConfigureAwait(false);
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var file = new StoredFile(title, fileName, contentType, content.Length, sha256, $"{customer}/{entryId}/{sha256}");
        switch (account.FindEntry(entryId))
        {
            case FileAttached earlier when earlier.File == file:
                // A retry of an attachment that was recorded: the content is stored under its key already.
                return new FileAttachResult(file, ScanResult.Clean);
            case { }:
                // Refused before anything is written: the stored content and the journal's hash never disagree.
                throw new DuplicateEntryException(customer, entryId);
        }

        ScanResult scan;
        try
        {
            scan = await _scanner.ScanAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            scan = new ScanResult(ScanVerdict.Failed, exception.Message);
        }

        if (scan.Verdict != ScanVerdict.Clean)
        {
            return new FileAttachResult(null, scan);
        }

        await _files.StoreAsync(file.StorageKey, content, cancellationToken).ConfigureAwait(false);
        await _accounts.ExecuteAsync(actor, customer, Permission.AttachFiles, [new FileAttached(entryId, file)], nameof(content), cancellationToken).ConfigureAwait(false);
        return new FileAttachResult(file, scan);
    }

    /// <summary>Replaces the customer's master data.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id.</param>
    /// <param name="masterData">The new master data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage customers.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> ChangeMasterDataAsync(Actor actor, CustomerId customer, EntryId entryId, CustomerMasterData masterData, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(actor, customer, Permission.ManageCustomers, [new MasterDataChanged(entryId, Guard.Against.Null(masterData))], nameof(masterData), cancellationToken);

    /// <summary>A SEPA B2B direct-debit mandate form pre-filled for the customer (R0.14).</summary>
    /// <param name="account">The customer's account.</param>
    /// <param name="creditorName">Our company's name.</param>
    /// <param name="creditorId">Our SEPA creditor identifier.</param>
    /// <param name="mandateReference">The reference the new mandate will carry.</param>
    /// <returns>The form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A text is empty or the creditor id is <c>default</c>.</exception>
    public static SepaMandateForm MandateForm(CustomerAccount account, string creditorName, SepaCreditorId creditorId, string mandateReference)
    {
        Guard.Against.Null(account);
        Guard.Against.NullOrWhiteSpace(creditorName);
        Guard.Against.NullOrWhiteSpace(mandateReference);
        Guard.Against.Default(creditorId);
        var data = account.MasterData;
        var bank = data.BankAccounts.FirstOrDefault(b => b.Method == PaymentMethodKind.SepaDirectDebit && b.Iban is not null)
            ?? data.BankAccounts.FirstOrDefault(b => b.Iban is not null);
        return new SepaMandateForm(creditorName, creditorId, mandateReference, account.Customer.Name, data.DocumentAddress, bank?.Iban, bank?.Bic, SepaScheme.B2B);
    }

    private static EntryId Derived(EntryId id, string suffix) => new($"{id}/{suffix}");

    private static JournalText FollowUpDue(LocalDate date) => JournalText.Of("history.followUp.due", JournalTextArgument.Of("date", date));
}
