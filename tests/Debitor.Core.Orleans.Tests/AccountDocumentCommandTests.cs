using System.Text;
using Debitor.Core.Application;
using Debitor.Core.Collections;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Files;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Orleans.Tests;

/// <summary>The use cases of one account that answer with a document, a file, a decision or letters, run as commands in the account's grain.</summary>
public sealed partial class AccountCommandTests
{
    [Fact(Timeout = 120_000)]
    public async Task HandOverAsync_InAccountsGrain_SameDocumentAndJournalAsInProcessAndRetryWritesNothing()
    {
        var customer = new CustomerId("CMD-5001");
        var reference = Reference();
        var accounts = Clients()[1];
        var collection = reference.GetRequiredService<CollectionService>();
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer));
        await accounts.PostAllAsync(Actor, customer, [Invoice(1), Invoice(2), Invoice(3)]);
        await reference.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Actor, NewCustomer(customer));
        await reference.GetRequiredService<CustomerAccountService>().PostAllAsync(Actor, customer, [Invoice(1), Invoice(2), Invoice(3)]);

        var document = await accounts.HandOverAsync(Actor, customer, Id("case-1"), [Id("inv-1"), Id("inv-2")], HandOverKind.Lawyer, "Kanzlei Beispiel");
        var version = (await Sample.Host.Store.LoadAsync(customer, CancellationToken.None)).Count;
        var again = await Clients()[0].HandOverAsync(Actor, customer, Id("case-1"), [Id("inv-1"), Id("inv-2")], HandOverKind.Lawyer, "Kanzlei Beispiel");
        var expected = await collection.HandOverAsync(Actor, customer, Id("case-1"), [Id("inv-1"), Id("inv-2")], HandOverKind.Lawyer, "Kanzlei Beispiel");

        foreach (var answer in new[] { document, again })
        {
            Assert.Equal(expected with { Claims = [], Documents = [] }, answer with { Claims = [], Documents = [] });
            Assert.Equal(expected.Claims, answer.Claims);
            Assert.Equal(expected.Documents, answer.Documents);
        }

        Assert.Equal([Id("inv-1"), Id("inv-2")], document.Claims.Select(c => c.Item));
        Assert.Equal(version, (await Sample.Host.Store.LoadAsync(customer, CancellationToken.None)).Count);
        await AssertSameJournalAsync(reference, customer);
    }

    [Fact(Timeout = 120_000)]
    public async Task AttachFileAsync_BytesTravelWithCommand_CleanFileStoredOnceInfectedFileNothingStored()
    {
        var customer = new CustomerId("CMD-5002");
        var reference = Reference();
        var accounts = Clients()[2];
        var files = (InMemoryFileStorage)Sample.Cluster.Silos[0].ServiceProvider.GetRequiredService<IFileStorage>();
        var content = Encoding.UTF8.GetBytes("Lieferschein 4711, unterschrieben");
        var infected = Encoding.ASCII.GetBytes("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer));
        await reference.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Actor, NewCustomer(customer));
        var stored = files.Count;

        var result = await accounts.AttachFileAsync(Actor, customer, Id("file-1"), "Lieferschein", "lieferschein.pdf", "application/pdf", content);
        var again = await Clients()[0].AttachFileAsync(Actor, customer, Id("file-1"), "Lieferschein", "lieferschein.pdf", "application/pdf", content);
        var refused = await accounts.AttachFileAsync(Actor, customer, Id("file-2"), "Anhang", "anhang.txt", "text/plain", infected);
        var expected = await reference.GetRequiredService<CollectionService>().AttachFileAsync(Actor, customer, Id("file-1"), "Lieferschein", "lieferschein.pdf", "application/pdf", content);

        Assert.Equal(expected, result);
        Assert.Equal(expected, again);
        Assert.Equal(ScanVerdict.Clean, result.Scan.Verdict);
        Assert.Equal(content, (await files.ReadAsync(result.File!.StorageKey, CancellationToken.None))!.Value.ToArray());
        Assert.Null(refused.File);
        Assert.Equal(ScanVerdict.Infected, refused.Scan.Verdict);
        Assert.Equal(stored + 1, files.Count);
        await Assert.ThrowsAsync<DuplicateEntryException>(() => accounts.AttachFileAsync(Actor, customer, Id("file-1"), "Lieferschein", "lieferschein.pdf", "application/pdf", infected));
        Assert.Equal(stored + 1, files.Count);
        await AssertSameJournalAsync(reference, customer);
    }

    [Fact(Timeout = 120_000)]
    public async Task OverrideAsync_BlockedDelivery_RecordedInGrainSameDecisionAndJournalAsInProcessAndRetryWritesNothing()
    {
        var customer = new CustomerId("CMD-5003");
        var reference = Reference();
        var accounts = Clients()[1];
        var credit = reference.GetRequiredService<CreditControlService>();
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer));
        await accounts.SetBlockAsync(Actor, customer, Id("block"), CreditBlockLevel.Delivery, "Zahlungsverzug");
        await reference.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Actor, NewCustomer(customer));
        await credit.SetBlockAsync(Actor, customer, Id("block"), CreditBlockLevel.Delivery, "Zahlungsverzug");
        var amount = new Money(250m, Currency.EUR);

        // An accountant may not override (R2.5): refused in the grain, nothing written.
        await Assert.ThrowsAsync<AuthorizationException>(() => accounts.OverrideAsync(Actor, customer, Id("override"), SalesDocumentKind.Delivery, "Ware ist bereits bezahlt", amount, "LS-4711"));
        var decision = await accounts.OverrideAsync(Supervisor, customer, Id("override"), SalesDocumentKind.Delivery, "Ware ist bereits bezahlt", amount, "LS-4711");
        var version = (await Sample.Host.Store.LoadAsync(customer, CancellationToken.None)).Count;
        var again = await Clients()[0].OverrideAsync(Supervisor, customer, Id("override"), SalesDocumentKind.Delivery, "Ware ist bereits bezahlt", amount, "LS-4711");
        var allowed = await accounts.OverrideAsync(Supervisor, customer, Id("override-quote"), SalesDocumentKind.Quote, "Angebot");
        var expected = await credit.OverrideAsync(Supervisor, customer, Id("override"), SalesDocumentKind.Delivery, "Ware ist bereits bezahlt", amount, "LS-4711");

        Assert.Equal(CreditOutcome.Overridden, decision.Outcome);
        Assert.Equal(expected, decision);
        Assert.Equal(expected, again);
        Assert.Equal(expected.Reasons, decision.Reasons);
        Assert.Equal(CreditOutcome.Allowed, allowed.Outcome);
        Assert.Equal(version, (await Sample.Host.Store.LoadAsync(customer, CancellationToken.None)).Count);
        await AssertSameJournalAsync(reference, customer);
    }

    [Fact(Timeout = 120_000)]
    public async Task DunNowAsync_CustomerWithPayer_RunsInRecipientsGrainSameJournalsAsInProcessAndRetryIssuesNothing()
    {
        var payer = new CustomerId("CMD-6000");
        var customer = new CustomerId("CMD-6001");
        var reference = Reference();
        var accounts = Clients()[0];
        var inProcess = reference.GetRequiredService<CustomerAccountService>();
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(payer));
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer) with { Payer = payer, PayerRouting = new PayerRouting(DunningLetters: DocumentRecipient.Payer) });
        await accounts.PostAllAsync(Actor, customer, [Invoice(1), Invoice(2)]);
        await inProcess.RegisterCustomerAsync(Actor, NewCustomer(payer));
        await inProcess.RegisterCustomerAsync(Actor, NewCustomer(customer) with { Payer = payer, PayerRouting = new PayerRouting(DunningLetters: DocumentRecipient.Payer) });
        await inProcess.PostAllAsync(Actor, customer, [Invoice(1), Invoice(2)]);
        var run = new DunningRunId("dun-now-6001");

        var result = await accounts.DunNowAsync(Actor, customer, run, Today);
        var versions = await VersionsAsync([payer, customer]);
        var again = await Clients()[2].DunNowAsync(Actor, customer, run, Today);
        var expected = await reference.GetRequiredService<DunningService>().DunNowAsync(Actor, customer, run, Today);

        var letter = Assert.Single(result.Issued);
        Assert.Equal(Assert.Single(expected.Issued).RecipientId.Value, letter.Recipient);
        Assert.Equal(payer.Value, letter.Recipient);
        Assert.Equal(DunningLetterSnapshot.Of(expected.Issued[0]).Describe(), letter.Describe());

        // The same run again (a retry after a lost answer) answers as the service does in process, and writes nothing.
        var expectedAgain = await reference.GetRequiredService<DunningService>().DunNowAsync(Actor, customer, run, Today);
        Assert.Equal(expectedAgain.Issued.Select(l => DunningLetterSnapshot.Of(l).Describe()), again.Issued.Select(l => l.Describe()));
        Assert.Equal(versions, await VersionsAsync([payer, customer]));
        await AssertSameJournalAsync(reference, payer);
        await AssertSameJournalAsync(reference, customer);
    }

    [Fact(Timeout = 120_000)]
    public async Task WriteOffResidualsAsync_NamedAccounts_EachInItsGrainSameJournalsAsInProcessAndRetryWritesNothing()
    {
        var customers = new[] { new CustomerId("CMD-7001"), new CustomerId("CMD-7002") };
        var reference = Reference();
        var accounts = Clients()[1];
        var run = new ResidualWriteOffRun(Id("residuals"), Today, [new Money(1m, Currency.EUR)], "Kleinstbetrag", customers);
        foreach (var (customer, i) in customers.Select((c, i) => (c, i)))
        {
            var payment = new Payments.IncomingPayment(Id("pay-" + customer.Value), new Money(Invoice(1).Amount.Amount - 0.25m - i, Currency.EUR), Today, PaymentMethod.Transfer, "RE-1", [Id("inv-1")]);
            await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer));
            await accounts.PostAsync(Actor, customer, Invoice(1));
            await accounts.ApplyPaymentAsync(Actor, customer, payment);
            await reference.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Actor, NewCustomer(customer));
            await reference.GetRequiredService<CustomerAccountService>().PostAsync(Actor, customer, Invoice(1));
            await reference.GetRequiredService<PaymentService>().ApplyPaymentAsync(Actor, customer, payment);
        }

        // Refused before any account is written: an actor without the permission, a customer that does not exist.
        var before = await VersionsAsync(customers);
        await Assert.ThrowsAsync<AuthorizationException>(() => accounts.WriteOffResidualsAsync(new Actor(new UserId("praktikant"), [Roles.Clerk]), run));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.WriteOffResidualsAsync(Actor, new ResidualWriteOffRun(Id("residuals"), Today, [new Money(1m, Currency.EUR)], "Kleinstbetrag", [.. customers, new CustomerId("CMD-7999")])));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.WriteOffResidualsAsync(Actor, new ResidualWriteOffRun(Id("residuals"), Today, [new Money(1m, Currency.EUR)], "Kleinstbetrag")));
        Assert.Equal(before, await VersionsAsync(customers));

        var written = await accounts.WriteOffResidualsAsync(Actor, run);
        var versions = await VersionsAsync(customers);
        var again = await Clients()[0].WriteOffResidualsAsync(Actor, run);
        var expected = await reference.GetRequiredService<PaymentService>().WriteOffResidualsAsync(Actor, run);

        Assert.Equal(customers, written.Select(w => w.Account.Id));
        Assert.Equal(customers.Select(c => expected.WrittenOff.Count(w => w.Customer == c)), written.Select(w => w.WrittenOff));
        Assert.Empty(written[0].Account.OpenItems);                 // 0.25 EUR left: below the threshold, written off
        Assert.Single(written[1].Account.OpenItems);                // 1.25 EUR left: not below it, stays open
        Assert.Equal([1, 0], written.Select(w => w.WrittenOff));
        Assert.Equal(written.Select(w => (w.Account.Version, w.WrittenOff)), again.Select(w => (w.Account.Version, w.WrittenOff)));   // the retry reports what the first attempt wrote off
        Assert.Equal(versions, await VersionsAsync(customers));
        foreach (var customer in customers)
        {
            await AssertSameJournalAsync(reference, customer);
        }
    }

    [Fact]
    public async Task ClusterAccounts_DocumentCommandsWithInvalidArguments_RefusedBeforeAnythingIsSent()
    {
        var accounts = Clients()[0];
        var customer = new CustomerId("CMD-5009");

        await Assert.ThrowsAsync<ArgumentNullException>(() => accounts.HandOverAsync(Actor, customer, Id("case"), null!, HandOverKind.Lawyer, "Kanzlei"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => accounts.HandOverAsync(Actor, customer, Id("case"), [Id("inv-1")], HandOverKind.Lawyer, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => accounts.AttachFileAsync(null!, customer, Id("file"), "Titel", "a.txt", "text/plain", new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => accounts.OverrideAsync(null!, customer, Id("override"), SalesDocumentKind.Order, "Notiz"));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.DunNowAsync(Actor, customer, default, Today));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.AttachFileAsync(Actor, customer, Id("file"), " ", "a.txt", "text/plain", new byte[] { 1 }));
        Assert.Empty(await Sample.Host.Store.LoadAsync(customer, CancellationToken.None));
    }

    private static Actor Supervisor { get; } = new(new UserId("leitung"), Roles.Supervisor);

    /// <summary>The account's journal in the cluster holds the same entries as the in-process services wrote.</summary>
    private async Task AssertSameJournalAsync(IServiceProvider reference, CustomerId customer)
    {
        var journal = await Sample.Host.Store.LoadAsync(customer, CancellationToken.None);
        var expected = await reference.GetRequiredService<ICustomerAccountStore>().LoadAsync(customer, CancellationToken.None);
        Assert.Equal(Entries(expected), Entries(journal));
    }
}
