using System.CommandLine;
using Debitor.Cli.Output;
using Debitor.Cli.Portfolio;
using Debitor.Cli.Storage;

namespace Debitor.Cli.Commands;

/// <summary>
/// <c>debitor demo</c> (and <c>debitor</c> without a command): sets up the sample database on first use, previews the
/// sample's dunning run, prints the proposal and writes the letters as PDF files.
/// </summary>
internal static class DemoCommand
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var output = DocumentOptions.Out();
        var html = DocumentOptions.Html();
        var demo = new Command("demo", "Set up (first time) or reuse the sample database, preview its dunning run, print the proposal, write the letters as PDF") { output, html };
        bind.Action(demo, context => RunAsync(context, output, html));
        root.Subcommands.Add(demo);
        foreach (var option in new Option[] { output, html })
        {
            root.Options.Add(option);
        }

        bind.Action(root, context => RunAsync(context, output, html));
    }

    private static async Task<int> RunAsync(CliContext context, Option<string?> outOption, Option<bool> htmlOption)
    {
        var path = context.DatabasePath("demo.db");
        var created = await EnsureSampleAsync(context, path);
        await using var host = await CliHost.OpenAsync(path, context.AsOf, context.CancellationToken);
        var request = DunningCommands.Request(host, await host.DunningSettingsAsync(context.CancellationToken), null, null, null, false, false, true);
        var proposal = await host.Dunning.PreviewAsync(host.Actor, request, context.CancellationToken);
        var directory = context.Value(outOption) ?? Path.Combine(CliContext.Home, "documents", "demo-" + Format.Date(host.Today));
        var files = new DocumentFiles(host, directory, context.Culture, context.Value(htmlOption));
        await DunningCommands.WriteLettersAsync(context, files, proposal.Letters);
        var db = $"--db \"{path}\"";
        await context.EmitAsync(
            json =>
            {
                json.WriteStartObject();
                json.WriteString("database", path);
                json.WriteBoolean("created", created);
                json.WriteString("asOf", Format.Date(host.Today));
                json.WritePropertyName("proposal");
                DunningJson.Proposal(json, proposal);
                json.WriteString("documents", files.Directory);
                json.WriteNumber("files", files.Written.Count);
                json.WriteEndObject();
            },
            o =>
            {
                o.WriteLine(created
                    ? context.T($"Beispieldatenbank angelegt: {path}", $"Sample database created: {path}")
                    : context.T($"Beispieldatenbank: {path}", $"Sample database: {path}"));
                o.WriteLine(context.T(
                    $"{host.Settings.CompanyName}: Mahnlauf zum {Format.Date(host.Today)} (Vorschau, es wurde nichts geändert)",
                    $"{host.Settings.CompanyName}: dunning run as of {Format.Date(host.Today)} (preview, nothing was changed)"));
                o.WriteLine();
                ProposalPrinter.Print(proposal, o, context.Culture);
                o.WriteLine();
                o.WriteLine(context.T($"{proposal.Letters.Count} Schreiben als PDF in {files.Directory}", $"{proposal.Letters.Count} letters as PDF in {files.Directory}"));
                o.WriteLine();
                o.WriteLine(context.T("Weiter:", "Next:"));
                o.WriteLine($"  debitor dunning process {db}          # {context.T("die Schreiben ausstellen (bleibt gespeichert)", "issue the letters (stored)")}");
                o.WriteLine($"  debitor dunning explain K-10001 {db}  # {context.T("warum ein Kunde wo steht", "why a customer stands where it stands")}");
                o.WriteLine($"  debitor customers list {db}");
                o.WriteLine($"  debitor --help");
                o.WriteLine(context.T(
                    "  (aus dem Quelltext: dotnet run --project src/Debitor.Cli -- <Befehl>)",
                    "  (from the sources: dotnet run --project src/Debitor.Cli -- <command>)"));
            });
        return ExitCode.Done;
    }

    /// <summary>Creates the sample database unless it exists; returns whether it was created.</summary>
    public static async Task<bool> EnsureSampleAsync(CliContext context, string path)
    {
        if (File.Exists(path) && await new CliDatabase(path).ReadSettingsAsync(context.CancellationToken) is not null)
        {
            return false;
        }

        await context.Error.WriteLineAsync(context.T($"Erster Start: lege die Beispieldatenbank an ({path}) …", $"First run: setting up the sample database ({path}) …"));
        var portfolio = SamplePortfolio.Create();
        var asOf = PortfolioLoader.Date(portfolio.AsOf, "sample's asOf");
        await ImportCommands.ImportPortfolioAsync(context, path, portfolio, asOf, "embedded sample", create: true);
        return true;
    }
}
