using System.Runtime.CompilerServices;
using Debitor.Core.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Storage;

/// <summary>The read-ahead of a company-wide load (D16.237): order, faults, stopping early, cancelling.</summary>
public sealed class ReadAheadTests
{
    [Property(MaxTest = 60)]
    public Property Of_AnyItemsAndBatchSizes_YieldsTheSourceInOrder() =>
        Prop.ForAll(
            Gen.Choose(0, 1000).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 9).ToArbitrary(),
            Gen.Choose(1, 4).ToArbitrary(),
            (items, batch, batches) =>
            {
                var read = CollectAsync(ReadAhead.Of(_ => Source(items, null, new Probe()), batch, batches, CancellationToken.None)).GetAwaiter().GetResult();
                return read.SequenceEqual(items);
            });

    [Fact]
    public async Task Of_SourceFailsAfterSomeItems_YieldsThemThenRethrowsTheSameException()
    {
        var fault = new InvalidDataException("row 4 cannot be read");
        var read = new List<int>();

        var thrown = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var item in ReadAhead.Of(_ => Source([1, 2, 3], fault, new Probe()), 2, 2, CancellationToken.None))
            {
                read.Add(item);
            }
        });

        Assert.Same(fault, thrown);
        Assert.Equal([1, 2, 3], read);
    }

    [Fact]
    public async Task Of_ConsumerStopsEarly_SourceIsStoppedAndDisposedBeforeTheEnumerationEnds()
    {
        var probe = new Probe();
        var items = Enumerable.Range(0, 10_000).ToArray();

        await foreach (var item in ReadAhead.Of(stop => Source(items, null, probe, stop), 4, 2, CancellationToken.None))
        {
            if (item == 5)
            {
                break;
            }
        }

        Assert.True(probe.Disposed);
        Assert.True(probe.Read < items.Length, $"the source read all {probe.Read} items");
    }

    [Fact]
    public async Task Of_Cancelled_ThrowsOperationCanceledAndDisposesTheSource()
    {
        var probe = new Probe();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in ReadAhead.Of(stop => Source(Enumerable.Range(0, 10_000).ToArray(), null, probe, stop), 4, 2, cancel.Token))
            {
                if (item == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.True(probe.Disposed);
    }

    private static async Task<List<int>> CollectAsync(IAsyncEnumerable<int> source)
    {
        var list = new List<int>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private static async IAsyncEnumerable<int> Source(int[] items, Exception? failAtEnd, Probe probe, [EnumeratorCancellation] CancellationToken stop = default)
    {
        try
        {
            foreach (var item in items)
            {
                stop.ThrowIfCancellationRequested();
                probe.Read++;
                yield return item;
                await Task.Yield();
            }

            if (failAtEnd is not null)
            {
                throw failAtEnd;
            }
        }
        finally
        {
            probe.Disposed = true;
        }
    }

    private sealed class Probe
    {
        public int Read { get; set; }

        public bool Disposed { get; set; }
    }
}
