using System.Threading.Channels;
using Debitor.Cli.Output;
using Debitor.Core.Application;

namespace Debitor.Cli.Datev;

/// <summary>
/// How an import spreads its work over threads (D16.101, D16.102): one reads and checks the file's lines into chunks; the
/// caller's thread applies each chunk in memory while the chunk before is written on another. What is written, and in
/// which order, is what applying the chunks one after the other leaves: an account the chunk before held is carried over
/// as that chunk left it, any other is loaded after every chunk before the one being written is written, and an append
/// checks its version like any other.
/// </summary>
internal static class DatevPipeline
{
    /// <summary>A chunk of readable lines (each line's number and what was read from it; not its fields, D16.131) and the lines read up to its end (for progress).</summary>
    private sealed record Chunk<T>(List<(long Line, T Value)> Lines, long LinesRead);

    /// <summary>
    /// Reads the file streaming on another thread and hands the readable lines on in chunks of <paramref name="chunkLines"/>;
    /// a line that cannot be read is rejected with its number, field and reason (D16.101). Each chunk's changes are applied
    /// in memory on the caller's thread while the chunk before is written on another (D16.102), taking over that chunk's
    /// accounts as it left them. The chunks are written one after the other, in file order; <paramref name="report"/> sees
    /// each chunk's result in that order.
    /// Progress counts every line read.
    /// </summary>
    /// <returns>The lines read.</returns>
    public static async Task<long> RunAsync<T>(
        DatevFile file,
        List<DatevRejection> rejected,
        ProgressReporter progress,
        CustomerAccountService accounts,
        Actor actor,
        int chunkLines,
        Func<DatevRecord, T> read,
        Func<List<(long Line, T Value)>, List<AccountChange>> changes,
        Action<List<(long Line, T Value)>, BatchResult> report,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<Chunk<T>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var readRejected = new List<DatevRejection>();
        var producer = Task.Run(() => ProduceAsync(file, readRejected, chunkLines, read, chunks.Writer, stop.Token), stop.Token);
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
        int chunkLines,
        Func<DatevRecord, T> read,
        ChannelWriter<Chunk<T>> writer,
        CancellationToken cancellationToken)
    {
        long linesRead = 0;
        var malformed = new List<DatevRejection>();
        var chunk = new List<(long, T)>(chunkLines);
        async Task HandOnAsync()
        {
            await writer.WriteAsync(new Chunk<T>(chunk, linesRead + malformed.Count), cancellationToken).ConfigureAwait(false);
            chunk = new List<(long, T)>(chunkLines);
        }

        try
        {
            foreach (var record in file.Records(malformed))
            {
                cancellationToken.ThrowIfCancellationRequested();
                linesRead++;
                try
                {
                    chunk.Add((record.Line, read(record)));
                }
                catch (DatevFieldException exception)
                {
                    rejected.Add(new DatevRejection(record.Line, exception.Field, exception.Message));
                }

                if (chunk.Count == chunkLines)
                {
                    await HandOnAsync().ConfigureAwait(false);
                }
            }

            await HandOnAsync().ConfigureAwait(false);
            rejected.AddRange(malformed);
            writer.Complete();
            return linesRead + malformed.Count;
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
            throw;
        }
    }
}
