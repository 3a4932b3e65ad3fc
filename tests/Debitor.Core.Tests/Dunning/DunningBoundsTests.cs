using Debitor.Core.Customers;
using Debitor.Core.Dunning;

namespace Debitor.Core.Tests.Dunning;

/// <summary>Issue 12, defect 4: dunning days beyond <see cref="Bounds.MaxDays"/> are refused where they enter.</summary>
public sealed class DunningBoundsTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(Bounds.MaxDays + 1)]
    [InlineData(-1)]
    public void DunningLevel_DaysOutsideBounds_IsRefusedNamingDays(int days)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new DunningLevel(days, "h", "f"));
        Assert.Equal("Days", exception.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DunningLevel(5, "h", "f") { PaymentDeadlineDays = days });
    }

    [Fact]
    public void DunningLevel_DaysAtTheBound_IsAccepted()
    {
        Assert.Equal(Bounds.MaxDays, new DunningLevel(Bounds.MaxDays, "h", "f").Days);
    }

    [Theory]
    [InlineData(1, int.MaxValue, "days")]
    [InlineData(1, Bounds.MaxDays + 1, "days")]
    [InlineData(DunningScheme.MaxLevels + 1, 10, "level")]
    [InlineData(0, 10, "level")]
    public void DunningDaysOverride_OutsideBounds_IsRefusedNamingTheArgument(int level, int days, string parameter)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new DunningDaysOverride(level, days));
        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void BranchDunningDays_DaysBeyondBounds_IsRefusedNamingDays()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => BranchDunningDays.None.WithCompanyDays(10, int.MaxValue));
        Assert.Equal("days", exception.ParamName);
        Assert.Equal([10, Bounds.MaxDays], BranchDunningDays.None.WithCompanyDays(10, Bounds.MaxDays).CompanyDays);
    }
}
