using Debitor.Core.Documents;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ports;

public sealed class InMemoryDocumentOutboxTests
{
    private static WriteOffNotification Notice(string id, decimal amount = 1m) =>
        new(id, Today, CustomerA, CustomerA, ReceivablesContact.Default, [new WriteOffLine("RE-1", new Core.Ledger.InstallmentRef(Id("inv-1"), 1), Eur(amount), "Kleinbetrag")]);

    [Fact]
    public async Task EnqueueAsync_SameIdAgain_KeepsTheFirstDocument()
    {
        var outbox = new InMemoryDocumentOutbox();

        await outbox.EnqueueAsync([Notice("d-1", 1m)], Now, default);
        await outbox.EnqueueAsync([Notice("d-1", 2m)], Now.PlusTicks(1), default);

        var stored = Assert.Single(outbox.Documents);
        Assert.Equal((Notice("d-1", 1m), Now), (stored.Document, stored.EnqueuedAt));
    }

    [Fact]
    public async Task MarkDeliveredAsync_RemovesFromUndeliveredAndIsIdempotent()
    {
        var outbox = new InMemoryDocumentOutbox();
        await outbox.EnqueueAsync([Notice("d-1"), Notice("d-2")], Now, default);

        await outbox.MarkDeliveredAsync("d-1", Now, default);
        await outbox.MarkDeliveredAsync("d-1", Now.PlusTicks(5), default);

        Assert.Equal(["d-2"], (await outbox.ListUndeliveredAsync(default)).Select(d => d.DocumentId));
        Assert.Equal(Now, (await outbox.FindAsync("d-1", default))!.DeliveredAt);
    }

    [Fact]
    public async Task RecordFailureAsync_CountsAndKeepsTheLastError()
    {
        var outbox = new InMemoryDocumentOutbox();
        await outbox.EnqueueAsync([Notice("d-1")], Now, default);

        await outbox.RecordFailureAsync("d-1", "first", default);
        await outbox.RecordFailureAsync("d-1", "second", default);

        var pending = Assert.Single(await outbox.ListUndeliveredAsync(default));
        Assert.Equal((2, "second", false), (pending.FailedAttempts, pending.LastError, pending.IsDelivered));
    }

    [Fact]
    public async Task MarkDeliveredAsync_UnknownId_ThrowsNamingDocumentId()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await new InMemoryDocumentOutbox().MarkDeliveredAsync("nope", Now, default));

        Assert.Equal("documentId", exception.ParamName);
    }

    [Fact]
    public async Task EnqueueAsync_ParallelRetriesOfOneDocument_QueueItOnce()
    {
        var outbox = new InMemoryDocumentOutbox();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await outbox.EnqueueAsync([Notice("d-1")], Now, default))));

        Assert.Single(outbox.Documents);
    }
}
