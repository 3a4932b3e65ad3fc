
namespace Debitor.Core.Interest;

/// <summary>
/// Walks a range of interest days period by period: a new period starts wherever the scheme's rate changes
/// and, for act/act, on every 1 January. No allocation, no per-day loop.
/// </summary>
/// <remarks>A mutable struct: copy it to walk the same range twice.</remarks>
internal struct PeriodCursor
{
    private readonly RateSegments _segments;
    private readonly DayCountConvention _dayCount;
    private readonly LocalDate _lastDay;
    private readonly int _lastNumber;
    private LocalDate _nextFirst;
    private int _nextNumber;
    private int _segment;

    /// <summary>Starts a walk; the arguments must have been validated (see <see cref="InterestCalculator"/>).</summary>
    internal PeriodCursor(InterestScheme scheme, LocalDate firstDay, int firstNumber, int segment, LocalDate lastDay, int lastNumber)
    {
        _segments = scheme.Segments;
        _dayCount = scheme.DayCount;
        _lastDay = lastDay;
        _lastNumber = lastNumber;
        _nextFirst = firstDay;
        _nextNumber = firstNumber;
        _segment = segment;
    }

    /// <summary>The first day of the current period.</summary>
    internal LocalDate FirstDay { get; private set; }

    /// <summary>The last day of the current period.</summary>
    internal LocalDate LastDay { get; private set; }

    /// <summary>The interest days of the current period under the day count.</summary>
    internal int Days { get; private set; }

    /// <summary>The annual rate in percent of the current period, never negative.</summary>
    internal decimal RatePercent { get; private set; }

    /// <summary>The factor that brings the current period onto the day count's common denominator.</summary>
    internal decimal YearFactor { get; private set; }

    /// <summary>The number of periods left, without moving this cursor.</summary>
    internal readonly int CountPeriods()
    {
        if (_nextNumber > _lastNumber)
        {
            return 0;
        }

        if (_dayCount != DayCountConvention.ActualActual)
        {
            // One period per rate segment touched by the range.
            return _segments.IndexOf(_lastNumber) - _segment + 1;
        }

        var count = 0;
        for (var walker = this; walker.MoveNext();)
        {
            count++;
        }

        return count;
    }

    /// <summary>Moves to the next period.</summary>
    /// <returns><see langword="false"/> when the range is exhausted.</returns>
    internal bool MoveNext()
    {
        if (_nextNumber > _lastNumber)
        {
            return false;
        }

        var first = _nextFirst;
        var firstNumber = _nextNumber;
        var rate = _segments.Rates[_segment];
        var starts = _segments.Starts;
        var rateChanges = _segment + 1 < starts.Length && starts[_segment + 1] <= _lastNumber;
        var last = rateChanges ? _segments.LastDates[_segment] : _lastDay;
        var lastNumber = rateChanges ? starts[_segment + 1] - 1 : _lastNumber;

        if (_dayCount == DayCountConvention.ActualActual && last.Year != first.Year)
        {
            // Split at the year end; the rate segment goes on into the next year.
            lastNumber = firstNumber + (DateTime.IsLeapYear(first.Year) ? 366 : 365) - first.DayOfYear;
            last = new LocalDate(first.Year, 12, 31);
            _nextFirst = new LocalDate(first.Year + 1, 1, 1);
        }
        else if (rateChanges)
        {
            _segment++;
            _nextFirst = _segments.StartDates[_segment];
        }

        _nextNumber = lastNumber + 1;
        FirstDay = first;
        LastDay = last;
        Days = DayCounter.Days(_dayCount, first, last, firstNumber, lastNumber);
        RatePercent = rate;
        YearFactor = DayCounter.YearFactor(_dayCount, first.Year);
        return true;
    }
}
