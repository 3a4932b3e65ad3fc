using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;

namespace Debitor.Core.Benchmarks.Payments;

/// <summary>
/// Applying one payment (reference matching included) to an account with 50 open items. The account view is built in
/// the setup: the journal replay is not part of the measured operation. The target is 500,000 payments per second on
/// one core (2 µs per payment).
/// </summary>
[MemoryDiagnoser]
public class PaymentAllocationBenchmarks
{
    private static readonly LocalDate Day0 = new(2026, 1, 1);

    private CustomerAccount _account = null!;
    private IncomingPayment _payment = null!;
    private AllocationIndex _index = null!;
    private AllocationSettings _settings = null!;
    private AllocationSettings _pooled = null!;

    [GlobalSetup]
    public void Setup()
    {
        var customer = new Customer(new CustomerId("C-1"), "1", "Müller GmbH", new CompanyId("acme"))
        {
            PaymentTerms = new PaymentTerms(30, [new CashDiscountTier(2m, 10)]),
            CashDiscountToleranceDays = 3,
            PaymentTolerance = new PaymentTolerance(1m, 5m),
        };
        var entries = new List<JournalEntry> { new CustomerRegistered(new EntryId("registered"), customer) };
        for (var i = 1; i <= 50; i++)
        {
            var date = Day0.PlusDays(i * 2);
            var amount = new Money(100m + (i * 13.37m), Currency.EUR);
            entries.Add(InvoicePosted.Single(new EntryId("inv-" + i), "RE-2026-" + i.ToString("00000", CultureInfo.InvariantCulture), date, date.PlusDays(30), amount));
        }

        var records = entries.Select((e, i) => new JournalRecord(i + 1, Instant.FromUtc(2026, 1, 1, 0, 0), new UserId("bench"), e)).ToList();
        _account = CustomerAccount.FromJournal(records);
        var target = _account.FindItem(new EntryId("inv-37"))!;
        _payment = new IncomingPayment(new EntryId("pay-1"), target.OpenAmount - new Money(3m, Currency.EUR), Day0.PlusDays(90), reference: "Rechnung RE-2026-00037 vom 15.03.2026, Kd-Nr. 1");
        _settings = AllocationSettings.Default;
        _pooled = AllocationSettings.Default with { ToleranceScope = ToleranceScope.Pooled, LateDiscount = LateDiscountPolicy.Reject };
        _index = AllocationIndex.Build([_account], Currency.EUR);
    }

    /// <summary>The public entry point: builds the per-account index (50 debts, document-number hashes, one sort) and allocates.</summary>
    [Benchmark]
    public PaymentAllocation Allocate() => PaymentAllocator.Allocate(_account, _payment, _settings);

    /// <summary>The public entry point with pooled tolerance and late discounts refused (issue 18's settings).</summary>
    [Benchmark]
    public PaymentAllocation AllocatePooled() => PaymentAllocator.Allocate(_account, _payment, _pooled);

    /// <summary>The allocation alone, on an index prepared once per account version.</summary>
    [Benchmark]
    public PaymentAllocation AllocatePrepared() => PaymentAllocator.Allocate(_index, _payment, _settings);

    /// <summary>A naive implementation: LINQ, a regular expression per item per payment, a re-scan of the account per item.</summary>
    [Benchmark(Baseline = true)]
    public List<(string Document, decimal Amount)> Naive() => NaiveAllocator.Allocate(_account, _payment);

    /// <summary>What a straightforward implementation looks like; the baseline of the comparison.</summary>
    private static class NaiveAllocator
    {
        public static List<(string Document, decimal Amount)> Allocate(CustomerAccount account, IncomingPayment payment)
        {
            var open = account.Items
                .Where(i => i.IsClaim && i.Status == ItemStatus.Open && i.Currency == payment.Amount.Currency)
                .SelectMany(i => i.Installments)
                .Where(n => n.IsOpen && n.Item.Kind == ItemKind.Invoice)
                .ToList();
            var reference = payment.Reference ?? string.Empty;
            var designated = open
                .Where(n => Regex.IsMatch(reference, @"\b" + Regex.Escape(n.Item.DocumentNumber) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                .ToList();
            var rest = open
                .Except(designated)
                .OrderBy(n => n.DueDate > payment.ValueDate ? 2 : n.DueDate < payment.ValueDate ? 0 : 1)
                .ThenBy(n => n.Item.DocumentDate)
                .ThenBy(n => n.DueDate)
                .ThenBy(n => n.Item.DocumentNumber, StringComparer.Ordinal)
                .ToList();
            var lines = new List<(string, decimal)>();
            var remaining = payment.Amount.Amount;
            foreach (var installment in designated.Concat(rest))
            {
                if (remaining <= 0m)
                {
                    break;
                }

                // Re-scan the account for the claim's charges and the customer's terms, item by item.
                var charges = account.Items
                    .Where(i => i.Origin is ChargePosted c && c.RelatedItem == installment.Item.Id && i.Status == ItemStatus.Open)
                    .Sum(i => i.OpenAmount.Amount);
                var tier = account.Customer.PaymentTerms.Discounts
                    .Where(t => payment.ValueDate <= installment.Item.DocumentDate.PlusDays(t.Days + account.Customer.CashDiscountToleranceDays))
                    .OrderByDescending(t => t.Percent)
                    .FirstOrDefault();
                var discount = tier is null ? 0m : decimal.Round(installment.OpenAmount.Amount * tier.Percent / 100m, 2, MidpointRounding.AwayFromZero);
                var need = installment.OpenAmount.Amount + charges - discount;
                var tolerance = Math.Min(installment.Amount.Amount * account.Customer.PaymentTolerance.Percent / 100m, account.Customer.PaymentTolerance.MaximumAmount);
                var pay = remaining >= need || need - remaining <= tolerance ? Math.Min(remaining, need) : remaining;
                lines.Add((installment.Item.DocumentNumber, pay));
                remaining -= pay;
            }

            return lines;
        }
    }
}
