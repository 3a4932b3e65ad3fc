using System.CommandLine;
using Debitor.Cli.Datev;
using Debitor.Cli.Portfolio;
using Debitor.Cli.Storage;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor import portfolio|datev</c>.</summary>
internal static class ImportCommands
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var import = new Command("import", "Import a portfolio (JSON) or a DATEV export into the database");

        var portfolioFile = new Argument<string>("file") { Description = "The portfolio as JSON (format: docs/cli.md)" };
        var portfolio = new Command("portfolio", "Import a portfolio as JSON: creates the database for its company when there is none; an entry already stored is not imported again") { portfolioFile };
        bind.Action(portfolio, async context =>
        {
            var file = context.Value(portfolioFile);
            var document = PortfolioJson.Read(file);
            var asOf = context.AsOf ?? (document.AsOf is { } date ? PortfolioLoader.Date(date, "portfolio's asOf") : CliHost.DefaultDate(document));
            var path = context.DatabasePath();
            var (accounts, entries) = await ImportPortfolioAsync(context, path, document, asOf, file, create: !File.Exists(path));
            await context.EmitAsync(
                new { database = path, file, customers = document.Customers.Count, accountsCreated = accounts, entriesAdded = entries },
                o => o.WriteLine(context.T(
                    $"{file}: {document.Customers.Count} Kunden gelesen; {accounts} Konten angelegt, {entries} Buchungen übernommen (bereits gespeicherte nicht erneut) in {path}.",
                    $"{file}: {document.Customers.Count} customers read; {accounts} accounts created, {entries} entries added (those already stored are not added again) to {path}.")));
            return ExitCode.Done;
        });
        import.Subcommands.Add(portfolio);

        var datevFile = new Argument<string>("file") { Description = "A DATEV export (EXTF): Debitoren/Kreditoren master data or a Buchungsstapel; UTF-8 or Windows-1252" };
        var datev = new Command("datev", "Import a DATEV export: master data of customers, or a booking batch of invoices, credit notes and payments. Rejected lines are reported with line, field and reason; the others are imported") { datevFile };
        bind.Action(datev, async context =>
        {
            await using var host = await context.OpenAsync();
            var result = await DatevImporter.ImportAsync(host, context.Value(datevFile), total => context.Progress(context.T("Import", "Import"), total), context.CancellationToken);
            await context.EmitAsync(result with { Rejected = result.Rejected }, o =>
            {
                o.WriteLine(context.T(
                    $"{result.File} ({result.Format}, {result.Encoding}): {result.Lines} Zeilen; {result.Customers} Konten geändert, {result.Entries} Buchungen übernommen, {result.Unchanged} bereits gespeichert, {result.Rejected.Count} Zeilen abgewiesen.",
                    $"{result.File} ({result.Format}, {result.Encoding}): {result.Lines} lines; {result.Customers} accounts changed, {result.Entries} entries added, {result.Unchanged} already stored, {result.Rejected.Count} lines rejected."));
                foreach (var rejection in result.Rejected)
                {
                    o.WriteLine(context.T($"  Zeile {rejection.Line}, {rejection.Field}: {rejection.Reason}", $"  line {rejection.Line}, {rejection.Field}: {rejection.Reason}"));
                }
            });
            return result.Rejected.Count == 0 ? ExitCode.Done : ExitCode.PartlyFailed;
        });
        import.Subcommands.Add(datev);
        root.Subcommands.Add(import);
    }

    /// <summary>
    /// Loads a portfolio through the library's use cases (in memory, checked as any host's posting would be) and copies
    /// the journals into the database; with <paramref name="create"/> the database is set up for the portfolio's company.
    /// </summary>
    public static async Task<(int Accounts, int Entries)> ImportPortfolioAsync(CliContext context, string path, PortfolioDocument document, LocalDate asOf, string name, bool create)
    {
        CheckBranches(document, name);
        PortfolioHost loaded;
        try
        {
            loaded = await PortfolioLoader.LoadAsync(document, asOf, context.CancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"{name}: {exception.Message}", exception);
        }

        await using var host = create
            ? await CliHost.CreateAsync(path, document, asOf, context.CancellationToken)
            : await CliHost.OpenAsync(path, asOf, context.CancellationToken);
        if (host.Settings.Company != document.Company)
        {
            throw new FormatException($"{name}: company is '{document.Company}', but the database {path} holds company '{host.Settings.Company}'.");
        }

        return await JournalCopy.CopyAsync(loaded.Store, loaded.Company, host.Store, context.Progress(context.T("Konten", "Accounts"), loaded.Customers), context.CancellationToken);
    }

    /// <summary>Every customer's branch must be one of the portfolio's branches (a misspelt branch would silently get the company's days).</summary>
    private static void CheckBranches(PortfolioDocument document, string name)
    {
        var branches = document.Branches.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < document.Customers.Count; i++)
        {
            if (document.Customers[i].Branch is { } branch && !branches.Contains(branch))
            {
                throw new FormatException($"{name}: customers[{i}].branch is '{branch}', which is not among the branches ({string.Join(", ", branches.Order(StringComparer.Ordinal))}).");
            }
        }
    }
}
