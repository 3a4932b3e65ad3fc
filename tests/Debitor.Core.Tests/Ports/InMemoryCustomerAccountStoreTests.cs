using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ports;

public sealed class InMemoryCustomerAccountStoreTests
{
    private static JournalRecord Record(long version, JournalEntry entry) => new(version, Now, Alice, entry);

    [Fact]
    public async Task AppendAsync_StaleVersion_ThrowsConcurrencyAndAppendsNothing()
    {
        var store = new InMemoryCustomerAccountStore();
        await store.AppendAsync(CustomerA, 0, [Record(1, new CustomerRegistered(Id("r"), NewCustomer()))], default);

        var exception = await Assert.ThrowsAsync<ConcurrencyException>(async () => await store.AppendAsync(CustomerA, 0, [Record(1, Invoice("inv-1", 1m))], default));

        Assert.Equal((0L, 1L), (exception.ExpectedVersion, exception.ActualVersion));
        Assert.Single(await store.LoadAsync(CustomerA, default));
    }

    [Fact]
    public async Task AppendAsync_WrongRecordVersion_ThrowsArgumentException()
    {
        var store = new InMemoryCustomerAccountStore();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.AppendAsync(CustomerA, 0, [Record(2, new CustomerRegistered(Id("r"), NewCustomer()))], default));
    }

    [Fact]
    public async Task LoadAsync_ReturnsACopy()
    {
        var store = new InMemoryCustomerAccountStore();
        await store.AppendAsync(CustomerA, 0, [Record(1, new CustomerRegistered(Id("r"), NewCustomer()))], default);
        var loaded = await store.LoadAsync(CustomerA, default);

        await store.AppendAsync(CustomerA, 1, [Record(2, Invoice("inv-1", 1m))], default);

        Assert.Single(loaded);
        Assert.Equal([CustomerA], await store.ListCustomersAsync(default));
    }

    [Fact]
    public async Task AppendAsync_ManyParallelWriters_EveryAcceptedAppendIsPresent()
    {
        var store = new InMemoryCustomerAccountStore();
        await store.AppendAsync(CustomerA, 0, [Record(1, new CustomerRegistered(Id("r"), NewCustomer()))], default);
        var accepted = new System.Collections.Concurrent.ConcurrentBag<EntryId>();
        var refusals = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 500), async (i, ct) =>
        {
            var loaded = await store.LoadAsync(CustomerA, ct);
            var entry = Invoice($"inv-{i}", 1m);
            try
            {
                await store.AppendAsync(CustomerA, loaded.Count, [Record(loaded.Count + 1, entry)], ct);
                accepted.Add(entry.Id);
            }
            catch (ConcurrencyException)
            {
                Interlocked.Increment(ref refusals);
            }
        });

        var journal = await store.LoadAsync(CustomerA, default);
        Assert.Equal(500, accepted.Count + refusals);
        Assert.Equal(accepted.OrderBy(i => i.Value), journal.Skip(1).Select(r => r.Entry.Id).OrderBy(i => i.Value));
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(v => (long)v), journal.Select(r => r.Version));
    }

    [Fact]
    public async Task AppendAsync_StaleWriterAfterDelete_LeavesNoGhostAccount()
    {
        // Issue 12, defect 5: a write racing a delete of the same customer left an empty, listed journal.
        var store = new InMemoryCustomerAccountStore();
        await store.AppendAsync(CustomerA, 0, [Record(1, new CustomerRegistered(Id("r"), NewCustomer()))], default);
        await store.DeleteAsync(CustomerA, 1, default);

        await Assert.ThrowsAsync<ConcurrencyException>(async () => await store.AppendAsync(CustomerA, 1, [Record(2, Invoice("inv-1", 1m))], default));

        Assert.Empty(await store.ListCustomersAsync(default));
        Assert.Empty(await store.LoadAsync(CustomerA, default));
    }

    [Fact]
    public async Task AppendAsync_NothingToANewAccount_CreatesNoAccount()
    {
        var store = new InMemoryCustomerAccountStore();

        await store.AppendAsync(CustomerA, 0, [], default);

        Assert.Empty(await store.ListCustomersAsync(default));
    }

    [Fact]
    public async Task ListCustomersAsync_WritesRacingDeletes_NeverListsAnEmptyAccount()
    {
        var store = new InMemoryCustomerAccountStore();
        var customers = Enumerable.Range(0, 50).Select(i => new CustomerId($"C-{i}")).ToList();
        var racing = customers.Select(async customer =>
        {
            await store.AppendAsync(customer, 0, [Record(1, new CustomerRegistered(Id("r"), NewCustomer(customer.Value)))], default);
            var delete = Task.Run(async () => await store.DeleteAsync(customer, 1, default));
            var write = Task.Run(async () =>
            {
                try
                {
                    await store.AppendAsync(customer, 1, [Record(2, Invoice("inv-1", 1m))], default);
                }
                catch (ConcurrencyException)
                {
                    // The delete came first.
                }
            });
            await Task.WhenAll(delete.ContinueWith(_ => { }, TaskScheduler.Default), write);
        });

        await Task.WhenAll(racing);

        foreach (var customer in await store.ListCustomersAsync(default))
        {
            Assert.NotEmpty(await store.LoadAsync(customer, default));
        }
    }
}
