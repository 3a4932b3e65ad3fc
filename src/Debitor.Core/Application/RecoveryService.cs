using Ardalis.GuardClauses;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// The end of the road after the last reminder (issue 17): insolvency, the court dunning application, limitation, and the
/// work list of items that used up every notice.
/// </summary>
/// <remarks>Thread-safe. Every call authorizes before it reads or changes anything.</remarks>
public sealed class RecoveryService
{
    private readonly CustomerAccountService _accounts;
    private readonly IInterestSchemeProvider _schemes;
    private readonly IDunningSettingsProvider _settings;
    private readonly DunningService _dunning;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">The account service (authorization, store, clock).</param>
    /// <param name="schemes">The interest schemes per company.</param>
    /// <param name="settings">The dunning settings per company (they carry the limitation periods).</param>
    /// <param name="dunning">The dunning service (the work list is read from a run's proposal).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RecoveryService(CustomerAccountService accounts, IInterestSchemeProvider schemes, IDunningSettingsProvider settings, DunningService dunning)
    {
        _accounts = Guard.Against.Null(accounts);
        _schemes = Guard.Against.Null(schemes);
        _settings = Guard.Against.Null(settings);
        _dunning = Guard.Against.Null(dunning);
    }

    /// <summary>
    /// Marks a customer insolvent: insolvency proceedings over its assets opened on a day. From that day no letter, fee or
    /// interest invoice is produced for its claims founded before it; they are filed (<see cref="InsolvencyClaimListAsync"/>).
    /// The step is recorded in the communication history.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.HandOver"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry's key; the same call again changes nothing.</param>
    /// <param name="openedOn">The day the proceedings opened; not after today.</param>
    /// <param name="court">The insolvency court.</param>
    /// <param name="fileNumber">The court's file number.</param>
    /// <param name="administrator">The administrator.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A text is empty, the customer does not exist or is marked insolvent already.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="openedOn"/> is after today.</exception>
    /// <exception cref="AuthorizationException">The actor may not hand over; nothing was changed.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> MarkInsolventAsync(
        Actor actor,
        CustomerId customer,
        EntryId entryId,
        LocalDate openedOn,
        string court,
        string fileNumber,
        string administrator,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.NullOrWhiteSpace(court);
        Guard.Against.NullOrWhiteSpace(fileNumber);
        Guard.Against.NullOrWhiteSpace(administrator);
        if (openedOn > _accounts.Today)
        {
            throw new ArgumentOutOfRangeException(nameof(openedOn), openedOn, "Insolvency proceedings can only be recorded once they have opened (the day is after today).");
        }

        var entry = new InsolvencyOpened(entryId, openedOn, court, fileNumber, administrator);
        var note = HistoryNotes.Note(
            new EntryId(entryId.Value + "/note"),
            CommunicationKind.Comment,
            JournalText.Of("history.insolvency.subject", JournalTextArgument.Of("date", openedOn)),
            JournalText.Of(
                "history.insolvency.text",
                JournalTextArgument.Of("court", court),
                JournalTextArgument.Of("fileNumber", fileNumber),
                JournalTextArgument.Of("administrator", administrator)));
        return _accounts.ExecuteAsync(actor, customer, Permission.HandOver, [entry, note], nameof(entryId), cancellationToken);
    }

    /// <summary>The claim list for filing in the customer's insolvency proceedings (§174 InsO), each claim in §367 BGB order.</summary>
    /// <param name="actor">Who asks; needs <see cref="Permission.ViewAccounts"/>.</param>
    /// <param name="customer">The customer, marked insolvent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claim list: principal, interest up to the day before the opening, costs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist or is not marked insolvent.</exception>
    /// <exception cref="AuthorizationException">The actor may not view the account.</exception>
    public async Task<InsolvencyClaimList> InsolvencyClaimListAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(Guard.Against.Null(actor), customer, cancellationToken).ConfigureAwait(false);
        var scheme = await InterestSchemeRegistry.ForAsync(_schemes, account.Customer, cancellationToken).ConfigureAwait(false);
        return Insolvency.ClaimList(account, scheme);
    }

    /// <summary>The data for the Mahnbescheid application of a court dunning hand-over (<see cref="HandOverKind.CourtDunning"/>).</summary>
    /// <param name="actor">Who asks; needs <see cref="Permission.ViewAccounts"/>.</param>
    /// <param name="customer">The debtor.</param>
    /// <param name="caseId">The hand-over case.</param>
    /// <param name="claimant">The claimant: the company's name and address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application's data.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, or has no court dunning case with that id.</exception>
    /// <exception cref="AuthorizationException">The actor may not view the account.</exception>
    public async Task<CourtDunningApplication> CourtDunningApplicationAsync(Actor actor, CustomerId customer, EntryId caseId, CourtDunningParty claimant, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(claimant);
        var account = await _accounts.GetAccountAsync(Guard.Against.Null(actor), customer, cancellationToken).ConfigureAwait(false);
        var scheme = await InterestSchemeRegistry.ForAsync(_schemes, account.Customer, cancellationToken).ConfigureAwait(false);
        return CourtDunning.Application(account, caseId, scheme, claimant);
    }

    /// <summary>Every open claim of a customer with its limitation (§§195, 199 BGB) under the company's periods.</summary>
    /// <param name="actor">Who asks; needs <see cref="Permission.ViewAccounts"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per open claim installment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    /// <exception cref="AuthorizationException">The actor may not view the account.</exception>
    public async Task<IReadOnlyList<ClaimLimitation>> LimitationAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(Guard.Against.Null(actor), customer, cancellationToken).ConfigureAwait(false);
        var settings = await _settings.GetAsync(account.Customer.Company, cancellationToken).ConfigureAwait(false);
        return Limitation.OpenClaims(account, settings.Limitation);
    }

    /// <summary>
    /// The work list of items that used up every notice the scheme allows (issue 17): candidates for a hand-over, court
    /// dunning or a write-off, with their amounts (§367 order) and limitation dates, oldest limitation end first. Time-barred
    /// claims are on it too (candidates for a write-off).
    /// </summary>
    /// <param name="actor">Who asks; needs <see cref="Permission.PreviewDunning"/> for the company's accounts.</param>
    /// <param name="company">The company.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The work list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationException">The actor may not preview dunning for an account of the company.</exception>
    public async Task<IReadOnlyList<ExhaustedClaim>> ExhaustedClaimsAsync(Actor actor, CompanyId company, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        var request = new DunningRunRequest(new DunningRunId("worklist-" + asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), company, asOf);
        var proposal = await _dunning.PreviewAsync(actor, request, cancellationToken).ConfigureAwait(false);
        var settings = await _settings.GetAsync(company, cancellationToken).ConfigureAwait(false);
        var exhausted = proposal.Letters.SelectMany(l => l.Lines).Where(l => l.Status == DunningLineStatus.MaximumReached)
            .Concat(proposal.Excluded.Where(l => l.Exclusion is DunningExclusion.AllNoticesIssued or DunningExclusion.TimeBarred));
        var result = new List<ExhaustedClaim>();
        foreach (var byCustomer in exhausted.GroupBy(l => l.Customer))
        {
            var account = await _accounts.LoadAsync(byCustomer.Key, nameof(company), cancellationToken).ConfigureAwait(false);
            var scheme = await InterestSchemeRegistry.ForAsync(_schemes, account.Customer, cancellationToken).ConfigureAwait(false);
            result.AddRange(ExhaustedClaims.Of(account, byCustomer.Select(l => l.Installment), scheme, settings.Limitation, asOf));
        }

        result.Sort(static (a, b) => a.LimitationEndsOn != b.LimitationEndsOn ? a.LimitationEndsOn.CompareTo(b.LimitationEndsOn)
            : string.CompareOrdinal(a.Customer.Value, b.Customer.Value) is var c and not 0 ? c
            : string.CompareOrdinal(a.Claim.DocumentNumber, b.Claim.DocumentNumber));
        return result;
    }
}
