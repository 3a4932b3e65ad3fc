using System.CommandLine;
using Debitor.Cli.Output;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor statement &lt;customer&gt; [--open]</c>: the account statement, or the open-items statement.</summary>
internal static class StatementCommand
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var customer = new Argument<string>("customer") { Description = "The customer id" };
        var open = new Option<bool>("--open") { Description = "The open-items statement instead of the account statement" };
        var output = DocumentOptions.Out();
        var html = DocumentOptions.Html();
        var statement = new Command("statement", "A customer's account statement (or, with --open, open-items statement), printed and written as PDF") { customer, open, output, html };
        bind.Action(statement, async context =>
        {
            await using var host = await context.OpenAsync();
            var account = await host.AccountAsync(context.Value(customer), context.CancellationToken);
            var files = new DocumentFiles(host, context.Value(output) ?? Path.Combine(CliContext.Home, "documents", "statements-" + Format.Date(host.Today)), context.Culture, context.Value(html));
            if (context.Value(open))
            {
                var s = await host.Statements.GetOpenItemsStatementAsync(host.Actor, account.Id, host.Today, context.CancellationToken);
                await files.DocumentAsync(account.Id, (r, to, f) => r.Render(s, to, f), string.Empty, context.CancellationToken);
                await context.EmitAsync(
                    new { customer = account.Id.Value, kind = "openItems", date = Format.Date(s.Date), lines = s.Lines.Select(l => new { document = l.DocumentNumber, due = Format.Date(l.DueDate), daysOverdue = l.DaysOverdue, open = Format.Amount(l.OpenAmount), interest = Format.Amount(l.Interest), currency = l.OpenAmount.Currency.Code }), totals = s.Totals.Select(t => new { currency = t.Currency.Code, balance = Format.Amount(t.Balance), overdue = Format.Amount(t.Overdue), interest = Format.Amount(t.Interest) }), file = files.Written[0] },
                    o =>
                    {
                        o.WriteLine(context.T($"OFFENE POSTEN {s.CustomerName} ({s.CustomerNumber}) zum {Format.Date(s.Date)}", $"OPEN ITEMS {s.CustomerName} ({s.CustomerNumber}) as of {Format.Date(s.Date)}"));
                        var table = new TextTable((context.T("Beleg", "Document"), false), (context.T("Fällig", "Due"), false), (context.T("Tage", "Days"), true), (context.T("Offen", "Open"), true), (context.T("Zinsen", "Interest"), true));
                        foreach (var l in s.Lines)
                        {
                            table.Add(l.DocumentNumber, Format.Date(l.DueDate), Format.Number(l.DaysOverdue), Format.Money(l.OpenAmount), Format.Money(l.Interest));
                        }

                        table.WriteTo(o);
                        foreach (var t in s.Totals)
                        {
                            o.WriteLine($"  {context.T("Saldo", "Balance")} {Format.Money(t.Balance)}, {context.T("überfällig", "overdue")} {Format.Money(t.Overdue)}, {context.T("Zinsen", "interest")} {Format.Money(t.Interest)}");
                        }

                        o.WriteLine(context.T($"PDF: {files.Written[0]}", $"PDF: {files.Written[0]}"));
                    });
            }
            else
            {
                var s = await host.Statements.GetAccountStatementAsync(host.Actor, account.Id, host.Today, context.CancellationToken);
                await files.DocumentAsync(account.Id, (r, to, f) => r.Render(s, to, f), string.Empty, context.CancellationToken);
                await context.EmitAsync(
                    new { customer = account.Id.Value, kind = "account", date = Format.Date(s.Date), sections = s.Sections.Select(x => new { currency = x.Currency.Code, opening = Format.Amount(x.OpeningBalance), debits = Format.Amount(x.TotalDebits), credits = Format.Amount(x.TotalCredits), closing = Format.Amount(x.ClosingBalance), lines = x.Lines.Select(l => new { date = Format.Date(l.Date), kind = l.Kind.ToString(), document = l.DocumentNumber, amount = Format.Amount(l.Amount), balance = Format.Amount(l.Balance) }) }), file = files.Written[0] },
                    o =>
                    {
                        o.WriteLine(context.T($"KONTOAUSZUG {s.CustomerName} ({s.CustomerNumber}) {Format.Date(s.Period.Start)} bis {Format.Date(s.Period.End)}", $"ACCOUNT STATEMENT {s.CustomerName} ({s.CustomerNumber}) {Format.Date(s.Period.Start)} to {Format.Date(s.Period.End)}"));
                        foreach (var x in s.Sections)
                        {
                            var table = new TextTable((context.T("Datum", "Date"), false), (context.T("Art", "Kind"), false), (context.T("Beleg", "Document"), false), (context.T("Betrag", "Amount"), true), (context.T("Saldo", "Balance"), true));
                            foreach (var l in x.Lines)
                            {
                                table.Add(Format.Date(l.Date), l.Kind.ToString(), l.DocumentNumber, Format.Amount(l.Amount), Format.Amount(l.Balance));
                            }

                            o.WriteLine($"  {x.Currency.Code}: {context.T("Anfangssaldo", "opening balance")} {Format.Money(x.OpeningBalance)}");
                            table.WriteTo(o);
                            o.WriteLine($"  {context.T("Endsaldo", "closing balance")} {Format.Money(x.ClosingBalance)}");
                        }

                        o.WriteLine($"PDF: {files.Written[0]}");
                    });
            }

            return ExitCode.Done;
        });
        root.Subcommands.Add(statement);
    }
}
