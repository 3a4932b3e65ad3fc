using System.Globalization;
using BenchmarkDotNet.Attributes;
using Debitor.Core.Application;
using Debitor.Core.Benchmarks.Dunning;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>
/// The storage issue's append target as a user meets it: one payment posted to an account holding 50 open invoices,
/// through <see cref="CustomerAccountService.PostAsync"/> — load the journal, replay it, check the entry, append one
/// record in one transaction. Each invocation posts a new payment, so the journal grows by one record per call.
/// </summary>
[MemoryDiagnoser]
public class StorePaymentBenchmarks
{
    private static readonly CustomerId Customer = new("K-fifty");
    private readonly Actor _actor = new(new UserId("bench"), Roles.Accountant);
    private ICustomerAccountStore _store = null!;
    private Action _cleanup = null!;
    private CustomerAccountService _service = null!;
    private int _payment;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> Stores() => BenchStores.WritingNames();

    [GlobalSetup]
    public void Setup()
    {
        (_store, _, _cleanup) = BenchStores.CreateAsync(Store).GetAwaiter().GetResult();
        _service = new CustomerAccountService(_store, new RoleBasedAuthorization(), DunningPortfolio.Clock, new DebitorCoreOptions());
        _service.RegisterCustomerAsync(_actor, new Customer(Customer, "50", "Fünfzig Posten GmbH", DunningPortfolio.Company)).GetAwaiter().GetResult();
        var invoices = Enumerable.Range(1, 50)
            .Select(i => (JournalEntry)InvoicePosted.Single(
                new EntryId("inv" + i.ToString(CultureInfo.InvariantCulture)),
                "RE-" + i.ToString("D4", CultureInfo.InvariantCulture),
                DunningPortfolio.AsOf.PlusDays(-40 + (i % 30)),
                DunningPortfolio.AsOf.PlusDays(-10 + (i % 30)),
                new Money(100m + i, Currency.EUR)))
            .ToList();
        _service.PostAllAsync(_actor, Customer, invoices).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _cleanup();

    [Benchmark]
    public Task<CustomerAccount> PostPaymentToFiftyItemAccount() =>
        _service.PostAsync(_actor, Customer, new PaymentReceived(
            new EntryId("pay" + (++_payment).ToString(CultureInfo.InvariantCulture)), new Money(10m, Currency.EUR), DunningPortfolio.AsOf));
}
