using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using NodaTime;
using Xunit;

namespace Debitor.Core.Testing;

/// <summary>
/// The contract of an <see cref="IDocumentOutbox"/> (<c>docs/outbox.md</c>): idempotent queuing by document id, the first
/// version kept, at-least-once delivery, failures counted, undelivered documents listed oldest first, every document kind
/// read back equal — also by a new instance over the same storage, as after a restart. Subclass it and return from
/// <see cref="CreateAsync"/> an outbox and the account store whose journals it reads, over <b>the same storage for the
/// whole test</b>: each call stands for a new process.
/// </summary>
/// <remarks>
/// A store that needs a server not available here may throw <see cref="SkipException"/> from the factory
/// (<c>Skip.If</c>): the tests are then reported as skipped with that reason, never passed.
/// </remarks>
public abstract class DocumentOutboxContract
{
    private static readonly Instant Queued = OutboxSampleDocuments.Now;

    /// <summary>An outbox and the account store of the test's storage; a second call stands for a restarted process.</summary>
    /// <returns>The outbox and the store.</returns>
    protected abstract Task<(IDocumentOutbox Outbox, ICustomerAccountStore Store)> CreateAsync();

    /// <summary>Every document kind is stored and read back equal by a new instance.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Enqueue_EveryDocumentKind_ReadsBackEqualFromANewInstance()
    {
        var (outbox, store) = await CreateAsync();
        var documents = await OutboxSampleDocuments.WriteAsync(store);
        Assert.Equal(DocumentJson.Kinds.Order(StringComparer.Ordinal), documents.Select(DocumentJson.KindOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(documents, d => d is DunningLetterDocument { Letter.Customers.Count: > 1 });

        await outbox.EnqueueAsync(documents, Queued, CancellationToken.None);

        var (restarted, _) = await CreateAsync();
        foreach (var document in documents)
        {
            var found = await restarted.FindAsync(document.DocumentId, CancellationToken.None);
            Assert.NotNull(found);
            AssertSame(document, found.Document);
            Assert.Equal(Queued, found.EnqueuedAt);
            Assert.False(found.IsDelivered);
            Assert.Equal(0, found.FailedAttempts);
            Assert.Null(found.LastError);
        }
    }

    /// <summary>Queuing an id that is queued keeps the first version, in one row.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Enqueue_SameIdAgain_KeepsTheFirstVersion()
    {
        var (outbox, store) = await CreateAsync();
        var invoice = (await OutboxSampleDocuments.WriteAsync(store)).OfType<InterestInvoice>().First();
        var changed = invoice with { PaymentDueDate = invoice.PaymentDueDate.PlusDays(7) };

        await outbox.EnqueueAsync([invoice], Queued, CancellationToken.None);
        await outbox.EnqueueAsync([changed, invoice], Queued.Plus(Duration.FromMinutes(1)), CancellationToken.None);

        var (restarted, _) = await CreateAsync();
        var found = await restarted.FindAsync(invoice.DocumentId, CancellationToken.None);
        Assert.Equal(invoice, found?.Document);
        Assert.Equal(Queued, found?.EnqueuedAt);
        Assert.Single(await restarted.ListUndeliveredAsync(CancellationToken.None), d => d.DocumentId == invoice.DocumentId);
    }

    /// <summary>Many writers queuing the same document at once leave one row.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Enqueue_SameIdConcurrently_KeepsOne()
    {
        var (outbox, store) = await CreateAsync();
        var documents = await OutboxSampleDocuments.WriteAsync(store);
        var outboxes = new List<IDocumentOutbox> { outbox };
        for (var i = 1; i < 4; i++)
        {
            outboxes.Add((await CreateAsync()).Outbox);
        }

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await outboxes[i % outboxes.Count].EnqueueAsync(documents, Queued.Plus(Duration.FromSeconds(i)), CancellationToken.None))));

        var undelivered = await outbox.ListUndeliveredAsync(CancellationToken.None);
        Assert.Equal(documents.Count, undelivered.Count);
        Assert.Equal(documents.Select(d => d.DocumentId).Order(StringComparer.Ordinal), undelivered.Select(d => d.DocumentId).Order(StringComparer.Ordinal));
    }

    /// <summary>Undelivered documents are listed oldest first; delivered ones are not listed.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task ListUndelivered_OldestFirst_WithoutTheDelivered()
    {
        var (outbox, store) = await CreateAsync();
        var documents = await OutboxSampleDocuments.WriteAsync(store);
        var reversed = documents.Reverse().ToList();
        for (var i = 0; i < reversed.Count; i++)
        {
            await outbox.EnqueueAsync([reversed[i]], Queued.Plus(Duration.FromSeconds(i)), CancellationToken.None);
        }

        await outbox.MarkDeliveredAsync(reversed[1].DocumentId, Queued.Plus(Duration.FromHours(1)), CancellationToken.None);

        var (restarted, _) = await CreateAsync();
        var undelivered = await restarted.ListUndeliveredAsync(CancellationToken.None);
        Assert.Equal(reversed.Where((_, i) => i != 1).Select(d => d.DocumentId), undelivered.Select(d => d.DocumentId));
    }

    /// <summary>Marking delivered records the first delivery only; the document stays readable.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task MarkDelivered_Twice_KeepsTheFirstDeliveryAndTheDocument()
    {
        var (outbox, store) = await CreateAsync();
        var letter = (await OutboxSampleDocuments.WriteAsync(store)).OfType<DunningLetterDocument>().First();
        await outbox.EnqueueAsync([letter], Queued, CancellationToken.None);
        var delivered = Queued.Plus(Duration.FromMinutes(5));

        await outbox.MarkDeliveredAsync(letter.DocumentId, delivered, CancellationToken.None);
        await outbox.MarkDeliveredAsync(letter.DocumentId, delivered.Plus(Duration.FromHours(1)), CancellationToken.None);

        var (restarted, _) = await CreateAsync();
        var found = await restarted.FindAsync(letter.DocumentId, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(delivered, found.DeliveredAt);
        AssertSame(letter, found.Document);
        Assert.DoesNotContain(await restarted.ListUndeliveredAsync(CancellationToken.None), d => d.DocumentId == letter.DocumentId);
    }

    /// <summary>Every failure is counted and the last reason kept; the document stays undelivered.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task RecordFailure_Twice_CountsBothAndKeepsTheLastError()
    {
        var (outbox, store) = await CreateAsync();
        var advice = (await OutboxSampleDocuments.WriteAsync(store)).OfType<PaymentAdvice>().First();
        await outbox.EnqueueAsync([advice], Queued, CancellationToken.None);

        await outbox.RecordFailureAsync(advice.DocumentId, "IOException: Drucker offline", CancellationToken.None);
        var (restarted, _) = await CreateAsync();
        await restarted.RecordFailureAsync(advice.DocumentId, "IOException: Papierstau", CancellationToken.None);

        var found = await outbox.FindAsync(advice.DocumentId, CancellationToken.None);
        Assert.Equal(2, found?.FailedAttempts);
        Assert.Equal("IOException: Papierstau", found?.LastError);
        Assert.False(found?.IsDelivered);
        Assert.Single(await outbox.ListUndeliveredAsync(CancellationToken.None));
    }

    /// <summary>Marking or failing an id never queued is refused; finding it answers nothing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task UnknownId_MarkOrFail_IsRefused()
    {
        var (outbox, _) = await CreateAsync();

        Assert.Null(await outbox.FindAsync("nie-eingereiht", CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await outbox.MarkDeliveredAsync("nie-eingereiht", Queued, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await outbox.RecordFailureAsync("nie-eingereiht", "x", CancellationToken.None));
        Assert.Empty(await outbox.ListUndeliveredAsync(CancellationToken.None));
    }

    /// <summary>A call with a <see langword="null"/> document or a cancelled token queues nothing, not even the valid documents of the call.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Enqueue_NullDocumentOrCancelled_QueuesNothing()
    {
        var (outbox, store) = await CreateAsync();
        var documents = await OutboxSampleDocuments.WriteAsync(store);

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await outbox.EnqueueAsync([documents[0], null!], Queued, CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await outbox.EnqueueAsync(documents, Queued, cancelled.Token));

        Assert.Empty(await outbox.ListUndeliveredAsync(CancellationToken.None));
    }

    /// <summary>
    /// At least once: an output that fails leaves every document queued with its failure counted; a new process retries
    /// and delivers every document, each letter as the letter first queued.
    /// </summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task Retry_AfterFailedDeliveryInANewProcess_DeliversEveryDocument()
    {
        var (outbox, store) = await CreateAsync();
        var documents = await OutboxSampleDocuments.WriteAsync(store);
        await outbox.EnqueueAsync(documents, Queued, CancellationToken.None);
        var broken = new Output(fail: true);
        var clock = new FixedClock(Queued.Plus(Duration.FromMinutes(1)));

        var still = await new DocumentDelivery(outbox, broken, broken, clock).RetryUndeliveredAsync();

        Assert.Equal(documents.Count, still.Count);
        Assert.All(still, d => Assert.Equal(1, d.FailedAttempts));
        var (restarted, _) = await CreateAsync();
        var output = new Output(fail: false);
        Assert.Empty(await new DocumentDelivery(restarted, output, output, clock).RetryUndeliveredAsync());
        Assert.Equal(documents.Select(d => d.DocumentId), output.Delivered.Select(d => d.DocumentId));
        foreach (var (expected, actual) in documents.Zip(output.Delivered))
        {
            AssertSame(expected, actual);
        }

        Assert.All(documents, d => Assert.True(restarted.FindAsync(d.DocumentId, CancellationToken.None).AsTask().Result?.IsDelivered));
    }

    /// <summary>
    /// Asserts two documents are the same: equal values for plain documents; for dunning letters (views without value
    /// equality) the same stored form, which holds a hash of everything the letter states, and the same totals.
    /// </summary>
    /// <param name="expected">The document queued.</param>
    /// <param name="actual">The document read back.</param>
    protected static void AssertSame(ReceivablesDocument expected, ReceivablesDocument actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(DocumentJson.Serialize(expected), DocumentJson.Serialize(actual));
        if (expected is DunningLetterDocument letter)
        {
            var read = Assert.IsType<DunningLetterDocument>(actual).Letter;
            Assert.Equal(letter.Letter.Id, read.Id);
            Assert.Equal(letter.Letter.Number, read.Number);
            Assert.Equal(letter.Letter.TotalDue, read.TotalDue);
            Assert.Equal(letter.Letter.Lines.Select(l => (l.Customer, l.Installment, l.Status, l.Level, l.OpenAmount, l.Interest, l.Fee)), read.Lines.Select(l => (l.Customer, l.Installment, l.Status, l.Level, l.OpenAmount, l.Interest, l.Fee)));
            Assert.Equal(letter.Letter.Debtors, read.Debtors);
            Assert.Equal(letter.Letter.RecipientAddress, read.RecipientAddress);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    private sealed class Output(bool fail) : IDocumentOutput, IDunningLetterOutput
    {
        public List<ReceivablesDocument> Delivered { get; } = [];

        public ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken) => Take(document);

        public ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Letters arrive with their outgoing document.");

        public ValueTask DeliverAsync(DunningLetter letter, OutgoingDocument outgoing, CancellationToken cancellationToken) => Take(outgoing.Document);

        private ValueTask Take(ReceivablesDocument document)
        {
            if (fail)
            {
                throw new IOException("Drucker offline");
            }

            lock (Delivered)
            {
                Delivered.Add(document);
            }

            return ValueTask.CompletedTask;
        }
    }
}
