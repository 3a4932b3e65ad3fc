using BenchmarkDotNet.Attributes;
using Debitor.Core.Benchmarks.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;

namespace Debitor.Core.Benchmarks.Serialization;

/// <summary>
/// Reading the registrations of the dunning benchmark's portfolio (one per customer: the customer's settings, D13.112),
/// per document (<c>OperationsPerInvoke</c>), as the store's one-pass reader reads them: in the written order (SQLite)
/// and in PostgreSQL's <c>jsonb</c> order.
/// </summary>
[MemoryDiagnoser]
public class RegistrationReadBenchmarks
{
    private const int Customers = 1_000;

    private byte[][] _written = [];
    private byte[][] _jsonb = [];

    [GlobalSetup]
    public void Setup()
    {
        var registrations = DunningPortfolio.Create(Customers * DunningPortfolio.InstallmentsPerCustomer).Select(a => a.Journal[0].Entry).ToList();
        _written = [.. registrations.Select(JournalJson.SerializeToUtf8Bytes)];
        _jsonb = [.. registrations.Select(e => System.Text.Encoding.UTF8.GetBytes(JsonbOrder(System.Text.Json.Nodes.JsonNode.Parse(JournalJson.Serialize(e)))))];
    }

    [Benchmark(OperationsPerInvoke = Customers)]
    public int Written() => Read(_written);

    [Benchmark(OperationsPerInvoke = Customers)]
    public int Jsonb() => Read(_jsonb);

    private static int Read(byte[][] documents)
    {
        var count = 0;
        foreach (var bytes in documents)
        {
            count += JournalJson.Deserialize(bytes) is CustomerRegistered ? 1 : 0;
        }

        return count;
    }

    /// <summary>The document with every object's members in <c>jsonb</c>'s order (by UTF-8 length, then bytes).</summary>
    private static string JsonbOrder(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => "{" + string.Join(",", o
            .OrderBy(p => System.Text.Encoding.UTF8.GetByteCount(p.Key))
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => System.Text.Json.JsonSerializer.Serialize(p.Key) + ":" + JsonbOrder(p.Value))) + "}",
        System.Text.Json.Nodes.JsonArray a => "[" + string.Join(",", a.Select(JsonbOrder)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
