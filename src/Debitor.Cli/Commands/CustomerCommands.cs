using System.CommandLine;
using Debitor.Cli.Output;
using Debitor.Cli.Storage;
using Debitor.Core;
using Debitor.Core.Ledger;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor customers list|show|search</c>.</summary>
internal static class CustomerCommands
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var customers = new Command("customers", "List, show and search customers");
        var branch = new Option<string?>("--branch") { Description = "Only customers of one branch" };
        var list = new Command("list", "Every customer with its balance") { branch };
        bind.Action(list, async context =>
        {
            await using var host = await context.OpenAsync();
            var accounts = await AccountsAsync(host, context, a => context.Value(branch) is not { } b || a.Customer.Branch?.Value == b);
            await Print(context, accounts, host.Today);
            return ExitCode.Done;
        });
        customers.Subcommands.Add(list);

        var text = new Argument<string>("text") { Description = "Part of the id, number, name, e-mail or city" };
        var search = new Command("search", "Customers whose id, number, name, e-mail or city contains the text (case-insensitive)") { text };
        bind.Action(search, async context =>
        {
            await using var host = await context.OpenAsync();
            var needle = context.Value(text);
            bool Match(string? s) => s?.Contains(needle, StringComparison.OrdinalIgnoreCase) == true;
            var accounts = await AccountsAsync(host, context, a => Match(a.Id.Value) || Match(a.Customer.Number) || Match(a.Customer.Name)
                || a.MasterData.Emails.Any(e => Match(e.Address)) || a.MasterData.Addresses.Any(x => Match(x.City)));
            await Print(context, accounts, host.Today);
            return ExitCode.Done;
        });
        customers.Subcommands.Add(search);

        var id = new Argument<string>("customer") { Description = "The customer id" };
        var show = new Command("show", "A customer's settings, master data and open items") { id };
        bind.Action(show, async context =>
        {
            await using var host = await context.OpenAsync();
            var account = await host.AccountAsync(context.Value(id), context.CancellationToken);
            var c = account.Customer;
            var data = account.MasterData;
            var open = account.OpenItems.ToList();
            await context.EmitAsync(
                new
                {
                    id = c.Id.Value, number = c.Number, name = c.Name, branch = c.Branch?.Value, consumer = c.IsConsumer, channel = c.PreferredChannel.ToString(),
                    addresses = data.Addresses.Select(a => $"{a.Street}, {a.PostalCode} {a.City}, {a.Country}"),
                    emails = data.Emails.Select(e => e.Address), phones = data.Phones.Select(p => p.Number),
                    bankAccounts = data.BankAccounts.Select(b => b.Iban?.ToString() ?? $"{b.BankCode} {b.AccountNumber}"),
                    openItems = open.Select(i => new { id = i.Id.Value, document = i.DocumentNumber, kind = i.Kind.ToString(), date = Format.Date(i.DocumentDate), due = Format.Date(i.DueDate), open = Format.Amount(i.OpenAmount), currency = i.Currency.Code, paused = i.IsPausedOn(host.Today) }),
                },
                o =>
                {
                    o.WriteLine($"{c.Id}  {c.Name}  ({context.T("Kundennr.", "customer no.")} {c.Number}{(c.Branch is { } b ? ", " + context.T("Filiale ", "branch ") + b : string.Empty)}{(c.IsConsumer ? context.T(", Verbraucher", ", consumer") : string.Empty)}{(account.IsArchived ? context.T(", archiviert", ", archived") : string.Empty)})");
                    foreach (var a in data.Addresses)
                    {
                        o.WriteLine($"  {context.T("Anschrift", "Address")}: {a.Street}, {a.PostalCode} {a.City}, {a.Country}");
                    }

                    foreach (var e in data.Emails)
                    {
                        o.WriteLine($"  {context.T("E-Mail", "E-mail")}: {e.Address}{(e.UseForSending ? context.T(" (Versand)", " (sending)") : string.Empty)}");
                    }

                    foreach (var p in data.Phones)
                    {
                        o.WriteLine($"  {context.T("Telefon", "Phone")}: {p.Number}");
                    }

                    foreach (var bank in data.BankAccounts)
                    {
                        o.WriteLine($"  {context.T("Bank", "Bank")}: {bank.Iban?.ToPrintString() ?? $"{bank.BankCode} {bank.AccountNumber}"}{(bank.BankName is { } n ? " (" + n + ")" : string.Empty)}");
                    }

                    o.WriteLine(context.T($"  Offene Posten ({open.Count}):", $"  Open items ({open.Count}):"));
                    var table = new TextTable((context.T("Posten", "Item"), false), (context.T("Beleg", "Document"), false), (context.T("Art", "Kind"), false), (context.T("Datum", "Date"), false), (context.T("Fällig", "Due"), false), (context.T("Offen", "Open"), true), (context.T("Whg", "Cur"), false), (context.T("Pause", "Paused"), false));
                    foreach (var i in open)
                    {
                        table.Add(i.Id.Value, i.DocumentNumber, i.Kind.ToString(), Format.Date(i.DocumentDate), Format.Date(i.DueDate), Format.Amount(i.OpenAmount), i.Currency.Code, i.IsPausedOn(host.Today) ? context.T("ja", "yes") : string.Empty);
                    }

                    table.WriteTo(o);
                });
            return ExitCode.Done;
        });
        customers.Subcommands.Add(show);
        root.Subcommands.Add(customers);
    }

    private static async Task<List<CustomerAccount>> AccountsAsync(CliHost host, CliContext context, Func<CustomerAccount, bool> filter)
    {
        var ids = await host.CustomersAsync(context.CancellationToken);
        var accounts = new List<CustomerAccount>();
        var progress = context.Progress(context.T("Kunden", "Customers"), ids.Count);
        foreach (var id in ids)
        {
            var account = await host.Accounts.GetAccountAsync(host.Actor, id, context.CancellationToken);
            if (filter(account))
            {
                accounts.Add(account);
            }

            progress.Advance();
        }

        progress.Done();
        return accounts;
    }

    private static Task Print(CliContext context, List<CustomerAccount> accounts, LocalDate today) =>
        context.EmitAsync(
            accounts.Select(a => new { id = a.Id.Value, number = a.Customer.Number, name = a.Customer.Name, branch = a.Customer.Branch?.Value, openItems = a.OpenItems.Count(), balances = Balances(a).Select(Format.Money) }).ToList(),
            o =>
            {
                var table = new TextTable((context.T("Kunde", "Customer"), false), (context.T("Nr.", "No."), false), (context.T("Name", "Name"), false), (context.T("Filiale", "Branch"), false), (context.T("Offene", "Open"), true), (context.T("Saldo", "Balance"), true));
                foreach (var a in accounts)
                {
                    table.Add(a.Id.Value, a.Customer.Number, Format.Truncate(a.Customer.Name, 40), a.Customer.Branch?.Value ?? string.Empty, Format.Number(a.OpenItems.Count()), string.Join(" + ", Balances(a).Select(Format.Money)));
                }

                table.WriteTo(o);
                o.WriteLine(context.T($"{accounts.Count} Kunden (Stand {Format.Date(today)})", $"{accounts.Count} customers (as of {Format.Date(today)})"));
            });

    private static IEnumerable<Money> Balances(CustomerAccount account) =>
        account.OpenItems.Select(i => i.Currency).Distinct().Select(account.BalanceIn);
}
