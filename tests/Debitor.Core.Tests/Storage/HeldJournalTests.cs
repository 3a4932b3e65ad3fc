using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Sqlite;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// Account journals held between calls for a SQLite store (D13.100–D13.102): two store instances on one database file
/// stand for two processes; whatever one of them does to an account, the other's next use case must act on the account
/// as stored, never on the journal it held.
/// </summary>
public sealed class HeldJournalTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task PostAsync_AccountDeletedAndReCreatedAtTheHeldVersion_PostsToTheNewAccount()
    {
        var (one, two, plain) = await StoresAsync();
        var first = Service(one);
        var other = Service(two);
        await first.RegisterCustomerAsync(Accountant, NewCustomer());
        var held = await first.ArchiveCustomerAsync(Accountant, CustomerA, Id("archived"), "closed down");
        Assert.True(held.IsArchived);

        // The other process deletes the archived customer and registers it anew, again at version 2: the held version.
        await other.DeleteCustomerAsync(Accountant, CustomerA);
        await other.RegisterCustomerAsync(Accountant, NewCustomer(name: "Neue Müller GmbH"));
        await other.ChangeSettingsAsync(Accountant, Id("settings"), NewCustomer(name: "Neue Müller KG"));

        // The held journal would refuse the invoice (archived); the stored account takes it.
        var after = await first.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));

        Assert.False(after.IsArchived);
        Assert.Equal("Neue Müller KG", after.Customer.Name);
        Assert.Equal(await PlainJournalAsync(plain), after.Journal);
    }

    [Fact]
    public async Task PostAsync_AccountReCreatedArchivedAtTheHeldVersion_IsRefusedAndAppendsNothing()
    {
        var (one, two, plain) = await StoresAsync();
        var first = Service(one);
        var other = Service(two);
        await first.RegisterCustomerAsync(Accountant, NewCustomer());
        var held = await first.ChangeSettingsAsync(Accountant, Id("settings"), NewCustomer(name: "Müller KG"));
        Assert.False(held.IsArchived);

        await other.DeleteCustomerAsync(Accountant, CustomerA);
        await other.RegisterCustomerAsync(Accountant, NewCustomer(name: "Neue Müller GmbH"));
        await other.ArchiveCustomerAsync(Accountant, CustomerA, Id("archived"), "closed down");

        // The held journal would take the invoice into an archived account at the same version.
        await Assert.ThrowsAsync<CustomerArchivedException>(() => first.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m)));

        Assert.Equal(2, (await PlainJournalAsync(plain)).Count);
    }

    [Fact]
    public async Task PostAsync_AnotherStoreAppended_ChecksAgainstItsRecords()
    {
        var (one, two, plain) = await StoresAsync();
        var first = Service(one);
        var other = Service(two);
        await first.RegisterCustomerAsync(Accountant, NewCustomer());
        await first.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));
        await first.PostAsync(Accountant, CustomerA, Payment("pay-1", 60m));

        // The other process settles the invoice in full.
        await other.PostAllAsync(Accountant, CustomerA, [Payment("pay-2", 40m), Apply("app-2", "pay-2", "inv-1", 40m), Apply("app-1", "pay-1", "inv-1", 60m)]);

        // Held at version 3, the invoice would still be open for 100 and take 10 more.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => first.PostAsync(Accountant, CustomerA, Apply("app-3", "pay-1", "inv-1", 10m)));
        var account = await first.GetAccountAsync(Accountant, CustomerA);

        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("inv-1"))!.Status);
        Assert.Equal(await PlainJournalAsync(plain), account.Journal);
    }

    [Fact]
    public async Task GetAccountAsync_AccountDeletedByAnotherStore_ThrowsAndDropsTheJournal()
    {
        var (one, two, _) = await StoresAsync();
        var first = Service(one);
        await first.RegisterCustomerAsync(Accountant, NewCustomer());
        await first.GetAccountAsync(Accountant, CustomerA);
        Assert.Equal(1, HeldJournals.For(one)!.Count);

        await Service(two).DeleteCustomerAsync(Accountant, CustomerA);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => first.GetAccountAsync(Accountant, CustomerA));
        Assert.Equal("customer", ex.ParamName);
        Assert.Equal(0, HeldJournals.For(one)!.Count);
    }

    [Fact]
    public async Task PostAsync_DatabaseWithoutDeletionCount_HoldsNoJournalUntilTheSchemaIsUpdated()
    {
        var (one, _, plain) = await StoresAsync();
        await _file.ExecuteAsync("DROP TRIGGER debitor_accounts_deleted; DROP TABLE debitor_deletions;");
        var service = Service(one);
        await service.RegisterCustomerAsync(Accountant, NewCustomer());

        var posted = await service.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m));

        Assert.Equal(0, HeldJournals.For(one)!.Count);
        Assert.Equal(await PlainJournalAsync(plain), posted.Journal);

        await one.EnsureSchemaAsync(CancellationToken.None);
        await service.PostAsync(Accountant, CustomerA, Payment("pay-1", 10m));

        Assert.Equal(1, HeldJournals.For(one)!.Count);
    }

    [Fact]
    public async Task Hold_PastTheBound_DropsJournalsUntilAQuarterIsFree()
    {
        var (one, _, _) = await StoresAsync();
        var service = Service(one);
        var held = new HeldJournals(one, maxRecords: 8);
        foreach (var n in Enumerable.Range(1, 5))
        {
            await service.RegisterCustomerAsync(Accountant, NewCustomer("C-" + n));
            await service.PostAsync(Accountant, new CustomerId("C-" + n), Invoice("inv-1", 100m));
        }

        foreach (var n in Enumerable.Range(1, 5))
        {
            Assert.Equal(2, (await held.LoadAsync(new CustomerId("C-" + n), CancellationToken.None)).Journal!.Count);
            Assert.InRange(held.Records, 0, 8);
        }

        Assert.InRange(held.Count, 1, 4);
        Assert.Equal(2L * held.Count, held.Records);
    }

    /// <summary>
    /// Random use cases on one account, each made through one of two SQLite store instances on one file (both holding
    /// journals) and, as the reference, through a service on an in-memory store, which holds none: every use case is taken
    /// or refused alike, and after each the views through both instances equal the uncached load of the file and the
    /// reference view.
    /// Entries are chosen against views a few steps old, so some no longer fit; a step may instead delete the customer
    /// and register it anew (refused once something was posted).
    /// </summary>
    [Property(MaxTest = 40)]
    public Property UseCases_ThroughHeldJournals_TakeAndRefuseAsWithoutThem() =>
        Prop.ForAll(
            Gen.Choose(0, 1).Zip(Gen.Choose(0, 12)).Zip(Gen.Choose(0, 1_000_000)).Select(t => (Who: t.Item1.Item1, Kind: t.Item1.Item2, Value: t.Item2)).ArrayOf().ToArbitrary(),
            steps => RunAsync(steps).GetAwaiter().GetResult());

    private async Task<Property> RunAsync((int Who, int Kind, int Value)[] steps)
    {
        using var file = new TempDatabase();
        var clock = new FakeClock(Now);
        var stores = new[] { await OpenAsync(file), await OpenAsync(file) };
        await using var plain = await OpenAsync(file);
        var services = stores.Select(s => Service(s, clock)).ToArray();
        var reference = Service(new InMemoryCustomerAccountStore(), clock);
        var seen = new List<CustomerAccount>();
        try
        {
            await Both(services[0], s => s.RegisterCustomerAsync(Accountant, NewCustomer()));
            seen.Add(await reference.GetAccountAsync(Accountant, CustomerA));
            for (var n = 0; n < steps.Length; n++)
            {
                var (who, kind, value) = steps[n];
                clock.AdvanceSeconds(1);
                var service = services[who];
                string outcome;
                if (kind >= 10)
                {
                    var customer = NewCustomer(name: "Müller " + n + " GmbH");
                    outcome = await Both(service, async s =>
                    {
                        await s.DeleteCustomerAsync(Accountant, CustomerA);
                        return await s.RegisterCustomerAsync(Accountant, customer);
                    });
                }
                else if (LedgerModel.Next(seen[Math.Max(0, seen.Count - 1 - (value % 3))], kind, value, "e" + n) is { } entry && entry is not (ItemPaused or ItemResumed or DueDateChanged))
                {
                    outcome = await Both(service, s => s.PostAsync(Accountant, CustomerA, entry));
                }
                else
                {
                    continue;
                }

                var expected = await reference.GetAccountAsync(Accountant, CustomerA);
                seen.Add(expected);
                var held = await services[1 - who].GetAccountAsync(Accountant, CustomerA);
                var mine = await service.GetAccountAsync(Accountant, CustomerA);
                var stored = CustomerAccount.FromJournal(await plain.LoadAsync(CustomerA, CancellationToken.None));
                if (outcome.StartsWith("different", StringComparison.Ordinal)
                    || !held.Journal.SequenceEqual(stored.Journal) || !mine.Journal.SequenceEqual(stored.Journal)
                    || !expected.Journal.Select(r => r.Entry).SequenceEqual(stored.Journal.Select(r => r.Entry))
                    || LedgerModel.Snapshot(held) != LedgerModel.Snapshot(expected) || LedgerModel.Snapshot(mine) != LedgerModel.Snapshot(expected))
                {
                    return false.Label($"step {n} ({who}, {kind}, {value}): {outcome}");
                }
            }

            return true.Label($"{steps.Length} steps");
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }

        // The same use case through the file (by the step's store) and through the reference: taken or refused alike.
        async Task<string> Both<T>(CustomerAccountService filedBy, Func<CustomerAccountService, Task<T>> useCase)
        {
            var filed = await OutcomeAsync(() => useCase(filedBy));
            var expected = await OutcomeAsync(() => useCase(reference));
            return filed == expected ? filed : $"different: {filed} / {expected}";
        }
    }

    private static async Task<string> OutcomeAsync<T>(Func<Task<T>> useCase)
    {
        try
        {
            await useCase();
            return "taken";
        }
        catch (Exception ex) when (ex is ArgumentException or CustomerArchivedException or CustomerNotDeletableException or DuplicateEntryException)
        {
            return "refused: " + ex.GetType().Name;
        }
    }

    private static CustomerAccountService Service(ICustomerAccountStore store, FakeClock? clock = null) =>
        new(store, new RoleBasedAuthorization(), clock ?? new FakeClock(Now), new DebitorCoreOptions());

    private static async Task<SqliteCustomerAccountStore> OpenAsync(TempDatabase file)
    {
        var store = new SqliteCustomerAccountStore(file.ConnectionString) { DurableAgainstPowerLoss = false };
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    private async Task<(SqliteCustomerAccountStore One, SqliteCustomerAccountStore Two, SqliteCustomerAccountStore Plain)> StoresAsync() =>
        (await OpenAsync(_file), await OpenAsync(_file), await OpenAsync(_file));

    private static async Task<IReadOnlyList<JournalRecord>> PlainJournalAsync(ICustomerAccountStore store) =>
        await store.LoadAsync(CustomerA, CancellationToken.None);
}
