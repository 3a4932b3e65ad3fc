using Debitor.Core.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace Debitor.Core.Tests.Calendar;

/// <summary>A Gregorian year the calendar supports.</summary>
public readonly record struct SupportedYear(int Value);

/// <summary>A calendar, named for readable counterexamples, and a date well inside the supported range.</summary>
public sealed record CalendarAndDate(string CalendarName, BusinessCalendar Calendar, LocalDate Date)
{
    public override string ToString() => $"{CalendarName} {Date:uuuu-MM-dd}";
}

/// <summary>FsCheck generators that produce only valid calendar inputs.</summary>
public static class CalendarArbitraries
{
    // Ten years short of the end of the supported range, so that counting a few hundred business days
    // forward stays inside it even with a one-day working week.
    private static readonly LocalDate FirstDate = new(Easter.MinYear, 1, 1);
    private static readonly LocalDate LastDate = new(Easter.MaxYear - 10, 12, 31);

    private static readonly (string Name, BusinessCalendar Calendar)[] Calendars =
    [
        ("Germany", BusinessCalendar.Germany()),
        .. Enum.GetValues<GermanState>().Select(state => ($"Germany/{state}", BusinessCalendar.Germany(state))),
        ("Austria", BusinessCalendar.Austria()),
        ("Switzerland", BusinessCalendar.Switzerland()),
        ("WeekendsOnly", BusinessCalendar.WeekendsOnly),
        ("Friday-Saturday weekend", BusinessCalendar.Germany().WithWeekendDays(IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday)),
        ("No weekend", BusinessCalendar.Austria().WithWeekendDays()),
        ("Six-day weekend", BusinessCalendar.WeekendsOnly.WithWeekendDays(
            IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday)),
    ];

    public static Arbitrary<SupportedYear> SupportedYears() =>
        Gen.Choose(Easter.MinYear, Easter.MaxYear).Select(year => new SupportedYear(year)).ToArbitrary();

    public static Arbitrary<CalendarAndDate> CalendarsAndDates()
    {
        var days = Period.DaysBetween(FirstDate, LastDate);
        var dates = Gen.OneOf(
            Gen.Choose(0, days).Select(FirstDate.PlusDays),
            // Dense around today's years, where holidays cluster and deadlines are computed.
            Gen.Choose(0, 3 * 366).Select(new LocalDate(2025, 1, 1).PlusDays));
        return Gen.Elements(Calendars)
            .SelectMany(_ => dates, (calendar, date) => new CalendarAndDate(calendar.Name, calendar.Calendar, date))
            .ToArbitrary();
    }
}
