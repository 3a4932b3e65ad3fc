
namespace Debitor.Core.Interest;

/// <summary>Day counting and the fixed denominators of exact interest, per <see cref="DayCountConvention"/>.</summary>
/// <remarks>
/// Exact interest is kept as a fraction <c>numerator / denominator</c> whose denominator depends only on the
/// day count, so that the amounts of adjacent periods add up without any loss:
/// <c>numerator = principal × rate percent × days × yearFactor</c> and
/// <c>denominator = 100 × basis</c>. For <see cref="DayCountConvention.ActualActual"/> the basis is the
/// common multiple 365 × 366 and the year factor is 366 for a common year and 365 for a leap year.
/// </remarks>
internal static class DayCounter
{
    private const decimal ActualActualDenominator = 100m * 365m * 366m;

    /// <summary>The denominator of exact interest for a day count.</summary>
    internal static decimal Denominator(DayCountConvention dayCount) => dayCount switch
    {
        DayCountConvention.Actual365Fixed => 36_500m,
        DayCountConvention.ActualActual => ActualActualDenominator,
        _ => 36_000m,
    };

    /// <summary>The factor that brings a period's numerator onto the common denominator.</summary>
    /// <param name="dayCount">The day count.</param>
    /// <param name="year">The calendar year the period lies in (only used by act/act).</param>
    internal static decimal YearFactor(DayCountConvention dayCount, int year) =>
        dayCount != DayCountConvention.ActualActual ? 1m
        : DateTime.IsLeapYear(year) ? 365m : 366m;

    /// <summary>The interest days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    /// <param name="dayCount">The day count.</param>
    /// <param name="first">The first interest day.</param>
    /// <param name="last">The last interest day, not before <paramref name="first"/>.</param>
    /// <param name="firstNumber">The day number of <paramref name="first"/>.</param>
    /// <param name="lastNumber">The day number of <paramref name="last"/>.</param>
    internal static int Days(DayCountConvention dayCount, LocalDate first, LocalDate last, int firstNumber, int lastNumber) =>
        dayCount == DayCountConvention.Thirty360
            ? Thirty360Ordinal(last) - Thirty360OrdinalBefore(first)
            : lastNumber - firstNumber + 1;

    /// <summary>A number that grows by the 30/360 weight of each day: the 31st maps to the 30th, February's last day to the 30th.</summary>
    private static int Thirty360Ordinal(LocalDate date)
    {
        var day = date.Day;
        if (day == 31 || (date.Month == 2 && day == DateTime.DaysInMonth(date.Year, 2)))
        {
            day = 30;
        }

        return (360 * date.Year) + (30 * (date.Month - 1)) + day;
    }

    /// <summary>
    /// The ordinal of the day before <paramref name="date"/>. Written out rather than computed from the
    /// previous date: the day before the 1st is a month end, which maps to the 30th of the previous month,
    /// and the day before any other day is at most the 30th and never February's last day.
    /// </summary>
    private static int Thirty360OrdinalBefore(LocalDate date) => (360 * date.Year) + (30 * (date.Month - 1)) + date.Day - 1;

    /// <summary>A day number that grows by one per calendar day.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the year 1.</exception>
    internal static int Number(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Dates must be in the ISO calendar.", paramName);
        }

        if (date.Year < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, date, "Dates must be in the years 1 to 9999.");
        }

        return date.ToDateOnly().DayNumber;
    }
}
