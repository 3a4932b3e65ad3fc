using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Orleans.Tests;

/// <summary>The dunning use cases that finish or undo a run, each account's part run in the account's grain.</summary>
public sealed partial class AccountCommandTests
{
    [Fact(Timeout = 180_000)]
    public async Task CancelRunAsync_RunOverSeveralAccounts_CheckedFirstEachLetterInRecipientsGrainSameJournalsAsInProcess()
    {
        // Its own company: its letter numbers come from a sequence no other test draws from, in the cluster as in process.
        var company = new CompanyId("CLUSTER-CANCEL");
        var payer = new CustomerId("CAN-1000");
        var customer = new CustomerId("CAN-1001");
        var alone = new CustomerId("CAN-1002");
        var other = new[] { new CustomerId("CAN-1003"), new CustomerId("CAN-1004") };
        var all = new[] { payer, customer, alone, other[0], other[1] };
        Customer Of(CustomerId id) => new(id, id.Value, "Kunde " + id.Value + " GmbH", company);
        var reference = Reference();
        var accounts = new ClusterAccounts(Sample.Cluster.Client, company);
        var inProcess = reference.GetRequiredService<CustomerAccountService>();
        var dunning = reference.GetRequiredService<DunningService>();
        foreach (var id in all)
        {
            var settings = id == customer ? Of(id) with { Payer = payer, PayerRouting = new PayerRouting(DunningLetters: DocumentRecipient.Payer) } : Of(id);
            await accounts.RegisterCustomerAsync(Actor, settings);
            await inProcess.RegisterCustomerAsync(Actor, settings);
            if (id != payer)
            {
                await accounts.PostAllAsync(Actor, id, [Invoice(1), Invoice(2)]);
                await inProcess.PostAllAsync(Actor, id, [Invoice(1), Invoice(2)]);
            }
        }

        var run = new DunningRunId("cancel-run-1");
        var built = new DunningRunId("cancel-run-2");
        foreach (var (id, runId) in new[] { (customer, run), (alone, run), (other[0], built), (other[1], built) })
        {
            await accounts.DunNowAsync(Actor, id, runId, Today);
            await dunning.DunNowAsync(Actor, id, runId, Today);
        }

        // A later letter (not of the run) dunned an installment the second run's letter to CAN-1004 dunned: written alike
        // in the cluster (through the account's grain) and in process.
        foreach (var store in new ICustomerAccountStore[] { new ClusterCustomerAccountStore(Sample.Cluster.Client, company, Sample.Host.Store), reference.GetRequiredService<ICustomerAccountStore>() })
        {
            var journal = await store.LoadAsync(other[1], CancellationToken.None);
            var notice = journal.Select(r => r.Entry).OfType<DunningNoticeIssued>().Last();
            var later = new JournalRecord(journal[^1].Version + 1, Instant.FromUtc(2026, 11, 23, 9, 0), new UserId("batch"), notice with { Id = new EntryId("later-1"), LetterId = "later-letter" });
            await store.AppendAsync(other[1], journal[^1].Version, [later], CancellationToken.None);
        }

        var cluster = Sample.Dunning();
        var before = await VersionsAsync(all);

        // Refused before any account is written: a later letter built on a letter of the run (the service's own check,
        // also on the account whose letter would be cancelled last), an actor without the permission, an unknown run.
        var expectedRefusal = await Assert.ThrowsAsync<LetterBuiltUponException>(() => dunning.CancelRunAsync(Actor, company, built, "Irrtum"));
        var refusal = await Assert.ThrowsAsync<LetterBuiltUponException>(() => cluster.CancelRunAsync(Actor, company, built, "Irrtum"));
        Assert.Equal((expectedRefusal.LetterId, expectedRefusal.LaterLetterId, expectedRefusal.Customer, expectedRefusal.Installment), (refusal.LetterId, refusal.LaterLetterId, refusal.Customer, refusal.Installment));
        await Assert.ThrowsAsync<AuthorizationException>(() => cluster.CancelRunAsync(new Actor(new UserId("praktikant"), [Roles.Clerk]), company, run, "Irrtum"));
        await Assert.ThrowsAsync<ArgumentException>(() => cluster.CancelRunAsync(Actor, company, new DunningRunId("no-such-run"), "Irrtum"));
        await Assert.ThrowsAsync<ArgumentException>(() => cluster.CancelRunAsync(Actor, company, run, " "));
        Assert.Equal(before, await VersionsAsync(all));

        var letters = await cluster.CancelRunAsync(Actor, company, run, "Falsche Anschrift");
        var versions = await VersionsAsync(all);
        var again = await new ClusterDunningService(Sample.Cluster.Silos[1].ServiceProvider.GetRequiredService<IGrainFactory>(), Sample.Host.Store, Sample.Host.Authorization, new ClusterDunningOptions())
            .CancelRunAsync(Actor, company, run, "Falsche Anschrift");
        var expected = await dunning.CancelRunAsync(Actor, company, run, "Falsche Anschrift");

        Assert.Equal(2, letters.Count);
        Assert.Equal(expected, letters);
        Assert.Equal(letters, again);
        Assert.Equal(versions, await VersionsAsync(all));                     // cancelling again writes nothing
        Assert.NotEqual(before, versions);
        foreach (var id in all)
        {
            await AssertSameJournalAsync(reference, id);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task SendCourtesyRemindersAsync_PreviewedProposal_EachAccountsRemindersInItsGrainSameJournalsAsInProcessAndRetryRecordsNothing()
    {
        // Its own company, with a scheme that proposes courtesy reminders seven days before the due date.
        var company = new CompanyId("CLUSTER-COURTESY");
        Sample.Host.Settings.Set(company, DunningSettings.Default.WithScheme(DunningScheme.Default with { CourtesyReminderDays = 7 }));
        var customers = new[] { new CustomerId("CRT-1001"), new CustomerId("CRT-1002") };
        var reference = Reference();
        var accounts = new ClusterAccounts(Sample.Cluster.Client, company);
        var inProcess = reference.GetRequiredService<CustomerAccountService>();
        var dunning = reference.GetRequiredService<DunningService>();
        foreach (var (id, i) in customers.Select((c, i) => (c, i)))
        {
            var amount = new Money(200m + i, Currency.EUR);
            var invoices = new JournalEntry[]
            {
                new InvoicePosted(Id("soon-1"), "RE-S1", Today.PlusDays(-20), Today.PlusDays(3), amount, [new Installment(amount)]),
                new InvoicePosted(Id("soon-2"), "RE-S2", Today.PlusDays(-20), Today.PlusDays(5 + i), amount, [new Installment(amount)]),
                Invoice(1),
            };
            await accounts.RegisterCustomerAsync(Actor, new Customer(id, id.Value, "Kunde " + id.Value + " GmbH", company));
            await inProcess.RegisterCustomerAsync(Actor, new Customer(id, id.Value, "Kunde " + id.Value + " GmbH", company));
            await accounts.PostAllAsync(Actor, id, invoices);
            await inProcess.PostAllAsync(Actor, id, invoices);
        }

        var request = new DunningRunRequest(new DunningRunId("courtesy-1"), company, Today);
        var proposal = await dunning.PreviewAsync(Actor, request);
        Assert.Equal(4, proposal.CourtesyReminders.Count);
        var cluster = Sample.Dunning();
        var before = await VersionsAsync(customers);

        // Refused before any account is written.
        await Assert.ThrowsAsync<AuthorizationException>(() => cluster.SendCourtesyRemindersAsync(new Actor(new UserId("praktikant"), [Roles.Clerk]), proposal));
        Assert.Equal(before, await VersionsAsync(customers));

        var sent = await cluster.SendCourtesyRemindersAsync(Actor, proposal);
        var versions = await VersionsAsync(customers);
        var again = await cluster.SendCourtesyRemindersAsync(Actor, proposal);
        var expected = await dunning.SendCourtesyRemindersAsync(Actor, proposal);

        Assert.Equal(expected.Select(l => (l.Customer, l.Installment)), sent.Select(l => (l.Customer, l.Installment)));
        Assert.Equal(proposal.CourtesyReminders, sent);
        Assert.Empty(again);
        Assert.Equal(versions, await VersionsAsync(customers));
        Assert.Equal(before.Select(v => v + 2), versions);                    // one reminder entry per installment, nothing else
        foreach (var id in customers)
        {
            var account = CustomerAccount.FromJournal(await Sample.Host.Store.LoadAsync(id, CancellationToken.None));
            Assert.Equal(2, account.Communications.Count(c => c.Kind == CommunicationKind.Reminder));
            await AssertSameJournalAsync(reference, id);
        }
    }
    [Fact(Timeout = 180_000)]
    public async Task ProcessApprovalAsync_SavedApprovalWithoutOneLetter_ProcessedThroughGroupsGrainsSameAsInProcessAndRetryIssuesNothing()
    {
        // Its own company: its letter numbers come from a sequence no other test draws from. One batch at a time, so the
        // groups (and so the letter numbers) come in the order the single-process run issues them.
        var company = new CompanyId("CLUSTER-APPROVAL");
        var payer = new CustomerId("APR-1000");
        var all = new[] { payer, new CustomerId("APR-1001"), new CustomerId("APR-1002"), new CustomerId("APR-1003"), new CustomerId("APR-1004") };
        var reference = Reference();
        var accounts = new ClusterAccounts(Sample.Cluster.Client, company);
        var inProcess = reference.GetRequiredService<CustomerAccountService>();
        var dunning = reference.GetRequiredService<DunningService>();
        foreach (var (id, i) in all.Select((c, i) => (c, i)))
        {
            var settings = new Customer(id, id.Value, "Kunde " + id.Value + " GmbH", company);
            settings = i is 1 or 2 ? settings with { Payer = payer, PayerRouting = new PayerRouting(DunningLetters: DocumentRecipient.Payer) } : settings;
            var amount = new Money(300m + i, Currency.EUR);
            var invoices = new JournalEntry[]
            {
                new InvoicePosted(Id("old-1"), "RE-O1", Today.PlusDays(-70), Today.PlusDays(-40 - i), amount, [new Installment(amount)]),
                Invoice(1),
            };
            await accounts.RegisterCustomerAsync(Actor, settings);
            await inProcess.RegisterCustomerAsync(Actor, settings);
            await accounts.PostAllAsync(Actor, id, invoices);
            await inProcess.PostAllAsync(Actor, id, invoices);
        }

        var proposal = await dunning.PreviewAsync(Actor, new DunningRunRequest(new DunningRunId("approval-1"), company, Today));
        Assert.Contains(proposal.Letters, l => l.RecipientId == payer && l.Customers.Count > 1);
        var dropped = proposal.Letters.Single(l => l.RecipientId == all[4]).Id;
        var saved = DunningApproval.Of(proposal).WithoutLetter(dropped).ToJson();
        var cluster = Sample.Dunning(new ClusterDunningOptions { BatchSize = 1, ParallelBatches = 1 });
        var before = await VersionsAsync(all);

        await Assert.ThrowsAsync<AuthorizationException>(() => cluster.ProcessApprovalAsync(new Actor(new UserId("praktikant"), [Roles.Clerk]), DunningApproval.FromJson(saved)));
        Assert.Equal(before, await VersionsAsync(all));

        var result = await cluster.ProcessApprovalAsync(Actor, DunningApproval.FromJson(saved));
        var versions = await VersionsAsync(all);
        var again = await cluster.ProcessApprovalAsync(Actor, DunningApproval.FromJson(saved));
        var expected = await dunning.ProcessApprovalAsync(Actor, DunningApproval.FromJson(saved));

        Assert.Equal(proposal.Letters.Count - 1, result.Issued.Count);
        Assert.DoesNotContain(result.Issued, l => l.Id == dropped);
        Assert.Equal(
            expected.Issued.Select(l => DunningLetterSnapshot.Of(l)).OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => (l.Describe(), l.Number)),
            result.Issued.OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => (l.Describe(), l.Number)));
        Assert.Equal(expected.Removed.Count, result.Removed.Count);
        Assert.Equal(result.Issued.Select(l => (l.Describe(), l.Number)), again.Issued.Select(l => (l.Describe(), l.Number)));   // a retry answers the same letters
        Assert.Equal(versions, await VersionsAsync(all));                     // and writes nothing
        Assert.Equal(before[4], versions[4]);                                 // the letter taken out of the approval issued nothing
        foreach (var id in all)
        {
            await AssertSameJournalAsync(reference, id);
        }
    }
}
