using Debitor.Cli;
using FsCheck;
using FsCheck.Fluent;

namespace Debitor.Core.Tests.Cli;

/// <summary>
/// Issue 12, defect 9: the reference host refuses every malformed portfolio with exit code 1 and a message naming the
/// document and the field, instead of crashing.
/// </summary>
public sealed class PortfolioValidationTests
{
    private const string Customer = """{ "id": "K1", "name": "Müller GmbH", "documents": [ { "type": "invoice", "id": "inv-1", "date": "2026-01-10", "due": "2026-02-10", "amount": 100 } ] }""";

    public static TheoryData<string, string> Malformed() => new()
    {
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [null] }""", "customers[0] is null" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "branches": null, "customers": [{{Customer}}] }""", "branches is null" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "branches": [null], "customers": [{{Customer}}] }""", "branches[0] is null" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "dunningDays": { "99999999999": 3 } } ] }""", "customers[0].dunningDays has the key '99999999999'" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "dunningDays": { "1": 99999999999 } } ] }""", "customers[0].dunningDays" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "documents": [null] } ] }""", "customers[0].documents[0] is null" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": null } ] }""", "customers[0].name is null" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "documents": [ { "type": "invoice", "id": "inv-1", "date": "2026-01-10", "due": "2026-02-10", "amount": 5e28 } ] } ] }""", "customer K1, invoice inv-1" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "documents": [ { "type": "invoice", "id": "inv-1", "date": "2026-01-10", "due": "2026-02-10", "amount": 1e400 } ] } ] }""", "customers[0].documents[0].amount" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "documents": [ { "type": "invoice", "id": "inv-1", "date": "2026-01-10", "due": "2026-02-10", "amount": 100, "installments": [null] } ] } ] }""", "customers[0].documents[0].installments[0] is null" },
        { "null", "holds no portfolio" },
        { "[1, 2]", "the document" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Main_MalformedPortfolio_ExitsOneNamingTheDocumentAndTheField(string json, string field)
    {
        var path = Path.Combine(Path.GetTempPath(), $"debitor-malformed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        var error = new StringWriter();
        var previous = Console.Error;
        try
        {
            Console.SetError(error);
            var exitCode = await RunMainAsync(["--portfolio", path]);

            Assert.Equal(1, exitCode);
            Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
            Assert.Contains(field, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(previous);
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_WellFormedMinimalPortfolio_Runs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"debitor-minimal-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [{{Customer}}] }""");
        try
        {
            var result = await DunningJob.RunAsync(CliOptions.Parse(["--portfolio", path]), new StringWriter());

            Assert.Single(result.Proposal!.Letters);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Main_AnyFieldReplacedByAHostileValue_ExitsWithADocumentedCodeNeverCrashes()
    {
        var valid = $$"""
            { "company": "acme", "companyName": "ACME", "asOf": "2026-03-15", "companyDays": [10, 14], "branches": [ { "id": "B1", "days": [7] } ],
              "simulateRuns": { "from": "2026-02-01", "everyDays": 7, "postFees": true },
              "customers": [ { "id": "K1", "number": "10001", "name": "Müller GmbH", "branch": "B1", "channel": "email", "scheme": "default", "interestScheme": "default",
                "dunningDays": { "1": 5 }, "creditLimit": { "amount": 1000, "currency": "EUR", "validFrom": "2026-01-01" }, "attachments": { "letter": true },
                "documents": [ { "type": "invoice", "id": "inv-1", "number": "RE-1", "date": "2026-01-10", "due": "2026-02-10", "amount": 100, "currency": "EUR",
                                 "installments": [ { "amount": 100, "due": "2026-02-10", "kind": "regular" } ] },
                               { "type": "payment", "id": "pay-1", "date": "2026-02-20", "amount": 40, "apply": [ { "invoice": "inv-1", "installment": 1, "amount": 40 } ] },
                               { "type": "pause", "invoice": "inv-1", "date": "2026-02-21", "until": "2026-02-28", "reason": "Klärung" } ] },
                { "id": "K2", "name": "Tochter KG", "payer": "K1", "lettersToPayer": true, "documents": [] } ] }
            """;
        string[] fields = ["company", "asOf", "companyDays", "branches", "id", "days", "simulateRuns", "from", "everyDays", "customers", "name", "branch", "channel", "scheme", "dunningDays", "creditLimit", "amount", "currency", "validFrom", "documents", "type", "date", "due", "installments", "kind", "apply", "invoice", "installment", "until", "payer"];
        string[] hostile = ["null", "[null]", "99999999999", "-99999999999", "1e400", "5e28", "-1", "0", "\"\"", "\"x\"", "[]", "{}", "true", "{ \"99999999999\": 1 }"];
        var gen = from field in Gen.Elements(fields) from value in Gen.Elements(hostile) from occurrence in Gen.Choose(0, 3) select (field, value, occurrence);

        var exitCodes = new List<int>();
        var mutations = new List<string>();
        foreach (var (field, value, occurrence) in gen.Sample(150, 0))
        {
            var matches = System.Text.RegularExpressions.Regex.Matches(valid, "\"" + field + Value);
            if (matches.Count == 0)
            {
                continue;
            }

            var match = matches[occurrence % matches.Count];
            var mutated = string.Concat(valid.AsSpan(0, match.Index), $"\"{field}\": {value}", valid.AsSpan(match.Index + match.Length));
            exitCodes.Add(await ExitCodeOfAsync(mutated));
            mutations.Add($"{field}: {value} (occurrence {occurrence})");
        }

        Assert.True(exitCodes.Count > 100);
        Assert.All(exitCodes.Select((code, i) => (code, mutation: mutations[i])), c => Assert.True(c.code is 0 or 1 or 2, $"{c.mutation} exited {c.code}"));
        Assert.Contains(1, exitCodes);
    }

    /// <summary>The rest of a JSON member after its name: a string, number, literal, flat array or flat object.</summary>
    private const string Value = """
        ":\s*("[^"]*"|-?[0-9.e]+|true|false|null|\[[^\[\]]*\]|\{[^{}]*\})
        """;

    private static async Task<int> ExitCodeOfAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"debitor-hostile-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        var previousError = Console.Error;
        var previousOut = Console.Out;
        try
        {
            Console.SetError(TextWriter.Null);
            Console.SetOut(TextWriter.Null);
            return await RunMainAsync(["--portfolio", path, "--letters", "0"]);
        }
        finally
        {
            Console.SetError(previousError);
            Console.SetOut(previousOut);
            File.Delete(path);
        }
    }

    private static async Task<int> RunMainAsync(string[] args)
    {
        var entry = typeof(DunningJob).Assembly.EntryPoint!;
        var result = entry.Invoke(null, [args]);
        return result is Task<int> task ? await task : (int)result!;
    }
}
