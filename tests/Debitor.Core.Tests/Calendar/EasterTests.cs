using Debitor.Core.Calendar;
using FsCheck.Xunit;
using NodaTime.Testing.Extensions;

namespace Debitor.Core.Tests.Calendar;

public sealed class EasterTests
{
    public static TheoryData<int, LocalDate> KnownEasterSundays => new()
    {
        { 2024, 31.March(2024) },
        { 2025, 20.April(2025) },
        { 2026, 5.April(2026) },
        { 2000, 23.April(2000) },
        { 1818, 22.March(1818) }, // earliest possible date
        { 2285, 22.March(2285) },
        { 2038, 25.April(2038) }, // latest possible date
        { 1943, 25.April(1943) },
        { 1954, 18.April(1954) },
        { 1981, 19.April(1981) },
    };

    [Theory]
    [MemberData(nameof(KnownEasterSundays))]
    public void Sunday_KnownYear_ReturnsPublishedDate(int year, LocalDate expected) =>
        Assert.Equal(expected, Easter.Sunday(year));

    [Theory]
    [InlineData(Easter.MinYear - 1)]
    [InlineData(Easter.MaxYear + 1)]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    public void Sunday_YearOutsideSupportedRange_Throws(int year)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(year));
        Assert.Equal("year", exception.ParamName);
    }

    [Theory]
    [InlineData(Easter.MinYear)]
    [InlineData(Easter.MaxYear)]
    public void Sunday_FirstAndLastSupportedYear_ReturnsDateInThatYear(int year) =>
        Assert.Equal(year, Easter.Sunday(year).Year);

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool Sunday_AnySupportedYear_MatchesGaussAlgorithm(SupportedYear year) =>
        Easter.Sunday(year.Value) == GaussEaster(year.Value);

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool Sunday_AnySupportedYear_IsSundayFrom22MarchTo25April(SupportedYear year)
    {
        var sunday = Easter.Sunday(year.Value);
        return sunday.DayOfWeek == IsoDayOfWeek.Sunday
            && sunday >= new LocalDate(year.Value, 3, 22)
            && sunday <= new LocalDate(year.Value, 4, 25)
            && sunday.Calendar == CalendarSystem.Iso;
    }

    [Fact]
    public void Sunday_EverySupportedYear_MatchesGaussAlgorithm()
    {
        for (var year = Easter.MinYear; year <= Easter.MaxYear; year++)
        {
            Assert.Equal(GaussEaster(year), Easter.Sunday(year));
        }
    }

    /// <summary>
    /// Gauss's Easter formula with Lichtenberg's corrections ("extended Easter formula"), independent of the
    /// Meeus/Jones/Butcher algorithm used in production.
    /// </summary>
    private static LocalDate GaussEaster(int year)
    {
        var k = year / 100;                                  // secular number
        var m = 15 + (((3 * k) + 3) / 4) - (((8 * k) + 13) / 25); // secular moon shift
        var s = 2 - (((3 * k) + 3) / 4);                     // secular sun shift
        var a = year % 19;                                   // moon parameter
        var d = ((19 * a) + m) % 30;                         // seed for the first spring full moon
        var r = (d + (a / 11)) / 29;                         // calendarian correction
        var og = 21 + d - r;                                 // Easter limit: March date of the paschal full moon
        var sz = 7 - ((year + (year / 4) + s) % 7);          // first Sunday in March
        var oe = 7 - ((og - sz) % 7);                        // distance of Easter Sunday from the Easter limit
        var os = og + oe;                                    // Easter Sunday as a March date (32 = 1 April)
        return new LocalDate(year, 3, 1).PlusDays(os - 1);
    }
}
