using System.Globalization;
using Debitor.Core;
using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using NodaTime.Text;

namespace Debitor.Cli.Portfolio;

/// <summary>A clock the host moves by hand: the loader sets it to each document's date, so every entry is recorded when it happened.</summary>
internal sealed class SettableClock : IClock
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;

    public void SetDate(LocalDate date) => Now = date.At(new LocalTime(9, 0)).InZoneLeniently(Berlin).ToInstant();
}

/// <summary>The application composed for one portfolio: in-memory store, settings, letter output, services and the acting accountant.</summary>
internal sealed class PortfolioHost
{
    public PortfolioHost(CompanyId company, DunningSettings settings)
    {
        Company = company;
        Settings.Set(company, settings);
        var options = new DebitorCoreOptions { ReceivablesContact = new ReceivablesContact("Forderungsmanagement", "+49 40 1234 5670", "forderungen@sonnenschein-reisen.example") };
        Accounts = new CustomerAccountService(Store, Authorization, Clock, options);
        Dunning = new DunningService(Store, Authorization, Settings, InterestSchemes, Output, Clock, options);
    }

    public CompanyId Company { get; }

    public Actor Actor { get; } = new(new UserId("debitor-cli"), Roles.Accountant);

    public SettableClock Clock { get; } = new();

    public InMemoryCustomerAccountStore Store { get; } = new();

    public RoleBasedAuthorization Authorization { get; } = new();

    public InMemoryDunningSettingsProvider Settings { get; } = new();

    public InterestSchemeRegistry InterestSchemes { get; } = new();

    public InMemoryDunningLetterOutput Output { get; } = new();

    public CustomerAccountService Accounts { get; }

    public DunningService Dunning { get; }

    public int Customers { get; set; }

    public int Documents { get; set; }

    public int HistoryRuns { get; set; }

    public int HistoryLetters { get; set; }

    /// <summary>Documents dated after the run date: not posted, the run cannot know them yet.</summary>
    public int FutureDocuments { get; set; }
}

/// <summary>
/// Loads a portfolio into a <see cref="PortfolioHost"/> through the library's use cases, so every document is validated
/// as a host's would be. Documents are posted in date order up to the run date (later ones are left out); when the
/// portfolio asks for it, dunning runs are processed on their dates in between, so the accounts arrive with a dunning
/// history.
/// </summary>
internal static class PortfolioLoader
{
    public static async Task<PortfolioHost> LoadAsync(PortfolioDocument document, LocalDate asOf, CancellationToken cancellationToken)
    {
        var company = new CompanyId(Required(document.Company, "company"));
        var host = new PortfolioHost(company, SettingsOf(document));
        var events = document.Customers
            .SelectMany((customer, c) => customer.Documents.Select((e, i) => (Date: Date(e.Date, $"date of a {e.Type} of customer {customer.Id}"), Customer: customer, Order: (c, i), Event: e)))
            .OrderBy(e => e.Date).ThenBy(e => e.Order.c).ThenBy(e => e.Order.i)
            .ToList();

        host.Clock.SetDate(events.Count > 0 ? events[0].Date.PlusDays(-1) : asOf);
        foreach (var customer in document.Customers.OrderBy(c => c.Payer is null ? 0 : 1))
        {
            await host.Accounts.RegisterCustomerAsync(host.Actor, CustomerOf(customer, company), cancellationToken);
            host.Customers++;
        }

        var next = 0;
        if (document.SimulateRuns is { } simulation)
        {
            for (var run = Date(simulation.From, "simulateRuns.from"); run < asOf; run = run.PlusDays(Math.Max(1, simulation.EveryDays)))
            {
                for (; next < events.Count && events[next].Date <= run; next++)
                {
                    await PostAsync(host, events[next].Customer, events[next].Event, events[next].Date, cancellationToken);
                }

                host.Clock.SetDate(run);
                var request = new DunningRunRequest(new DunningRunId("history-" + Iso(run)), company, run) { Mode = DunningRunMode.Automatic, PostFees = simulation.PostFees };
                var result = await host.Dunning.ProcessAsync(host.Actor, await host.Dunning.PreviewAsync(host.Actor, request, cancellationToken), cancellationToken);
                host.HistoryRuns++;
                host.HistoryLetters += result.Issued.Count;
            }
        }

        for (; next < events.Count && events[next].Date <= asOf; next++)
        {
            await PostAsync(host, events[next].Customer, events[next].Event, events[next].Date, cancellationToken);
        }

        host.FutureDocuments = events.Count - next;

        host.Clock.SetDate(asOf);
        foreach (var customer in document.Customers.Where(c => c.Archived))
        {
            await host.Accounts.ArchiveCustomerAsync(host.Actor, new CustomerId(customer.Id), new EntryId("archived"), "archived in the portfolio", cancellationToken);
        }

        return host;
    }

    public static LocalDate Date(string? text, string what)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new FormatException($"The {what} must be a date yyyy-MM-dd, not '{text}'.");
    }

    public static DunningSettings SettingsOf(PortfolioDocument document)
    {
        var days = BranchDunningDays.None;
        if (document.CompanyDays is { Length: > 0 } companyDays)
        {
            days = days.WithCompanyDays(companyDays);
        }

        foreach (var branch in document.Branches)
        {
            if (branch.Days is { Length: > 0 } branchDays)
            {
                days = days.WithBranchDays(new BranchId(branch.Id), branchDays);
            }
        }

        return DunningSettings.Default.WithDefaultDays(days);
    }

    private static Customer CustomerOf(CustomerDocument c, CompanyId company)
    {
        var attachments = c.Attachments ?? new AttachmentsDocument();
        return new Customer(new CustomerId(Required(c.Id, "customer id")), c.Number ?? c.Id, Required(c.Name, $"name of customer {c.Id}"), company)
        {
            Branch = c.Branch is { } branch ? new BranchId(branch) : null,
            PreferredChannel = (c.Channel ?? "email").ToUpperInvariant() switch
            {
                "EMAIL" => ContactChannel.Email,
                "POST" => ContactChannel.Post,
                "PHONE" => ContactChannel.Phone,
                _ => throw new FormatException($"Customer {c.Id}: channel is email, post or phone, not '{c.Channel}'."),
            },
            Workflow = new WorkflowSettings(c.Automatic, attachments.Letter, attachments.FullStatement, attachments.OpenItemsStatement),
            IsProblematic = c.Problematic,
            IsDunningBlocked = c.DunningBlocked,
            IsConsumer = c.IsConsumer,
            DunningScheme = new SchemeId(c.Scheme ?? "default"),
            InterestScheme = new SchemeId(c.InterestScheme ?? "default"),
            DunningDays = c.DunningDays?.Select(d => new DunningDaysOverride(PortfolioValidation.Level(d.Key, $"customer {c.Id}: dunningDays"), d.Value)).ToList() ?? [],
            CreditLimit = c.CreditLimit is { } limit
                ? new CreditLimit(new Money(limit.Amount, Currency.FromCode(limit.Currency)), OptionalDate(limit.ValidFrom), OptionalDate(limit.ValidUntil))
                : null,
            Payer = c.Payer is { } payer ? new CustomerId(payer) : null,
            PayerRouting = c.LettersToPayer ? new PayerRouting(DocumentRecipient.Payer) : PayerRouting.ToCustomer,
        };
    }

    /// <summary>Posts one document; a refusal names the customer and the document.</summary>
    private static async Task PostAsync(PortfolioHost host, CustomerDocument customer, EventDocument e, LocalDate date, CancellationToken cancellationToken)
    {
        try
        {
            await PostOneAsync(host, customer, e, date, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"customer {customer.Id}, {e.Type} {e.Id ?? e.Invoice ?? e.Letter}: {exception.Message}", exception);
        }
    }

    private static async Task PostOneAsync(PortfolioHost host, CustomerDocument customer, EventDocument e, LocalDate date, CancellationToken cancellationToken)
    {
        host.Clock.SetDate(date);
        host.Documents++;
        var id = new CustomerId(customer.Id);
        var currency = Currency.FromCode(e.Currency ?? "EUR");
        switch (e.Type)
        {
            case "invoice":
            {
                var entryId = new EntryId(Required(e.Id, "invoice id"));
                var due = Date(e.Due, $"due date of invoice {e.Id}");
                var amount = new Money(e.Amount, currency);
                var installments = e.Installments is { Count: > 0 } parts
                    ? parts.Select(p => new Installment(new Money(p.Amount, currency), OptionalDate(p.Due), KindOf(p.Kind))).ToList()
                    : [new Installment(amount)];
                await host.Accounts.PostAsync(host.Actor, id, new InvoicePosted(entryId, e.Number ?? e.Id!, date, due, amount, installments), cancellationToken);
                break;
            }

            case "creditNote":
            {
                var entryId = new EntryId(Required(e.Id, "credit note id"));
                var entries = new List<JournalEntry>
                {
                    new CreditNotePosted(entryId, e.Number ?? e.Id!, date, new Money(e.Amount, currency), e.Invoice is { } invoice ? new EntryId(invoice) : null),
                };
                entries.AddRange(Applications(e, entryId, currency, date));
                await host.Accounts.PostAllAsync(host.Actor, id, entries, cancellationToken);
                break;
            }

            case "payment":
            {
                var entryId = new EntryId(Required(e.Id, "payment id"));
                var entries = new List<JournalEntry> { new PaymentReceived(entryId, new Money(e.Amount, currency), date, Reference: e.Number) };
                entries.AddRange(Applications(e, entryId, currency, date));
                await host.Accounts.PostAllAsync(host.Actor, id, entries, cancellationToken);
                break;
            }

            case "pause":
                await host.Accounts.PauseItemAsync(
                    host.Actor, id, new EntryId($"{e.Invoice}/pause/{Iso(date)}"), new EntryId(Required(e.Invoice, "paused invoice")), e.Reason ?? "paused", OptionalDate(e.Until), cancellationToken);
                break;
            case "dueDateChange":
            {
                var entryId = new EntryId($"{e.Invoice}/due/{Iso(date)}");
                var item = new EntryId(Required(e.Invoice, "invoice"));
                var newDue = Date(e.NewDue, $"new due date of {e.Invoice}");
                var note = e.Note ?? string.Empty;
                _ = e switch
                {
                    { WholeInvoice: true } => await host.Accounts.ChangeItemDueDateAsync(host.Actor, id, entryId, item, newDue, note, cancellationToken),
                    { Installment: { } number } => await host.Accounts.ChangeInstallmentDueDateAsync(host.Actor, id, entryId, [new InstallmentRef(item, number)], newDue, note, cancellationToken),
                    _ => await host.Accounts.ChangeDueDateAsync(host.Actor, id, entryId, item, newDue, note, cancellationToken),
                };
                break;
            }

            case "notice":
                await ImportNoticeAsync(host, id, e, date, cancellationToken);
                break;
            default:
                throw new FormatException($"Customer {customer.Id}: unknown document type '{e.Type}' (invoice, creditNote, payment, pause, dueDateChange, notice).");
        }
    }

    private static IEnumerable<JournalEntry> Applications(EventDocument e, EntryId source, Currency currency, LocalDate date) =>
        (e.Apply ?? []).Select((a, n) => (JournalEntry)new PaymentApplied(
            new EntryId(string.Create(CultureInfo.InvariantCulture, $"{source.Value}/{n + 1}")),
            source,
            new InstallmentRef(new EntryId(a.Invoice), a.Installment),
            new Money(a.Amount, currency),
            date));

    /// <summary>Imports an earlier dunning notice as history: appended as the host's own record, then checked by replaying the account.</summary>
    private static async Task ImportNoticeAsync(PortfolioHost host, CustomerId customer, EventDocument e, LocalDate date, CancellationToken cancellationToken)
    {
        var letter = Required(e.Letter, "letter of a notice");
        var notices = (e.Notices ?? []).Select(n => new DunningNotice(new InstallmentRef(new EntryId(n.Invoice), n.Installment), n.Level)).ToList();
        var journal = await host.Store.LoadAsync(customer, cancellationToken);
        var record = new JournalRecord(journal.Count + 1, host.Clock.Now, host.Actor.User, new DunningNoticeIssued(new EntryId(letter + "/notice"), letter, date, notices));
        _ = CustomerAccount.FromJournal([.. journal, record]);
        await host.Store.AppendAsync(customer, journal.Count, [record], cancellationToken);
    }

    private static InstallmentKind KindOf(string? kind) => (kind ?? "regular").ToUpperInvariant() switch
    {
        "REGULAR" => InstallmentKind.Regular,
        "PREPAYMENT" => InstallmentKind.Prepayment,
        "REMAINDER" => InstallmentKind.Remainder,
        _ => throw new FormatException($"An installment kind is regular, prepayment or remainder, not '{kind}'."),
    };

    private static LocalDate? OptionalDate(string? text) => text is null ? null : Date(text, "date");

    private static string Required(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new FormatException($"The portfolio lacks the {what}.") : text;

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
