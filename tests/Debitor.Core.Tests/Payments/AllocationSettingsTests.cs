using Debitor.Core.Payments;

namespace Debitor.Core.Tests.Payments;

public sealed class AllocationSettingsTests
{
    [Fact]
    public void Default_IsStatutoryWithCostsInterestPrincipal()
    {
        var settings = AllocationSettings.Default;

        Assert.Equal(AllocationOrder.Statutory, settings.Order);
        Assert.Equal([ClaimComponent.Costs, ClaimComponent.Interest, ClaimComponent.Principal], settings.ComponentOrder);
        Assert.True(settings.MatchReference && settings.GrantCashDiscount && settings.ApplyTolerance);
    }

    [Fact]
    public void ComponentOrder_NotAnArrangementOfTheThree_Throws()
    {
        Assert.Throws<ArgumentException>(() => AllocationSettings.Default with { ComponentOrder = [ClaimComponent.Costs, ClaimComponent.Costs, ClaimComponent.Principal] });
        Assert.Throws<ArgumentException>(() => AllocationSettings.Default with { ComponentOrder = [ClaimComponent.Principal] });
    }

    [Fact]
    public void Order_Undefined_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => AllocationSettings.Default with { Order = (AllocationOrder)7 });
    }

    [Fact]
    public void Equality_ComparesTheComponentOrderByContent()
    {
        var one = AllocationSettings.Default with { ComponentOrder = [ClaimComponent.Principal, ClaimComponent.Costs, ClaimComponent.Interest] };
        var other = AllocationSettings.Default with { ComponentOrder = [ClaimComponent.Principal, ClaimComponent.Costs, ClaimComponent.Interest] };

        Assert.Equal(one, other);
    }
}
