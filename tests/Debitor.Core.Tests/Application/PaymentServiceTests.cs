using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.PaymentTestData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

public sealed class PaymentServiceTests
{
    private static readonly CustomerId Payer = new("C-9000");
    private static readonly CustomerId ChildB = new("C-2000");

    /// <summary>"Today" for these tests: after the scenario dates (day 0 is 1 March 2026).</summary>
    private static readonly Instant Later = Instant.FromUtc(2026, 5, 4, 8, 0);

    private readonly ServiceFixture _fixture = Fixture();

    private static ServiceFixture Fixture(ICustomerAccountStore? store = null)
    {
        var fixture = new ServiceFixture(store: store);
        fixture.Clock.Reset(Later);
        return fixture;
    }

    private PaymentService Payments => _fixture.Payments;

    private CustomerAccountService Accounts => _fixture.Service;

    private async Task<CustomerAccount> CustomerWithInvoiceAsync(Customer customer, params JournalEntry[] entries)
    {
        await Accounts.RegisterCustomerAsync(Accountant, customer);
        return entries.Length == 0 ? await Accounts.GetAccountAsync(Accountant, customer.Id) : await Accounts.PostAllAsync(Accountant, customer.Id, entries);
    }

    private async Task<CustomerAccount> LoadAsync(CustomerId customer) => await Accounts.GetAccountAsync(Accountant, customer);

    // --- apply ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ApplyPaymentAsync_WithinDiscountTolerance_PostsPaymentApplicationAndDiscount()
    {
        await CustomerWithInvoiceAsync(CustomerWith(discountPercent: 2m, toleranceDays: 3), InvoiceOn("inv-1", 1000m));

        var result = await Payments.ApplyPaymentAsync(Clerk, CustomerA, Pay(980m, Day(13)));

        Assert.Equal(PaymentStatus.Applied, result.Status);
        var account = Assert.Single(result.Accounts);
        Assert.Equal(Eur(0m), account.Open("inv-1"));
        Assert.Equal(ItemStatus.Paid, account.FindItem(Id("inv-1"))!.Status);
        Assert.Equal(
            ["pay-1", "pay-1/apply/1", "pay-1/discount/1"],
            account.Journal.Skip(2).Select(r => r.Entry.Id.Value));
        var discount = Assert.IsType<WriteOffPosted>(account.Journal[^1].Entry);
        Assert.Equal((Eur(20m), Day(13), "Verspätetes Skonto akzeptiert mit Zahlung pay-1"), (discount.Amount, discount.Date, discount.Reason));
        Assert.Equal(account.Version, (await LoadAsync(CustomerA)).Version);
    }

    [Fact]
    public async Task ApplyPaymentAsync_Always_HandsOverAPaymentAdviceNamingContactAndRecipient()
    {
        _fixture.Options.ReceivablesContact = new ReceivablesContact("Erika Muster", "+49 30 1234", "ar@example.com");
        await CustomerWithInvoiceAsync(CustomerWith(tolerance: new PaymentTolerance(1m, 5m)), InvoiceOn("inv-1", 1000m));

        var result = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(995m, Day(20)));

        var advice = Assert.IsType<PaymentAdvice>(Assert.Single(result.Documents));
        Assert.Equal(("pay-1/advice", CustomerA, CustomerA, "Erika Muster"), (advice.DocumentId, advice.Customer, advice.Recipient, advice.Contact.Name));
        var line = Assert.Single(advice.Lines);
        Assert.Equal((Eur(995m), Eur(0m), Eur(5m), Eur(0m)), (line.Paid, line.CashDiscount, line.WrittenOff, line.RemainingOpen));
        Assert.Same(advice, Assert.Single(_fixture.Output.Documents));
    }

    [Fact]
    public async Task ApplyPaymentAsync_OutsideTolerance_ProducesADifferenceNotification()
    {
        await CustomerWithInvoiceAsync(CustomerWith(tolerance: new PaymentTolerance(1m, 5m)), InvoiceOn("inv-1", 1000m));

        var result = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(994m, Day(20)));

        Assert.Equal(Eur(6m), result.Accounts[0].Open("inv-1"));
        var notification = Assert.Single(result.Documents.OfType<DifferenceNotification>());
        Assert.Equal(
            ("pay-1/difference/1", "RE-inv-1", Eur(1000m), Eur(994m), Eur(6m), CustomerA, ReceivablesContact.Default),
            (notification.DocumentId, notification.DocumentNumber, notification.Owed, notification.Paid, notification.RemainingOpen, notification.Recipient, notification.Contact));
    }

    [Fact]
    public async Task ApplyPaymentAsync_PaymentAdviceSwitchedOff_OnlyDifferenceNotifications()
    {
        _fixture.Options.Payments.ProducePaymentAdvice = false;
        await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 1000m));

        var result = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(500m, Day(20)));

        Assert.IsType<DifferenceNotification>(Assert.Single(result.Documents));
    }

    // --- idempotency ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task ApplyPaymentAsync_OverpaymentWithinTolerance_PostsTheSurplusWriteOffOnceAndShowsItOnTheAdvice()
    {
        await CustomerWithInvoiceAsync(CustomerWith(tolerance: new PaymentTolerance(1m, 5m)), InvoiceOn("inv-1", 1000m));

        var first = await Payments.ApplyPaymentAsync(Clerk, CustomerA, Pay(1003m, Day(40)));
        var again = await Payments.ApplyPaymentAsync(Clerk, CustomerA, Pay(1003m, Day(40)));

        var account = Assert.Single(again.Accounts);
        Assert.Equal((PaymentStatus.Applied, PaymentStatus.AlreadyApplied), (first.Status, again.Status));
        Assert.Equal(["pay-1", "pay-1/apply/1", "pay-1/surplus/1"], account.Journal.Skip(2).Select(r => r.Entry.Id.Value));
        Assert.Equal((Eur(0m), Eur(0m)), (account.BalanceIn(Currency.EUR), account.Open("pay-1")));
        Assert.Equal(first.Allocation!.Lines, again.Allocation!.Lines);
        var advice = Assert.IsType<PaymentAdvice>(first.Documents[0]);
        Assert.Equal(Eur(-3m), Assert.Single(advice.Lines).WrittenOff);
    }

    [Fact]
    public async Task ApplyPaymentAsync_SameIdAgain_ChangesNothingAndReturnsTheEarlierResult()
    {
        await CustomerWithInvoiceAsync(
            CustomerWith(discountPercent: 2m, tolerance: new PaymentTolerance(1m, 5m)),
            InvoiceOn("inv-1", 1000m), InvoiceOn("inv-2", 300m, documentDate: Day(-40)), Charge("fee-1", ChargeKind.DunningFee, 5m, related: "inv-2"));
        var first = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(1281m, Day(5), reference: "RE-inv-1 RE-inv-2"));

        var again = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(1281m, Day(5), reference: "RE-inv-1 RE-inv-2"));

        Assert.Equal(PaymentStatus.AlreadyApplied, again.Status);
        Assert.Equal(first.Accounts[0].Version, again.Accounts[0].Version);
        Assert.Equal(first.Allocation!.Lines, again.Allocation!.Lines);
        Assert.Equal(
            (first.Allocation.Applied, first.Allocation.CashDiscount, first.Allocation.ToleranceWriteOff, first.Allocation.UnappliedCredit),
            (again.Allocation.Applied, again.Allocation.CashDiscount, again.Allocation.ToleranceWriteOff, again.Allocation.UnappliedCredit));
        Assert.Single(_fixture.Output.Documents);
    }

    [Fact]
    public async Task ApplyPaymentAsync_SameIdAfterTheSettingsChanged_ReturnsTheRecordedAmounts()
    {
        await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m, documentDate: Day(-10), dueDate: Day(35)), InvoiceOn("inv-2", 100m, dueDate: Day(20)));
        var first = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(100m, Day(40)));
        _fixture.Options.Payments.Allocation = AllocationSettings.Default with { Order = AllocationOrder.OldestDueFirst };

        var again = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(100m, Day(40)));

        Assert.Equal(PaymentStatus.AlreadyApplied, again.Status);
        var line = Assert.Single(again.Allocation!.Lines);
        Assert.Equal((first.Allocation!.Lines[0].Target, Eur(100m), AllocationRule.AsRecorded), (line.Target, line.Amount, line.Rule));
    }

    [Fact]
    public async Task ApplyPaymentAsync_SameIdOtherValueDate_IsRefusedAsDuplicate()
    {
        await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));
        await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(100m, Day(40)));

        await Assert.ThrowsAsync<DuplicateEntryException>(() => Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(100m, Day(41))));
        await Assert.ThrowsAsync<DuplicateEntryException>(() => Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(90m, Day(40))));
    }

    // --- refusals -------------------------------------------------------------------------------------------------

    public static TheoryData<string, decimal, int, PaymentRefusalReason> Refusals => new()
    {
        { "C-1000", -5m, 0, PaymentRefusalReason.AmountNotPositive },
        { "C-1000", 0m, 0, PaymentRefusalReason.AmountNotPositive },
        { "C-1000", 1.005m, 0, PaymentRefusalReason.AmountNotRounded },
        { "C-1000", 10m, 8, PaymentRefusalReason.ValueDateTooFarAhead },
        { "C-4711", 10m, 0, PaymentRefusalReason.UnknownCustomer },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ApplyPaymentAsync_Refused_LeavesEverythingUnchanged(string customer, decimal amount, int daysAfterToday, PaymentRefusalReason reason)
    {
        var before = await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));

        var result = await Payments.ApplyPaymentAsync(Accountant, new CustomerId(customer), new IncomingPayment(Id("pay-1"), Eur(amount), Payments.Today.PlusDays(daysAfterToday)));

        Assert.Equal((PaymentStatus.Refused, reason), (result.Status, result.Refusal!.Reason));
        Assert.Null(result.Allocation);
        Assert.Equal(before.Version, (await LoadAsync(CustomerA)).Version);
        Assert.Empty(_fixture.Output.Documents);
    }

    [Fact]
    public async Task ApplyPaymentAsync_ValueDateAtTheLimit_IsAccepted()
    {
        await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));

        var result = await Payments.ApplyPaymentAsync(Accountant, CustomerA, new IncomingPayment(Id("pay-1"), Eur(10m), Payments.Today.PlusDays(7)));

        Assert.Equal(PaymentStatus.Applied, result.Status);
    }

    [Fact]
    public async Task ApplyPaymentAsync_DesignatedItemInAnotherCurrency_IsRefused()
    {
        var before = await CustomerWithInvoiceAsync(NewCustomer(), InvoicePosted.Single(Id("usd-1"), "US-1", Day0, Day(30), Usd(100m)));

        var result = await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(100m, Day(5), designated: "usd-1"));

        Assert.Equal(PaymentRefusalReason.CurrencyMismatch, result.Refusal!.Reason);
        Assert.Equal(before.Version, (await LoadAsync(CustomerA)).Version);
    }

    [Fact]
    public async Task ApplyPaymentAsync_Viewer_IsNotAuthorized()
    {
        var before = await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));

        await Assert.ThrowsAsync<AuthorizationException>(() => Payments.ApplyPaymentAsync(Viewer, CustomerA, Pay(100m, Day(5))));
        Assert.Equal(before.Version, (await LoadAsync(CustomerA)).Version);
    }

    // --- payer (R3.7) ---------------------------------------------------------------------------------------------

    private async Task PayerWithTwoCustomersAsync()
    {
        await CustomerWithInvoiceAsync(NewCustomer("C-9000", "Holding AG"), InvoiceOn("own", 100m, documentDate: Day(5)));
        await CustomerWithInvoiceAsync(NewCustomer() with { Payer = Payer }, InvoiceOn("a", 100m, documentDate: Day(1)));
        await CustomerWithInvoiceAsync(NewCustomer("C-2000") with { Payer = Payer }, InvoiceOn("b", 100m, documentDate: Day(2)));
    }

    [Fact]
    public async Task ApplyPaymentAsync_FromPayer_SettlesTheCustomersItPaysForInTheSameOrder()
    {
        await PayerWithTwoCustomersAsync();

        var result = await Payments.ApplyPaymentAsync(Accountant, Payer, Pay(350m, Day(40)));

        Assert.Equal(["C-9000", "C-1000", "C-2000"], result.Accounts.Select(a => a.Id.Value));
        Assert.Equal([("C-1000", 100m), ("C-2000", 100m), ("C-9000", 100m)], result.Allocation!.Lines.Select(l => (l.Customer.Value, l.Amount.Amount)));
        Assert.Equal(Eur(50m), result.Allocation.UnappliedCredit);
        var childPayment = (PaymentReceived)(await LoadAsync(CustomerA)).FindEntry(Id("pay-1"))!;
        Assert.Equal((Eur(100m), (CustomerId?)Payer), (childPayment.Amount, childPayment.Payer));
        var payerAccount = await LoadAsync(Payer);
        Assert.Equal(Eur(50m), payerAccount.FindItem(Id("pay-1"))!.OpenAmount);
        Assert.Equal(Eur(-50m), payerAccount.BalanceIn(Currency.EUR));
        Assert.Equal(Eur(0m), (await LoadAsync(ChildB)).BalanceIn(Currency.EUR));
    }

    [Fact]
    public async Task ApplyPaymentAsync_FromPayerShort_DifferenceNotificationGoesToThePayer()
    {
        await PayerWithTwoCustomersAsync();

        var result = await Payments.ApplyPaymentAsync(Accountant, Payer, Pay(150m, Day(40)));

        var notification = Assert.Single(result.Documents.OfType<DifferenceNotification>());
        Assert.Equal((ChildB, Payer, Eur(50m)), (notification.Customer, notification.Recipient, notification.RemainingOpen));
        Assert.Equal(Payer, Assert.Single(result.Documents.OfType<PaymentAdvice>()).Recipient);
    }

    [Fact]
    public async Task ApplyPaymentAsync_FromPayer_AppendFailsMidway_RunningAgainCompletesWithoutApplyingTwice()
    {
        var store = new InterceptingStore(new InMemoryCustomerAccountStore());
        var fixture = Fixture(store);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-9000", "Holding AG"));
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer() with { Payer = Payer });
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer("C-2000") with { Payer = Payer });
        await fixture.Service.PostAsync(Accountant, CustomerA, InvoiceOn("a", 100m, documentDate: Day(1)));
        await fixture.Service.PostAsync(Accountant, ChildB, InvoiceOn("b", 100m, documentDate: Day(2)));
        store.BeforeNextAppend = _ =>
        {
            // The first account goes through; the second append fails as if the process died.
            store.BeforeNextAppend = _ => throw new IOException("disk full");
            return ValueTask.CompletedTask;
        };

        await Assert.ThrowsAsync<IOException>(() => fixture.Payments.ApplyPaymentAsync(Accountant, Payer, Pay(250m, Day(40))));
        Assert.NotNull((await fixture.Service.GetAccountAsync(Accountant, CustomerA)).FindEntry(Id("pay-1")));
        Assert.Null((await fixture.Service.GetAccountAsync(Accountant, ChildB)).FindEntry(Id("pay-1")));

        var result = await fixture.Payments.ApplyPaymentAsync(Accountant, Payer, Pay(250m, Day(40)));

        Assert.Equal(PaymentStatus.Applied, result.Status);
        Assert.Equal((Eur(200m), Eur(50m)), (result.Allocation!.Applied, result.Allocation.UnappliedCredit));
        Assert.Equal(Eur(0m), (await fixture.Service.GetAccountAsync(Accountant, CustomerA)).BalanceIn(Currency.EUR));
        Assert.Equal(Eur(0m), (await fixture.Service.GetAccountAsync(Accountant, ChildB)).BalanceIn(Currency.EUR));
        Assert.Equal(Eur(-50m), (await fixture.Service.GetAccountAsync(Accountant, Payer)).BalanceIn(Currency.EUR));
        Assert.Equal(PaymentStatus.AlreadyApplied, (await fixture.Payments.ApplyPaymentAsync(Accountant, Payer, Pay(250m, Day(40)))).Status);
    }

    [Fact]
    public async Task ApplyPaymentAsync_AnotherWriterCameFirst_RetriesAndApplies()
    {
        var store = new InterceptingStore(new InMemoryCustomerAccountStore());
        var fixture = Fixture(store);
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await fixture.Service.PostAsync(Accountant, CustomerA, InvoiceOn("inv-1", 100m));
        store.BeforeNextAppend = async _ =>
            await fixture.Service.RecordCommunicationAsync(Accountant, CustomerA, new CommunicationRecorded(Id("call-1"), CommunicationKind.PhoneCall, "Call", "promised to pay"));

        var result = await fixture.Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(100m, Day(40)));

        Assert.Equal(PaymentStatus.Applied, result.Status);
        var account = await fixture.Service.GetAccountAsync(Accountant, CustomerA);
        Assert.NotNull(account.FindEntry(Id("call-1")));
        Assert.Equal(Eur(0m), account.Open("inv-1"));
    }

    // --- returned payments ----------------------------------------------------------------------------------------

    [Fact]
    public async Task ReturnPaymentAsync_ReopensItemsReversesDiscountAndChargesTheFee()
    {
        var before = await CustomerWithInvoiceAsync(CustomerWith(discountPercent: 2m), InvoiceOn("inv-1", 1000m));
        await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(980m, Day(5)));

        var result = await Payments.ReturnPaymentAsync(Clerk, CustomerA, new PaymentReturn(Id("pay-1"), Day(9), ReturnKind.DirectDebit, "AC04", Eur(3.50m)));

        var account = Assert.Single(result.Accounts);
        Assert.Equal(Eur(1000m), account.Open("inv-1"));
        Assert.Equal(ItemStatus.Returned, account.FindItem(Id("pay-1"))!.Status);
        Assert.Equal(Day(9), account.FindItem(Id("pay-1"))!.ReturnedBy!.ReturnDate);
        var fee = (ChargePosted)account.FindEntry(Id("pay-1/return/fee"))!;
        Assert.Equal((ChargeKind.Cost, Eur(3.50m), (EntryId?)Id("inv-1")), (fee.Kind, fee.Amount, fee.RelatedItem));
        Assert.Equal(Eur(3.50m), result.FeeCharged);
        Assert.Equal([new ReopenedAmount(CustomerA, new InstallmentRef(Id("inv-1")), Eur(980m))], result.Reopened);
        Assert.Equal(before.BalanceIn(Currency.EUR) + Eur(3.50m), account.BalanceIn(Currency.EUR));
    }

    [Fact]
    public async Task ReturnPaymentAsync_Again_ChangesNothing()
    {
        await CustomerWithInvoiceAsync(CustomerWith(tolerance: new PaymentTolerance(1m, 5m)), InvoiceOn("inv-1", 1000m));
        await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(996m, Day(5)));
        var command = new PaymentReturn(Id("pay-1"), Day(9), ReturnKind.Cheque, bankFee: Eur(2m));
        var first = await Payments.ReturnPaymentAsync(Accountant, CustomerA, command);

        var again = await Payments.ReturnPaymentAsync(Accountant, CustomerA, command);

        Assert.Equal(first.Accounts[0].Version, again.Accounts[0].Version);
        Assert.Equal(first.Reopened, again.Reopened);
        Assert.Equal(Eur(1002m), again.Accounts[0].BalanceIn(Currency.EUR));
    }

    [Fact]
    public async Task ReturnPaymentAsync_FromPayer_ReopensInEveryAccount()
    {
        await PayerWithTwoCustomersAsync();
        await Payments.ApplyPaymentAsync(Accountant, Payer, Pay(350m, Day(40)));

        var result = await Payments.ReturnPaymentAsync(Accountant, Payer, new PaymentReturn(Id("pay-1"), Day(45), ReturnKind.DirectDebit));

        Assert.Equal(3, result.Reopened.Count);
        Assert.All(result.Accounts, a => Assert.Equal(Eur(100m), a.BalanceIn(Currency.EUR)));
    }

    [Fact]
    public async Task ReturnPaymentAsync_UnknownPayment_Throws()
    {
        var before = await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));

        await Assert.ThrowsAsync<ArgumentException>(() => Payments.ReturnPaymentAsync(Accountant, CustomerA, new PaymentReturn(Id("nope"), Day(9), ReturnKind.DirectDebit, bankFee: Eur(3m))));
        Assert.Equal(before.Version, (await LoadAsync(CustomerA)).Version);
    }

    // --- small residuals ------------------------------------------------------------------------------------------

    [Fact]
    public async Task WriteOffResidualsAsync_WritesOffResidualsBelowTheThresholdAndNotifies()
    {
        await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m), InvoiceOn("inv-2", 100m), Charge("fee-1", ChargeKind.DunningFee, 0.05m));
        await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(99.98m, Day(40), reference: "RE-inv-1", id: "pay-1"));
        await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(99.50m, Day(40), reference: "RE-inv-2", id: "pay-2"));
        var run = new ResidualWriteOffRun(Id("small-2026-04"), Day(45), [Eur(0.10m), Usd(0.10m)], "Small residual");

        var result = await Payments.WriteOffResidualsAsync(Accountant, run);

        var written = Assert.Single(result.WrittenOff);
        Assert.Equal((CustomerA, "RE-inv-1", Eur(0.02m)), (written.Customer, written.Residual.DocumentNumber, written.Residual.OpenAmount));
        var account = await LoadAsync(CustomerA);
        Assert.Equal((Eur(0m), Eur(0.50m), Eur(0.05m)), (account.Open("inv-1"), account.Open("inv-2"), account.Open("fee-1")));
        var writeOff = (WriteOffPosted)account.FindEntry(Id("small-2026-04/1"))!;
        Assert.Equal((Day(45), "Small residual"), (writeOff.Date, writeOff.Reason));
        var notification = Assert.Single(result.Documents);
        Assert.Equal((CustomerA, CustomerA), (notification.Customer, notification.Recipient));
        Assert.Equal([new WriteOffLine("RE-inv-1", new InstallmentRef(Id("inv-1")), Eur(0.02m), "Small residual")], notification.Lines);
        Assert.Contains(notification, _fixture.Output.Documents);
    }

    [Fact]
    public async Task WriteOffResidualsAsync_Again_WritesOffNothingMoreAndReturnsTheEarlierResult()
    {
        await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));
        await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(99.98m, Day(40)));
        var run = new ResidualWriteOffRun(Id("small"), Day(45), [Eur(0.10m)], "Small residual");
        var first = await Payments.WriteOffResidualsAsync(Accountant, run);
        var version = (await Accounts.GetAccountAsync(Accountant, CustomerA)).Version;

        var again = await Payments.WriteOffResidualsAsync(Accountant, run);

        Assert.Single(first.WrittenOff);
        Assert.Equal(first.WrittenOff, again.WrittenOff);
        Assert.Equal(first.Documents, again.Documents);
        Assert.Equal(version, (await Accounts.GetAccountAsync(Accountant, CustomerA)).Version);
        Assert.Single(_fixture.Output.Documents.OfType<Core.Documents.WriteOffNotification>());
    }

    [Fact]
    public async Task WriteOffResidualsAsync_Clerk_IsNotAuthorized()
    {
        await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));

        await Assert.ThrowsAsync<AuthorizationException>(() => Payments.WriteOffResidualsAsync(Clerk, new ResidualWriteOffRun(Id("small"), Day(45), [Eur(0.10m)], "Small residual")));
    }

    [Fact]
    public async Task WriteOffResidualsAsync_UnknownCustomerNamed_ThrowsBeforeAnythingChanges()
    {
        var before = await CustomerWithInvoiceAsync(NewCustomer(), InvoiceOn("inv-1", 100m));
        await Payments.ApplyPaymentAsync(Accountant, CustomerA, Pay(99.98m, Day(40)));
        var run = new ResidualWriteOffRun(Id("small"), Day(45), [Eur(0.10m)], "Small residual", [CustomerA, new CustomerId("C-4711")]);

        await Assert.ThrowsAsync<ArgumentException>(() => Payments.WriteOffResidualsAsync(Accountant, run));
        Assert.Equal(Eur(0.02m), (await LoadAsync(CustomerA)).Open("inv-1"));
    }
}
