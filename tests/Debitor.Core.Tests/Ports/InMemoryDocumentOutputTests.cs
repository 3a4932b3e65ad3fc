using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ports;

public sealed class InMemoryDocumentOutputTests
{
    private static WriteOffNotification Notification(string id) =>
        new(id, Today, CustomerA, CustomerA, ReceivablesContact.Default, [new WriteOffLine("RE-1", new InstallmentRef(Id("inv-1")), Eur(0.02m), "small")]);

    [Fact]
    public async Task DeliverAsync_SameIdTwice_KeepsOne()
    {
        var output = new InMemoryDocumentOutput();

        await output.DeliverAsync(Notification("d-1"), default);
        await output.DeliverAsync(Notification("d-1"), default);
        await output.DeliverAsync(Notification("d-2"), default);

        Assert.Equal(["d-1", "d-2"], output.Documents.Select(d => d.DocumentId));
    }

    [Fact]
    public async Task DeliverAsync_Concurrently_LosesNothing()
    {
        var output = new InMemoryDocumentOutput();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () => await output.DeliverAsync(Notification("d-" + i), default))));

        Assert.Equal(200, output.Documents.Count);
    }
}
