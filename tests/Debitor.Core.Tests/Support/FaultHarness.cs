using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Tests;

/// <summary>The fault a harness run injects once (issue 12).</summary>
public enum Fault
{
    /// <summary>Nothing goes wrong.</summary>
    None,

    /// <summary>The store refuses the first append (nothing appended).</summary>
    StoreFailsOnFirstAppend,

    /// <summary>The store refuses the second append (the first went through).</summary>
    StoreFailsOnSecondAppend,

    /// <summary>The store appends the first batch, then throws (a lost acknowledgement).</summary>
    StoreThrowsAfterFirstAppend,

    /// <summary>The store appends the second batch, then throws.</summary>
    StoreThrowsAfterSecondAppend,

    /// <summary>The document output fails once.</summary>
    OutputFailsOnce,

    /// <summary>The clock moves a minute on every reading: between load and append, between attempts.</summary>
    ClockMovesBetweenLoadAndAppend,
}

/// <summary>The exception every injected fault throws.</summary>
internal sealed class InjectedFaultException(string message) : IOException(message);

/// <summary>A store that fails on the n-th append (before it, or after appending), once.</summary>
internal sealed class FaultyStore(ICustomerAccountStore inner) : ICustomerAccountStore
{
    private int _appends;

    public int FailOnAppend { get; set; }

    public bool ThrowAfterAppending { get; set; }

    public bool Fired { get; private set; }

    public int Appends => _appends;

    public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken) => inner.LoadAsync(customer, cancellationToken);

    public async ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _appends);
        var fail = !Fired && n == FailOnAppend;
        if (fail && !ThrowAfterAppending)
        {
            Fired = true;
            throw new InjectedFaultException($"store refused append {n}");
        }

        await inner.AppendAsync(customer, expectedVersion, records, cancellationToken);
        if (fail)
        {
            Fired = true;
            throw new InjectedFaultException($"store lost the acknowledgement of append {n}");
        }
    }

    public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(customer, expectedVersion, cancellationToken);

    public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken) => inner.ListCustomersAsync(cancellationToken);
}

/// <summary>A document output that fails once when armed.</summary>
internal sealed class FlakyDocumentOutput : IDocumentOutput
{
    public InMemoryDocumentOutput Inner { get; } = new();

    public bool FailNext { get; set; }

    public bool Fired { get; private set; }

    public ValueTask DeliverAsync(ReceivablesDocument document, CancellationToken cancellationToken)
    {
        if (FailNext)
        {
            FailNext = false;
            Fired = true;
            throw new InjectedFaultException($"output refused {document.DocumentId}");
        }

        return Inner.DeliverAsync(document, cancellationToken);
    }
}

/// <summary>A clock at 15 March 2026, 10:00 in Berlin that, when moving, advances a minute on every reading.</summary>
internal sealed class MovingClock : IClock
{
    private Instant _now = TestData.Now;

    public bool Moving { get; set; }

    public Instant Now
    {
        get => _now;
        set => _now = value;
    }

    public Instant GetCurrentInstant()
    {
        var now = _now;
        if (Moving)
        {
            _now = _now.Plus(Duration.FromMinutes(1));
        }

        return now;
    }
}

/// <summary>The whole application layer over faulty ports, built the way a host builds it (<c>AddDebitorCore</c>).</summary>
internal sealed class FaultHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public FaultHarness()
    {
        Store = new FaultyStore(new InMemoryCustomerAccountStore());
        var services = new ServiceCollection();
        services.AddSingleton<ICustomerAccountStore>(Store);
        services.AddSingleton<IDocumentOutput>(Output);
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<IDocumentOutbox>(Outbox);
        services.AddSingleton<IAccountFaultLog>(Faults);
        services.AddSingleton<IDunningLetterOutput>(Letters);
        services.AddSingleton<IFileStorage>(Files);
        services.AddSingleton<IVirusScanner>(new EicarTestScanner());
        _provider = services.AddDebitorCoreForTests().BuildServiceProvider();
    }

    public FaultyStore Store { get; }

    public FlakyDocumentOutput Output { get; } = new();

    public MovingClock Clock { get; } = new();

    public InMemoryDocumentOutbox Outbox { get; } = new();

    public InMemoryFileStorage Files { get; } = new();

    public InMemoryAccountFaultLog Faults { get; } = new();

    /// <summary>Where dunning letters go; part of the snapshot, so the dunning rows of phase 2 are compared like the others.</summary>
    public InMemoryDunningLetterOutput Letters { get; } = new();

    public DunningService Dunning => _provider.GetRequiredService<DunningService>();

    /// <summary>The dunning settings the services read (in memory), for rows that need a scheme setting.</summary>
    public InMemoryDunningSettingsProvider DunningSettings => (InMemoryDunningSettingsProvider)_provider.GetRequiredService<IDunningSettingsProvider>();

    public ReceivablesFiguresService Figures => _provider.GetRequiredService<ReceivablesFiguresService>();

    public CustomerAccountService Accounts => _provider.GetRequiredService<CustomerAccountService>();

    public PaymentService Payments => _provider.GetRequiredService<PaymentService>();

    public DelegationService Delegations => _provider.GetRequiredService<DelegationService>();

    public CollectionService Collections => _provider.GetRequiredService<CollectionService>();

    public CreditControlService Credit => _provider.GetRequiredService<CreditControlService>();

    public InterestInvoiceService Interest => _provider.GetRequiredService<InterestInvoiceService>();

    public DocumentDelivery Delivery => _provider.GetRequiredService<DocumentDelivery>();

    public StatementService Statements => _provider.GetRequiredService<StatementService>();

    public RecoveryService Recovery => _provider.GetRequiredService<RecoveryService>();

    /// <summary>Arms a fault for the next call.</summary>
    public void Arm(Fault fault)
    {
        switch (fault)
        {
            case Fault.StoreFailsOnFirstAppend or Fault.StoreFailsOnSecondAppend or Fault.StoreThrowsAfterFirstAppend or Fault.StoreThrowsAfterSecondAppend:
                Store.FailOnAppend = Store.Appends + (fault is Fault.StoreFailsOnFirstAppend or Fault.StoreThrowsAfterFirstAppend ? 1 : 2);
                Store.ThrowAfterAppending = fault is Fault.StoreThrowsAfterFirstAppend or Fault.StoreThrowsAfterSecondAppend;
                break;
            case Fault.OutputFailsOnce:
                Output.FailNext = true;
                break;
            case Fault.ClockMovesBetweenLoadAndAppend:
                Clock.Moving = true;
                break;
        }
    }

    /// <summary>Whether the armed fault happened.</summary>
    public bool Fired(Fault fault) => fault switch
    {
        Fault.None => false,
        Fault.OutputFailsOnce => Output.Fired,
        Fault.ClockMovesBetweenLoadAndAppend => true,
        _ => Store.Fired,
    };

    /// <summary>
    /// What a user can observe: every account's journal (without the recording instants, which a moving clock changes),
    /// the documents delivered, the files stored and the documents still undelivered.
    /// </summary>
    public async Task<List<object>> SnapshotAsync()
    {
        var state = new List<object>();
        foreach (var customer in (await Store.ListCustomersAsync(default)).OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            foreach (var record in await Store.LoadAsync(customer, default))
            {
                state.Add((customer, record.Version, record.RecordedBy, record.Entry));
            }
        }

        state.AddRange(Output.Inner.Documents.OrderBy(d => d.DocumentId, StringComparer.Ordinal));
        state.AddRange(Letters.Letters.Select(l => ("letter", l.Id)).Order());
        state.Add(("files", Files.Count));
        state.AddRange((await Outbox.ListUndeliveredAsync(default)).Select(d => ("undelivered", d.DocumentId)));
        return state;
    }

    public void Dispose() => _provider.Dispose();
}
