using Debitor.Core.Ledger;

namespace Debitor.Cli.Tests;

/// <summary>Every command of an accountant's day, in-process against a database made with <c>init</c>.</summary>
public sealed class DailyWorkTests
{
    private static async Task<CliHarness> InitAsync()
    {
        var cli = new CliHarness();
        await cli.RunOkAsync("init", "--company", "acme", "--name", "ACME Reisen GmbH", "--street", "Hafenstraße 1", "--postal-code", "20457", "--city", "Hamburg", "--iban", "DE89370400440532013000", "--email", "forderungen@acme.example", "--as-of", "2026-03-01");
        var portfolio = cli.Write("customers.json", """
            { "company": "acme", "branches": [ { "id": "HAM" } ],
              "customers": [ { "id": "K1", "name": "Müller GmbH", "branch": "HAM" }, { "id": "K2", "name": "Jana Schulz", "isConsumer": true } ] }
            """);
        await cli.RunOkAsync("import", "portfolio", portfolio, "--as-of", "2026-01-01");
        return cli;
    }

    [Fact]
    public async Task Init_NewDatabase_HasTheStoresPageSizeAndTheToolsTables()
    {
        using var cli = await InitAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.Db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        var pageSize = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('cli_company', 'cli_runs', 'debitor_journal');";
        var tables = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(16384, pageSize); // the store's page size (D13.180), not SQLite's default: its schema comes first (D16.191)
        Assert.Equal(3, tables);
    }

    [Fact]
    public async Task Init_ThenPostingPausingAndDueDates_PersistAcrossInvocations()
    {
        using var cli = await InitAsync();

        await cli.RunOkAsync("post", "invoice", "K1", "--number", "RE-1", "--amount", "1190.00", "--date", "2026-01-05", "--due", "2026-01-19");
        await cli.RunOkAsync("post", "invoice", "K1", "--number", "RE-2", "--amount", "500.00", "--date", "2026-01-10", "--due", "2026-01-24");
        await cli.RunOkAsync("post", "credit-note", "K1", "--number", "GS-1", "--amount", "100.00", "--invoice", "RE-2", "--date", "2026-01-12");
        await cli.RunOkAsync("post", "payment", "K1", "--number", "ZE-1", "--amount", "190.00", "--invoice", "RE-1", "--date", "2026-01-20");
        await cli.RunOkAsync("pause", "K1", "RE-2", "--reason", "Reklamation", "--until", "2026-04-15");
        await cli.RunOkAsync("resume", "K1", "RE-2", "--note", "geklärt");
        await cli.RunOkAsync("due-date", "K1", "RE-2", "2026-02-01", "--note", "Zahlungsziel verlängert");
        var show = await cli.RunOkAsync("customers", "show", "K1", "--format", "json");
        var journal = await cli.JournalAsync("K1");

        Assert.Contains("\"RE-1\"", show.Output, StringComparison.Ordinal);
        Assert.Contains("\"open\": \"1,000.00\"", show.Output, StringComparison.Ordinal);
        Assert.Contains(journal, r => r.Entry is ItemPaused);
        Assert.Contains(journal, r => r.Entry is ItemResumed);
        Assert.Contains(journal, r => r.Entry is DueDateChanged);
    }

    [Fact]
    public async Task Commands_RefuseBadInputWithTheReasonAndChangeNothing()
    {
        using var cli = await InitAsync();
        await cli.RunOkAsync("post", "invoice", "K1", "--number", "RE-1", "--amount", "100.00", "--date", "2026-01-05");
        var before = (await cli.JournalAsync("K1")).Count;

        var unknownCustomer = await cli.RunAsync("post", "invoice", "K9", "--number", "RE-9", "--amount", "1");
        var unknownItem = await cli.RunAsync("pause", "K1", "RE-404", "--reason", "x");
        var subCent = await cli.RunAsync("post", "invoice", "K1", "--number", "RE-3", "--amount", "1.001");
        var usage = await cli.RunAsync("post", "invoice", "K1", "--amount", "1");
        var badDate = await cli.RunAsync("post", "invoice", "K1", "--number", "RE-4", "--amount", "1", "--due", "31.01.2026");

        Assert.Equal(1, unknownCustomer.ExitCode);
        Assert.Contains("K9", unknownCustomer.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownItem.ExitCode);
        Assert.Contains("RE-404", unknownItem.Error, StringComparison.Ordinal);
        Assert.Equal(1, subCent.ExitCode);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--number", usage.Error, StringComparison.Ordinal);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Equal(before, (await cli.JournalAsync("K1")).Count);
    }

    [Fact]
    public async Task CustomersStatementsInterestAgreementsAndFigures_Run()
    {
        using var cli = await InitAsync();
        await cli.RunOkAsync("post", "invoice", "K1", "--number", "RE-1", "--amount", "1190.00", "--date", "2025-11-05", "--due", "2025-11-19");
        await cli.RunOkAsync("post", "invoice", "K2", "--number", "RE-7", "--amount", "300.00", "--date", "2026-01-05", "--due", "2026-01-19");

        var list = await cli.RunOkAsync("customers", "list");
        var search = await cli.RunOkAsync("customers", "search", "müller", "--format", "json");
        var statement = await cli.RunOkAsync("statement", "K1", "--out", cli.Out);
        var open = await cli.RunOkAsync("statement", "K1", "--open", "--out", cli.Out, "--html");
        var interestPreview = await cli.RunOkAsync("interest", "preview", "K1");
        var interestIssue = await cli.RunOkAsync("interest", "issue", "K1", "--out", cli.Out);
        var agreement = await cli.RunOkAsync("agreement", "make", "K2", "--id", "RV-1", "--items", "RE-7", "--installments", "3", "--first", "2026-03-15", "--out", cli.Out);
        var check = await cli.RunOkAsync("agreement", "check", "K2");
        var figures = await cli.RunOkAsync("figures", "--format", "json");
        var help = await cli.RunOkAsync("dunning", "process", "--help");

        Assert.Contains("Müller GmbH", list.Output, StringComparison.Ordinal);
        Assert.Contains("2 Kunden", list.Output, StringComparison.Ordinal);
        Assert.Contains("\"K1\"", search.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"K2\"", search.Output, StringComparison.Ordinal);
        Assert.Contains("KONTOAUSZUG", statement.Output, StringComparison.Ordinal);
        Assert.Contains("OFFENE POSTEN", open.Output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(cli.Out, "*.html"));
        Assert.Contains("Zinsrechnung", interestPreview.Output, StringComparison.Ordinal);
        Assert.Contains("ausgestellt", interestIssue.Output, StringComparison.Ordinal);
        Assert.Contains("RV-1", agreement.Output, StringComparison.Ordinal);
        Assert.Contains("RV-1", check.Output, StringComparison.Ordinal);
        Assert.Contains("\"aging\"", figures.Output, StringComparison.Ordinal);
        Assert.Contains("--no-fees", help.Output, StringComparison.Ordinal);
        Assert.True(Directory.GetFiles(cli.Out, "*.pdf").Length >= 4);
    }

    [Fact]
    public async Task DunningProcess_CompanyWithoutLetterhead_IsRefusedBeforeAnythingIsIssued()
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("init", "--company", "acme", "--as-of", "2026-03-01");
        var portfolio = cli.Write("p.json", """{ "company": "acme", "customers": [ { "id": "K1", "name": "Müller GmbH", "documents": [ { "type": "invoice", "id": "RE-1", "date": "2026-01-05", "due": "2026-01-19", "amount": 100 } ] } ] }""");
        await cli.RunOkAsync("import", "portfolio", portfolio);
        var before = (await cli.JournalAsync("K1")).Count;
        var preview = await cli.RunOkAsync("dunning", "preview", "--format", "json");

        var result = await cli.RunAsync("dunning", "process");

        Assert.Contains("\"recipient\": \"K1\"", preview.Output, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--iban", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await cli.JournalAsync("K1")).Count);
    }

    [Fact]
    public async Task Init_DunningDays_AreStoredInTheDatabaseSettingsStore()
    {
        using var cli = new CliHarness();

        await cli.RunOkAsync("init", "--company", "acme", "--days", "3,10,20");
        var stored = await new Core.Sqlite.SqliteDunningSettingsStore(new Core.Sqlite.SqliteCustomerAccountStore($"Data Source={cli.Db}")).GetAsync(new Core.CompanyId("acme"), CancellationToken.None);
        var customer = new Core.Customers.Customer(new Core.CustomerId("K1"), "K1", "Müller GmbH", new Core.CompanyId("acme"));

        Assert.Equal([3, 10, 20], [.. Enumerable.Range(1, 3).Select(level => stored.DaysFor(customer, stored.Schemes.Values.First(), level))]);
    }

    [Fact]
    public async Task Commands_WithoutADatabase_AreRefusedAsUsage()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("customers", "list");
        var unknownCommand = await cli.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("debitor init", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownCommand.ExitCode);
    }
}
