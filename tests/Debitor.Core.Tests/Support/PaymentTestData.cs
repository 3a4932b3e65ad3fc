using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>Builders for payment scenarios: customers with terms and tolerance, charges, payments.</summary>
internal static class PaymentTestData
{
    /// <summary>The document date of the scenario invoices: "day 0".</summary>
    public static readonly LocalDate Day0 = new(2026, 3, 1);

    public static LocalDate Day(int n) => Day0.PlusDays(n);

    /// <summary>A customer with 2 % cash discount for 10 days, net 30, and the given tolerances.</summary>
    public static Customer CustomerWith(decimal discountPercent = 0m, int discountDays = 10, int toleranceDays = 0, PaymentTolerance? tolerance = null, string id = "C-1000") =>
        NewCustomer(id) with
        {
            PaymentTerms = discountPercent > 0m ? new PaymentTerms(30, [new CashDiscountTier(discountPercent, discountDays)]) : PaymentTerms.Net30,
            CashDiscountToleranceDays = toleranceDays,
            PaymentTolerance = tolerance ?? PaymentTolerance.None,
        };

    /// <summary>An invoice dated day 0 (unless given), due on day 30 (unless given).</summary>
    public static InvoicePosted InvoiceOn(string id, decimal amount, LocalDate? documentDate = null, LocalDate? dueDate = null) =>
        InvoicePosted.Single(Id(id), "RE-" + id, documentDate ?? Day0, dueDate ?? (documentDate ?? Day0).PlusDays(30), Eur(amount));

    public static ChargePosted Charge(string id, ChargeKind kind, decimal amount, string? related = null, LocalDate? date = null) =>
        new(Id(id), kind, "M-" + id, date ?? Day(35), date ?? Day(35), Eur(amount), related is null ? null : Id(related));

    public static IncomingPayment Pay(decimal amount, LocalDate valueDate, string? reference = null, string id = "pay-1", params string[] designated) =>
        new(Id(id), Eur(amount), valueDate, reference: reference, designatedItems: designated.Select(Id));

    public static PaymentAllocation Allocate(CustomerAccount account, IncomingPayment payment, AllocationSettings? settings = null) =>
        PaymentAllocator.Allocate(account, payment, settings ?? AllocationSettings.Default);

    /// <summary>Posts an allocation to the account through the pure core, as the application layer does.</summary>
    public static CustomerAccount PostAllocation(this CustomerAccount account, PaymentAllocation allocation) =>
        account.Post([.. PaymentEntries.For(allocation, account.Id)]);

    public static Money Open(this CustomerAccount account, string item) => account.FindItem(Id(item))!.OpenAmount;

    /// <summary>Lines as (document number, kind, amount, rule) for compact assertions.</summary>
    public static IReadOnlyList<(string Document, AllocationLineKind Kind, decimal Amount, AllocationRule Rule)> Summary(this PaymentAllocation allocation) =>
        [.. allocation.Lines.Select(l => (l.DocumentNumber, l.Kind, l.Amount.Amount, l.Rule))];
}
