using Ardalis.GuardClauses;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Debitor.Core.Application;

/// <summary>
/// The use cases on a customer account: register, change settings, archive, delete, post ledger entries, pause,
/// resume and change due dates. Each checks authorization, validates everything against the current account
/// before anything changes, and appends through <see cref="ICustomerAccountStore"/> with optimistic concurrency.
/// </summary>
/// <remarks>
/// <para>Every method returns the account view after the change. Posting an entry whose id already exists with the
/// same content changes nothing and returns the current view; with different content it throws
/// <see cref="DuplicateEntryException"/>.</para>
/// <para>When another writer changed the account in between, the use case reloads, validates again and retries
/// up to <see cref="DebitorCoreOptions.MaxConcurrencyRetries"/> times before it throws <see cref="ConcurrencyException"/>.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class CustomerAccountService
{
    private readonly ICustomerAccountStore _store;
    private readonly IAuthorizationPort _authorization;
    private readonly IClock _clock;
    private readonly DebitorCoreOptions _options;
    private readonly ILogger _log = NullLogger.Instance;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="clock">The clock; "today" is its date in <see cref="DebitorCoreOptions.TimeZone"/>.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Accounts that portfolio-wide reads leave out are reported to a private in-memory log; use the overload with
    /// an <see cref="IAccountFaultLog"/> to see them.</remarks>
    public CustomerAccountService(ICustomerAccountStore store, IAuthorizationPort authorization, IClock clock, DebitorCoreOptions options)
        : this(store, authorization, clock, options, new InMemoryAccountFaultLog())
    {
    }

    /// <summary>Creates the service with a log for accounts that portfolio-wide reads leave out.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="clock">The clock; "today" is its date in <see cref="DebitorCoreOptions.TimeZone"/>.</param>
    /// <param name="options">The options.</param>
    /// <param name="faults">Where an account that cannot be read is reported (and left out of portfolio-wide reads).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CustomerAccountService(ICustomerAccountStore store, IAuthorizationPort authorization, IClock clock, DebitorCoreOptions options, IAccountFaultLog faults)
    {
        _store = Guard.Against.Null(store);
        _authorization = Guard.Against.Null(authorization);
        _clock = Guard.Against.Null(clock);
        _options = Guard.Against.Null(options);
        Faults = Guard.Against.Null(faults);
    }

    /// <summary>
    /// Creates the service like the constructor before, logging refused calls (<see cref="DebitorEventIds.AccessRefused"/>)
    /// and concurrency conflicts with their retries (<see cref="DebitorEventIds.ConcurrencyConflict"/>) of every use case
    /// that goes through it (accounts, payments, collections, interest, statements) to <paramref name="logger"/>; the
    /// constructor dependency injection uses. Events carry ids only, no names.
    /// </summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="clock">The clock; "today" is its date in <see cref="DebitorCoreOptions.TimeZone"/>.</param>
    /// <param name="options">The options.</param>
    /// <param name="faults">Where an account that cannot be read is reported (and left out of portfolio-wide reads).</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CustomerAccountService(ICustomerAccountStore store, IAuthorizationPort authorization, IClock clock, DebitorCoreOptions options, IAccountFaultLog faults, ILogger<CustomerAccountService> logger)
        : this(store, authorization, clock, options, faults) => _log = Guard.Against.Null(logger);

    /// <summary>Today in the company's time zone.</summary>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(_options.TimeZone).Date;

    /// <summary>The clock the use cases run on.</summary>
    internal IClock Clock => _clock;

    /// <summary>The account store (document delivery reads recipients from it).</summary>
    internal ICustomerAccountStore Store => _store;

    /// <summary>Where accounts left out of portfolio-wide reads are reported.</summary>
    internal IAccountFaultLog Faults { get; }

    /// <summary>Every readable account, ordered by id, each authorized for viewing; bad accounts are reported and left out.</summary>
    internal Task<List<CustomerAccount>> PortfolioAsync(Actor actor, CompanyId company, string operation, CancellationToken cancellationToken) =>
        Portfolio.LoadAllAsync(_store, Faults, operation, Guard.Against.Default(company, nameof(company)), customer => AuthorizeAsync(actor, Permission.ViewAccounts, customer, cancellationToken), cancellationToken);

    /// <summary>Loads an account.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account view.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The account does not exist.</exception>
    public async Task<CustomerAccount> GetAccountAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(actor, Permission.ViewAccounts, customer, cancellationToken).ConfigureAwait(false);
        return await LoadExistingAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a customer, creating its account.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new account.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage customers.</exception>
    /// <exception cref="ArgumentException">The payer does not exist, is archived or is the customer itself.</exception>
    /// <exception cref="DuplicateEntryException">The customer exists with other settings (the same settings are a no-op).</exception>
    public async Task<CustomerAccount> RegisterCustomerAsync(Actor actor, Customer customer, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(customer);
        await AuthorizeAsync(actor, Permission.ManageCustomers, customer.Id, cancellationToken).ConfigureAwait(false);
        var registration = Registration(customer);
        for (var attempt = 0; ; attempt++)
        {
            var journal = await _store.LoadAsync(customer.Id, cancellationToken).ConfigureAwait(false);
            if (journal.Count > 0)
            {
                var existing = CustomerAccount.FromJournal(journal);
                return journal[0].Entry.Equals(registration) ? existing : throw new DuplicateEntryException(customer.Id, registration.Id);
            }

            await CheckPayerAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false);
            var record = new JournalRecord(1, _clock.GetCurrentInstant(), actor.User, registration);
            try
            {
                await _store.AppendAsync(customer.Id, 0, [record], cancellationToken).ConfigureAwait(false);
                return CustomerAccount.FromJournal([record]);
            }
            catch (ConcurrencyException) when (attempt < _options.MaxConcurrencyRetries)
            {
                // Someone registered it meanwhile: load and compare.
            }
        }
    }

    /// <summary>Replaces a customer's settings.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="entryId">The change's entry id (makes retries safe).</param>
    /// <param name="settings">The new settings; same customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage customers.</exception>
    /// <exception cref="ArgumentException">The account does not exist, or the payer does not exist, is archived, is the customer itself or has the customer as its own payer.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> ChangeSettingsAsync(Actor actor, EntryId entryId, Customer settings, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(settings);

        // Authorize before any reference is looked up: an actor without the permission learns nothing about the payer.
        await AuthorizeAsync(actor, Permission.ManageCustomers, settings.Id, cancellationToken).ConfigureAwait(false);
        await CheckPayerAsync(settings, nameof(settings), cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(actor, settings.Id, Permission.ManageCustomers, [new CustomerSettingsChanged(entryId, settings)], nameof(settings), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Archives a customer (R1.2): it keeps its history and open items but takes no new documents.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The entry id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage customers.</exception>
    /// <exception cref="ArgumentException">The account does not exist or the reason is empty.</exception>
    /// <exception cref="CustomerArchivedException">It is archived already.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> ArchiveCustomerAsync(Actor actor, CustomerId customer, EntryId entryId, string reason, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, customer, Permission.ManageCustomers, [new CustomerArchived(entryId, reason)], nameof(reason), cancellationToken);

    /// <summary>Deletes a customer that never had an invoice, credit note, charge or payment (R1.2).</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the customer is gone.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage customers.</exception>
    /// <exception cref="ArgumentException">The account does not exist.</exception>
    /// <exception cref="CustomerNotDeletableException">Something was posted: archive the customer instead.</exception>
    /// <exception cref="ConcurrencyException">Another writer changed the account in between.</exception>
    public async Task DeleteCustomerAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default)
    {
        await AuthorizeAsync(actor, Permission.ManageCustomers, customer, cancellationToken).ConfigureAwait(false);
        var account = await LoadExistingAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false);
        if (account.Items.Count > 0)
        {
            throw new CustomerNotDeletableException(customer);
        }

        await _store.DeleteAsync(customer, account.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts ledger entries — invoices, credit notes, charges, payments, applications, write-offs, refunds, returned
    /// payments and reversals — atomically: all or none.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entries">The entries, checked in order; a later entry may use an earlier one (a payment and its applications).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor lacks the permission for one of the entries (and, when
    /// <see cref="PaymentOptions.ApplyCreditNotesToRelatedItem"/> applies a credit note, <see cref="Permission.RecordPayments"/>).</exception>
    /// <exception cref="ArgumentException">The account does not exist, or an entry does not fit it (unknown item, amount too large,
    /// currency mismatch, installments not adding up, …), or an entry kind has its own use case (pause, due date, settings).</exception>
    /// <exception cref="DuplicateEntryException">An entry id exists with other content.</exception>
    /// <exception cref="CustomerArchivedException">A new document for an archived customer.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> PostAllAsync(Actor actor, CustomerId customer, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(entries);
        foreach (var permission in entries.Select(e => PermissionFor(e, nameof(entries))).Distinct())
        {
            await AuthorizeAsync(actor, permission, customer, cancellationToken).ConfigureAwait(false);
        }

        if (AppliesCreditNotes(entries))
        {
            // D14.7: the credit note and its application to the invoice it names go in one append.
            await AuthorizeAsync(actor, Permission.RecordPayments, customer, cancellationToken).ConfigureAwait(false);
            return await ExecuteComputedAsync(actor, customer, null, (account, now) => CreditNoteAutoApplication.With(account, entries, now, actor.User, _options, nameof(entries)), nameof(entries), cancellationToken).ConfigureAwait(false);
        }

        return await ExecuteAsync(actor, customer, null, entries, nameof(entries), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts one ledger entry. See <see cref="PostAllAsync"/>.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor lacks the permission for the entry.</exception>
    /// <exception cref="ArgumentException">The account does not exist or the entry does not fit it.</exception>
    /// <exception cref="DuplicateEntryException">The entry id exists with other content.</exception>
    /// <exception cref="CustomerArchivedException">A new document for an archived customer.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> PostAsync(Actor actor, CustomerId customer, JournalEntry entry, CancellationToken cancellationToken = default) =>
        PostAllAsync(actor, customer, [Guard.Against.Null(entry)], cancellationToken);

    /// <summary>Reverses an entry as of today (German <em>Storno</em>).</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The reversal's entry id.</param>
    /// <param name="target">The entry to reverse.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not reverse entries.</exception>
    /// <exception cref="ArgumentException">The target does not exist, is reversed already, still has applications, or cannot be reversed.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> ReverseAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId target, string reason, CancellationToken cancellationToken = default) =>
        PostAsync(actor, customer, new EntryReversed(entryId, target, Today, reason), cancellationToken);

    /// <summary>Pauses an open item (R0.7), optionally until a date, and records it in the communication history.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The pause's entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="item">The item.</param>
    /// <param name="reason">Why.</param>
    /// <param name="until">The last paused day (inclusive), or <see langword="null"/> until resumed; not before today.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not pause items.</exception>
    /// <exception cref="ArgumentException">The item does not exist, is not open, is paused already, the reason is empty or <paramref name="until"/> is in the past.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> PauseItemAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, string reason, LocalDate? until = null, CancellationToken cancellationToken = default)
    {
        var subject = until is { } last ? JournalText.Of("history.pause.until", JournalTextArgument.Of("until", last)) : JournalText.Of("history.pause");
        return ExecuteAsync(
            actor,
            customer,
            Permission.PauseItems,
            [new ItemPaused(entryId, item, reason, until), Note(entryId, CommunicationKind.Pause, subject, reason, item)],
            nameof(item),
            cancellationToken);
    }

    /// <summary>Ends the pause of an item and records it in the communication history.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="item">The item.</param>
    /// <param name="note">An optional note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not pause items.</exception>
    /// <exception cref="ArgumentException">The item does not exist or is not paused.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> ResumeItemAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, string? note = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            actor,
            customer,
            Permission.PauseItems,
            [new ItemResumed(entryId, item, note), Note(entryId, CommunicationKind.Pause, JournalText.Of("history.pause.ended"), note, item)],
            nameof(item),
            cancellationToken);

    /// <summary>
    /// Gives an open item of a single installment a new due date (R0.8) and records the change, with its note and the old
    /// and new date, in the communication history. An item of several installments is refused: name the installments
    /// moved, or change the whole invoice explicitly with <see cref="ChangeItemDueDateAsync"/>.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="item">The item.</param>
    /// <param name="newDueDate">The new due date.</param>
    /// <param name="note">Why; mandatory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not change due dates.</exception>
    /// <exception cref="ArgumentException">The item does not exist, is not open or has several installments, or the note is empty.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> ChangeDueDateAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, LocalDate newDueDate, string note, CancellationToken cancellationToken = default)
    {
        RequireNote(note);
        var current = await GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        if (current.FindItem(item) is { Installments.Count: > 1 } several)
        {
            throw new ArgumentException(
                $"Item '{item}' has {several.Installments.Count} installments: name the installments to move, or change the whole invoice explicitly.",
                nameof(item));
        }

        return await ChangeAsync(actor, current, entryId, item, [1], newDueDate, note, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives installments of one open item a new due date (R0.8), moving exactly those named and no other, and records the
    /// change, with its note and the old and new date of each installment, in the communication history.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="installments">The installments moved: at least one, all of one item, each once.</param>
    /// <param name="newDueDate">The new due date.</param>
    /// <param name="note">Why; mandatory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not change due dates.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="installments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No installment is named, they belong to several items, an installment does not
    /// exist, the item is not open, or the note is empty.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> ChangeInstallmentDueDateAsync(Actor actor, CustomerId customer, EntryId entryId, IReadOnlyCollection<InstallmentRef> installments, LocalDate newDueDate, string note, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(installments);
        RequireNote(note);
        var item = installments.First().Item;
        if (installments.Any(i => i.Item != item))
        {
            throw new ArgumentException("A due-date change moves installments of one item.", nameof(installments));
        }

        var current = await GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(actor, current, entryId, item, [.. installments.Select(i => i.Number)], newDueDate, note, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives every installment of an open item a new due date (R0.8) — the whole invoice, asked for explicitly — and records
    /// the change, with its note and the old and new date of each installment, in the communication history.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="item">The item.</param>
    /// <param name="newDueDate">The new due date of every installment.</param>
    /// <param name="note">Why; mandatory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not change due dates.</exception>
    /// <exception cref="ArgumentException">The item does not exist or is not open, or the note is empty.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> ChangeItemDueDateAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId item, LocalDate newDueDate, string note, CancellationToken cancellationToken = default)
    {
        RequireNote(note);
        var current = await GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(actor, current, entryId, item, [], newDueDate, note, cancellationToken).ConfigureAwait(false);
    }

    private static void RequireNote(string note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A note is mandatory when a due date is changed (R0.8).", nameof(note));
        }
    }

    /// <summary>
    /// Writes a due-date change of the installments named (none: every installment) with a history note naming old and
    /// new date of each. The note is computed in each attempt from the account the change is appended to, so it names
    /// the due dates the change replaced even when another writer moved them in between; the same change again (a retry)
    /// writes nothing.
    /// </summary>
    private Task<CustomerAccount> ChangeAsync(Actor actor, CustomerAccount current, EntryId entryId, EntryId item, int[] numbers, LocalDate newDueDate, string note, CancellationToken cancellationToken)
    {
        var entry = new DueDateChanged(entryId, item, newDueDate, note) { Installments = numbers };
        return ExecuteComputedAsync(
            actor,
            current.Id,
            Permission.ChangeDueDates,
            (account, _) => account.FindEntry(entryId) is { } recorded && recorded.Equals(entry)
                ? []
                : [entry, Note(entryId, CommunicationKind.DueDateChange, DueDateSubject(account.FindItem(item), numbers, newDueDate), note, item)],
            nameof(item),
            cancellationToken);
    }

    private static JournalText DueDateSubject(OpenItem? found, int[] numbers, LocalDate newDueDate)
    {
        var moved = found is null ? [] : found.Installments.Where(i => numbers.Length == 0 || numbers.Contains(i.Number)).ToList();
        var whole = found is not null && moved.Count == found.Installments.Count;
        var to = JournalTextArgument.Of("to", newDueDate);
        return found is null
            ? JournalText.Of("history.dueDate.changedTo", to)
            : whole && moved.Select(i => i.DueDate).Distinct().Count() == 1
                ? JournalText.Of("history.dueDate.changed", JournalTextArgument.Of("from", moved[0].DueDate), to)
                : JournalText.Of(
                    "history.dueDate.installments",
                    JournalTextArgument.Of("document", found.DocumentNumber),
                    JournalTextArgument.Of("changes", moved.Select(i => JournalText.Of(
                        "history.dueDate.installment",
                        JournalTextArgument.Of("installment", [JournalText.Of(JournalText.EnumKey("history.installment", i.Kind), JournalTextArgument.Of("number", i.Number))]),
                        JournalTextArgument.Of("from", i.DueDate),
                        to))));
    }

    /// <summary>Records a communication-history entry (R0.4): a call, a comment, a letter, …</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The account.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not record communication.</exception>
    /// <exception cref="ArgumentException">The account or the item does not exist, or the subject is empty.</exception>
    /// <exception cref="DuplicateEntryException">The entry id exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> RecordCommunicationAsync(Actor actor, CustomerId customer, CommunicationRecorded entry, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, customer, Permission.RecordCommunication, [Guard.Against.Null(entry)], nameof(entry), cancellationToken);

    /// <summary>
    /// Applies a credit note to an installment with the payment tolerance in both directions (R3.2, see
    /// <see cref="Payments.CreditNoteApplication"/>), under <see cref="PaymentOptions.Allocation"/>.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.RecordPayments"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The application's entry id (write-offs derive from it).</param>
    /// <param name="creditNote">The credit note.</param>
    /// <param name="target">The installment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not record payments.</exception>
    /// <exception cref="ArgumentException">The account, the credit note or the installment does not fit (see <see cref="Payments.CreditNoteApplication.Plan"/>).</exception>
    /// <exception cref="DuplicateEntryException">The entry id exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CustomerAccount> ApplyCreditNoteAsync(Actor actor, CustomerId customer, EntryId entryId, EntryId creditNote, InstallmentRef target, CancellationToken cancellationToken = default)
    {
        var account = await GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        if (account.FindEntry(entryId) is PaymentApplied)
        {
            return account;
        }

        var entries = Payments.CreditNoteApplication.Plan(account, entryId, creditNote, target, Today, _options.Payments.Allocation);
        return await ExecuteAsync(actor, customer, Permission.RecordPayments, entries, nameof(creditNote), cancellationToken).ConfigureAwait(false);
    }

    private static CommunicationRecorded Note(EntryId entryId, CommunicationKind kind, JournalText subject, string? text, EntryId item) =>
        HistoryNotes.Note(new EntryId((entryId.Value ?? string.Empty) + "/note"), kind, subject, text, item);

    private static Permission PermissionFor(JournalEntry? entry, string parameterName) => entry switch
    {
        InvoicePosted or ChargePosted or CreditNotePosted => Permission.PostDocuments,
        PaymentReceived or PaymentApplied or RefundPosted or PaymentReturned => Permission.RecordPayments,
        WriteOffPosted or CreditWrittenOff => Permission.WriteOff,
        EntryReversed => Permission.Reverse,
        null => throw new ArgumentException("An entry is missing (null).", parameterName),
        _ => throw new ArgumentException($"{entry.GetType().Name} has its own use case; post ledger entries only.", parameterName),
    };

    /// <summary>Authorizes, checks the entries against the current account and appends them, retrying on concurrency conflicts.</summary>
    internal async Task<CustomerAccount> ExecuteAsync(
        Actor actor,
        CustomerId customer,
        Permission? permission,
        IReadOnlyList<JournalEntry> entries,
        string parameterName,
        CancellationToken cancellationToken)
    {
        Guard.Against.Default(customer, nameof(customer));
        if (permission is { } required)
        {
            await AuthorizeAsync(actor, required, customer, cancellationToken).ConfigureAwait(false);
        }

        return await ExecuteCoreAsync(actor, customer, null, null, entries, parameterName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Authorizes, then on each attempt loads the account, computes the entries from it (and the one clock reading the
    /// attempt uses), checks and appends them, retrying on concurrency conflicts. Everything written is computed from
    /// the state it is appended to; no entries means nothing to do.
    /// </summary>
    internal Task<CustomerAccount> ExecuteComputedAsync(
        Actor actor,
        CustomerId customer,
        Permission? permission,
        Func<CustomerAccount, Instant, IReadOnlyList<JournalEntry>> compute,
        string parameterName,
        CancellationToken cancellationToken) =>
        ExecuteCoreAsync(actor, customer, permission, compute, null, parameterName, cancellationToken);

    /// <summary>
    /// The retry loop of <see cref="ExecuteComputedAsync"/> and <see cref="ExecuteAsync"/>. Entries fixed in advance are
    /// checked and appended on a projection replayed once from the loaded journal (D16.84); computed entries see an
    /// account view of their own, which the append leaves untouched.
    /// </summary>
    private async Task<CustomerAccount> ExecuteCoreAsync(
        Actor actor,
        CustomerId customer,
        Permission? permission,
        Func<CustomerAccount, Instant, IReadOnlyList<JournalEntry>>? compute,
        IReadOnlyList<JournalEntry>? fixedEntries,
        string parameterName,
        CancellationToken cancellationToken)
    {
        Guard.Against.Default(customer, nameof(customer));
        if (permission is { } required)
        {
            await AuthorizeAsync(actor, required, customer, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            var loaded = await LoadCurrentAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false);
            var journal = loaded.Journal!;
            var now = _clock.GetCurrentInstant();
            var account = compute is null ? null : CustomerAccount.FromJournal(journal);
            var entries = compute is null ? fixedEntries! : compute(account!, now);
            var appender = account is null ? new AccountProjection.Appender(journal) : new AccountProjection.Appender(account);
            if (entries.Count == 0)
            {
                return account ?? appender.Freeze();
            }

            var appended = appender.Append(entries, now, actor.User, now.InZone(_options.TimeZone).Date, parameterName);
            if (appended.Count == 0)
            {
                return account ?? appender.Freeze();
            }

            try
            {
                await _store.AppendAsync(customer, journal.Count, appended, cancellationToken).ConfigureAwait(false);
                return Appended(customer, loaded, appender.Freeze());
            }
            catch (ConcurrencyException) when (DebitorDiagnostics.Conflict(_log, "accounts", customer, attempt, attempt < _options.MaxConcurrencyRetries) && attempt < _options.MaxConcurrencyRetries)
            {
                // Another writer came first: load again, compute and check everything again.
            }
        }
    }

    /// <summary>Loads an existing account without an authorization check (the caller has authorized already).</summary>
    internal Task<CustomerAccount> LoadAsync(CustomerId customer, string parameterName, CancellationToken cancellationToken) =>
        LoadExistingAsync(customer, parameterName, cancellationToken);

    private async Task<CustomerAccount> LoadExistingAsync(CustomerId customer, string parameterName, CancellationToken cancellationToken) =>
        CustomerAccount.FromJournal((await LoadCurrentAsync(customer, parameterName, cancellationToken).ConfigureAwait(false)).Journal!);

    /// <summary>The journal of an existing account.</summary>
    private async Task<IReadOnlyList<JournalRecord>> LoadJournalAsync(CustomerId customer, string parameterName, CancellationToken cancellationToken)
    {
        Guard.Against.Default(customer, parameterName);
        var journal = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        return journal.Count > 0 ? journal : throw NoSuchCustomer(customer, parameterName);
    }

    private async Task CheckPayerAsync(Customer customer, string parameterName, CancellationToken cancellationToken)
    {
        var journal = customer.Payer is { } payer && payer != customer.Id ? await _store.LoadAsync(payer, cancellationToken).ConfigureAwait(false) : [];
        CheckPayer(customer, parameterName, journal.Count == 0 ? null : CustomerAccount.FromJournal(journal));
    }

    /// <summary>Throws <see cref="AuthorizationException"/> unless the actor has the permission for the account.</summary>
    internal async Task AuthorizeAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken)
    {
        Guard.Against.Null(actor);
        if (!await _authorization.IsAllowedAsync(actor, permission, customer, cancellationToken).ConfigureAwait(false))
        {
            DebitorDiagnostics.Refused(_log, actor, permission, customer);
            throw new AuthorizationException(actor.User, permission, customer);
        }
    }
}
