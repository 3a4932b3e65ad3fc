using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Debitor.Core.Application;

/// <summary>
/// Enumerates a stream on a task of its own, a few batches ahead of its reader (D16.279): a store's stream of journals
/// (reading rows, decoding records) and the replay of the accounts it yields then run on two cores at once, in the
/// stream's order. Only the batches read ahead are held beyond what the reader keeps.
/// </summary>
internal static class ReadAhead
{
    /// <summary>How many items a batch handed from the stream's task to the reader holds.</summary>
    internal const int BatchSize = 64;

    /// <summary>How many batches the stream's task may read ahead of the reader.</summary>
    internal const int Batches = 4;

    /// <summary>
    /// The items of the stream <paramref name="open"/> makes, in its order: read on another task where the machine has more
    /// than one core (<see cref="Ahead"/>), else read as they are asked for. Read ahead, the stream is given a
    /// token that is cancelled when the reader stops early (or <paramref name="cancellationToken"/> is cancelled), and the
    /// reader does not leave before the stream's task has ended. An exception of the stream is thrown to the reader.
    /// The items are handed over <paramref name="itemsPerBatch"/> at a time, at most <see cref="Batches"/> batches ahead.
    /// </summary>
    public static IAsyncEnumerable<T> Of<T>(Func<CancellationToken, IAsyncEnumerable<T>> open, CancellationToken cancellationToken, int itemsPerBatch = BatchSize) =>
        Environment.ProcessorCount > 1 ? Ahead(open, cancellationToken, itemsPerBatch) : open(cancellationToken);

    /// <summary>
    /// The read-ahead of <see cref="Of"/>, which takes it only where a second core can run it: on one core the stream's task
    /// and its reader would take turns on it, and the thread pool's workers, spinning while they wait for work, would take
    /// its time from both (the storage issue's run on one core: a preview 3 to 4 times slower).
    /// </summary>
    internal static async IAsyncEnumerable<T> Ahead<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> open, [EnumeratorCancellation] CancellationToken cancellationToken, int itemsPerBatch = BatchSize)
    {
        var channel = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(Batches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(open, channel.Writer, itemsPerBatch, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var item in batch)
                    {
                        yield return item;
                    }
                }
            }

            await reading.ConfigureAwait(false);
        }
        finally
        {
            // The reader stopped early or failed: the stream is cancelled and awaited, its outcome no longer matters.
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ReadAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> open, ChannelWriter<List<T>> writer, int itemsPerBatch, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var batch = new List<T>(itemsPerBatch);
        try
        {
            await foreach (var item in open(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(item);
                if (batch.Count == itemsPerBatch)
                {
                    await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new List<T>(itemsPerBatch);
                }
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        try
        {
            // What the stream yielded before it failed reaches the reader before its exception does.
            if (batch.Count > 0)
            {
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure ??= new OperationCanceledException(cancellationToken);
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }
}
