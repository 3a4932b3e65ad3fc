using Debitor.Core.Application;
using Debitor.Core.Ports;
using Debitor.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Tests.Application;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDebitorCore_RegistersDefaults()
    {
        using var provider = new ServiceCollection().AddDebitorCoreForTests(o => o.MaxConcurrencyRetries = 5).BuildServiceProvider();

        Assert.IsType<InMemoryCustomerAccountStore>(provider.GetRequiredService<ICustomerAccountStore>());
        Assert.IsType<RoleBasedAuthorization>(provider.GetRequiredService<IAuthorizationPort>());
        Assert.NotNull(provider.GetRequiredService<IClock>());
        Assert.Equal(5, provider.GetRequiredService<DebitorCoreOptions>().MaxConcurrencyRetries);
        Assert.NotNull(provider.GetRequiredService<CustomerAccountService>());
        Assert.NotNull(provider.GetRequiredService<PaymentService>());
        Assert.IsType<InMemoryDocumentOutput>(provider.GetRequiredService<IDocumentOutput>());
        Assert.IsType<StorePayerDirectory>(provider.GetRequiredService<IPayerDirectory>());
        Assert.NotNull(provider.GetRequiredService<DunningService>());
        Assert.IsType<InMemoryDunningSettingsProvider>(provider.GetRequiredService<IDunningSettingsProvider>());
        Assert.IsType<InMemoryDunningLetterOutput>(provider.GetRequiredService<IDunningLetterOutput>());
        Assert.IsType<InMemoryDocumentOutbox>(provider.GetRequiredService<IDocumentOutbox>());
        Assert.IsType<InMemoryAccountFaultLog>(provider.GetRequiredService<IAccountFaultLog>());
        Assert.NotNull(provider.GetRequiredService<DocumentDelivery>());
    }

    [Fact]
    public void AddDebitorCore_HostRegistrationsWin()
    {
        var store = new InMemoryCustomerAccountStore();
        var services = new ServiceCollection();
        services.AddSingleton<ICustomerAccountStore>(store);

        using var provider = services.AddDebitorCoreForTests().BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<ICustomerAccountStore>());
    }
}
