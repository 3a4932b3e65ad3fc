using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

public sealed class CreditControlServiceTests
{
    private readonly CreditFixture _fixture = new();

    private async Task BlockedCustomerAsync(CreditBlockLevel level = CreditBlockLevel.Delivery)
    {
        await _fixture.RegisterAsync(NewCustomer(), Invoice("1", 100m, dueDate: Date(2026, 4, 1)));
        await _fixture.Credit.SetBlockAsync(Accountant, CustomerA, Id("block"), level, "returned direct debit");
    }

    [Fact]
    public async Task CheckAsync_DeliveryBlock_ActorWithoutOverridePermissionIsRefusedAndCannotOverride()
    {
        await BlockedCustomerAsync();

        var decision = await _fixture.Credit.CheckAsync(Accountant, CustomerA, SalesDocumentKind.Delivery);

        Assert.Equal(CreditOutcome.Refused, decision.Outcome);
        Assert.False(decision.MayProceed);
        Assert.False(decision.CanOverride);
        Assert.Equal(CreditRefusalReason.ManualBlock, Assert.Single(decision.Reasons).Reason);
    }

    [Fact]
    public async Task OverrideAsync_DeliveryBlock_ActorWithoutOverridePermissionCannotPass()
    {
        await BlockedCustomerAsync();

        var refused = await Assert.ThrowsAsync<AuthorizationException>(() =>
            _fixture.Credit.OverrideAsync(Accountant, CustomerA, Id("ovr"), SalesDocumentKind.Delivery, "customer waits at the counter"));

        Assert.Equal(Permission.OverrideCreditControl, refused.Permission);
        var account = await _fixture.Accounts.GetAccountAsync(Accountant, CustomerA);
        Assert.DoesNotContain(account.Journal, r => r.Entry is CreditControlOverridden);
    }

    [Fact]
    public async Task OverrideAsync_DeliveryBlock_ActorWithPermissionPassesAndTheOverrideIsRecorded()
    {
        await BlockedCustomerAsync();

        var check = await _fixture.Credit.CheckAsync(CreditFixture.Supervisor, CustomerA, SalesDocumentKind.Delivery);
        var decision = await _fixture.Credit.OverrideAsync(CreditFixture.Supervisor, CustomerA, Id("ovr"), SalesDocumentKind.Delivery, "urgent spare part", Eur(80m), "DN-4711");

        Assert.True(check.CanOverride);
        Assert.Equal(CreditOutcome.Overridden, decision.Outcome);
        Assert.True(decision.MayProceed);
        Assert.Equal(Id("ovr"), decision.OverrideEntry);
        var account = await _fixture.Accounts.GetAccountAsync(Accountant, CustomerA);
        var record = Assert.Single(account.Journal, r => r.Entry is CreditControlOverridden);
        Assert.Equal(new UserId("sue"), record.RecordedBy);
        Assert.Equal(
            new CreditControlOverridden(Id("ovr"), SalesDocumentKind.Delivery, [CreditRefusalReason.ManualBlock], "urgent spare part", "DN-4711", Eur(80m)),
            record.Entry);
        var note = Assert.Single(account.Communications, c => c.Id == Id("ovr/note"));
        Assert.Equal(CommunicationKind.CreditControl, note.Kind);
        Assert.Equal("urgent spare part", note.Text);
        Assert.Equal("Kreditprüfung übersteuert für eine Lieferung: manuelle Sperre", note.Subject);
    }

    [Fact]
    public async Task OverrideAsync_Retried_RecordsOnce()
    {
        await BlockedCustomerAsync();

        await _fixture.Credit.OverrideAsync(CreditFixture.Supervisor, CustomerA, Id("ovr"), SalesDocumentKind.Delivery, "urgent");
        await _fixture.Credit.OverrideAsync(CreditFixture.Supervisor, CustomerA, Id("ovr"), SalesDocumentKind.Delivery, "urgent");

        var account = await _fixture.Accounts.GetAccountAsync(Accountant, CustomerA);
        Assert.Single(account.Journal, r => r.Entry is CreditControlOverridden);
    }

    [Fact]
    public async Task OverrideAsync_NothingStopsTheDocument_RecordsNothing()
    {
        await _fixture.RegisterAsync(NewCustomer(), Invoice("1", 100m, dueDate: Date(2026, 4, 1)));
        var before = await _fixture.Accounts.GetAccountAsync(Accountant, CustomerA);

        var decision = await _fixture.Credit.OverrideAsync(Accountant, CustomerA, Id("ovr"), SalesDocumentKind.Order, "just in case");

        Assert.Equal(CreditOutcome.Allowed, decision.Outcome);
        Assert.Equal(before.Version, (await _fixture.Accounts.GetAccountAsync(Accountant, CustomerA)).Version);
    }

    [Fact]
    public async Task OverrideAsync_WithoutNote_Throws()
    {
        await BlockedCustomerAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Credit.OverrideAsync(CreditFixture.Supervisor, CustomerA, Id("ovr"), SalesDocumentKind.Delivery, " "));
    }

    [Fact]
    public async Task OverrideAsync_OverdueAndLimit_RecordsEveryReason()
    {
        await _fixture.RegisterAsync(NewCustomer() with { CreditLimit = new CreditLimit(Eur(50m)) }, Invoice("1", 100m, dueDate: Date(2026, 2, 1)));

        var decision = await _fixture.Credit.OverrideAsync(CreditFixture.Supervisor, CustomerA, Id("ovr"), SalesDocumentKind.Order, "approved by CFO");

        var account = await _fixture.Accounts.GetAccountAsync(Accountant, CustomerA);
        var entry = (CreditControlOverridden)account.FindEntry(Id("ovr"))!;
        Assert.Equal([CreditRefusalReason.CreditLimitExceeded, CreditRefusalReason.Overdue], entry.Reasons);
        Assert.Equal(entry.Reasons, decision.Reasons.Select(r => r.Reason));
    }

    [Fact]
    public async Task SetBlockAsync_Clerk_IsRefused()
    {
        await _fixture.RegisterAsync(NewCustomer());

        await Assert.ThrowsAsync<AuthorizationException>(() => _fixture.Credit.SetBlockAsync(Clerk, CustomerA, Id("b"), CreditBlockLevel.Delivery, "x"));
    }

    [Fact]
    public async Task SetBlockAndLiftBlock_AreRecordedWithCommunicationEntries()
    {
        await BlockedCustomerAsync(CreditBlockLevel.DeliveryOrdersAndQuotes);
        var blocked = await _fixture.Credit.CheckAsync(Accountant, CustomerA, SalesDocumentKind.Quote);

        var account = await _fixture.Credit.LiftBlockAsync(Accountant, CustomerA, Id("lift"), "paid in cash");
        var afterwards = await _fixture.Credit.CheckAsync(Accountant, CustomerA, SalesDocumentKind.Quote);

        Assert.Equal(CreditOutcome.Refused, blocked.Outcome);
        Assert.Equal(CreditOutcome.Allowed, afterwards.Outcome);
        Assert.Equal(["Sperre gesetzt: Lieferungen, Aufträge und Angebote", "Sperre aufgehoben"], account.Communications.Select(c => c.Subject));
        Assert.All(account.Communications, c => Assert.Equal(CommunicationKind.CreditControl, c.Kind));
    }

    [Fact]
    public async Task LiftBlockAsync_WithoutBlock_Throws()
    {
        await _fixture.RegisterAsync(NewCustomer());

        await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Credit.LiftBlockAsync(Accountant, CustomerA, Id("lift")));
    }

    [Fact]
    public async Task GetPositionAsync_UsesTodayAndTheHostsOpenOrders()
    {
        await _fixture.RegisterAsync(NewCustomer() with { CreditLimit = new CreditLimit(Eur(10_000m)) }, Invoice("1", 7_500m), Invoice("2", 5_000m));
        _fixture.Orders.Set(CustomerA, Eur(1_000m));

        var position = await _fixture.Credit.GetPositionAsync(Viewer, CustomerA);

        Assert.Equal(Today, position.AsOf);
        Assert.Equal(Eur(-2_500m), position.Limit!.Remaining);
        Assert.Equal(Eur(-3_500m), position.LimitIncludingOrders!.Remaining);
    }

    [Fact]
    public async Task CheckAsync_ChequeReleasePeriodFromOptions_CountsFromDayTen()
    {
        var fixture = new CreditFixture(CreditControlSettings.Default.WithReleasePeriod(PaymentMethod.Cheque, 10));
        var valueDate = Date(2026, 3, 10);
        await fixture.RegisterAsync(
            NewCustomer() with { CreditLimit = new CreditLimit(Eur(1_000m)) },
            Invoice("1", 1_500m, dueDate: Date(2026, 6, 1)),
            new PaymentReceived(Id("chq"), Eur(1_000m), valueDate, PaymentMethod.Cheque),
            new PaymentApplied(Id("a"), Id("chq"), new InstallmentRef(Id("1")), Eur(1_000m), valueDate));

        var onDayFive = await fixture.Credit.CheckAsync(Accountant, CustomerA, SalesDocumentKind.Order);
        fixture.Clock.AdvanceDays(5);
        var onDayTen = await fixture.Credit.CheckAsync(Accountant, CustomerA, SalesDocumentKind.Order);

        Assert.Equal(CreditRefusalReason.CreditLimitExceeded, Assert.Single(onDayFive.Reasons).Reason);
        Assert.Equal(CreditOutcome.Allowed, onDayTen.Outcome);
    }

    [Fact]
    public async Task GetHeadlineAsync_ShowsFlagsForTheActorAndInterest()
    {
        await _fixture.RegisterAsync(
            NewCustomer() with { IsProblematic = true, FavouriteOf = [new UserId("sue")] },
            Invoice("1", 10_000m, dueDate: Date(2025, 12, 31)));
        _fixture.Tasks.SetPending(CustomerA);

        var forSue = await _fixture.Credit.GetHeadlineAsync(CreditFixture.Supervisor, CustomerA);
        var forAlice = await _fixture.Credit.GetHeadlineAsync(Accountant, CustomerA);

        Assert.True(forSue.IsFavourite);
        Assert.False(forAlice.IsFavourite);
        Assert.True(forSue.IsProblematic);
        Assert.True(forSue.HasPendingAccountManagerTask);
        Assert.True(forSue.OpenIncludingInterest[0] > Eur(10_000m));
        Assert.Equal([Eur(10_000m)], forSue.OpenItems);
    }

    [Fact]
    public async Task GetHeadlineAsync_AccountManagerTaskInTheAccount_ShowsPendingUntilDone()
    {
        await _fixture.RegisterAsync(NewCustomer(), Invoice("1", 100m));
        var collections = new CollectionService(_fixture.Accounts, _fixture.Store, _fixture.Schemes, new Core.Ports.EicarTestScanner(), new Core.Ports.InMemoryFileStorage());
        await collections.CreateFollowUpAsync(Accountant, CustomerA, new Core.Ledger.FollowUpCreated(Id("task-1"), Core.FollowUps.FollowUpKind.AccountManagerTask, Date(2026, 3, 20), "Call the CFO"));

        Assert.True((await _fixture.Credit.GetHeadlineAsync(Accountant, CustomerA)).HasPendingAccountManagerTask);

        await collections.CompleteFollowUpAsync(Accountant, CustomerA, Id("done-1"), Id("task-1"));

        Assert.False((await _fixture.Credit.GetHeadlineAsync(Accountant, CustomerA)).HasPendingAccountManagerTask);
    }

    [Fact]
    public async Task GetPositionAsync_UnknownCustomer_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Credit.GetPositionAsync(Accountant, CustomerA));
}
