using Debitor.Cli.Output;
using Debitor.Cli.Portfolio;
using Debitor.Core;
using Debitor.Core.Dunning;

namespace Debitor.Cli;

/// <summary>What a job did: the proposal, and the result when it was processed.</summary>
internal sealed record JobResult(DunningProposal? Proposal, DunningRunResult? Processed, PortfolioHost? Host);

/// <summary>
/// The main job: load the portfolio, preview the dunning run, print the proposal and the letters, and process it when asked.
/// </summary>
internal static class DunningJob
{
    public static async Task<JobResult> RunAsync(CliOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (options.Help)
        {
            output.WriteLine(CliOptions.Usage);
            return new JobResult(null, null, null);
        }

        var sample = options.Portfolio is null;
        var portfolio = sample ? SamplePortfolio.Create() : PortfolioJson.Read(options.Portfolio!);
        if (options.ExportSample is { } target)
        {
            PortfolioJson.Write(portfolio, target);
            output.WriteLine($"Wrote the sample portfolio ({portfolio.Customers.Count} customers) to {target}.");
            return new JobResult(null, null, null);
        }

        var asOf = options.AsOf ?? (portfolio.AsOf is { } date ? PortfolioLoader.Date(date, "portfolio's asOf") : throw new UsageException("The portfolio has no asOf date: pass --as-of."));
        PortfolioHost host;
        try
        {
            host = await PortfolioLoader.LoadAsync(portfolio, asOf, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            // Every refusal of a portfolio names the document; the loader's message names the customer and field.
            throw new FormatException($"{(sample ? "embedded sample" : options.Portfolio)}: {exception.Message}", exception);
        }

        var sender = portfolio.CompanyName ?? portfolio.Company;
        var request = new DunningRunRequest(new DunningRunId("run-" + Format.Date(asOf)), host.Company, asOf)
        {
            Branch = options.Branch is { } branch ? new BranchId(branch) : null,
            Customer = options.Customer is { } customer ? new CustomerId(customer) : null,
            Level = options.Level,
            Mode = options.Automatic ? DunningRunMode.Automatic : DunningRunMode.Manual,
            OnlyWhenCreditLimitExceeded = options.CreditLimitExceeded,
            PostFees = options.PostFees,
        };

        output.WriteLine($"Debitor.Core dunning run as of {Format.Date(asOf)} ({asOf.DayOfWeek}) for {sender}");
        output.WriteLine($"Portfolio: {(sample ? "embedded sample" : options.Portfolio)}; {host.Customers} customers, {host.Documents} documents"
            + (host.HistoryRuns > 0 ? $", dunning history from {host.HistoryRuns} processed runs ({host.HistoryLetters} letters)" : string.Empty)
            + (host.FutureDocuments > 0 ? $"; {host.FutureDocuments} documents dated after the run date left out" : string.Empty) + ".");
        output.WriteLine($"Run: {request.Mode.ToString().ToLowerInvariant()}, {(options.Branch is null ? "whole company" : "branch " + options.Branch)}, {(options.Customer is null ? "all customers" : "customer " + options.Customer)}, {(options.Level is { } l ? "level " + Format.Number(l) : "all levels")}{(options.CreditLimitExceeded ? ", credit limit exceeded only" : string.Empty)}.");
        output.WriteLine();

        var proposal = await host.Dunning.PreviewAsync(host.Actor, request, cancellationToken);
        ProposalPrinter.Print(proposal, output);
        output.WriteLine();
        var shown = Math.Min(options.Letters, proposal.Letters.Count);
        output.WriteLine(shown == proposal.Letters.Count
            ? $"LETTERS ({proposal.Letters.Count})"
            : $"LETTERS (the first {shown} of {proposal.Letters.Count}; --letters all prints every letter)");
        output.WriteLine();
        foreach (var letter in proposal.Letters.Take(shown))
        {
            LetterRenderer.Render(letter, sender, output);
        }

        DunningRunResult? processed = null;
        if (options.Process)
        {
            processed = await host.Dunning.ProcessAsync(host.Actor, proposal, cancellationToken);
            output.WriteLine($"PROCESSED: {processed.Issued.Count} letters issued with {processed.Issued.Sum(l => l.Lines.Count(n => n.IssuesNotice))} notices"
                + $"{(request.PostFees ? $" and {processed.Issued.Sum(l => l.Fees.Count)} fees posted" : string.Empty)}; {processed.Removed.Count} previewed notices not issued; {host.Output.Letters.Count(l => l.RunId == request.RunId)} letters handed to the output port.");
        }
        else
        {
            output.WriteLine("Nothing was changed (preview). Run with --process to issue the letters.");
        }

        if (options.Pdf is { } pdfDirectory)
        {
            var letters = processed?.Issued ?? proposal.Letters;
            var written = await PdfLetters.WriteAsync(portfolio, host, letters, pdfDirectory, options.Language, cancellationToken);
            output.WriteLine($"Wrote {written} letters as PDF ({options.Language}) to {pdfDirectory}.");
        }

        if (options.Explain is { } explain)
        {
            output.WriteLine();
            await ExplainAsync(host, new CustomerId(explain), asOf, output, cancellationToken);
        }

        return new JobResult(proposal, processed, host);
    }

    private static async Task ExplainAsync(PortfolioHost host, CustomerId customer, LocalDate asOf, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"FORWARD DUNNING CALENDAR of {customer} as of {Format.Date(asOf)}");
        output.WriteLine();
        foreach (var line in await host.Dunning.ExplainAsync(host.Actor, customer, asOf, cancellationToken))
        {
            var forecast = line.Forecast();
            output.WriteLine($"  {line.DocumentNumber}/{line.Installment.Number} {Format.Kind(line)}, due {Format.Date(line.DueDate)}, open {Format.Money(line.OpenAmount)}");
            output.WriteLine($"    {line.Explanation}");
            output.WriteLine(forecast.Count == 0
                ? "    no further notice"
                : "    to come: " + string.Join(", ", forecast.Select(n => $"level {n.Level} from {Format.Date(n.Date)}")));
        }
    }
}
