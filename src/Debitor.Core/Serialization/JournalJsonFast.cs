using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// The fast paths of <see cref="JournalJson"/> (D13.30): writing through one reused writer and buffer per thread, and reading a
/// current-format document in one <see cref="Utf8JsonReader"/> pass, with the envelope's members in the order this library
/// writes them. Any other document (an older format version, another member order, anything malformed) is read by the
/// general path, which upgrades it or throws the exact <see cref="JournalFormatException"/>; the fast path never decides
/// that a document is wrong, so strictness and the error messages are the general path's.
/// </summary>
public static partial class JournalJson
{
    /// <summary>Documents up to this many UTF-8 bytes are transcoded on the stack; longer ones in a pooled buffer.</summary>
    private const int StackTranscodeLimit = 1024;

    /// <summary>A thread's writer buffer above this size is not kept for the next document.</summary>
    private const int KeptBufferLimit = 64 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow };
    private static readonly JsonEncodedText FormatName = JsonEncodedText.Encode(Names.Format);
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode(Names.Version);
    private static readonly JsonEncodedText RecordedAtName = JsonEncodedText.Encode(Names.RecordedAt);
    private static readonly JsonEncodedText RecordedByName = JsonEncodedText.Encode(Names.RecordedBy);
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode(Names.Kind);
    private static readonly JsonEncodedText EntryName = JsonEncodedText.Encode(Names.Entry);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static JsonTypeInfo<Instant> InstantInfo => EnvelopeInfo.Instant;

    private static JsonTypeInfo<UserId> UserIdInfo => EnvelopeInfo.UserId;

    /// <summary>Writes an entry with the source-generated metadata only: the reference the hand-written writers are proven equal to.</summary>
    internal static byte[] SerializeToUtf8BytesGeneral(JournalEntry entry) => Write(entry, null, static bytes => bytes.ToArray(), general: true);

    /// <summary>Writes a record with the source-generated metadata only (see <see cref="SerializeToUtf8BytesGeneral(JournalEntry)"/>).</summary>
    internal static byte[] SerializeToUtf8BytesGeneral(JournalRecord record) => Write(record.Entry, record, static bytes => bytes.ToArray(), general: true);

    /// <summary>Writes an entry or a record into the thread's buffer and hands the written bytes to <paramref name="result"/>.</summary>
    private static TResult Write<TResult>(JournalEntry entry, JournalRecord? record, Func<ReadOnlySpan<byte>, TResult> result, bool general = false) =>
        Write(entry, record, result, static (bytes, result) => result(bytes), general);

    /// <summary>Writes an entry or a record into the thread's buffer and hands the written bytes and <paramref name="state"/> to <paramref name="result"/> (no closure per call, D16.133).</summary>
    private static TResult Write<TState, TResult>(JournalEntry entry, JournalRecord? record, TState state, Func<ReadOnlySpan<byte>, TState, TResult> result, bool general = false)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            var kind = JournalEntryKinds.For(entry);
            if (!general && kind.Codec is { } codec && TryWriteDocument(writer, buffer, entry, record, kind, codec))
            {
                return result(buffer.WrittenSpan, state);
            }

            // The general path: the source-generated metadata writes the entry (or throws the exact error).
            WriteDocument(writer, buffer, entry, record, kind, codec: null);
            return result(buffer.WrittenSpan, state);
        }
        finally
        {
            if (buffer.Capacity > KeptBufferLimit)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>Writes the document with the kind's hand-written writer (D13.60); <see langword="false"/> when it does not cover the entry.</summary>
    private static bool TryWriteDocument(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, JournalEntry entry, JournalRecord? record, JournalEntryKinds.Kind kind, EntryCodec codec)
    {
        try
        {
            return WriteDocument(writer, buffer, entry, record, kind, codec);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            // The general path writes the entry again and throws the exact error.
            return false;
        }
    }

    /// <summary>Writes the envelope and the entry, through <paramref name="codec"/> when given, into the emptied buffer.</summary>
    private static bool WriteDocument(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, JournalEntry entry, JournalRecord? record, JournalEntryKinds.Kind kind, EntryCodec? codec)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteNumber(FormatName, FormatVersion);
        if (record is not null)
        {
            writer.WriteNumber(VersionName, record.Version);
            writer.WritePropertyName(RecordedAtName);
            JsonSerializer.Serialize(writer, record.RecordedAt, InstantInfo);
            writer.WritePropertyName(RecordedByName);
            JsonSerializer.Serialize(writer, record.RecordedBy, UserIdInfo);
        }

        writer.WriteString(KindName, kind.Utf8Name);
        writer.WritePropertyName(EntryName);
        if (codec is null)
        {
            JsonSerializer.Serialize(writer, entry, kind.TypeInfo);
        }
        else if (!codec.Write(writer, entry))
        {
            return false;
        }

        writer.WriteEndObject();
        writer.Flush();
        return true;
    }

    /// <summary>Transcodes a document to UTF-8 (on the stack when small) and reads it.</summary>
    private static T ReadText<T>(string json, ReadUtf8<T> read)
    {
        var max = Encoding.UTF8.GetMaxByteCount(json.Length);
        if (max <= StackTranscodeLimit)
        {
            Span<byte> bytes = stackalloc byte[StackTranscodeLimit];
            return read(bytes[..Encoding.UTF8.GetBytes(json, bytes)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            return read(rented.AsSpan(0, Encoding.UTF8.GetBytes(json, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Reads a current-format document in one pass: the envelope's members in any order (PostgreSQL's <c>jsonb</c> gives
    /// them back sorted by length), each once, <c>kind</c> before <c>entry</c>; the entry through its kind's hand-written
    /// reader when its members come in the written order, otherwise through the source-generated metadata from the same
    /// place (D13.60). Returns <see langword="false"/> for every other document, which the general path then reads or refuses.
    /// </summary>
    private static bool TryReadCurrent(ReadOnlySpan<byte> utf8Json, bool record, out JournalEntry? entry, out long version, out Instant recordedAt, out UserId recordedBy)
    {
        entry = null;
        version = 0;
        recordedAt = default;
        recordedBy = default;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            JournalEntryKinds.Kind? kind = null;
            var seen = Envelope.None;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = EnvelopeMember(ref reader, record);
                if (member == Envelope.None || (seen & member) != 0 || (member == Envelope.Entry && kind is null) || !reader.Read())
                {
                    return false;
                }

                seen |= member;
                switch (member)
                {
                    case Envelope.Format:
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var format) || format != FormatVersion)
                        {
                            return false;
                        }

                        break;
                    case Envelope.Version:
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out version) || version < 1)
                        {
                            return false;
                        }

                        break;
                    case Envelope.RecordedAt:
                        recordedAt = JsonSerializer.Deserialize(ref reader, InstantInfo);
                        break;
                    case Envelope.RecordedBy:
                        recordedBy = JsonSerializer.Deserialize(ref reader, UserIdInfo);
                        break;
                    case Envelope.Kind:
                        if (reader.TokenType != JsonTokenType.String || !JournalEntryKinds.TryGet(ref reader, out kind))
                        {
                            return false;
                        }

                        break;
                    default:
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            return false;
                        }

                        var start = reader;
                        entry = kind!.Codec?.Read(ref reader);
                        if (entry is null)
                        {
                            reader = start;
                            entry = (JournalEntry?)JsonSerializer.Deserialize(ref reader, kind.TypeInfo);
                        }

                        if (entry is null)
                        {
                            return false;
                        }

                        break;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && seen == (record ? Envelope.AllOfRecord : Envelope.AllOfEntry);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or NotSupportedException or InvalidOperationException or OverflowException)
        {
            // The general path reads the document again and names the problem.
            return false;
        }
    }

    /// <summary>Which envelope member the reader stands on (<see cref="Envelope.None"/> for any other name).</summary>
    private static Envelope EnvelopeMember(ref Utf8JsonReader reader, bool record) =>
        reader.ValueTextEquals(KindName.EncodedUtf8Bytes) ? Envelope.Kind
        : reader.ValueTextEquals(EntryName.EncodedUtf8Bytes) ? Envelope.Entry
        : reader.ValueTextEquals(FormatName.EncodedUtf8Bytes) ? Envelope.Format
        : !record ? Envelope.None
        : reader.ValueTextEquals(VersionName.EncodedUtf8Bytes) ? Envelope.Version
        : reader.ValueTextEquals(RecordedAtName.EncodedUtf8Bytes) ? Envelope.RecordedAt
        : reader.ValueTextEquals(RecordedByName.EncodedUtf8Bytes) ? Envelope.RecordedBy
        : Envelope.None;

    private delegate T ReadUtf8<T>(ReadOnlySpan<byte> utf8Json);

    /// <summary>The envelope's members, as bits of the set read so far.</summary>
    [Flags]
    private enum Envelope
    {
        None = 0,
        Format = 1,
        Version = 2,
        RecordedAt = 4,
        RecordedBy = 8,
        Kind = 16,
        Entry = 32,
        AllOfEntry = Format | Kind | Entry,
        AllOfRecord = AllOfEntry | Version | RecordedAt | RecordedBy,
    }

    /// <summary>The envelope's typed metadata, resolved once.</summary>
    private static class EnvelopeInfo
    {
        public static readonly JsonTypeInfo<Instant> Instant = (JsonTypeInfo<Instant>)JournalJsonContext.Strict.GetTypeInfo(typeof(Instant));
        public static readonly JsonTypeInfo<UserId> UserId = (JsonTypeInfo<UserId>)JournalJsonContext.Strict.GetTypeInfo(typeof(UserId));
    }
}
