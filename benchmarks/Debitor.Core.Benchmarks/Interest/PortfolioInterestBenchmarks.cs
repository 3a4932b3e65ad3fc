using BenchmarkDotNet.Attributes;
using Debitor.Core.Customers;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Interest;

/// <summary>
/// Interest for a whole portfolio of open items with payment histories to one as-of date (issue 5), against a naive
/// day-by-day loop. Accounts of 100 items each; a third of the items have one or two partial payments.
/// </summary>
[MemoryDiagnoser]
public class PortfolioInterestBenchmarks
{
    private readonly InterestScheme _scheme = InterestScheme.GermanStatutory(consumerInvolved: false);
    private readonly LocalDate _asOf = new(2026, 6, 30);
    private CustomerAccount[] _accounts = [];

    [Params(10_000, 1_000_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int perAccount = 100;
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        var user = new UserId("bench");
        _accounts = new CustomerAccount[Items / perAccount];
        for (var a = 0; a < _accounts.Length; a++)
        {
            var journal = new List<JournalRecord>(perAccount * 2)
            {
                new(1, at, user, new CustomerRegistered(new EntryId("reg"), new Customer(new CustomerId("C" + a), "1", "Bench", new CompanyId("co")))),
            };
            void Add(JournalEntry entry) => journal.Add(new JournalRecord(journal.Count + 1, at, user, entry));
            for (var i = 0; i < perAccount; i++)
            {
                var due = new LocalDate(2025, 7, 1).PlusDays((a + i) % 300);
                var amount = new Money(100m + ((a * 7 + i) % 5000), Currency.EUR);
                var id = new EntryId("inv-" + i);
                Add(InvoicePosted.Single(id, "RE-" + i, due.PlusDays(-30), due, amount));
                for (var p = 0; p < i % 3; p++)
                {
                    var paymentId = new EntryId($"pay-{i}-{p}");
                    var date = due.PlusDays(20 + (p * 40));
                    Add(new PaymentReceived(paymentId, new Money(10m, Currency.EUR), date));
                    Add(new PaymentApplied(new EntryId($"app-{i}-{p}"), paymentId, new InstallmentRef(id), new Money(10m, Currency.EUR), date));
                }
            }

            _accounts[a] = CustomerAccount.FromJournal(journal);
        }
    }

    [Benchmark]
    public decimal Histories()
    {
        var total = 0m;
        foreach (var account in _accounts)
        {
            foreach (var interest in AccountInterest.ForAccount(account, _scheme, _asOf))
            {
                total += interest.Total.Amount;
            }
        }

        return total;
    }

    [Benchmark(Baseline = true)]
    public decimal NaiveDayByDay()
    {
        var total = 0m;
        foreach (var account in _accounts)
        {
            foreach (var item in account.Items)
            {
                if (item.Kind != ItemKind.Invoice)
                {
                    continue;
                }

                var installment = item.Installments[0];
                var numerator = 0m;
                for (var day = installment.DueDate.PlusDays(1); day <= _asOf; day = day.PlusDays(1))
                {
                    var paid = installment.Settlements.Where(s => s.IsActive && s.Date <= day).Sum(s => s.Amount.Amount);
                    numerator += (installment.Amount.Amount - paid) * _scheme.AnnualRatePercentOn(day);
                }

                total += decimal.Round(numerator / 36_500m, 2, MidpointRounding.AwayFromZero);
            }
        }

        return total;
    }
}
