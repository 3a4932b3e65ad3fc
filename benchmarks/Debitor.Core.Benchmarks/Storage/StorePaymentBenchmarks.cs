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
/// record in one transaction. The payments go round-robin over 4,096 such accounts, so an account has gained only a few
/// payments by the end of a run and stays at about 50 items (posting to one account would grow it by thousands).
/// </summary>
[MemoryDiagnoser]
public class StorePaymentBenchmarks
{
    private const int Accounts = 4_096;
    private readonly Actor _actor = new(new UserId("bench"), Roles.Accountant);
    private ICustomerAccountStore _store = null!;
    private Action _cleanup = null!;
    private CustomerAccountService _service = null!;
    private CustomerId[] _customers = null!;
    private int _payment;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> Stores() => BenchStores.WritingNames();

    /// <summary>Whether the service sees the store only through the public port, so it holds no journals (D13.100): every call reads the whole journal.</summary>
    internal bool Plain { get; init; }

    [GlobalSetup]
    public void Setup()
    {
        (_store, _, _cleanup) = BenchStores.CreateAsync(Store).GetAwaiter().GetResult();
        _service = new CustomerAccountService(Plain ? new PlainStore(_store) : _store, new RoleBasedAuthorization(), DunningPortfolio.Clock, new DebitorCoreOptions());

        // One account of 50 open invoices built through the use cases in memory, then copied under 4,096 ids.
        var template = new CustomerAccountService(new InMemoryCustomerAccountStore(), new RoleBasedAuthorization(), DunningPortfolio.Clock, new DebitorCoreOptions());
        var id = new CustomerId("K-template");
        template.RegisterCustomerAsync(_actor, new Customer(id, "50", "Fünfzig Posten GmbH", DunningPortfolio.Company)).GetAwaiter().GetResult();
        var invoices = Enumerable.Range(1, 50)
            .Select(i => (JournalEntry)InvoicePosted.Single(
                new EntryId("inv" + i.ToString(CultureInfo.InvariantCulture)),
                "RE-" + i.ToString("D4", CultureInfo.InvariantCulture),
                DunningPortfolio.AsOf.PlusDays(-40 + (i % 30)),
                DunningPortfolio.AsOf.PlusDays(-10 + (i % 30)),
                new Money(100m + i, Currency.EUR)))
            .ToList();
        var journal = template.PostAllAsync(_actor, id, invoices).GetAwaiter().GetResult().Journal;
        var registered = (CustomerRegistered)journal[0].Entry;
        _customers = [.. Enumerable.Range(0, Accounts).Select(i => new CustomerId("K-fifty-" + i.ToString(CultureInfo.InvariantCulture)))];
        foreach (var chunk in _customers.Chunk(512))
        {
            _store.AppendManyAsync(
                [.. chunk.Select(c => new JournalAppend(c, 0, [journal[0] with { Entry = registered with { Settings = new Customer(c, "50", "Fünfzig Posten GmbH", DunningPortfolio.Company) } }, .. journal.Skip(1)]))],
                CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The journals the use case holds for the store between calls (none for a store that cannot stamp its loads).</summary>
    internal HeldJournals? HeldViews => HeldJournals.For(_store);

    /// <summary>The accounts the payments go to.</summary>
    internal IReadOnlyList<CustomerId> Customers => _customers;

    [GlobalCleanup]
    public void Cleanup() => _cleanup();

    [Benchmark]
    public Task<CustomerAccount> PostPaymentToFiftyItemAccount()
    {
        var n = ++_payment;
        return _service.PostAsync(_actor, _customers[n % Accounts], new PaymentReceived(
            new EntryId("pay" + n.ToString(CultureInfo.InvariantCulture)), new Money(10m, Currency.EUR), DunningPortfolio.AsOf));
    }
}

/// <summary>A store seen only through the public port (no <see cref="IStampedAccountStore"/>): the use cases read every journal in full.</summary>
internal sealed class PlainStore(ICustomerAccountStore inner) : ICustomerAccountStore
{
    public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) => inner.LoadAsync(customer, cancellationToken);

    public ValueTask<IReadOnlyList<JournalRecord>> LoadAfterAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken) =>
        inner.LoadAfterAsync(customer, afterVersion, cancellationToken);

    public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken) =>
        inner.AppendAsync(customer, expectedVersion, records, cancellationToken);

    public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

    public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);
}
