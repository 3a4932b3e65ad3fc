using System.Globalization;
using Debitor.Cli.Datev;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Debitor.Core.Tests.Cli;

/// <summary>
/// DATEV dates read from spans (D16.134) against the readings they replace: the same texts give the same dates, or none.
/// The model below is the earlier reading with substrings, kept here as the reference.
/// </summary>
public sealed class DatevValuesProperties
{
    /// <summary>Texts of digits, blanks and a few other characters, of the lengths the date readers tell apart.</summary>
    private static Arbitrary<string> Texts() =>
        Gen.Elements(0, 3, 4, 5, 6, 7, 8, 9, 10)
            .SelectMany(length => Gen.Elements('0', '1', '2', '3', '9', '0', '1', '2', ' ', 'x', '-', '+').ArrayOf(length))
            .Select(c => new string(c)).ToArbitrary();

    [Property(MaxTest = 2_000)]
    public Property Date6Or8_AnyText_IsTheSubstringReading() =>
        Prop.ForAll(Texts(), text => DatevValues.Date6Or8(text) == Date6Or8Model(text) && DatevValues.Date8(text) == Date8Model(text));

    [Property(MaxTest = 2_000)]
    public Property BookingDate_AnyTextAndPeriod_IsTheSubstringReading() =>
        Prop.ForAll(Texts(), Gen.Choose(0, 12).ToArbitrary(), (text, month) =>
        {
            LocalDate? start = month == 0 ? null : new LocalDate(2026, month, 1);
            return DatevValues.BookingDate(text, start) == BookingDateModel(text, start);
        });

    private static LocalDate? Date8Model(string text) =>
        text.Trim() is { Length: 8 } t && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Make(int.Parse(t[4..], CultureInfo.InvariantCulture), int.Parse(t[2..4], CultureInfo.InvariantCulture), int.Parse(t[..2], CultureInfo.InvariantCulture))
            : null;

    private static LocalDate? Date6Or8Model(string text) =>
        text.Trim() is { Length: 6 } t && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Make(2000 + int.Parse(t[4..], CultureInfo.InvariantCulture), int.Parse(t[2..4], CultureInfo.InvariantCulture), int.Parse(t[..2], CultureInfo.InvariantCulture))
            : Date8Model(text);

    private static LocalDate? BookingDateModel(string text, LocalDate? periodStart)
    {
        var t = text.Trim();
        if (t.Length == 3)
        {
            t = "0" + t;
        }

        if (t.Length != 4 || !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return Date8Model(t);
        }

        var day = int.Parse(t[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(t[2..], CultureInfo.InvariantCulture);
        return periodStart is { } start ? Make(month < start.Month ? start.Year + 1 : start.Year, month, day) : null;
    }

    private static LocalDate? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && year is >= 1900 and <= 2999 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new LocalDate(year, month, day) : null;
}
