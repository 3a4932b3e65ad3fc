using Debitor.Core.Documents;
using Debitor.Core.Interest;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>Issue 12, defect 2: documents whose entries are stored are delivered at least once, through the outbox.</summary>
public sealed class DocumentDeliveryTests
{
    private static async Task<FaultHarness> PortfolioAsync()
    {
        var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        return harness;
    }

    [Fact]
    public async Task IssueAsync_OutputFailsAfterEntriesStored_RetryDeliversTheSameInvoice()
    {
        // The reproduction: the output throws after the interest charges were appended; the retry used to deliver nothing.
        using var harness = await PortfolioAsync();
        harness.Arm(Fault.OutputFailsOnce);

        await Assert.ThrowsAsync<InjectedFaultException>(() => harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1"));
        var pending = Assert.Single(await harness.Delivery.ListUndeliveredAsync());
        var retried = await harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1");

        var delivered = Assert.IsType<InterestInvoice>(Assert.Single(harness.Output.Inner.Documents));
        Assert.Equal(pending.Document, delivered);
        Assert.Equal(delivered, Assert.Single(retried));
        Assert.True(delivered.InterestTotal.IsPositive);
        Assert.Empty(await harness.Delivery.ListUndeliveredAsync());
        Assert.Equal((1, "InjectedFaultException: output refused ZR-1"), (pending.FailedAttempts, pending.LastError));
    }

    [Fact]
    public async Task RetryUndeliveredAsync_AfterOutputFailure_DeliversWithoutRunningTheUseCaseAgain()
    {
        using var harness = await PortfolioAsync();
        harness.Arm(Fault.OutputFailsOnce);
        await Assert.ThrowsAsync<InjectedFaultException>(() => harness.Payments.WriteOffResidualsAsync(UseCases.Actor, new Core.Application.ResidualWriteOffRun(Id("small-1"), Date(2026, 3, 15), [Eur(0.10m)], "Kleinbetrag") { Company = Company }));

        var still = await harness.Delivery.RetryUndeliveredAsync();

        Assert.Empty(still);
        var notice = Assert.IsType<WriteOffNotification>(Assert.Single(harness.Output.Inner.Documents));
        Assert.Equal(Eur(0.05m), Assert.Single(notice.Lines).Amount);
    }

    [Fact]
    public async Task IssueAsync_StoreLosesTheAcknowledgement_RetryDerivesTheInvoiceFromTheJournal()
    {
        using var harness = await PortfolioAsync();
        var expected = await harness.Interest.PreviewAsync(UseCases.Actor, CustomerA, "ZR-1");
        harness.Arm(Fault.StoreThrowsAfterFirstAppend);

        await Assert.ThrowsAsync<InjectedFaultException>(() => harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1"));
        Assert.Empty(harness.Output.Inner.Documents);
        var retried = await harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1");

        Assert.Equal(expected, retried);
        Assert.Equal(expected, harness.Output.Inner.Documents);
    }

    [Fact]
    public async Task IssueAsync_SameNumberTwice_PostsAndDeliversOnce()
    {
        using var harness = await PortfolioAsync();
        var first = await harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1");
        var version = (await harness.Accounts.GetAccountAsync(Accountant, CustomerA)).Version;

        var second = await harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1");

        Assert.Equal(first, second);
        Assert.Equal(version, (await harness.Accounts.GetAccountAsync(Accountant, CustomerA)).Version);
        Assert.Single(harness.Output.Inner.Documents);
        Assert.Single(harness.Outbox.Documents);
    }

    [Fact]
    public async Task ApplyPaymentAsync_OutputFailsOnce_AdviceAndNotificationStayQueuedUntilRetried()
    {
        using var harness = await PortfolioAsync();
        harness.Arm(Fault.OutputFailsOnce);

        await Assert.ThrowsAsync<InjectedFaultException>(() => harness.Payments.ApplyPaymentAsync(UseCases.Actor, UseCases.Payer, new Core.Payments.IncomingPayment(Id("pay-9"), Eur(120m), Date(2026, 3, 14))));

        var pending = await harness.Delivery.ListUndeliveredAsync();
        Assert.Equal(["pay-9/advice", "pay-9/difference/1"], pending.Select(d => d.DocumentId));
        Assert.Equal([1, 0], pending.Select(d => d.FailedAttempts));
        Assert.Empty(await harness.Delivery.RetryUndeliveredAsync());
        Assert.Equal(["pay-9/advice", "pay-9/difference/1"], harness.Output.Inner.Documents.Select(d => d.DocumentId));
    }

    [Fact]
    public async Task RetryUndeliveredAsync_OneDocumentKeepsFailing_TheOthersAreDelivered()
    {
        var outbox = new InMemoryDocumentOutbox();
        var output = new RefusingOutput("b");
        var delivery = new Core.Application.DocumentDelivery(outbox, output, new MovingClock());
        await outbox.EnqueueAsync([Notice("a"), Notice("b"), Notice("c")], Now, default);

        var still = await delivery.RetryUndeliveredAsync();

        Assert.Equal(["b"], still.Select(d => d.DocumentId));
        Assert.Equal(["a", "c"], output.Delivered);
        Assert.Equal(1, still[0].FailedAttempts);
    }

    private static WriteOffNotification Notice(string id) => new(id, Today, CustomerA, CustomerA, ReceivablesContact.Default, []);

    private sealed class RefusingOutput(string refused) : IDocumentOutput
    {
        public List<string> Delivered { get; } = [];

        public ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken)
        {
            if (document.DocumentId == refused)
            {
                throw new InvalidOperationException("printer offline");
            }

            Delivered.Add(document.DocumentId);
            return ValueTask.CompletedTask;
        }
    }
}
