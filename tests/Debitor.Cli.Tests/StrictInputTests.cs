namespace Debitor.Cli.Tests;

/// <summary>Portfolios are read strictly: misspelt fields, unknown branches and malformed documents are refused (exit 1).</summary>
public sealed class StrictInputTests
{
    private const string Customer = """{ "id": "K1", "name": "Müller GmbH", "documents": [ { "type": "invoice", "id": "inv-1", "date": "2026-01-10", "due": "2026-02-10", "amount": 100 } ] }""";

    public static TheoryData<string, string> Malformed() => new()
    {
        { """{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "chanel": "post" } ] }""", "customers[0]" },
        { """{ "company": "acme", "asOf": "2026-03-15", "compnyName": "x", "customers": [] }""", "compnyName" },
        { """{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "documents": [ { "type": "invoice", "id": "i", "date": "2026-01-10", "due": "2026-02-10", "amount": 1, "ammount": 2 } ] } ] }""", "customers[0].documents[0]" },
        { """{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "branch": "HMA" } ] }""", "customers[0].branch is 'HMA'" },
        { """{ "company": "acme", "asOf": "2026-03-15", "customers": [null] }""", "customers[0] is null" },
        { $$"""{ "company": "acme", "asOf": "2026-03-15", "branches": null, "customers": [{{Customer}}] }""", "branches is null" },
        { """{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "dunningDays": { "99999999999": 3 } } ] }""", "customers[0].dunningDays has the key '99999999999'" },
        { """{ "company": "acme", "asOf": "2026-03-15", "customers": [ { "id": "K1", "name": "A", "documents": [ { "type": "invoice", "id": "inv-1", "date": "2026-01-10", "due": "2026-02-10", "amount": 5e28 } ] } ] }""", "customer K1, invoice inv-1" },
        { "null", "holds no portfolio" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task ImportPortfolio_MalformedOrMisspelt_ExitsOneNamingTheDocumentAndTheField(string json, string field)
    {
        using var cli = new CliHarness();
        var path = cli.Write("portfolio.json", json);

        var result = await cli.RunAsync("import", "portfolio", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Db));
    }

    [Fact]
    public async Task ImportPortfolio_Twice_ChangesNothingTheSecondTime()
    {
        using var cli = new CliHarness();
        var path = cli.Write("portfolio.json", $$"""{ "company": "acme", "asOf": "2026-03-15", "customers": [{{Customer}}] }""");

        var first = await cli.RunOkAsync("import", "portfolio", path, "--format", "json");
        var journal = await cli.JournalAsync("K1");
        var second = await cli.RunOkAsync("import", "portfolio", path, "--format", "json");

        Assert.Contains("\"accountsCreated\": 1", first.Output, StringComparison.Ordinal);
        Assert.Contains("\"entriesAdded\": 0", second.Output, StringComparison.Ordinal);
        Assert.Equal(journal.Count, (await cli.JournalAsync("K1")).Count);
    }
}
