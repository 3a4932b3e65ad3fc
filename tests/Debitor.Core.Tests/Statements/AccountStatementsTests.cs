using Debitor.Core.Documents;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Statements;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Statements;

public sealed class AccountStatementsTests
{
    private static readonly ReceivablesContact Contact = new("Accounts receivable", "+49 30 123456", "ar@example.com");

    /// <summary>Opening 50.00 from 2025; in 2026 an invoice, a credit note, a payment that comes back, a fee written off, the credit note reversed.</summary>
    private static CustomerAccount History() => NewAccount().Post(
        Invoice("0", 200m, dueDate: Date(2025, 12, 10), documentDate: Date(2025, 11, 10)),
        Payment("p0", 150m, Date(2025, 12, 20)),
        new PaymentApplied(Id("a0"), Id("p0"), new InstallmentRef(Id("0")), Eur(150m), Date(2025, 12, 20)),
        Invoice("1", 1_000m, dueDate: Date(2026, 2, 10), documentDate: Date(2026, 1, 10)),
        new CreditNotePosted(Id("cn"), "GS-1", Date(2026, 2, 1), Eur(100m)),
        Payment("p1", 500m, Date(2026, 3, 1)),
        Apply("a1", "p1", "1", 500m),
        new ChargePosted(Id("fee"), ChargeKind.DunningFee, "M-1", Date(2026, 3, 3), Date(2026, 3, 17), Eur(5m)),
        new PaymentReturned(Id("ret"), Id("p1"), Date(2026, 3, 5), ReturnKind.DirectDebit, "MD06"),
        new WriteOffPosted(Id("wo"), new InstallmentRef(Id("fee")), Eur(5m), Date(2026, 3, 6), "goodwill"),
        new EntryReversed(Id("rev"), Id("cn"), Date(2026, 3, 7), "issued in error"));

    [Fact]
    public void OpenItems_ToleranceAndDiscount_ShowTheLimitAndTheDiscountAvailableOnTheStatementDate()
    {
        var customer = NewCustomer() with { PaymentTolerance = new Debitor.Core.Customers.PaymentTolerance(1m, 5m) };
        var invoice = Invoice("1", 1_000m, dueDate: Date(2026, 2, 10), documentDate: Date(2026, 1, 10)) with
        {
            CashDiscounts = [new Debitor.Core.Customers.CashDiscountStage(3m, Date(2026, 1, 20))],
        };
        var account = NewAccount(customer).Post(invoice);

        var early = Assert.Single(Assert.Single(AccountStatements.OpenItems(account, Date(2026, 1, 15), null, Contact).Lines).Installments);
        var late = Assert.Single(Assert.Single(AccountStatements.OpenItems(account, Date(2026, 2, 1), null, Contact).Lines).Installments);

        // Tolerance: the lower of 1 % of 1,000.00 and 5.00; discount: 3 % of 1,000.00 until 20 January.
        Assert.Equal(Eur(5m), early.ToleranceLimit);
        Assert.Equal((Eur(30m), 3m, Date(2026, 1, 20), false), (early.CashDiscount!.Amount, early.CashDiscount.Percent, early.CashDiscount.LastDay, early.CashDiscount.IsLate));
        Assert.Null(late.CashDiscount);
    }

    [Fact]
    public void Full_ClosingBalanceEqualsTheLedgerBalance()
    {
        var account = History();

        var statement = AccountStatements.Full(account, Today, FiscalYearStart.January1, Contact);

        var section = Assert.Single(statement.Sections);
        Assert.Equal(Eur(50m), section.OpeningBalance);
        Assert.Equal(Eur(1_050m), section.ClosingBalance);
        Assert.Equal(account.BalanceIn(Currency.EUR), section.ClosingBalance);
        Assert.Equal(Eur(1_605m), section.TotalDebits);
        Assert.Equal(Eur(-605m), section.TotalCredits);
    }

    [Fact]
    public void Full_ListsEveryMovementByDateWithRunningBalance_ButNoApplications()
    {
        var statement = AccountStatements.Full(History(), Today, FiscalYearStart.January1, Contact);

        var lines = statement.Sections[0].Lines.Select(l => (l.Date, l.Kind, l.DocumentNumber, l.Amount.Amount, l.Balance.Amount, l.Note));
        Assert.Equal(
            [
                (Date(2026, 1, 10), MovementKind.Invoice, "RE-1", 1_000m, 1_050m, null),
                (Date(2026, 2, 1), MovementKind.CreditNote, "GS-1", -100m, 950m, null),
                (Date(2026, 3, 1), MovementKind.Payment, "p1", -500m, 450m, null),
                (Date(2026, 3, 3), MovementKind.DunningFee, "M-1", 5m, 455m, null),
                (Date(2026, 3, 5), MovementKind.PaymentReturned, "p1", 500m, 955m, "MD06"),
                (Date(2026, 3, 6), MovementKind.WriteOff, "M-1", -5m, 950m, "goodwill"),
                (Date(2026, 3, 7), MovementKind.Reversal, "GS-1", 100m, 1_050m, "issued in error"),
            ],
            lines);
    }

    [Fact]
    public void Full_FiscalYearFromJuly_TakesLastYearsMovementsIntoThePeriod()
    {
        var statement = AccountStatements.Full(History(), Today, new FiscalYearStart(7, 1), Contact);

        var section = statement.Sections[0];
        Assert.Equal(new DateInterval(Date(2025, 7, 1), Date(2026, 6, 30)), statement.FiscalYear);
        Assert.Equal(new DateInterval(Date(2025, 7, 1), Today), statement.Period);
        Assert.Equal(Eur(0m), section.OpeningBalance);
        Assert.Equal(9, section.Lines.Count);
        Assert.Equal(Eur(1_050m), section.ClosingBalance);
    }

    [Fact]
    public void Full_DatedBeforeLaterMovements_ClosesWithTheBalanceAsOfItsDate()
    {
        var statement = AccountStatements.Full(History(), Date(2026, 3, 4), FiscalYearStart.January1, Contact);

        Assert.Equal(Eur(455m), statement.ClosingBalanceIn(Currency.EUR));
        Assert.Equal(Date(2026, 3, 3), statement.Sections[0].Lines[^1].Date);
    }

    [Fact]
    public void Full_SameDay_KeepsJournalOrder()
    {
        var account = NewAccount().Post(Payment("p", 100m, Date(2026, 3, 1)), Invoice("1", 100m, documentDate: Date(2026, 3, 1)));

        var lines = AccountStatements.Full(account, Today, FiscalYearStart.January1, Contact).Sections[0].Lines;

        Assert.Equal([MovementKind.Payment, MovementKind.Invoice], lines.Select(l => l.Kind));
        Assert.Equal([Eur(-100m), Eur(0m)], lines.Select(l => l.Balance));
    }

    [Fact]
    public void Full_DocumentModel_NamesCustomerContactAndAStableId()
    {
        var statement = AccountStatements.Full(History(), Today, FiscalYearStart.January1, Contact);

        Assert.Equal("C-1000/account-statement/2026-03-15", statement.DocumentId);
        Assert.Equal("1000", statement.CustomerNumber);
        Assert.Equal("Müller GmbH", statement.CustomerName);
        Assert.Same(Contact, statement.Contact);
        Assert.Equal(statement, AccountStatements.Full(History(), Today, FiscalYearStart.January1, Contact));
    }

    [Fact]
    public void Full_SeveralCurrencies_OneSectionEachOrderedByCode()
    {
        var account = NewAccount().Post(
            InvoicePosted.Single(Id("u"), "RE-U", Date(2026, 1, 5), Date(2026, 2, 5), Usd(70m)),
            Invoice("e", 30m, documentDate: Date(2026, 1, 6)));

        var statement = AccountStatements.Full(account, Today, FiscalYearStart.January1, Contact);

        Assert.Equal([Currency.EUR, Currency.USD], statement.Sections.Select(s => s.Currency));
        Assert.Equal(Usd(70m), statement.ClosingBalanceIn(Currency.USD));
        Assert.Equal(Money.Zero(Currency.GBP), statement.ClosingBalanceIn(Currency.GBP));
    }

    [Fact]
    public void Full_ReversedApplication_IsNoMovement()
    {
        var account = NewAccount().Post(Invoice("1", 100m), Payment("p", 100m), Apply("a", "p", "1", 100m), new EntryReversed(Id("r"), Id("a"), Today, "wrong invoice"));

        var lines = AccountStatements.Full(account, Today, FiscalYearStart.January1, Contact).Sections[0].Lines;

        Assert.Equal([MovementKind.Invoice, MovementKind.Payment], lines.Select(l => l.Kind));
    }

    [Fact]
    public void OpenItems_ListsOpenItemsAndInstallmentsWithDueDatesDaysOverdueAndInterest()
    {
        var account = NewAccount().Post(
            new InvoicePosted(Id("1"), "RE-1", Date(2026, 1, 10), Date(2026, 3, 31), Eur(1_000m), [
                new Installment(Eur(300m), Date(2026, 2, 1), InstallmentKind.Prepayment),
                new Installment(Eur(700m), null, InstallmentKind.Remainder)]),
            Payment("p", 250m),
            Apply("a", "p", "1", 200m));
        var scheme = InterestScheme.Fixed(10m);

        var statement = AccountStatements.OpenItems(account, Today, scheme, Contact);

        Assert.Equal(2, statement.Lines.Count);
        var invoice = statement.Lines[0];
        Assert.Equal((Id("1"), Date(2026, 2, 1), 42, Eur(800m), Eur(2.63m)), (invoice.Item, invoice.DueDate!.Value, invoice.DaysOverdue, invoice.OpenAmount, invoice.Interest));
        Assert.Equal(
            [
                new OpenItemsStatementInstallment(1, InstallmentKind.Prepayment, Date(2026, 2, 1), 42, Eur(300m), Eur(100m)) { ToleranceLimit = Eur(0m) },
                new OpenItemsStatementInstallment(2, InstallmentKind.Remainder, Date(2026, 3, 31), 0, Eur(700m), Eur(700m)) { ToleranceLimit = Eur(0m) },
            ],
            invoice.Installments);
        var credit = statement.Lines[1];
        Assert.Equal((ItemKind.Payment, Eur(-50m), 0, Eur(0m)), (credit.Kind, credit.OpenAmount, credit.DaysOverdue, credit.Interest));
        Assert.Empty(credit.Installments);
        Assert.Equal(
            new OpenItemsStatementTotal(Currency.EUR, Eur(800m), Eur(50m), Eur(750m), Eur(100m), Eur(2.63m), Eur(0m), Eur(752.63m)),
            Assert.Single(statement.Totals));
    }

    [Fact]
    public void OpenItems_InterestOnAnInvoicePaidLate_IsInTheTotalsSoTheyMatchTheHeadline()
    {
        var account = NewAccount().Post(
            Invoice("1", 1_000m, dueDate: Date(2026, 1, 1)),
            Invoice("2", 100m, dueDate: Date(2026, 4, 1)),
            Payment("p", 1_000m),
            Apply("a", "p", "1", 1_000m));
        var scheme = InterestScheme.Fixed(10m);

        var statement = AccountStatements.OpenItems(account, Today, scheme, Contact);

        var total = Assert.Single(statement.Totals);
        Assert.Equal(RE("2"), Assert.Single(statement.Lines).DocumentNumber);
        Assert.Equal(Eur(15.89m), total.InterestOnSettledItems);
        Assert.Equal(AccountInterest.OpenTotalIncludingInterest(account, scheme, Today), [total.BalanceIncludingInterest]);
    }

    [Fact]
    public void OpenItems_WithoutScheme_ShowsNoInterest_AndAStableId()
    {
        var account = NewAccount().Post(Invoice("1", 100m, dueDate: Date(2025, 1, 1)));

        var statement = AccountStatements.OpenItems(account, Today, null, Contact);

        Assert.Equal(Eur(0m), statement.Lines[0].Interest);
        Assert.Equal("C-1000/open-items-statement/2026-03-15", statement.DocumentId);
        Assert.Equal(Contact, statement.Contact);
    }

    [Fact]
    public void OpenItems_NothingOpen_HasNoLinesAndNoTotals()
    {
        var account = NewAccount().Post(Invoice("1", 100m), Payment("p", 100m), Apply("a", "p", "1", 100m));

        var statement = AccountStatements.OpenItems(account, Today, null, Contact);

        Assert.Empty(statement.Lines);
        Assert.Empty(statement.Totals);
    }

    private static string RE(string id) => "RE-" + id;
}
