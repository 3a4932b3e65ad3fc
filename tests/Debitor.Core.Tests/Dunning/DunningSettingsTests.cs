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
        Assert.Equal(9m, settings.InterestSchemes[new SchemeId("default")].SpreadPercentagePoints);
        Assert.Empty(settings.DefaultDays.CompanyDays);
    }

    [Fact]
    public void With_ReturnsNewSettingsAndKeepsTheOld()
    {
        var scheme = DunningScheme.Default with { Name = "changed" };
        var changed = DunningSettings.Default
            .WithScheme(scheme)
            .WithInterestScheme(new SchemeId("consumer"), InterestScheme.GermanStatutory(consumerInvolved: true))
            .WithCalendar(BusinessCalendar.WeekendsOnly)
            .WithDefaultDays(BranchDunningDays.None.WithCompanyDays(1));

        Assert.Equal("changed", changed.Schemes[scheme.Id].Name);
        Assert.NotEqual("changed", DunningSettings.Default.Schemes[scheme.Id].Name);
        Assert.Equal(2, changed.InterestSchemes.Count);
        Assert.Same(BusinessCalendar.WeekendsOnly, changed.Calendar);
        Assert.Equal([1], changed.DefaultDays.CompanyDays);
        Assert.Throws<ArgumentException>(() => changed.WithInterestScheme(default, InterestScheme.SwissStatutory()));
        Assert.Throws<ArgumentNullException>(() => changed.WithScheme(null!));
    }
}
