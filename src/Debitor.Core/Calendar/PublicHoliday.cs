using NodaTime.Text;

namespace Debitor.Core.Calendar;

/// <summary>A public holiday on a particular date, as listed by <see cref="BusinessCalendar.HolidaysIn"/>.</summary>
/// <remarks>
/// Two instances are equal when date, key and both names are equal. A holiday may fall on a weekend;
/// it is listed all the same. Instances are immutable and thread-safe.
/// </remarks>
public sealed record PublicHoliday
{
    internal PublicHoliday(LocalDate date, HolidayRule rule)
    {
        Date = date;
        Key = rule.Key;
        Name = rule.Name;
        EnglishName = rule.EnglishName;
    }

    /// <summary>Gets the date of the holiday, in the ISO calendar.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the stable key of the holiday, for example <c>"christmas-day"</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the German name, for example <c>"1. Weihnachtstag"</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the English name, for example <c>"Christmas Day"</c>.</summary>
    public string EnglishName { get; }

    /// <summary>Formats the holiday as its ISO date and German name, for example <c>"2026-12-25 1. Weihnachtstag"</c>.</summary>
    /// <returns>The culture-invariant text.</returns>
    public override string ToString() => string.Concat(LocalDatePattern.Iso.Format(Date), " ", Name);
}
