using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ports;

public sealed class CreditPortsTests
{
    [Fact]
    public async Task InMemoryOpenOrderSource_NoOrdersUntilSet_ThenTheLastSet()
    {
        var source = new InMemoryOpenOrderSource();

        var before = await source.GetOpenOrderTotalsAsync(CustomerA, CancellationToken.None);
        source.Set(CustomerA, Eur(10m));
        source.Set(CustomerA, Eur(20m), Usd(5m));

        Assert.Empty(before);
        Assert.Equal([Eur(20m), Usd(5m)], await source.GetOpenOrderTotalsAsync(CustomerA, CancellationToken.None));
    }

    [Fact]
    public void InMemoryOpenOrderSource_NegativeTotal_Throws() =>
        Assert.Throws<ArgumentException>(() => new InMemoryOpenOrderSource().Set(CustomerA, Eur(-1m)));

    [Fact]
    public async Task InMemoryAccountManagerTasks_FalseUntilMarked()
    {
        var tasks = new InMemoryAccountManagerTasks();

        var before = await tasks.HasPendingTaskAsync(CustomerA, CancellationToken.None);
        tasks.SetPending(CustomerA);
        var during = await tasks.HasPendingTaskAsync(CustomerA, CancellationToken.None);
        tasks.SetPending(CustomerA, false);

        Assert.False(before);
        Assert.True(during);
        Assert.False(await tasks.HasPendingTaskAsync(CustomerA, CancellationToken.None));
    }

    [Fact]
    public async Task InMemoryCostOfSalesSource_ReturnsTheMonthsInRangeInOrder()
    {
        var costs = new InMemoryCostOfSalesSource();
        costs.Set(CustomerA, new YearMonth(2026, 3), Eur(3m));
        costs.Set(CustomerA, new YearMonth(2025, 3), Eur(1m));
        costs.Set(CustomerA, new YearMonth(2026, 1), Eur(2m));
        costs.Set(new CustomerId("other"), new YearMonth(2026, 1), Eur(9m));

        var found = await costs.GetCostOfSalesAsync(CustomerA, new YearMonth(2025, 4), new YearMonth(2026, 3), CancellationToken.None);

        Assert.Equal([Eur(2m), Eur(3m)], found.Select(c => c.Amount));
    }

    [Fact]
    public async Task Ports_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await new InMemoryOpenOrderSource().GetOpenOrderTotalsAsync(CustomerA, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await new InMemoryAccountManagerTasks().HasPendingTaskAsync(CustomerA, cancelled.Token));
    }
}
