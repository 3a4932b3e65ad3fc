using System.Text.Json.Nodes;

namespace Debitor.Core.Serialization;

/// <summary>
/// The upgrade path between format versions: one step per version, applied in order until the document is at
/// <see cref="JournalJson.FormatVersion"/>. A new format version adds a step here and keeps every older step.
/// </summary>
internal static class JournalFormatUpgrades
{
    /// <summary>Upgrades a document from <paramref name="from"/> to <paramref name="from"/> + 1.</summary>
    public static JsonObject Upgrade(int from, JsonObject document, bool record) =>
        from switch
        {
            0 => FlatToEnveloped(document, record),
            1 => WithTextsAsData(document),
            _ => throw new JournalFormatException($"no upgrade from format version {from} exists."),
        };

    /// <summary>
    /// Version 0 (the draft layout) kept the entry's members beside the envelope and named the kind <c>"type"</c>:
    /// <c>{"format":0,"type":"ItemResumed","id":"e1","item":"inv-1","note":null}</c>. Version 1 nests them under
    /// <c>"entry"</c> and names the kind <c>"kind"</c>.
    /// </summary>
    private static JsonObject FlatToEnveloped(JsonObject document, bool record)
    {
        var envelope = record
            ? new[] { JournalJson.Names.Version, JournalJson.Names.RecordedAt, JournalJson.Names.RecordedBy }
            : [];
        var result = new JsonObject { [JournalJson.Names.Format] = 1 };
        foreach (var name in envelope)
        {
            if (document.TryGetPropertyValue(name, out var value))
            {
                result[name] = value?.DeepClone();
            }
        }

        if (!document.TryGetPropertyValue("type", out var type))
        {
            throw new JournalFormatException("a format 0 document needs 'type' (the entry kind).");
        }

        result[JournalJson.Names.Kind] = type?.DeepClone();
        var entry = new JsonObject();
        foreach (var (name, value) in document)
        {
            if (name != JournalJson.Names.Format && name != "type" && !envelope.Contains(name))
            {
                entry[name] = value?.DeepClone();
            }
        }

        result[JournalJson.Names.Entry] = entry;
        return result;
    }

    /// <summary>
    /// Version 2 stores the subject and text the library composes for a history entry as data beside the literal
    /// (<c>CommunicationRecorded.subjectData</c> and <c>textData</c>), and the reason it words for a write-off
    /// (<c>WriteOffPosted.reasonData</c>, <c>CreditWrittenOff.reasonData</c>; D15.12). An entry written before has literal
    /// text only: the new members are <c>null</c>, and it reads as it was written.
    /// </summary>
    private static JsonObject WithTextsAsData(JsonObject document)
    {
        var result = (JsonObject)document.DeepClone();
        result[JournalJson.Names.Format] = 2;
        var kind = result[JournalJson.Names.Kind]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? result[JournalJson.Names.Kind]!.GetValue<string>() : null;
        if (result[JournalJson.Names.Entry] is JsonObject entry)
        {
            switch (kind)
            {
                case "CommunicationRecorded":
                    entry.TryAdd("subjectData", null);
                    entry.TryAdd("textData", null);
                    break;
                case "WriteOffPosted" or "CreditWrittenOff":
                    entry.TryAdd("reasonData", null);
                    break;
            }
        }

        return result;
    }
}
