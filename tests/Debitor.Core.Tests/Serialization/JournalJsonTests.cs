using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

public sealed class JournalJsonTests
{
    /// <summary>Set to 1 to rewrite every golden file from the current format (see docs/storage.md).</summary>
    public const string RegenerateVariable = "DEBITOR_REGENERATE_GOLDEN";

    private const int GoldenSeed = 13;

    public static TheoryData<string> KindNames() => [.. JournalSamples.AllKinds.Select(t => t.Name)];

    [Fact]
    public void Kinds_EveryEntryTypeOfTheLibrary_HasADiscriminator()
    {
        var written = JournalSamples.AllKinds
            .Select(kind => JsonNode.Parse(JournalJson.Serialize(JournalSamples.Build(kind, new Random(1))))!["kind"]!.GetValue<string>())
            .Order(StringComparer.Ordinal);

        Assert.Equal(JournalJson.Kinds.Order(StringComparer.Ordinal), written);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void GoldenFile_EveryEntryKind_ReadsToTheSampleAndIsWrittenUnchanged(string kindName)
    {
        var kind = JournalSamples.AllKinds.Single(t => t.Name == kindName);
        var sample = JournalSamples.Build(kind, new Random(GoldenSeed));
        var path = Path.Combine(GoldenDirectory(), kindName + ".json");
        var written = Indented(JournalJson.Serialize(sample));
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceGoldenDirectory(), kindName + ".json"), written);
            File.WriteAllText(path, written);
        }

        Assert.True(File.Exists(path), $"Entry kind {kindName} has no golden file {path}. Run the tests once with {RegenerateVariable}=1 and commit the file.");
        var golden = File.ReadAllText(path).ReplaceLineEndings("\n");

        Assert.Equal(golden, written);
        Assert.Equal(sample, JournalJson.Deserialize(golden));
    }

    [Fact]
    public void GoldenFiles_NoFileWithoutAnEntryKind()
    {
        var files = Directory.GetFiles(GoldenDirectory(), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(JournalSamples.AllKinds.Select(t => t.Name).Order(StringComparer.Ordinal), files);
    }

    [Property(MaxTest = 400)]
    public Property Deserialize_OfSerialize_IsTheEntry_ForEveryKind(NonNegativeInt kindIndex, int seed)
    {
        var kind = JournalSamples.AllKinds[kindIndex.Get % JournalSamples.AllKinds.Count];
        var entry = JournalSamples.Build(kind, new Random(seed));

        var text = JournalJson.Serialize(entry);
        var bytes = JournalJson.SerializeToUtf8Bytes(entry);

        return (JournalJson.Deserialize(text) == entry && JournalJson.Deserialize(bytes) == entry).Label($"{kind.Name}: {text}");
    }

    [Property(MaxTest = 200)]
    public Property DeserializeRecord_OfSerialize_IsTheRecord(NonNegativeInt kindIndex, int seed, PositiveInt version)
    {
        var kind = JournalSamples.AllKinds[kindIndex.Get % JournalSamples.AllKinds.Count];
        var record = new JournalRecord(version.Get, Instant.FromUnixTimeTicks(1_700_000_000_000_0000L + seed), new UserId("sachbearbeiter"), JournalSamples.Build(kind, new Random(seed)));

        var text = JournalJson.Serialize(record);

        return (JournalJson.DeserializeRecord(text) == record && JournalJson.DeserializeRecord(JournalJson.SerializeToUtf8Bytes(record)) == record).Label(text);
    }

    [Fact]
    public void Serialize_Money_IsADecimalStringWithItsCurrency()
    {
        var entry = new PaymentReceived(new EntryId("z1"), new Money(1234.50m, Currency.EUR), new LocalDate(2026, 11, 2));

        var money = JsonNode.Parse(JournalJson.Serialize(entry))!["entry"]!["amount"]!;

        Assert.Equal("1234.50", money["amount"]!.GetValue<string>());
        Assert.Equal("EUR", money["currency"]!.GetValue<string>());
    }

    [Fact]
    public void Deserialize_FormatZeroDocument_IsUpgraded()
    {
        // Written by hand in the flat draft layout of format 0 (docs/storage.md).
        const string old = """
            {"format":0,"type":"PaymentReceived","id":"z-7","amount":{"amount":"99.95","currency":"EUR"},"valueDate":"2026-03-02","method":"DirectDebit","payer":null,"reference":"RE 2026-17"}
            """;

        var entry = JournalJson.Deserialize(old);

        Assert.Equal(new PaymentReceived(new EntryId("z-7"), new Money(99.95m, Currency.EUR), new LocalDate(2026, 3, 2), PaymentMethod.DirectDebit, null, "RE 2026-17"), entry);
    }

    [Fact]
    public void DeserializeRecord_FormatZeroDocument_IsUpgraded()
    {
        const string old = """
            {"format":0,"version":3,"recordedAt":"2026-03-02T08:15:00Z","recordedBy":"anna","type":"ItemResumed","id":"r-1","item":"inv-1","note":null}
            """;

        var record = JournalJson.DeserializeRecord(old);

        Assert.Equal(new JournalRecord(3, Instant.FromUtc(2026, 3, 2, 8, 15), new UserId("anna"), new ItemResumed(new EntryId("r-1"), new EntryId("inv-1"))), record);
    }

    [Fact]
    public void DeserializeRecord_FormatOneHistoryEntry_KeepsItsLiteralText()
    {
        // Written by format 1, before history texts were stored as data (D15.12): it reads as it was written.
        const string old = """
            {"format":1,"version":4,"recordedAt":"2026-03-02T08:15:00Z","recordedBy":"anna","kind":"CommunicationRecorded","entry":{"kind":"DueDateChange","subject":"Due date changed from 2026-02-10 to 2026-05-15","text":"Kunde bat um Aufschub","item":"inv-1","id":"c-1"}}
            """;

        var record = JournalJson.DeserializeRecord(old);

        var entry = Assert.IsType<CommunicationRecorded>(record.Entry);
        Assert.Equal(new CommunicationRecorded(new EntryId("c-1"), CommunicationKind.DueDateChange, "Due date changed from 2026-02-10 to 2026-05-15", "Kunde bat um Aufschub", new EntryId("inv-1")), entry);
        Assert.Null(entry.SubjectData);
        Assert.Null(entry.TextData);
        var read = CustomerAccountHistory(record).In(CultureInfo.GetCultureInfo("de-DE"));
        Assert.Equal("Due date changed from 2026-02-10 to 2026-05-15", read.Subject);
    }

    [Fact]
    public void Deserialize_FormatOneWriteOff_KeepsItsLiteralReason()
    {
        const string old = """
            {"format":1,"kind":"WriteOffPosted","entry":{"target":{"item":"inv-1","number":1},"amount":{"amount":"0.03","currency":"EUR"},"date":"2026-03-02","reason":"Payment tolerance: difference written off with payment z-1","id":"z-1/tolerance/1"}}
            """;

        var entry = Assert.IsType<WriteOffPosted>(JournalJson.Deserialize(old));

        Assert.Equal("Payment tolerance: difference written off with payment z-1", entry.Reason);
        Assert.Null(entry.ReasonData);
    }

    [Fact]
    public void Deserialize_FormatOneEntryOfAnotherKind_IsUpgradedUnchanged()
    {
        const string old = """
            {"format":1,"kind":"ItemResumed","entry":{"id":"r-1","item":"inv-1","note":null}}
            """;

        Assert.Equal(new ItemResumed(new EntryId("r-1"), new EntryId("inv-1")), JournalJson.Deserialize(old));
    }

    [Fact]
    public void Serialize_HistoryEntryWithData_WritesKeyAndArguments()
    {
        var entry = new CommunicationRecorded(new EntryId("c-1"), CommunicationKind.DueDateChange, "Fälligkeit geändert", "x")
        {
            SubjectData = new JournalText("history.dueDate.changed", [new JournalTextArgument("from", JournalTextArgumentKind.Date, "2026-02-10", []), new JournalTextArgument("to", JournalTextArgumentKind.Date, "2026-05-15", [])]),
        };

        var json = JsonNode.Parse(JournalJson.Serialize(entry))!;

        Assert.Equal(2, json["format"]!.GetValue<int>());
        Assert.Equal("history.dueDate.changed", json["entry"]!["subjectData"]!["key"]!.GetValue<string>());
        Assert.Equal("Date", json["entry"]!["subjectData"]!["arguments"]![0]!["kind"]!.GetValue<string>());
        Assert.Null(json["entry"]!["textData"]);
        Assert.Equal(entry, JournalJson.Deserialize(json.ToJsonString()));
    }

    private static CommunicationEntry CustomerAccountHistory(JournalRecord record) =>
        Assert.Single(CustomerAccount.FromJournal([
            new JournalRecord(1, record.RecordedAt, record.RecordedBy, new CustomerRegistered(new EntryId("reg"), new Customer(new CustomerId("K-1"), "10001", "Nordlicht AG", new CompanyId("c")))),
            new JournalRecord(2, record.RecordedAt, record.RecordedBy, InvoicePosted.Single(new EntryId("inv-1"), "RE-1", new LocalDate(2026, 1, 10), new LocalDate(2026, 2, 10), new Money(100m, Currency.EUR))),
            record with { Version = 3 },
        ]).Communications);

    [Theory]
    [InlineData("""{"format":1,"kind":"SomethingNew","entry":{"id":"e1"}}""", "SomethingNew")]
    [InlineData("""{"format":3,"kind":"ItemResumed","entry":{"id":"e1","item":"i","note":null}}""", "format version 3 is unknown")]
    [InlineData("""{"kind":"ItemResumed","entry":{"id":"e1","item":"i","note":null}}""", "'format'")]
    [InlineData("""{"format":1,"kind":"ItemResumed","entry":{"id":"e1","note":null}}""", "item")]
    [InlineData("""{"format":1,"kind":"ItemResumed","entry":{"id":"e1","item":"i"}}""", "note")]
    [InlineData("""{"format":1,"kind":"ItemResumed","entry":{"id":"e1","item":"i","note":null,"colour":"red"}}""", "colour")]
    [InlineData("""{"format":1,"kind":"ItemResumed","entry":{"id":"e1","item":"","note":null}}""", "EntryId")]
    [InlineData("""{"format":1,"kind":"ItemResumed","entry":{"id":"e1","item":null,"note":null}}""", "e1")]
    [InlineData("""{"format":1,"kind":"PaymentReceived","entry":{"id":"e1","amount":{"amount":12.5,"currency":"EUR"},"valueDate":"2026-01-01","method":"Cash","payer":null,"reference":null}}""", "decimal string")]
    [InlineData("""{"format":1,"kind":"PaymentReceived","entry":{"id":"e1","amount":{"amount":"12.50","currency":"XXY"},"valueDate":"2026-01-01","method":"Cash","payer":null,"reference":null}}""", "XXY")]
    [InlineData("""{"format":1,"kind":"PaymentReceived","entry":{"id":"e1","amount":{"amount":"12.50","currency":"EUR"},"valueDate":"2026-01-01","method":3,"payer":null,"reference":null}}""", "e1")]
    [InlineData("""{"format":1,"kind":"PaymentReceived","entry":{"id":"e1","amount":{"amount":"12.50","currency":"EUR"},"valueDate":"2026-02-30","method":"Cash","payer":null,"reference":null}}""", "e1")]
    [InlineData("""{"format":1,"kind":"CustomerArchived","entry":{"id":"e1","reason":null}}""", "reason")]
    [InlineData("""{"format":1,"kind":"CustomerArchived","entry":{"id":"e1","reason":"x"},"extra":1}""", "extra")]
    [InlineData("""{"format":1,"kind":"CustomerArchived","entry":{"id":"e1","reason":"x"}""", "not valid JSON")]
    [InlineData("""[1,2]""", "JSON object")]
    public void Deserialize_BadDocument_ThrowsNamingTheProblem(string json, string named)
    {
        var ex = Assert.Throws<JournalFormatException>(() => JournalJson.Deserialize(json));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownKind_NamesEntryAndKind()
    {
        var ex = Assert.Throws<JournalFormatException>(() => JournalJson.Deserialize("""{"format":1,"kind":"Telepathy","entry":{"id":"e-42"}}"""));

        Assert.Equal("Telepathy", ex.Kind);
        Assert.Equal(new EntryId("e-42"), ex.Entry);
    }

    private static string Indented(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    /// <summary>The golden files as copied beside the test assembly (the build copies them; CI builds map source paths away).</summary>
    private static string GoldenDirectory() => Path.Combine(AppContext.BaseDirectory, "Serialization", "Golden");

    /// <summary>The committed golden files, for regeneration on a developer's machine.</summary>
    private static string SourceGoldenDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
