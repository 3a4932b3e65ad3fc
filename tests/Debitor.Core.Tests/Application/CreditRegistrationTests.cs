using Debitor.Core.Application;
using Debitor.Core.Credit;
using Debitor.Core.Ports;
using Debitor.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Tests.Application;

public sealed class CreditRegistrationTests
{
    [Fact]
    public void AddDebitorCore_RegistersCreditStatementAndFiguresUseCasesWithInMemoryPorts()
    {
        using var provider = new ServiceCollection().AddDebitorCoreForTests().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<CreditControlService>());
        Assert.NotNull(provider.GetRequiredService<StatementService>());
        Assert.NotNull(provider.GetRequiredService<ReceivablesFiguresService>());
        Assert.IsType<InMemoryOpenOrderSource>(provider.GetRequiredService<IOpenOrderSource>());
        Assert.IsType<InMemoryAccountManagerTasks>(provider.GetRequiredService<IAccountManagerTasks>());
        Assert.IsType<InMemoryCostOfSalesSource>(provider.GetRequiredService<ICostOfSalesSource>());
        Assert.Same(CreditControlSettings.Default, provider.GetRequiredService<CreditControlOptions>().Rules);
    }

    [Fact]
    public void AddDebitorCore_HostOptionsAndPortsWin()
    {
        var options = new CreditControlOptions { Rules = CreditControlSettings.Default with { DeliveryStopDays = 45 } };
        var orders = new InMemoryOpenOrderSource();
        var services = new ServiceCollection().AddSingleton(options).AddSingleton<IOpenOrderSource>(orders);

        using var provider = services.AddDebitorCoreForTests().BuildServiceProvider();

        Assert.Same(options, provider.GetRequiredService<CreditControlOptions>());
        Assert.Same(orders, provider.GetRequiredService<IOpenOrderSource>());
    }

    [Fact]
    public void Options_NullSettings_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new CreditControlOptions { Rules = null! });
        Assert.Throws<ArgumentException>(() => new ReportingOptions { ReportingCurrency = default });
    }
}
