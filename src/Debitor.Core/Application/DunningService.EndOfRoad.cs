using Ardalis.GuardClauses;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>Letter numbers, cancelling a whole run and letters on demand (issue 17).</summary>
public sealed partial class DunningService
{
    private readonly ILetterNumberSequence _numbers = new InMemoryLetterNumberSequence();

    /// <summary>
    /// Creates the service with the host's outbox, fault log, renderer and letter-number sequence (issue 17: issued letters
    /// are numbered sequentially and gap-free per company and year).
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
    /// <param name="letterNumbers">Where letter numbers come from.</param>
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
        ILetterNumberSequence letterNumbers)
        : this(store, authorization, settings, interestSchemes, output, clock, options, outbox, faults, renderer)
    {
        _numbers = Guard.Against.Null(letterNumbers);
    }

    /// <summary>
    /// Cancels every letter of a run in one step: each letter's notices are undone (the installments return to the levels
    /// they had before), the fees it posted are reversed unless something was paid on them, and the letter is marked
    /// cancelled; it keeps its number. Refused before anything changes when a later letter already built on a letter of
    /// the run (<see cref="LetterBuiltUponException"/> names it). Cancelling again changes nothing; a retry after a fault
    /// completes the cancellation.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> for every account of the run.</param>
    /// <param name="company">The company the run was for.</param>
    /// <param name="runId">The run.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call between letters.</param>
    /// <returns>The ids of the run's letters, ordered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reason is empty, <paramref name="company"/> or <paramref name="runId"/> is <c>default</c>, or no account of the company holds a letter of the run.</exception>
    /// <exception cref="LetterBuiltUponException">A later letter already dunned an installment a letter of the run dunned; nothing was changed.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for an account of the run; nothing was changed.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing an account.</exception>
    public async Task<IReadOnlyList<string>> CancelRunAsync(Actor actor, CompanyId company, DunningRunId runId, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.Default(company);
        Guard.Against.Default(runId);
        Guard.Against.NullOrWhiteSpace(reason);
        var letters = new SortedDictionary<string, SortedSet<CustomerId>>(StringComparer.Ordinal);
        var accounts = new List<CustomerAccount>();
        await foreach (var id in _store.ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            if (await LoadAsync(id, cancellationToken).ConfigureAwait(false) is not { } account || account.Customer.Company != company)
            {
                continue;
            }

            var held = false;
            foreach (var letter in LettersOfRun(account, runId))
            {
                held = true;
                if (!letters.TryGetValue(letter, out var customers))
                {
                    letters.Add(letter, customers = new SortedSet<CustomerId>(Comparer<CustomerId>.Create(static (a, b) => string.CompareOrdinal(a.Value, b.Value))));
                }

                customers.Add(account.Id);
            }

            if (held)
            {
                accounts.Add(account);
            }
        }

        if (letters.Count == 0)
        {
            throw new ArgumentException($"No account of company '{company}' holds a letter of run '{runId}'.", nameof(runId));
        }

        foreach (var account in accounts)
        {
            await AuthorizeAsync(actor, Permission.ProcessDunning, account.Id, cancellationToken).ConfigureAwait(false);
            RefuseWhenBuiltUpon(account, letters);
        }

        foreach (var (letter, customers) in letters)
        {
            await CancelLetterAsync(actor, letter, customers, reason, cancellationToken).ConfigureAwait(false);
        }

        return [.. letters.Keys];
    }

    /// <summary>
    /// On demand (R0.3): a copy of where a customer's open overdue items stand — an account reminder printed without
    /// raising a level. Nothing is recorded.
    /// </summary>
    /// <param name="actor">Who asks; needs <see cref="Permission.ViewAccounts"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reminder: every open overdue item a run would list, at its current level, and the excluded ones with why.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    /// <exception cref="AuthorizationException">The actor may not view the account.</exception>
    public async Task<AccountReminder> AccountReminderAsync(Actor actor, CustomerId customer, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        var lines = await ExplainAsync(actor, customer, asOf, cancellationToken).ConfigureAwait(false);
        return AccountReminder.From(customer, asOf, lines);
    }

    /// <summary>
    /// On demand (R0.3), when the accountant says so: a letter for one customer now, issued as a notice — every overdue
    /// installment that can get a notice at all gets its next one whatever its days (one level up, the maximum number of
    /// notices and one notice a day still hold; excluded items stay excluded). Processed like a run of that one customer
    /// (<see cref="DunningRunRequest.IssueNoticesNow"/>): numbered, recorded, delivered; the same run id again issues nothing twice.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="runId">The run's key (letter and entry ids derive from it).</param>
    /// <param name="asOf">The letter date.</param>
    /// <param name="postFees">Whether the letter's fees are posted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was issued.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, or <paramref name="runId"/> is <c>default</c>.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for the account; nothing was changed.</exception>
    public async Task<DunningRunResult> DunNowAsync(Actor actor, CustomerId customer, DunningRunId runId, LocalDate asOf, bool postFees = false, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        await AuthorizeAsync(actor, Permission.ProcessDunning, customer, cancellationToken).ConfigureAwait(false);
        var account = await LoadExistingAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false);
        var request = new DunningRunRequest(runId, account.Customer.Company, asOf) { Customer = customer, IssueNoticesNow = true, PostFees = postFees };
        return await ProcessAsync(actor, await PreviewAsync(actor, request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The letters of a run an account holds: its notices, letter numbers and dunning fees of the run name them.</summary>
    internal static IEnumerable<string> LettersOfRun(CustomerAccount account, DunningRunId runId)
    {
        foreach (var record in account.Journal)
        {
            if (!DunningIds.BelongsTo(record.Entry.Id, runId))
            {
                continue;
            }

            var letter = record.Entry switch
            {
                DunningNoticeIssued issued => issued.LetterId,
                DunningLetterNumbered numbered => numbered.LetterId,
                ChargePosted { Kind: ChargeKind.DunningFee } fee => fee.DocumentNumber,
                _ => null,
            };
            if (letter is not null)
            {
                yield return letter;
            }
        }
    }

    /// <summary>Refuses when a later letter, not of the run, dunned an installment a still active letter of the run dunned.</summary>
    internal static void RefuseWhenBuiltUpon(CustomerAccount account, SortedDictionary<string, SortedSet<CustomerId>> run)
    {
        var latest = DunningEntryRules.LatestLetters(account);
        foreach (var letter in run.Keys)
        {
            foreach (var notice in DunningEntryRules.ActiveLetter(account, letter)?.Notices ?? [])
            {
                if (latest.TryGetValue(notice.Installment, out var later) && !run.ContainsKey(later))
                {
                    throw new LetterBuiltUponException(letter, later, account.Id, notice.Installment);
                }
            }
        }
    }

    /// <summary>
    /// Gives an issued letter its number: the one the recipient's account records (a retry), else the next one of the
    /// company's year from the sequence — which returns the same number again for the same letter, so a fault between the
    /// allocation and the entry leaves no hole — recorded as <see cref="DunningLetterNumbered"/> on the recipient's account.
    /// </summary>
    private async Task NumberAsync(
        Actor actor,
        RunContext context,
        DunningLetter letter,
        Dictionary<CustomerId, CustomerAccount> views,
        Dictionary<CustomerId, CustomerAccount> heads,
        CancellationToken cancellationToken)
    {
        var recipient = letter.RecipientId;
        for (var attempt = 0; ; attempt++)
        {
            var head = heads.GetValueOrDefault(recipient) ?? views[recipient];
            if (head.LetterNumberOf(letter.Id) is { } known)
            {
                letter.Number = known;
                return;
            }

            var number = await _numbers.NumberAsync(context.Request.Company, letter.LetterDate.Year, letter.Id, cancellationToken).ConfigureAwait(false);
            if (await TryAppendAsync(actor, head, [new DunningLetterNumbered(DunningIds.Number(letter.Id), letter.Id, number)], nameof(letter), attempt, cancellationToken).ConfigureAwait(false) is { } after)
            {
                heads[recipient] = after;
                letter.Number = number;
                return;
            }

            heads[recipient] = await LoadExistingAsync(recipient, nameof(letter), cancellationToken).ConfigureAwait(false);
        }
    }
}
