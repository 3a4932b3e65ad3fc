using System.Collections.ObjectModel;

namespace Debitor.Core.Calendar;

/// <summary>The holidays of one calendar in one year, computed once and then only read.</summary>
/// <remarks>Immutable after construction, so it can be shared between threads without locking.</remarks>
internal sealed class HolidayYear
{
    // Indexed by LocalDate.DayOfYear (1 to 366); index 0 is unused.
    private readonly bool[] _isHoliday = new bool[367];

    private HolidayYear(ReadOnlyCollection<PublicHoliday> holidays)
    {
        Holidays = holidays;
        foreach (var holiday in holidays)
        {
            _isHoliday[holiday.Date.DayOfYear] = true;
        }
    }

    /// <summary>Gets the holidays sorted by date, then by the order of their rules; one entry per date and key.</summary>
    public ReadOnlyCollection<PublicHoliday> Holidays { get; }

    /// <summary>Evaluates <paramref name="rules"/> for <paramref name="year"/>.</summary>
    public static HolidayYear Compute(int year, IEnumerable<HolidayRule> rules)
    {
        var occurrences = new List<PublicHoliday>();
        foreach (var rule in rules)
        {
            if (rule.DateIn(year) is { } date)
            {
                occurrences.Add(new PublicHoliday(date, rule));
            }
        }

        var holidays = occurrences
            .DistinctBy(holiday => (holiday.Date, holiday.Key))
            .OrderBy(holiday => holiday.Date) // stable: rule order breaks ties
            .ToArray();
        return new HolidayYear(Array.AsReadOnly(holidays));
    }

    /// <summary>Whether <paramref name="date"/>, which must lie in this year, is a holiday.</summary>
    public bool IsHoliday(LocalDate date) => _isHoliday[date.DayOfYear];
}
