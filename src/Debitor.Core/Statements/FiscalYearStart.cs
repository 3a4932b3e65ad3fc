using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Statements;

/// <summary>The first day of the company's fiscal year (German <em>Wirtschaftsjahr</em>), as a month and day, e.g. 1 July.</summary>
/// <remarks>
/// The day must exist in every year, so February allows 1–28. A fiscal year runs from its start day up to and including
/// the day before the next start. Immutable; thread-safe.
/// </remarks>
public sealed record FiscalYearStart
{
    /// <summary>Creates a fiscal-year start.</summary>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day of the month; at most 28 in February, 30 in April, June, September, November, else 31.</param>
    /// <exception cref="ArgumentOutOfRangeException">The month or day is out of range.</exception>
    public FiscalYearStart(int month, int day)
    {
        Month = Guard.Against.OutOfRange(month, nameof(month), 1, 12);
        var longest = month == 2 ? 28 : CalendarSystem.Iso.GetDaysInMonth(2001, month);
        Day = Guard.Against.OutOfRange(day, nameof(day), 1, longest);
    }

    /// <summary>The calendar year: 1 January.</summary>
    public static FiscalYearStart January1 { get; } = new(1, 1);

    /// <summary>The month the fiscal year starts in.</summary>
    public int Month { get; }

    /// <summary>The day of the month the fiscal year starts on.</summary>
    public int Day { get; }

    /// <summary>The fiscal year that contains a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fiscal year, both ends inclusive.</returns>
    public DateInterval YearContaining(LocalDate date)
    {
        var start = new LocalDate(date.Year, Month, Day);
        if (start > date)
        {
            start = start.PlusYears(-1);
        }

        return new DateInterval(start, start.PlusYears(1).PlusDays(-1));
    }

    /// <summary>The start as text, e.g. <c>"--07-01"</c> (ISO 8601 month and day).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"--{Month:00}-{Day:00}");
}
