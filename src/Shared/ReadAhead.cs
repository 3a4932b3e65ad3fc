using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Debitor.Core.Storage;

/// <summary>
/// Reads a stream ahead of its consumer on another thread (compiled into each database store, D16.237): a company-wide
/// load reads and decodes the next accounts' journals while the caller replays and runs the engine over the ones before.
/// The items come in the source's order; the source's exception reaches the consumer as thrown; at most
/// <c>batches × batch</c> items wait; when the consumer stops early or is cancelled, the source is cancelled and disposed
/// before the consumer's enumeration ends. With one processor the source is read in line, as before.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Yields the items of <paramref name="source"/>, read ahead on another thread in batches of <paramref name="batch"/>.</summary>
    /// <param name="source">Opens the stream; it receives the token that stops it.</param>
    /// <param name="batch">Items handed over at once.</param>
    /// <param name="batches">Batches that may wait before the reader pauses.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async IAsyncEnumerable<T> Of<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, int batch, int batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Environment.ProcessorCount < 2)
        {
            await foreach (var item in source(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(batches) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        Exception? failure = null;
        var reader = Task.Run(
            async () =>
            {
                var items = new List<T>(batch);
                try
                {
                    await foreach (var item in source(stop.Token).ConfigureAwait(false))
                    {
                        items.Add(item);
                        if (items.Count == batch)
                        {
                            await channel.Writer.WriteAsync(items, stop.Token).ConfigureAwait(false);
                            items = new List<T>(batch);
                        }
                    }
                }
                catch (Exception ex)
                {
                    // Kept as thrown: the consumer rethrows it after the items read before it.
                    failure = ex;
                }

                try
                {
                    if (items.Count > 0)
                    {
                        await channel.Writer.WriteAsync(items, stop.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The consumer stopped: nobody waits for these items.
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var items))
                {
                    foreach (var item in items)
                    {
                        yield return item;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(false);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
