using System.Globalization;
using BenchmarkDotNet.Attributes;
using Debitor.Core.Application;
using Debitor.Core.Benchmarks.Dunning;
using Debitor.Core.Dunning;
using Debitor.Core.Orleans;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Debitor.Core.Benchmarks.Cluster;

/// <summary>
/// A company-wide dunning preview over the steady-state portfolio (<see cref="DunningPortfolio"/>), its journals in the
/// in-memory store: in process (<see cref="DunningService"/>, the baseline: it loads and replays every journal) and over
/// an in-process Orleans test cluster of one or two silos (<see cref="ClusterDunningService"/>: one worker call per batch
/// of accounts, each grain routing and previewing its account from its warm view, a group call per payer group; the grains
/// warm from the setup). The sizes come from <c>DEBITOR_CLUSTER_BENCH_ITEMS</c> (comma-separated open-item counts; default
/// 10,000, which keeps the CI dry run short). Sizes whose setup takes minutes run with <c>--cluster-run</c> (<see cref="ClusterRun"/>).
/// </summary>
[MemoryDiagnoser(false)]
public class ClusterDunningBenchmarks
{
    private static readonly Actor Accountant = new(new UserId("bench"), Roles.Accountant);
    private InProcessTestCluster _cluster = null!;
    private DunningService _inProcess = null!;
    private ClusterDunningService _clustered = null!;
    private int _run;

    public static IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("DEBITOR_CLUSTER_BENCH_ITEMS") ?? "10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture));

    [ParamsSource(nameof(Sizes))]
    public int Installments { get; set; }

    [Params(1, 2)]
    public int Silos { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var store = new InMemoryCustomerAccountStore();
        foreach (var account in DunningPortfolio.Create(Installments))
        {
            await store.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None);
        }

        var settings = new InMemoryDunningSettingsProvider();
        settings.Set(DunningPortfolio.Company, DunningPortfolio.Settings);
        var authorization = new RoleBasedAuthorization();
        var options = new DebitorCoreOptions { TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"], ReceivablesContact = Core.Documents.ReceivablesContact.Default };
        _inProcess = new DunningService(store, authorization, settings, new InterestSchemeRegistry(), new InMemoryDunningLetterOutput(), SystemClock.Instance, options);

        var builder = new InProcessTestClusterBuilder((short)Silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<ICustomerAccountStore>(store);
            silo.Services.AddSingleton<IDunningSettingsProvider>(settings);
            silo.Services.AddSingleton<IAuthorizationPort>(authorization);
            silo.Services.AddDebitorCore(o =>
            {
                o.TimeZone = options.TimeZone;
                o.ReceivablesContact = options.ReceivablesContact;
            });
            silo.Services.AddDebitorCoreInMemory();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _clustered = new ClusterDunningService(_cluster.Client, store, authorization, new ClusterDunningOptions { BatchSize = 512, ParallelBatches = 8 });

        // Activates every grain and loads its journal: the measured runs find the accounts warm.
        await _clustered.PreviewAsync(Accountant, Request());
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>The in-process preview, read to the same extent as the cluster's: every letter as a snapshot and every excluded item.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> InProcess()
    {
        var proposal = await _inProcess.PreviewAsync(Accountant, Request());
        return proposal.Letters.Sum(l => DunningLetterSnapshot.Of(l).NoticeCount) + proposal.Excluded.Count;
    }

    [Benchmark]
    public async Task<int> Cluster()
    {
        var proposal = await _clustered.PreviewAsync(Accountant, Request());
        return proposal.NoticeCount + proposal.Excluded.Count;
    }

    private DunningRunRequest Request() =>
        new(new DunningRunId("bench-" + Interlocked.Increment(ref _run).ToString(CultureInfo.InvariantCulture)), DunningPortfolio.Company, DunningPortfolio.AsOf);
}
