using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Delivers documents through the outbox: a use case queues its documents in <see cref="IDocumentOutbox"/> once their
/// entries are stored, then hands each to <see cref="IDocumentOutput"/> and marks it delivered. A host lists what is
/// undelivered and retries it here (e.g. on a timer, or after the output came back).
/// </summary>
/// <remarks>
/// <para><b>Guarantee.</b> Every document whose entries are stored is delivered at least once: it is queued before any
/// delivery is tried, a failed delivery leaves it queued, and running the use case again (which re-derives its documents
/// from the journal) or <see cref="RetryUndeliveredAsync"/> delivers it. The output may see a document twice (a crash
/// between delivery and marking); it must treat a known <see cref="ReceivablesDocument.DocumentId"/> as handled.</para>
/// <para><b>Rendering.</b> Built with an <see cref="IDocumentRenderer"/> and the account store, each delivery renders the
/// stored model and hands the outputs an <see cref="OutgoingDocument"/>: the model, the file, the recipient's addresses
/// and the output medium its master data sets for the document's kind (R3.5). A rendering that fails is recorded and
/// retried like a failed delivery.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class DocumentDelivery
{
    private readonly IDocumentOutbox _outbox;
    private readonly IDocumentOutput? _output;
    private readonly IDunningLetterOutput? _letters;
    private readonly IDocumentRenderer _renderer;
    private readonly ICustomerAccountStore? _store;
    private readonly IClock _clock;

    /// <summary>Creates the delivery.</summary>
    /// <param name="outbox">Where documents wait.</param>
    /// <param name="output">Where documents go.</param>
    /// <param name="clock">The clock (queue and delivery times).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DocumentDelivery(IDocumentOutbox outbox, IDocumentOutput output, IClock clock)
        : this(outbox, clock, Guard.Against.Null(output), null)
    {
    }

    /// <summary>Creates the delivery of every document, dunning letters (<see cref="DunningLetterDocument"/>) included.</summary>
    /// <param name="outbox">Where documents wait.</param>
    /// <param name="output">Where documents other than dunning letters go.</param>
    /// <param name="letters">Where dunning letters go.</param>
    /// <param name="clock">The clock (queue and delivery times).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DocumentDelivery(IDocumentOutbox outbox, IDocumentOutput output, IDunningLetterOutput letters, IClock clock)
        : this(outbox, clock, Guard.Against.Null(output), Guard.Against.Null(letters))
    {
    }

    /// <summary>
    /// Creates the delivery of every document, rendered: each output receives an <see cref="OutgoingDocument"/> with the
    /// file from <paramref name="renderer"/> and the medium the recipient set for the document's kind (R3.5).
    /// </summary>
    /// <param name="outbox">Where documents wait.</param>
    /// <param name="output">Where documents other than dunning letters go.</param>
    /// <param name="letters">Where dunning letters go.</param>
    /// <param name="renderer">Renders each document on delivery.</param>
    /// <param name="store">The account store: the recipient's name, addresses and output media are read from it on delivery.</param>
    /// <param name="clock">The clock (queue and delivery times).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DocumentDelivery(IDocumentOutbox outbox, IDocumentOutput output, IDunningLetterOutput letters, IDocumentRenderer renderer, ICustomerAccountStore store, IClock clock)
        : this(outbox, clock, Guard.Against.Null(output), Guard.Against.Null(letters), Guard.Against.Null(renderer), Guard.Against.Null(store))
    {
    }

    /// <summary>
    /// The delivery a use case builds from the ports it has; a document without its output fails to deliver and stays
    /// queued. Without a store, documents other than dunning letters go to the output as models only.
    /// </summary>
    internal DocumentDelivery(IDocumentOutbox outbox, IClock clock, IDocumentOutput? output, IDunningLetterOutput? letters, IDocumentRenderer? renderer = null, ICustomerAccountStore? store = null)
    {
        _outbox = Guard.Against.Null(outbox);
        _output = output;
        _letters = letters;
        _renderer = renderer ?? NoDocumentRenderer.Instance;
        _store = store;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>The documents not delivered yet, oldest first, with their failed attempts and last error.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The undelivered documents.</returns>
    public async Task<IReadOnlyList<OutboxDocument>> ListUndeliveredAsync(CancellationToken cancellationToken = default) =>
        await _outbox.ListUndeliveredAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Tries every undelivered document once, oldest first; a failure is recorded and the others are still tried.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The documents still undelivered afterwards.</returns>
    public async Task<IReadOnlyList<OutboxDocument>> RetryUndeliveredAsync(CancellationToken cancellationToken = default)
    {
        foreach (var pending in await _outbox.ListUndeliveredAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await DeliverOneAsync(pending.Document, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Recorded by DeliverOneAsync; the next document is tried regardless.
            }
        }

        return await _outbox.ListUndeliveredAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a use case's documents in one outbox call (ids already queued are kept) and delivers those not delivered
    /// yet, in order; the deliveries are recorded together at the end (D16.62). The first failure is recorded in the
    /// outbox and rethrown, after the deliveries before it are recorded; the documents after it stay queued.
    /// </summary>
    internal async Task SendAsync(IReadOnlyList<ReceivablesDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        (documents, var queuedBefore) = await WithoutDeliveredAsync(documents, cancellationToken).ConfigureAwait(false);
        await _outbox.EnqueueAsync(documents, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        var delivered = new List<string>(documents.Count);
        var handed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var document in documents)
            {
                // The queued version is the one delivered: a retry that re-derived the document does not replace it. A document
                // this call queued is the one in hand, so only those the outbox held before are read back (D16.193).
                var queued = queuedBefore is null || queuedBefore.Contains(document.DocumentId)
                    ? await _outbox.FindAsync(document.DocumentId, cancellationToken).ConfigureAwait(false)
                    : null;
                if (queued is { IsDelivered: true } || !handed.Add(document.DocumentId))
                {
                    continue;
                }

                await HandOverAsync(queued?.Document ?? document, cancellationToken).ConfigureAwait(false);
                delivered.Add(document.DocumentId);
            }
        }
        catch
        {
            // What the output took before the failure (or the cancellation) is recorded as delivered all the same.
            await MarkDeliveredAsync(delivered, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await MarkDeliveredAsync(delivered, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeliverOneAsync(ReceivablesDocument document, CancellationToken cancellationToken)
    {
        await HandOverAsync(document, cancellationToken).ConfigureAwait(false);
        await _outbox.MarkDeliveredAsync(document.DocumentId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders a document and hands it to its output; a failure is recorded in the outbox and rethrown.</summary>
    private async Task HandOverAsync(ReceivablesDocument document, CancellationToken cancellationToken)
    {
        try
        {
            // The one place documents are routed by type: dunning letters to their own output, the rest to the document output.
            if (document is DunningLetterDocument letter)
            {
                var letters = _letters ?? throw new InvalidOperationException($"No dunning letter output to deliver '{document.DocumentId}'.");
                await letters.DeliverAsync(letter.Letter, await RenderAsync(LetterOutgoing(letter), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var output = _output ?? throw new InvalidOperationException($"No document output to deliver '{document.DocumentId}'.");
                if (_store is null)
                {
                    await output.DeliverAsync(document, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var outgoing = await OutgoingAsync(document, _store, cancellationToken).ConfigureAwait(false);
                    await output.DeliverAsync(await RenderAsync(outgoing, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _outbox.RecordFailureAsync(document.DocumentId, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A dunning letter carries its recipient as it stood in the run (D12.16): address, e-mail and medium come from the letter.</summary>
    private static OutgoingDocument LetterOutgoing(DunningLetterDocument letter) =>
        new(letter, DocumentKind.DunningLetter, letter.Letter.Recipient, letter.Letter.RecipientAddress, letter.Letter.RecipientEmail, letter.Letter.Medium);

    /// <summary>Any other document: its recipient's master data as stored now decides address, e-mail and medium.</summary>
    private static async Task<OutgoingDocument> OutgoingAsync(ReceivablesDocument document, ICustomerAccountStore store, CancellationToken cancellationToken)
    {
        var journal = await store.LoadAsync(document.Recipient, cancellationToken).ConfigureAwait(false);
        if (journal.Count == 0)
        {
            throw new InvalidOperationException($"The recipient '{document.Recipient}' of document '{document.DocumentId}' does not exist.");
        }

        var recipient = CustomerAccount.FromJournal(journal);
        var kind = OutgoingDocument.KindOf(document);
        var data = recipient.MasterData;
        return new OutgoingDocument(document, kind, recipient.Customer, data.DocumentAddress, data.SendingEmail, OutputMedia.For(recipient.Customer, data, kind));
    }

    private async Task<OutgoingDocument> RenderAsync(OutgoingDocument outgoing, CancellationToken cancellationToken) =>
        outgoing with { Rendered = await _renderer.RenderAsync(outgoing, cancellationToken).ConfigureAwait(false) };
}
