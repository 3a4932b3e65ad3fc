using System.CommandLine;
using Debitor.Cli.Output;
using Debitor.Core.Interest;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor interest preview|issue</c>: interest invoices of a customer.</summary>
internal static class InterestCommands
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var interest = new Command("interest", "Interest invoices (default interest, BGB §288)");
        var customer = new Argument<string>("customer") { Description = "The customer id" };
        var number = new Option<string?>("--number") { Description = "The invoice number (default ZR-<customer>-<date>)" };
        var output = DocumentOptions.Out();
        var html = DocumentOptions.Html();
        foreach (var issue in new[] { false, true })
        {
            var command = issue
                ? new Command("issue", "Issue the interest invoices (posted as charges) and write them as PDF") { customer, number, output, html }
                : new Command("preview", "Preview the interest invoices of a customer, changing nothing") { customer, number, output, html };
            bind.Action(command, async context =>
            {
                await using var host = await context.OpenAsync();
                var account = await host.AccountAsync(context.Value(customer), context.CancellationToken);
                var no = context.Value(number) ?? $"ZR-{account.Id}-{Format.Date(host.Today)}";
                var invoices = issue
                    ? await host.Interest.IssueAsync(host.Actor, account.Id, no, host.Today, context.CancellationToken)
                    : await host.Interest.PreviewAsync(host.Actor, account.Id, no, host.Today, context.CancellationToken);
                Output.DocumentFiles? files = null;
                if (invoices.Count > 0 && (issue || context.Value(output) is not null))
                {
                    files = new Output.DocumentFiles(host, context.Value(output) ?? Path.Combine(Commands.CliContext.Home, "documents", "interest-" + Format.Date(host.Today)), context.Culture, context.Value(html));
                    foreach (var invoice in invoices)
                    {
                        await files.DocumentAsync(invoice.Recipient, (r, to, f) => r.Render(invoice, to, f), "-" + invoice.Currency.Code, context.CancellationToken);
                    }
                }

                await context.EmitAsync(
                    new { customer = account.Id.Value, issued = issue, invoices = invoices.Select(Json), documents = files?.Directory },
                    o =>
                    {
                        o.WriteLine(invoices.Count == 0
                            ? context.T("Keine Zinsen zu berechnen.", "No interest to charge.")
                            : context.T($"{invoices.Count} Zinsrechnung(en){(issue ? " ausgestellt" : " (Vorschau)")}:", $"{invoices.Count} interest invoice(s){(issue ? " issued" : " (preview)")}:"));
                        foreach (var invoice in invoices)
                        {
                            o.WriteLine($"  {invoice.Number} {invoice.Currency.Code}: {context.T("Zinsen", "interest")} {Format.Money(invoice.InterestTotal)}, {context.T("Pauschale", "recovery compensation")} {Format.Money(invoice.RecoveryCompensationTotal)}, {context.T("zahlbar bis", "payable by")} {Format.Date(invoice.PaymentDueDate)}");
                            foreach (var line in invoice.Lines)
                            {
                                o.WriteLine($"    {line.DocumentNumber}: {line.Period}");
                            }
                        }

                        if (files is not null)
                        {
                            o.WriteLine(context.T($"{files.Written.Count} Dateien in {files.Directory}", $"{files.Written.Count} files in {files.Directory}"));
                        }
                    });
                return ExitCode.Done;
            });
            interest.Subcommands.Add(command);
        }

        root.Subcommands.Add(interest);
    }

    private static object Json(InterestInvoice invoice) => new
    {
        number = invoice.Number,
        currency = invoice.Currency.Code,
        interest = Format.Amount(invoice.InterestTotal),
        recoveryCompensation = Format.Amount(invoice.RecoveryCompensationTotal),
        due = Format.Date(invoice.PaymentDueDate),
        lines = invoice.Lines.Select(l => new { document = l.DocumentNumber, period = l.Period.ToString() }),
    };
}
