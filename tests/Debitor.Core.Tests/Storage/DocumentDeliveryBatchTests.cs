using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;
using NodaTime.Testing;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// A use case's documents queued in one outbox call and their deliveries recorded in one write (D16.62, D13.83), over a
/// database outbox as the <c>debitor</c> tool uses it: a fault anywhere in a batch loses nothing, and the retry delivers
/// every document exactly once. Each store runs the same tests.
/// </summary>
public abstract class DocumentDeliveryBatchContract
{
    /// <summary>A store with an empty outbox, its schema created.</summary>
    protected abstract Task<ICustomerAccountStore> CreateStoreAsync();

    /// <summary>A new outbox over <paramref name="store"/>, as a new process opens it.</summary>
    protected abstract IDocumentOutbox Outbox(ICustomerAccountStore store);

    [SkippableFact]
    public async Task SendAsync_FaultAtAnyDocumentOfABatch_TheRunAgainDeliversEveryDocumentExactlyOnce()
    {
        var (store, documents) = await SamplesAsync();
        for (var failing = 0; failing < documents.Count; failing++)
        {
            var prefix = $"f{failing}-";
            var batch = await OutboxSampleDocuments.WriteAsync(store, prefix);
            var output = new FlakyOutput(batch[failing].DocumentId);
            var delivery = Delivery(Outbox(store), output);

            await Assert.ThrowsAsync<IOException>(() => delivery.SendAsync(batch, CancellationToken.None));

            // Nothing lost: the documents before the fault are recorded delivered, the failed one and those after it wait.
            var pending = await Outbox(store).ListUndeliveredAsync(CancellationToken.None);
            Assert.Equal(batch.Skip(failing).Select(d => d.DocumentId), pending.Select(p => p.DocumentId));
            Assert.Equal(1, pending[0].FailedAttempts);
            Assert.All(pending.Skip(1), p => Assert.Equal(0, p.FailedAttempts));

            // The use case again, as a new process: every document of the batch reaches the output once in all.
            await Delivery(Outbox(store), output).SendAsync(batch, CancellationToken.None);

            Assert.Empty(await Outbox(store).ListUndeliveredAsync(CancellationToken.None));
            Assert.Equal(batch.Select(d => d.DocumentId).Order(StringComparer.Ordinal), output.Delivered.Order(StringComparer.Ordinal));
        }
    }

    [SkippableFact]
    public async Task SendAsync_FaultInABatch_RetryUndeliveredDeliversTheRestExactlyOnce()
    {
        var (store, batch) = await SamplesAsync();
        var output = new FlakyOutput(batch[1].DocumentId);
        await Assert.ThrowsAsync<IOException>(() => Delivery(Outbox(store), output).SendAsync(batch, CancellationToken.None));

        var still = await Delivery(Outbox(store), output).RetryUndeliveredAsync();

        Assert.Empty(still);
        Assert.Equal(batch.Select(d => d.DocumentId).Order(StringComparer.Ordinal), output.Delivered.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task SendAsync_DeliveredBatchAgainInANewProcess_QueuesAndDeliversNothing()
    {
        var (store, batch) = await SamplesAsync();
        var output = new FlakyOutput(null);
        await Delivery(Outbox(store), output).SendAsync(batch, CancellationToken.None);
        var rows = (await Outbox(store).ListUndeliveredAsync(CancellationToken.None)).Count;

        await Delivery(Outbox(store), output).SendAsync(batch, CancellationToken.None);

        Assert.Equal(0, rows);
        Assert.Equal(batch.Count, output.Delivered.Count);
        Assert.Equal(batch.Count, output.Delivered.Distinct(StringComparer.Ordinal).Count());
    }

    [SkippableFact]
    public async Task MarkDeliveredMany_AnUnknownId_RecordsNothingAndNamesIt()
    {
        var (store, batch) = await SamplesAsync();
        var outbox = Outbox(store);
        await outbox.EnqueueAsync(batch, OutboxSampleDocuments.Now, CancellationToken.None);
        var batches = (IDocumentOutboxBatches)outbox;

        var refused = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await batches.MarkDeliveredAsync([batch[0].DocumentId, "nie-eingereiht"], OutboxSampleDocuments.Now, CancellationToken.None));

        Assert.Contains("nie-eingereiht", refused.Message, StringComparison.Ordinal);
        Assert.Equal(batch.Count, (await outbox.ListUndeliveredAsync(CancellationToken.None)).Count);
        Assert.All((await batches.QueuedAmongAsync([.. batch.Select(d => d.DocumentId)], CancellationToken.None)).Values, Assert.False);
    }

    [SkippableFact]
    public async Task QueuedAmong_AfterMarkingSome_NamesEveryQueuedIdAndExactlyTheDeliveredOnes()
    {
        var (store, batch) = await SamplesAsync();
        var outbox = Outbox(store);
        await outbox.EnqueueAsync(batch, OutboxSampleDocuments.Now, CancellationToken.None);
        var batches = (IDocumentOutboxBatches)outbox;
        string[] marked = [batch[0].DocumentId, batch[^1].DocumentId];

        await batches.MarkDeliveredAsync(marked, OutboxSampleDocuments.Now, CancellationToken.None);
        await batches.MarkDeliveredAsync(marked, OutboxSampleDocuments.Now.Plus(Duration.FromHours(1)), CancellationToken.None);

        var queued = await batches.QueuedAmongAsync([.. batch.Select(d => d.DocumentId), "nie-eingereiht"], CancellationToken.None);
        Assert.Equal(batch.Select(d => d.DocumentId).Order(StringComparer.Ordinal), queued.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(marked.Order(StringComparer.Ordinal), queued.Where(q => q.Value).Select(q => q.Key).Order(StringComparer.Ordinal));
        var first = await outbox.FindAsync(marked[0], CancellationToken.None);
        Assert.Equal(OutboxSampleDocuments.Now, first!.DeliveredAt);
    }

    [SkippableFact]
    public async Task SendAsync_OneDocumentQueuedBefore_ReadsBackOnlyThatOneAndDeliversEachOnce()
    {
        var (store, batch) = await SamplesAsync();
        await Outbox(store).EnqueueAsync([batch[1]], OutboxSampleDocuments.Now, CancellationToken.None); // an earlier attempt that stopped before delivering
        var outbox = new CountingOutbox(Outbox(store));
        var output = new FlakyOutput(null);

        await Delivery(outbox, output).SendAsync(batch, CancellationToken.None);

        Assert.Equal([batch[1].DocumentId], outbox.Found); // the one queued before is delivered as queued (D16.193)
        Assert.Equal(batch.Select(d => d.DocumentId).Order(StringComparer.Ordinal), output.Delivered.Order(StringComparer.Ordinal));
        Assert.Empty(await Outbox(store).ListUndeliveredAsync(CancellationToken.None));
    }

    private async Task<(ICustomerAccountStore Store, IReadOnlyList<ReceivablesDocument> Documents)> SamplesAsync()
    {
        var store = await CreateStoreAsync();
        var documents = await OutboxSampleDocuments.WriteAsync(store);
        Assert.Contains(documents, d => d is DunningLetterDocument);
        Assert.True(documents.Count >= 3);
        return (store, documents);
    }

    private static DocumentDelivery Delivery(IDocumentOutbox outbox, FlakyOutput output) =>
        new(outbox, new FakeClock(OutboxSampleDocuments.Now), output, output);

    /// <summary>An outbox that counts which documents are read back, passing everything to the store's outbox.</summary>
    private sealed class CountingOutbox(IDocumentOutbox inner) : IDocumentOutbox, IDocumentOutboxBatches
    {
        private readonly IDocumentOutboxBatches _batches = (IDocumentOutboxBatches)inner;

        public List<string> Found { get; } = [];

        public ValueTask EnqueueAsync(IReadOnlyList<ReceivablesDocument> documents, Instant enqueuedAt, CancellationToken cancellationToken) => inner.EnqueueAsync(documents, enqueuedAt, cancellationToken);

        public ValueTask<OutboxDocument?> FindAsync(string documentId, CancellationToken cancellationToken)
        {
            Found.Add(documentId);
            return inner.FindAsync(documentId, cancellationToken);
        }

        public ValueTask<IReadOnlyList<OutboxDocument>> ListUndeliveredAsync(CancellationToken cancellationToken) => inner.ListUndeliveredAsync(cancellationToken);

        public ValueTask MarkDeliveredAsync(string documentId, Instant deliveredAt, CancellationToken cancellationToken) => inner.MarkDeliveredAsync(documentId, deliveredAt, cancellationToken);

        public ValueTask RecordFailureAsync(string documentId, string error, CancellationToken cancellationToken) => inner.RecordFailureAsync(documentId, error, cancellationToken);

        public ValueTask MarkDeliveredAsync(IReadOnlyList<string> documentIds, Instant deliveredAt, CancellationToken cancellationToken) => _batches.MarkDeliveredAsync(documentIds, deliveredAt, cancellationToken);

        public ValueTask<IReadOnlyDictionary<string, bool>> QueuedAmongAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken) => _batches.QueuedAmongAsync(documentIds, cancellationToken);
    }

    /// <summary>An output of every document that fails once on the document with the given id.</summary>
    private sealed class FlakyOutput(string? failsOnce) : IDocumentOutput, IDunningLetterOutput
    {
        private string? _failsOnce = failsOnce;

        public List<string> Delivered { get; } = [];

        public ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken) => Take(document.DocumentId);

        public ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken) => Take(letter.Id);

        private ValueTask Take(string id)
        {
            if (string.Equals(id, _failsOnce, StringComparison.Ordinal))
            {
                _failsOnce = null;
                throw new IOException($"output down at {id}");
            }

            Delivered.Add(id);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The batch delivery over the SQLite outbox.</summary>
public sealed class SqliteDocumentDeliveryBatchTests : DocumentDeliveryBatchContract, IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    protected override async Task<ICustomerAccountStore> CreateStoreAsync() => await _file.OpenStoreAsync();

    protected override IDocumentOutbox Outbox(ICustomerAccountStore store) => new SqliteDocumentOutbox((SqliteCustomerAccountStore)store);
}

/// <summary>The batch delivery over the PostgreSQL outbox (D13.83), on a fresh schema.</summary>
public sealed class PostgreSqlDocumentDeliveryBatchTests : DocumentDeliveryBatchContract, IAsyncLifetime
{
    private readonly PostgresStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    protected override async Task<ICustomerAccountStore> CreateStoreAsync() => await _stores.OpenAsync();

    protected override IDocumentOutbox Outbox(ICustomerAccountStore store) => new PostgreSqlDocumentOutbox((PostgreSqlCustomerAccountStore)store);
}
