using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// Issue 15 point 4: the document ports receive the rendered document beside the model, and the recipient's output
/// medium per document kind (R3.5) decides e-mail or post. Built the way a host builds it: <c>AddDebitorCore</c> and
/// <c>AddDebitorCoreDocuments</c>, no renderer wired by hand.
/// </summary>
public sealed class DeliveryTests
{
    private static readonly LocalDate RunDate = new(2026, 11, 23);
    private static readonly Actor Accountant = SampleDocuments.Accountant;

    [Fact]
    public async Task DunningRun_WithDocumentsRegistered_DeliversEachLetterAsPdfWithItsMedium()
    {
        using var host = await Host.BuildAsync();

        var result = await host.RunDunningAsync();

        var letters = host.Letters.Outgoing;
        Assert.Equal(result.Issued.Count, letters.Count);
        Assert.Equal(2, letters.Count);
        foreach (var outgoing in letters)
        {
            var letter = ((DunningLetterDocument)outgoing.Document).Letter;
            var rendered = Assert.IsType<RenderedDocument>(outgoing.Rendered);
            Assert.Equal(DocumentKind.DunningLetter, outgoing.Kind);
            Assert.Equal("application/pdf", rendered.MediaType);
            Assert.Equal("de-DE", rendered.Culture);
            Assert.StartsWith("Zahlungserinnerung-", rendered.FileName, StringComparison.Ordinal);
            Assert.EndsWith($"-{letter.Recipient.Number}-2026-11-23.pdf", rendered.FileName, StringComparison.Ordinal);
            var text = Rendered.PdfText(rendered);
            Assert.Contains(letter.Recipient.Name, text, StringComparison.Ordinal);
            Assert.Contains("Zahlungserinnerung", text, StringComparison.Ordinal);
            Assert.Contains(Rendered.Plain(letter.TotalDue.ToString(CultureInfo.GetCultureInfo("de-DE"))), text, StringComparison.Ordinal);
            var number = Assert.IsType<LetterNumber>(result.Issued.Single(l => l.Id == letter.Id).Number);
            Assert.Contains(number.ToString(), text, StringComparison.Ordinal);   // the sequential letter number (issue 17), not the id
            Assert.Equal(letter.Medium, outgoing.Medium);
            Assert.Equal(letter.RecipientAddress, outgoing.Address);
        }

        // Nordlicht set post for dunning letters, Anna e-mail (R3.5): the medium follows each customer.
        var nordlicht = letters.Single(o => o.Recipient.Id == SampleDocuments.Nordlicht);
        var anna = letters.Single(o => o.Recipient.Id == SampleDocuments.Anna);
        Assert.Equal(OutputMedium.Post, nordlicht.Medium);
        Assert.True(nordlicht.ByPost);
        Assert.False(nordlicht.ByEmail);
        Assert.Equal(OutputMedium.Email, anna.Medium);
        Assert.True(anna.ByEmail);
        Assert.Equal("buchhaltung@kunde-10002.example", anna.Email?.Address);
    }

    [Fact]
    public async Task DunningRun_RenderedLetter_EqualsTheLetterRenderedFromItsModel()
    {
        using var host = await Host.BuildAsync();

        await host.RunDunningAsync();

        var renderer = host.Services.GetRequiredService<DocumentRenderer>();
        foreach (var outgoing in host.Letters.Outgoing)
        {
            var direct = renderer.Render(((DunningLetterDocument)outgoing.Document).Letter, culture: null, DocumentFormat.Pdf);
            Assert.Equal(direct.FileName, outgoing.Rendered!.FileName);
            Assert.True(direct.Content.Span.SequenceEqual(outgoing.Rendered.Content.Span), "delivery renders the stored model as the renderer does");
        }
    }

    [Fact]
    public async Task PaymentAndInterestInvoice_WithDocumentsRegistered_ReachTheOutputRenderedWithTheMediumOfTheirKind()
    {
        using var host = await Host.BuildAsync();
        var payments = host.Services.GetRequiredService<PaymentService>();
        var interest = host.Services.GetRequiredService<InterestInvoiceService>();

        await payments.ApplyPaymentAsync(Accountant, SampleDocuments.Nordlicht, new IncomingPayment(new EntryId("Z-1"), Eur(1_000m), RunDate, reference: "RE-1"));
        await interest.IssueAsync(Accountant, SampleDocuments.Nordlicht, "ZR-2026-0042");

        var outgoing = host.Documents.Outgoing;
        var advice = Assert.Single(outgoing, o => o.Document is PaymentAdvice);
        var invoice = Assert.Single(outgoing, o => o.Document is Interest.InterestInvoice);
        Assert.Equal(DocumentKind.PaymentAdvice, advice.Kind);
        Assert.Equal(OutputMedium.Email, advice.Medium);
        Assert.Equal(DocumentKind.InterestInvoice, invoice.Kind);
        Assert.Equal(OutputMedium.EmailAndPost, invoice.Medium);
        Assert.True(invoice.ByEmail && invoice.ByPost);

        Assert.Equal("application/pdf", advice.Rendered!.MediaType);
        Assert.EndsWith(".pdf", advice.Rendered.FileName, StringComparison.Ordinal);
        var adviceText = Rendered.PdfText(advice.Rendered);
        Assert.Contains("Zahlungsavis", adviceText, StringComparison.Ordinal);
        Assert.Contains("Nordlicht Versicherung AG", adviceText, StringComparison.Ordinal);
        Assert.Contains("1.000,00 €", adviceText, StringComparison.Ordinal);

        var invoiceModel = (Interest.InterestInvoice)invoice.Document;
        var invoiceText = Rendered.PdfText(invoice.Rendered!);
        Assert.Contains("ZR-2026-0042", invoice.Rendered!.FileName, StringComparison.Ordinal);
        Assert.Contains(Rendered.Plain(invoiceModel.InterestTotal.ToString(CultureInfo.GetCultureInfo("de-DE"))), invoiceText, StringComparison.Ordinal);
        Assert.Contains("§ 288 Abs. 2 BGB", invoiceText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_RendererFailsOnce_IsRecordedAndTheRetryDeliversEveryRenderedLetterOnce()
    {
        using var host = await Host.BuildAsync(flaky: true);

        await Assert.ThrowsAsync<IOException>(host.RunDunningAsync);
        var delivery = host.Services.GetRequiredService<DocumentDelivery>();
        // The run's letters were queued together (D16.63): the one whose rendering failed records the failure, the one
        // after it waits untried; nothing went out.
        var pending = await delivery.ListUndeliveredAsync();
        Assert.Equal(2, pending.Count);
        var failed = Assert.Single(pending, p => p.FailedAttempts > 0);
        Assert.Equal(1, failed.FailedAttempts);
        Assert.Contains("renderer down", failed.LastError, StringComparison.Ordinal);
        Assert.Single(pending, p => p.FailedAttempts == 0 && p.LastError is null);
        Assert.Empty(host.Letters.Outgoing);

        // The run again (as the outbox guarantee says) completes it: both stored letters are rendered and delivered,
        // each once.
        var result = await host.RunDunningAsync();

        Assert.Empty(await delivery.ListUndeliveredAsync());
        Assert.Equal(2, result.Issued.Count);
        Assert.Equal(2, host.Letters.Outgoing.Count);
        Assert.All(host.Letters.Outgoing, o => Assert.Equal("application/pdf", o.Rendered!.MediaType));
        Assert.Equal(
            result.Issued.Select(l => l.Id).Order(StringComparer.Ordinal),
            host.Letters.Outgoing.Select(o => o.Document.DocumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddDebitorCore_WithoutDocuments_DeliversLettersAsModelsOnly()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)));
        services.AddDebitorCore();
        using var provider = services.BuildServiceProvider();

        var renderer = provider.GetRequiredService<IDocumentRenderer>();

        Assert.IsNotType<DocumentRenderer>(renderer);
        var sample = await SampleDocuments.GetAsync();
        var outgoing = new OutgoingDocument(sample.Advice, DocumentKind.PaymentAdvice, new Customer(SampleDocuments.Hanse, "10007", "Hanse Logistik GmbH", SampleDocuments.Company), null, null, OutputMedium.Post);
        Assert.Null(await renderer.RenderAsync(outgoing, CancellationToken.None));
    }

    private static Money Eur(decimal amount) => new(amount, Currency.EUR);

    /// <summary>A host: the core and the documents package registered, the in-memory outputs, two customers with overdue invoices.</summary>
    private sealed class Host : IDisposable
    {
        private Host(ServiceProvider services) => Services = services;

        public ServiceProvider Services { get; }

        public InMemoryDunningLetterOutput Letters => (InMemoryDunningLetterOutput)Services.GetRequiredService<IDunningLetterOutput>();

        public InMemoryDocumentOutput Documents => (InMemoryDocumentOutput)Services.GetRequiredService<IDocumentOutput>();

        public static async Task<Host> BuildAsync(bool flaky = false)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)));
            services.AddDebitorCoreDocuments(o => o.Company = SampleDocuments.Profile);
            services.AddDebitorCore(o =>
            {
                o.TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
                o.ReceivablesContact = SampleDocuments.Contact;
            }).AddDebitorCoreInMemory();
            if (flaky)
            {
                services.AddSingleton<IDocumentRenderer>(p => new FailingOnceRenderer(p.GetRequiredService<DocumentRenderer>()));
            }

            var host = new Host(services.BuildServiceProvider());
            var accounts = host.Services.GetRequiredService<CustomerAccountService>();
            var collections = host.Services.GetRequiredService<CollectionService>();
            await Register(new Customer(SampleDocuments.Nordlicht, "10001", "Nordlicht Versicherung AG", SampleDocuments.Company), "Überseering 12", "22297", "Hamburg", [
                new DocumentOutput(DocumentKind.DunningLetter, OutputMedium.Post),
                new DocumentOutput(DocumentKind.PaymentAdvice, OutputMedium.Email),
                new DocumentOutput(DocumentKind.InterestInvoice, OutputMedium.EmailAndPost),
            ]);
            await Register(new Customer(SampleDocuments.Anna, "10002", "Anna Müller", SampleDocuments.Company) { IsConsumer = true, PreferredChannel = ContactChannel.Post }, "Lindenstraße 5", "80331", "München", [
                new DocumentOutput(DocumentKind.DunningLetter, OutputMedium.Email),
            ]);
            await accounts.PostAsync(Accountant, SampleDocuments.Nordlicht, InvoicePosted.Single(new EntryId("R-1"), "RE-1", new LocalDate(2026, 9, 1), new LocalDate(2026, 10, 1), Eur(33_397.99m)));
            await accounts.PostAsync(Accountant, SampleDocuments.Anna, InvoicePosted.Single(new EntryId("R-2"), "RE-2", new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 15), Eur(2_486.40m)));
            return host;

            async Task Register(Customer customer, string street, string postalCode, string city, IReadOnlyList<DocumentOutput> media)
            {
                await accounts.RegisterCustomerAsync(Accountant, customer with { PaymentTolerance = PaymentTolerance.None });
                await collections.ChangeMasterDataAsync(Accountant, customer.Id, new EntryId("stamm-" + customer.Id.Value), new CustomerMasterData
                {
                    Addresses = [new PostalAddress(AddressKind.Billing, customer.Name, street, postalCode, city, "DE")],
                    Emails = [new EmailAddress($"buchhaltung@kunde-{customer.Number}.example", UseForSending: true)],
                    OutputMedia = media,
                });
            }
        }

        public async Task<DunningRunResult> RunDunningAsync()
        {
            var dunning = Services.GetRequiredService<DunningService>();
            var proposal = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("MR-2026-11-23"), SampleDocuments.Company, RunDate));
            return await dunning.ProcessAsync(Accountant, proposal);
        }

        public void Dispose() => Services.Dispose();
    }

    /// <summary>A renderer whose first call fails, as a font server or a full disk would.</summary>
    private sealed class FailingOnceRenderer(IDocumentRenderer inner) : IDocumentRenderer
    {
        private int _calls;

        public ValueTask<RenderedDocument?> RenderAsync(OutgoingDocument document, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1 ? throw new IOException("renderer down") : inner.RenderAsync(document, cancellationToken);
    }
}
