using Ardalis.GuardClauses;
using Debitor.Core.Calendar;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class CalendarGuardExtensionsTests
{
    [Fact]
    public void UnsupportedDate_IsoDateInRange_ReturnsIt()
    {
        var date = 3.October(2026);

        Assert.Equal(date, Guard.Against.UnsupportedDate(date));
    }

    [Fact]
    public void UnsupportedDate_GregorianCalendarDate_ThrowsArgumentException()
    {
        var date = new LocalDate(2026, 10, 3, CalendarSystem.Gregorian);

        var exception = Assert.Throws<ArgumentException>(() => Guard.Against.UnsupportedDate(date));
        Assert.Equal("date", exception.ParamName);
    }

    [Theory]
    [InlineData(Easter.MinYear, true)]
    [InlineData(Easter.MaxYear, true)]
    [InlineData(Easter.MinYear - 1, false)]
    [InlineData(Easter.MaxYear + 1, false)]
    public void UnsupportedYear_Boundaries_AcceptsOnlySupportedYears(int year, bool supported)
    {
        var exception = Record.Exception(() => Guard.Against.UnsupportedYear(year));

        if (supported)
        {
            Assert.Null(exception);
        }
        else
        {
            Assert.Equal("year", Assert.IsType<ArgumentOutOfRangeException>(exception).ParamName);
        }
    }

    [Theory]
    [InlineData(IsoDayOfWeek.None)]
    [InlineData((IsoDayOfWeek)8)]
    [InlineData((IsoDayOfWeek)(-1))]
    public void NotADayOfWeek_InvalidValue_Throws(IsoDayOfWeek day)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NotADayOfWeek(day));
        Assert.Equal("day", exception.ParamName);
    }
}
