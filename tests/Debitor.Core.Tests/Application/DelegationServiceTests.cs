using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.PaymentTestData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Delegation to the payer, after Tryton's "move line delegate" scenario: party 1 owes 80.00 (due at the period end) and
/// 20.00; the lines are delegated to party 2. Afterwards party 1 owes 0, party 2 owes 100.00, the receivables balance is
/// still 100.00, and each delegated line points at the delegation.
/// </summary>
public sealed class DelegationServiceTests
{
    private static readonly CustomerId Party1 = new("C-1000");
    private static readonly CustomerId Party2 = new("C-9000");
    private static readonly LocalDate PeriodStart = new(2026, 3, 1);
    private static readonly LocalDate PeriodEnd = new(2026, 3, 31);

    private readonly InterceptingStore _store;
    private readonly ServiceFixture _fixture;
    private readonly DelegationService _delegations;

    public DelegationServiceTests()
    {
        _store = new InterceptingStore(new InMemoryCustomerAccountStore());
        _fixture = new ServiceFixture(store: _store);
        _delegations = new DelegationService(_store, new RoleBasedAuthorization(), _fixture.Clock, _fixture.Options);
    }

    private async Task ArrangeTrytonAsync()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-9000", "Zentrale AG"));
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1000") with { Payer = Party2 });
        await _fixture.Service.PostAllAsync(Accountant, Party1, [
            InvoicePosted.Single(Id("line-80"), "RE-80", PeriodStart, PeriodEnd, Eur(80m)),
            InvoicePosted.Single(Id("line-20"), "RE-20", PeriodStart, PeriodStart, Eur(20m))]);
    }

    private async Task<Money> BalanceAsync(CustomerId customer) =>
        (await _fixture.Service.GetAccountAsync(Accountant, customer)).BalanceIn(Currency.EUR);

    [Fact]
    public async Task DelegateAsync_TrytonScenario_MovesTheBalanceToThePayerAndKeepsTheTotal()
    {
        await ArrangeTrytonAsync();
        Assert.Equal((Eur(100m), Eur(0m)), (await BalanceAsync(Party1), await BalanceAsync(Party2)));

        var result = await _delegations.DelegateAsync(Accountant, Party1, Id("deleg-1"), PeriodStart, "Delegate lines");

        Assert.Equal((Eur(0m), Eur(100m)), (await BalanceAsync(Party1), await BalanceAsync(Party2)));
        Assert.Equal([ItemStatus.Delegated, ItemStatus.Delegated], result.Customer.Items.Where(i => i.IsClaim).Select(i => i.Status));
        var moved = result.Payer.Items.Where(i => i.IsClaim).ToList();
        Assert.Equal(
            [("RE-80", Eur(80m), PeriodEnd, Id("line-80")), ("RE-20", Eur(20m), PeriodStart, Id("line-20"))],
            moved.Select(i => (i.DocumentNumber, i.OpenAmount, i.DueDate!.Value, ((InvoicePosted)i.Origin).DelegatedFrom!.Source.Item)));
        Assert.All(result.Customer.Journal.Select(r => r.Entry).OfType<ClaimDelegated>(), d => Assert.Equal((Party2, "Delegate lines"), (d.To, d.Reason)));
    }

    [Fact]
    public async Task DelegateAsync_FailureBetweenTheAccounts_RetryCompletesWithoutPostingTwice()
    {
        await ArrangeTrytonAsync();
        // The payer's append goes through; the customer's fails.
        _store.BeforeNextAppend = _ =>
        {
            _store.BeforeNextAppend = _ => throw new IOException("store down");
            return ValueTask.CompletedTask;
        };

        await Assert.ThrowsAsync<IOException>(() => _delegations.DelegateAsync(Accountant, Party1, Id("deleg-1"), PeriodStart, "Delegate lines"));
        Assert.Equal((Eur(100m), Eur(100m)), (await BalanceAsync(Party1), await BalanceAsync(Party2)));

        await _delegations.DelegateAsync(Accountant, Party1, Id("deleg-1"), PeriodStart, "Delegate lines");
        var again = await _delegations.DelegateAsync(Accountant, Party1, Id("deleg-1"), PeriodStart, "Delegate lines");

        Assert.Equal((Eur(0m), Eur(100m)), (await BalanceAsync(Party1), await BalanceAsync(Party2)));
        Assert.Equal(2, again.Moved.Count);
        Assert.Equal(2, again.Payer.Items.Count(i => i.IsClaim));
    }

    [Fact]
    public async Task DelegateAsync_CustomerWithoutPayer_IsRefusedAndNothingChanges()
    {
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-1000"));
        await _fixture.Service.PostAsync(Accountant, Party1, InvoiceOn("inv-1", 50m));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _delegations.DelegateAsync(Accountant, Party1, Id("deleg-1"), PeriodStart, "why"));

        Assert.Equal("customer", error.ParamName);
        Assert.Equal(Eur(50m), await BalanceAsync(Party1));
    }

    [Fact]
    public void ClaimDelegated_PartOfTheOpenAmount_IsRefusedByTheLedger()
    {
        var account = NewAccount(NewCustomer() with { Payer = Party2 }).Post(InvoiceOn("inv-1", 50m));

        var error = Assert.Throws<ArgumentException>(() => account.Post(new ClaimDelegated(Id("d/1"), new InstallmentRef(Id("inv-1")), Eur(20m), Day(1), Party2, Id("d/1"), "why")));

        Assert.Contains("whole open amount", error.Message, StringComparison.Ordinal);
    }
}
