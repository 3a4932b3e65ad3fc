using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>
/// Every document kind rendered to PDF in German and English and read back with PdfPig: the amounts, dates, names and
/// legal clauses stand there word for word. Expected amounts are written out, or formatted here with an explicit
/// pattern (never through the renderer), so a wrong culture or a lost cent shows.
/// </summary>
public sealed class PdfContentTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static string De(decimal amount) => amount.ToString("#,##0.00", German) + " €";

    private static string En(decimal amount) => (amount < 0 ? "-€" : "€") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string DeDate(LocalDate date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string EnDate(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static async Task<string> PdfAsync(string kind, string culture)
    {
        var sample = await SampleDocuments.GetAsync();
        var document = All(sample, culture, DocumentFormat.Pdf).Single(d => d.Kind == kind).Document;
        Assert.Equal("application/pdf", document.MediaType);
        return PdfText(document);
    }

    private static void Says(string text, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"Missing \"{phrase}\" in: {text}");
        }
    }

    [Fact]
    public async Task DunningLetter_FinalDemandInGerman_StatesItemsFeesInterestTotalsDeadlineAndSection288Paragraph2()
    {
        var letter = (await SampleDocuments.GetAsync()).FinalDemand;
        Assert.Equal(3, letter.Level);

        var text = await PdfAsync("dunning-letter-final", "de-DE");

        Says(
            text,
            "Letzte Mahnung",
            "Sehr geehrte Damen und Herren,",
            "Ihr Ansprechpartner Erika Berger",
            "Telefon +49 40 3344-70",
            "Kundennummer 10001",
            "Briefnummer MR-2026-11-23/K-10001/EUR",
            "Datum 23.11.2026",
            "Beleg Belegdatum Fällig am Betrag Bezahlt Offen Stufe Zinsen",
            $"RE-K-10001-R1 03.08.2026 31.08.2026 33.397,99 € 0,00 € 33.397,99 € 3 {De(letter.Lines[0].Interest.Amount)}",
            $"RE-K-10001-R2 27.10.2026 10.11.2026 1.250,00 € 0,00 € 1.250,00 € 1 {De(letter.Lines[1].Interest.Amount)}",
            "GS-K-10001-1 Gutschrift 02.11.2026 -180,00 €",
            "Mahngebühr (Mahnstufe 3) 5,00 €",
            "Summe überfällig 34.647,99 €",
            "abzüglich Guthaben -180,00 €",
            "Mahngebühren 5,00 €",
            $"Verzugszinsen {De(letter.InterestTotal.Amount)}",
            $"Zu zahlender Betrag {De(34_647.99m - 180m + 5m + letter.InterestTotal.Amount)}",
            $"Zahlbar bis {DeDate(letter.PaymentDeadline)}",
            "Für die Dauer des Verzugs berechnen wir Verzugszinsen in Höhe von neun Prozentpunkten über dem Basiszinssatz (§ 288 Abs. 2 BGB).",
            $"Bitte überweisen Sie den Betrag von {De(letter.TotalDue.Amount)} bis zum {DeDate(letter.PaymentDeadline)}.",
            "die als „Letzte Mahnung“ gekennzeichneten Posten nicht bis dahin bei uns ein, übergeben wir diese Posten ohne weitere Ankündigung",
            "Für die übrigen Posten gilt die bei ihnen genannte Mahnstufe.",
            "Verwendungszweck an: Kd.-Nr. 10001 / 20261123",
            "IBAN DE89 3704 0044 0532 0130 00",
            "BIC COBADEFFXXX",
            "Registergericht: Amtsgericht Hamburg",
            "HRB 123456",
            "Geschäftsführung: Jana Sommer, Tim Winter",
            "USt-IdNr. DE136695976",
            "Mit freundlichen Grüßen Erika Berger");
    }

    [Fact]
    public async Task DunningLetter_FinalDemandWithAFirstNotice_NamesEachLinesLevelAndInterestPeriodAndThreatensOnlyFinalItems()
    {
        var letter = (await SampleDocuments.GetAsync()).FinalDemand;
        var first = letter.Lines.Single(x => x.Level == 1);
        var final = letter.Lines.Single(x => x.Level == 3);
        var period = Assert.Single(final.InterestPeriods);
        var de = CultureInfo.GetCultureInfo("de-DE");

        var text = await PdfAsync("dunning-letter-final", "de-DE");

        Says(
            text,
            $"{first.DocumentNumber} {DeDate(first.DocumentDate)} {DeDate(first.DueDate)} {De(first.Amount.Amount)} {De(first.SettledAmount.Amount)} {De(first.OpenAmount.Amount)} 1",
            "Mahnstufe: Zahlungserinnerung, gemahnt",
            "Mahnstufe: Letzte Mahnung, gemahnt",
            $"Verzugszinsen {period.AnnualRatePercent.ToString("0.00##", de)} % p. a. {De(period.Amount.Amount)} auf {De(period.Principal.Amount)}, {DeDate(period.FirstDay)} – {DeDate(period.LastDay)} ({period.Days} Tage)",
            "trotz Zahlungserinnerung und Mahnung sind die als „Letzte Mahnung“ gekennzeichneten Posten noch immer offen",
            "Jeder Posten nennt seine eigene Mahnstufe.");
        Assert.DoesNotContain("Dies ist unsere letzte Mahnung", text, StringComparison.Ordinal);
        Assert.DoesNotContain("übergeben wir die Forderung", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DunningLetter_FromTheModelAlone_PrintsTheRecipientAddressEmailAndOurContact()
    {
        var sample = await SampleDocuments.GetAsync();
        var letter = sample.FinalDemand;

        var text = PdfText(Renderer().Render(letter, null, DocumentFormat.Pdf));

        var address = Assert.IsType<Debitor.Core.Customers.PostalAddress>(letter.RecipientAddress);
        var email = Assert.IsType<Debitor.Core.Customers.EmailAddress>(letter.RecipientEmail);
        Says(
            text,
            letter.Recipient.Name,
            address.Street,
            $"{address.PostalCode} {address.City}",
            $"Ihr Ansprechpartner {letter.Contact.Name}",
            $"Ihre E-Mail {email.Address}",
            "Letzte Mahnung");
    }

    [Fact]
    public async Task DunningLetter_FinalDemandInEnglish_StatesTheSameFiguresInEnglishFormats()
    {
        var letter = (await SampleDocuments.GetAsync()).FinalDemand;

        var text = await PdfAsync("dunning-letter-final", "en-GB");

        Says(
            text,
            "Final demand",
            "Dear Sir or Madam,",
            "Your contact Erika Berger",
            "Date 23/11/2026",
            "RE-K-10001-R1 03/08/2026 31/08/2026 €33,397.99 €0.00 €33,397.99 3",
            "Dunning fee (level 3) €5.00",
            "less credits -€180.00",
            $"Amount to pay {En(letter.TotalDue.Amount)}",
            $"Payable by {EnDate(letter.PaymentDeadline)}",
            "(section 288 (2) BGB)",
            "Bank details");
    }

    [Fact]
    public async Task DunningLetter_ReminderToAConsumer_IsAFriendlyReminderWithoutInterestClause()
    {
        var letter = (await SampleDocuments.GetAsync()).Reminder;
        Assert.Equal(1, letter.Level);

        var de = await PdfAsync("dunning-letter-reminder", "de-DE");
        var en = await PdfAsync("dunning-letter-reminder", "en-GB");

        Says(de, "Zahlungserinnerung", "RE-K-10002-R1 20.10.2026 10.11.2026 2.486,40 €", $"Bitte überweisen Sie den Betrag von 2.486,40 € bis zum {DeDate(letter.PaymentDeadline)}.");
        Assert.DoesNotContain("§ 288", de, StringComparison.Ordinal);
        Says(en, "Payment reminder", $"Please transfer the amount of €2,486.40 by {EnDate(letter.PaymentDeadline)}.");
    }

    [Fact]
    public async Task InterestInvoice_Business_ListsRatePeriodDaysAndClaimsTheFlatFeeUnderParagraph5()
    {
        var invoice = (await SampleDocuments.GetAsync()).InterestInvoice;
        var first = invoice.Lines[0].Period;

        var de = await PdfAsync("interest-invoice", "de-DE");
        var en = await PdfAsync("interest-invoice", "en-GB");

        Says(
            de,
            "Zinsrechnung",
            "Belegnummer ZR-2026-0042",
            $"RE-K-10001-R1 {DeDate(first.FirstDay)} – {DeDate(first.LastDay)} {first.Days} {first.AnnualRatePercent.ToString("0.00", German)} % 33.397,99 € {De(first.Amount.Amount)}",
            $"Verzugspauschale (§ 288 Abs. 5 BGB) {De(invoice.RecoveryCompensationTotal.Amount)}",
            $"Rechnungsbetrag {De(invoice.InterestTotal.Amount + invoice.RecoveryCompensationTotal.Amount)}",
            "(§ 288 Abs. 2 BGB).",
            $"Zusätzlich machen wir die Verzugspauschale nach § 288 Abs. 5 BGB in Höhe von {De(invoice.RecoveryCompensationTotal.Amount)} geltend.",
            $"Zahlbar bis {DeDate(invoice.PaymentDueDate)}",
            "Kd.-Nr. 10001 / ZR-2026-0042");
        Says(en, "Interest invoice", "section 288 (5) BGB", $"Invoice total {En(invoice.Total.Amount)}");
    }

    [Fact]
    public async Task InterestInvoice_Consumer_CitesParagraph1AndClaimsNoFlatFee()
    {
        var invoice = (await SampleDocuments.GetAsync()).ConsumerInterestInvoice;
        Assert.True(invoice.RecoveryCompensationTotal.IsZero);

        var de = await PdfAsync("interest-invoice-consumer", "de-DE");

        Says(de, "Für die Dauer des Verzugs berechnen wir Verzugszinsen in Höhe von fünf Prozentpunkten über dem Basiszinssatz (§ 288 Abs. 1 BGB).", $"Rechnungsbetrag {De(invoice.InterestTotal.Amount)}");
        Assert.DoesNotContain("Abs. 5", de, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenItemsStatement_ListsEveryOpenItemAndTheBalance()
    {
        var de = await PdfAsync("open-items-statement", "de-DE");
        var en = await PdfAsync("open-items-statement", "en-GB");

        Says(
            de,
            "Offene-Posten-Liste",
            "RE-K-10001-R1 Rechnung 03.08.2026 31.08.2026 84 33.397,99 € 33.397,99 €",
            "RE-K-10001-R2 Rechnung 27.10.2026 10.11.2026 13 1.250,00 € 1.250,00 €",
            "GS-K-10001-1 Gutschrift 02.11.2026 – – 180,00 € -180,00 €",
            "Offene Forderungen 34.647,99 €",
            "Saldo 34.467,99 €");
        Says(en, "Statement of open items", "Balance €34,467.99");
    }

    [Fact]
    public async Task AccountStatement_OpeningAndClosingBalancesAgreeWithTheLedgerToTheCent()
    {
        var sample = await SampleDocuments.GetAsync();
        var section = Assert.Single(sample.Account.Sections);
        var ledger = sample.NordlichtAccount.BalanceIn(Currency.EUR);
        Assert.Equal(ledger, section.ClosingBalance);
        Assert.Equal(section.ClosingBalance, section.OpeningBalance + section.Lines.Aggregate(Money.Zero(Currency.EUR), (sum, l) => sum + l.Amount));

        var de = await PdfAsync("account-statement", "de-DE");
        var en = await PdfAsync("account-statement", "en-GB");

        Says(
            de,
            "Kontoauszug",
            "für den Zeitraum 01.01.2026 – 23.11.2026.",
            "01.01.2026 Anfangssaldo 0,00 €",
            "03.08.2026 Rechnung RE-K-10001-R1 33.397,99 € 33.397,99 €",
            "02.11.2026 Gutschrift GS-K-10001-1 180,00 € 34.467,99 €",
            "23.11.2026 Endsaldo 34.467,99 €",
            $"Endsaldo EUR {De(ledger.Amount)}");
        Says(en, "Statement of account", "Closing balance EUR €34,467.99");
    }

    [Fact]
    public async Task PaymentAdvice_ShowsHowThePaymentWasApplied()
    {
        var de = await PdfAsync("payment-advice", "de-DE");
        var en = await PdfAsync("payment-advice", "en-GB");

        Says(de, "Zahlungsavis", "vielen Dank für Ihre Zahlung über 4.750,00 € mit Wertstellung 20.11.2026.", "RE-K-10007-R1 Hauptforderung 4.750,00 € 0,00 € 0,00 € 50,00 €", "§ 366 und § 367 BGB");
        Says(en, "Payment advice", "€4,750.00, value date 20/11/2026");
    }

    [Fact]
    public async Task DifferenceNotification_StatesOwedPaidAndOpen()
    {
        var de = await PdfAsync("difference-notification", "de-DE");
        var en = await PdfAsync("difference-notification", "en-GB");

        Says(de, "Differenzmitteilung", "Geschuldet 4.800,00 €", "Gezahlt 4.750,00 €", "Noch offen 50,00 €", "Kd.-Nr. 10007 / RE-K-10007-R1");
        Says(en, "Notice of payment difference", "Still open €50.00");
    }

    [Fact]
    public async Task WriteOffNotification_StatesWhatWasWrittenOffAndWhy()
    {
        var de = await PdfAsync("write-off-notification", "de-DE");
        var en = await PdfAsync("write-off-notification", "en-GB");

        Says(de, "Ausbuchungsmitteilung", "RE-K-10007-R2 0,03 € Kleinstbetrag unter 0,10 €", "Summe ausgebucht 0,03 €");
        Says(en, "Write-off notice", "Total written off €0.03");
    }

    [Fact]
    public async Task PaymentAgreement_StatesItemsScheduleAndTerms()
    {
        var de = await PdfAsync("payment-agreement", "de-DE");
        var en = await PdfAsync("payment-agreement", "en-GB");

        Says(
            de,
            "Ratenzahlungsvereinbarung",
            "RE-K-10002-R1 10.11.2026 2.486,40 €",
            "1. Rate 01.12.2026 828,80 €",
            "2. Rate 01.01.2027 828,80 €",
            "3. Rate 01.02.2027 828,80 €",
            "Gesamtbetrag 2.486,40 €",
            "Wird eine Rate nicht rechtzeitig gezahlt, endet diese Vereinbarung",
            "Unterschrift des Schuldners");
        Says(en, "Instalment agreement", "Instalment 1 01/12/2026 €828.80");
    }

    [Fact]
    public async Task HandOver_ToLawyerAndAgency_SummarisesTheClaimInSection367Order()
    {
        var sample = await SampleDocuments.GetAsync();
        var claim = Assert.Single(sample.ToLawyer.Claims);

        var lawyer = await PdfAsync("hand-over-lawyer", "de-DE");
        var agency = await PdfAsync("hand-over-agency", "de-DE");
        var english = await PdfAsync("hand-over-agency", "en-GB");

        Says(
            lawyer,
            "Übergabe an Rechtsanwalt",
            "Kanzlei Dr. Recht & Partner",
            "gegen Becker Bau KG, Kundennummer 10012, zur Beitreibung.",
            "Der Schuldner ist Unternehmer (§ 14 BGB).",
            "(Verrechnung nach § 367 BGB: Kosten, Zinsen, Hauptforderung)",
            $"RE-K-10012-R1 18.05.2026 5.940,00 € {De(claim.Interest.Amount)} 0,00 € {De(5_940m + claim.Interest.Amount)}",
            "Beigefügte Belege: RE-K-10012-R1");
        Says(agency, "Übergabe an Inkassounternehmen", "Inkasso Nord GmbH", "RE-K-10012-R2 15.06.2026 812,50 €");
        Says(english, "Hand-over to a collection agency", "€812.50");
    }

    [Fact]
    public async Task SepaMandate_B2B_CarriesCreditorMandateDebtorAccountAndTheB2BWording()
    {
        var de = await PdfAsync("sepa-mandate", "de-DE");
        var en = await PdfAsync("sepa-mandate", "en-GB");

        Says(
            de,
            "SEPA-Firmenlastschrift-Mandat",
            "Gläubiger-Identifikationsnummer DE98ZZZ09999999999",
            "Mandatsreferenz MAND-10007-1",
            "Zahlungspflichtiger (Kontoinhaber) Hanse Logistik GmbH",
            "IBAN DE02 1203 0000 0000 2020 51",
            "BIC BYLADEM1001",
            "Wir ermächtigen Sonnenschein Reisen GmbH, Zahlungen von unserem Konto mittels Lastschrift einzuziehen.",
            "Wir sind nicht berechtigt, nach der erfolgten Einlösung eine Erstattung des belasteten Betrages zu verlangen.");
        Says(en, "SEPA business-to-business direct debit mandate", "We are not entitled to a refund");
    }

    [Fact]
    public async Task Render_SameDocumentTwice_GivesTheSameBytes()
    {
        var sample = await SampleDocuments.GetAsync();

        var first = All(sample, "de-DE", DocumentFormat.Pdf, Renderer());
        var second = All(sample, "de-DE", DocumentFormat.Pdf, Renderer());

        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Document.Content.Span.SequenceEqual(pair.Second.Document.Content.Span), pair.First.Kind));
    }

    [Fact]
    public async Task Render_FromManyThreadsAtOnce_GivesTheSameBytesAsOneByOne()
    {
        var sample = await SampleDocuments.GetAsync();
        var renderer = Renderer();
        var expected = All(sample, "de-DE", DocumentFormat.Pdf, renderer);

        var parallel = new (string Kind, RenderedDocument Document)[8][];
        Parallel.For(0, parallel.Length, i => parallel[i] = [.. All(sample, "de-DE", DocumentFormat.Pdf, renderer)]);

        Assert.All(parallel.SelectMany(run => run.Zip(expected)), pair => Assert.True(pair.First.Document.Content.Span.SequenceEqual(pair.Second.Document.Content.Span), pair.First.Kind));
    }
}
