using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;

namespace Debitor.Core.Calendar;

/// <summary>Guards for the arguments of the business calendar.</summary>
internal static class CalendarGuardExtensions
{
    /// <summary>
    /// Throws unless <paramref name="date"/> is in the ISO calendar and its year is one the business
    /// calendar supports (<see cref="Easter.MinYear"/> to <see cref="Easter.MaxYear"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year of <paramref name="date"/> is not supported.</exception>
    public static LocalDate UnsupportedDate(
        this IGuardClause guardClause,
        LocalDate date,
        [CallerArgumentExpression(nameof(date))] string? parameterName = null)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(
                "Business calendar dates must be in the ISO calendar; convert them with WithCalendar(CalendarSystem.Iso).",
                parameterName);
        }

        guardClause.UnsupportedYear(date.Year, parameterName);
        return date;
    }

    /// <summary>
    /// Throws unless <paramref name="year"/> is from <see cref="Easter.MinYear"/> to <see cref="Easter.MaxYear"/> inclusive.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is not supported.</exception>
    public static int UnsupportedYear(
        this IGuardClause guardClause,
        int year,
        [CallerArgumentExpression(nameof(year))] string? parameterName = null)
    {
        if (year is < Easter.MinYear or > Easter.MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                year,
                $"The business calendar supports the years {Easter.MinYear} to {Easter.MaxYear}.");
        }

        return year;
    }

    /// <summary>Throws unless <paramref name="dayOfWeek"/> is Monday to Sunday (<see cref="IsoDayOfWeek.None"/> and undefined values are rejected).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dayOfWeek"/> is not a day of the week.</exception>
    public static IsoDayOfWeek NotADayOfWeek(
        this IGuardClause guardClause,
        IsoDayOfWeek dayOfWeek,
        [CallerArgumentExpression(nameof(dayOfWeek))] string? parameterName = null)
    {
        if (dayOfWeek is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(parameterName, dayOfWeek, "Expected a day of the week from Monday to Sunday.");
        }

        return dayOfWeek;
    }
}
