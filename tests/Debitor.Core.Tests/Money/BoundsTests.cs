using Debitor.Core.Agreements;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using FsCheck;
using FsCheck.Fluent;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>Issue 12, defect 4: extreme values are refused at the boundary, naming the argument, before anything changes.</summary>
public sealed class BoundsTests
{
    private static readonly Core.Money AtTheBound = Eur(Bounds.MaxAmount);

    [Fact]
    public async Task PostAsync_InvoiceOf5e28Eur_IsRefusedNamingTheArgumentAndChangesNothing()
    {
        // The reproduction: two invoices of 5e28 EUR used to be accepted and broke every later read.
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        var before = await harness.SnapshotAsync();

        var installment = Assert.Throws<ArgumentException>(() => Invoice("huge-1", 5e28m));
        var charge = await Assert.ThrowsAsync<ArgumentException>(() => harness.Accounts.PostAsync(Accountant, CustomerA, new ChargePosted(Id("huge-2"), ChargeKind.Cost, "K-1", Today, Today, Eur(5e28m))));

        Assert.Equal("amount", installment.ParamName);
        Assert.Equal("entries", charge.ParamName);
        Assert.Contains("Bounds.MaxAmount", charge.Message, StringComparison.Ordinal);
        Assert.Equal(before, await harness.SnapshotAsync());
    }

    [Fact]
    public async Task PostAsync_TwoInvoicesAtTheBound_EveryReadAndPaymentStillWorks()
    {
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);

        await harness.Accounts.PostAllAsync(Accountant, CustomerA, [Invoice("max-1", Bounds.MaxAmount), Invoice("max-2", Bounds.MaxAmount)]);

        var account = await harness.Accounts.GetAccountAsync(Accountant, CustomerA);
        Assert.Equal(Eur((2m * Bounds.MaxAmount) + 150m), Assert.Single(account.Balances));
        Assert.Equal(3, (await harness.Figures.GetPortfolioAgingAsync(Accountant, Company)).Accounts);
        Assert.NotNull(await harness.Credit.GetPositionAsync(Accountant, CustomerA));
        Assert.True((await harness.Interest.PreviewAsync(Accountant, CustomerA, "ZR-9")).Single().InterestTotal.IsPositive);
        var paid = await harness.Payments.ApplyPaymentAsync(Accountant, CustomerA, new IncomingPayment(Id("pay-max"), AtTheBound, Today));
        Assert.Equal(Core.Application.PaymentStatus.Applied, paid.Status);
    }

    [Fact]
    public void Installment_BeyondTheBound_ThrowsArgumentExceptionNotOverflow()
    {
        // Installments summing beyond decimal used to throw OverflowException: each one is refused first.
        var exception = Assert.Throws<ArgumentException>(() => new InvoicePosted(Id("i"), "RE-1", Today, Today, Eur(5e28m), [new Installment(Eur(4e28m)), new Installment(Eur(1e28m))]));

        Assert.Equal("amount", exception.ParamName);
    }

    [Fact]
    public async Task PostAsync_MoreInstallmentsThanTheBound_IsRefused()
    {
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        var installments = Enumerable.Range(0, Bounds.MaxParts + 1).Select(_ => new Installment(Eur(0.01m))).ToList();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => harness.Accounts.PostAsync(Accountant, CustomerA, new InvoicePosted(Id("many"), "RE-M", Today, Today, Eur(100.01m), installments)));

        Assert.Contains("Bounds.MaxParts", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_From2Pow63MinorUnits_ThrowsArgumentExceptionNotOverflow()
    {
        var exception = Record.Exception(() => Eur(1e17m).Allocate(3));

        Assert.IsType<ArgumentException>(exception);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Bounds.MaxParts + 1)]
    [InlineData(int.MaxValue)]
    public void Allocate_PartsOutsideTheBound_ThrowsNamingParts(int parts)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Eur(100m).Allocate(parts));

        Assert.Equal("parts", exception.ParamName);
    }

    [Fact]
    public void Allocate_RatioBeyondTheBound_ThrowsNamingRatios()
    {
        Assert.Equal("ratios", Assert.Throws<ArgumentException>(() => Eur(1m).Allocate([1e28m, 1m])).ParamName);
    }

    [Fact]
    public void Allocate_AmountAndRatiosAtTheirBounds_AddUpExactly()
    {
        var parts = AtTheBound.Allocate([Bounds.MaxRatio, 1m, Bounds.MaxRatio - 1m]);

        Assert.Equal(AtTheBound.Amount, parts.Sum(p => p.Amount));
    }

    [Fact]
    public void Allocate_AnyBoundedAmountByAnyBoundedRatios_AddsUpExactly()
    {
        var ratios = Gen.Elements(0m, 1m, 3m, Bounds.MaxRatio, Bounds.MaxRatio - 1m, 7e17m).ListOf().Where(r => r.Count is > 0 and < 20 && r.Sum() > 0m);

        Prop.ForAll(DomainArbitraries.BoundedAmount().ToArbitrary(), ratios.ToArbitrary(), (amount, weights) =>
            amount.Allocate(weights).Sum(p => p.Amount) == amount.Amount).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Post_AnyAmount_IsAcceptedExactlyWithinTheBoundsAndAcceptedAccountsReadWithoutOverflow()
    {
        var amounts = Gen.OneOf(DomainArbitraries.BoundedAmount(), DomainArbitraries.AmountBeyondBounds()).Where(m => m.Amount > 0m);

        Prop.ForAll(amounts.ListOf().Where(l => l.Count is > 0 and < 6).ToArbitrary(), list =>
        {
            var account = NewAccount();
            foreach (var (amount, i) in list.Select((m, i) => (m, i)))
            {
                var within = amount.Amount <= Bounds.MaxAmount;
                var charge = new ChargePosted(Id($"c-{i}"), ChargeKind.Cost, $"K-{i}", Today, Today, amount);
                var refused = Record.Exception(() => account = account.Post(charge));
                if (within != refused is null)
                {
                    return false;
                }
            }

            // Whatever was accepted can be read: balances, aging and credit figures never overflow.
            _ = account.Balances;
            _ = Core.Figures.Aging.ForAccount(account, Today, Core.Figures.AgingSchedule.Standard);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Bounds.MaxDays + 1)]
    [InlineData(int.MaxValue)]
    public void PaymentTerms_NetDaysOutsideTheBound_ThrowNamingNetDays(int days)
    {
        Assert.Equal("netDays", Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentTerms(days)).ParamName);
    }

    [Fact]
    public void PaymentAgreementTerms_CountOrGraceDaysBeyondTheBound_Throw()
    {
        Assert.Equal("installments", Assert.Throws<ArgumentOutOfRangeException>(() => PaymentAgreementTerms.ByCount(Bounds.MaxParts + 1, Today)).ParamName);
        Assert.Equal("GraceDays", Assert.Throws<ArgumentOutOfRangeException>(() => PaymentAgreementTerms.ByCount(2, Today) with { GraceDays = int.MaxValue }).ParamName);
    }

    [Fact]
    public void IncomingPayment_AmountBeyondTheBound_ThrowsNamingAmount()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => new IncomingPayment(Id("p"), Eur(5e28m), Today)).ParamName);
    }

    [Fact]
    public void CreditLimit_BeyondTheBound_ThrowsNamingAmount()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => new CreditLimit(Eur(Bounds.MaxAmount + 1m))).ParamName);
    }

    [Fact]
    public void SettingsBeyondTheirBounds_AreRefusedNamingTheArgument()
    {
        Assert.Equal("maximumAmount", Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentTolerance(1m, Bounds.MaxAmount + 1m)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => new Core.Credit.PaymentReleasePeriod(Core.Ledger.PaymentMethod.Cheque, int.MaxValue)).ParamName);
        Assert.Equal("MaxValueDateDaysAhead", Assert.Throws<ArgumentOutOfRangeException>(() => new Core.Application.PaymentOptions { MaxValueDateDaysAhead = Bounds.MaxDays + 1 }).ParamName);
        Assert.Equal("MaxConcurrencyRetries", Assert.Throws<ArgumentOutOfRangeException>(() => new Core.Application.DebitorCoreOptions { MaxConcurrencyRetries = int.MaxValue }).ParamName);
        Assert.Equal("InterestPercent", Assert.Throws<ArgumentOutOfRangeException>(() => PaymentAgreementTerms.ByCount(2, Today) with { InterestPercent = 1e20m }).ParamName);
        Assert.Equal("Fee", Assert.Throws<ArgumentException>(() => PaymentAgreementTerms.ByCount(2, Today) with { Fee = Eur(5e28m) }).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => new CashDiscountTier(2m, Bounds.MaxDays + 1)).ParamName);
    }
}
