using System.Threading.Channels;
using Debitor.Core.Dunning;
using Debitor.Core.Ports;

namespace Debitor.Cli.Output;

/// <summary>
/// The tool's <see cref="IDunningLetterOutput"/>. Outside <c>dunning process</c> it keeps nothing: no other command issues
/// letters. While a processing runs, every letter the library delivers (after the letter's notices are stored) is written
/// as a file by writer threads of its own, so the PDFs are made while the processing goes on with the next letters
/// instead of after it, and no letter is held longer than until its file is written (D16.230).
/// </summary>
internal sealed class LetterFileOutput : IDunningLetterOutput
{
    /// <summary>How many delivered letters may wait for their files: a few of the library's batches (D13.22).</summary>
    internal const int Waiting = 2_000;

    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Channel<DunningLetter>? _queue;
    private Task? _writing;

    /// <summary>Starts writing the letters delivered from now on into <paramref name="files"/>, on <paramref name="writers"/> threads.</summary>
    /// <exception cref="InvalidOperationException">The output is writing already.</exception>
    public void Start(DocumentFiles files, ProgressReporter progress, int writers, CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            throw new InvalidOperationException("The letters of a processing are being written already.");
        }

        var queue = Channel.CreateBounded<DunningLetter>(new BoundedChannelOptions(Waiting) { SingleReader = writers == 1 });
        _queue = queue;
        _writing = Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteAsync(queue, files, progress, cancellationToken), cancellationToken)));
    }

    /// <summary>
    /// Waits until every letter delivered so far is written; rethrows what stopped a writer. Without <see cref="Start"/>
    /// there is nothing to wait for.
    /// </summary>
    public async Task CompleteAsync()
    {
        if (_queue is null || _writing is null)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writing;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Waits while <see cref="Waiting"/> letters wait for their files. A writer that failed closes the queue with its
    /// exception, so the processing stops at its next letter and leaves that letter undelivered in the outbox.
    /// </remarks>
    public ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return _queue is not { } queue || queue.Writer.TryWrite(letter) ? ValueTask.CompletedTask : WaitAsync(queue, letter, cancellationToken);
    }

    private static async ValueTask WaitAsync(Channel<DunningLetter> queue, DunningLetter letter, CancellationToken cancellationToken)
    {
        try
        {
            await queue.Writer.WriteAsync(letter, cancellationToken);
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Whether this invocation wrote the letter's file. A processing run again after a fault completes the letters the
    /// first attempt issued without delivering them again; the command writes those itself.
    /// </summary>
    public bool Wrote(string letterId)
    {
        lock (_gate)
        {
            return _written.Contains(letterId);
        }
    }

    private async Task WriteAsync(Channel<DunningLetter> queue, DocumentFiles files, ProgressReporter progress, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var letter in queue.Reader.ReadAllAsync(cancellationToken))
            {
                await files.LetterAsync(letter, cancellationToken);
                lock (_gate)
                {
                    _written.Add(letter.Id);
                    progress.Advance();
                }
            }
        }
        catch (Exception exception)
        {
            queue.Writer.TryComplete(exception);
            throw;
        }
    }
}
