using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Testing;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// Document format 2 (D16.200): a dunning letter's run source gathered into one member, written inside the letter by
/// <see cref="DocumentJson.Serialize"/> and stored apart, once per run, by the database outboxes; format 1 documents (the
/// golden files of version 1) are upgraded when read.
/// </summary>
public sealed class DocumentJsonRunSourceTests
{
    public static TheoryData<string> LetterNames() => ["DunningLetter", "DunningLetter.Payer"];

    [Theory]
    [MemberData(nameof(DocumentJsonTests.GoldenNames), MemberType = typeof(DocumentJsonTests))]
    public async Task GoldenFile_Version1_ReadsAsTheDocumentOfTheCurrentGoldenFile(string name)
    {
        var (store, _) = await DocumentJsonTests.Samples.Value;
        var version1 = File.ReadAllText(Golden("Version1", name + ".json"));
        Assert.Contains("\"format\": 1", version1, StringComparison.Ordinal);

        var read = await DocumentJson.DeserializeAsync(version1, store, CancellationToken.None);

        Assert.Equal(File.ReadAllText(Golden(name + ".json")).ReplaceLineEndings("\n"), DocumentJsonTests.Indented(DocumentJson.Serialize(read)));
    }

    [Theory]
    [MemberData(nameof(LetterNames))]
    public async Task GoldenFile_LetterAsAnOutboxStoresIt_RefersToItsRunSourceAndReadsBack(string name)
    {
        var (store, documents) = await DocumentJsonTests.Samples.Value;
        var letter = Letter(documents, name);
        var written = DocumentJson.SerializeForOutbox(letter, out var source);
        Assert.NotNull(source);
        var letterPath = Golden("Outbox", name + ".json");
        var sourcePath = Golden("Outbox", "RunSource.json");
        if (Environment.GetEnvironmentVariable(JournalJsonTests.RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(letterPath)!);
            File.WriteAllText(Path.Combine(DocumentJsonTests.SourceGoldenDirectory(), "Outbox", name + ".json"), DocumentJsonTests.Indented(written));
            File.WriteAllText(Path.Combine(DocumentJsonTests.SourceGoldenDirectory(), "Outbox", "RunSource.json"), source.Text + "\n");
            File.WriteAllText(letterPath, DocumentJsonTests.Indented(written));
            File.WriteAllText(sourcePath, source.Text + "\n");
        }

        Assert.Equal(File.ReadAllText(letterPath).ReplaceLineEndings("\n"), DocumentJsonTests.Indented(written));
        var storedSource = File.ReadAllText(sourcePath).ReplaceLineEndings("\n").TrimEnd('\n');
        Assert.Equal(storedSource, source.Text);
        var key = JsonNode.Parse(written)!["document"]!["run"]!.GetValue<string>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storedSource))), key);
        Assert.Equal(source.Sha256, key);

        var read = await DocumentJson.DeserializeAsync(written, store, (sha256, _) => ValueTask.FromResult(DocumentJson.ReadRunSource(sha256, storedSource)), CancellationToken.None);

        Assert.Equal(DocumentJson.Serialize(letter), DocumentJson.Serialize(read));
        Assert.Equal(written, DocumentJson.SerializeForOutbox(read, out _));
    }

    [Fact]
    public async Task SerializeForOutbox_EveryLetterOfARun_SharesOneSourceAndHoldsOnlyItsKey()
    {
        var (_, documents) = await DocumentJsonTests.Samples.Value;
        var letters = documents.OfType<DunningLetterDocument>().ToList();
        Assert.True(letters.Count > 1);

        var sources = letters.Select(l => { DocumentJson.SerializeForOutbox(l, out var s); return s; }).ToList();

        Assert.All(sources, s => Assert.Same(sources[0], s));
        Assert.All(letters, l => Assert.DoesNotContain("dunningSettings", DocumentJson.SerializeForOutbox(l, out _), StringComparison.Ordinal));
        Assert.All(documents.Where(d => d is not DunningLetterDocument), d =>
        {
            Assert.Equal(DocumentJson.Serialize(d), DocumentJson.SerializeForOutbox(d, out var none));
            Assert.Null(none);
        });
    }

    [Fact]
    public async Task Deserialize_LetterReferringToASourceStoredApart_WithoutItsOutbox_IsRefused()
    {
        var (store, documents) = await DocumentJsonTests.Samples.Value;
        var written = DocumentJson.SerializeForOutbox(documents.OfType<DunningLetterDocument>().First(), out _);

        var ex = await Assert.ThrowsAsync<JournalFormatException>(async () => await DocumentJson.DeserializeAsync(written, store, CancellationToken.None));

        Assert.Contains("stored apart", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRunSource_TextChangedAfterItWasStored_IsRefused()
    {
        var (_, documents) = await DocumentJsonTests.Samples.Value;
        DocumentJson.SerializeForOutbox(documents.OfType<DunningLetterDocument>().First(), out var source);
        var changed = source!.Text.Replace("Erika Berger", "Erika Bergen", StringComparison.Ordinal);
        Assert.NotEqual(source.Text, changed);

        var ex = Assert.Throws<JournalFormatException>(() => DocumentJson.ReadRunSource(source.Sha256, changed));

        Assert.Contains("does not hash to that key", ex.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenSources() => new()
    {
        { "not JSON", "{" },
        { "no run", """{"format":2}""" },
        { "unknown version", """{"format":3,"run":{}}""" },
        { "extra member", """{"format":2,"run":{},"x":1}""" },
        { "run not a source", """{"format":2,"run":{"request":{}}}""" },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void ReadRunSource_BrokenText_ThrowsJournalFormatException(string problem, string text)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        var ex = Assert.Throws<JournalFormatException>(() => DocumentJson.ReadRunSource(key, text));

        Assert.False(string.IsNullOrWhiteSpace(ex.Problem), problem);
    }

    [Fact]
    public async Task Deserialize_Version1LetterWithoutItsSettings_IsRefused()
    {
        var (store, _) = await DocumentJsonTests.Samples.Value;
        var json = JsonNode.Parse(File.ReadAllText(Golden("Version1", "DunningLetter.json")))!;
        json["document"]!.AsObject().Remove("dunningSettings");

        var ex = await Assert.ThrowsAsync<JournalFormatException>(async () => await DocumentJson.DeserializeAsync(json.ToJsonString(), store, CancellationToken.None));

        Assert.Contains("dunningSettings", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deserialize_LetterWhoseRunIsNeitherSourceNorKey_IsRefused()
    {
        var (store, documents) = await DocumentJsonTests.Samples.Value;
        var json = JsonNode.Parse(DocumentJson.Serialize(documents.OfType<DunningLetterDocument>().First()))!;
        json["document"]!["run"] = 42;

        var ex = await Assert.ThrowsAsync<JournalFormatException>(async () => await DocumentJson.DeserializeAsync(json.ToJsonString(), store, CancellationToken.None));

        Assert.Contains("'run'", ex.Problem, StringComparison.Ordinal);
    }

    private static DunningLetterDocument Letter(IReadOnlyList<ReceivablesDocument> documents, string name) =>
        name == "DunningLetter.Payer"
            ? documents.OfType<DunningLetterDocument>().Single(d => d.Letter.Customers.Count > 1)
            : documents.OfType<DunningLetterDocument>().First(d => d.Letter.Customers.Count == 1);

    private static string Golden(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Serialization", "GoldenDocuments", .. parts]);
}
