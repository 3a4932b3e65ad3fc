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

    /// <summary>How many authors a thread keeps: journals are written by a few people and systems (D16.273).</summary>
    private const int RecentAuthors = 8;

    /// <summary>The authors read last on this thread, most recent first (D13.62, D16.273).</summary>
    [ThreadStatic]
    private static Author[]? t_authors;

    /// <summary>The last time read on this thread that is not in the stores' own shape (D13.62, D16.271).</summary>
    [ThreadStatic]
    private static ForeignTime? t_lastForeignTime;

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
    /// Reads one row whose time, author and payload the store hands over as UTF-8 bytes it owns (D13.80): an author read
    /// recently on this thread makes no string (D16.273), and neither does a time, which is read from its bytes
    /// (<see cref="TryReadTime{T}"/>, D16.271); otherwise as <see cref="Read(CustomerId, long, long, string, string, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static JournalRecord Read(CustomerId customer, long position, long version, ReadOnlySpan<byte> recordedAt, ReadOnlySpan<byte> recordedBy, ReadOnlySpan<byte> payload)
    {
        if (version == position && RecentAuthor(recordedBy) is { } author && KnownTime(recordedAt) is { } time)
        {
            try
            {
                return new JournalRecord(version, time, author, JournalJson.Deserialize(payload));
            }
            catch (JournalFormatException ex)
            {
                throw new CorruptJournalException(customer, version, ex.Message, ex);
            }
        }

        return Read(customer, position, version, Encoding.UTF8.GetString(recordedAt), Encoding.UTF8.GetString(recordedBy), payload);
    }

    /// <summary>
    /// Reads a time in the one shape the stores write it (<see cref="FormatTime"/>: <c>uuuu-MM-ddTHH:mm:ssZ</c>, with a
    /// fraction of one to nine digits after a period when the second is not whole), without allocating; anything else
    /// (another shape, a date that does not exist) is left to the pattern, which decides it. Where this reads a time,
    /// it is the one <see cref="InstantPattern.ExtendedIso"/> reads (<c>StoredTimeProperties</c>).
    /// </summary>
    /// <returns>Whether the text was read; <see langword="false"/> says nothing about whether it is a valid time.</returns>
    internal static bool TryReadTime<T>(ReadOnlySpan<T> text, out NodaTime.Instant time)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        time = default;
        if (text.Length < 20 || text[^1] != T.CreateTruncating('Z')
            || !Digits(text, 0, 4, out var year) || !Is(text, 4, '-') || !Digits(text, 5, 2, out var month) || !Is(text, 7, '-')
            || !Digits(text, 8, 2, out var day) || !Is(text, 10, 'T') || !Digits(text, 11, 2, out var hour) || !Is(text, 13, ':')
            || !Digits(text, 14, 2, out var minute) || !Is(text, 16, ':') || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var nanoseconds = 0;
        var fraction = text.Length - 21;
        if (fraction != -1 && (fraction is < 1 or > 9 || !Is(text, 19, '.') || !Digits(text, 20, fraction, out nanoseconds)))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > NodaTime.CalendarSystem.Iso.GetDaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        for (var i = fraction; i is > 0 and < 9; i++)
        {
            nanoseconds *= 10;
        }

        time = NodaTime.Instant.FromUtc(year, month, day, hour, minute, second).PlusNanoseconds(nanoseconds);
        return true;

        static bool Is(ReadOnlySpan<T> text, int at, char c) => text[at] == T.CreateTruncating(c);

        static bool Digits(ReadOnlySpan<T> text, int at, int count, out int value)
        {
            value = 0;
            for (var i = at; i < at + count; i++)
            {
                var digit = int.CreateTruncating(text[i]) - '0';
                if (digit is < 0 or > 9)
                {
                    return false;
                }

                value = (value * 10) + digit;
            }

            return true;
        }
    }

    /// <summary>Checks a row's version, time and author.</summary>
    private static (NodaTime.Instant Time, UserId Author) ReadEnvelope(CustomerId customer, long position, long version, string recordedAt, string recordedBy)
    {
        if (version != position)
        {
            throw new CorruptJournalException(customer, position, $"version {position} is missing (the next stored record is version {version}).");
        }

        // A time in the stores' own shape is read without the pattern (D16.271); another is parsed once while it repeats,
        // and an author once while it is among the thread's recent ones (D13.62, D16.273).
        var time = KnownTime(recordedAt);
        if (time is null)
        {
            var parsed = Time.Parse(recordedAt);
            if (!parsed.Success)
            {
                throw new CorruptJournalException(customer, version, $"'{recordedAt}' is not an instant.", parsed.Exception);
            }

            time = parsed.Value;
            t_lastForeignTime = new ForeignTime(recordedAt, Encoding.UTF8.GetBytes(recordedAt), parsed.Value);
        }

        var author = RecentAuthor(recordedBy);
        if (author is null)
        {
            if (string.IsNullOrWhiteSpace(recordedBy))
            {
                throw new CorruptJournalException(customer, version, "the record names no author.");
            }

            author = Remember(recordedBy);
        }

        return (time.Value, author.Value);
    }

    /// <summary>A time read quickly, or the last foreign one read on this thread if it is the same text; otherwise <see langword="null"/>.</summary>
    private static NodaTime.Instant? KnownTime(ReadOnlySpan<byte> utf8) =>
        TryReadTime(utf8, out var time) ? time : t_lastForeignTime is { } last && utf8.SequenceEqual(last.Utf8) ? last.Time : null;

    /// <inheritdoc cref="KnownTime(ReadOnlySpan{byte})"/>
    private static NodaTime.Instant? KnownTime(string text) =>
        TryReadTime(text.AsSpan(), out var time) ? time : t_lastForeignTime is { } last && string.Equals(text, last.Text, StringComparison.Ordinal) ? last.Time : null;

    /// <summary>The author whose UTF-8 name this is, if the thread read it recently.</summary>
    private static UserId? RecentAuthor(ReadOnlySpan<byte> utf8)
    {
        foreach (var author in t_authors ?? [])
        {
            if (author is null || utf8.SequenceEqual(author.Utf8))
            {
                return author?.Id;
            }
        }

        return null;
    }

    /// <inheritdoc cref="RecentAuthor(ReadOnlySpan{byte})"/>
    private static UserId? RecentAuthor(string name)
    {
        foreach (var author in t_authors ?? [])
        {
            if (author is null || string.Equals(name, author.Id.Value, StringComparison.Ordinal))
            {
                return author?.Id;
            }
        }

        return null;
    }

    /// <summary>Keeps a checked author as the thread's most recent one, letting go of the oldest beyond <see cref="RecentAuthors"/>.</summary>
    private static UserId Remember(string recordedBy)
    {
        var authors = t_authors ??= new Author[RecentAuthors];
        Array.Copy(authors, 0, authors, 1, RecentAuthors - 1);
        authors[0] = new Author(Encoding.UTF8.GetBytes(recordedBy), new UserId(recordedBy));
        return authors[0].Id;
    }

    /// <summary>Checks that the rows read reach the version the account row names.</summary>
    public static void CheckComplete(CustomerId customer, long read, long head)
    {
        if (read != head)
        {
            throw new CorruptJournalException(customer, read + 1, $"the account is at version {head}, but only {read} records are stored.");
        }
    }

    /// <summary>An author as stored and as read.</summary>
    private sealed record Author(byte[] Utf8, UserId Id);

    /// <summary>A time not in the stores' own shape, as stored and as the pattern read it.</summary>
    private sealed record ForeignTime(string Text, byte[] Utf8, NodaTime.Instant Time);
}
