using Ardalis.GuardClauses;
using Debitor.Core.Communication;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Debitor.Core.Application;

/// <summary>
/// Dunning runs (R4.7, R4.8): preview a run, process a previewed proposal, cancel an issued letter, and explain where
/// a customer's items stand.
/// </summary>
/// <remarks>
/// <para><b>Preview</b> loads the accounts and the company's settings and calls <c>DunningEngine.Preview</c>;
/// nothing changes.</para>
/// <para><b>Process</b> loads the accounts again and re-checks every previewed notice against the current ledger: an
/// installment that was paid, changed, dunned or excluded in between is dropped (and reported in
/// <see cref="DunningRunResult.Removed"/>), and no notice the preview did not show is added. It then appends the notices,
/// the fees when the run posts them, and communication-history entries, account by account with optimistic concurrency,
/// and hands each letter to <see cref="IDunningLetterOutput"/>. Every entry id derives from the run, the letter and the
/// installment: processing the same proposal twice issues nothing twice.</para>
/// <para>Only actors with <see cref="Permission.ProcessDunning"/> (accountants and supervisors, R4.8) may process or
/// cancel; every account concerned is authorized before anything changes.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class DunningService
{
    private readonly ICustomerAccountStore _store;
    private readonly IAuthorizationPort _authorization;
    private readonly IDunningSettingsProvider _settings;
    private readonly IInterestSchemeProvider _interestSchemes;
    private readonly DocumentDelivery _delivery;
    private readonly IAccountFaultLog _faults;
    private readonly IClock _clock;
    private readonly DebitorCoreOptions _options;
    private readonly ILogger _log = NullLogger.Instance;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="settings">The dunning settings per company.</param>
    /// <param name="interestSchemes">The interest schemes per company: the one source letters, interest invoices, statements and the headline share.</param>
    /// <param name="output">Where issued letters go.</param>
    /// <param name="clock">The clock; it stamps the entries and gives "today" for cancellations.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DunningService(
        ICustomerAccountStore store,
        IAuthorizationPort authorization,
        IDunningSettingsProvider settings,
        IInterestSchemeProvider interestSchemes,
        IDunningLetterOutput output,
        IClock clock,
        DebitorCoreOptions options)
        : this(store, authorization, settings, interestSchemes, output, clock, options, new InMemoryDocumentOutbox(), new InMemoryAccountFaultLog())
    {
    }

    /// <summary>
    /// Creates the service with the host's outbox (issued letters wait there until the output took them) and fault log (an
    /// account a company-wide run cannot read is reported there and left out; the run goes on).
    /// </summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="settings">The dunning settings per company.</param>
    /// <param name="interestSchemes">The interest schemes per company.</param>
    /// <param name="output">Where issued letters go.</param>
    /// <param name="clock">The clock; it stamps the entries and gives "today" for cancellations.</param>
    /// <param name="options">The options.</param>
    /// <param name="outbox">Where letters wait until <paramref name="output"/> took them (see <see cref="DocumentDelivery"/>).</param>
    /// <param name="faults">Where accounts a run cannot read are reported.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DunningService(
        ICustomerAccountStore store,
        IAuthorizationPort authorization,
        IDunningSettingsProvider settings,
        IInterestSchemeProvider interestSchemes,
        IDunningLetterOutput output,
        IClock clock,
        DebitorCoreOptions options,
        IDocumentOutbox outbox,
        IAccountFaultLog faults)
    {
        _faults = Guard.Against.Null(faults);
        _store = Guard.Against.Null(store);
        _authorization = Guard.Against.Null(authorization);
        _settings = Guard.Against.Null(settings);
        _interestSchemes = Guard.Against.Null(interestSchemes);
        _clock = Guard.Against.Null(clock);
        _options = Guard.Against.Null(options);
        _delivery = new DocumentDelivery(Guard.Against.Null(outbox), clock, null, Guard.Against.Null(output));
    }

    /// <summary>Creates the service with a renderer: every issued letter reaches <paramref name="output"/> rendered, with its medium (R3.5).</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="settings">The dunning settings per company.</param>
    /// <param name="interestSchemes">The interest schemes per company.</param>
    /// <param name="output">Where issued letters go (<see cref="IDunningLetterOutput.DeliverAsync(DunningLetter, Documents.OutgoingDocument, CancellationToken)"/>).</param>
    /// <param name="clock">The clock; it stamps the entries and gives "today" for cancellations.</param>
    /// <param name="options">The options.</param>
    /// <param name="outbox">Where letters wait until <paramref name="output"/> took them (see <see cref="DocumentDelivery"/>).</param>
    /// <param name="faults">Where accounts a run cannot read are reported.</param>
    /// <param name="renderer">Renders each letter on delivery (e.g. to PDF with Debitor.Core.Documents).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DunningService(
        ICustomerAccountStore store,
        IAuthorizationPort authorization,
        IDunningSettingsProvider settings,
        IInterestSchemeProvider interestSchemes,
        IDunningLetterOutput output,
        IClock clock,
        DebitorCoreOptions options,
        IDocumentOutbox outbox,
        IAccountFaultLog faults,
        IDocumentRenderer renderer)
        : this(store, authorization, settings, interestSchemes, output, clock, options, outbox, faults)
    {
        _delivery = new DocumentDelivery(outbox, clock, null, output, Guard.Against.Null(renderer), store);
    }

    /// <summary>
    /// Creates the service with the host's outbox, fault log, renderer and letter-number sequence, logging its events
    /// (<see cref="DebitorEventIds"/>) to <paramref name="logger"/>; the constructor dependency injection uses.
    /// </summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="settings">The dunning settings per company.</param>
    /// <param name="interestSchemes">The interest schemes per company.</param>
    /// <param name="output">Where issued letters go.</param>
    /// <param name="clock">The clock; it stamps the entries and gives "today" for cancellations.</param>
    /// <param name="options">The options.</param>
    /// <param name="outbox">Where letters wait until <paramref name="output"/> took them.</param>
    /// <param name="faults">Where accounts a run cannot read are reported.</param>
    /// <param name="renderer">Renders each letter on delivery.</param>
    /// <param name="letterNumbers">Where letter numbers come from (sequential and gap-free per company and year).</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DunningService(
        ICustomerAccountStore store,
        IAuthorizationPort authorization,
        IDunningSettingsProvider settings,
        IInterestSchemeProvider interestSchemes,
        IDunningLetterOutput output,
        IClock clock,
        DebitorCoreOptions options,
        IDocumentOutbox outbox,
        IAccountFaultLog faults,
        IDocumentRenderer renderer,
        ILetterNumberSequence letterNumbers,
        ILogger<DunningService> logger)
        : this(store, authorization, settings, interestSchemes, output, clock, options, outbox, faults, renderer, letterNumbers) => _log = Guard.Against.Null(logger);

    private LocalDate Today => _clock.GetCurrentInstant().InZone(_options.TimeZone).Date;

    /// <summary>Previews a run: the full proposal, changing nothing.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="request">The run date and filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proposal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The run is for one customer, and that customer does not exist.</exception>
    /// <exception cref="AuthorizationException">The actor may not preview dunning for an account in scope.</exception>
    public async Task<DunningProposal> PreviewAsync(Actor actor, DunningRunRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.Null(request);
        using var activity = DebitorDiagnostics.StartRun("debitor.dunning.preview", request);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (request.Customer is { } only)
        {
            // Authorize before the customer is looked up, so a refused actor never learns whether it exists (issue 12, defect 8).
            await AuthorizeAsync(actor, Permission.PreviewDunning, only, cancellationToken).ConfigureAwait(false);
        }

        var unreadable = new List<CorruptJournalException>();
        var (context, accounts, heads) = await LoadAsync(request, cancellationToken, unreadable).ConfigureAwait(false);
        var proposal = await PreviewLoadedAsync(actor, context, accounts, unreadable, cancellationToken).ConfigureAwait(false);
        KeepViews(proposal.Request, accounts, heads);
        DebitorDiagnostics.Previewed(_log, proposal, started, activity);
        return proposal;
    }

    /// <summary>Issues a previewed proposal.</summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> (R4.8).</param>
    /// <param name="proposal">The proposal from <see cref="PreviewAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call between accounts; what was appended stays appended.</param>
    /// <returns>The letters issued and the previewed notices that were not.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The run is for one customer, and that customer does not exist; or its run date is
    /// not the processing day and the run carries no <see cref="DunningRunRequest.RunDateOverride"/> (see
    /// <see cref="ProcessApprovalAsync"/>); nothing was changed.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for an account concerned, or the run
    /// overrides its run date and the actor lacks <see cref="Permission.ProcessBackDatedRuns"/>; nothing was changed.</exception>
    public Task<DunningRunResult> ProcessAsync(Actor actor, DunningProposal proposal, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        return ProcessApprovalAsync(actor, DunningApproval.Of(Guard.Against.Null(proposal)), cancellationToken);
    }

    /// <summary>
    /// Issues the approved notices of a proposal, possibly saved and processed later in another process (D14.6). The run
    /// date is the processing day (in the company's time zone): a proposal previewed for the day it was previewed on and
    /// processed on a later day is re-checked as of the processing day. Any other run date needs
    /// <see cref="DunningRunRequest.RunDateOverride"/> and <see cref="Permission.ProcessBackDatedRuns"/>, and is recorded
    /// on every account written to (D12.23).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> (R4.8).</param>
    /// <param name="approval">The approved notices (<see cref="DunningApproval.Of"/>, <see cref="DunningApproval.FromJson"/>).</param>
    /// <param name="cancellationToken">Cancels the call between accounts; what was appended stays appended.</param>
    /// <returns>The letters issued and the approved notices that were not.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The run is for one customer, and that customer does not exist; or its run date is
    /// not the processing day and the run carries no <see cref="DunningRunRequest.RunDateOverride"/>; nothing was changed.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for an account concerned, or the run
    /// overrides its run date and the actor lacks <see cref="Permission.ProcessBackDatedRuns"/>; nothing was changed.</exception>
    public async Task<DunningRunResult> ProcessApprovalAsync(Actor actor, DunningApproval approval, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.Null(approval);
        var concerned = Concerned(approval.Notices);
        foreach (var customer in concerned)
        {
            await AuthorizeAsync(actor, Permission.ProcessDunning, customer, cancellationToken).ConfigureAwait(false);
        }

        var (request, runDateOverride) = RunDate(approval, Today);
        if (runDateOverride is not null)
        {
            foreach (var customer in concerned)
            {
                await AuthorizeAsync(actor, Permission.ProcessBackDatedRuns, customer, cancellationToken).ConfigureAwait(false);
            }
        }

        using var activity = DebitorDiagnostics.StartRun("debitor.dunning.process", request);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var unreadable = new List<CorruptJournalException>();
        var (context, loaded, heads) = await LoadForProcessingAsync(approval.Request, request, unreadable, cancellationToken).ConfigureAwait(false);

        // Only the approved notices may be issued, so only the accounts connected to theirs by payer routing can get a
        // letter: the run and the processing take those (D13.141). They are processed slice by slice (D16.250): the
        // accounts joined by payer routing first run together, so that every account a letter names is authorized before
        // anything changes; the others, each a part of its own, run and are issued a slice at a time.
        var (joined, alone) = ConcernedAccounts.Partition(ConcernedAccounts.Of(loaded, concerned));
        loaded = [];
        var removals = new Removals(approval.Notices);
        var approvedJoined = removals.NoticesOn(joined);
        var filter = NoticeFilter.From(approvedJoined, approvedJoined.Count);
        var together = DunningEngine.Run(context, joined, filter, 1);
        foreach (var customer in AccountsOf(together.Letters))
        {
            await AuthorizeAsync(actor, Permission.ProcessDunning, customer, cancellationToken).ConfigureAwait(false);
            if (runDateOverride is not null)
            {
                await AuthorizeAsync(actor, Permission.ProcessBackDatedRuns, customer, cancellationToken).ConfigureAwait(false);
            }
        }

        var removed = new List<RemovedLine>();
        var run = new Processing(actor, context, filter, joined.ToDictionary(a => a.Id), heads, removed, runDateOverride);
        var issued = await IssueInSlicesAsync(run, together, alone, removals, approvedJoined, cancellationToken).ConfigureAwait(false);

        removed.AddRange(removals.Lines());
        var result = new DunningRunResult(request.RunId, issued, removed.DistinctBy(r => (r.Customer, r.Installment)).ToList()) { UnreadableAccounts = unreadable.AsReadOnly() };
        DebitorDiagnostics.Processed(_log, request, result, started, activity);
        return result;
    }

    /// <summary>
    /// Cancels an issued letter: every account on it gets a cancellation that restores the levels its installments had
    /// before the letter; dunning fees the letter posted are reversed unless something was already paid on them; the
    /// cancellation is recorded in the communication history.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/>.</param>
    /// <param name="letterId">The letter's id (<see cref="DunningLetter.Id"/>).</param>
    /// <param name="customers">The accounts on the letter: <see cref="DunningLetter.Customers"/> and the recipient.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call between accounts.</param>
    /// <returns>A task that completes when the letter is cancelled on every account. Cancelling again changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="letterId"/> or <paramref name="customers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reason or letter id is empty, no account is named, an account does not exist,
    /// no account holds the letter, or an installment of the letter was dunned again by a later letter (cancel that first).</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for an account; nothing was changed.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing an account.</exception>
    public async Task CancelLetterAsync(Actor actor, string letterId, IReadOnlyCollection<CustomerId> customers, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.NullOrWhiteSpace(letterId);
        Guard.Against.NullOrWhiteSpace(reason);
        Guard.Against.NullOrEmpty(customers);
        var accounts = customers.Distinct().ToList();
        foreach (var customer in accounts)
        {
            await AuthorizeAsync(actor, Permission.ProcessDunning, customer, cancellationToken).ConfigureAwait(false);
        }

        var found = false;
        foreach (var customer in accounts)
        {
            for (var attempt = 0; ; attempt++)
            {
                var account = await LoadExistingAsync(customer, nameof(customers), cancellationToken).ConfigureAwait(false);
                var (entries, holdsLetter) = CancellationEntries(account, letterId, reason, Today);
                found |= holdsLetter;
                if (entries.Count == 0 || await TryAppendAsync(actor, account, entries, nameof(letterId), attempt, cancellationToken).ConfigureAwait(false) is not null)
                {
                    break;
                }
            }
        }

        if (!found)
        {
            throw new ArgumentException($"No account of the ones named holds letter '{letterId}'.", nameof(letterId));
        }
    }

    /// <summary>
    /// Explains where every open item of a customer stands on a date: its level and why, whether and why it is excluded,
    /// and the dates of its next notices (the forward dunning calendar).
    /// </summary>
    /// <param name="actor">Who asks; needs <see cref="Permission.ViewAccounts"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One line per open installment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    /// <exception cref="AuthorizationException">The actor may not view the account.</exception>
    public async Task<IReadOnlyList<DunningLine>> ExplainAsync(Actor actor, CustomerId customer, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        await AuthorizeAsync(actor, Permission.ViewAccounts, customer, cancellationToken).ConfigureAwait(false);
        var account = await LoadExistingAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false);
        var settings = await _settings.GetAsync(account.Customer.Company, cancellationToken).ConfigureAwait(false);
        var schemes = await _interestSchemes.GetAsync(account.Customer.Company, cancellationToken).ConfigureAwait(false);
        var payer = account.Customer.Payer is { } id ? await LoadAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return DunningEngine.Explain(account, settings, schemes, asOf, payer);
    }

    private static List<CustomerId> AccountsOf(IReadOnlyList<DunningLetter> letters)
    {
        var seen = new HashSet<CustomerId>(letters.Count);
        var accounts = new List<CustomerId>(letters.Count);
        foreach (var letter in letters)
        {
            foreach (var customer in letter.Customers)
            {
                if (seen.Add(customer))
                {
                    accounts.Add(customer);
                }
            }

            if (seen.Add(letter.RecipientId))
            {
                accounts.Add(letter.RecipientId);
            }
        }

        return accounts;
    }

    /// <summary>The debtors and recipients of an approval's notices, each once, in the order they first appear.</summary>
    private static List<CustomerId> Concerned(IReadOnlyList<ApprovedNotice> notices)
    {
        var seen = new HashSet<CustomerId>();
        var concerned = new List<CustomerId>();
        foreach (var notice in notices)
        {
            if (seen.Add(notice.Customer))
            {
                concerned.Add(notice.Customer);
            }

            if (seen.Add(notice.Recipient))
            {
                concerned.Add(notice.Recipient);
            }
        }

        return concerned;
    }

    /// <summary>The entries that cancel a letter on one account, and whether the account holds (or held) the letter.</summary>
    private static (List<JournalEntry> Entries, bool HoldsLetter) CancellationEntries(CustomerAccount account, string letterId, string reason, LocalDate today)
    {
        var entries = new List<JournalEntry>();
        var issued = DunningEntryRules.ActiveLetter(account, letterId);
        if (issued is not null)
        {
            entries.Add(new DunningLetterCancelled(DunningIds.Cancellation(letterId), letterId, today, reason));
        }

        var fees = new List<EntryId> { DunningIds.LetterFee(letterId, DunningFeeKind.PerLetter), DunningIds.LetterFee(letterId, DunningFeeKind.Tiered) };
        fees.AddRange((issued?.Notices ?? []).Select(n => DunningIds.ItemFee(letterId, n.Installment)));
        foreach (var fee in fees)
        {
            if (account.FindItem(fee) is { Status: ItemStatus.Open } item && item.Installments.All(i => !i.Settlements.Any(s => s.IsActive)))
            {
                entries.Add(new EntryReversed(DunningIds.FeeReversal(fee), fee, today, reason));
            }
        }

        if (entries.Count > 0)
        {
            entries.Add(HistoryNotes.Note(DunningIds.CancellationNote(letterId), CommunicationKind.DunningLetter, JournalText.Of("history.dunning.cancelled", JournalTextArgument.Of("letter", letterId)), reason));
        }

        var held = issued is not null || entries.Count > 0 || account.Journal.Any(r => r.Entry is DunningLetterCancelled c && string.Equals(c.LetterId, letterId, StringComparison.Ordinal));
        return (entries, held);
    }

    /// <summary>Appends the entries of one letter account by account; on a concurrent change, recomputes the letter from the reloaded account.</summary>
    private async Task<DunningLetter?> IssueAsync(
        Actor actor,
        RunContext context,
        DunningLetter letter,
        NoticeFilter filter,
        Dictionary<CustomerId, CustomerAccount> views,
        Dictionary<CustomerId, CustomerAccount> heads,
        List<RemovedLine> removed,
        CancellationToken cancellationToken,
        (LocalDate ProcessedOn, string Reason)? runDateOverride = null)
    {
        var done = new HashSet<CustomerId>();
        var current = letter;
        for (var attempt = 0; ; attempt++)
        {
            CustomerId? conflict = null;
            foreach (var (customer, entries) in DunningPostings.EntriesFor(current, context.Request.PostFees, runDateOverride))
            {
                var head = heads.GetValueOrDefault(customer) ?? views[customer];
                if (done.Contains(customer) || head.FindEntry(DunningIds.Note(current.Id)) is not null)
                {
                    // This account's part of the letter was written (by an earlier attempt or a parallel processing):
                    // its entries are appended in one batch ending with the note, so the note stands for all of them.
                    done.Add(customer);
                    continue;
                }

                if (await TryAppendAsync(actor, head, entries, nameof(letter), attempt, cancellationToken).ConfigureAwait(false) is not { } after)
                {
                    conflict = customer;
                    break;
                }

                // The next letter on this account (another currency, or another level when dunning by level) appends
                // after this one; the letters themselves stay computed from the views they were proposed from.
                heads[customer] = after;
                done.Add(customer);
            }

            if (conflict is not { } changed)
            {
                return current;
            }

            // Another writer changed an account of the letter: reload it and recompute the letter. The accounts already
            // written keep the view the letter was computed from, so their part of it stays the same.
            var reloaded = await LoadExistingAsync(changed, nameof(letter), cancellationToken).ConfigureAwait(false);
            views[changed] = BeforeRun(reloaded, context.Request.RunId);
            if (ReferenceEquals(views[changed], reloaded))
            {
                heads.Remove(changed);
            }
            else
            {
                heads[changed] = reloaded;
            }

            var group = current.Customers.Append(current.RecipientId).Distinct().Select(c => views[c]).ToList();
            var recomputed = DunningEngine.Run(context, group, filter, 1).Letters.FirstOrDefault(l => l.Id == current.Id);
            if (recomputed is not null)
            {
                current = recomputed;
                continue;
            }

            if (done.Count == 0)
            {
                return null;
            }

            // Part of the letter is written already: issue that part as it was computed; the changed account drops out.
            removed.AddRange(current.Lines.Where(l => l.IssuesNotice && l.Customer == changed)
                .Select(l => new RemovedLine(l.Customer, l.Installment, l.DocumentNumber, l.Level, current.Id, DunningRemovalReason.LetterSuppressed)));
            done.Add(changed);
        }
    }

    /// <summary>
    /// An account as it stood before the run's first entry: the state the run's letters were computed from. A retry, a
    /// parallel processing or a fresh preview of a run that was partly written computes its letters from it, so they
    /// equal the letters the first attempt started to write; the entries go to the account as it stands now.
    /// </summary>
    private static CustomerAccount BeforeRun(CustomerAccount account, DunningRunId run)
    {
        var journal = account.Journal;
        var prefix = DunningIds.RunPrefix(run);
        for (var i = 0; i < journal.Count; i++)
        {
            if (DunningIds.BelongsTo(journal[i].Entry.Id, prefix))
            {
                return i == 0 ? account : CustomerAccount.FromJournal(journal.Take(i).ToList());
            }
        }

        return account;
    }

    /// <summary>
    /// Loads the accounts a run needs (the customer and its payer for a one-customer run, else every account of the
    /// company) as they stood before the run's first entry, and the accounts as they stand where they differ.
    /// </summary>
    private async Task<(RunContext Context, IReadOnlyList<CustomerAccount> Accounts, Dictionary<CustomerId, CustomerAccount> Heads)> LoadAsync(
        DunningRunRequest request, CancellationToken cancellationToken, List<CorruptJournalException>? unreadable = null)
    {
        var context = await ContextAsync(request, cancellationToken).ConfigureAwait(false);
        var views = new List<CustomerAccount>();
        var heads = new Dictionary<CustomerId, CustomerAccount>();
        if (request.Customer is { } only)
        {
            var account = await LoadExistingAsync(only, nameof(request), cancellationToken).ConfigureAwait(false);
            AddView(account, request.RunId, views, heads);
            if (account.Customer.Payer is { } payer && await LoadAsync(payer, cancellationToken).ConfigureAwait(false) is { } payerAccount)
            {
                AddView(payerAccount, request.RunId, views, heads);
            }

            return (context, views, heads);
        }

        // The company's accounts are streamed (issue 13). One account that cannot be read (a corrupt stored journal, a
        // journal that does not replay, an amount beyond the bounds) is reported to the fault log, and a corrupt journal
        // also in the run's result; the run goes on for the others (issues 12 and 13).
        // The journals come in one stream (LoadCompanyAsync, issue 13 third pass), not one load per account, read ahead on
        // a task of its own while the accounts are replayed here (D16.279).
        await foreach (var stored in ReadAhead.Of(token => _store.LoadCompanyAsync(request.Company, token), cancellationToken).ConfigureAwait(false))
        {
            if (await ReadStoredAsync(stored, request, unreadable, cancellationToken).ConfigureAwait(false) is { } account)
            {
                AddView(account, request.RunId, views, heads);
            }
        }

        return (context, views, heads);
    }

    private async Task<CustomerAccount?> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        var journal = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        return journal.Count > 0 ? CustomerAccount.FromJournal(journal) : null;
    }

    private async Task<CustomerAccount> LoadExistingAsync(CustomerId customer, string parameterName, CancellationToken cancellationToken) =>
        await LoadAsync(Guard.Against.Default(customer, parameterName), cancellationToken).ConfigureAwait(false)
        ?? throw new ArgumentException($"Customer '{customer}' does not exist.", parameterName);

    /// <summary>Appends entries to an account; returns the new view, or <see langword="null"/> when another writer came first and a retry is allowed.</summary>
    private async Task<CustomerAccount?> TryAppendAsync(Actor actor, CustomerAccount account, IReadOnlyList<JournalEntry> entries, string parameterName, int attempt, CancellationToken cancellationToken)
    {
        var (after, appended) = account.Append(entries, _clock.GetCurrentInstant(), actor.User, Today, parameterName);
        if (appended.Count == 0)
        {
            return after;
        }

        try
        {
            await _store.AppendAsync(account.Id, account.Version, appended, cancellationToken).ConfigureAwait(false);
            return after;
        }
        catch (ConcurrencyException) when (DebitorDiagnostics.Conflict(_log, "dunning", account.Id, attempt, attempt < _options.MaxConcurrencyRetries) && attempt < _options.MaxConcurrencyRetries)
        {
            return null;
        }
    }

    private async Task AuthorizeAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken)
    {
        if (!await _authorization.IsAllowedAsync(actor, permission, customer, cancellationToken).ConfigureAwait(false))
        {
            DebitorDiagnostics.Refused(_log, actor, permission, customer);
            throw new AuthorizationException(actor.User, permission, customer);
        }
    }
}
