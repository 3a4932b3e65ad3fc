using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Credit;
using Debitor.Core.Dunning;
using Debitor.Core.Files;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Orleans;

/// <summary>The use cases of one account that answer with more than the account: a document, a file, a decision, letters.</summary>
public sealed partial class ClusterAccounts
{
    /// <summary>
    /// Hands items over to a lawyer, a collection agency or the court dunning procedure
    /// (<see cref="CollectionService.HandOverAsync"/>) in the account's grain, and answers the hand-over document made there
    /// with the silo's interest scheme.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.HandOver"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="caseId">The case's id; the history entry gets <c>{id}/note</c>.</param>
    /// <param name="items">The items.</param>
    /// <param name="to">Lawyer, collection agency or court dunning.</param>
    /// <param name="recipient">Its name.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>The hand-over document: claim per item in §367 BGB order (costs, interest, principal) and the documents. The same case again answers the same document and writes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="items"/> or <paramref name="recipient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item does not exist, is not open or is handed over already; currencies differ.</exception>
    /// <exception cref="AuthorizationException">The actor may not hand over.</exception>
    /// <exception cref="ConcurrencyException">A writer outside the cluster kept changing the account.</exception>
    public async Task<HandOverDocument> HandOverAsync(Actor actor, CustomerId customer, EntryId caseId, IReadOnlyList<EntryId> items, HandOverKind to, string recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(recipient);
        var command = new HandOverCommand { Actor = Of(actor), CaseId = caseId.Value, Items = [.. items.Select(i => i.Value)], To = (int)to, Recipient = recipient };
        var outcome = await SendAsync(customer, command, cancellationToken).ConfigureAwait(false);
        return ((HandOverResult)outcome.Result!).ToDocument(outcome.Accounts()[0].Customer);
    }

    /// <summary>
    /// Attaches a file (<see cref="CollectionService.AttachFileAsync"/>) in the account's grain. The bytes travel with the
    /// command: the silo's virus scanner checks them, only a clean file reaches the silo's file storage, and the attachment
    /// is recorded after it is stored (D19.27). Orleans limits a message's size (its messaging options): a host attaching
    /// large files raises that limit on silos and clients.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.AttachFiles"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id; the storage key is <c>{customer}/{entryId}/{sha256}</c>.</param>
    /// <param name="title">The title.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="contentType">The media type.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>Stored with the file, or refused with the scan result (nothing stored).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, or the title, file name or content type is empty.</exception>
    /// <exception cref="AuthorizationException">The actor may not attach files.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content; nothing is stored. The same file under the same id is a retry: it answers the recorded file.</exception>
    /// <exception cref="ConcurrencyException">A writer outside the cluster kept changing the account.</exception>
    public async Task<FileAttachResult> AttachFileAsync(Actor actor, CustomerId customer, EntryId entryId, string title, string fileName, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var command = new AttachFileCommand { Actor = Of(actor), EntryId = entryId.Value, Title = title, FileName = fileName, ContentType = contentType, Content = content.ToArray() };
        var outcome = await SendAsync(customer, command, cancellationToken).ConfigureAwait(false);
        return ((FileAttachData)outcome.Result!).ToResult();
    }

    /// <summary>
    /// Passes credit control for one document despite a block, a limit or an overdue status
    /// (<see cref="CreditControlService.OverrideAsync"/>) in the account's grain: checked there on the account as it is and
    /// recorded there, so no other command can change the reasons between the check and the record.
    /// </summary>
    /// <param name="actor">Who overrides; needs <see cref="Permission.OverrideCreditControl"/> when something stops the document.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The override's entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="document">Quote, order or delivery.</param>
    /// <param name="note">Why; mandatory.</param>
    /// <param name="amount">What the document adds to the exposure, or <see langword="null"/>.</param>
    /// <param name="documentReference">The host's reference of the document, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>The decision: <see cref="CreditOutcome.Overridden"/> with the reasons and the entry, or <see cref="CreditOutcome.Allowed"/> (nothing recorded).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, the note is empty, the document kind is not defined, or an amount is negative or has no currency.</exception>
    /// <exception cref="AuthorizationException">The actor may not view accounts, or something stops the document and the actor may not override credit control.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">A writer outside the cluster kept changing the account.</exception>
    public async Task<CreditDecision> OverrideAsync(
        Actor actor,
        CustomerId customer,
        EntryId entryId,
        SalesDocumentKind document,
        string note,
        Money? amount = null,
        string? documentReference = null,
        CancellationToken cancellationToken = default)
    {
        var command = new OverrideCreditCommand
        {
            Actor = Of(actor),
            EntryId = entryId.Value,
            Document = (int)document,
            Note = note,
            Amount = amount is { } a ? Wire.Amount(a) : null,
            DocumentReference = documentReference,
        };
        var outcome = await SendAsync(customer, command, cancellationToken).ConfigureAwait(false);
        return ((CreditDecisionData)outcome.Result!).ToDecision();
    }

    /// <summary>
    /// A letter for one customer now (<see cref="DunningService.DunNowAsync"/>), run in the grain of the letter's recipient —
    /// the customer's payer when its letters go there (R3.7, the run's own route), else the customer — like a letter's
    /// cancellation; the customer's account is written through its grain (D19.22, D19.29).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/>.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="runId">The run's key (letter and entry ids derive from it); the same key again issues nothing twice.</param>
    /// <param name="asOf">The letter date.</param>
    /// <param name="postFees">Whether the letter's fees are posted.</param>
    /// <param name="cancellationToken">Cancels the call before it is sent.</param>
    /// <returns>What was issued.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, or <paramref name="runId"/> is <c>default</c>.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for the account; nothing was changed.</exception>
    public async Task<ClusterDunningRunResult> DunNowAsync(Actor actor, CustomerId customer, DunningRunId runId, LocalDate asOf, bool postFees = false, CancellationToken cancellationToken = default)
    {
        var who = Of(actor);
        if (runId == default)
        {
            throw new ArgumentException("A run id is required.", nameof(runId));
        }

        var request = new DunningRunRequest(runId, _company, asOf) { Customer = customer, IssueNoticesNow = true, PostFees = postFees };
        var route = await GrainRetry.RunAsync(() => Grain(customer).RouteAsync(RunData.Of(request)), _options, cancellationToken).ConfigureAwait(false);
        var recipient = route.Payer is { } payer ? new CustomerId(payer) : customer;
        var command = new DunNowCommand { Actor = who, Customer = customer.Value, RunId = runId.Value, AsOf = Wire.Date(asOf), PostFees = postFees };
        var part = ((DunNowResult)(await SendAsync(recipient, command, cancellationToken).ConfigureAwait(false)).Result!).Part;
        return new ClusterDunningRunResult(
            runId,
            part.Issued,
            [.. part.Removed.Select(r => r.ToLine())],
            [.. part.Unreadable.Select(ClusterDunningService.Unreadable)],
            []);
    }
    /// <summary>
    /// Writes off small residuals on the accounts a run names (<see cref="PaymentService.WriteOffResidualsAsync"/>), each
    /// account in its own grain: every account is checked first (it exists, the actor may write off on it), so a refusal
    /// writes nothing; then each grain runs the service for its account alone — decides, appends, and hands its write-off
    /// notification to the silo's outbox. Accounts are written one after the other; a run stopped midway is completed by
    /// running it again (D19.30).
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.WriteOff"/> on every account.</param>
    /// <param name="run">The run; it must name its customers (<see cref="ResidualWriteOffRun.Customers"/>): a company-wide
    /// run lists the company's accounts from the host's store first and names them.</param>
    /// <param name="cancellationToken">Cancels the run between accounts.</param>
    /// <returns>The run's accounts afterwards, in the run's order, with the number of residuals the run wrote off on each
    /// (as the service reports it: a retry reports what the first attempt wrote off, and writes nothing). The write-offs are the accounts'
    /// <see cref="WriteOffPosted"/> entries <c>{run}/1</c>, <c>{run}/2</c>, ….</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="run"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The run names no customers, or a customer it names does not exist; nothing was written.</exception>
    /// <exception cref="AuthorizationException">The actor may not write off on an account; nothing was written.</exception>
    /// <exception cref="DuplicateEntryException">The run id was used before for other write-offs in an account.</exception>
    /// <exception cref="ConcurrencyException">A writer outside the cluster kept changing an account.</exception>
    public async Task<IReadOnlyList<(CustomerAccount Account, int WrittenOff)>> WriteOffResidualsAsync(Actor actor, ResidualWriteOffRun run, CancellationToken cancellationToken = default)
    {
        var who = Of(actor);
        ArgumentNullException.ThrowIfNull(run);
        var customers = run.Customers ?? throw new ArgumentException("A residual write-off run in the cluster names its customers: list the company's accounts from the store and name them.", nameof(run));
        var command = new WriteOffResidualsCommand
        {
            Actor = who,
            RunId = run.Id.Value,
            AsOf = Wire.Date(run.AsOf),
            Thresholds = [.. run.Thresholds.Select(Wire.Amount)],
            Reason = run.Reason,
        };
        foreach (var customer in customers)
        {
            await SendAsync(customer, command with { CheckOnly = true }, cancellationToken).ConfigureAwait(false);
        }

        var accounts = new List<(CustomerAccount, int)>();
        foreach (var customer in customers)
        {
            var outcome = await SendAsync(customer, command, cancellationToken).ConfigureAwait(false);
            accounts.Add((outcome.Accounts()[0], outcome.Status));
        }

        return accounts;
    }
}
