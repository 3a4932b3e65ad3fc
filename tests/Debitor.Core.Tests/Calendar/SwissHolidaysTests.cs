using Debitor.Core.Calendar;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class SwissHolidaysTests
{
    private static readonly BusinessCalendar Switzerland = BusinessCalendar.Switzerland();

    [Fact]
    public void Common_2026_ListsFederalAndCommonlyObservedHolidays()
    {
        Assert.Equal(
            [
                (1.January(2026), "Neujahrstag"),
                (3.April(2026), "Karfreitag"),
                (6.April(2026), "Ostermontag"),
                (14.May(2026), "Auffahrt"),
                (25.May(2026), "Pfingstmontag"),
                (1.August(2026), "Bundesfeiertag"),
                (25.December(2026), "Weihnachtstag"),
                (26.December(2026), "Stephanstag"),
            ],
            Switzerland.HolidaysIn(2026).Select(h => (h.Date, h.Name)));
    }

    [Fact]
    public void Common_NationalDay_IsHolidayFrom1994()
    {
        Assert.True(Switzerland.IsHoliday(1.August(1994)));
        Assert.False(Switzerland.IsHoliday(1.August(1993)));
    }

    [Fact]
    public void Common_NationalDayOnWeekday_IsNotBusinessDay() =>
        Assert.False(Switzerland.IsBusinessDay(1.August(2025))); // a Friday

    [Fact]
    public void Common_LabourDay_IsBusinessDay() =>
        Assert.True(Switzerland.IsBusinessDay(1.May(2026)));

    [Fact]
    public void Common_WithCantonalFederalFastMonday_AddsIt()
    {
        var bern = Switzerland.WithHolidays(
            HolidayRule.WeekdayBefore("federal-fast-monday", "Eidgenössischer Dank-, Buss- und Bettag (Montag)", "Federal Fast Monday", IsoDayOfWeek.Monday, 9, 23));

        Assert.False(bern.IsBusinessDay(21.September(2026)));
        Assert.True(Switzerland.IsBusinessDay(21.September(2026)));
    }
}
