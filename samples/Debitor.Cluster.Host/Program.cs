using System.Globalization;
using Debitor.Cluster.Host;
using Debitor.Core;
using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Orleans;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Text;
using Orleans.Configuration;

// A silo of a Debitor.Core cluster: PostgreSQL holds the journals (Debitor.Core.PostgreSql) and the cluster membership
// (Orleans ADO.NET clustering). Start it once per process; two on one machine need two port pairs (docs/scale-out.md).
//
//   Debitor.Cluster.Host [--silo-port 11111] [--gateway-port 30000] [--cluster debitor]
//                        [--preview COMPANY --as-of yyyy-MM-dd] [--note COMPANY CUSTOMER TEXT]
//
// The connection string comes from DEBITOR_POSTGRES (Npgsql format). With --preview the silo, once up, previews a
// dunning run of the company over the whole cluster and prints the letters; with --note it records a note on a customer's
// account through ClusterAccounts (the use case runs in the account's grain, wherever that lives); without either the
// silo serves until stopped.
var arguments = Arguments.Parse(args);
var connectionString = Environment.GetEnvironmentVariable("DEBITOR_POSTGRES")
    ?? throw new InvalidOperationException("Set DEBITOR_POSTGRES to the Npgsql connection string of the database.");

var store = new PostgreSqlCustomerAccountStore(connectionString);
await store.EnsureSchemaAsync(CancellationToken.None);
await ClusteringSchema.EnsureAsync(connectionString, CancellationToken.None);

var builder = Host.CreateApplicationBuilder();
builder.Services.AddDebitorCorePostgreSql(connectionString);

// The options are validated at start: the company's time zone and our receivables contact must be set. A real silo reads
// them from configuration (AddDebitorCore(builder.Configuration.GetSection("Debitor")), docs/hosting.md); the sample sets
// them in code.
builder.Services.AddDebitorCore(options =>
{
    options.TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    options.ReceivablesContact = new ReceivablesContact("Forderungsmanagement", "+49 40 1234 5670", "forderungen@example.com");
});

// PostgreSQL holds journals, files, settings, interest schemes and letter numbers. The sample only previews runs, so the
// outbox, the outputs, the fault log and the other sources are the in-memory ports; a silo that processes runs registers
// durable ones shared by all silos (the outbox in the same database, docs/scale-out.md) before this call.
builder.Services.AddDebitorCoreInMemory();
builder.UseOrleans(silo =>
{
    silo.UseAdoNetClustering(options =>
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = connectionString;
    });
    silo.Configure<ClusterOptions>(options =>
    {
        options.ClusterId = arguments.Cluster;
        options.ServiceId = "debitor";
    });
    silo.ConfigureEndpoints(arguments.SiloPort, arguments.GatewayPort);
});

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"Silo up: silo port {arguments.SiloPort}, gateway port {arguments.GatewayPort}, cluster '{arguments.Cluster}'.");

if (arguments.Preview is { } company)
{
    var services = host.Services;
    var dunning = new ClusterDunningService(
        services.GetRequiredService<IGrainFactory>(),
        services.GetRequiredService<ICustomerAccountStore>(),
        services.GetRequiredService<IAuthorizationPort>(),
        new ClusterDunningOptions());
    var request = new DunningRunRequest(new DunningRunId("cluster-preview-" + arguments.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new CompanyId(company), arguments.AsOf);
    var proposal = await dunning.PreviewAsync(new Actor(new UserId("cluster-host"), Roles.Accountant), request);
    Console.WriteLine($"Preview for {company} as of {arguments.AsOf:yyyy-MM-dd}: {proposal.Letters.Count} letters, {proposal.NoticeCount} notices, {proposal.Excluded.Count} excluded items, {proposal.UnreadableAccounts.Count} unreadable accounts.");
    foreach (var letter in proposal.Letters.Take(20))
    {
        Console.WriteLine($"  {letter.Id}: level {letter.Level}, {letter.TotalDue.ToString(CultureInfo.InvariantCulture)} {letter.Currency}");
    }

    await host.StopAsync();
    return;
}

if (arguments.Note is [var noteCompany, var noteCustomer, var noteText])
{
    // Every mutating use case goes through ClusterAccounts the same way: it runs in the grain of the account it writes.
    var accounts = new ClusterAccounts(host.Services.GetRequiredService<IGrainFactory>(), new CompanyId(noteCompany));
    var note = new Debitor.Core.Ledger.CommunicationRecorded(
        new EntryId("cluster-note-" + Guid.NewGuid().ToString("N")), Debitor.Core.Communication.CommunicationKind.Comment, "Notiz", noteText);
    var account = await accounts.RecordCommunicationAsync(new Actor(new UserId("cluster-host"), Roles.Accountant), new CustomerId(noteCustomer), note);
    Console.WriteLine($"Note recorded on {noteCustomer}: the account is at version {account.Version}.");
    await host.StopAsync();
    return;
}

await host.WaitForShutdownAsync();

/// <summary>The command line.</summary>
internal sealed record Arguments(int SiloPort, int GatewayPort, string Cluster, string? Preview, NodaTime.LocalDate AsOf, string[]? Note)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Port(string name, int fallback) =>
            Value(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

        var asOf = Value("--as-of") is { } date ? LocalDatePattern.Iso.Parse(date).GetValueOrThrow() : new NodaTime.LocalDate(2026, 11, 23);
        var note = Array.IndexOf(args, "--note") is var at and >= 0 && at + 3 < args.Length ? args[(at + 1)..(at + 4)] : null;
        return new Arguments(Port("--silo-port", 11111), Port("--gateway-port", 30000), Value("--cluster") ?? "debitor", Value("--preview"), asOf, note);
    }
}
