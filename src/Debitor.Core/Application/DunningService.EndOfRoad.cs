using Ardalis.GuardClauses;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>Letter numbers and cancelling a whole run (issue 17).</summary>
public sealed partial class DunningService
{
    private readonly ILetterNumberSequence _numbers = new InMemoryLetterNumberSequence();

    /// <summary>
    /// Creates the service with the host's outbox, fault log and letter-number sequence (issue 17: issued letters are
    /// numbered sequentially and gap-free per company and year).
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
        ILetterNumberSequence letterNumbers)
        : this(store, authorization, settings, interestSchemes, output, clock, options, outbox, faults)
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
                    held = true;
                    if (!letters.TryGetValue(letter, out var customers))
                    {
                        letters.Add(letter, customers = new SortedSet<CustomerId>(Comparer<CustomerId>.Create(static (a, b) => string.CompareOrdinal(a.Value, b.Value))));
                    }

                    customers.Add(account.Id);
                }
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
            RefuseWhenBuiltUpon(account, letters, nameof(runId));
        }

        foreach (var (letter, customers) in letters)
        {
            await CancelLetterAsync(actor, letter, customers, reason, cancellationToken).ConfigureAwait(false);
        }

        return [.. letters.Keys];
    }

    /// <summary>Refuses when a later letter, not of the run, dunned an installment a still active letter of the run dunned.</summary>
    private static void RefuseWhenBuiltUpon(CustomerAccount account, SortedDictionary<string, SortedSet<CustomerId>> run, string parameterName)
    {
        var latest = DunningEntryRules.LatestLetters(account);
        foreach (var letter in run.Keys)
        {
            foreach (var notice in DunningEntryRules.ActiveLetter(account, letter)?.Notices ?? [])
            {
                if (latest.TryGetValue(notice.Installment, out var later) && !run.ContainsKey(later))
                {
                    throw new LetterBuiltUponException(letter, later, account.Id, notice.Installment, parameterName);
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
