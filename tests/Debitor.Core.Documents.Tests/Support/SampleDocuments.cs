using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Banking;
using Debitor.Core.Collections;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using Debitor.Core.Statements;
using NodaTime.Testing;

namespace Debitor.Core.Documents.Tests.Support;

/// <summary>
/// One document of every kind, built through the library's own use cases the way the reference host's sample works:
/// Sonnenschein Reisen GmbH in Hamburg, its business customers Nordlicht Versicherung AG, Hanse Logistik GmbH and
/// Becker Bau KG, and the consumer Anna Müller; dunning runs on 7 September and 5 October 2026 and the run of
/// 23 November 2026.
/// </summary>
internal sealed class SampleDocuments
{
    public static readonly LocalDate AsOf = new(2026, 11, 23);
    public static readonly CompanyId Company = new("sonnenschein-reisen");
    public static readonly CustomerId Nordlicht = new("K-10001");
    public static readonly CustomerId Anna = new("K-10002");
    public static readonly CustomerId Hanse = new("K-10007");
    public static readonly CustomerId Becker = new("K-10012");
    public static readonly CustomerId Schmidt = new("K-10020");
    public static readonly Actor Accountant = new(new UserId("erika"), Roles.Accountant);
    public static readonly ReceivablesContact Contact = new("Erika Berger", "+49 40 3344-70", "forderungen@sonnenschein-reisen.de");

    private static readonly Lazy<Task<SampleDocuments>> Shared = new(BuildAsync);

    public static CompanyProfile Profile { get; } = new(
        "Sonnenschein Reisen GmbH",
        new PostalAddress(AddressKind.Main, "Sonnenschein Reisen GmbH", "Jungfernstieg 7", "20354", "Hamburg", "DE"),
        Iban.Parse("DE89 3704 0044 0532 0130 00"))
    {
        Bic = Bic.Parse("COBADEFFXXX"),
        BankName = "Commerzbank Hamburg",
        RegisterCourt = "Amtsgericht Hamburg",
        RegisterNumber = "HRB 123456",
        ManagingDirectors = "Jana Sommer, Tim Winter",
        VatId = VatId.Parse("DE136695976"),
        Phone = "+49 40 3344-0",
        Email = "info@sonnenschein-reisen.de",
        CreditorId = SepaCreditorId.Parse("DE98ZZZ09999999999"),
    };

    public required DunningLetter FinalDemand { get; init; }

    public required DunningLetter Reminder { get; init; }

    public required InterestInvoice InterestInvoice { get; init; }

    public required InterestInvoice ConsumerInterestInvoice { get; init; }

    public required OpenItemsStatement OpenItems { get; init; }

    /// <summary>A statement of 60 open invoices: more than one page.</summary>
    public required OpenItemsStatement LongOpenItems { get; init; }

    public required AccountStatement Account { get; init; }

    public required CustomerAccount NordlichtAccount { get; init; }

    public required PaymentAdvice Advice { get; init; }

    public required DifferenceNotification Difference { get; init; }

    public required WriteOffNotification WriteOff { get; init; }

    public required PaymentAgreementDocument Agreement { get; init; }

    public required HandOverDocument ToLawyer { get; init; }

    public required HandOverDocument ToAgency { get; init; }

    public required SepaMandateForm Mandate { get; init; }

    public required IReadOnlyDictionary<CustomerId, LetterRecipient> Recipients { get; init; }

    public static Task<SampleDocuments> GetAsync() => Shared.Value;

    public static LetterRecipient Lawyer { get; } = new("Kanzlei Dr. Recht & Partner", ["Rechtsanwälte", "Ballindamm 40", "20095 Hamburg"]);

    public static LetterRecipient Agency { get; } = new("Inkasso Nord GmbH", ["Postfach 10 20 30", "20001 Hamburg"]);

    private static async Task<SampleDocuments> BuildAsync()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var options = new DebitorCoreOptions { ReceivablesContact = Contact };
        var store = new InMemoryCustomerAccountStore();
        var authorization = new RoleBasedAuthorization();
        var accounts = new CustomerAccountService(store, authorization, clock, options);
        var schemes = new InterestSchemeRegistry();
        var documents = new InMemoryDocumentOutput();
        var collections = new CollectionService(accounts, store, schemes, new EicarTestScanner(), new InMemoryFileStorage());
        var dunning = new DunningService(store, authorization, new InMemoryDunningSettingsProvider(), schemes, new InMemoryDunningLetterOutput(), clock, options);
        var payments = new PaymentService(store, authorization, new StorePayerDirectory(store), documents, clock, options);

        await RegisterAsync(accounts, collections, new Customer(Nordlicht, "10001", "Nordlicht Versicherung AG", Company), "Überseering 12", "22297", "Hamburg");
        await RegisterAsync(accounts, collections, new Customer(Anna, "10002", "Anna Müller", Company) { IsConsumer = true }, "Lindenstraße 5", "80331", "München");
        await RegisterAsync(accounts, collections, new Customer(Hanse, "10007", "Hanse Logistik GmbH", Company), "Am Sandtorkai 3", "20457", "Hamburg", bank: true);
        await RegisterAsync(accounts, collections, new Customer(Becker, "10012", "Becker Bau KG", Company), "Hafenstraße 21", "28217", "Bremen");
        await RegisterAsync(accounts, collections, new Customer(Schmidt, "10020", "Schmidt Druck GmbH", Company), "Druckerweg 2", "50667", "Köln");
        await accounts.PostAllAsync(Accountant, Schmidt, [.. Enumerable.Range(1, 60).Select(i =>
            (JournalEntry)InvoicePosted.Single(new EntryId($"K-10020-R{i}"), $"RE-K-10020-R{i}", new LocalDate(2026, 6, 1).PlusDays(i * 2), new LocalDate(2026, 7, 1).PlusDays(i * 2), Eur(100m + i)))]);

        await accounts.PostAllAsync(Accountant, Nordlicht, [
            InvoicePosted.Single(new EntryId("K-10001-R1"), "RE-K-10001-R1", new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 31), Eur(33_397.99m)),
            InvoicePosted.Single(new EntryId("K-10001-R2"), "RE-K-10001-R2", new LocalDate(2026, 10, 27), new LocalDate(2026, 11, 10), Eur(1_250.00m)),
            new CreditNotePosted(new EntryId("K-10001-GS1"), "GS-K-10001-1", new LocalDate(2026, 11, 2), Eur(180.00m)),
        ]);
        await accounts.PostAsync(Accountant, Anna, InvoicePosted.Single(new EntryId("K-10002-R1"), "RE-K-10002-R1", new LocalDate(2026, 10, 20), new LocalDate(2026, 11, 10), Eur(2_486.40m)));
        await accounts.PostAllAsync(Accountant, Hanse, [
            InvoicePosted.Single(new EntryId("K-10007-R1"), "RE-K-10007-R1", new LocalDate(2026, 10, 12), new LocalDate(2026, 11, 11), Eur(4_800.00m)),
            InvoicePosted.Single(new EntryId("K-10007-R2"), "RE-K-10007-R2", new LocalDate(2026, 10, 19), new LocalDate(2026, 11, 18), Eur(1_200.00m)),
        ]);
        await accounts.PostAllAsync(Accountant, Becker, [
            InvoicePosted.Single(new EntryId("K-10012-R1"), "RE-K-10012-R1", new LocalDate(2026, 5, 4), new LocalDate(2026, 5, 18), Eur(5_940.00m)),
            InvoicePosted.Single(new EntryId("K-10012-R2"), "RE-K-10012-R2", new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 15), Eur(812.50m)),
        ]);

        foreach (var (id, day) in new[] { ("2026-09-07", new LocalDate(2026, 9, 7)), ("2026-10-05", new LocalDate(2026, 10, 5)) })
        {
            // The earlier runs were processed on their own days (a run is processed on its run date, D12.23).
            clock.Reset(day.AtStartOfDayInZone(options.TimeZone).ToInstant().Plus(Duration.FromHours(9)));
            var proposal = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("MR-" + id), Company, day) { Customer = Nordlicht });
            await dunning.ProcessAsync(Accountant, proposal);
        }

        clock.Reset(Instant.FromUtc(2026, 11, 23, 9, 0));

        var run = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("MR-2026-11-23"), Company, AsOf));
        var finalDemand = run.Letters.Single(l => l.RecipientId == Nordlicht);
        var reminder = run.Letters.Single(l => l.RecipientId == Anna);

        var applied = await payments.ApplyPaymentAsync(Accountant, Hanse, new IncomingPayment(new EntryId("Z-2026-4711"), Eur(4_750.00m), new LocalDate(2026, 11, 20), reference: "RE-K-10007-R1"));
        await payments.ApplyPaymentAsync(Accountant, Hanse, new IncomingPayment(new EntryId("Z-2026-4712"), Eur(1_199.97m), new LocalDate(2026, 11, 21), reference: "RE-K-10007-R2"));
        var residuals = await payments.WriteOffResidualsAsync(Accountant, new ResidualWriteOffRun(new EntryId("AB-2026-11"), AsOf, [Eur(0.10m)], "Kleinstbetrag unter 0,10 €", [Hanse]));

        var statements = new StatementService(accounts, schemes, new ReportingOptions(), options);
        var openItems = await statements.GetOpenItemsStatementAsync(Accountant, Nordlicht, AsOf);
        var account = await statements.GetAccountStatementAsync(Accountant, Nordlicht, AsOf);
        var longOpenItems = await statements.GetOpenItemsStatementAsync(Accountant, Schmidt, AsOf);
        var nordlichtAccount = await accounts.GetAccountAsync(Accountant, Nordlicht);

        var interestService = new InterestInvoiceService(accounts, schemes, documents, options);
        var interest = (await interestService.PreviewAsync(Accountant, Nordlicht, "ZR-2026-0042")).Single();
        var consumerInterest = (await interestService.PreviewAsync(Accountant, Anna, "ZR-2026-0043")).Single();

        var agreed = await collections.MakeAgreementAsync(Accountant, Anna, new EntryId("VB-2026-007"), [new EntryId("K-10002-R1")], PaymentAgreementTerms.ByCount(3, new LocalDate(2026, 12, 1)));
        var toLawyer = await collections.HandOverAsync(Accountant, Becker, new EntryId("UE-2026-031"), [new EntryId("K-10012-R1")], HandOverKind.Lawyer, "Kanzlei Dr. Recht & Partner");
        var toAgency = await collections.HandOverAsync(Accountant, Becker, new EntryId("UE-2026-032"), [new EntryId("K-10012-R2")], HandOverKind.CollectionAgency, "Inkasso Nord GmbH");
        var mandate = CollectionService.MandateForm(await accounts.GetAccountAsync(Accountant, Hanse), Profile.Name, Profile.CreditorId!.Value, "MAND-10007-1");

        var recipients = new Dictionary<CustomerId, LetterRecipient>();
        foreach (var id in new[] { Nordlicht, Anna, Hanse, Becker, Schmidt })
        {
            var a = await accounts.GetAccountAsync(Accountant, id);
            recipients[id] = LetterRecipient.For(a.Customer, a.MasterData, "DE");
        }

        return new SampleDocuments
        {
            FinalDemand = finalDemand,
            Reminder = reminder,
            InterestInvoice = interest,
            ConsumerInterestInvoice = consumerInterest,
            OpenItems = openItems,
            LongOpenItems = longOpenItems,
            Account = account,
            NordlichtAccount = nordlichtAccount,
            Advice = applied.Documents.OfType<PaymentAdvice>().Single(),
            Difference = applied.Documents.OfType<DifferenceNotification>().Single(),
            WriteOff = residuals.Documents.Single(),
            Agreement = CollectionService.AgreementDocument(agreed, new EntryId("VB-2026-007")),
            ToLawyer = toLawyer,
            ToAgency = toAgency,
            Mandate = mandate,
            Recipients = recipients,
        };
    }

    private static async Task RegisterAsync(CustomerAccountService accounts, CollectionService collections, Customer customer, string street, string postalCode, string city, bool bank = false)
    {
        await accounts.RegisterCustomerAsync(Accountant, customer with { PaymentTolerance = PaymentTolerance.None });
        var data = new CustomerMasterData
        {
            Addresses = [new PostalAddress(AddressKind.Billing, customer.Name, street, postalCode, city, "DE")],
            BankAccounts = bank ? [new BankAccount(PaymentMethodKind.SepaDirectDebit, customer.Name, Iban.Parse("DE02 1203 0000 0000 2020 51"), Bic.Parse("BYLADEM1001"))] : [],
            Emails = [new EmailAddress($"buchhaltung@kunde-{customer.Number}.example", UseForSending: true)],
        };
        await collections.ChangeMasterDataAsync(Accountant, customer.Id, new EntryId("stamm-" + customer.Id.Value), data);
    }

    private static Money Eur(decimal amount) => new(amount, Currency.EUR);
}
