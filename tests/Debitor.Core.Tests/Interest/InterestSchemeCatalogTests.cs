using Debitor.Core.Interest;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Interest;

/// <summary>The one interest-scheme source (issue 11): shipped defaults, the consumer mapping, per-company catalogs.</summary>
public sealed class InterestSchemeCatalogTests
{
    [Theory]
    [InlineData(false, "default", 9)]
    [InlineData(true, "default", 5)]
    [InlineData(false, "de-business", 9)]
    [InlineData(true, "de-business", 5)]
    [InlineData(true, "de-consumer", 5)]
    public void For_GermanDefaults_ChargeConsumersAndBusinessesTheirStatutoryRate(bool consumer, string scheme, int spread)
    {
        var customer = NewCustomer() with { IsConsumer = consumer, InterestScheme = new SchemeId(scheme) };

        Assert.Equal(spread, InterestSchemeCatalog.Default.For(customer).SpreadPercentagePoints);
    }

    [Fact]
    public void For_UnknownScheme_ThrowsNamingCustomerAndId()
    {
        var customer = NewCustomer() with { InterestScheme = new SchemeId("typo") };

        var exception = Assert.Throws<ArgumentException>(() => InterestSchemeCatalog.Default.For(customer));

        Assert.Equal("customer", exception.ParamName);
        Assert.Contains("'typo'", exception.Message, StringComparison.Ordinal);
        Assert.False(InterestSchemeCatalog.Default.TryGetFor(customer, out _));
    }

    [Fact]
    public async Task GetAsync_CompanyWithItsOwnCatalog_GetsItOthersKeepTheDefaults()
    {
        var registry = new InterestSchemeRegistry();
        var own = InterestSchemeCatalog.Default.With(InterestSchemeCatalog.DefaultId, InterestScheme.Fixed(7m));
        registry.Set(new CompanyId("other"), own);

        Assert.Same(own, await registry.GetAsync(new CompanyId("other"), CancellationToken.None));
        Assert.Same(InterestSchemeCatalog.Default, await registry.GetAsync(Company, CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await registry.GetAsync(Company, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void With_DefaultId_IsRefusedAndTheOriginalStaysUnchanged()
    {
        Assert.Throws<ArgumentException>(() => InterestSchemeCatalog.Default.With(default, InterestScheme.Fixed(1m)));
        var changed = InterestSchemeCatalog.Default.With(new SchemeId("x"), InterestScheme.Fixed(1m));
        Assert.True(changed.Schemes.ContainsKey(new SchemeId("x")));
        Assert.False(InterestSchemeCatalog.Default.Schemes.ContainsKey(new SchemeId("x")));
    }
}
