using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Debitor.Core.Documents;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Testing;

namespace Debitor.Core.Tests.Serialization;

/// <summary>The document format of the outbox (D13.50): golden files per kind, the upgrade path, strict reading, letters derived again.</summary>
public sealed class DocumentJsonTests
{
    internal static readonly Lazy<Task<(InMemoryCustomerAccountStore Store, IReadOnlyList<ReceivablesDocument> Documents)>> Samples = new(async () =>
    {
        var store = new InMemoryCustomerAccountStore();
        return (store, await OutboxSampleDocuments.WriteAsync(store));
    });

    /// <summary>One golden file per document kind, and one for a payer's letter (several customers on one letter).</summary>
    public static TheoryData<string> GoldenNames() => [.. DocumentJson.Kinds, "DunningLetter.Payer"];

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public async Task GoldenFile_EveryKind_IsWrittenUnchangedAndReadsBackEqual(string name)
    {
        var (store, documents) = await Samples.Value;
        var document = Sample(documents, name);
        var written = Indented(DocumentJson.Serialize(document));
        var path = Path.Combine(AppContext.BaseDirectory, "Serialization", "GoldenDocuments", name + ".json");
        if (Environment.GetEnvironmentVariable(JournalJsonTests.RegenerateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceGoldenDirectory(), name + ".json"), written);
            File.WriteAllText(path, written);
        }

        Assert.True(File.Exists(path), $"No golden file {path}. Run the tests once with {JournalJsonTests.RegenerateVariable}=1 and commit the file.");
        var golden = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(golden, written);

        var read = await DocumentJson.DeserializeAsync(golden, store, CancellationToken.None);
        Assert.Equal(golden, Indented(DocumentJson.Serialize(read)));
        if (document is not DunningLetterDocument)
        {
            Assert.Equal(document, read);
        }
    }

    [Fact]
    public void GoldenFiles_AreExactlyOnePerKindAndThePayerLetter()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Serialization", "GoldenDocuments"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

        Assert.Equal(new[] { "DunningLetter.Payer" }.Concat(DocumentJson.Kinds).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public async Task Deserialize_DunningLetter_StatesEverythingTheQueuedLetterStated()
    {
        var (store, documents) = await Samples.Value;
        foreach (var queued in documents.OfType<DunningLetterDocument>())
        {
            var read = Assert.IsType<DunningLetterDocument>(await DocumentJson.DeserializeAsync(DocumentJson.Serialize(queued), store, CancellationToken.None));
            var (a, b) = (queued.Letter, read.Letter);
            Assert.NotSame(a, b);
            Assert.Equal((a.Id, a.Number, a.RunId, a.RecipientId, a.Currency, a.Level, a.Scheme, a.HeaderTextKey, a.FooterTextKey, a.LetterDate, a.PaymentDeadline), (b.Id, b.Number, b.RunId, b.RecipientId, b.Currency, b.Level, b.Scheme, b.HeaderTextKey, b.FooterTextKey, b.LetterDate, b.PaymentDeadline));
            Assert.Equal((a.Medium, a.Channel, a.Contact, a.RecipientAddress, a.RecipientEmail, a.Attachments), (b.Medium, b.Channel, b.Contact, b.RecipientAddress, b.RecipientEmail, b.Attachments));
            Assert.Equal(a.Customers, b.Customers);
            Assert.Equal(a.Debtors, b.Debtors);
            Assert.Equal(a.Fees, b.Fees);
            Assert.Equal(a.Lines.Select(Line), b.Lines.Select(Line));
            Assert.Equal(a.ItemsNotYetDue.Select(Line), b.ItemsNotYetDue.Select(Line));
            Assert.Equal(a.Credits.Select(c => (c.Customer, c.Item, c.Kind, c.DocumentNumber, c.Date, c.OpenAmount)), b.Credits.Select(c => (c.Customer, c.Item, c.Kind, c.DocumentNumber, c.Date, c.OpenAmount)));
            Assert.Equal((a.OverdueTotal, a.CreditTotal, a.NetOverdue, a.FeeTotal, a.InterestTotal, a.TotalDue, a.NotYetDueTotal, a.NoticeCount), (b.OverdueTotal, b.CreditTotal, b.NetOverdue, b.FeeTotal, b.InterestTotal, b.TotalDue, b.NotYetDueTotal, b.NoticeCount));
            Assert.Equal(a.Recipient, b.Recipient);
        }
    }

    [Fact]
    public async Task Deserialize_FormatZeroDocument_IsUpgraded()
    {
        // Written by hand in the draft layout: members beside "format", the kind named "type".
        const string Draft = """
            {"format":0,"type":"DifferenceNotification","id":"Z-1/difference/1","date":"2026-11-20","customer":"K-9","recipient":"K-9",
             "contact":{"name":"Erika Berger","phone":null,"email":null},"payment":"Z-1","item":"R-1","documentNumber":"RE-1",
             "owed":{"amount":"100.00","currency":"EUR"},"paid":{"amount":"90.00","currency":"EUR"},"remainingOpen":{"amount":"10.00","currency":"EUR"}}
            """;

        var read = Assert.IsType<DifferenceNotification>(await DocumentJson.DeserializeAsync(Draft, new InMemoryCustomerAccountStore(), CancellationToken.None));

        Assert.Equal("Z-1/difference/1", read.DocumentId);
        Assert.Equal(new LocalDate(2026, 11, 20), read.Date);
        Assert.Equal(new CustomerId("K-9"), read.Recipient);
        Assert.Equal("Erika Berger", read.Contact.Name);
        Assert.Equal(new EntryId("R-1"), read.Item);
        Assert.Equal(new Money(100.00m, Currency.EUR), read.Owed);
        Assert.Equal("10.00", read.RemainingOpen.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("{\"format\":2,\"kind\":\"DifferenceNotification\",\"document\":{", DocumentJson.Serialize(read), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenDocuments() => new()
    {
        { "not JSON", "{" },
        { "no format", """{"kind":"PaymentAdvice","document":{}}""" },
        { "future format", """{"format":3,"kind":"PaymentAdvice","document":{}}""" },
        { "unknown kind", """{"format":1,"kind":"Mahnbescheid","document":{}}""" },
        { "extra envelope member", """{"format":1,"kind":"WriteOffNotification","document":{},"x":1}""" },
        { "missing member", """{"format":1,"kind":"WriteOffNotification","document":{"id":"w","date":"2026-11-23","customer":"K-1","recipient":"K-1","contact":{"name":"E","phone":null,"email":null}}}""" },
        { "unknown member", """{"format":1,"kind":"WriteOffNotification","document":{"id":"w","date":"2026-11-23","customer":"K-1","recipient":"K-1","contact":{"name":"E","phone":null,"email":null},"lines":[],"note":"x"}}""" },
        { "null where none is allowed", """{"format":1,"kind":"WriteOffNotification","document":{"id":"w","date":"2026-11-23","customer":null,"recipient":"K-1","contact":{"name":"E","phone":null,"email":null},"lines":[]}}""" },
        { "money as a number", """{"format":1,"kind":"WriteOffNotification","document":{"id":"w","date":"2026-11-23","customer":"K-1","recipient":"K-1","contact":{"name":"E","phone":null,"email":null},"lines":[{"documentNumber":"RE-1","target":{"item":"R-1","number":1},"amount":0.05,"reason":"x"}]}}""" },
        { "an unknown enum name", """{"format":1,"kind":"PaymentAdvice","document":{"id":"a","date":"2026-11-23","customer":"K-1","recipient":"K-1","contact":{"name":"E","phone":null,"email":null},"payment":"Z-1","amount":{"amount":"1.00","currency":"EUR"},"valueDate":"2026-11-23","lines":[{"customer":"K-1","documentNumber":"RE-1","target":{"item":"R-1","number":1},"component":"Zinsen","paid":{"amount":"1.00","currency":"EUR"},"cashDiscount":{"amount":"0.00","currency":"EUR"},"writtenOff":{"amount":"0.00","currency":"EUR"},"remainingOpen":{"amount":"0.00","currency":"EUR"}}],"unappliedCredit":{"amount":"0.00","currency":"EUR"}}}""" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public async Task Deserialize_BrokenDocument_ThrowsJournalFormatException(string problem, string json)
    {
        var ex = await Assert.ThrowsAsync<JournalFormatException>(async () => await DocumentJson.DeserializeAsync(json, new InMemoryCustomerAccountStore(), CancellationToken.None));

        Assert.False(string.IsNullOrWhiteSpace(ex.Problem), problem);
    }

    [Fact]
    public async Task Deserialize_LetterWhoseContentHashDiffers_IsRefused()
    {
        var (store, documents) = await Samples.Value;
        var json = JsonNode.Parse(DocumentJson.Serialize(documents.OfType<DunningLetterDocument>().First()))!;
        json["document"]!["contentHash"] = new string('0', 64);

        var ex = await Assert.ThrowsAsync<JournalFormatException>(async () => await DocumentJson.DeserializeAsync(json.ToJsonString(), store, CancellationToken.None));

        Assert.Contains("content hash", ex.Problem, StringComparison.Ordinal);
        Assert.Equal("DunningLetter", ex.Kind);
    }

    [Fact]
    public async Task Deserialize_LetterBeyondItsAccountsJournal_IsRefused()
    {
        var (store, documents) = await Samples.Value;
        var json = JsonNode.Parse(DocumentJson.Serialize(documents.OfType<DunningLetterDocument>().First()))!;
        json["document"]!["recipient"]!["version"] = 10_000;

        var ex = await Assert.ThrowsAsync<JournalFormatException>(async () => await DocumentJson.DeserializeAsync(json.ToJsonString(), store, CancellationToken.None));

        Assert.Contains("version 10000", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deserialize_LetterWithTheStoredTotalsChanged_IsRefused()
    {
        var (store, documents) = await Samples.Value;
        var json = JsonNode.Parse(DocumentJson.Serialize(documents.OfType<DunningLetterDocument>().First()))!;
        json["document"]!["totals"]!["overdue"] = 1.00m;

        var ex = await Assert.ThrowsAsync<JournalFormatException>(async () => await DocumentJson.DeserializeAsync(json.ToJsonString(), store, CancellationToken.None));

        Assert.Contains("content hash", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeAndKindOf_Null_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => DocumentJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => DocumentJson.KindOf(null!));
    }

    private static ReceivablesDocument Sample(IReadOnlyList<ReceivablesDocument> documents, string name) => name == "DunningLetter.Payer"
        ? documents.OfType<DunningLetterDocument>().Single(d => d.Letter.Customers.Count > 1)
        : documents.First(d => DocumentJson.KindOf(d) == name && d is not DunningLetterDocument { Letter.Customers.Count: > 1 });

    private static object Line(Core.Dunning.DunningLine l) =>
        (l.Customer, l.CustomerName, l.Installment, l.ItemKind, l.DocumentNumber, l.DocumentDate, l.DueDate, l.Amount, l.OpenAmount, l.Status, l.Level, l.PreviousLevel, l.PreviousNotices, l.Fee, l.Interest, string.Join(";", l.InterestPeriods), l.NextLevel, l.NextLevelDate, l.Explanation, l.LevelTextKey);

    internal static string Indented(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    internal static string SourceGoldenDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "GoldenDocuments");
}
