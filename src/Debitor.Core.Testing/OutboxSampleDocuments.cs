using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using NodaTime;

namespace Debitor.Core.Testing;

/// <summary>
/// Documents of every kind an outbox holds — payment advices, a difference notification, a write-off notification, an
/// interest invoice, dunning letters (one to a customer, one to a payer covering its customer) — produced by the library's
/// own use cases over a given store, so their journals are in that store (a dunning letter is read back from them).
/// </summary>
/// <remarks>
/// The scenario: company <c>outbox-muster</c> on 23 November 2026 (09:00 UTC); Nordlicht Versicherung AG (K-1, two
/// overdue invoices, a credit note), its subsidiary Nordlicht Service GmbH (K-4, whose dunning letters go to K-1), the
/// consumer Anna Müller (K-2) and Hanse Logistik GmbH (K-3, two short payments and a residual write-off). Customer ids
/// get a prefix so that several scenarios can share one store.
/// </remarks>
public static class OutboxSampleDocuments
{
    /// <summary>The scenario's run date.</summary>
    public static readonly LocalDate RunDate = new(2026, 11, 23);

    /// <summary>The scenario's instant (09:00 UTC on the run date).</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    /// <summary>The scenario's company.</summary>
    public static readonly CompanyId Company = new("outbox-muster");

    /// <summary>Our receivables contact in the scenario.</summary>
    public static readonly ReceivablesContact Contact = new("Erika Berger", "+49 40 3344-70", "forderungen@sonnenschein-reisen.de");

    private static readonly Actor Accountant = new(new UserId("erika"), Roles.Accountant);

    /// <summary>Runs the scenario over <paramref name="store"/> and returns the documents it produced, in the order queued.</summary>
    /// <param name="store">An empty store, or one where no customer has the ids of <paramref name="prefix"/>.</param>
    /// <param name="prefix">A prefix of every customer, payment, run and invoice id (e.g. <c>"a-"</c>).</param>
    /// <returns>At least one document of every kind, each with a distinct id.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static async Task<IReadOnlyList<ReceivablesDocument>> WriteAsync(ICustomerAccountStore store, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(prefix);
        var clock = new FixedClock(Now);
        var options = new DebitorCoreOptions { ReceivablesContact = Contact };
        var authorization = new RoleBasedAuthorization();
        var outbox = new InMemoryDocumentOutbox();
        var faults = new InMemoryAccountFaultLog();
        var documents = new InMemoryDocumentOutput();
        var accounts = new CustomerAccountService(store, authorization, clock, options, faults);
        var schemes = new InterestSchemeRegistry();
        var payments = new PaymentService(store, authorization, new StorePayerDirectory(store), documents, clock, options, outbox, faults);
        var interest = new InterestInvoiceService(accounts, schemes, documents, options, outbox);
        var collections = new CollectionService(accounts, store, schemes, new EicarTestScanner(), new InMemoryFileStorage());
        var dunning = new DunningService(store, authorization, new InMemoryDunningSettingsProvider(), schemes, new InMemoryDunningLetterOutput(), clock, options, outbox, faults);

        CustomerId Id(string id) => new(prefix + id);
        EntryId Entry(string id) => new(prefix + id);
        var nordlicht = Id("K-1");
        var anna = Id("K-2");
        var hanse = Id("K-3");
        var service = Id("K-4");
        await RegisterAsync(accounts, collections, new Customer(nordlicht, "10001", "Nordlicht Versicherung AG", Company), "Überseering 12", "22297", "Hamburg").ConfigureAwait(false);
        await RegisterAsync(accounts, collections, new Customer(anna, "10002", "Anna Müller", Company) { IsConsumer = true }, "Lindenstraße 5", "80331", "München").ConfigureAwait(false);
        await RegisterAsync(accounts, collections, new Customer(hanse, "10007", "Hanse Logistik GmbH", Company), "Am Sandtorkai 3", "20457", "Hamburg").ConfigureAwait(false);
        await RegisterAsync(accounts, collections, new Customer(service, "10004", "Nordlicht Service GmbH", Company) { Payer = nordlicht, PayerRouting = new PayerRouting(DunningLetters: DocumentRecipient.Payer) }, "Überseering 14", "22297", "Hamburg").ConfigureAwait(false);

        await accounts.PostAllAsync(Accountant, nordlicht, [
            InvoicePosted.Single(Entry("K-1-R1"), "RE-10001-1", new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 31), Eur(33_397.99m)),
            InvoicePosted.Single(Entry("K-1-R2"), "RE-10001-2", new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 15), Eur(1_250.00m)),
            new CreditNotePosted(Entry("K-1-GS1"), "GS-10001-1", new LocalDate(2026, 11, 2), Eur(180.00m)),
        ]).ConfigureAwait(false);
        await accounts.PostAsync(Accountant, anna, InvoicePosted.Single(Entry("K-2-R1"), "RE-10002-1", new LocalDate(2026, 9, 20), new LocalDate(2026, 10, 4), Eur(2_486.40m))).ConfigureAwait(false);
        await accounts.PostAsync(Accountant, service, InvoicePosted.Single(Entry("K-4-R1"), "RE-10004-1", new LocalDate(2026, 9, 1), new LocalDate(2026, 9, 15), Eur(812.50m))).ConfigureAwait(false);
        await accounts.PostAllAsync(Accountant, hanse, [
            InvoicePosted.Single(Entry("K-3-R1"), "RE-10007-1", new LocalDate(2026, 10, 12), new LocalDate(2026, 11, 11), Eur(4_800.00m)),
            InvoicePosted.Single(Entry("K-3-R2"), "RE-10007-2", new LocalDate(2026, 10, 19), new LocalDate(2026, 11, 18), Eur(1_200.00m)),
        ]).ConfigureAwait(false);

        await payments.ApplyPaymentAsync(Accountant, hanse, new IncomingPayment(Entry("Z-4711"), Eur(4_750.00m), new LocalDate(2026, 11, 20), reference: "RE-10007-1")).ConfigureAwait(false);
        await payments.ApplyPaymentAsync(Accountant, hanse, new IncomingPayment(Entry("Z-4712"), Eur(1_199.97m), new LocalDate(2026, 11, 21), reference: "RE-10007-2")).ConfigureAwait(false);
        await payments.WriteOffResidualsAsync(Accountant, new ResidualWriteOffRun(Entry("AB-2026-11"), RunDate, [Eur(0.10m)], "Kleinstbetrag unter 0,10 €", [hanse])).ConfigureAwait(false);

        await interest.IssueAsync(Accountant, nordlicht, prefix + "ZR-2026-0042").ConfigureAwait(false);

        var proposal = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId(prefix + "MR-2026-11-23"), Company, RunDate)).ConfigureAwait(false);
        await dunning.ProcessAsync(Accountant, proposal).ConfigureAwait(false);
        return [.. outbox.Documents.Select(d => d.Document)];
    }

    private static async Task RegisterAsync(CustomerAccountService accounts, CollectionService collections, Customer customer, string street, string postalCode, string city)
    {
        await accounts.RegisterCustomerAsync(Accountant, customer with { PaymentTolerance = PaymentTolerance.None }).ConfigureAwait(false);
        var data = new CustomerMasterData
        {
            Addresses = [new PostalAddress(AddressKind.Billing, customer.Name, street, postalCode, city, "DE")],
            Emails = [new EmailAddress($"buchhaltung@kunde-{customer.Number}.example", UseForSending: true)],
        };
        await collections.ChangeMasterDataAsync(Accountant, customer.Id, new EntryId("stamm-" + customer.Id.Value), data).ConfigureAwait(false);
    }

    private static Money Eur(decimal amount) => new(amount, Currency.EUR);
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
