using BenchmarkDotNet.Attributes;
using Debitor.Core.Figures;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Credit;

/// <summary>
/// Aging over 1,000,000 open items — 1,000 accounts of 1,000 invoices, a fifth with two installments (issue 8: at least
/// 10 million items per second on one core) — against a naive LINQ grouping (<c>Baseline = true</c>). The account views
/// are built once in the setup.
/// </summary>
[MemoryDiagnoser]
public class AgingBenchmarks
{
    private const int Accounts = 1_000;
    private const int ItemsPerAccount = 1_000;
    private CustomerAccount[] _accounts = [];

    [GlobalSetup]
    public void Setup()
    {
        var ids = Enumerable.Range(0, ItemsPerAccount).Select(i => new EntryId("inv-" + i)).ToArray();
        var documents = Enumerable.Range(0, ItemsPerAccount).Select(i => "RE-" + i).ToArray();
        _accounts = new CustomerAccount[Accounts];
        for (var a = 0; a < Accounts; a++)
        {
            _accounts[a] = CreditSample.Account(a, ItemsPerAccount, ids: ids, documents: documents);
        }
    }

    [Benchmark]
    public AgingReport ForAccounts() => Aging.ForAccounts(_accounts, CreditSample.AsOf, AgingSchedule.Standard);

    [Benchmark(Baseline = true)]
    public decimal[] NaiveLinq()
    {
        var asOf = CreditSample.AsOf;
        var bounds = AgingSchedule.Standard.UpperBounds;
        return _accounts
            .SelectMany(a => a.OpenItems)
            .Where(i => i.IsClaim)
            .SelectMany(i => i.Installments)
            .Where(n => n.IsOpen)
            .GroupBy(n =>
            {
                var days = Period.Between(n.DueDate, asOf, PeriodUnits.Days).Days;
                return days <= 0 ? 0 : bounds.Count(b => days > b) + 1;
            })
            .OrderBy(g => g.Key)
            .Select(g => g.Sum(n => n.OpenAmount.Amount))
            .ToArray();
    }
}
