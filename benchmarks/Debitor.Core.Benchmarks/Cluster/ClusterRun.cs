using System.Diagnostics;
using System.Globalization;
using Debitor.Core.Application;
using Debitor.Core.Benchmarks.Dunning;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Orleans;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Debitor.Core.Benchmarks.Cluster;

/// <summary>
/// <c>--cluster-run ITEMS [--silos N] [--batch N] [--parallel N]</c>: one measured dunning run over the steady-state portfolio
/// (<see cref="DunningPortfolio"/>) for sizes BenchmarkDotNet's toolchains refuse (a setup of minutes). It seeds two in-memory
/// stores with the same journals, runs preview and process in process (<see cref="DunningService"/>) on the first and over an
/// in-process Orleans test cluster of N silos (<see cref="ClusterDunningService"/>) on the second, prints wall-clock and process
/// CPU time per phase (seed, cluster start, warm-up, preview, process), letters and notices, and compares both results
/// letter for letter (every member of every letter; issued letters also by number).
/// </summary>
/// <remarks>
/// CPU time is the process's (client, coordinator and every silo run in this one process): it is the figure to read on a
/// shared machine, where wall-clock time mostly measures the other workloads. Grains are kept for the whole run (collection
/// age of two hours) and calls wait up to ten minutes, so a loaded machine slows the run instead of failing it.
/// </remarks>
internal static class ClusterRun
{
    private static readonly Actor Accountant = new(new UserId("bench"), Roles.Accountant);

    public static async Task<int> ReportAsync(string[] args)
    {
        var items = int.Parse(args[1], CultureInfo.InvariantCulture);
        var silos = Option(args, "--silos", 1);
        var options = new ClusterDunningOptions { BatchSize = Option(args, "--batch", 512), ParallelBatches = Option(args, "--parallel", 8), RetryDelay = TimeSpan.FromSeconds(1) };
        Print($"cluster run: {items:N0} open items, {silos} silo(s), batch {options.BatchSize}, {options.ParallelBatches} batches at once; {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var (stores, seed) = await MeasureAsync(() => SeedAsync(items));
        var (inProcessStore, clusterStore) = stores;
        Print($"seed            {seed}  ({items / DunningPortfolio.InstallmentsPerCustomer:N0} accounts in each of two stores)");

        // In process: the same registrations a silo has, resolved from a service provider of its own.
        var inProcess = Services(inProcessStore).GetRequiredService<DunningService>();
        var (localProposal, localPreview) = await MeasureAsync(() => inProcess.PreviewAsync(Accountant, DunningPortfolio.Request));
        Print($"in process      preview {localPreview}  {localProposal.Letters.Count:N0} letters, {localProposal.Letters.Sum(l => l.NoticeCount):N0} notices, {localProposal.Excluded.Count:N0} excluded");
        await EachAloneAsync(inProcess, inProcessStore);
        var (localResult, localProcess) = await MeasureAsync(() => inProcess.ProcessAsync(Accountant, localProposal));
        Print($"in process      process {localProcess}  {localResult.Issued.Count:N0} letters issued, {localResult.Removed.Count:N0} removed");
        var ((expectedPreview, expectedExcluded), snapshots) = await MeasureAsync(() => Task.FromResult(
            (localProposal.Letters.Select(DunningLetterSnapshot.Of).ToList(), localProposal.Excluded.Select(DunningLineSnapshot.Of).ToList())));
        Print($"in process      snapshots {snapshots}  (every letter and excluded item as the cluster delivers them)");
        var expectedIssued = localResult.Issued.Select(DunningLetterSnapshot.Of).ToList();
        localProposal = null;
        localResult = null;

        var (cluster, start) = await MeasureAsync(() => StartAsync(clusterStore, silos));
        Print($"cluster start   {start}");
        await using var stop = new AsyncStop(cluster);
        var service = new ClusterDunningService(cluster.Client, clusterStore, new RoleBasedAuthorization(), options);

        // The first preview activates every grain and loads its journal from the store; the measured preview finds them warm.
        var (warm, warmUp) = await MeasureAsync(() => service.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("warm-up"), DunningPortfolio.Company, DunningPortfolio.AsOf)));
        Print($"cluster warm-up {warmUp}  (cold grains: activation and load; {warm.Letters.Count:N0} letters)");
        warm = null;
        var (proposal, preview) = await MeasureAsync(() => service.PreviewAsync(Accountant, DunningPortfolio.Request));
        Print($"cluster         preview {preview}  {proposal.Letters.Count:N0} letters, {proposal.NoticeCount:N0} notices, {proposal.Excluded.Count:N0} excluded");
        var (result, process) = await MeasureAsync(() => service.ProcessAsync(Accountant, proposal));
        Print($"cluster         process {process}  {result.Issued.Count:N0} letters issued, {result.Removed.Count:N0} removed, {result.OutdatedLetters.Count:N0} outdated");

        var accounts = items / DunningPortfolio.InstallmentsPerCustomer;
        Print($"per account     preview: in process {PerAccount(localPreview, accounts)}, cluster {PerAccount(preview, accounts)}; process: in process {PerAccount(localProcess, accounts)}, cluster {PerAccount(process, accounts)}");

        var previewDiffers = Compare("preview letters", expectedPreview, proposal.Letters, l => l.Describe());
        var excludedDiffers = Compare("excluded items", expectedExcluded, proposal.Excluded, l => l.Describe());

        // Which letter gets which number follows the order of issue (D19.7): issued letters are compared member by member
        // without the number, and the numbers as a set (one per letter, gap-free in both runs).
        var issuedDiffers = Compare("issued letters", expectedIssued, result.Issued, l => (l with { Number = null }).Describe());
        var numbersDiffer = Compare(
            "letter numbers",
            [.. expectedIssued.Select(l => l.Number ?? "none").Order(StringComparer.Ordinal)],
            [.. result.Issued.Select(l => l.Number ?? "none").Order(StringComparer.Ordinal)],
            n => n);
        var same = !(previewDiffers || excludedDiffers || issuedDiffers || numbersDiffer);
        Print($"result          {(same ? "EQUAL: the cluster's preview and processing equal the in-process run letter for letter" : "DIFFERENT")}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB, load average {LoadAverage()}");
        return same ? 0 : 1;
    }

    /// <summary>What the grains do in a cluster preview, in process: every account that routes to no payer previewed alone from its view, read into snapshots.</summary>
    private static async Task EachAloneAsync(DunningService service, InMemoryCustomerAccountStore store)
    {
        var views = new List<CustomerAccount>();
        await foreach (var id in store.ListCustomersAsync(DunningPortfolio.Company, CancellationToken.None))
        {
            views.Add(CustomerAccount.FromJournal(await store.LoadAsync(id, CancellationToken.None)));
        }

        // Replaying is the grain's warm state, not its preview work: measured apart from it.
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var alone = views.Where(v => v.Customer.Payer is null).ToList();
        var letters = 0;
        foreach (var view in alone)
        {
            var proposal = await service.PreviewViewsAsync(Accountant, DunningPortfolio.Request, [view], CancellationToken.None);
            var snapshots = (Letters: proposal.Letters.Select(DunningLetterSnapshot.Of).ToList(), Excluded: proposal.Excluded.Select(DunningLineSnapshot.Of).ToList());
            letters += snapshots.Letters.Count;
        }

        process.Refresh();
        var phase = new Phase(wall.Elapsed, process.TotalProcessorTime - cpu);
        Print($"in process      each alone {phase}  {alone.Count:N0} accounts previewed one by one from their views, {letters:N0} letters, as snapshots: {PerAccount(phase, alone.Count)} (a grain's own work, without Orleans)");
    }

    private static async Task<(InMemoryCustomerAccountStore, InMemoryCustomerAccountStore)> SeedAsync(int items)
    {
        var first = new InMemoryCustomerAccountStore();
        var second = new InMemoryCustomerAccountStore();
        foreach (var account in DunningPortfolio.Create(items))
        {
            await first.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None);
            await second.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None);
        }

        return (first, second);
    }

    /// <summary>What a silo registers, and what the in-process run resolves its service from: only the store differs.</summary>
    private static void Register(IServiceCollection services, ICustomerAccountStore store)
    {
        var settings = new InMemoryDunningSettingsProvider();
        settings.Set(DunningPortfolio.Company, DunningPortfolio.Settings);
        services.AddSingleton(store);
        services.AddSingleton<IDunningSettingsProvider>(settings);
        services.AddSingleton<IAuthorizationPort>(new RoleBasedAuthorization());
        services.AddSingleton(DunningPortfolio.Clock);
        services.AddSingleton<ILetterNumberSequence>(new InMemoryLetterNumberSequence());
        services.AddDebitorCore(o =>
        {
            o.TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
            o.ReceivablesContact = Core.Documents.ReceivablesContact.Default;
        });
        services.AddDebitorCoreInMemory();
    }

    private static IServiceProvider Services(ICustomerAccountStore store)
    {
        var services = new ServiceCollection();
        Register(services, store);
        return services.BuildServiceProvider().CreateScope().ServiceProvider;
    }

    private static async Task<InProcessTestCluster> StartAsync(ICustomerAccountStore store, int silos)
    {
        // One set of ports for all silos, as silos on several machines share one database.
        var shared = new ServiceCollection();
        Register(shared, store);
        var provider = shared.BuildServiceProvider();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(store);
            silo.Services.AddSingleton(provider.GetRequiredService<IDunningSettingsProvider>());
            silo.Services.AddSingleton(provider.GetRequiredService<IAuthorizationPort>());
            silo.Services.AddSingleton(DunningPortfolio.Clock);
            silo.Services.AddSingleton(provider.GetRequiredService<ILetterNumberSequence>());
            silo.Services.AddSingleton(provider.GetRequiredService<IDocumentOutbox>());
            silo.Services.AddSingleton(provider.GetRequiredService<IDunningLetterOutput>());
            silo.Services.AddSingleton(provider.GetRequiredService<IAccountFaultLog>());
            silo.Services.AddDebitorCore(o =>
            {
                o.TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
                o.ReceivablesContact = Core.Documents.ReceivablesContact.Default;
            });
            silo.Services.AddDebitorCoreInMemory();
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Prints how many of the expected values the actual ones match in order, and the first difference; true when they differ.</summary>
    private static bool Compare<T>(string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual, Func<T, string> text)
    {
        var equal = 0;
        var first = -1;
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i < expected.Count && i < actual.Count && string.Equals(text(expected[i]), text(actual[i]), StringComparison.Ordinal))
            {
                equal++;
            }
            else if (first < 0)
            {
                first = i;
            }
        }

        Print($"compare         {what}: in process {expected.Count:N0}, cluster {actual.Count:N0}, equal in order {equal:N0}{(first < 0 ? string.Empty : $"; first difference at {first}")}");
        return first >= 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string PerAccount(Phase phase, int accounts) =>
        string.Create(CultureInfo.InvariantCulture, $"{phase.Cpu.TotalMilliseconds * 1000 / accounts:F0} µs CPU / {phase.Wall.TotalMilliseconds * 1000 / accounts:F0} µs wall");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static async Task<(T Result, Phase Time)> MeasureAsync<T>(Func<Task<T>> run)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await run();
        wall.Stop();
        process.Refresh();
        return (result, new Phase(wall.Elapsed, process.TotalProcessorTime - cpu));
    }

    private readonly record struct Phase(TimeSpan Wall, TimeSpan Cpu)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Wall.TotalSeconds,8:F2} s wall {Cpu.TotalSeconds,8:F2} s CPU");
    }

    private sealed class AsyncStop(InProcessTestCluster cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
