using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using static Debitor.Core.Tests.DunningData;

namespace Debitor.Core.Tests.Dunning;

public sealed class BranchDunningDaysTests
{
    private static readonly BranchId North = new("north");

    [Fact]
    public void DaysFor_BranchThenCompanyThenNothing()
    {
        var days = BranchDunningDays.None.WithCompanyDays(7, 14).WithBranchDays(North, 3);

        Assert.Equal(3, days.DaysFor(North, 1));
        Assert.Equal(14, days.DaysFor(North, 2));
        Assert.Null(days.DaysFor(North, 3));
        Assert.Equal(7, days.DaysFor(new BranchId("south"), 1));
        Assert.Equal(7, days.DaysFor(null, 1));
        Assert.Null(days.DaysFor(null, 0));
        Assert.Equal([3], days.DaysOfBranch(North));
        Assert.Equal([North], days.Branches);
    }

    [Fact]
    public void With_RefusesBadDays()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BranchDunningDays.None.WithCompanyDays(-1));
        Assert.Throws<ArgumentException>(() => BranchDunningDays.None.WithBranchDays(default, 1));
        Assert.Throws<ArgumentException>(() => BranchDunningDays.None.WithCompanyDays(Enumerable.Repeat(1, 21)));
    }

    [Fact]
    public void Settings_DaysFor_CustomerOverrideWinsOverBranchOverScheme()
    {
        var settings = Settings(Scheme(5, 20, 40)).WithDefaultDays(BranchDunningDays.None.WithBranchDays(North, 10, 25));
        var customer = Customer() with { Branch = North, DunningDays = [new DunningDaysOverride(2, 30)] };
        var scheme = settings.Schemes[new SchemeId("default")];

        Assert.Equal([10, 30, 40], Enumerable.Range(1, 3).Select(level => settings.DaysFor(customer, scheme, level)));
        Assert.Throws<ArgumentOutOfRangeException>(() => settings.DaysFor(customer, scheme, 4));
    }
}
