using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.PaymentTestData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

public sealed class PaymentAllocatorTests
{
    private static readonly PaymentTolerance OnePercentMaxFive = new(1m, 5m);

    // --- Cash discount (R3.3) -------------------------------------------------------------------------------------

    [Fact]
    public void Allocate_DiscountTolerance_PaidOnDay13_SettlesWithTwentyDiscount()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m, discountDays: 10, toleranceDays: 3)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(980m, Day(13)));

        Assert.Equal(
            [("RE-inv-1", AllocationLineKind.Payment, 980m, AllocationRule.Age), ("RE-inv-1", AllocationLineKind.CashDiscount, 20m, AllocationRule.LateCashDiscount)],
            allocation.Summary());
        Assert.Equal((Eur(980m), Eur(20m), Eur(0m), Eur(0m)), (allocation.Applied, allocation.CashDiscount, allocation.ToleranceWriteOff, allocation.UnappliedCredit));
        Assert.Empty(allocation.Differences);
        Assert.Equal(Eur(0m), account.PostAllocation(allocation).Open("inv-1"));
    }

    [Fact]
    public void Allocate_DiscountTolerance_PaidOnDay14_LeavesTwentyOpen()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m, discountDays: 10, toleranceDays: 3)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(980m, Day(14)));

        Assert.Equal(Eur(0m), allocation.CashDiscount);
        Assert.Equal(Eur(980m), allocation.Applied);
        Assert.Equal(Eur(20m), account.PostAllocation(allocation).Open("inv-1"));
        var difference = Assert.Single(allocation.Differences);
        Assert.Equal((Eur(1000m), Eur(980m), Eur(20m)), (difference.Owed, difference.Paid, difference.RemainingOpen));
    }

    [Fact]
    public void Allocate_WithinDiscountPeriodWithoutToleranceDays_OnTheDiscountDateItself_GrantsDiscount()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m, discountDays: 10)).Post(InvoiceOn("inv-1", 1000m));

        Assert.Equal(Eur(20m), Allocate(account, Pay(980m, Day(10))).CashDiscount);
        Assert.Equal(Eur(0m), Allocate(account, Pay(980m, Day(11))).CashDiscount);
    }

    [Fact]
    public void Allocate_PartialPaymentWithinDiscountPeriod_GrantsNoDiscount()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(500m, Day(5)));

        Assert.Equal(Eur(0m), allocation.CashDiscount);
        Assert.Equal(Eur(500m), account.PostAllocation(allocation).Open("inv-1"));
    }

    [Fact]
    public void Allocate_RemainderPaidWithinDiscountPeriod_DiscountsTheOpenGrossAmount()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m)).Post(InvoiceOn("inv-1", 1000m));
        account = account.PostAllocation(Allocate(account, Pay(490m, Day(3), id: "pay-0")));

        var allocation = Allocate(account, Pay(499.80m, Day(8)));

        Assert.Equal(Eur(10.20m), allocation.CashDiscount);
        Assert.Equal(Eur(0m), account.PostAllocation(allocation).Open("inv-1"));
    }

    [Fact]
    public void Allocate_SeveralTiers_TakesTheBestTierStillOpen()
    {
        var customer = NewCustomer() with { PaymentTerms = new PaymentTerms(30, [new CashDiscountTier(3m, 7), new CashDiscountTier(2m, 14)]) };
        var account = NewAccount(customer).Post(InvoiceOn("inv-1", 1000m));

        Assert.Equal(Eur(30m), Allocate(account, Pay(970m, Day(7))).CashDiscount);
        Assert.Equal(Eur(20m), Allocate(account, Pay(980m, Day(8))).CashDiscount);
        Assert.Equal(Eur(0m), Allocate(account, Pay(1000m, Day(15))).CashDiscount);
    }

    [Fact]
    public void Allocate_DiscountIsRoundedCommercially()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m)).Post(InvoiceOn("inv-1", 100.25m));

        // 2 % of 100.25 = 2.005 → 2.01 (half away from zero)
        var allocation = Allocate(account, Pay(98.24m, Day(1)));

        Assert.Equal(Eur(2.01m), allocation.CashDiscount);
        Assert.Equal(Eur(98.24m), allocation.Applied);
    }

    [Fact]
    public void Allocate_FullAmountPaidWithinDiscountPeriod_GrantsDiscountAndKeepsSurplusAsCredit()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(1000m, Day(2)));

        Assert.Equal((Eur(980m), Eur(20m), Eur(20m)), (allocation.Applied, allocation.CashDiscount, allocation.UnappliedCredit));
    }

    [Fact]
    public void Allocate_CashDiscountSwitchedOff_GrantsNone()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(980m, Day(2)), AllocationSettings.Default with { GrantCashDiscount = false });

        Assert.Equal(Eur(0m), allocation.CashDiscount);
        Assert.Single(allocation.Differences);
    }

    // --- Payment tolerance (R3.2) ---------------------------------------------------------------------------------

    [Fact]
    public void Allocate_Tolerance_995On1000_ClosesWithFiveWriteOff()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(995m, Day(20)));

        Assert.Equal((Eur(995m), Eur(5m), Eur(0m)), (allocation.Applied, allocation.ToleranceWriteOff, allocation.UnappliedCredit));
        Assert.Contains(allocation.Lines, l => l is { Kind: AllocationLineKind.ToleranceWriteOff, Rule: AllocationRule.Tolerance });
        Assert.Empty(allocation.Differences);
        var after = account.PostAllocation(allocation);
        Assert.Equal(Eur(0m), after.Open("inv-1"));
        Assert.Equal(ItemStatus.Paid, after.FindItem(Id("inv-1"))!.Status);
    }

    [Fact]
    public void Allocate_Tolerance_994On1000_LeavesSixOpenWithADifference()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(994m, Day(20)));

        Assert.Equal(Eur(0m), allocation.ToleranceWriteOff);
        Assert.Equal(Eur(6m), account.PostAllocation(allocation).Open("inv-1"));
        var difference = Assert.Single(allocation.Differences);
        Assert.Equal(("RE-inv-1", Eur(994m), Eur(6m)), (difference.DocumentNumber, difference.Paid, difference.RemainingOpen));
    }

    [Fact]
    public void Allocate_Tolerance_297On300_ClosesWithThreeWriteOff()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 300m));

        var allocation = Allocate(account, Pay(297m, Day(20)));

        Assert.Equal(Eur(3m), allocation.ToleranceWriteOff);
        Assert.Equal(Eur(0m), account.PostAllocation(allocation).Open("inv-1"));
    }

    [Theory]
    [InlineData(0, 5, 995, 5)] // percent not set: the fixed amount alone
    [InlineData(1, 0, 990, 10)] // fixed amount not set: the percentage alone
    [InlineData(1, 0, 989.99, 0)]
    public void Allocate_ToleranceWithAZero_MeansNotSet(decimal percent, decimal maximum, decimal paid, decimal writtenOff)
    {
        var account = NewAccount(CustomerWith(tolerance: new PaymentTolerance(percent, maximum))).Post(InvoiceOn("inv-1", 1000m));

        Assert.Equal(Eur(writtenOff), Allocate(account, Pay(paid, Day(20))).ToleranceWriteOff);
    }

    [Fact]
    public void Allocate_CustomerOptedOut_NoToleranceWriteOff()
    {
        var account = NewAccount(CustomerWith(tolerance: PaymentTolerance.None)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(999.99m, Day(20)));

        Assert.Equal(Eur(0m), allocation.ToleranceWriteOff);
        Assert.Equal(Eur(0.01m), account.PostAllocation(allocation).Open("inv-1"));
    }

    [Fact]
    public void Allocate_OverpaymentWithinTolerance_ClosesTheItemAndWritesTheSurplusOff()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(1003m, Day(20)));
        var after = account.PostAllocation(allocation);

        Assert.Equal((Eur(1000m), Eur(0m), Eur(3m), Eur(0m)), (allocation.Applied, allocation.ToleranceWriteOff, allocation.OverpaymentWriteOff, allocation.UnappliedCredit));
        Assert.Empty(allocation.Differences);
        Assert.Equal(Eur(0m), after.BalanceIn(Currency.EUR));
        Assert.Equal(ItemStatus.Paid, after.FindItem(Id("pay-1"))!.Status);
    }

    [Fact]
    public void Allocate_OverpaymentWithinToleranceKeptAsCredit_ClosesTheItemAndKeepsTheSurplus()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = PaymentAllocator.Allocate(account, Pay(1003m, Day(20)), AllocationSettings.Default with { KeepOverpaymentAsCredit = true });

        Assert.Equal((Eur(1000m), Eur(0m), Eur(3m)), (allocation.Applied, allocation.OverpaymentWriteOff, allocation.UnappliedCredit));
    }

    [Fact]
    public void Allocate_OverpaymentOutsideTolerance_BecomesUnappliedCredit()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(1200m, Day(20)));
        var after = account.PostAllocation(allocation);

        Assert.Equal(Eur(200m), allocation.UnappliedCredit);
        Assert.Equal(Eur(-200m), after.BalanceIn(Currency.EUR));
        Assert.Equal(Eur(200m), after.FindItem(Id("pay-1"))!.OpenAmount);
    }

    [Fact]
    public void Allocate_CashDiscountAndTolerance_Combine()
    {
        var account = NewAccount(CustomerWith(discountPercent: 2m, tolerance: OnePercentMaxFive)).Post(InvoiceOn("inv-1", 1000m));

        var allocation = Allocate(account, Pay(977m, Day(5)));

        Assert.Equal((Eur(977m), Eur(20m), Eur(3m)), (allocation.Applied, allocation.CashDiscount, allocation.ToleranceWriteOff));
    }

    // --- §367: costs, interest, principal -------------------------------------------------------------------------

    [Fact]
    public void Allocate_FeesInterestPrincipal_50Settles10Fees5InterestAnd35Principal()
    {
        var account = NewAccount().Post(
            InvoiceOn("inv-1", 100m),
            Charge("fee-1", ChargeKind.DunningFee, 10m, related: "inv-1"),
            Charge("int-1", ChargeKind.Interest, 5m, related: "inv-1"));

        var allocation = Allocate(account, Pay(50m, Day(60)));

        Assert.Equal(
            [
                ("M-fee-1", AllocationLineKind.Payment, 10m, AllocationRule.CostsInterestPrincipal),
                ("M-int-1", AllocationLineKind.Payment, 5m, AllocationRule.CostsInterestPrincipal),
                ("RE-inv-1", AllocationLineKind.Payment, 35m, AllocationRule.Burden),
            ],
            allocation.Summary());
        Assert.Equal(
            [ClaimComponent.Costs, ClaimComponent.Interest, ClaimComponent.Principal],
            allocation.Lines.Select(l => l.Component));
        var after = account.PostAllocation(allocation);
        Assert.Equal((Eur(0m), Eur(0m), Eur(65m)), (after.Open("fee-1"), after.Open("int-1"), after.Open("inv-1")));
    }

    [Fact]
    public void Allocate_ConfiguredComponentOrder_PrincipalFirst()
    {
        var account = NewAccount().Post(
            InvoiceOn("inv-1", 100m),
            Charge("fee-1", ChargeKind.DunningFee, 10m, related: "inv-1"),
            Charge("int-1", ChargeKind.Interest, 5m, related: "inv-1"));
        var settings = AllocationSettings.Default with { ComponentOrder = [ClaimComponent.Principal, ClaimComponent.Interest, ClaimComponent.Costs] };

        var allocation = Allocate(account, Pay(103m, Day(60)), settings);

        Assert.Equal([("RE-inv-1", 100m), ("M-int-1", 3m)], allocation.Lines.Select(l => (l.DocumentNumber, l.Amount.Amount)));
    }

    [Fact]
    public void Allocate_ReturnedDebitCharge_IsACostOfItsClaim()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 100m), Charge("rl-1", ChargeKind.Cost, 3.50m, related: "inv-1"));

        var allocation = Allocate(account, Pay(50m, Day(60)));

        Assert.Equal([("M-rl-1", 3.50m), ("RE-inv-1", 46.50m)], allocation.Lines.Select(l => (l.DocumentNumber, l.Amount.Amount)));
    }

    [Fact]
    public void Allocate_ChargesJoinTheEarliestDueOpenInstallment()
    {
        var invoice = new InvoicePosted(Id("inv-1"), "RE-1", Day0, Day(30), Eur(200m), [new Installment(Eur(100m), Day(40)), new Installment(Eur(100m), Day(20))]);
        var account = NewAccount().Post(invoice, Charge("fee-1", ChargeKind.DunningFee, 5m, related: "inv-1"));

        var allocation = Allocate(account, Pay(105m, Day(60)));

        Assert.Equal([("M-fee-1", 1, 5m), ("RE-1", 2, 100m)], allocation.Lines.Select(l => (l.DocumentNumber, l.Target.Number, l.Amount.Amount)));
    }

    [Fact]
    public void Allocate_ToleranceShortfallInAClaimWithCosts_IsWrittenOffWhereTheMoneyRanOut()
    {
        var account = NewAccount(CustomerWith(tolerance: OnePercentMaxFive)).Post(
            InvoiceOn("inv-1", 100m), Charge("fee-1", ChargeKind.DunningFee, 10m, related: "inv-1"));

        var allocation = Allocate(account, Pay(109m, Day(60)));

        Assert.Equal(
            [("M-fee-1", AllocationLineKind.Payment, 10m), ("RE-inv-1", AllocationLineKind.Payment, 99m), ("RE-inv-1", AllocationLineKind.ToleranceWriteOff, 1m)],
            allocation.Lines.Select(l => (l.DocumentNumber, l.Kind, l.Amount.Amount)));
    }

    // --- §366(2): order among debts -------------------------------------------------------------------------------

    [Fact]
    public void Allocate_TwoDueInvoicesOfEqualAgeAndBurden_ShareProportionally()
    {
        var account = NewAccount().Post(InvoiceOn("inv-a", 300m), InvoiceOn("inv-b", 100m));

        var allocation = Allocate(account, Pay(200m, Day(40)));

        Assert.Equal(
            [("RE-inv-a", 150m, AllocationRule.Proportional), ("RE-inv-b", 50m, AllocationRule.Proportional)],
            allocation.Lines.Select(l => (l.DocumentNumber, l.Amount.Amount, l.Rule)));
        Assert.Equal(2, allocation.Differences.Count);
    }

    [Fact]
    public void Allocate_TwoEqualDueInvoices_PaymentTooSmallForBoth_HalfEach()
    {
        var account = NewAccount().Post(InvoiceOn("inv-a", 100m), InvoiceOn("inv-b", 100m));

        var allocation = Allocate(account, Pay(100m, Day(40)));
        var after = account.PostAllocation(allocation);

        Assert.Equal([50m, 50m], allocation.Lines.Select(l => l.Amount.Amount));
        Assert.All(allocation.Lines, l => Assert.Equal(AllocationRule.Proportional, l.Rule));
        Assert.Equal((Eur(50m), Eur(50m)), (after.Open("inv-a"), after.Open("inv-b")));
    }

    [Fact]
    public void Allocate_ProportionalSplit_LeftoverCentGoesToTheFirstInOrder()
    {
        var account = NewAccount().Post(InvoiceOn("inv-a", 100m), InvoiceOn("inv-b", 100m));

        var allocation = Allocate(account, Pay(100.01m, Day(40)));

        Assert.Equal([50.01m, 50m], allocation.Lines.Select(l => l.Amount.Amount));
    }

    [Fact]
    public void Allocate_DueBeforeNotYetDue_EvenWhenNewer()
    {
        var account = NewAccount().Post(
            InvoiceOn("old-not-due", 100m, documentDate: Day(-5), dueDate: Day(60)),
            InvoiceOn("new-due", 100m, documentDate: Day(0), dueDate: Day(10)));

        var allocation = Allocate(account, Pay(100m, Day(10)));

        var line = Assert.Single(allocation.Lines);
        Assert.Equal(("RE-new-due", AllocationRule.DueFirst), (line.DocumentNumber, line.Rule));
    }

    [Fact]
    public void Allocate_InterestBearingBeforeOtherDueDebts()
    {
        // An overdue invoice bears default interest; a fee standing alone bears none (BGB §289): the invoice is the more burdensome.
        var account = NewAccount().Post(
            Charge("fee-1", ChargeKind.DunningFee, 10m, date: Day(1)),
            InvoiceOn("inv-1", 100m, documentDate: Day(2), dueDate: Day(20)));

        var allocation = Allocate(account, Pay(100m, Day(40)));

        var line = Assert.Single(allocation.Lines);
        Assert.Equal(("RE-inv-1", AllocationRule.Burden), (line.DocumentNumber, line.Rule));
    }

    [Fact]
    public void Allocate_EqualBurden_OlderFirst()
    {
        var account = NewAccount().Post(
            InvoiceOn("newer", 100m, documentDate: Day(5), dueDate: Day(20)),
            InvoiceOn("older", 100m, documentDate: Day(1), dueDate: Day(25)));

        var allocation = Allocate(account, Pay(100m, Day(40)));

        Assert.Equal("RE-older", Assert.Single(allocation.Lines).DocumentNumber);
    }

    [Fact]
    public void Allocate_NotYetDueDebts_OlderFirstWithRuleAge()
    {
        var account = NewAccount().Post(InvoiceOn("b", 100m, documentDate: Day(2)), InvoiceOn("a", 100m, documentDate: Day(1)));

        var allocation = Allocate(account, Pay(150m, Day(3)));

        Assert.Equal([("RE-a", 100m, AllocationRule.Age), ("RE-b", 50m, AllocationRule.Age)], allocation.Lines.Select(l => (l.DocumentNumber, l.Amount.Amount, l.Rule)));
    }

    [Fact]
    public void Allocate_OldestDueFirst_OrdersByDueDateAndNeverSplits()
    {
        var account = NewAccount().Post(
            InvoiceOn("later", 100m, documentDate: Day(0), dueDate: Day(30)),
            InvoiceOn("sooner", 100m, documentDate: Day(5), dueDate: Day(15)),
            InvoiceOn("twin", 100m, documentDate: Day(5), dueDate: Day(15)));

        var allocation = Allocate(account, Pay(150m, Day(40)), AllocationSettings.Default with { Order = AllocationOrder.OldestDueFirst });

        Assert.Equal(
            [("RE-sooner", 100m, AllocationRule.OldestDueFirst), ("RE-twin", 50m, AllocationRule.OldestDueFirst)],
            allocation.Lines.Select(l => (l.DocumentNumber, l.Amount.Amount, l.Rule)));
    }

    // --- §366(1): designation -------------------------------------------------------------------------------------

    [Fact]
    public void Allocate_DocumentNumberInReference_IsSettledFirst()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 100m, documentDate: Day(-30), dueDate: Day(-1)), InvoiceOn("inv-2", 100m));

        var allocation = Allocate(account, Pay(100m, Day(40), reference: "Invoice RE-inv-2, thanks"));

        var line = Assert.Single(allocation.Lines);
        Assert.Equal(("RE-inv-2", AllocationRule.Designation), (line.DocumentNumber, line.Rule));
    }

    [Fact]
    public void Allocate_ReferenceMatching_IgnoresCaseAndSeparators()
    {
        var account = NewAccount().Post(
            InvoicePosted.Single(Id("i1"), "RE-2026/0042", Day0, Day(30), Eur(100m)),
            InvoicePosted.Single(Id("i2"), "RE-2026/0041", Day(-1), Day(29), Eur(100m)));

        var allocation = Allocate(account, Pay(100m, Day(40), reference: "re20260042"));

        Assert.Equal("RE-2026/0042", Assert.Single(allocation.Lines).DocumentNumber);
    }

    [Fact]
    public void Allocate_ExplicitDesignation_IsSettledFirst()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 100m, documentDate: Day(-30)), InvoiceOn("inv-2", 100m));

        var allocation = Allocate(account, Pay(100m, Day(40), designated: "inv-2"));

        Assert.Equal(("RE-inv-2", AllocationRule.Designation), (allocation.Lines[0].DocumentNumber, allocation.Lines[0].Rule));
    }

    [Fact]
    public void Allocate_DesignationExceeded_RestFollowsTheOrder()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 100m, documentDate: Day(-30)), InvoiceOn("inv-2", 100m));

        var allocation = Allocate(account, Pay(150m, Day(40), reference: "RE-inv-2"));

        Assert.Equal([("RE-inv-2", 100m, AllocationRule.Designation), ("RE-inv-1", 50m, AllocationRule.Burden)], allocation.Lines.Select(l => (l.DocumentNumber, l.Amount.Amount, l.Rule)));
    }

    [Fact]
    public void Allocate_ReferenceMatchingSwitchedOff_IgnoresTheReference()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 100m, documentDate: Day(-30)), InvoiceOn("inv-2", 100m));

        var allocation = Allocate(account, Pay(100m, Day(40), reference: "RE-inv-2"), AllocationSettings.Default with { MatchReference = false });

        Assert.Equal("RE-inv-1", Assert.Single(allocation.Lines).DocumentNumber);
    }

    // --- Currencies, payers, no open items ------------------------------------------------------------------------

    [Fact]
    public void Allocate_ItemsInOtherCurrencies_AreLeftAlone()
    {
        var account = NewAccount().Post(InvoicePosted.Single(Id("usd"), "US-1", Day0, Day(10), Usd(100m)), InvoiceOn("eur", 100m));

        var allocation = Allocate(account, Pay(150m, Day(40)));

        Assert.Equal([("RE-eur", 100m)], allocation.Lines.Select(l => (l.DocumentNumber, l.Amount.Amount)));
        Assert.Equal(Eur(50m), allocation.UnappliedCredit);
    }

    [Fact]
    public void Allocate_NothingOpen_AllIsUnappliedCredit()
    {
        var allocation = Allocate(NewAccount(), Pay(10m, Day(1)));

        Assert.Empty(allocation.Lines);
        Assert.Equal(Eur(10m), allocation.UnappliedCredit);
    }

    [Fact]
    public void Allocate_PayerAcrossAccounts_SameOrderRules()
    {
        var payer = NewAccount(CustomerWith(id: "C-9000")).Post(InvoiceOn("own", 100m, documentDate: Day(3)));
        var child = NewAccount(CustomerWith(id: "C-1000") with { Payer = new CustomerId("C-9000") }).Post(InvoiceOn("child", 100m, documentDate: Day(1)));

        var allocation = PaymentAllocator.Allocate([payer, child], Pay(150m, Day(40)), AllocationSettings.Default);

        Assert.Equal(
            [("C-1000", "RE-child", 100m), ("C-9000", "RE-own", 50m)],
            allocation.Lines.Select(l => (l.Customer.Value, l.DocumentNumber, l.Amount.Amount)));
        Assert.Equal(new CustomerId("C-9000"), allocation.ReceivedBy);
    }

    [Fact]
    public void Allocate_SameItemsListedInAnotherOrder_SameAllocation()
    {
        InvoicePosted[] invoices = [InvoiceOn("a", 100m), InvoiceOn("b", 100m), InvoiceOn("c", 70m, documentDate: Day(-3))];
        var forward = NewAccount().Post(invoices);
        var backward = NewAccount().Post([.. invoices.Reverse()]);

        var one = Allocate(forward, Pay(170.05m, Day(40)));
        var other = Allocate(backward, Pay(170.05m, Day(40)));

        Assert.Equal(one.Lines, other.Lines);
    }

    [Theory]
    [InlineData(AllocationOrder.Statutory)]
    [InlineData(AllocationOrder.OldestDueFirst)]
    public void Allocate_PaymentCoveringManyDebts_KeepsTheOrderBeyondTheFirstFew(AllocationOrder order)
    {
        // 30 invoices with scattered dates; the first few debts are picked one by one, the rest after one sort.
        var invoices = Enumerable.Range(1, 30)
            .Select(i => InvoiceOn("inv-" + i, 10m + i, documentDate: Day(i * 7 % 31), dueDate: Day(40 + (i * 11 % 29))))
            .ToArray();
        var account = NewAccount().Post(invoices);
        var expected = order == AllocationOrder.Statutory
            ? invoices.OrderBy(i => i.DocumentDate).ThenBy(i => i.DueDate).ThenBy(i => i.DocumentNumber, StringComparer.Ordinal)
            : invoices.OrderBy(i => i.DueDate).ThenBy(i => i.DocumentDate).ThenBy(i => i.DocumentNumber, StringComparer.Ordinal);

        var allocation = Allocate(account, Pay(10_000m, Day(80)), AllocationSettings.Default with { Order = order });

        Assert.Equal(expected.Select(i => i.DocumentNumber), allocation.Lines.Select(l => l.DocumentNumber));
        Assert.Equal(Eur(10_000m - invoices.Sum(i => i.Amount.Amount)), allocation.UnappliedCredit);
    }

    [Fact]
    public void Allocate_LinesExplainThemselves()
    {
        var account = NewAccount().Post(InvoiceOn("inv-1", 100m), Charge("fee-1", ChargeKind.DunningFee, 10m, related: "inv-1"));

        var allocation = Allocate(account, Pay(110m, Day(60), reference: "RE-inv-1"));

        Assert.Equal(
            ["BGB §367(1): costs and interest of the claim before its principal", "BGB §366(1): designated by the payer"],
            allocation.Lines.Select(l => l.Explanation));
    }

    [Fact]
    public void Allocate_PaymentNotPositive_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Allocate(NewAccount(), Pay(0m, Day(1))));

        Assert.Equal("payment", exception.ParamName);
    }

    [Fact]
    public void Allocate_SameAccountTwice_Throws()
    {
        var account = NewAccount();

        Assert.Throws<ArgumentException>(() => PaymentAllocator.Allocate([account, account], Pay(1m, Day(1)), AllocationSettings.Default));
    }
}
