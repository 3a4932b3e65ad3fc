using System.CommandLine;
using Debitor.Cli.Output;
using Debitor.Core;
using Debitor.Core.Agreements;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor agreement make|check|delete</c>: payment agreements (installment plans).</summary>
internal static class AgreementCommands
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var agreement = new Command("agreement", "Payment agreements: make one over open items, check them, delete one");
        var customer = new Argument<string>("customer") { Description = "The customer id" };
        var id = new Option<string>("--id") { Description = "The agreement's id", Required = true };
        var items = new Option<string>("--items") { Description = "The items it covers, comma-separated entry ids", Required = true };
        var installments = new Option<int>("--installments") { Description = "The number of monthly installments", Required = true };
        var first = new Option<string>("--first") { Description = "The first installment's date, yyyy-MM-dd", Required = true };
        var output = DocumentOptions.Out();
        var html = DocumentOptions.Html();
        var make = new Command("make", "Make a payment agreement of N monthly installments over open items, and write it as PDF") { customer, id, items, installments, first, output, html };
        bind.Action(make, async context =>
        {
            await using var host = await context.OpenAsync();
            var account = await host.AccountAsync(context.Value(customer), context.CancellationToken);
            var covered = context.Value(items).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => new EntryId(i)).ToList();
            var terms = PaymentAgreementTerms.ByCount(context.Value(installments), CliContext.ParseDate(context.Value(first), "--first"));
            var agreementId = new EntryId(context.Value(id));
            var after = await host.Collections.MakeAgreementAsync(host.Actor, account.Id, agreementId, covered, terms, cancellationToken: context.CancellationToken);
            var document = Core.Application.CollectionService.AgreementDocument(after, agreementId);
            var files = new DocumentFiles(host, context.Value(output) ?? Path.Combine(CliContext.Home, "documents", "agreements"), context.Culture, context.Value(html));
            await files.DocumentAsync(account.Id, (r, to, f) => r.Render(document, host.Today, to, files.Contact, f), "-" + agreementId.Value, context.CancellationToken);
            await context.EmitAsync(new { customer = account.Id.Value, agreement = agreementId.Value, file = files.Written[0] }, o =>
            {
                o.WriteLine(context.T($"Zahlungsvereinbarung {agreementId} über {covered.Count} Posten in {context.Value(installments)} Raten geschlossen.", $"Payment agreement {agreementId} over {covered.Count} items in {context.Value(installments)} installments made."));
                o.WriteLine($"PDF: {files.Written[0]}");
            });
            return ExitCode.Done;
        });
        agreement.Subcommands.Add(make);

        var check = new Command("check", "Check a customer's agreements: kept, late or broken, what is due next") { customer };
        bind.Action(check, async context =>
        {
            await using var host = await context.OpenAsync();
            var account = await host.AccountAsync(context.Value(customer), context.CancellationToken);
            var checks = await host.Collections.CheckAgreementsAsync(host.Actor, account.Id, host.Today, context.CancellationToken);
            await context.EmitAsync(
                checks.Select(c => new { agreement = c.Agreement.Value, health = c.Health.ToString(), paid = Format.Money(c.Paid), dueSoFar = Format.Money(c.DueSoFar), missedInstallment = c.MissedInstallment, next = c.NextInstallment?.ToString() }).ToList(),
                o =>
                {
                    if (checks.Count == 0)
                    {
                        o.WriteLine(context.T("Keine Zahlungsvereinbarung.", "No payment agreement."));
                    }

                    foreach (var c in checks)
                    {
                        o.WriteLine($"{c.Agreement}: {c.Health}; {context.T("gezahlt", "paid")} {Format.Money(c.Paid)} {context.T("von fälligen", "of due")} {Format.Money(c.DueSoFar)}{(c.MissedInstallment is { } m ? context.T($"; Rate {m} versäumt", $"; installment {m} missed") : string.Empty)}");
                    }
                });
            return ExitCode.Done;
        });
        agreement.Subcommands.Add(check);

        var agreementArgument = new Argument<string>("agreement") { Description = "The agreement's id" };
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var delete = new Command("delete", "Delete (end) a payment agreement; its items are dunned again") { customer, agreementArgument, reason };
        bind.Action(delete, async context =>
        {
            await using var host = await context.OpenAsync();
            var account = await host.AccountAsync(context.Value(customer), context.CancellationToken);
            var target = new EntryId(context.Value(agreementArgument));
            await host.Collections.DeleteAgreementAsync(host.Actor, account.Id, new EntryId($"{target.Value}/delete/{account.Version + 1}"), target, context.Value(reason), context.CancellationToken);
            await context.EmitAsync(new { customer = account.Id.Value, deleted = target.Value }, o => o.WriteLine(context.T($"Zahlungsvereinbarung {target} beendet.", $"Payment agreement {target} ended.")));
            return ExitCode.Done;
        });
        agreement.Subcommands.Add(delete);
        root.Subcommands.Add(agreement);
    }
}
