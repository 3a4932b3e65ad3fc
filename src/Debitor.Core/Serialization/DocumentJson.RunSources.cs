using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Debitor.Core.Dunning;

namespace Debitor.Core.Serialization;

/// <summary>
/// The source every dunning letter of a run shares (D16.200): run request, dunning settings, interest schemes and our
/// contact, written once per run as its own document <c>{"format":2,"run":{…}}</c>, with the lower-case hexadecimal SHA-256
/// of that text's UTF-8 bytes as its key. A database outbox stores the text once per key; its letters refer to the key.
/// </summary>
/// <remarks>Immutable; one instance per run (<see cref="Of"/>), kept while the run's settings instance lives.</remarks>
internal sealed class StoredRunSource
{
    private static readonly ConditionalWeakTable<DunningSettings, StrongBox<StoredRunSource?>> Latest = [];

    private StoredRunSource(RunContext context, string text, string sha256, JsonElement inline, JsonElement reference)
    {
        Context = context;
        Text = text;
        Sha256 = sha256;
        Inline = inline;
        Reference = reference;
    }

    /// <summary>The run's source as read.</summary>
    public RunContext Context { get; }

    /// <summary>The stored text: <c>{"format":2,"run":{…}}</c>.</summary>
    public string Text { get; }

    /// <summary>The key: lower-case hexadecimal SHA-256 of <see cref="Text"/>'s UTF-8 bytes.</summary>
    public string Sha256 { get; }

    /// <summary>The <c>run</c> object, as a letter written with its source inside holds it.</summary>
    internal JsonElement Inline { get; }

    /// <summary>The key as a JSON string, as a letter stored by an outbox holds it.</summary>
    internal JsonElement Reference { get; }

    /// <summary>
    /// The source of a run, written once per run: every letter of a run carries the run's own settings instance (immutable),
    /// so the last source built for that instance is reused while request, schemes and contact are the same.
    /// </summary>
    public static StoredRunSource Of(RunContext context)
    {
        var latest = Latest.GetValue(context.Settings, _ => new StrongBox<StoredRunSource?>());
        var source = Volatile.Read(ref latest.Value);
        if (source is not null && SameRun(source.Context, context))
        {
            return source;
        }

        source = DocumentJson.WriteRunSource(context);
        Volatile.Write(ref latest.Value, source);
        return source;
    }

    /// <summary>Builds the instance for a written source text.</summary>
    internal static StoredRunSource Create(RunContext context, ReadOnlyMemory<byte> utf8)
    {
        JsonElement inline;
        using (var document = JsonDocument.Parse(utf8))
        {
            inline = document.RootElement.GetProperty("run").Clone();
        }

        var sha256 = Hash(utf8.Span);
        using var key = JsonDocument.Parse("\"" + sha256 + "\"");
        return new StoredRunSource(context, Encoding.UTF8.GetString(utf8.Span), sha256, inline, key.RootElement.Clone());
    }

    /// <summary>The key of a source text.</summary>
    public static string Hash(ReadOnlySpan<byte> utf8) => Convert.ToHexStringLower(SHA256.HashData(utf8));

    private static bool SameRun(RunContext a, RunContext b) =>
        ReferenceEquals(a.Settings, b.Settings)
        && ReferenceEquals(a.InterestSchemes, b.InterestSchemes)
        && a.Request.Equals(b.Request)
        && a.Contact.Equals(b.Contact);
}

/// <summary>Writing and reading a run's source stored apart (D16.200).</summary>
public static partial class DocumentJson
{
    /// <summary>The only version of a run source stored apart (it first appears in document format 2).</summary>
    private const int RunSourceFormatVersion = 2;

    /// <summary>Writes a run's source: <c>{"format":2,"run":{"request":…,"dunningSettings":…,"interestSchemes":…,"contact":…}}</c>.</summary>
    internal static StoredRunSource WriteRunSource(RunContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", RunSourceFormatVersion);
            writer.WritePropertyName("run");
            Write(writer, ToData(context));
            writer.WriteEndObject();
        }

        return StoredRunSource.Create(context, buffer.WrittenMemory);
    }

    /// <summary>
    /// Reads a run's source stored apart under <paramref name="sha256"/>: the text must hash to that key (a source changed
    /// after it was stored is refused), be of a known version and hold exactly <c>format</c> and <c>run</c>.
    /// </summary>
    /// <exception cref="JournalFormatException">The text does not hash to the key, or is not a readable run source.</exception>
    internal static RunContext ReadRunSource(string sha256, string text)
    {
        if (!string.Equals(StoredRunSource.Hash(Encoding.UTF8.GetBytes(text)), sha256, StringComparison.Ordinal))
        {
            throw new JournalFormatException($"the run source stored under {sha256} does not hash to that key: it was changed after it was stored.", DunningLetterKind);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || root.EnumerateObject().Count() != 2
                || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.Number
                || !format.TryGetInt32(out var version)
                || !root.TryGetProperty("run", out var run))
            {
                throw new JournalFormatException($"the run source {sha256} needs exactly 'format' (a number) and 'run'.", DunningLetterKind);
            }

            if (version != RunSourceFormatVersion)
            {
                throw new JournalFormatException($"run source format version {version} is not readable (this library reads {RunSourceFormatVersion}).", DunningLetterKind);
            }

            return Build(DunningLetterKind, Read<RunSourceData>(DunningLetterKind, run), ToContext);
        }
        catch (JsonException ex)
        {
            throw new JournalFormatException(ex.Message, DunningLetterKind, innerException: ex);
        }
    }
}
