using System.Globalization;
using Debitor.Core.Dunning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Dunning;

/// <summary>
/// D16.282: the content hash writes its dates in place, and writes exactly what NodaTime's invariant <c>yyyy-MM-dd</c>
/// pattern writes, so no stored letter's hash changes.
/// </summary>
public sealed class ContentHashDateProperties
{
    private static readonly LocalDate First = new(-9998, 1, 1);

    [Property(MaxTest = 2000)]
    public Property IsoDay_AnyDate_WritesWhatTheNodaTimePatternWrites() =>
        Prop.ForAll(Gen.Choose(0, Period.Between(First, LocalDate.MaxIsoValue, PeriodUnits.Days).Days).ToArbitrary(), days =>
        {
            var date = First.PlusDays(days);
            return Written(date) == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        });

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(999, 12, 31)]
    [InlineData(2026, 2, 28)]
    [InlineData(2024, 2, 29)]
    [InlineData(9999, 12, 31)]
    [InlineData(0, 6, 15)]
    [InlineData(-44, 3, 15)]
    public void IsoDay_EdgeYears_WritesWhatTheNodaTimePatternWrites(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);

        Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Written(date));
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(-44)]
    public void IsoDay_DestinationTooShort_WritesNothing(int year)
    {
        Span<char> destination = stackalloc char[9];

        Assert.False(((ISpanFormattable)new DunningLetter.IsoDay(new LocalDate(year, 11, 30))).TryFormat(destination, out var written, default, null));
        Assert.Equal(0, written);
    }

    private static string Written(LocalDate date) => string.Create(CultureInfo.InvariantCulture, $"{new DunningLetter.IsoDay(date)}");
}
