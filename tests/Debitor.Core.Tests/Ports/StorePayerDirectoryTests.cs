using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ports;

public sealed class StorePayerDirectoryTests
{
    [Fact]
    public async Task GetCustomersPaidByAsync_ListsTheCustomersNamingThePayer()
    {
        var fixture = new ServiceFixture();
        var payer = new CustomerId("C-9000");
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-9000"));
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1000") with { Payer = payer });
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-2000"));

        var paidFor = await new StorePayerDirectory(fixture.Store).GetCustomersPaidByAsync(payer, default);

        Assert.Equal([CustomerA], paidFor);
    }
}
