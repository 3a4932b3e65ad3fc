using Debitor.Core.Calendar;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class AustrianHolidaysTests
{
    private static readonly BusinessCalendar Austria = BusinessCalendar.Austria();

    [Fact]
    public void Nationwide_2026_ListsTheThirteenHolidaysInDateOrder()
    {
        Assert.Equal(
            [
                (1.January(2026), "Neujahr"),
                (6.January(2026), "Heilige Drei Könige"),
                (6.April(2026), "Ostermontag"),
                (1.May(2026), "Staatsfeiertag"),
                (14.May(2026), "Christi Himmelfahrt"),
                (25.May(2026), "Pfingstmontag"),
                (4.June(2026), "Fronleichnam"),
                (15.August(2026), "Mariä Himmelfahrt"),
                (26.October(2026), "Nationalfeiertag"),
                (1.November(2026), "Allerheiligen"),
                (8.December(2026), "Mariä Empfängnis"),
                (25.December(2026), "Christtag"),
                (26.December(2026), "Stefanitag"),
            ],
            Austria.HolidaysIn(2026).Select(h => (h.Date, h.Name)));
    }

    [Fact]
    public void Nationwide_GoodFriday_IsBusinessDay() =>
        Assert.True(Austria.IsBusinessDay(3.April(2026)));

    [Fact]
    public void Nationwide_NationalDay_IsHolidayFrom1967()
    {
        Assert.True(Austria.IsHoliday(26.October(1967)));
        Assert.False(Austria.IsHoliday(26.October(1966)));
    }

    [Fact]
    public void Nationwide_ImmaculateConception2026_MovesDeadlineToWednesday() =>
        Assert.Equal(9.December(2026), Austria.AdjustDeadline(8.December(2026)));
}
