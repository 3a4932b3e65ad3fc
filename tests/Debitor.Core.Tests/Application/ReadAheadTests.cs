using System.Runtime.CompilerServices;
using Debitor.Core.Application;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// A stream read ahead on a task of its own (D16.279) yields what the stream yields, in its order; a stream's exception
/// reaches the reader; a reader that stops early stops the stream before it leaves.
/// </summary>
public sealed class ReadAheadTests
{
    [Property(MaxTest = 200)]
    public bool Of_AnyStream_YieldsItsItemsInOrder(int[] items)
    {
        var read = Collect(ReadAhead.Ahead(_ => Stream(items, null), CancellationToken.None)).GetAwaiter().GetResult();

        return read.SequenceEqual(items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ReadAhead.BatchSize)]
    [InlineData(ReadAhead.BatchSize * ReadAhead.Batches * 3 + 5)]
    public async Task Of_StreamFailsAfterSomeItems_ReaderGetsThoseItemsThenTheStreamsException(int before)
    {
        var items = Enumerable.Range(0, before).ToArray();
        var failure = new InvalidOperationException("row 17 unreadable");
        var read = new List<int>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in ReadAhead.Ahead(_ => Stream(items, failure), CancellationToken.None))
            {
                read.Add(item);
            }
        });

        Assert.Same(failure, thrown);
        Assert.Equal(items, read);
    }

    [Fact]
    public async Task Of_ReaderStopsEarly_StreamIsCancelledAndHasEndedWhenTheReaderLeaves()
    {
        var ended = false;
        var cancelled = false;
        async IAsyncEnumerable<int> Endless([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        cancelled = true;
                        yield break;
                    }

                    await Task.Yield();
                    yield return i;
                }
            }
            finally
            {
                ended = true;
            }
        }

        var read = new List<int>();
        await foreach (var item in ReadAhead.Ahead(Endless, CancellationToken.None))
        {
            read.Add(item);
            if (read.Count == 1000)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 1000), read);
        Assert.True(ended);
        Assert.True(cancelled);
    }

    [Fact]
    public async Task Of_CallerCancels_ReaderGetsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ReadAhead.Ahead(_ => Stream(Enumerable.Range(0, 100_000).ToArray(), null), cancel.Token))
            {
                if (++read == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.InRange(read, 10, 10 + ReadAhead.BatchSize);
    }

    private static async IAsyncEnumerable<int> Stream(int[] items, Exception? failure, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item % 97 == 0)
            {
                await Task.Yield();
            }

            yield return item;
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    private static async Task<List<int>> Collect(IAsyncEnumerable<int> stream)
    {
        var read = new List<int>();
        await foreach (var item in stream)
        {
            read.Add(item);
        }

        return read;
    }
}
