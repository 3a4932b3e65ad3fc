using Debitor.Core.Application;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using Debitor.Core.Dunning;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;
using Microsoft.Data.Sqlite;
using NodaTime.Testing;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// Issue 13 (durable outbox, D13.50): a document delivered after a restart renders exactly as the one delivered at once,
/// for every document kind. Two SQLite databases run the same scenario; the first delivers in the process that queued
/// the documents, the second fails to deliver, and a new store and outbox over the same file (a new process) deliver.
/// </summary>
public sealed class RestartDeliveryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("debitor-outbox-").FullName;

    [Fact]
    public async Task Delivery_AfterRestart_RendersEveryDocumentExactlyAsDeliveredAtOnce()
    {
        var atOnce = await DeliverAtOnceAsync(Path.Combine(_folder, "at-once.db"));
        var afterRestart = await DeliverAfterRestartAsync(Path.Combine(_folder, "restart.db"));

        Assert.Equal(DocumentJson.Kinds.Order(StringComparer.Ordinal), atOnce.Select(o => DocumentJson.KindOf(o.Document)).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(atOnce.Select(o => o.Document.DocumentId), afterRestart.Select(o => o.Document.DocumentId));
        foreach (var (first, later) in atOnce.Zip(afterRestart))
        {
            var (a, b) = (Assert.IsType<RenderedDocument>(first.Rendered), Assert.IsType<RenderedDocument>(later.Rendered));
            Assert.StartsWith("text/html", a.MediaType, StringComparison.Ordinal);
            Assert.Equal(a.MediaType, b.MediaType);
            Assert.Equal(a.FileName, b.FileName);
            Assert.Equal(Html(a), Html(b));
            Assert.Equal((first.Kind, first.Medium, first.Address, first.Email), (later.Kind, later.Medium, later.Address, later.Email));
        }

        // The letters are the point: derived again from the journal, not kept as objects across the restart.
        Assert.Contains(afterRestart, o => o.Document is DunningLetterDocument { Letter.Customers.Count: > 1 });
        Assert.All(afterRestart.Where(o => o.Document is DunningLetterDocument), o =>
            Assert.Contains(((DunningLetterDocument)o.Document).Letter.Number!.Value.ToString(), Html(o.Rendered!), StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<IReadOnlyList<OutgoingDocument>> DeliverAtOnceAsync(string path)
    {
        var store = await OpenAsync(path);
        var outbox = new SqliteDocumentOutbox(store);
        await outbox.EnqueueAsync(await OutboxSampleDocuments.WriteAsync(store), OutboxSampleDocuments.Now, CancellationToken.None);
        var output = new Recorder(fail: false);
        Assert.Empty(await Delivery(outbox, output, store).RetryUndeliveredAsync());
        return output.Outgoing;
    }

    private static async Task<IReadOnlyList<OutgoingDocument>> DeliverAfterRestartAsync(string path)
    {
        var store = await OpenAsync(path);
        var outbox = new SqliteDocumentOutbox(store);
        await outbox.EnqueueAsync(await OutboxSampleDocuments.WriteAsync(store), OutboxSampleDocuments.Now, CancellationToken.None);
        Assert.NotEmpty(await Delivery(outbox, new Recorder(fail: true), store).RetryUndeliveredAsync());
        await store.DisposeAsync();

        var restarted = await OpenAsync(path);
        var output = new Recorder(fail: false);
        Assert.Empty(await Delivery(new SqliteDocumentOutbox(restarted), output, restarted).RetryUndeliveredAsync());
        return output.Outgoing;
    }

    private static async Task<SqliteCustomerAccountStore> OpenAsync(string path)
    {
        var store = new SqliteCustomerAccountStore($"Data Source={path}");
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    private static DocumentDelivery Delivery(IDocumentOutbox outbox, Recorder output, ICustomerAccountStore store) => new(
        outbox,
        output,
        output,
        new DocumentRenderer(new DocumentRendererOptions { Company = SampleDocuments.Profile, DeliveryFormat = DocumentFormat.Html }),
        store,
        new FakeClock(OutboxSampleDocuments.Now.Plus(Duration.FromMinutes(1))));

    private static string Html(RenderedDocument rendered) => System.Text.Encoding.UTF8.GetString(rendered.Content.Span);

    private sealed class Recorder(bool fail) : IDocumentOutput, IDunningLetterOutput
    {
        public List<OutgoingDocument> Outgoing { get; } = [];

        public ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Rendered delivery hands over the outgoing document.");

        public ValueTask DeliverAsync(OutgoingDocument document, CancellationToken cancellationToken) => Take(document);

        public ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Rendered delivery hands over the outgoing document.");

        public ValueTask DeliverAsync(DunningLetter letter, OutgoingDocument document, CancellationToken cancellationToken) => Take(document);

        private ValueTask Take(OutgoingDocument document)
        {
            if (fail)
            {
                throw new IOException("Versand nicht erreichbar");
            }

            Outgoing.Add(document);
            return ValueTask.CompletedTask;
        }
    }
}
