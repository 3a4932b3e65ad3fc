using System.Text.Json;
using System.Text.Json.Nodes;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// The stable, versioned JSON format of journal entries and records (<c>docs/storage.md</c>). Stores persist this
/// format; it is a public contract: every entry kind has a committed golden document, and documents written by an
/// older format version keep loading.
/// </summary>
/// <remarks>
/// <para>An entry document is <c>{"format":1,"kind":"InvoicePosted","entry":{…}}</c>; a record document adds
/// <c>"version"</c>, <c>"recordedAt"</c> and <c>"recordedBy"</c> before <c>"kind"</c>. Money is
/// <c>{"amount":"12.50","currency":"EUR"}</c> (the amount a decimal string), dates are ISO <c>yyyy-MM-dd</c>,
/// instants ISO UTC, enums their member names.</para>
/// <para>Reading is strict: an unknown format version or kind, a missing or unknown member, a number where a name is
/// expected or a value the domain refuses throws <see cref="JournalFormatException"/>. Reading and writing use
/// source-generated metadata; they are safe for concurrent use.</para>
/// </remarks>
public static partial class JournalJson
{
    /// <summary>The format version this library writes.</summary>
    public const int FormatVersion = 2;

    /// <summary>The oldest format version this library still reads (upgrading it on the way in).</summary>
    public const int OldestReadableFormatVersion = 0;

    /// <summary>The discriminator of every entry kind, as written in <c>"kind"</c>.</summary>
    public static IReadOnlyList<string> Kinds => JournalEntryKinds.Names;

    /// <summary>The discriminator an entry is written with, e.g. for a store's kind column.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The discriminator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's kind has no discriminator.</exception>
    public static string KindOf(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return JournalEntryKinds.For(entry).Name;
    }

    /// <summary>Writes an entry as a JSON document.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's kind has no discriminator (a type this format does not know).</exception>
    public static string Serialize(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Write(entry, null, static bytes => System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Writes an entry as UTF-8 JSON.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The document's UTF-8 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's kind has no discriminator.</exception>
    public static byte[] SerializeToUtf8Bytes(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Write(entry, null, static bytes => bytes.ToArray());
    }

    /// <summary>Writes a record (the entry with its version, time and author) as a JSON document.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's kind has no discriminator.</exception>
    public static string Serialize(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Entry, nameof(record));
        return Write(record.Entry, record, static bytes => System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Writes a record as UTF-8 JSON.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The document's UTF-8 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's kind has no discriminator.</exception>
    public static byte[] SerializeToUtf8Bytes(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Entry, nameof(record));
        return Write(record.Entry, record, static bytes => bytes.ToArray());
    }

    /// <summary>Reads an entry document.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JournalFormatException">The document is malformed, or its format version or kind is unknown.</exception>
    public static JournalEntry Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadText(json, static bytes => Deserialize(bytes));
    }

    /// <summary>Reads an entry document from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="JournalFormatException">The document is malformed, or its format version or kind is unknown.</exception>
    public static JournalEntry Deserialize(ReadOnlySpan<byte> utf8Json) =>
        WrittenShapeReader.TryRead(utf8Json)
        ?? (TryReadCurrent(utf8Json, record: false, out var entry, out _, out _, out _) ? entry! : DeserializeDocument(utf8Json));

    /// <summary>The general path: any readable format version and member order, and the exact error otherwise.</summary>
    internal static JournalEntry DeserializeDocument(ReadOnlySpan<byte> utf8Json)
    {
        using var document = Parse(utf8Json);
        var root = Upgrade(document.RootElement, record: false, out var upgraded);
        using (upgraded)
        {
            ExpectOnly(root, Names.Format, Names.Kind, Names.Entry);
            return ReadEntry(root);
        }
    }

    /// <summary>Reads a record document.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JournalFormatException">The document is malformed, or its format version or kind is unknown.</exception>
    public static JournalRecord DeserializeRecord(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadText(json, static bytes => DeserializeRecord(bytes));
    }

    /// <summary>Reads a record document from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JournalFormatException">The document is malformed, or its format version or kind is unknown.</exception>
    public static JournalRecord DeserializeRecord(ReadOnlySpan<byte> utf8Json) =>
        TryReadCurrent(utf8Json, record: true, out var entry, out var version, out var recordedAt, out var recordedBy)
            ? new JournalRecord(version, recordedAt, recordedBy, entry!)
            : DeserializeRecordDocument(utf8Json);

    /// <summary>The general path of records (see <see cref="DeserializeDocument"/>).</summary>
    internal static JournalRecord DeserializeRecordDocument(ReadOnlySpan<byte> utf8Json)
    {
        using var document = Parse(utf8Json);
        var root = Upgrade(document.RootElement, record: true, out var upgraded);
        using (upgraded)
        {
            ExpectOnly(root, Names.Format, Names.Version, Names.RecordedAt, Names.RecordedBy, Names.Kind, Names.Entry);
            var entry = ReadEntry(root);
            var version = Required(root, Names.Version, entry);
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt64(out var number) || number < 1)
            {
                throw new JournalFormatException("'version' must be a whole number of at least 1.", KindOf(root), entry.Id);
            }

            var recordedAt = ReadValue<Instant>(root, Names.RecordedAt, entry);
            var recordedBy = ReadValue<UserId>(root, Names.RecordedBy, entry);
            return new JournalRecord(number, recordedAt, recordedBy, entry);
        }
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new JournalFormatException($"not valid JSON ({ex.Message})", innerException: ex);
        }
    }

    /// <summary>Brings a document of an older format version to the current one; <paramref name="upgraded"/> owns the result.</summary>
    private static JsonElement Upgrade(JsonElement root, bool record, out JsonDocument? upgraded)
    {
        upgraded = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JournalFormatException($"the document must be a JSON object, not {root.ValueKind}.");
        }

        if (!root.TryGetProperty(Names.Format, out var format))
        {
            throw new JournalFormatException("'format' (the format version) is missing.");
        }

        if (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var version))
        {
            throw new JournalFormatException($"'format' must be a whole number, not {format.GetRawText()}.");
        }

        if (version == FormatVersion)
        {
            return root;
        }

        if (version < OldestReadableFormatVersion || version > FormatVersion)
        {
            throw new JournalFormatException(
                $"format version {version} is unknown: this library reads versions {OldestReadableFormatVersion} to {FormatVersion}. A newer library may have written it.");
        }

        var node = JsonNode.Parse(root.GetRawText())!.AsObject();
        for (var from = version; from < FormatVersion; from++)
        {
            node = JournalFormatUpgrades.Upgrade(from, node, record);
        }

        upgraded = JsonDocument.Parse(node.ToJsonString());
        return upgraded.RootElement;
    }

    private static JournalEntry ReadEntry(JsonElement root)
    {
        var kindName = KindOf(root);
        if (!root.TryGetProperty(Names.Entry, out var body) || body.ValueKind != JsonValueKind.Object)
        {
            throw new JournalFormatException("'entry' must be a JSON object.", kindName);
        }

        var entryId = body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString())
            ? new EntryId(id.GetString()!)
            : (EntryId?)null;
        if (!JournalEntryKinds.TryGet(kindName, out var kind))
        {
            throw new JournalFormatException($"entry kind '{kindName}' is unknown.", kindName, entryId);
        }

        try
        {
            return (JournalEntry?)body.Deserialize(kind.TypeInfo)
                ?? throw new JournalFormatException("'entry' is null.", kindName, entryId);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or NotSupportedException or InvalidOperationException and not JournalFormatException)
        {
            throw new JournalFormatException(ex.Message, kindName, entryId, ex);
        }
    }

    private static string KindOf(JsonElement root)
    {
        if (!root.TryGetProperty(Names.Kind, out var kind) || kind.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(kind.GetString()))
        {
            throw new JournalFormatException("'kind' (the entry kind) is missing or not a string.");
        }

        return kind.GetString()!;
    }

    private static JsonElement Required(JsonElement root, string name, JournalEntry entry) =>
        root.TryGetProperty(name, out var value)
            ? value
            : throw new JournalFormatException($"'{name}' is missing.", KindOf(root), entry.Id);

    private static T ReadValue<T>(JsonElement root, string name, JournalEntry entry)
    {
        var element = Required(root, name, entry);
        try
        {
            return (T)element.Deserialize(JournalJsonContext.Strict.GetTypeInfo(typeof(T)))!;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException)
        {
            throw new JournalFormatException($"'{name}' is invalid: {ex.Message}", KindOf(root), entry.Id, ex);
        }
    }

    private static void ExpectOnly(JsonElement root, params ReadOnlySpan<string> names)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!names.Contains(property.Name))
            {
                throw new JournalFormatException($"unexpected member '{property.Name}'.", root.TryGetProperty(Names.Kind, out var k) ? k.ToString() : null);
            }
        }
    }

    /// <summary>The envelope's member names.</summary>
    internal static class Names
    {
        public const string Format = "format";
        public const string Version = "version";
        public const string RecordedAt = "recordedAt";
        public const string RecordedBy = "recordedBy";
        public const string Kind = "kind";
        public const string Entry = "entry";
    }
}
