using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

public sealed class CustomerAccountServiceTests
{
    private readonly ServiceFixture _fixture = new();

    private CustomerAccountService Service => _fixture.Service;

    private async Task<CustomerAccount> RegisteredWithInvoiceAsync()
    {
        await Service.RegisterCustomerAsync(Accountant, NewCustomer());
        return await Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));
    }

    [Fact]
    public async Task PauseItemAsync_WritesPauseAndCommunicationEntry()
    {
        await RegisteredWithInvoiceAsync();

        var account = await Service.PauseItemAsync(Clerk, CustomerA, Id("p-1"), Id("inv-1"), "disputed delivery", Date(2026, 4, 30));

        var item = account.FindItem(Id("inv-1"))!;
        Assert.Equal(new PauseState("disputed delivery", Clerk.User, Now, Date(2026, 4, 30)), item.Pause);
        var note = Assert.Single(account.Communications);
        Assert.Equal((CommunicationKind.Pause, "disputed delivery", Clerk.User, Now, (EntryId?)Id("inv-1")), (note.Kind, note.Text, note.User, note.At, note.Item));
        Assert.Equal("Posten zurückgestellt bis 30.04.2026", note.Subject);
    }

    [Fact]
    public async Task ChangeDueDateAsync_RecordsChangeAndCommunicationEntryWithNote()
    {
        await RegisteredWithInvoiceAsync();

        var account = await Service.ChangeDueDateAsync(Clerk, CustomerA, Id("d-1"), Id("inv-1"), Date(2026, 5, 15), "agreed on the phone");

        var item = account.FindItem(Id("inv-1"))!;
        Assert.Equal(new DueDateOverride(Date(2026, 2, 10), Date(2026, 5, 15), "agreed on the phone", Clerk.User, Now), item.DueDateOverride);
        var note = Assert.Single(account.Communications);
        Assert.Equal(CommunicationKind.DueDateChange, note.Kind);
        Assert.Equal("Fälligkeit geändert vom 10.02.2026 auf den 15.05.2026", note.Subject);
        Assert.Equal("agreed on the phone", note.Text);
    }

    [Fact]
    public async Task ChangeDueDateAsync_WithoutNote_ThrowsNamingNoteAndChangesNothing()
    {
        var before = await RegisteredWithInvoiceAsync();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Service.ChangeDueDateAsync(Clerk, CustomerA, Id("d-1"), Id("inv-1"), Date(2026, 5, 15), ""));

        Assert.Equal("note", exception.ParamName);
        Assert.Equal(before.Version, (await Service.GetAccountAsync(Accountant, CustomerA)).Version);
    }

    [Fact]
    public async Task PauseItemAsync_UnknownItem_ThrowsNamingItem()
    {
        await RegisteredWithInvoiceAsync();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Service.PauseItemAsync(Clerk, CustomerA, Id("p-1"), Id("inv-404"), "why"));

        Assert.Equal("item", exception.ParamName);
    }

    [Fact]
    public async Task ResumeItemAsync_PausedItem_EndsPause()
    {
        await RegisteredWithInvoiceAsync();
        await Service.PauseItemAsync(Clerk, CustomerA, Id("p-1"), Id("inv-1"), "why");

        var account = await Service.ResumeItemAsync(Clerk, CustomerA, Id("r-1"), Id("inv-1"), "settled the dispute");

        Assert.Null(account.FindItem(Id("inv-1"))!.Pause);
        Assert.Equal(2, account.Communications.Count);
    }

    [Fact]
    public async Task PostAsync_SameEntryTwice_SecondIsANoOp()
    {
        var first = await RegisteredWithInvoiceAsync();

        var second = await Service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Version, (await _fixture.Store.LoadAsync(CustomerA, default)).Count);
    }

    [Fact]
    public async Task PostAllAsync_PaymentWithApplications_IsAtomic()
    {
        await RegisteredWithInvoiceAsync();

        var account = await Service.PostAllAsync(Accountant, CustomerA, [Payment("pay-1", 100m), Apply("app-1", "pay-1", "inv-1", 100m)]);

        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("inv-1"))!.Status);
    }

    [Fact]
    public async Task PostAsync_ClerkPostingInvoice_IsRefusedAndNothingChanges()
    {
        var before = await RegisteredWithInvoiceAsync();

        var exception = await Assert.ThrowsAsync<AuthorizationException>(() => Service.PostAsync(Clerk, CustomerA, Invoice("inv-2", 5m)));

        Assert.Equal(Permission.PostDocuments, exception.Permission);
        Assert.Equal(before.Version, (await Service.GetAccountAsync(Accountant, CustomerA)).Version);
    }

    [Fact]
    public async Task PostAsync_PauseThroughGenericPost_IsRefused()
    {
        await RegisteredWithInvoiceAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Service.PostAsync(Accountant, CustomerA, new ItemPaused(Id("p-1"), Id("inv-1"), "why")));
    }

    [Fact]
    public async Task ReverseAsync_UsesToday()
    {
        await RegisteredWithInvoiceAsync();

        var account = await Service.ReverseAsync(Accountant, CustomerA, Id("rev-1"), Id("inv-1"), "posted twice");

        Assert.Equal(Today, ((EntryReversed)account.FindEntry(Id("rev-1"))!).Date);
        Assert.Equal(ItemStatus.Reversed, account.FindItem(Id("inv-1"))!.Status);
    }

    [Fact]
    public async Task DeleteCustomerAsync_WithPostedInvoice_ThrowsNotDeletable()
    {
        await RegisteredWithInvoiceAsync();

        await Assert.ThrowsAsync<CustomerNotDeletableException>(() => Service.DeleteCustomerAsync(Accountant, CustomerA));

        Assert.NotEmpty(await _fixture.Store.LoadAsync(CustomerA, default));
    }

    [Fact]
    public async Task DeleteCustomerAsync_NothingPosted_RemovesTheCustomer()
    {
        await Service.RegisterCustomerAsync(Accountant, NewCustomer());

        await Service.DeleteCustomerAsync(Accountant, CustomerA);

        Assert.Empty(await _fixture.Store.LoadAsync(CustomerA, default));
    }

    [Fact]
    public async Task ArchiveCustomerAsync_KeepsHistoryAndRefusesNewInvoices()
    {
        await RegisteredWithInvoiceAsync();

        var archived = await Service.ArchiveCustomerAsync(Accountant, CustomerA, Id("arch"), "closed business");

        Assert.True(archived.IsArchived);
        Assert.Single(archived.Items);
        await Assert.ThrowsAsync<CustomerArchivedException>(() => Service.PostAsync(Accountant, CustomerA, Invoice("inv-2", 5m)));
    }

    [Fact]
    public async Task RegisterCustomerAsync_WithPayer_RoutesDocumentsToPayer()
    {
        await Service.RegisterCustomerAsync(Accountant, NewCustomer("C-2000", "Parent AG"));
        var child = NewCustomer() with
        {
            Payer = new CustomerId("C-2000"),
            PayerRouting = new Core.Customers.PayerRouting(DunningLetters: Core.Customers.DocumentRecipient.Payer),
        };

        var account = await Service.RegisterCustomerAsync(Accountant, child);

        Assert.Equal(new CustomerId("C-2000"), account.Customer.RecipientFor(account.Customer.PayerRouting.DunningLetters));
        Assert.Equal(CustomerA, account.Customer.RecipientFor(account.Customer.PayerRouting.InterestInvoices));
    }

    [Fact]
    public async Task RegisterCustomerAsync_UnknownPayer_ThrowsNamingCustomer()
    {
        var child = NewCustomer() with { Payer = new CustomerId("C-404") };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Service.RegisterCustomerAsync(Accountant, child));

        Assert.Equal("customer", exception.ParamName);
        Assert.Empty(await _fixture.Store.LoadAsync(CustomerA, default));
    }

    [Fact]
    public async Task ChangeSettingsAsync_OwnPayer_ThrowsNamingSettings()
    {
        await Service.RegisterCustomerAsync(Accountant, NewCustomer());

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Service.ChangeSettingsAsync(Accountant, Id("s-1"), NewCustomer() with { Payer = CustomerA }));

        Assert.Equal("settings", exception.ParamName);
    }

    [Fact]
    public async Task ChangeSettingsAsync_PayerWhosePayerIsThisCustomer_IsRefusedAndNothingChanges()
    {
        await Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await Service.RegisterCustomerAsync(Accountant, NewCustomer("C-2000", "Parent AG") with { Payer = CustomerA });
        var before = await _fixture.Store.LoadAsync(CustomerA, default);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() =>
            Service.ChangeSettingsAsync(Accountant, Id("s-1"), NewCustomer() with { Payer = new CustomerId("C-2000") }));

        Assert.Equal("settings", exception.ParamName);
        Assert.Contains("C-2000", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await _fixture.Store.LoadAsync(CustomerA, default)).Count);
        Assert.Null((await Service.GetAccountAsync(Accountant, CustomerA)).Customer.Payer);
    }

    [Fact]
    public async Task ChangeSettingsAsync_MarksProblematic()
    {
        await Service.RegisterCustomerAsync(Accountant, NewCustomer());

        var account = await Service.ChangeSettingsAsync(Accountant, Id("s-1"), NewCustomer() with { IsProblematic = true, ProblematicNote = "pays only after calls" });

        Assert.True(account.Customer.IsProblematic);
    }

    [Fact]
    public async Task GetAccountAsync_UnknownCustomer_ThrowsNamingCustomer() =>
        Assert.Equal("customer", (await Assert.ThrowsAsync<ArgumentException>(() => Service.GetAccountAsync(Accountant, new CustomerId("nobody")))).ParamName);

    [Fact]
    public async Task PostAsync_ConcurrentWritersWithoutRetries_EveryAcceptedEntryPresentEveryRefusedOneTold()
    {
        var fixture = new ServiceFixture(maxRetries: 0);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        var accepted = new System.Collections.Concurrent.ConcurrentBag<string>();
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var id = $"inv-{i}";
            try
            {
                await fixture.Service.PostAsync(Accountant, CustomerA, Invoice(id, 1m), ct);
                accepted.Add(id);
            }
            catch (Core.Ports.ConcurrencyException)
            {
                refused.Add(id);
            }
        });

        var account = await fixture.Service.GetAccountAsync(Accountant, CustomerA);
        var posted = account.Items.Select(i => i.Id.Value).ToHashSet();
        Assert.Equal(200, accepted.Count + refused.Count);
        Assert.True(accepted.All(posted.Contains), "an accepted entry is missing");
        Assert.True(refused.All(id => !posted.Contains(id)), "a refused entry was stored");
        Assert.Equal(accepted.Count, posted.Count);
        Assert.Equal(Eur(accepted.Count), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public async Task PostAsync_ConcurrentWritersWithRetries_LoseNoUpdate()
    {
        var fixture = new ServiceFixture(maxRetries: 1000);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await fixture.Service.PostAsync(Accountant, CustomerA, Invoice($"inv-{i}", 1m), ct));

        var account = await fixture.Service.GetAccountAsync(Accountant, CustomerA);
        Assert.Equal(100, account.Items.Count);
        Assert.Equal(Enumerable.Range(1, 101).Select(v => (long)v), account.Journal.Select(r => r.Version));
    }
}
