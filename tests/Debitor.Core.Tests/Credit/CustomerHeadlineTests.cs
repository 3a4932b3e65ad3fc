using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Interest;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Credit;

public sealed class CustomerHeadlineTests
{
    [Fact]
    public void For_ShowsTotalIncludingInterestFlagsLimitsAndStatus()
    {
        var customer = NewCustomer() with
        {
            IsProblematic = true,
            ProblematicNote = "pays after reminder",
            FavouriteOf = [Alice],
            CreditLimit = new CreditLimit(Eur(1_000m)),
        };
        var account = NewAccount(customer).Post(Invoice("1", 1_000m, dueDate: Date(2025, 12, 31)), Payment("p", 100m));
        var scheme = InterestScheme.Fixed(10m, DayCountConvention.Actual365Fixed, InterestRounding.Total);

        var headline = CustomerHeadline.For(account, Alice, Date(2026, 12, 31), scheme, CreditControlSettings.Default, accountManagerTaskPending: true);

        Assert.Equal([Eur(1_000m)], headline.OpenIncludingInterest);
        Assert.Equal([Eur(900m)], headline.OpenItems);
        Assert.True(headline.IsProblematic);
        Assert.Equal("pays after reminder", headline.ProblematicNote);
        Assert.True(headline.IsFavourite);
        Assert.True(headline.HasPendingAccountManagerTask);
        Assert.False(headline.IsArchived);
        Assert.Equal(Eur(100m), headline.Credit.Limit!.Remaining);
        Assert.True(headline.Credit.Status.IsOverdue);
        Assert.Equal("Müller GmbH", headline.Name);
    }

    [Fact]
    public void For_AnotherUser_IsNoFavourite_AndWithoutSchemeNoInterest()
    {
        var account = NewAccount(NewCustomer() with { FavouriteOf = [Alice] }).Post(Invoice("1", 500m, dueDate: Date(2025, 1, 1)));

        var headline = CustomerHeadline.For(account, new UserId("bob"), Today, null, CreditControlSettings.Default);

        Assert.False(headline.IsFavourite);
        Assert.False(headline.HasPendingAccountManagerTask);
        Assert.Equal([Eur(500m)], headline.OpenIncludingInterest);
    }
}
