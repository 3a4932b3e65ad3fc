using Ardalis.GuardClauses;

namespace Debitor.Core.Calendar;

/// <summary>
/// The date of Easter Sunday in the Gregorian calendar, the anchor of every movable Christian holiday
/// (Good Friday, Easter Monday, Ascension Day, Whit Monday, Corpus Christi).
/// </summary>
/// <remarks>
/// <para>
/// The date is computed with the "anonymous Gregorian" algorithm published by Meeus, Jones and Butcher,
/// which follows the ecclesiastical rules of the Gregorian reform: Easter is the first Sunday after the
/// ecclesiastical full moon on or after 21 March, so it always falls between 22 March and 25 April.
/// </para>
/// <para>
/// The supported years are <see cref="MinYear"/> (the first full year of the Gregorian calendar)
/// to <see cref="MaxYear"/> inclusive. Every member is pure and thread-safe.
/// </para>
/// </remarks>
public static class Easter
{
    /// <summary>The first supported year (inclusive): 1583, the first full year of the Gregorian calendar.</summary>
    public const int MinYear = 1583;

    /// <summary>The last supported year (inclusive): 4099.</summary>
    public const int MaxYear = 4099;

    /// <summary>Returns the date of Easter Sunday in the given Gregorian year.</summary>
    /// <param name="year">The year, from <see cref="MinYear"/> to <see cref="MaxYear"/> inclusive.</param>
    /// <returns>Easter Sunday in the ISO calendar; always a Sunday from 22 March to 25 April.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before <see cref="MinYear"/> or after <see cref="MaxYear"/>.</exception>
    public static LocalDate Sunday(int year)
    {
        Guard.Against.OutOfRange(year, nameof(year), MinYear, MaxYear);

        // Meeus/Jones/Butcher. golden: position in the 19-year lunar (Metonic) cycle;
        // the century terms correct for the Gregorian leap-year rule (solar) and the lunar drift.
        var golden = year % 19;
        var century = year / 100;
        var yearInCentury = year % 100;
        var centuryLeapDays = century / 4;
        var centuryRemainder = century % 4;
        var lunarCorrection = (century + 8) / 25;
        var lunarShift = (century - lunarCorrection + 1) / 3;
        var epact = ((19 * golden) + century - centuryLeapDays - lunarShift + 15) % 30;
        var yearLeapDays = yearInCentury / 4;
        var yearRemainder = yearInCentury % 4;
        var toSunday = (32 + (2 * centuryRemainder) + (2 * yearLeapDays) - epact - yearRemainder) % 7;
        var lateCorrection = (golden + (11 * epact) + (22 * toSunday)) / 451;
        var daysFromMarch = epact + toSunday - (7 * lateCorrection) + 114;

        var month = daysFromMarch / 31;
        var day = (daysFromMarch % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
