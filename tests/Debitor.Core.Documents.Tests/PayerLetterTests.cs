using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using NodaTime.Testing;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// A payer's final letter (R3.7) covering a consumer and a business customer, both charged interest: the §288 BGB
/// clause follows each debtor (D15.9) — Abs. 1 (five points) for the consumer, Abs. 2 (nine points) for the business —
/// and names the debtor it speaks for.
/// </summary>
public sealed class PayerLetterTests
{
    private static readonly CustomerId Payer = new("K-20000");
    private static readonly CustomerId Consumer = new("K-20001");
    private static readonly CustomerId Business = new("K-20002");
    private static readonly Actor Accountant = SampleDocuments.Accountant;

    private const string ConsumerClauseDe = "Für die Dauer des Verzugs berechnen wir Verzugszinsen in Höhe von fünf Prozentpunkten über dem Basiszinssatz (§ 288 Abs. 1 BGB).";
    private const string BusinessClauseDe = "Für die Dauer des Verzugs berechnen wir Verzugszinsen in Höhe von neun Prozentpunkten über dem Basiszinssatz (§ 288 Abs. 2 BGB).";
    private const string ConsumerClauseEn = "For the period of default we charge default interest at five percentage points above the base rate (section 288 (1) BGB).";
    private const string BusinessClauseEn = "For the period of default we charge default interest at nine percentage points above the base rate (section 288 (2) BGB).";

    [Theory]
    [InlineData("de-DE", DocumentFormat.Pdf)]
    [InlineData("de-DE", DocumentFormat.Html)]
    [InlineData("en-GB", DocumentFormat.Pdf)]
    [InlineData("en-GB", DocumentFormat.Html)]
    public async Task Render_PayerLetterForConsumerAndBusiness_CitesEachDebtorsParagraph(string culture, DocumentFormat format)
    {
        var letter = await MixedLetterAsync();
        Assert.Equal(Payer, letter.RecipientId);
        var debtors = letter.Debtors.ToDictionary(d => d.Id);
        Assert.True(debtors[Consumer].IsConsumer);
        Assert.False(debtors[Business].IsConsumer);
        Assert.All(new[] { Consumer, Business }, id => Assert.Contains(letter.Lines, l => l.Customer == id && l.Interest.IsPositive));

        var rendered = Rendered.Renderer().Render(letter, culture, format);
        var text = format == DocumentFormat.Pdf ? Rendered.PdfText(rendered) : Rendered.HtmlText(rendered);

        var (consumerClause, businessClause) = culture == "de-DE" ? (ConsumerClauseDe, BusinessClauseDe) : (ConsumerClauseEn, BusinessClauseEn);
        Assert.Contains($"Anna Müller (20001): {consumerClause}", text, StringComparison.Ordinal);
        Assert.Contains($"Becker Bau KG (20002): {businessClause}", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Anna Müller (20001): {businessClause}", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Becker Bau KG (20002): {consumerClause}", text, StringComparison.Ordinal);
        // Neither clause stands unnamed, as if it spoke for the whole letter.
        Assert.Equal(1, Occurrences(text, consumerClause));
        Assert.Equal(1, Occurrences(text, businessClause));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>A payer receiving the dunning letters of a consumer and a business customer; three runs take both to the final level, which charges interest.</summary>
    private static async Task<DunningLetter> MixedLetterAsync()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 8, 3, 9, 0));
        var options = new DebitorCoreOptions { ReceivablesContact = SampleDocuments.Contact };
        var store = new InMemoryCustomerAccountStore();
        var authorization = new RoleBasedAuthorization();
        var accounts = new CustomerAccountService(store, authorization, clock, options);
        var schemes = new InterestSchemeRegistry();
        var collections = new CollectionService(accounts, store, schemes, new EicarTestScanner(), new InMemoryFileStorage());
        var dunning = new DunningService(store, authorization, new InMemoryDunningSettingsProvider(), schemes, new InMemoryDunningLetterOutput(), clock, options);
        var toPayer = new PayerRouting(DunningLetters: DocumentRecipient.Payer);

        await Register(new Customer(Payer, "20000", "Hanse Holding GmbH", SampleDocuments.Company), "Ballindamm 1", "20095");
        await Register(new Customer(Consumer, "20001", "Anna Müller", SampleDocuments.Company) { IsConsumer = true, Payer = Payer, PayerRouting = toPayer }, "Lindenstraße 5", "20099");
        await Register(new Customer(Business, "20002", "Becker Bau KG", SampleDocuments.Company) { Payer = Payer, PayerRouting = toPayer }, "Hafenstraße 21", "20457");
        await accounts.PostAsync(Accountant, Consumer, InvoicePosted.Single(new EntryId("R-20001"), "RE-20001", new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 17), Eur(2_486.40m)));
        await accounts.PostAsync(Accountant, Business, InvoicePosted.Single(new EntryId("R-20002"), "RE-20002", new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 17), Eur(5_940.00m)));

        DunningRunResult? last = null;
        foreach (var day in new[] { new LocalDate(2026, 9, 7), new LocalDate(2026, 10, 5), new LocalDate(2026, 11, 23) })
        {
            clock.Reset(day.At(new LocalTime(9, 0)).InUtc().ToInstant());   // each run is processed on its own day (D12.23)
            var proposal = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId($"MR-{day:yyyy-MM-dd}"), SampleDocuments.Company, day));
            last = await dunning.ProcessAsync(Accountant, proposal);
        }

        return Assert.Single(last!.Issued);

        async Task Register(Customer customer, string street, string postalCode)
        {
            await accounts.RegisterCustomerAsync(Accountant, customer with { PaymentTolerance = PaymentTolerance.None });
            await collections.ChangeMasterDataAsync(Accountant, customer.Id, new EntryId("stamm-" + customer.Id.Value), new CustomerMasterData
            {
                Addresses = [new PostalAddress(AddressKind.Billing, customer.Name, street, postalCode, "Hamburg", "DE")],
            });
        }
    }

    private static Money Eur(decimal amount) => new(amount, Currency.EUR);
}
