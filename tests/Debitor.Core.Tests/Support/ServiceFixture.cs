using Debitor.Core.Application;
using Debitor.Core.Ports;
using NodaTime.Testing;

namespace Debitor.Core.Tests;

/// <summary>An application layer over the in-memory store with a fake clock at 15 March 2026, 10:00 in Berlin.</summary>
internal sealed class ServiceFixture
{
    public ServiceFixture(int maxRetries = 3)
    {
        Clock = new FakeClock(TestData.Now);
        Service = new CustomerAccountService(Store, new RoleBasedAuthorization(), Clock, new DebitorCoreOptions { MaxConcurrencyRetries = maxRetries });
    }

    public InMemoryCustomerAccountStore Store { get; } = new();

    public FakeClock Clock { get; }

    public CustomerAccountService Service { get; }
}
