using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime.Text;

namespace Debitor.Core.Calendar;

/// <summary>
/// When a public holiday falls: an immutable description such as "every 3 October from 1990",
/// "Easter Sunday plus 60 days" or "the Wednesday before 23 November", together with the
/// holiday's stable key and its names.
/// </summary>
/// <remarks>
/// <para>
/// A rule is data: create it with <see cref="Fixed"/>, <see cref="EasterOffset"/>, <see cref="WeekdayBefore"/>
/// or <see cref="Once"/>, and restrict it to a span of years with <see cref="ValidFrom"/> and <see cref="ValidUntil"/>
/// (both return a new rule). <see cref="DateIn"/> evaluates it for one year.
/// </para>
/// <para>
/// The <see cref="Key"/> identifies the holiday, not the rule: several rules may share a key (for example the
/// one-off nationwide Reformation Day 2017 and a state's yearly Reformation Day). A calendar lists a holiday
/// once per date and key.
/// </para>
/// <para>
/// Years are Gregorian years from <see cref="Easter.MinYear"/> to <see cref="Easter.MaxYear"/>. Instances are immutable
/// and thread-safe.
/// </para>
/// </remarks>
public sealed class HolidayRule
{
    // The earliest Easter Sunday is 22 March (day 81 or 82 of the year), the latest 25 April
    // (day 115 or 116): within these offsets the holiday always falls in the same year as its Easter.
    private const int MinEasterOffset = -80;
    private const int MaxEasterOffset = 250;

    private readonly RuleKind _kind;
    private readonly int _month;
    private readonly int _day;
    private readonly int _easterOffset;
    private readonly IsoDayOfWeek _dayOfWeek;
    private readonly LocalDate _date;

    private HolidayRule(
        RuleKind kind,
        string key,
        string name,
        string englishName,
        int month = 0,
        int day = 0,
        int easterOffset = 0,
        IsoDayOfWeek dayOfWeek = IsoDayOfWeek.None,
        LocalDate date = default,
        int? firstYear = null,
        int? lastYear = null)
    {
        _kind = kind;
        Key = key;
        Name = name;
        EnglishName = englishName;
        _month = month;
        _day = day;
        _easterOffset = easterOffset;
        _dayOfWeek = dayOfWeek;
        _date = date;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The rule's definition as plain values, for the settings format (<c>Serialization.SettingsJson</c>).</summary>
    internal (string Kind, int Month, int Day, int EasterOffset, IsoDayOfWeek DayOfWeek, LocalDate Date) Definition =>
        (_kind.ToString(), _month, _day, _easterOffset, _dayOfWeek, _date);

    private enum RuleKind
    {
        Fixed,
        EasterOffset,
        WeekdayBefore,
        Once,
    }

    /// <summary>Gets the stable key of the holiday, for example <c>"german-unity-day"</c>; compared ordinally.</summary>
    public string Key { get; }

    /// <summary>Gets the holiday's name in German, for example <c>"Tag der Deutschen Einheit"</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the holiday's name in English, for example <c>"German Unity Day"</c>.</summary>
    public string EnglishName { get; }

    /// <summary>Gets the first year (inclusive) in which the rule applies, or <see langword="null"/> when it has no lower bound.</summary>
    public int? FirstYear { get; }

    /// <summary>Gets the last year (inclusive) in which the rule applies, or <see langword="null"/> when it has no upper bound.</summary>
    public int? LastYear { get; }

    /// <summary>Creates a rule for a holiday on the same day every year, such as Christmas Day on 25 December.</summary>
    /// <param name="key">The stable key of the holiday.</param>
    /// <param name="name">The German name.</param>
    /// <param name="englishName">The English name.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month. 29 February is allowed and yields a holiday in leap years only.</param>
    /// <returns>A rule without year bounds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> or <paramref name="day"/> does not name a day of the year.</exception>
    public static HolidayRule Fixed(string key, string name, string englishName, int month, int day)
    {
        GuardNames(key, name, englishName);
        GuardMonthAndDay(month, day, allowLeapDay: true);
        return new HolidayRule(RuleKind.Fixed, key, name, englishName, month: month, day: day);
    }

    /// <summary>
    /// Creates a rule for a holiday a fixed number of days before or after Easter Sunday,
    /// such as Good Friday (-2), Easter Monday (1), Ascension Day (39), Whit Monday (50) or Corpus Christi (60).
    /// </summary>
    /// <param name="key">The stable key of the holiday.</param>
    /// <param name="name">The German name.</param>
    /// <param name="englishName">The English name.</param>
    /// <param name="daysFromEasterSunday">
    /// Days from Easter Sunday, from -80 to 250 inclusive (the range in which the holiday always stays
    /// in the same calendar year as its Easter); 0 is Easter Sunday itself.
    /// </param>
    /// <returns>A rule without year bounds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysFromEasterSunday"/> is outside -80 to 250.</exception>
    public static HolidayRule EasterOffset(string key, string name, string englishName, int daysFromEasterSunday)
    {
        GuardNames(key, name, englishName);
        Guard.Against.OutOfRange(daysFromEasterSunday, nameof(daysFromEasterSunday), MinEasterOffset, MaxEasterOffset);
        return new HolidayRule(RuleKind.EasterOffset, key, name, englishName, easterOffset: daysFromEasterSunday);
    }

    /// <summary>
    /// Creates a rule for a holiday on the last given weekday strictly before a day of the year,
    /// such as the German Day of Repentance and Prayer (Buß- und Bettag): the Wednesday before 23 November.
    /// </summary>
    /// <param name="key">The stable key of the holiday.</param>
    /// <param name="name">The German name.</param>
    /// <param name="englishName">The English name.</param>
    /// <param name="dayOfWeek">The weekday of the holiday.</param>
    /// <param name="month">The month of the reference day, 1 to 12.</param>
    /// <param name="day">
    /// The day of the month of the reference day. The reference day itself is never the holiday; the holiday is
    /// 1 to 7 days earlier. It must exist in every year (not 29 February) and be on or after 8 January,
    /// so the holiday stays in the same year.
    /// </param>
    /// <returns>A rule without year bounds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="dayOfWeek"/> is not Monday to Sunday, or <paramref name="month"/> and <paramref name="day"/>
    /// do not name a day from 8 January to 31 December that exists in every year.
    /// </exception>
    public static HolidayRule WeekdayBefore(string key, string name, string englishName, IsoDayOfWeek dayOfWeek, int month, int day)
    {
        GuardNames(key, name, englishName);
        Guard.Against.NotADayOfWeek(dayOfWeek);
        GuardMonthAndDay(month, day, allowLeapDay: false);
        if (month == 1)
        {
            Guard.Against.OutOfRange(day, nameof(day), 8, 31, "The reference day must be on or after 8 January so the holiday stays in the same year.");
        }

        return new HolidayRule(RuleKind.WeekdayBefore, key, name, englishName, month: month, day: day, dayOfWeek: dayOfWeek);
    }

    /// <summary>
    /// Creates a rule for a holiday on one date only, such as the nationwide German Reformation Day on 31 October 2017,
    /// or a host's explicit closing day.
    /// </summary>
    /// <param name="key">The stable key of the holiday.</param>
    /// <param name="name">The German name.</param>
    /// <param name="englishName">The English name.</param>
    /// <param name="date">The date, in the ISO calendar and in a supported year.</param>
    /// <returns>A rule whose <see cref="FirstYear"/> and <see cref="LastYear"/> are the year of <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="key"/>, <paramref name="name"/> or <paramref name="englishName"/> is empty or white space,
    /// or <paramref name="date"/> is not in the ISO calendar.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The year of <paramref name="date"/> is before <see cref="Easter.MinYear"/> or after <see cref="Easter.MaxYear"/>.</exception>
    public static HolidayRule Once(string key, string name, string englishName, LocalDate date)
    {
        GuardNames(key, name, englishName);
        Guard.Against.UnsupportedDate(date);
        return new HolidayRule(RuleKind.Once, key, name, englishName, date: date, firstYear: date.Year, lastYear: date.Year);
    }

    /// <summary>Returns a copy of this rule that applies from <paramref name="firstYear"/> on (inclusive).</summary>
    /// <param name="firstYear">The first year of the holiday, no later than <see cref="LastYear"/> if that is set.</param>
    /// <returns>A new rule; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="firstYear"/> is before <see cref="Easter.MinYear"/>, after <see cref="Easter.MaxYear"/>, or after <see cref="LastYear"/>.
    /// </exception>
    public HolidayRule ValidFrom(int firstYear)
    {
        Guard.Against.OutOfRange(firstYear, nameof(firstYear), Easter.MinYear, LastYear ?? Easter.MaxYear);
        return new HolidayRule(_kind, Key, Name, EnglishName, _month, _day, _easterOffset, _dayOfWeek, _date, firstYear, LastYear);
    }

    /// <summary>Returns a copy of this rule that applies up to <paramref name="lastYear"/> (inclusive).</summary>
    /// <param name="lastYear">The last year of the holiday, no earlier than <see cref="FirstYear"/> if that is set.</param>
    /// <returns>A new rule; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="lastYear"/> is before <see cref="Easter.MinYear"/>, after <see cref="Easter.MaxYear"/>, or before <see cref="FirstYear"/>.
    /// </exception>
    public HolidayRule ValidUntil(int lastYear)
    {
        Guard.Against.OutOfRange(lastYear, nameof(lastYear), FirstYear ?? Easter.MinYear, Easter.MaxYear);
        return new HolidayRule(_kind, Key, Name, EnglishName, _month, _day, _easterOffset, _dayOfWeek, _date, FirstYear, lastYear);
    }

    /// <summary>Returns the date of the holiday in <paramref name="year"/>, if it falls in that year.</summary>
    /// <param name="year">The year, from <see cref="Easter.MinYear"/> to <see cref="Easter.MaxYear"/> inclusive.</param>
    /// <returns>
    /// The date in the ISO calendar, or <see langword="null"/> when the rule does not apply in <paramref name="year"/>
    /// (outside <see cref="FirstYear"/>..<see cref="LastYear"/>, a one-off date in another year, or 29 February in a common year).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before <see cref="Easter.MinYear"/> or after <see cref="Easter.MaxYear"/>.</exception>
    public LocalDate? DateIn(int year)
    {
        Guard.Against.UnsupportedYear(year);
        if (year < FirstYear || year > LastYear)
        {
            return null;
        }

        return _kind switch
        {
            RuleKind.Fixed when _month == 2 && _day == 29 && !CalendarSystem.Iso.IsLeapYear(year) => null,
            RuleKind.Fixed => new LocalDate(year, _month, _day),
            RuleKind.EasterOffset => Easter.Sunday(year).PlusDays(_easterOffset),
            RuleKind.WeekdayBefore => new LocalDate(year, _month, _day).Previous(_dayOfWeek),
            _ /* RuleKind.Once */ => year == _date.Year ? _date : null,
        };
    }

    /// <summary>Describes the rule for diagnostics, for example <c>"german-unity-day: 3 October, 1990 onwards"</c>.</summary>
    /// <returns>The key, when the holiday falls, and its year bounds; culture-invariant.</returns>
    public override string ToString()
    {
        var when = _kind switch
        {
            RuleKind.Fixed => FormatDayOfYear(_month, _day),
            RuleKind.EasterOffset => string.Create(CultureInfo.InvariantCulture, $"Easter Sunday {_easterOffset:+0;-0;+0} days"),
            RuleKind.WeekdayBefore => string.Create(CultureInfo.InvariantCulture, $"{_dayOfWeek} before {FormatDayOfYear(_month, _day)}"),
            _ /* RuleKind.Once */ => LocalDatePattern.Iso.Format(_date),
        };

        var years = (_kind, FirstYear, LastYear) switch
        {
            (RuleKind.Once, _, _) => string.Empty,
            (_, null, null) => string.Empty,
            (_, int first, null) => string.Create(CultureInfo.InvariantCulture, $", {first} onwards"),
            (_, null, int last) => string.Create(CultureInfo.InvariantCulture, $", until {last}"),
            (_, int first, int last) => string.Create(CultureInfo.InvariantCulture, $", {first} to {last}"),
        };

        return string.Concat(Key, ": ", when, years);
    }

    private static string FormatDayOfYear(int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)}");

    private static void GuardNames(string key, string name, string englishName)
    {
        Guard.Against.NullOrWhiteSpace(key);
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.NullOrWhiteSpace(englishName);
    }

    private static void GuardMonthAndDay(int month, int day, bool allowLeapDay)
    {
        Guard.Against.OutOfRange(month, nameof(month), 1, 12);

        // 2000 is a leap year, 2001 a common year.
        var daysInMonth = CalendarSystem.Iso.GetDaysInMonth(allowLeapDay ? 2000 : 2001, month);
        Guard.Against.OutOfRange(day, nameof(day), 1, daysInMonth);
    }
}
