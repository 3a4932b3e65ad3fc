using System.Runtime.CompilerServices;
using Debitor.Core.Ports;
using Debitor.Core.Storage;
using Npgsql;

namespace Debitor.Core.PostgreSql;

/// <summary>
/// Streams journals from a query whose rows are (account, account version, row version, recorded at, recorded by,
/// document as written), grouped by account and in version order within it (D13.82). Every column is copied as its
/// UTF-8 bytes into a buffer reused for the whole stream (the document is the row's <c>document</c> text, D13.130, which
/// the server sends as it stores it): a row makes no string and no array; the account id is decoded once per account,
/// time and author once per change. Rows are assembled by <see cref="JournalAssembler"/>, like every other load.
/// </summary>
internal static class PostgreSqlJournalStream
{
    /// <summary>Runs <paramref name="command"/> and yields the journals it reads.</summary>
    public static async IAsyncEnumerable<StoredJournal> ReadAsync(NpgsqlCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var buffers = new Buffers();
        var journal = new JournalAssembler();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (journal.MoveTo(Column(reader, 0, ref buffers.Customer), reader.GetInt64(1)) is { } finished)
            {
                yield return finished;
            }

            if (!reader.IsDBNull(2))
            {
                journal.Add(reader.GetInt64(2), Column(reader, 3, ref buffers.RecordedAt), Column(reader, 4, ref buffers.RecordedBy), Column(reader, 5, ref buffers.Payload));
            }
        }

        if (journal.FinishLast() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The column's bytes as the server sent them, copied into <paramref name="buffer"/> (grown when too small).</summary>
    private static ReadOnlySpan<byte> Column(NpgsqlDataReader reader, int ordinal, ref byte[] buffer)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, (int)reader.GetBytes(ordinal, 0, buffer, 0, length));
    }

    /// <summary>The buffers one stream reuses for every row.</summary>
    private sealed class Buffers
    {
        public byte[] Customer = new byte[64];
        public byte[] RecordedAt = new byte[64];
        public byte[] RecordedBy = new byte[64];
        public byte[] Payload = new byte[4096];
    }
}
