using BenchmarkDotNet.Attributes;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Credit;

/// <summary>
/// The credit position of one customer with 1,000 open items (issue 8: at least 50,000 per second on one core), with the
/// default rules and with every rule switched on (release periods for cheques and direct debits, so some payments are held
/// back; internal due dates; a delivery stop); both limits and open orders are set. And the check for an order.
/// </summary>
[MemoryDiagnoser]
public class CreditPositionBenchmarks
{
    private readonly IReadOnlyList<Money> _orders = [new Money(2_500m, Currency.EUR)];
    private CreditControlSettings _settings = CreditControlSettings.Default;
    private CustomerAccount _account = null!;
    private CreditPosition _position = null!;

    [Params(false, true)]
    public bool AllRules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _settings = AllRules
            ? CreditControlSettings.Default.WithReleasePeriod(PaymentMethod.Cheque, 10).WithReleasePeriod(PaymentMethod.DirectDebit, 5) with { InternalOverdueDays = 5, DeliveryStopDays = 30 }
            : CreditControlSettings.Default;
        _account = CreditSample.Account(1, 1_000, new CreditLimit(new Money(250_000m, Currency.EUR)));
        _position = Position();
    }

    [Benchmark]
    public CreditPosition Position() => CreditControl.Position(_account, CreditSample.AsOf, _settings, _orders);

    [Benchmark]
    public CreditDecision CheckOrder() => CreditControl.Check(_position, SalesDocumentKind.Order, _settings, new Money(1_000m, Currency.EUR));
}
