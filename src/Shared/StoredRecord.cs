using System.Text;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using NodaTime.Text;

namespace Debitor.Core.Storage;

/// <summary>
/// What the database stores adapters share (compiled into each): validating records before an append, turning them into
/// rows, and reading rows back with every fault reported as <see cref="CorruptJournalException"/>.
/// </summary>
internal readonly record struct StoredRecord(long Version, string RecordedAt, string RecordedBy, string Kind, string Payload)
{
    private static readonly InstantPattern Time = InstantPattern.ExtendedIso;

    [ThreadStatic]
    private static Envelope? t_lastEnvelope;

    /// <summary>Checks the records of one append and serializes them; refuses before anything is written.</summary>
    public static List<StoredRecord> Prepare(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records)
    {
        Check(customer, expectedVersion, records);
        var rows = new List<StoredRecord>(records.Count);
        foreach (var record in records)
        {
            rows.Add(new StoredRecord(
                record.Version, FormatTime(record.RecordedAt), record.RecordedBy.Value, JournalJson.KindOf(record.Entry), JournalJson.Serialize(record.Entry)));
        }

        return rows;
    }

    /// <summary>
    /// Checks the records of one append as <see cref="Prepare"/> does, without serializing them (a store that writes each
    /// document straight into its statement, D16.100, checks the whole batch first).
    /// </summary>
    public static void Check(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (customer.IsEmpty)
        {
            throw new ArgumentException("The account must not be empty.", nameof(customer));
        }

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record is null || record.Version != expectedVersion + i + 1)
            {
                throw new ArgumentException($"Record {i} must carry version {expectedVersion + i + 1}.", nameof(records));
            }

            if (record.RecordedBy.IsEmpty)
            {
                throw new ArgumentException($"Record {i} names no author.", nameof(records));
            }

            _ = JournalJson.KindOf(record.Entry);
        }
    }

    /// <summary>A record's time as the stores write it (ISO 8601, extended).</summary>
    public static string FormatTime(NodaTime.Instant time) => Time.Format(time);

    /// <summary>Reads one row; <paramref name="position"/> is the version the row must carry (rows are read in version order).</summary>
    public static JournalRecord Read(CustomerId customer, long position, long version, string recordedAt, string recordedBy, string payload)
    {
        var (time, author) = ReadEnvelope(customer, position, version, recordedAt, recordedBy);
        try
        {
            return new JournalRecord(version, time, author, JournalJson.Deserialize(payload));
        }
        catch (JournalFormatException ex)
        {
            throw new CorruptJournalException(customer, version, ex.Message, ex);
        }
    }

    /// <summary>
    /// Reads one row whose payload the store hands over as UTF-8 bytes (the cheapest path: no string is made of the
    /// document); otherwise as <see cref="Read(CustomerId, long, long, string, string, string)"/>.
    /// </summary>
    public static JournalRecord Read(CustomerId customer, long position, long version, string recordedAt, string recordedBy, ReadOnlySpan<byte> payload)
    {
        var (time, author) = ReadEnvelope(customer, position, version, recordedAt, recordedBy);
        try
        {
            return new JournalRecord(version, time, author, JournalJson.Deserialize(payload));
        }
        catch (JournalFormatException ex)
        {
            throw new CorruptJournalException(customer, version, ex.Message, ex);
        }
    }

    /// <summary>
    /// Reads one row whose time, author and payload the store hands over as UTF-8 bytes it owns (D13.80): a time and author
    /// equal to the last ones read on this thread make no string; otherwise as
    /// <see cref="Read(CustomerId, long, long, string, string, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static JournalRecord Read(CustomerId customer, long position, long version, ReadOnlySpan<byte> recordedAt, ReadOnlySpan<byte> recordedBy, ReadOnlySpan<byte> payload)
    {
        var last = t_lastEnvelope;
        if (version == position && last is not null && recordedAt.SequenceEqual(last.RecordedAtUtf8) && recordedBy.SequenceEqual(last.RecordedByUtf8))
        {
            try
            {
                return new JournalRecord(version, last.Time, last.Author, JournalJson.Deserialize(payload));
            }
            catch (JournalFormatException ex)
            {
                throw new CorruptJournalException(customer, version, ex.Message, ex);
            }
        }

        return Read(customer, position, version, Encoding.UTF8.GetString(recordedAt), Encoding.UTF8.GetString(recordedBy), payload);
    }

    /// <summary>Checks a row's version, time and author.</summary>
    private static (NodaTime.Instant Time, UserId Author) ReadEnvelope(CustomerId customer, long position, long version, string recordedAt, string recordedBy)
    {
        if (version != position)
        {
            throw new CorruptJournalException(customer, position, $"version {position} is missing (the next stored record is version {version}).");
        }

        // Rows of one load mostly share their time and author: the last ones read on this thread are parsed once (D13.62).
        var last = t_lastEnvelope;
        if (last is not null && string.Equals(last.RecordedAt, recordedAt, StringComparison.Ordinal) && string.Equals(last.RecordedBy, recordedBy, StringComparison.Ordinal))
        {
            return (last.Time, last.Author);
        }

        var time = Time.Parse(recordedAt);
        if (!time.Success)
        {
            throw new CorruptJournalException(customer, version, $"'{recordedAt}' is not an instant.", time.Exception);
        }

        if (string.IsNullOrWhiteSpace(recordedBy))
        {
            throw new CorruptJournalException(customer, version, "the record names no author.");
        }

        t_lastEnvelope = new Envelope(recordedAt, recordedBy, time.Value, new UserId(recordedBy), Encoding.UTF8.GetBytes(recordedAt), Encoding.UTF8.GetBytes(recordedBy));
        return (t_lastEnvelope.Time, t_lastEnvelope.Author);
    }

    /// <summary>Checks that the rows read reach the version the account row names.</summary>
    public static void CheckComplete(CustomerId customer, long read, long head)
    {
        if (read != head)
        {
            throw new CorruptJournalException(customer, read + 1, $"the account is at version {head}, but only {read} records are stored.");
        }
    }

    /// <summary>A row's time and author as stored, and what they were read as.</summary>
    private sealed record Envelope(string RecordedAt, string RecordedBy, NodaTime.Instant Time, UserId Author, byte[] RecordedAtUtf8, byte[] RecordedByUtf8);
}
