using Ardalis.GuardClauses;
using Debitor.Core.Documents;
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
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class DocumentDelivery
{
    private readonly IDocumentOutbox _outbox;
    private readonly IDocumentOutput? _output;
    private readonly IDunningLetterOutput? _letters;
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

    /// <summary>The delivery a use case builds from the ports it has; a document without its output fails to deliver and stays queued.</summary>
    internal DocumentDelivery(IDocumentOutbox outbox, IClock clock, IDocumentOutput? output, IDunningLetterOutput? letters)
    {
        _outbox = Guard.Against.Null(outbox);
        _output = output;
        _letters = letters;
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
    /// Queues a use case's documents (ids already queued are kept) and delivers those not delivered yet, in order. The
    /// first failure is recorded in the outbox and rethrown; the documents after it stay queued.
    /// </summary>
    internal async Task SendAsync(IReadOnlyList<ReceivablesDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        await _outbox.EnqueueAsync(documents, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        foreach (var document in documents)
        {
            // The queued version is the one delivered: a retry that re-derived the document does not replace it.
            var queued = await _outbox.FindAsync(document.DocumentId, cancellationToken).ConfigureAwait(false);
            if (queued is { IsDelivered: true })
            {
                continue;
            }

            await DeliverOneAsync(queued?.Document ?? document, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverOneAsync(ReceivablesDocument document, CancellationToken cancellationToken)
    {
        try
        {
            // The one place documents are routed by type: dunning letters to their own output, the rest to the document output.
            if (document is DunningLetterDocument letter)
            {
                await (_letters ?? throw new InvalidOperationException($"No dunning letter output to deliver '{document.DocumentId}'."))
                    .DeliverAsync(letter.Letter, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await (_output ?? throw new InvalidOperationException($"No document output to deliver '{document.DocumentId}'."))
                    .DeliverAsync(document, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _outbox.RecordFailureAsync(document.DocumentId, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await _outbox.MarkDeliveredAsync(document.DocumentId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
    }
}
