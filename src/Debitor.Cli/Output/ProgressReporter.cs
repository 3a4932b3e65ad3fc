using System.Diagnostics;
using System.Globalization;

namespace Debitor.Cli.Output;

/// <summary>
/// Shows how far long work is: on a terminal a bar with counts and elapsed time redrawn in place, when the stream is
/// redirected a plain line at every tenth. Work under <see cref="Threshold"/> items shows nothing. Counts and seconds are
/// written in the command's language (<c>10.000 von 100.000 (5,5 s)</c> in German, D16.268).
/// </summary>
/// <param name="writer">The error stream.</param>
/// <param name="what">What is counted, in the command's language.</param>
/// <param name="total">How many items the work has.</param>
/// <param name="terminal">Whether the stream is a terminal (a bar) or redirected (plain lines).</param>
/// <param name="culture">The command's culture; invariant when not given.</param>
/// <param name="of">The word between count and total in the command's language.</param>
internal sealed class ProgressReporter(TextWriter writer, string what, long total, bool terminal, CultureInfo? culture = null, string of = "of")
{
    public const long Threshold = 2_000;

    private readonly CultureInfo _culture = culture ?? CultureInfo.InvariantCulture;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;
    private long _nextLine = Math.Max(1, total / 10);
    private long _lastDraw;

    public TimeSpan Elapsed => _clock.Elapsed;

    private bool Shown => total >= Threshold;

    public void Advance(long count = 1)
    {
        _done += count;
        if (!Shown)
        {
            return;
        }

        if (terminal)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastDraw >= 100 || _done >= total)
            {
                _lastDraw = now;
                var width = 30;
                var filled = (int)Math.Min(width, total == 0 ? width : _done * width / total);
                writer.Write(string.Create(_culture, $"\r{what} [{new string('#', filled)}{new string('.', width - filled)}] {_done:N0}/{total:N0} {_clock.Elapsed:mm\\:ss}"));
            }
        }
        else if (_done >= _nextLine || _done == total)
        {
            _nextLine += Math.Max(1, total / 10);
            writer.WriteLine(string.Create(_culture, $"{what}: {_done:N0} {of} {total:N0} ({_clock.Elapsed.TotalSeconds:0.0} s)"));
        }
    }

    /// <summary>The line of a finished step: <c>what: count (seconds)</c>, for work of at least <see cref="Threshold"/> items.</summary>
    public static void Stage(TextWriter writer, string what, long count, TimeSpan elapsed, CultureInfo? culture = null)
    {
        if (count >= Threshold)
        {
            writer.WriteLine(string.Create(culture ?? CultureInfo.InvariantCulture, $"{what}: {count:N0} ({elapsed.TotalSeconds:0.0} s)"));
        }
    }

    public void Done()
    {
        if (Shown && terminal)
        {
            writer.WriteLine();
        }
    }
}
