using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>Issue 12, defect 7: the due-date note is computed from the state it is appended to.</summary>
public sealed class DueDateChangeRetryTests
{
    [Fact]
    public async Task ChangeDueDateAsync_AnotherChangeBetweenLoadAndAppend_NoteNamesTheDateItReplaced()
    {
        var store = new InterferingStore(new InMemoryCustomerAccountStore());
        var fixture = new ServiceFixture(store: store);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await fixture.Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));
        store.InterfereOnce = new DueDateChanged(Id("other"), Id("inv-1"), Date(2026, 4, 1), "moved by someone else");

        var account = await fixture.Service.ChangeDueDateAsync(Clerk, CustomerA, Id("d-1"), Id("inv-1"), Date(2026, 5, 15), "agreed on the phone");

        Assert.Null(store.InterfereOnce);
        Assert.Equal(Date(2026, 5, 15), account.FindItem(Id("inv-1"))!.DueDate);
        Assert.Equal("Fälligkeit geändert vom 01.04.2026 auf den 15.05.2026", Assert.Single(account.Communications).Subject);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChangeDueDateAsync_StoreFailsOnce_RetryEndsAsAnUndisturbedChange(bool afterAppending)
    {
        var store = new FaultyStore(new InMemoryCustomerAccountStore());
        var fixture = new ServiceFixture(store: store);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await fixture.Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));
        store.ThrowAfterAppending = afterAppending;
        store.FailOnAppend = store.Appends + 1;

        await Assert.ThrowsAsync<InjectedFaultException>(() => fixture.Service.ChangeDueDateAsync(Clerk, CustomerA, Id("d-1"), Id("inv-1"), Date(2026, 5, 15), "agreed on the phone"));
        var account = await fixture.Service.ChangeDueDateAsync(Clerk, CustomerA, Id("d-1"), Id("inv-1"), Date(2026, 5, 15), "agreed on the phone");

        Assert.Single(account.Journal, r => r.Entry is DueDateChanged);
        Assert.Equal("Fälligkeit geändert vom 10.02.2026 auf den 15.05.2026", Assert.Single(account.Communications).Subject);
        await Assert.ThrowsAsync<DuplicateEntryException>(() => fixture.Service.ChangeDueDateAsync(Clerk, CustomerA, Id("d-1"), Id("inv-1"), Date(2026, 6, 1), "other date, same id"));
    }
}
