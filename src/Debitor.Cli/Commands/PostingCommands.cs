using System.CommandLine;
using System.Globalization;
using Debitor.Cli.Output;
using Debitor.Cli.Storage;
using Debitor.Core;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;

namespace Debitor.Cli.Commands;

/// <summary>The daily work of an accountant: <c>post invoice|credit-note|payment</c>, <c>pause</c>, <c>resume</c>, <c>due-date</c>.</summary>
internal static class PostingCommands
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var post = new Command("post", "Post an invoice, a credit note or a payment (the library refuses bad input with the reason; nothing is stored then)");
        var customer = new Argument<string>("customer") { Description = "The customer id" };
        var number = new Option<string>("--number") { Description = "The document number (also the entry id)", Required = true };
        var amount = new Option<decimal>("--amount") { Description = "The amount, e.g. 1190.00", Required = true };
        var currency = new Option<string>("--currency") { Description = "ISO currency code", DefaultValueFactory = _ => "EUR" };
        var date = new Option<string?>("--date") { Description = "The document or value date (default: --as-of)" };
        var due = new Option<string?>("--due") { Description = "The due date (default: the customer's payment terms)" };
        var invoiceRef = new Option<string?>("--invoice") { Description = "The invoice (entry id) it refers to" };

        var invoice = new Command("invoice", "Post an invoice") { customer, number, amount, currency, date, due };
        bind.Action(invoice, context => PostAsync(context, customer, async (host, account) =>
        {
            var money = new Money(context.Value(amount), Currency.FromCode(context.Value(currency)));
            var day = Day(context, date, host);
            var dueDay = context.Value(due) is { } d ? CliContext.ParseDate(d, "--due") : day.PlusDays(account.Customer.PaymentTerms.NetDays);
            var entry = new InvoicePosted(new EntryId(context.Value(number)), context.Value(number), day, dueDay, money, [new Installment(money)]);
            await host.Accounts.PostAsync(host.Actor, account.Id, entry, context.CancellationToken);
            return context.T($"Rechnung {entry.DocumentNumber} über {Format.Money(money)}, fällig {Format.Date(dueDay)}, gebucht.", $"Invoice {entry.DocumentNumber} of {Format.Money(money)}, due {Format.Date(dueDay)}, posted.");
        }));
        post.Subcommands.Add(invoice);

        var creditNote = new Command("credit-note", "Post a credit note") { customer, number, amount, currency, date, invoiceRef };
        bind.Action(creditNote, context => PostAsync(context, customer, async (host, account) =>
        {
            var money = new Money(context.Value(amount), Currency.FromCode(context.Value(currency)));
            var related = context.Value(invoiceRef) is { } r ? Item(account, r) : (EntryId?)null;
            var entry = new CreditNotePosted(new EntryId(context.Value(number)), context.Value(number), Day(context, date, host), money, related);
            await host.Accounts.PostAsync(host.Actor, account.Id, entry, context.CancellationToken);
            return context.T($"Gutschrift {entry.DocumentNumber} über {Format.Money(money)} gebucht.", $"Credit note {entry.DocumentNumber} of {Format.Money(money)} posted.");
        }));
        post.Subcommands.Add(creditNote);

        var payment = new Command("payment", "Post a payment; it is applied to the open items by the library's rules (BGB §§366/367), to --invoice first when named") { customer, number, amount, currency, date, invoiceRef };
        bind.Action(payment, context => PostAsync(context, customer, async (host, account) =>
        {
            var money = new Money(context.Value(amount), Currency.FromCode(context.Value(currency)));
            var designated = context.Value(invoiceRef) is { } r ? new[] { Item(account, r) } : null;
            var incoming = new IncomingPayment(new EntryId(context.Value(number)), money, Day(context, date, host), reference: context.Value(number), designatedItems: designated);
            var result = await host.Payments.ApplyPaymentAsync(host.Actor, account.Id, incoming, context.CancellationToken);
            return context.T($"Zahlung {context.Value(number)} über {Format.Money(money)} gebucht ({result.Status}).", $"Payment {context.Value(number)} of {Format.Money(money)} posted ({result.Status}).");
        }));
        post.Subcommands.Add(payment);
        root.Subcommands.Add(post);

        var item = new Argument<string>("item") { Description = "The open item (entry id, e.g. the invoice number)" };
        var reason = new Option<string>("--reason") { Description = "Why (stored with the entry)", Required = true };
        var until = new Option<string?>("--until") { Description = "The last paused day (default: until resumed)" };
        var pause = new Command("pause", "Pause dunning of an item") { customer, item, reason, until };
        bind.Action(pause, context => PostAsync(context, customer, async (host, account) =>
        {
            var target = Item(account, context.Value(item));
            var last = context.Value(until) is { } u ? CliContext.ParseDate(u, "--until") : (LocalDate?)null;
            await host.Accounts.PauseItemAsync(host.Actor, account.Id, EntryFor(account, target, "pause"), target, context.Value(reason), last, context.CancellationToken);
            return context.T($"{target} pausiert{(last is { } l ? " bis " + Format.Date(l) : string.Empty)}.", $"{target} paused{(last is { } l2 ? " until " + Format.Date(l2) : string.Empty)}.");
        }));
        root.Subcommands.Add(pause);

        var note = new Option<string?>("--note") { Description = "A note" };
        var resume = new Command("resume", "Resume dunning of a paused item") { customer, item, note };
        bind.Action(resume, context => PostAsync(context, customer, async (host, account) =>
        {
            var target = Item(account, context.Value(item));
            await host.Accounts.ResumeItemAsync(host.Actor, account.Id, EntryFor(account, target, "resume"), target, context.Value(note), context.CancellationToken);
            return context.T($"{target} wird wieder gemahnt.", $"{target} is dunned again.");
        }));
        root.Subcommands.Add(resume);

        var newDue = new Argument<string>("new-due") { Description = "The new due date, yyyy-MM-dd" };
        var requiredNote = new Option<string>("--note") { Description = "Why the due date changes (mandatory)", Required = true };
        var dueDate = new Command("due-date", "Change the due date of an item") { customer, item, newDue, requiredNote };
        bind.Action(dueDate, context => PostAsync(context, customer, async (host, account) =>
        {
            var target = Item(account, context.Value(item));
            var day = CliContext.ParseDate(context.Value(newDue), "new-due");
            await host.Accounts.ChangeDueDateAsync(host.Actor, account.Id, EntryFor(account, target, "due"), target, day, context.Value(requiredNote), context.CancellationToken);
            return context.T($"{target} ist jetzt fällig am {Format.Date(day)}.", $"{target} is now due on {Format.Date(day)}.");
        }));
        root.Subcommands.Add(dueDate);
    }

    private static async Task<int> PostAsync(CliContext context, Argument<string> customer, Func<CliHost, CustomerAccount, Task<string>> post)
    {
        await using var host = await context.OpenAsync();
        var account = await host.AccountAsync(context.Value(customer), context.CancellationToken);
        var message = await post(host, account);
        await context.EmitAsync(new { customer = account.Id.Value, done = message }, o => o.WriteLine(message));
        return ExitCode.Done;
    }

    private static LocalDate Day(CliContext context, Option<string?> date, CliHost host) =>
        context.Value(date) is { } d ? CliContext.ParseDate(d, "--date") : host.Today;

    /// <summary>An item of the account; refused naming the customer when it has none of that id.</summary>
    private static EntryId Item(CustomerAccount account, string id) =>
        account.FindItem(new EntryId(id)) is { } item ? item.Id : throw new FormatException($"Customer {account.Id} has no item '{id}' (see 'debitor customers show {account.Id}').");

    /// <summary>A new entry id for a change of an item: the item, the kind of change and the journal's next version.</summary>
    private static EntryId EntryFor(CustomerAccount account, EntryId item, string kind) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{item.Value}/{kind}/{account.Version + 1}"));
}
