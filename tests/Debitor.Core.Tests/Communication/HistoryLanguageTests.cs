using System.Globalization;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Communication;

/// <summary>
/// Issue 15 point 1 (D15.12): the history entries the library writes are stored as data and read in the reader's
/// language, so a German user never reads an English entry and an English user never a German one.
/// </summary>
public sealed class HistoryLanguageTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task History_WrittenByTheLibrary_ReadsInGermanAndInEnglish()
    {
        var (account, letter) = await HistoryAsync();

        var de = CommunicationHistory.In(account.Communications, German);
        var en = CommunicationHistory.In(account.Communications, English);

        Assert.Equal(
            [
                "Fälligkeit von RE-1 geändert: Rate 1 (Anzahlung) vom 10.02.2026 auf den 20.02.2026",
                "Posten zurückgestellt bis 31.03.2026",
                "Zurückstellung beendet",
                $"Mahnschreiben Stufe 1 ({letter.Id})",
            ],
            de.Select(c => c.Subject));
        Assert.Equal(
            [
                "Due date of RE-1 changed: installment 1 (prepayment) from 10/02/2026 to 20/02/2026",
                "Item paused until 31/03/2026",
                "Pause ended",
                $"Dunning letter level 1 ({letter.Id})",
            ],
            en.Select(c => c.Subject));
        Assert.Equal(
            $"An C-1000 per E-Mail: 1 Mahnung(en) auf diesem Konto, 1 überfällige(r) Posten aufgeführt, insgesamt fällig {letter.TotalDue.ToString(German)}, zu zahlen bis {letter.PaymentDeadline.ToString("dd.MM.yyyy", German)}.",
            de[3].Text);
        Assert.Equal(
            $"To C-1000 by e-mail: 1 notice(s) on this account, 1 overdue item(s) listed, total due {letter.TotalDue.ToString(English)}, to be paid by {letter.PaymentDeadline.ToString("dd/MM/yyyy", English)}.",
            en[3].Text);

        // What users wrote stays as written, in every language.
        Assert.Equal(["Kunde bat um Aufschub", "Reklamation offen", "geklärt"], de.Take(3).Select(c => c.Text));
        Assert.Equal(["Kunde bat um Aufschub", "Reklamation offen", "geklärt"], en.Take(3).Select(c => c.Text));
    }

    [Fact]
    public async Task History_ReadWithoutALanguage_IsGerman()
    {
        var (account, _) = await HistoryAsync();

        Assert.Equal(CommunicationHistory.In(account.Communications, German).Select(c => (c.Subject, c.Text)), account.Communications.Select(c => (c.Subject, c.Text)));
        Assert.All(account.Communications, c => Assert.NotNull(c.SubjectData));
    }

    [Fact]
    public async Task History_GermanRendering_ContainsNoEnglishWordNorKey()
    {
        var (account, _) = await HistoryAsync();
        string[] english = ["Due", "date", "changed", "installment", "Item", "paused", "until", "Pause", "ended", "Dunning", "letter", "level", "notice", "overdue", "total", "paid", "Email", "Prepayment", "history."];

        var words = CommunicationHistory.In(account.Communications, German).SelectMany(c => (c.Subject + " " + c.Text).Split(' ', ':', '(', ')', ',', ';', '.'));

        Assert.DoesNotContain(words, w => english.Contains(w, StringComparer.Ordinal));
    }

    [Fact]
    public void In_EntryWithoutData_KeepsItsLiteralText()
    {
        var written = new CommunicationEntry(Id("c-1"), CommunicationKind.PhoneCall, "Rückruf", "Kunde zahlt Freitag", Clerk.User, Now, null);

        Assert.Equal(written, written.In(English));
    }

    [Fact]
    public void Render_HostText_ReplacesTheShippedOneAndOtherLanguagesFallBackToGerman()
    {
        var text = new JournalText("history.pause.until", [new JournalTextArgument("until", JournalTextArgumentKind.Date, "2026-03-31", [])]);
        var texts = JournalTexts.Default.With("en", new Dictionary<string, string> { ["history.pause.until"] = "On hold until {until}" });

        Assert.Equal("On hold until 31/03/2026", texts.Render(text, English));
        Assert.Equal("Posten zurückgestellt bis 31.03.2026", texts.Render(text, German));
        Assert.Equal("Posten zurückgestellt bis 31/03/2026", texts.Render(text, CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void TryRender_UnknownKey_IsFalseAndTheEntryKeepsItsLiteral()
    {
        var text = new JournalText("history.fromTheFuture", []);
        var entry = new CommunicationEntry(Id("c-1"), CommunicationKind.Comment, "wörtlich", "", Clerk.User, Now, null) { SubjectData = text };

        Assert.False(JournalTexts.Default.TryRender(text, German, out _));
        Assert.Throws<KeyNotFoundException>(() => JournalTexts.Default.Render(text, German));
        Assert.Equal("wörtlich", entry.In(German).Subject);
    }

    [Fact]
    public void Keys_EveryShippedText_HasGermanAndEnglish()
    {
        var english = JournalTexts.Default.With("xx", new Dictionary<string, string>());

        foreach (var key in JournalTexts.Keys)
        {
            var text = new JournalText(key, []);
            Assert.NotEqual(JournalTexts.Default.Render(text, German), JournalTexts.Default.Render(text, English));
            Assert.Equal(JournalTexts.Default.Render(text, German), english.Render(text, CultureInfo.GetCultureInfo("fr-FR")));
        }
    }

    [Fact]
    public async Task WriteOffReason_WordedByTheLibrary_IsStoredAsDataAndReadsInBothLanguages()
    {
        var fixture = new ServiceFixture();
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer() with { PaymentTolerance = new PaymentTolerance(0m, 1m) });
        await fixture.Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));

        await fixture.Payments.ApplyPaymentAsync(Accountant, CustomerA, new IncomingPayment(Id("z-1"), Eur(99.97m), Date(2026, 3, 2), reference: "RE-inv-1"));

        var account = await fixture.Service.GetAccountAsync(Accountant, CustomerA);
        var writeOff = Assert.Single(account.Journal.Select(r => r.Entry).OfType<WriteOffPosted>());
        Assert.Equal("Zahlungstoleranz: Differenz ausgebucht mit Zahlung z-1", writeOff.Reason);
        Assert.Equal("Payment tolerance: difference written off with payment z-1", JournalTexts.Default.Render(writeOff.ReasonData!, English));
    }

    /// <summary>A due-date change of one installment, a pause and its end, and a first dunning letter, written through the use cases.</summary>
    private static async Task<(CustomerAccount Account, DunningLetter Letter)> HistoryAsync()
    {
        var fixture = new DunningFixture();
        var invoice = new InvoicePosted(Id("inv"), "RE-1", Date(2026, 1, 10), Date(2026, 2, 10), Eur(2500m), [
            new Installment(Eur(500m), Date(2026, 2, 10), InstallmentKind.Prepayment),
            new Installment(Eur(2000m), Date(2026, 6, 15), InstallmentKind.Remainder),
        ]);
        await fixture.AddAsync(NewCustomer(), invoice);
        await fixture.Accounts.ChangeInstallmentDueDateAsync(Accountant, CustomerA, Id("due"), [new InstallmentRef(Id("inv"), 1)], Date(2026, 2, 20), "Kunde bat um Aufschub");
        await fixture.Accounts.PauseItemAsync(Accountant, CustomerA, Id("pause"), Id("inv"), "Reklamation offen", Date(2026, 3, 31));
        await fixture.Accounts.ResumeItemAsync(Accountant, CustomerA, Id("resume"), Id("inv"), "geklärt");
        await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("run-1"), Company, Date(2026, 3, 15))));
        return (await fixture.LoadAsync(CustomerA), Assert.Single(fixture.Output.Letters));
    }
}
