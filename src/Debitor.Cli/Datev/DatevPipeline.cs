using System.Threading.Channels;
using Debitor.Cli.Output;
using Debitor.Core;
using Debitor.Core.Application;

namespace Debitor.Cli.Datev;

/// <summary>
/// How an import spreads its work over two threads (D16.101): one reads and checks the file's lines into chunks and, for
/// each chunk, loads ahead the accounts the chunk before it does not touch; the caller's thread applies and writes the
/// chunks, one after the other, in file order. What is applied and written, and in which order, is what applying the
/// chunks one by one leaves: a preload is a load made earlier, and the append checks its version like any other.
/// </summary>
internal static class DatevPipeline
{
    /// <summary>A chunk of readable lines, the lines read up to its end (for progress) and the accounts its lines post to.</summary>
    private sealed record Chunk<T>(List<(DatevRecord Record, T Line)> Lines, long LinesRead, HashSet<CustomerId> Accounts);

    /// <summary>
    /// Reads the file streaming on another thread and hands the readable lines on in chunks of <paramref name="chunkLines"/>;
    /// a line that cannot be read is rejected with its number, field and reason. While a chunk is applied, the accounts of
    /// the next chunk that this one does not touch are loaded (<paramref name="preload"/>); every chunk before has been
    /// written by then. Progress counts every line read.
    /// </summary>
    /// <returns>The lines read.</returns>
    public static async Task<long> RunAsync<T>(
        DatevFile file,
        List<DatevRejection> rejected,
        ProgressReporter progress,
        int chunkLines,
        Func<DatevRecord, T> read,
        Func<T, CustomerId> account,
        Func<IReadOnlyList<CustomerId>, Task<CustomerAccountService.PreloadedAccounts>> preload,
        Func<List<(DatevRecord Record, T Line)>, CustomerAccountService.PreloadedAccounts?, Task> apply,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<Chunk<T>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var readRejected = new List<DatevRejection>();
        var producer = Task.Run(() => ProduceAsync(file, readRejected, chunkLines, read, account, chunks.Writer, stop.Token), stop.Token);
        try
        {
            long reported = 0;
            Task<CustomerAccountService.PreloadedAccounts>? preloading = null;
            var current = await NextAsync(chunks.Reader, stop.Token).ConfigureAwait(false);
            while (current is not null)
            {
                var next = await NextAsync(chunks.Reader, stop.Token).ConfigureAwait(false);
                var preloaded = preloading is null ? null : await preloading.ConfigureAwait(false);
                preloading = next is null ? null : Ahead(next, current, preload, stop.Token);
                if (current.Lines.Count > 0)
                {
                    await apply(current.Lines, preloaded).ConfigureAwait(false);
                }

                progress.Advance(current.LinesRead - reported);
                reported = current.LinesRead;
                current = next;
            }
        }
        catch
        {
            // The producer stops at its next line; its own fault (if any) is the consequence of this one.
            await stop.CancelAsync().ConfigureAwait(false);
            _ = await Task.WhenAny(producer).ConfigureAwait(false);
            throw;
        }

        var lines = await producer.ConfigureAwait(false);
        progress.Done();
        rejected.AddRange(readRejected);
        return lines;
    }

    /// <summary>Starts loading the accounts of <paramref name="next"/> that <paramref name="current"/> does not touch.</summary>
    private static Task<CustomerAccountService.PreloadedAccounts>? Ahead<T>(Chunk<T> next, Chunk<T> current, Func<IReadOnlyList<CustomerId>, Task<CustomerAccountService.PreloadedAccounts>> preload, CancellationToken cancellationToken)
    {
        var ahead = next.Accounts.Where(a => !current.Accounts.Contains(a)).ToList();
        return ahead.Count == 0 ? null : Task.Run(() => preload(ahead), cancellationToken);
    }

    private static async Task<Chunk<T>?> NextAsync<T>(ChannelReader<Chunk<T>> reader, CancellationToken cancellationToken) =>
        await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && reader.TryRead(out var chunk) ? chunk : null;

    private static async Task<long> ProduceAsync<T>(
        DatevFile file,
        List<DatevRejection> rejected,
        int chunkLines,
        Func<DatevRecord, T> read,
        Func<T, CustomerId> account,
        ChannelWriter<Chunk<T>> writer,
        CancellationToken cancellationToken)
    {
        long linesRead = 0;
        var malformed = new List<DatevRejection>();
        var chunk = new List<(DatevRecord, T)>(chunkLines);
        var accounts = new HashSet<CustomerId>();
        async Task HandOnAsync()
        {
            await writer.WriteAsync(new Chunk<T>(chunk, linesRead + malformed.Count, accounts), cancellationToken).ConfigureAwait(false);
            chunk = new List<(DatevRecord, T)>(chunkLines);
            accounts = [];
        }

        try
        {
            foreach (var record in file.Records(malformed))
            {
                cancellationToken.ThrowIfCancellationRequested();
                linesRead++;
                try
                {
                    var line = read(record);
                    chunk.Add((record, line));
                    accounts.Add(account(line));
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
