using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace Debitor.Core.Calendar;

/// <summary>
/// Which days are business days: every day that is neither a weekend day nor a public holiday.
/// Moves deadlines off weekends and holidays (§ 193 BGB) and counts business days.
/// </summary>
/// <remarks>
/// <para>
/// Start from a built-in calendar (<see cref="Germany"/>, <see cref="Austria"/>, <see cref="Switzerland"/>,
/// <see cref="WeekendsOnly"/>) and refine it with <see cref="WithHolidays"/> and <see cref="WithWeekendDays"/>;
/// each returns a new calendar and leaves the original unchanged. The weekend is Saturday and Sunday unless configured.
/// </para>
/// <para>
/// Dates must be in the ISO calendar and in the years <see cref="Easter.MinYear"/> to <see cref="Easter.MaxYear"/>;
/// <c>default(LocalDate)</c> (1 January of year 1) is therefore rejected.
/// </para>
/// <para>
/// A calendar is immutable and all members are thread-safe. The holidays of a year are computed on first use and
/// cached per calendar instance, so keep and reuse a calendar rather than rebuilding it per item; the built-in
/// factories return shared instances.
/// </para>
/// </remarks>
public sealed class BusinessCalendar
{
    // Bit n is set when IsoDayOfWeek n (Monday = 1 ... Sunday = 7) is a weekend day.
    private const int SaturdayAndSunday = (1 << (int)IsoDayOfWeek.Saturday) | (1 << (int)IsoDayOfWeek.Sunday);
    private const int EveryDay = 0b1111_1110;

    private static readonly BusinessCalendar GermanyNationwide = new(GermanHolidays.Nationwide, SaturdayAndSunday, "de");
    private static readonly FrozenDictionary<GermanState, BusinessCalendar> GermanStates =
        Enum.GetValues<GermanState>().ToFrozenDictionary(state => state, state => new BusinessCalendar(GermanHolidays.For(state), SaturdayAndSunday, "de-" + state));

    private static readonly BusinessCalendar AustriaCalendar = new(AustrianHolidays.Nationwide, SaturdayAndSunday, "at");
    private static readonly BusinessCalendar SwitzerlandCalendar = new(SwissHolidays.Common, SaturdayAndSunday, "ch");

    private readonly ImmutableArray<HolidayRule> _rules;
    private readonly int _weekendMask;
    private readonly ConcurrentDictionary<int, HolidayYear> _years = new();

    private BusinessCalendar(ImmutableArray<HolidayRule> rules, int weekendMask, string builtIn, int builtInRules = -1)
    {
        BuiltIn = builtIn;
        BuiltInRuleCount = builtInRules < 0 ? rules.Length : builtInRules;
        _rules = rules;
        _weekendMask = weekendMask;
        HolidayRules = rules;
        WeekendDays = [.. Enum.GetValues<IsoDayOfWeek>().Where(IsWeekendDay)];
    }

    /// <summary>Gets a calendar whose only non-business days are Saturdays and Sundays; it has no holidays.</summary>
    /// <remarks>The starting point for a calendar built entirely from a host's own rules.</remarks>
    public static BusinessCalendar WeekendsOnly { get; } = new([], SaturdayAndSunday, "none");

    /// <summary>The name of the built-in calendar this one starts from (<c>de</c>, <c>de-Bayern</c>, <c>at</c>, <c>ch</c>, <c>none</c>), for the settings format.</summary>
    internal string BuiltIn { get; }

    /// <summary>How many of <see cref="HolidayRules"/> come from <see cref="BuiltIn"/>; the rest were added.</summary>
    internal int BuiltInRuleCount { get; }

    /// <summary>Gets the weekend days, Monday first.</summary>
    public IReadOnlyList<IsoDayOfWeek> WeekendDays { get; }

    /// <summary>Gets the holiday rules, in the order they were added.</summary>
    public IReadOnlyList<HolidayRule> HolidayRules { get; }

    /// <summary>Returns the calendar of German public holidays, nationwide or for one state, with a Saturday and Sunday weekend.</summary>
    /// <param name="state">
    /// The state whose holidays are added to the nationwide ones, or <see langword="null"/> for the nationwide holidays only.
    /// </param>
    /// <returns>A shared, immutable calendar.</returns>
    /// <remarks>
    /// Nationwide: Neujahr, Karfreitag, Ostermontag, Tag der Arbeit, Christi Himmelfahrt, Pfingstmontag,
    /// Tag der Deutschen Einheit (from 1990), 1. and 2. Weihnachtstag, the one-off Reformationstag 2017, and
    /// Buß- und Bettag until 1994. A state adds only the holidays that apply throughout the state; holidays of
    /// some municipalities (Mariä Himmelfahrt in Bayern, Fronleichnam in parts of Sachsen and Thüringen, the
    /// Augsburger Friedensfest) are left to the host, see <see cref="WithHolidays"/>.
    /// </remarks>
    /// <exception cref="System.ComponentModel.InvalidEnumArgumentException"><paramref name="state"/> is not a defined <see cref="GermanState"/>.</exception>
    public static BusinessCalendar Germany(GermanState? state = null)
    {
        if (state is not { } value)
        {
            return GermanyNationwide;
        }

        Guard.Against.EnumOutOfRange(value, nameof(state));
        return GermanStates[value];
    }

    /// <summary>Returns the calendar of the Austrian public holidays with a Saturday and Sunday weekend.</summary>
    /// <returns>A shared, immutable calendar.</returns>
    /// <remarks>
    /// The thirteen holidays of the Arbeitsruhegesetz: Neujahr, Heilige Drei Könige, Ostermontag, Staatsfeiertag (1 May),
    /// Christi Himmelfahrt, Pfingstmontag, Fronleichnam, Mariä Himmelfahrt, Nationalfeiertag (26 October, from 1967),
    /// Allerheiligen, Mariä Empfängnis, Christtag and Stefanitag.
    /// </remarks>
    public static BusinessCalendar Austria() => AustriaCalendar;

    /// <summary>Returns the calendar of the Swiss holidays observed in almost every canton, with a Saturday and Sunday weekend.</summary>
    /// <returns>A shared, immutable calendar.</returns>
    /// <remarks>
    /// The federal Bundesfeiertag (1 August, from 1994) plus Neujahrstag, Karfreitag, Ostermontag, Auffahrt, Pfingstmontag,
    /// Weihnachtstag and Stephanstag. Holidays are cantonal law in Switzerland; add a canton's further holidays with
    /// <see cref="WithHolidays"/>.
    /// </remarks>
    public static BusinessCalendar Switzerland() => SwitzerlandCalendar;

    /// <summary>Returns a calendar with the holidays of this one plus <paramref name="holidays"/>.</summary>
    /// <param name="holidays">The host's own rules: yearly holidays, Easter-based ones, or explicit dates made with <see cref="HolidayRule.Once"/>.</param>
    /// <returns>A new calendar with the same weekend days; this one is unchanged.</returns>
    /// <remarks>
    /// A rule whose key and date equal those of an existing holiday adds no second entry to <see cref="HolidaysIn"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="holidays"/> contains <see langword="null"/>.</exception>
    public BusinessCalendar WithHolidays(params IEnumerable<HolidayRule> holidays)
    {
        Guard.Against.Null(holidays);
        var added = holidays.ToImmutableArray();
        if (added.Any(rule => rule is null))
        {
            throw new ArgumentException("The holiday rules must not contain null.", nameof(holidays));
        }

        return new BusinessCalendar(_rules.AddRange(added), _weekendMask, BuiltIn, BuiltInRuleCount);
    }

    /// <summary>Returns a calendar with the holidays of this one and <paramref name="weekendDays"/> as its weekend.</summary>
    /// <param name="weekendDays">
    /// The days that are never business days, for example Friday and Saturday; duplicates are ignored.
    /// An empty set makes every day that is not a holiday a business day.
    /// </param>
    /// <returns>A new calendar with the same holidays; this one is unchanged.</returns>
    /// <remarks>
    /// § 193 BGB names Saturday and Sunday; another weekend is treated the same way by <see cref="AdjustDeadline"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="weekendDays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekendDays"/> contains a value that is not Monday to Sunday.</exception>
    /// <exception cref="ArgumentException"><paramref name="weekendDays"/> contains all seven days, which would leave no business day.</exception>
    public BusinessCalendar WithWeekendDays(params IEnumerable<IsoDayOfWeek> weekendDays)
    {
        Guard.Against.Null(weekendDays);
        var mask = 0;
        foreach (var day in weekendDays)
        {
            Guard.Against.NotADayOfWeek(day, nameof(weekendDays));
            mask |= 1 << (int)day;
        }

        if (mask == EveryDay)
        {
            throw new ArgumentException("A calendar needs at least one weekday that is not a weekend day.", nameof(weekendDays));
        }

        return new BusinessCalendar(_rules, mask, BuiltIn, BuiltInRuleCount);
    }

    /// <summary>Returns whether <paramref name="date"/> is a public holiday of this calendar, whatever its weekday.</summary>
    /// <param name="date">The date, in the ISO calendar.</param>
    /// <returns><see langword="true"/> when a holiday rule yields <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year of <paramref name="date"/> is before <see cref="Easter.MinYear"/> or after <see cref="Easter.MaxYear"/>.</exception>
    public bool IsHoliday(LocalDate date)
    {
        Guard.Against.UnsupportedDate(date);
        return YearOf(date.Year).IsHoliday(date);
    }

    /// <summary>Returns whether <paramref name="date"/> is a business day: neither a weekend day nor a public holiday.</summary>
    /// <param name="date">The date, in the ISO calendar.</param>
    /// <returns><see langword="true"/> for a business day.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year of <paramref name="date"/> is before <see cref="Easter.MinYear"/> or after <see cref="Easter.MaxYear"/>.</exception>
    public bool IsBusinessDay(LocalDate date)
    {
        Guard.Against.UnsupportedDate(date);
        return IsBusinessDayCore(date);
    }

    /// <summary>Returns the public holidays of <paramref name="year"/>, including those that fall on a weekend.</summary>
    /// <param name="year">The year, from <see cref="Easter.MinYear"/> to <see cref="Easter.MaxYear"/>.</param>
    /// <returns>
    /// The holidays sorted by date; holidays on the same date keep the order of their rules. A date and key appear once.
    /// The list is read-only and may be shared between callers.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before <see cref="Easter.MinYear"/> or after <see cref="Easter.MaxYear"/>.</exception>
    public IReadOnlyList<PublicHoliday> HolidaysIn(int year)
    {
        Guard.Against.UnsupportedYear(year);
        return YearOf(year).Holidays;
    }

    /// <summary>Returns the first business day strictly after <paramref name="date"/>.</summary>
    /// <param name="date">The date, in the ISO calendar; it need not be a business day.</param>
    /// <returns>The next business day; never <paramref name="date"/> itself.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year of <paramref name="date"/> is not supported, or no business day follows it before the end of <see cref="Easter.MaxYear"/>.
    /// </exception>
    public LocalDate NextBusinessDay(LocalDate date)
    {
        Guard.Against.UnsupportedDate(date);
        return NextBusinessDayCore(date, nameof(date));
    }

    /// <summary>
    /// Applies § 193 BGB to a deadline: if it ends on a weekend day or a public holiday, it moves to the next business day;
    /// a deadline on a business day stays as it is.
    /// </summary>
    /// <param name="deadline">The last day of the deadline as computed without regard to weekends and holidays, in the ISO calendar.</param>
    /// <returns><paramref name="deadline"/> if it is a business day, otherwise the next business day.</returns>
    /// <remarks>
    /// Only the end of a deadline moves, and only forward. For example, a deadline on Saturday 3 October 2026
    /// (a Saturday and Tag der Deutschen Einheit) moves to Monday 5 October 2026, and one on Good Friday, 3 April 2026,
    /// to Tuesday 7 April 2026. Whose holidays count (the place of performance or of the declaration) is the host's
    /// choice of calendar.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="deadline"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year of <paramref name="deadline"/> is not supported, or no business day follows it before the end of <see cref="Easter.MaxYear"/>.
    /// </exception>
    public LocalDate AdjustDeadline(LocalDate deadline)
    {
        Guard.Against.UnsupportedDate(deadline);
        return IsBusinessDayCore(deadline) ? deadline : NextBusinessDayCore(deadline, nameof(deadline));
    }

    /// <summary>Moves <paramref name="days"/> business days forward (or backward, when negative) from <paramref name="date"/>.</summary>
    /// <param name="date">The starting date, in the ISO calendar; it need not be a business day and is never counted itself.</param>
    /// <param name="days">The number of business days; negative to count backward, 0 to return <paramref name="date"/> unchanged.</param>
    /// <returns>
    /// The business day reached after counting <paramref name="days"/> business days; for example, one business day after a
    /// Friday or a Saturday is the following Monday (if it is not a holiday). With <paramref name="days"/> = 0 the result
    /// is <paramref name="date"/> even if it is not a business day; use <see cref="AdjustDeadline"/> to move it.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year of <paramref name="date"/> is not supported, or counting <paramref name="days"/> business days would leave
    /// the years <see cref="Easter.MinYear"/> to <see cref="Easter.MaxYear"/>.
    /// </exception>
    public LocalDate AddBusinessDays(LocalDate date, int days)
    {
        Guard.Against.UnsupportedDate(date);
        var step = Math.Sign(days);
        var remaining = Math.Abs((long)days);
        var current = date;
        while (remaining > 0)
        {
            current = Step(current, step, nameof(days));
            if (IsBusinessDayCore(current))
            {
                remaining--;
            }
        }

        return current;
    }

    private static LocalDate Step(LocalDate date, int step, string parameterName)
    {
        var next = date.PlusDays(step);
        if (next.Year is < Easter.MinYear or > Easter.MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"No business day is reached before leaving the supported years {Easter.MinYear} to {Easter.MaxYear}.");
        }

        return next;
    }

    private LocalDate NextBusinessDayCore(LocalDate date, string parameterName)
    {
        var current = date;
        do
        {
            current = Step(current, 1, parameterName);
        }
        while (!IsBusinessDayCore(current));

        return current;
    }

    private bool IsBusinessDayCore(LocalDate date) => !IsWeekendDay(date.DayOfWeek) && !YearOf(date.Year).IsHoliday(date);

    private bool IsWeekendDay(IsoDayOfWeek day) => (_weekendMask & (1 << (int)day)) != 0;

    private HolidayYear YearOf(int year) =>
        _years.GetOrAdd(year, static (y, rules) => HolidayYear.Compute(y, rules), _rules);
}
