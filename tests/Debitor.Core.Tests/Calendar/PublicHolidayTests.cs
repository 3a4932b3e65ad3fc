using Debitor.Core.Calendar;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class PublicHolidayTests
{
    private static readonly HolidayRule ChristmasDay = HolidayRule.Fixed("christmas-day", "1. Weihnachtstag", "Christmas Day", 12, 25);

    [Fact]
    public void Constructor_FromRule_CopiesKeyAndNames()
    {
        var holiday = new PublicHoliday(25.December(2026), ChristmasDay);

        Assert.Equal(25.December(2026), holiday.Date);
        Assert.Equal("christmas-day", holiday.Key);
        Assert.Equal("1. Weihnachtstag", holiday.Name);
        Assert.Equal("Christmas Day", holiday.EnglishName);
    }

    [Fact]
    public void Equals_SameDateKeyAndNames_IsTrue()
    {
        var fromRule = new PublicHoliday(25.December(2026), ChristmasDay);
        var fromCopy = new PublicHoliday(25.December(2026), HolidayRule.Fixed("christmas-day", "1. Weihnachtstag", "Christmas Day", 12, 25));

        Assert.Equal(fromRule, fromCopy);
        Assert.Equal(fromRule.GetHashCode(), fromCopy.GetHashCode());
        Assert.NotEqual(fromRule, new PublicHoliday(25.December(2027), ChristmasDay));
    }

    [Fact]
    public void ToString_Always_IsIsoDateAndGermanName() =>
        Assert.Equal("2026-12-25 1. Weihnachtstag", new PublicHoliday(25.December(2026), ChristmasDay).ToString());
}
