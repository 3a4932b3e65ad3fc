using System.Threading.Channels;
using Debitor.Cli.Output;
using Debitor.Core.Application;

namespace Debitor.Cli.Datev;

/// <summary>
/// How an import spreads its work over threads (D16.101, D16.102): one reads and checks the file's lines into chunks; the
/// caller's thread applies each chunk in memory while the chunk before is written on another. What is written, and in
/// which order, is what applying the chunks one after the other leaves: an account the chunk before held is carried over
/// as that chunk left it, any other is loaded after every chunk before the one being written is written, and an append
/// checks its version like any other. The lines are read in windows grouped by account (D16.269), so that an account is
/// loaded once per window, not once per chunk, in whatever order the file lists them.
/// </summary>
internal static class DatevPipeline
{
    /// <summary>A chunk of readable lines (each line's number and what was read from it; not its fields, D16.131) and the lines served up to its end (for progress).</summary>
    private sealed record Chunk<T>(List<(long Line, T Value)> Lines, long LinesRead);

    /// <summary>
    /// Reads the file on another thread in windows grouped by account (<see cref="Grouping{T}"/>, D16.269) and hands the
    /// readable lines on in chunks of the <paramref name="grouping"/>'s size; a line that cannot be read is rejected with
    /// its number, field and reason (D16.101). Each chunk's changes are applied in memory on the caller's thread while the
    /// chunk before is written on another (D16.102), taking over that chunk's accounts as it left them. The chunks are
    /// written one after the other, in the order read; <paramref name="report"/> sees each chunk's result in that order.
    /// Progress counts every line read, readable or not, once its chunk is written.
    /// </summary>
    /// <returns>The lines read.</returns>
    public static async Task<long> RunAsync<T>(
        DatevFile file,
        List<DatevRejection> rejected,
        ProgressReporter progress,
        CustomerAccountService accounts,
        Actor actor,
        Grouping<T> grouping,
        Func<DatevRecord, T> read,
        Func<List<(long Line, T Value)>, List<AccountChange>> changes,
        Action<List<(long Line, T Value)>, BatchResult> report,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<Chunk<T>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var readRejected = new List<DatevRejection>();
        var producer = Task.Run(() => ProduceAsync(file, readRejected, grouping, read, chunks.Writer, stop.Token), stop.Token);
        Task<BatchResult>? writing = null;
        Chunk<T>? written = null;
        long reported = 0;
        async Task ReportAsync()
        {
            if (writing is not null && written is not null)
            {
                report(written.Lines, await writing.ConfigureAwait(false));
                writing = null;
                progress.Advance(written.LinesRead - reported);
                reported = written.LinesRead;
            }
        }

        try
        {
            CustomerAccountService.PlannedBatch? basis = null;
            await foreach (var current in chunks.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                if (current.Lines.Count > 0)
                {
                    var planned = await accounts.PlanBatchAsync(actor, changes(current.Lines), basis, stop.Token).ConfigureAwait(false);
                    await ReportAsync().ConfigureAwait(false);
                    writing = Task.Run(() => accounts.WriteBatchAsync(planned, stop.Token), stop.Token);
                    (written, basis) = (current, planned);
                }
                else
                {
                    await ReportAsync().ConfigureAwait(false);
                    progress.Advance(current.LinesRead - reported);
                    reported = current.LinesRead;
                }
            }

            await ReportAsync().ConfigureAwait(false);
        }
        catch
        {
            // The producer stops at its next line and a write under way finishes; their own faults follow from this one.
            await stop.CancelAsync().ConfigureAwait(false);
            _ = await Task.WhenAny(producer).ConfigureAwait(false);
            if (writing is not null)
            {
                _ = await Task.WhenAny(writing).ConfigureAwait(false);
            }

            throw;
        }

        var lines = await producer.ConfigureAwait(false);
        progress.Done();
        rejected.AddRange(readRejected);
        return lines;
    }

    private static async Task<long> ProduceAsync<T>(
        DatevFile file,
        List<DatevRejection> rejected,
        Grouping<T> grouping,
        Func<DatevRecord, T> read,
        ChannelWriter<Chunk<T>> writer,
        CancellationToken cancellationToken)
    {
        using var reader = new DatevLineReader(file.Path);
        using var lines = new GroupedLineStream(reader, grouping.LineKey, grouping.WindowLines);
        var malformed = new List<DatevRejection>();
        var chunk = new List<(long, T)>(grouping.ChunkLines);
        long records = 0;
        long served = 0;
        try
        {
            foreach (var (place, record) in file.Records(lines, lines.LineOf, malformed))
            {
                cancellationToken.ThrowIfCancellationRequested();
                records++;
                served = place + 1;
                try
                {
                    var value = read(record);
                    var account = grouping.ValueKey(value);
                    if (lines.KeyOf(place) is var key && key != DatevKey.None && account != key)
                    {
                        // Never expected: the key of a raw line is the account its reading finds (DatevKey).
                        throw new InvalidOperationException($"Line {record.Line} was grouped as account {key} but reads as account {account}.");
                    }

                    chunk.Add((record.Line, value));
                }
                catch (DatevFieldException exception)
                {
                    rejected.Add(new DatevRejection(record.Line, exception.Field, exception.Message));
                }

                lines.Release(place);
                if (chunk.Count == grouping.ChunkLines)
                {
                    // Progress counts the lines served up to this one, readable or not.
                    await writer.WriteAsync(new Chunk<T>(chunk, served), cancellationToken).ConfigureAwait(false);
                    chunk = new List<(long, T)>(grouping.ChunkLines);
                }
            }

            var lineCount = records + malformed.Count;
            await writer.WriteAsync(new Chunk<T>(chunk, lineCount), cancellationToken).ConfigureAwait(false);
            rejected.AddRange(malformed);
            writer.Complete();
            return lineCount;
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
            throw;
        }
    }

    /// <summary>
    /// How an import orders a file's lines (D16.269): in windows of <see cref="WindowLines"/> lines, each grouped by account
    /// (the accounts in ascending order, each account's lines in file order), so that an account is loaded once per window
    /// instead of once per chunk that holds one of its lines, whatever order the file has (DATEV exports a booking batch in
    /// date order). A line whose account cannot be told from its bytes (<see cref="DatevKey.None"/>) ends a window: it
    /// goes on after every line before it and before every line after it. Each line is still applied after its account's
    /// lines before it, and a line of a DATEV import changes only its own account (a booking or master-data line names no
    /// other), so the journals are those of the file applied line by line; only the order between accounts changes, and
    /// so the chunk that writes a line.
    /// </summary>
    /// <param name="chunkLines">Lines per chunk.</param>
    /// <param name="windowLines">Lines held, at most, before a window is grouped and handed on (at least a chunk's).</param>
    /// <param name="lineKey">The account of a raw line.</param>
    /// <param name="valueKey">The account of a line as read (the key's check).</param>
    internal sealed class Grouping<T>(int chunkLines, int windowLines, DatevLineKey lineKey, Func<T, long> valueKey)
    {
        public int ChunkLines { get; } = chunkLines > 0 ? chunkLines : throw new ArgumentOutOfRangeException(nameof(chunkLines), chunkLines, "A chunk holds at least one line.");

        public int WindowLines { get; } = windowLines >= chunkLines ? windowLines : throw new ArgumentOutOfRangeException(nameof(windowLines), windowLines, "A window holds at least a chunk's lines.");

        public DatevLineKey LineKey { get; } = lineKey;

        public Func<T, long> ValueKey { get; } = valueKey;
    }
}
