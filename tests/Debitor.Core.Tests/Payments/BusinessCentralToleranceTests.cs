using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

/// <summary>
/// Business Central's published tables "Payment Tolerance and Payment Discount Tolerance", Example 1 (a single document)
/// and Example 2 (multiple documents): payment discount grace period 5 days, maximum payment tolerance 5, invoices of
/// 1,000 dated 1 January 2003. The expected values are the table's columns: cash discount (on time or accepted late),
/// payment tolerance (+ a shortfall written off, − a surplus written off), what stays on the payment or the invoice.
/// </summary>
/// <remarks>
/// Read with these settings: A = late discount accepted (BC's default with the warning off; ours,
/// <see cref="LateDiscountPolicy.Accept"/>); B = refused (<see cref="LateDiscountPolicy.Reject"/>); C and D = decided per
/// invoice (<see cref="IncomingPayment.LateDiscountDecisions"/>). Multiple documents use
/// <see cref="ToleranceScope.Pooled"/>, as BC sums the tolerances of the applied entries. Every date of a row's payment-date
/// range is tried at both ends.
/// </remarks>
public sealed class BusinessCentralToleranceTests
{
    private static readonly LocalDate DocumentDate = new(2003, 1, 1);
    private static readonly LocalDate NetDue = new(2003, 1, 31);

    private static Customer BcCustomer() =>
        NewCustomer() with { PaymentTolerance = new PaymentTolerance(0m, 5m), CashDiscountToleranceDays = 5 };

    private static InvoicePosted BcInvoice(string id, decimal percent, int lastDay) =>
        InvoicePosted.Single(Id(id), "RE-" + id, DocumentDate, NetDue, Eur(1000m)) with { CashDiscounts = [new CashDiscountStage(percent, new LocalDate(2003, 1, lastDay))] };

    private static IEnumerable<LocalDate> Dates(string range) => range switch
    {
        "<=15" => [new(2003, 1, 15), new(2003, 1, 10)],
        "16-20" => [new(2003, 1, 16), new(2003, 1, 20)],
        ">20" => [new(2003, 1, 21), new(2003, 1, 31)],
        "16-17" => [new(2003, 1, 16), new(2003, 1, 17)],
        "18-20" => [new(2003, 1, 18), new(2003, 1, 20)],
        "21-22" => [new(2003, 1, 21), new(2003, 1, 22)],
        ">22" => [new(2003, 1, 23), new(2003, 1, 31)],
        _ => throw new ArgumentOutOfRangeException(nameof(range)),
    };

    private static AllocationSettings Settings(string alternative, bool pooled = false) =>
        AllocationSettings.Default with
        {
            LateDiscount = alternative == "B" ? LateDiscountPolicy.Reject : LateDiscountPolicy.Accept,
            ToleranceScope = pooled ? ToleranceScope.Pooled : ToleranceScope.PerDebt,
        };

    /// <summary>Example 1: invoice 1,000, payment discount 20 until 15 Jan, tolerance date 20 Jan, maximum tolerance 5.</summary>
    /// <remarks>Row 3's "payment discount tolerance date" column reads "c" in the source; the payment is on or before the
    /// discount date, so that column plays no part and the row is used.</remarks>
    [Theory]
    [InlineData("1", "<=15", "-", 985, 20, 0, 5, 0, 0)]
    [InlineData("2", "<=15", "-", 980, 20, 0, 0, 0, 0)]
    [InlineData("3", "<=15", "-", 975, 20, 5, 0, 0, 0)]
    [InlineData("4A", "16-20", "A", 1005, 20, 0, 0, 25, 0)]
    [InlineData("5A", "16-20", "A", 1000, 20, 0, 0, 20, 0)]
    [InlineData("6A", "16-20", "A", 995, 20, 0, 0, 15, 0)]
    [InlineData("4B", "16-20", "B", 1005, 0, 0, 5, 0, 0)]
    [InlineData("5B", "16-20", "B", 1000, 0, 0, 0, 0, 0)]
    [InlineData("6B", "16-20", "B", 995, 0, 5, 0, 0, 0)]
    [InlineData("7", "16-20", "A", 985, 20, 0, 5, 0, 0)]
    [InlineData("8", "16-20", "A", 980, 20, 0, 0, 0, 0)]
    [InlineData("9", "16-20", "A", 975, 20, 5, 0, 0, 0)]
    [InlineData("10", ">20", "-", 1005, 0, 0, 5, 0, 0)]
    [InlineData("11", ">20", "-", 1000, 0, 0, 0, 0, 0)]
    [InlineData("12", ">20", "-", 995, 0, 5, 0, 0, 0)]
    [InlineData("13", ">20", "-", 985, 0, 0, 0, 0, 15)]
    [InlineData("14", ">20", "-", 980, 0, 0, 0, 0, 20)]
    [InlineData("15", ">20", "-", 975, 0, 0, 0, 0, 25)]
    public void Allocate_BusinessCentralExample1Row_MatchesThePublishedPostings(
        string row, string paymentDates, string alternative, decimal paid, decimal discount, decimal shortfallWrittenOff, decimal surplusWrittenOff, decimal leftOnPayment, decimal leftOnInvoice)
    {
        foreach (var date in Dates(paymentDates))
        {
            var account = NewAccount(BcCustomer()).Post(BcInvoice("inv-1", 2m, 15));
            var allocation = PaymentAllocator.Allocate(account, new IncomingPayment(Id("pay-" + row), Eur(paid), date), Settings(alternative));
            var after = account.Post([.. PaymentEntries.For(allocation, account.Id)]);

            Assert.Equal(
                (Eur(discount), Eur(shortfallWrittenOff), Eur(surplusWrittenOff), Eur(leftOnPayment), Eur(leftOnInvoice)),
                (allocation.CashDiscount, allocation.ToleranceWriteOff, allocation.OverpaymentWriteOff, after.FindItem(Id("pay-" + row))!.OpenAmount, after.FindItem(Id("inv-1"))!.OpenAmount));
            var late = date > new LocalDate(2003, 1, 15);
            Assert.All(allocation.Lines.Where(l => l.Kind == AllocationLineKind.CashDiscount), l => Assert.Equal(late ? AllocationRule.LateCashDiscount : AllocationRule.CashDiscount, l.Rule));
        }
    }

    /// <summary>
    /// Example 2: two invoices of 1,000; discount 60 until 15 Jan (tolerance date 20 Jan) and 30 until 17 Jan (tolerance
    /// date 22 Jan); maximum tolerance 5 each, pooled. Every row closes both invoices; the columns are the discount and the
    /// tolerance posted on each invoice (+ shortfall, − surplus).
    /// </summary>
    /// <remarks>Rows 9A, 25A and 28–30 print one value where the others print one per invoice or differ in sign only in
    /// the discount column (25A–27A: "30/30"); the amounts are the same and the rows are used. Rows 16D–18D are left out
    /// here: their label says D (late discount refused on the first invoice, accepted on the second) while their postings
    /// are those of C; <see cref="Allocate_BusinessCentralExample2RowsLabelledD_PostAsAlternativeC"/> shows them as C.</remarks>
    [Theory]
    [InlineData("1", "<=15", "A", 1920, 60, 30, -5, -5)]
    [InlineData("2", "<=15", "A", 1910, 60, 30, 0, 0)]
    [InlineData("3", "<=15", "A", 1900, 60, 30, 5, 5)]
    [InlineData("4B", "16-17", "B", 1980, 0, 30, -5, -5)]
    [InlineData("5B", "16-17", "B", 1970, 0, 30, 0, 0)]
    [InlineData("6B", "16-17", "B", 1960, 0, 30, 5, 5)]
    [InlineData("7A", "16-17", "A", 1920, 60, 30, -5, -5)]
    [InlineData("8A", "16-17", "A", 1910, 60, 30, 0, 0)]
    [InlineData("9A", "16-17", "A", 1900, 60, 30, 5, 5)]
    [InlineData("10B", "18-20", "B", 2010, 0, 0, -5, -5)]
    [InlineData("11B", "18-20", "B", 2000, 0, 0, 0, 0)]
    [InlineData("12B", "18-20", "B", 1990, 0, 0, 5, 5)]
    [InlineData("13D", "18-20", "D", 1980, 0, 30, -5, -5)]
    [InlineData("14D", "18-20", "D", 1970, 0, 30, 0, 0)]
    [InlineData("15D", "18-20", "D", 1960, 0, 30, 5, 5)]
    [InlineData("19A", "18-20", "A", 1920, 60, 30, -5, -5)]
    [InlineData("20A", "18-20", "A", 1910, 60, 30, 0, 0)]
    [InlineData("21A", "18-20", "A", 1900, 60, 30, 5, 5)]
    [InlineData("22B", "21-22", "B", 2010, 0, 0, -5, -5)]
    [InlineData("23B", "21-22", "B", 2000, 0, 0, 0, 0)]
    [InlineData("24B", "21-22", "B", 1990, 0, 0, 5, 5)]
    [InlineData("25A", "21-22", "A", 1980, 0, 30, -5, -5)]
    [InlineData("26A", "21-22", "A", 1970, 0, 30, 0, 0)]
    [InlineData("27A", "21-22", "A", 1960, 0, 30, 5, 5)]
    [InlineData("28", ">22", "A", 2010, 0, 0, -5, -5)]
    [InlineData("29", ">22", "A", 2000, 0, 0, 0, 0)]
    [InlineData("30", ">22", "A", 1990, 0, 0, 5, 5)]
    public void Allocate_BusinessCentralExample2Row_MatchesThePublishedPostings(
        string row, string paymentDates, string alternative, decimal paid, decimal discount1, decimal discount2, decimal tolerance1, decimal tolerance2)
    {
        foreach (var date in Dates(paymentDates))
        {
            AssertExample2(row, date, alternative, paid, (discount1, discount2, tolerance1, tolerance2));
        }
    }

    /// <summary>Rows 16D–18D of Example 2: labelled D in the source, their postings are C's (late discount accepted on the first invoice only).</summary>
    [Theory]
    [InlineData("16", 1950, -5)]
    [InlineData("17", 1940, 0)]
    [InlineData("18", 1930, 5)]
    public void Allocate_BusinessCentralExample2RowsLabelledD_PostAsAlternativeC(string row, decimal paid, decimal tolerance)
    {
        foreach (var date in Dates("18-20"))
        {
            AssertExample2(row, date, "C", paid, (60m, 0m, tolerance, tolerance));
        }
    }

    private static void AssertExample2(string row, LocalDate date, string alternative, decimal paid, (decimal, decimal, decimal, decimal) expected)
    {
        var account = NewAccount(BcCustomer()).Post(BcInvoice("inv-1", 6m, 15), BcInvoice("inv-2", 3m, 17));
        var payment = new IncomingPayment(Id("pay-" + row), Eur(paid), date, designatedItems: [Id("inv-1"), Id("inv-2")])
        {
            LateDiscountDecisions = alternative switch
            {
                "C" => [new LateDiscountDecision(Id("inv-1"), true), new LateDiscountDecision(Id("inv-2"), false)],
                "D" => [new LateDiscountDecision(Id("inv-1"), false), new LateDiscountDecision(Id("inv-2"), true)],
                _ => [],
            },
        };

        var allocation = PaymentAllocator.Allocate(account, payment, Settings(alternative, pooled: true));
        var after = account.Post([.. PaymentEntries.For(allocation, account.Id)]);

        Assert.Equal(expected, (Sum(allocation, "inv-1", AllocationLineKind.CashDiscount), Sum(allocation, "inv-2", AllocationLineKind.CashDiscount), Tolerance(allocation, "inv-1"), Tolerance(allocation, "inv-2")));
        Assert.Equal((Eur(0m), Eur(0m), Eur(0m)), (after.FindItem(Id("inv-1"))!.OpenAmount, after.FindItem(Id("inv-2"))!.OpenAmount, after.FindItem(payment.Id)!.OpenAmount));
    }

    private static decimal Sum(PaymentAllocation allocation, string item, AllocationLineKind kind) =>
        allocation.Lines.Where(l => l.Target.Item == Id(item) && l.Kind == kind).Sum(l => l.Amount.Amount);

    private static decimal Tolerance(PaymentAllocation allocation, string item) =>
        Sum(allocation, item, AllocationLineKind.ToleranceWriteOff) - Sum(allocation, item, AllocationLineKind.OverpaymentWriteOff);
}
