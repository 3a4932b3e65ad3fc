using System.Collections.Concurrent;
using Debitor.Cli.Portfolio;
using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Debitor.Core.Orleans.Tests;

/// <summary>
/// The CLI's sample portfolio loaded in process, and an in-process Orleans cluster whose silos share the same store,
/// settings, interest schemes, outbox, letter output, letter-number sequence and fault log (as silos on several machines share one database).
/// </summary>
internal sealed class SampleCluster : IAsyncDisposable
{
    private SampleCluster(PortfolioHost host, InProcessTestCluster cluster, RecordingLetterOutput output, InMemoryDocumentOutbox outbox, DebitorCoreOptions options, CountingStore store)
    {
        Host = host;
        Store = store;
        Cluster = cluster;
        Output = output;
        Outbox = outbox;
        Options = options;
    }

    public PortfolioHost Host { get; }

    public InProcessTestCluster Cluster { get; }

    /// <summary>The store the silos use: the host's store, counting conflicts.</summary>
    public CountingStore Store { get; }

    public RecordingLetterOutput Output { get; }

    public InMemoryDocumentOutbox Outbox { get; }

    public DebitorCoreOptions Options { get; }

    public DunningRunRequest Request(string run) => new(new DunningRunId(run), Host.Company, SamplePortfolio.AsOf);

    public ClusterDunningService Dunning(ClusterDunningOptions? options = null) =>
        new(Cluster.Client, Host.Store, Host.Authorization, options ?? new ClusterDunningOptions());

    public static async Task<PortfolioHost> LoadSampleAsync() =>
        await PortfolioLoader.LoadAsync(SamplePortfolio.Create(), SamplePortfolio.AsOf, CancellationToken.None);

    /// <summary>Loads the sample and starts a cluster of <paramref name="silos"/> silos over it.</summary>
    public static async Task<SampleCluster> StartAsync(int silos)
    {
        Trace("load");
        var host = await LoadSampleAsync();
        Trace("loaded");

        // The silos print what the portfolio's own service prints: the same receivables contact.
        var contact = (await host.Dunning.PreviewAsync(host.Actor, new DunningRunRequest(new DunningRunId("contact"), host.Company, SamplePortfolio.AsOf))).Letters[0].Contact;
        var options = new DebitorCoreOptions { TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"], ReceivablesContact = contact };
        var letterNumbers = await LetterNumbersOfAsync(host.Store, host.Company);
        var faults = new InMemoryAccountFaultLog();
        var files = new InMemoryFileStorage();   // one file storage for every silo, as a host's would be
        var output = new RecordingLetterOutput();
        var outbox = new InMemoryDocumentOutbox();
        var clock = new FakeClock(SamplePortfolio.AsOf.AtStartOfDayInZone(options.TimeZone).ToInstant().Plus(Duration.FromHours(10)));
        var store = new CountingStore(host.Store);
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<ICustomerAccountStore>(store);
            silo.Services.AddSingleton<IDunningSettingsProvider>(host.Settings);
            silo.Services.AddSingleton<IInterestSchemeProvider>(host.InterestSchemes);
            silo.Services.AddSingleton<IAuthorizationPort>(host.Authorization);
            silo.Services.AddSingleton<IDunningLetterOutput>(output);
            silo.Services.AddSingleton<IDocumentOutbox>(outbox);
            silo.Services.AddSingleton<IClock>(clock);
            silo.Services.AddSingleton<ILetterNumberSequence>(letterNumbers);
            silo.Services.AddSingleton<IAccountFaultLog>(faults);
            silo.Services.AddSingleton<IFileStorage>(files);
            silo.Services.AddSingleton<IVirusScanner, EicarTestScanner>();
            silo.Services.AddDebitorCore(o =>
            {
                o.TimeZone = options.TimeZone;
                o.ReceivablesContact = options.ReceivablesContact;
            });
            silo.Services.AddDebitorCoreInMemory();
            // Random placement (Orleans' default, resource-optimized placement, may put every activation on one silo of an
            // idle test cluster for a long time): the tests that need two accounts on different silos get them in a few tries.
            silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
            silo.Services.AddPlacementDirector<RandomPlacement, KeyHashPlacementDirector>();   // deterministic: see KeyHashPlacementDirector
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 1;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        var cluster = builder.Build();
        Trace("deploy");
        await cluster.DeployAsync();
        Trace("deployed");
        return new SampleCluster(host, cluster, output, outbox, options, store);
    }

    /// <summary>
    /// The shared letter-number sequence, continuing the numbers the sample's history letters got when the portfolio was
    /// loaded (as a database sequence would): each history letter is numbered again in its order and must get its number.
    /// </summary>
    private static async Task<InMemoryLetterNumberSequence> LetterNumbersOfAsync(InMemoryCustomerAccountStore store, CompanyId company)
    {
        var numbered = new List<DunningLetterNumbered>();
        await foreach (var customer in store.ListCustomersAsync(company, CancellationToken.None))
        {
            numbered.AddRange((await store.LoadAsync(customer, CancellationToken.None)).Select(r => r.Entry).OfType<DunningLetterNumbered>());
        }

        var sequence = new InMemoryLetterNumberSequence();
        foreach (var entry in numbered.OrderBy(n => n.Number.Year).ThenBy(n => n.Number.Sequence))
        {
            var again = await sequence.NumberAsync(company, entry.Number.Year, entry.LetterId, CancellationToken.None);
            if (again != entry.Number)
            {
                throw new InvalidOperationException($"The sample's letter {entry.LetterId} has number {entry.Number}, the sequence gives {again}: the history is not gap-free.");
            }
        }

        return sequence;
    }

    internal static void Trace(string what)
    {
        if (Environment.GetEnvironmentVariable("DEBITOR_TRACE") is { } file)
        {
            File.AppendAllText(file, DateTime.Now.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " " + what + Environment.NewLine);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
        }
    }
}

/// <summary>
/// The letter output of the test: records every delivery; a letter id it has seen is handled already (the outbox contract:
/// an output may see a document twice after a crash and treats a known id as handled). Can call a hook on a delivery.
/// </summary>
internal sealed class RecordingLetterOutput : IDunningLetterOutput
{
    private readonly ConcurrentDictionary<string, DunningLetter> _handled = new(StringComparer.Ordinal);
    private int _deliveries;

    public Func<int, Task>? OnDelivery { get; set; }

    public IReadOnlyCollection<string> Handled => [.. _handled.Keys];

    public int Deliveries => Volatile.Read(ref _deliveries);

    public async ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken)
    {
        var count = Interlocked.Increment(ref _deliveries);
        if (OnDelivery is { } hook)
        {
            await hook(count);
        }

        _handled.TryAdd(letter.Id, letter);
    }
}
