using System.Text;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// The one-pass reader (D13.30) against the general reader it shortcuts: equal results on every document it accepts,
/// and on every other document the general reader's result or exception.
/// </summary>
public sealed class JournalJsonFastPathTests
{
    private static readonly UserId Author = new("sachbearbeiter");

    [Property(MaxTest = 300)]
    public Property Deserialize_EveryKind_EqualsTheGeneralPath(NonNegativeInt kindIndex, int seed)
    {
        var entry = Sample(kindIndex, seed);
        var bytes = JournalJson.SerializeToUtf8Bytes(entry);

        var fast = JournalJson.Deserialize(bytes);

        return (fast == JournalJson.DeserializeDocument(bytes) && fast == entry).Label(Encoding.UTF8.GetString(bytes));
    }

    [Property(MaxTest = 200)]
    public Property DeserializeRecord_EveryKind_EqualsTheGeneralPath(NonNegativeInt kindIndex, int seed, PositiveInt version)
    {
        var record = new JournalRecord(version.Get, Instant.FromUnixTimeTicks(1_700_000_000_000_0000L + seed), Author, Sample(kindIndex, seed));
        var bytes = JournalJson.SerializeToUtf8Bytes(record);

        var fast = JournalJson.DeserializeRecord(bytes);

        return (fast == JournalJson.DeserializeRecordDocument(bytes) && fast == record).Label(Encoding.UTF8.GetString(bytes));
    }

    [Property(MaxTest = 400)]
    public Property Deserialize_DamagedDocument_BehavesAsTheGeneralPath(NonNegativeInt kindIndex, int seed, NonNegativeInt position, byte replacement, bool record)
    {
        var entry = Sample(kindIndex, seed);
        var bytes = record
            ? JournalJson.SerializeToUtf8Bytes(new JournalRecord(1, Instant.FromUnixTimeSeconds(seed), Author, entry))
            : JournalJson.SerializeToUtf8Bytes(entry);
        var at = position.Get % bytes.Length;
        var damaged = (seed & 1) == 0 ? bytes[..at] : [.. bytes[..at], replacement, .. bytes[(at + 1)..]];

        var fast = Outcome(() => record ? JournalJson.DeserializeRecord(damaged) : JournalJson.Deserialize(damaged));
        var general = Outcome(() => record ? JournalJson.DeserializeRecordDocument(damaged) : JournalJson.DeserializeDocument(damaged));

        return (fast == general).Label($"{Encoding.UTF8.GetString(damaged)}: {fast} / {general}");
    }

    [Property(MaxTest = 100)]
    public Property DeserializeRecord_EnvelopeInAnotherOrder_ReadsTheSameRecord(NonNegativeInt kindIndex, int seed)
    {
        var record = new JournalRecord(3, Instant.FromUnixTimeSeconds(seed), Author, Sample(kindIndex, seed));
        var node = System.Text.Json.Nodes.JsonNode.Parse(JournalJson.Serialize(record))!.AsObject();
        var reordered = new System.Text.Json.Nodes.JsonObject(node.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        return (JournalJson.DeserializeRecord(reordered.ToJsonString()) == record).Label(reordered.ToJsonString());
    }

    [Property(MaxTest = 300)]
    public Property Deserialize_MembersInTheOrderOfPostgreSqlJsonb_ReadsTheEntryAsTheGeneralPath(NonNegativeInt kindIndex, int seed, bool record)
    {
        var entry = Sample(kindIndex, seed);
        var written = record ? JournalJson.Serialize(new JournalRecord(2, Instant.FromUnixTimeSeconds(seed), Author, entry)) : JournalJson.Serialize(entry);
        var jsonb = AsJsonb(System.Text.Json.Nodes.JsonNode.Parse(written)!);

        object Read(Func<byte[], object> read) => read(Encoding.UTF8.GetBytes(jsonb));
        var fast = record ? Read(b => JournalJson.DeserializeRecord(b)) : Read(b => JournalJson.Deserialize(b));
        var general = record ? Read(b => JournalJson.DeserializeRecordDocument(b)) : Read(b => JournalJson.DeserializeDocument(b));

        return (fast.Equals(general) && (record ? ((JournalRecord)fast).Entry : fast).Equals(entry)).Label(jsonb);
    }

    [Fact]
    public void Deserialize_EscapedKindName_ReadsTheEntry()
    {
        var json = """{"format":2,"kind":"Item\u0052esumed","entry":{"id":"e1","item":"i","note":null}}""";

        Assert.Equal(new ItemResumed(new EntryId("e1"), new EntryId("i"), null), JournalJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_RepeatedEnvelopeMember_ThrowsAsTheGeneralPath()
    {
        var json = """{"format":2,"kind":"ItemResumed","entry":{"id":"e1","item":"i","note":null},"kind":"ItemPaused"}""";

        Assert.Equal(Outcome(() => JournalJson.DeserializeDocument(Encoding.UTF8.GetBytes(json))), Outcome(() => JournalJson.Deserialize(json)));
    }

    [Fact]
    public void Deserialize_LongDocument_ReadsThroughThePooledBuffer()
    {
        var note = new string('ä', 2_000);
        var entry = new ItemResumed(new EntryId("e1"), new EntryId("i"), note);

        Assert.Equal(entry, JournalJson.Deserialize(JournalJson.Serialize(entry)));
    }

    [Fact]
    public void Serialize_AfterAFailedWrite_WritesTheNextDocumentWhole()
    {
        Assert.Throws<ArgumentException>(() => JournalJson.Serialize(new UnknownEntry(new EntryId("x"))));
        var entry = new ItemResumed(new EntryId("e1"), new EntryId("i"), null);

        Assert.Equal("""{"format":2,"kind":"ItemResumed","entry":{"item":"i","note":null,"id":"e1"}}""", JournalJson.Serialize(entry));
    }

    /// <summary>A document as PostgreSQL's <c>jsonb</c> gives it back as text: every object's members sorted by length, then bytes, with a space after each colon and comma.</summary>
    internal static string AsJsonb(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => "{" + string.Join(", ", o
            .OrderBy(p => Encoding.UTF8.GetByteCount(p.Key))
            .ThenBy(p => Encoding.UTF8.GetBytes(p.Key), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
            .Select(p => System.Text.Json.JsonSerializer.Serialize(p.Key) + ": " + AsJsonb(p.Value))) + "}",
        System.Text.Json.Nodes.JsonArray a => "[" + string.Join(", ", a.Select(AsJsonb)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private static JournalEntry Sample(NonNegativeInt kindIndex, int seed) =>
        JournalSamples.Build(JournalSamples.AllKinds[kindIndex.Get % JournalSamples.AllKinds.Count], new Random(seed));

    /// <summary>What reading (or writing) gives: the value, or the exception's type and message.</summary>
    internal static string Outcome(Func<object> read)
    {
        try
        {
            return "value " + read();
        }
        catch (Exception ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private sealed record UnknownEntry(EntryId Id) : JournalEntry(Id);
}
