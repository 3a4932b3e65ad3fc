using System.Diagnostics.Metrics;
using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Orleans.Tests;

/// <summary>
/// The account grain as the single writer of every mutating use case: commands sent through <see cref="ClusterAccounts"/>
/// from several clients, on accounts of a company of their own (the sample company's dunning tests stay untouched).
/// </summary>
[Collection(nameof(TwoSiloCollection))]
public sealed partial class AccountCommandTests(TwoSiloFixture fixture)
{
    internal static readonly CompanyId Company = new("CLUSTER-CMD");

    private SampleCluster Sample => fixture.Sample;

    private Actor Actor => Sample.Host.Actor;

    private static LocalDate Today => Cli.Portfolio.SamplePortfolio.AsOf;

    [Fact(Timeout = 120_000)]
    public async Task ExecuteAsync_ConcurrentCommandsFromSeveralClients_NoConflictNoRetryAndSameJournalAsSequential()
    {
        var customer = new CustomerId("CMD-1001");
        var clients = Clients();
        await clients[0].RegisterCustomerAsync(Actor, NewCustomer(customer));
        var commands = Enumerable.Range(1, 24).Select(i => (Func<ClusterAccounts, Task>)(a => a.PostAsync(Actor, customer, Invoice(i))))
            .Concat(Enumerable.Range(1, 12).Select(i => (Func<ClusterAccounts, Task>)(a => a.RecordCommunicationAsync(Actor, customer, Note(i)))))
            .ToList();
        using var conflicts = new ConflictMeter();

        // Every command at once, spread over the cluster client and both silos' grain factories.
        await Task.WhenAll(commands.Select((command, i) => Task.Run(() => command(clients[i % clients.Length]))));

        Assert.Equal(0, conflicts.Count);
        Assert.Equal(0, Sample.Store.ConflictsOf(customer));
        var journal = await Sample.Host.Store.LoadAsync(customer, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 1 + commands.Count).Select(v => (long)v), journal.Select(r => r.Version));

        // The same commands one after the other through the library's services in one process: the same entries.
        var reference = Reference();
        await reference.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Actor, NewCustomer(customer));
        var accounts = reference.GetRequiredService<CustomerAccountService>();
        for (var i = 1; i <= 24; i++)
        {
            await accounts.PostAsync(Actor, customer, Invoice(i));
        }

        for (var i = 1; i <= 12; i++)
        {
            await accounts.RecordCommunicationAsync(Actor, customer, Note(i));
        }

        var expected = await reference.GetRequiredService<ICustomerAccountStore>().LoadAsync(customer, CancellationToken.None);
        Assert.Equal(Entries(expected).Order(StringComparer.Ordinal), Entries(journal).Order(StringComparer.Ordinal));
        Assert.Equal(CustomerAccount.FromJournal(expected).Balances, CustomerAccount.FromJournal(journal).Balances);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_WriterOutsideClusterCameFirst_VersionCheckCatchesItAndGrainReloads()
    {
        var customer = new CustomerId("CMD-1002");
        var accounts = Clients()[0];
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer));
        var warm = await accounts.PostAsync(Actor, customer, Invoice(1));

        // A writer outside the cluster appends directly to the store; the grain still holds the journal before it.
        var outside = new JournalRecord(warm.Version + 1, Instant.FromUtc(2026, 11, 23, 9, 0), new UserId("batch"), Note(99));
        await Sample.Host.Store.AppendAsync(customer, warm.Version, [outside], CancellationToken.None);
        using var conflicts = new ConflictMeter();

        var after = await accounts.RecordCommunicationAsync(Actor, customer, Note(1));

        Assert.Equal(1, Sample.Store.ConflictsOf(customer));
        Assert.Equal(1, conflicts.Count);
        Assert.Equal(warm.Version + 2, after.Version);
        var journal = await Sample.Host.Store.LoadAsync(customer, CancellationToken.None);
        Assert.Equal(after.Version, journal.Count);
        Assert.Equal(Note(99), journal[(int)warm.Version].Entry);
        Assert.Equal(Note(1), journal[^1].Entry);
    }

    [Fact(Timeout = 120_000)]
    public async Task ClusterAccounts_UseCasesOfOneAccount_SameJournalAsInProcessServices()
    {
        var customer = new CustomerId("CMD-1003");
        var reference = Reference();
        var steps = new List<(Func<ClusterAccounts, Task> Cluster, Func<IServiceProvider, Task> InProcess)>
        {
            (a => a.RegisterCustomerAsync(Actor, NewCustomer(customer)), s => s.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Actor, NewCustomer(customer))),
            (a => a.PostAllAsync(Actor, customer, [Invoice(1), Invoice(2), Invoice(3)]), s => s.GetRequiredService<CustomerAccountService>().PostAllAsync(Actor, customer, [Invoice(1), Invoice(2), Invoice(3)])),
            (a => a.PauseItemAsync(Actor, customer, Id("pause"), Id("inv-1"), "Reklamation", Today.PlusDays(14)), s => s.GetRequiredService<CustomerAccountService>().PauseItemAsync(Actor, customer, Id("pause"), Id("inv-1"), "Reklamation", Today.PlusDays(14))),
            (a => a.ResumeItemAsync(Actor, customer, Id("resume"), Id("inv-1"), "geklärt"), s => s.GetRequiredService<CustomerAccountService>().ResumeItemAsync(Actor, customer, Id("resume"), Id("inv-1"), "geklärt")),
            (a => a.ChangeInstallmentDueDateAsync(Actor, customer, Id("due-installment"), [new InstallmentRef(Id("inv-1"), 1)], Today.PlusDays(5), "Teilzahlung angekündigt"), s => s.GetRequiredService<CustomerAccountService>().ChangeInstallmentDueDateAsync(Actor, customer, Id("due-installment"), [new InstallmentRef(Id("inv-1"), 1)], Today.PlusDays(5), "Teilzahlung angekündigt")),
            (a => a.PostAsync(Actor, customer, CreditNote()), s => s.GetRequiredService<CustomerAccountService>().PostAsync(Actor, customer, CreditNote())),
            (a => a.ApplyCreditNoteAsync(Actor, customer, Id("apply-cn"), Id("cn-1"), new InstallmentRef(Id("inv-1"), 1)), s => s.GetRequiredService<CustomerAccountService>().ApplyCreditNoteAsync(Actor, customer, Id("apply-cn"), Id("cn-1"), new InstallmentRef(Id("inv-1"), 1))),
            (a => a.ChangeDueDateAsync(Actor, customer, Id("due"), Id("inv-2"), Today.PlusDays(10), "Zahlungsziel verlängert"), s => s.GetRequiredService<CustomerAccountService>().ChangeDueDateAsync(Actor, customer, Id("due"), Id("inv-2"), Today.PlusDays(10), "Zahlungsziel verlängert")),
            (a => a.ChangeItemDueDateAsync(Actor, customer, Id("due-item"), Id("inv-3"), Today.PlusDays(20), "Vereinbarung am Telefon"), s => s.GetRequiredService<CustomerAccountService>().ChangeItemDueDateAsync(Actor, customer, Id("due-item"), Id("inv-3"), Today.PlusDays(20), "Vereinbarung am Telefon")),
            (a => a.MakeAgreementAsync(Actor, customer, Id("agr"), [Id("inv-2")], PaymentAgreementTerms.ByCount(3, Today.PlusDays(7)) with { GraceDays = 5 }, "Ratenzahlung"), s => s.GetRequiredService<CollectionService>().MakeAgreementAsync(Actor, customer, Id("agr"), [Id("inv-2")], PaymentAgreementTerms.ByCount(3, Today.PlusDays(7)) with { GraceDays = 5 }, "Ratenzahlung")),
            (a => a.AmendAgreementAsync(Actor, customer, Id("agr-amend"), Id("agr"), PaymentAgreementTerms.ByCount(2, Today.PlusDays(14)), "Rate erhöht"), s => s.GetRequiredService<CollectionService>().AmendAgreementAsync(Actor, customer, Id("agr-amend"), Id("agr"), PaymentAgreementTerms.ByCount(2, Today.PlusDays(14)), "Rate erhöht")),
            (a => a.DeleteAgreementAsync(Actor, customer, Id("agr-delete"), Id("agr"), "Kunde zahlt doch auf einmal"), s => s.GetRequiredService<CollectionService>().DeleteAgreementAsync(Actor, customer, Id("agr-delete"), Id("agr"), "Kunde zahlt doch auf einmal")),
            (a => a.IssueInterestInvoicesAsync(Actor, customer, "ZR-1"), s => s.GetRequiredService<InterestInvoiceService>().IssueAsync(Actor, customer, "ZR-1")),
            (a => a.SetBlockAsync(Actor, customer, Id("block"), CreditBlockLevel.Delivery, "Zahlungsverzug"), s => s.GetRequiredService<CreditControlService>().SetBlockAsync(Actor, customer, Id("block"), CreditBlockLevel.Delivery, "Zahlungsverzug")),
            (a => a.LiftBlockAsync(Actor, customer, Id("unblock"), "bezahlt"), s => s.GetRequiredService<CreditControlService>().LiftBlockAsync(Actor, customer, Id("unblock"), "bezahlt")),
            (a => a.RecordCommunicationAsync(Actor, customer, Note(1)), s => s.GetRequiredService<CustomerAccountService>().RecordCommunicationAsync(Actor, customer, Note(1))),
            (a => a.PinCommentAsync(Actor, customer, Id("pin"), Id("note-1")), s => s.GetRequiredService<CollectionService>().PinCommentAsync(Actor, customer, Id("pin"), Id("note-1"))),
            (a => a.CreateFollowUpAsync(Actor, customer, FollowUp()), s => s.GetRequiredService<CollectionService>().CreateFollowUpAsync(Actor, customer, FollowUp())),
            (a => a.CompleteFollowUpAsync(Actor, customer, Id("done"), Id("follow-up")), s => s.GetRequiredService<CollectionService>().CompleteFollowUpAsync(Actor, customer, Id("done"), Id("follow-up"))),
            (a => a.ReverseAsync(Actor, customer, Id("reverse"), Id("inv-3"), "Fehlbuchung"), s => s.GetRequiredService<CustomerAccountService>().ReverseAsync(Actor, customer, Id("reverse"), Id("inv-3"), "Fehlbuchung")),
            (a => a.MarkInsolventAsync(Actor, customer, Id("insolvency"), Today, "AG Charlottenburg", "36k IN 123/26", "RA Dr. Muster"), s => s.GetRequiredService<RecoveryService>().MarkInsolventAsync(Actor, customer, Id("insolvency"), Today, "AG Charlottenburg", "36k IN 123/26", "RA Dr. Muster")),
        };
        var accounts = Clients()[1];

        foreach (var (cluster, inProcess) in steps)
        {
            await cluster(accounts);

            // The command again at once (a client's retry after a lost answer): nothing is written twice.
            await cluster(accounts);
            await inProcess(reference);
        }

        var journal = await Sample.Host.Store.LoadAsync(customer, CancellationToken.None);
        var expected = await reference.GetRequiredService<ICustomerAccountStore>().LoadAsync(customer, CancellationToken.None);
        Assert.Equal(Entries(expected), Entries(journal));
        Assert.Equal(0, Sample.Store.ConflictsOf(customer));
    }

    [Fact(Timeout = 120_000)]
    public async Task ApplyPaymentAsync_PayerPaysWhileItsCustomersAreWritten_EveryShareOnceNothingLost()
    {
        var payer = new CustomerId("CMD-2000");
        var employees = new[] { new CustomerId("CMD-2001"), new CustomerId("CMD-2002") };
        var clients = Clients();
        await clients[0].RegisterCustomerAsync(Actor, NewCustomer(payer));
        foreach (var employee in employees)
        {
            await clients[0].RegisterCustomerAsync(Actor, NewCustomer(employee) with { Payer = payer });
            await clients[0].PostAllAsync(Actor, employee, [Invoice(1), Invoice(2)]);
        }

        var owed = 2 * (Invoice(1).Amount.Amount + Invoice(2).Amount.Amount);
        var payment = new IncomingPayment(Id("pay-2000"), new Money(owed, Currency.EUR), Today, PaymentMethod.DirectDebit, "Sammellastschrift");

        // The payer's payment runs in the payer's grain and writes the employees' accounts through theirs, while notes
        // are written on those accounts by other clients at the same time.
        var notes = employees.SelectMany(e => Enumerable.Range(1, 6).Select(i => (Customer: e, Index: i))).ToList();
        var paying = Task.Run(() => clients[1].ApplyPaymentAsync(Actor, payer, payment));
        await Task.WhenAll(notes.Select((n, i) => Task.Run(() => clients[i % clients.Length].RecordCommunicationAsync(Actor, n.Customer, Note(n.Index)))).Cast<Task>().Append(paying));
        var result = await paying;

        Assert.Equal(PaymentStatus.Applied, result.Status);
        Assert.Equal(payer, result.Accounts[0].Id);
        foreach (var employee in employees)
        {
            var account = CustomerAccount.FromJournal(await Sample.Host.Store.LoadAsync(employee, CancellationToken.None));
            Assert.Empty(account.OpenItems);
            Assert.Equal(Enumerable.Range(1, 6).Select(Note), account.Journal.Select(r => r.Entry).OfType<CommunicationRecorded>().Where(n => n.Id.Value.StartsWith("note-", StringComparison.Ordinal)).OrderBy(n => n.Id.Value.Length).ThenBy(n => n.Id.Value, StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, account.Journal.Count).Select(v => (long)v), account.Journal.Select(r => r.Version));
        }

        // The same payment again (a retry after a lost answer): already applied, nothing written.
        var versions = await VersionsAsync([payer, .. employees]);
        var again = await clients[2].ApplyPaymentAsync(Actor, payer, payment);
        Assert.Equal(PaymentStatus.AlreadyApplied, again.Status);
        Assert.Equal(versions, await VersionsAsync([payer, .. employees]));

        // The direct debit comes back: returned in the payer's grain, the employees' items open again, once.
        var returned = new PaymentReturn(Id("pay-2000"), Today, ReturnKind.DirectDebit, "Widerspruch");
        await clients[0].ReturnPaymentAsync(Actor, payer, returned);
        var afterReturn = await VersionsAsync([payer, .. employees]);
        Assert.Equal(afterReturn.Order(), (await clients[1].ReturnPaymentAsync(Actor, payer, returned)).Select(a => a.Version).Order());
        foreach (var employee in employees)
        {
            var account = CustomerAccount.FromJournal(await Sample.Host.Store.LoadAsync(employee, CancellationToken.None));
            Assert.Equal(2, account.OpenItems.Count());
        }

        Assert.Equal(afterReturn, await VersionsAsync([payer, .. employees]));
    }

    [Fact(Timeout = 60_000)]
    public async Task DelegateAsync_CustomerWithPayer_RunsInPayersGrainAndWritesBothAccountsOnce()
    {
        var payer = new CustomerId("CMD-3000");
        var customer = new CustomerId("CMD-3001");
        var accounts = Clients()[0];
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(payer));
        await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer) with { Payer = payer });
        await accounts.PostAllAsync(Actor, customer, [Invoice(1)]);

        var (from, to) = await accounts.DelegateAsync(Actor, customer, Id("delegation"), Today, "Übernahme durch die Zentrale");
        var versions = await VersionsAsync([customer, payer]);
        var (fromAgain, toAgain) = await accounts.DelegateAsync(Actor, customer, Id("delegation"), Today, "Übernahme durch die Zentrale");

        Assert.Equal(customer, from.Id);
        Assert.Equal(payer, to.Id);
        Assert.Empty(from.OpenItems);
        Assert.Equal(Invoice(1).Amount, Assert.Single(to.OpenItems).OpenAmount);
        Assert.Equal(versions, await VersionsAsync([customer, payer]));
        Assert.Equal(from.Version, fromAgain.Version);
        Assert.Equal(to.Version, toAgain.Version);
    }

    [Fact(Timeout = 60_000)]
    public async Task ExecuteAsync_ActorWithoutPermission_RefusedInGrainNothingWritten()
    {
        var customer = new CustomerId("CMD-4001");
        var accounts = Clients()[0];
        var registered = await accounts.RegisterCustomerAsync(Actor, NewCustomer(customer));
        var stranger = new Actor(new UserId("praktikant"), []);

        await Assert.ThrowsAsync<AuthorizationException>(() => accounts.PostAsync(stranger, customer, Invoice(1)));

        Assert.Equal(registered.Version, (await Sample.Host.Store.LoadAsync(customer, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ClusterAccounts_InvalidArguments_RefusedBeforeAnythingIsSent()
    {
        var accounts = Clients()[0];

        Assert.Throws<ArgumentNullException>(() => new ClusterAccounts(null!, Company));
        Assert.Throws<ArgumentException>(() => new ClusterAccounts(Sample.Cluster.Client, default));
        Assert.Throws<ArgumentNullException>(() => new ClusterAccounts(Sample.Cluster.Client, Company, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => accounts.PostAsync(null!, new CustomerId("CMD-4002"), Invoice(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.PostAsync(Actor, default, Invoice(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.RegisterCustomerAsync(Actor, new Customer(new CustomerId("CMD-4003"), "4003", "Fremd GmbH", new CompanyId("ANDERE"))));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.CancelLetterAsync(Actor, "letter", [], "Irrtum"));
        Assert.Empty(await Sample.Host.Store.LoadAsync(new CustomerId("CMD-4003"), CancellationToken.None));
    }

    internal static Customer NewCustomer(CustomerId id) => new(id, id.Value, "Kunde " + id.Value + " GmbH", Company);

    internal static InvoicePosted Invoice(int i)
    {
        var amount = new Money(100m + i, Currency.EUR);
        return new InvoicePosted(Id("inv-" + i), "RE-" + i, Today.PlusDays(-40 - i), Today.PlusDays(-10 - i), amount, [new Installment(amount)]);
    }

    internal static CommunicationRecorded Note(int i) => new(Id("note-" + i), CommunicationKind.Comment, "Notiz " + i, "Anruf beim Kunden");

    internal static IEnumerable<string> Entries(IReadOnlyList<JournalRecord> journal) => journal.Select(r => JournalJson.Serialize(r.Entry));

    private static CreditNotePosted CreditNote() => new(Id("cn-1"), "GS-1", Today.PlusDays(-2), new Money(20m, Currency.EUR));

    private static FollowUpCreated FollowUp() => new(Id("follow-up"), FollowUps.FollowUpKind.FollowUp, Today.PlusDays(3), "Rückruf wegen Zahlung");

    private static EntryId Id(string id) => new(id);

    /// <summary>The façade on the cluster client and on each silo's grain factory: several clients of one cluster.</summary>
    private ClusterAccounts[] Clients() =>
        [
            new ClusterAccounts(Sample.Cluster.Client, Company),
            .. Sample.Cluster.Silos.Select(s => new ClusterAccounts(s.ServiceProvider.GetRequiredService<IGrainFactory>(), Company)),
        ];

    /// <summary>The library's services in one process, with the silos' clock, authorization and options, over an empty store.</summary>
    private IServiceProvider Reference()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Sample.Cluster.Silos[0].ServiceProvider.GetRequiredService<IClock>());
        services.AddSingleton<IAuthorizationPort>(Sample.Host.Authorization);
        services.AddSingleton(Sample.Cluster.Silos[0].ServiceProvider.GetRequiredService<IDunningSettingsProvider>());
        services.AddSingleton(Sample.Cluster.Silos[0].ServiceProvider.GetRequiredService<IInterestSchemeProvider>());
        services.AddSingleton<IVirusScanner, EicarTestScanner>();
        services.AddDebitorCore(o =>
        {
            o.TimeZone = Sample.Options.TimeZone;
            o.ReceivablesContact = Sample.Options.ReceivablesContact;
        });
        services.AddDebitorCoreInMemory();
        return services.BuildServiceProvider().CreateScope().ServiceProvider;
    }

    private async Task<long[]> VersionsAsync(IEnumerable<CustomerId> customers)
    {
        var versions = new List<long>();
        foreach (var customer in customers)
        {
            versions.Add((await Sample.Host.Store.LoadAsync(customer, CancellationToken.None)).Count);
        }

        return [.. versions];
    }
}

/// <summary>Counts the concurrency conflicts the library's services met and retried (the <c>debitor.concurrency.conflicts</c> counter), in this process.</summary>
internal sealed class ConflictMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public ConflictMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Debitor.Core" && instrument.Name == "debitor.concurrency.conflicts")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
