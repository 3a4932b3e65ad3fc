using Debitor.Core.Calendar;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;

namespace Debitor.Core.Tests.Dunning;

public sealed class DunningSettingsTests
{
    [Fact]
    public void Default_HoldsTheDefaultSchemes()
    {
        var settings = DunningSettings.Default;

        Assert.Same(DunningScheme.Default, settings.Schemes[new SchemeId("default")]);
        Assert.Empty(settings.DefaultDays.CompanyDays);
    }

    [Fact]
    public void With_ReturnsNewSettingsAndKeepsTheOld()
    {
        var scheme = DunningScheme.Default with { Name = "changed" };
        var changed = DunningSettings.Default
            .WithScheme(scheme)
            .WithCalendar(BusinessCalendar.WeekendsOnly)
            .WithDefaultDays(BranchDunningDays.None.WithCompanyDays(1));

        Assert.Equal("changed", changed.Schemes[scheme.Id].Name);
        Assert.NotEqual("changed", DunningSettings.Default.Schemes[scheme.Id].Name);
        Assert.Same(BusinessCalendar.WeekendsOnly, changed.Calendar);
        Assert.Equal([1], changed.DefaultDays.CompanyDays);
        Assert.Throws<ArgumentNullException>(() => changed.WithScheme(null!));
    }
}
