using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// The hand-written readers and writers (D13.60) against the source-generated general path they shortcut: the same bytes
/// written, the same entry read, and on every changed document the general path's result or exact exception.
/// </summary>
public sealed class JournalEntryCodecsTests
{
    private static readonly UserId Author = new("sachbearbeiter");

    private static readonly Type[] CodecKinds = [.. JournalEntryCodecs.Types.OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Fact]
    public void Types_TheKindsOfTheBenchmarkPortfolioAndOfAnImport_HaveACodec()
    {
        Type[] dominant =
        [
            typeof(CustomerRegistered), typeof(InvoicePosted), typeof(ChargePosted), typeof(CreditNotePosted), typeof(PaymentReceived),
            typeof(PaymentApplied), typeof(ItemPaused), typeof(DunningNoticeIssued), typeof(CommunicationRecorded), typeof(DunningLetterNumbered),
        ];

        Assert.All(dominant, type => Assert.Contains(type, JournalEntryCodecs.Types));
    }

    [Property(MaxTest = 500)]
    public Property Serialize_EveryKindWithACodec_WritesTheBytesOfTheGeneralPath(NonNegativeInt kindIndex, int seed)
    {
        var entry = Sample(kindIndex, seed);

        var fast = JournalJson.SerializeToUtf8Bytes(entry);
        var general = JournalJson.SerializeToUtf8BytesGeneral(entry);

        return fast.AsSpan().SequenceEqual(general).Label($"{Encoding.UTF8.GetString(fast)}\n{Encoding.UTF8.GetString(general)}");
    }

    [Property(MaxTest = 200)]
    public Property SerializeRecord_EveryKindWithACodec_WritesTheBytesOfTheGeneralPath(NonNegativeInt kindIndex, int seed, PositiveInt version)
    {
        var record = new JournalRecord(version.Get, Instant.FromUnixTimeTicks(1_700_000_000_000_0000L + seed), Author, Sample(kindIndex, seed));

        var fast = JournalJson.SerializeToUtf8Bytes(record);
        var general = JournalJson.SerializeToUtf8BytesGeneral(record);

        return fast.AsSpan().SequenceEqual(general).Label(Encoding.UTF8.GetString(fast));
    }

    [Property(MaxTest = 500)]
    public Property Read_EveryKindWithACodec_ReadsWhatTheGeneralPathReads(NonNegativeInt kindIndex, int seed)
    {
        var entry = Sample(kindIndex, seed);
        var bytes = JournalJson.SerializeToUtf8BytesGeneral(entry);

        var byCodec = ReadWithCodec(bytes, entry.GetType());

        return (byCodec is not null && byCodec == entry && byCodec == JournalJson.DeserializeDocument(bytes) && JournalJson.Deserialize(bytes) == entry)
            .Label(Encoding.UTF8.GetString(bytes));
    }

    [Property(MaxTest = 300)]
    public Property Read_TheKindsThatFillJournals_InTheOrderOfPostgreSqlJsonb_ReadsWhatTheGeneralPathReads(NonNegativeInt kindIndex, int seed)
    {
        Type[] kinds = [typeof(InvoicePosted), typeof(PaymentReceived), typeof(PaymentApplied), typeof(ItemPaused), typeof(DunningNoticeIssued), typeof(CustomerRegistered), typeof(CommunicationRecorded)];
        var entry = JournalSamples.Build(kinds[kindIndex.Get % kinds.Length], new Random(seed));
        var bytes = Encoding.UTF8.GetBytes(JournalJsonFastPathTests.AsJsonb(JsonNode.Parse(JournalJson.Serialize(entry))));

        var byCodec = ReadWithCodec(bytes, entry.GetType());

        return (byCodec is not null && byCodec == entry && byCodec == JournalJson.DeserializeDocument(bytes)).Label(Encoding.UTF8.GetString(bytes));
    }

    [Property(MaxTest = 1_000)]
    public Property Deserialize_AMemberChanged_BehavesAsTheGeneralPath(NonNegativeInt kindIndex, int seed, NonNegativeInt objectIndex, NonNegativeInt memberIndex, NonNegativeInt change)
    {
        var document = JsonNode.Parse(JournalJson.SerializeToUtf8Bytes(Sample(kindIndex, seed)))!.AsObject();
        var objects = Objects(document["entry"]!).ToList();
        var target = objects[objectIndex.Get % objects.Count];
        var json = Change(document, target, memberIndex.Get, change.Get % 8);

        var fast = JournalJsonFastPathTests.Outcome(() => JournalJson.Deserialize(json));
        var general = JournalJsonFastPathTests.Outcome(() => JournalJson.DeserializeDocument(Encoding.UTF8.GetBytes(json)));

        return (fast == general).Label($"{json}\n{fast}\n{general}");
    }

    [Theory]
    [InlineData("""{"format":2,"kind":"PaymentReceived","entry":{"amount":{"amount":"1.00","currency":"EUR"},"valueDate":"2026-02-30","method":"Transfer","payer":null,"reference":null,"id":"p"}}""")]
    [InlineData("""{"format":2,"kind":"PaymentReceived","entry":{"amount":{"amount":"1.00","currency":"EUR"},"valueDate":"0000-01-01","method":"Transfer","payer":null,"reference":null,"id":"p"}}""")]
    [InlineData("""{"format":2,"kind":"PaymentReceived","entry":{"amount":{"amount":"1.00","currency":"EUR"},"valueDate":"2026-01-01","method":"transfer","payer":null,"reference":null,"id":"p"}}""")]
    [InlineData("""{"format":2,"kind":"PaymentReceived","entry":{"amount":{"amount":"1.00","currency":"EUR"},"valueDate":"2026-01-01","method":"1","payer":null,"reference":null,"id":"p"}}""")]
    [InlineData("""{"format":2,"kind":"PaymentReceived","entry":{"amount":{"amount":"1.00","currency":"eur"},"valueDate":"2026-01-01","method":"Transfer","payer":null,"reference":null,"id":"p"}}""")]
    [InlineData("""{"format":2,"kind":"PaymentReceived","entry":{"amount":{"currency":"EUR","amount":"1.00"},"valueDate":"2026-01-01","method":"Transfer","payer":"","reference":null,"id":"p"}}""")]
    [InlineData("""{"format":2,"kind":"PaymentReceived","entry":{"amount":{"amount":"1.00","currency":"EUR"},"valueDate":"2026-01-0\u0031","method":"Transfer","payer":null,"reference":null,"id":" p"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"EUR"},"installments":[{"amount":{"amount":"-1","currency":"EUR"},"dueDate":null,"kind":"Regular"}],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"EUR"},"installments":null,"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"installment":{"item":"i","number":1},"level":1.5}],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"level":1,"installment":{"item":"i","number":1}}],"id":"n"}}""")]
    public void Deserialize_ValueTheCodecDoesNotTake_BehavesAsTheGeneralPath(string json)
    {
        Assert.Equal(JournalJsonFastPathTests.Outcome(() => JournalJson.DeserializeDocument(Encoding.UTF8.GetBytes(json))), JournalJsonFastPathTests.Outcome(() => JournalJson.Deserialize(json)));
    }

    [Fact]
    public void Serialize_ValuesTheGeneralPathRefuses_ThrowsAsTheGeneralPath()
    {
        JournalEntry[] entries =
        [
            new PaymentReceived(new EntryId("p"), new Money(1m, Currency.EUR), new LocalDate(2026, 1, 1), (PaymentMethod)99),
            new PaymentApplied(new EntryId("a"), default, new InstallmentRef(new EntryId("i")), new Money(1m, Currency.EUR), new LocalDate(2026, 1, 1)),
            new ItemPaused(new EntryId("x"), new EntryId("i"), null!),
            new CreditNotePosted(new EntryId("c"), "G1", new LocalDate(2026, 1, 1), default),
            new EntryReversed(new EntryId("s"), new EntryId("t"), new LocalDate(-5, 1, 1), "Storno"),
        ];

        Assert.All(entries, entry => Assert.Equal(
            JournalJsonFastPathTests.Outcome(() => Convert.ToBase64String(JournalJson.SerializeToUtf8BytesGeneral(entry))),
            JournalJsonFastPathTests.Outcome(() => Convert.ToBase64String(JournalJson.SerializeToUtf8Bytes(entry)))));
        Assert.StartsWith("JsonException", JournalJsonFastPathTests.Outcome(() => JournalJson.SerializeToUtf8Bytes(entries[0])), StringComparison.Ordinal);
    }

    private static JournalEntry Sample(NonNegativeInt kindIndex, int seed) =>
        JournalSamples.Build(CodecKinds[kindIndex.Get % CodecKinds.Length], new Random(seed));

    /// <summary>Reads a written entry document's entry with the kind's hand-written reader alone (no fallback).</summary>
    private static JournalEntry? ReadWithCodec(byte[] bytes, Type type)
    {
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("entry"u8)))
        {
        }

        reader.Read();
        var entry = JournalEntryCodecs.For(type)!.Read(ref reader);
        return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1 ? entry : null;
    }

    /// <summary>Every object in a value, the value itself first.</summary>
    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
        }

        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var inner in Objects(child))
            {
                yield return inner;
            }
        }
    }

    /// <summary>One change to one member of <paramref name="target"/>: removed, null, a number, a string, repeated, an unknown member, reordered, a wrong-cased name.</summary>
    private static string Change(JsonObject document, JsonObject target, int memberIndex, int change)
    {
        var members = target.Select(p => p.Key).ToList();
        if (members.Count == 0)
        {
            target["unexpected"] = 1;
            return document.ToJsonString();
        }

        var name = members[memberIndex % members.Count];
        switch (change)
        {
            case 0:
                target.Remove(name);
                break;
            case 1:
                target[name] = null;
                break;
            case 2:
                target[name] = 7;
                break;
            case 3:
                target[name] = "2026-01-01";
                break;
            case 4:
                // A repeated member: JsonObject keeps names unique, so the repetition is written into the text.
                var text = document.ToJsonString();
                var marker = "\"" + name + "\":";
                var at = text.IndexOf(marker, StringComparison.Ordinal);
                return text[..at] + marker + (target[name]?.ToJsonString() ?? "null") + "," + text[at..];
            case 5:
                target["unexpected"] = "x";
                break;
            case 6:
                var reversed = target.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList();
                target.Clear();
                foreach (var (key, node) in reversed)
                {
                    target[key] = node;
                }

                break;
            default:
                var moved = target[name]?.DeepClone();
                target.Remove(name);
                target[char.ToUpperInvariant(name[0]) + name[1..]] = moved;
                break;
        }

        return document.ToJsonString();
    }
}
