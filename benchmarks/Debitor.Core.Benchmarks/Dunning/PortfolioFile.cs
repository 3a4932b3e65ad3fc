using System.Globalization;
using System.Text.Json;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Dunning;

/// <summary>
/// Writes <see cref="DunningPortfolio"/>, the storage issue's end-to-end portfolio, as a portfolio file of the
/// <c>debitor</c> tool (docs/cli.md), so that the tool's <c>dunning process</c> is measured on the run and the data the
/// storage issue's target is stated for (D16.271). The file is made from the fixture's own journals, entry by entry:
/// the portfolio is defined once.
/// </summary>
public static class PortfolioFile
{
    /// <summary>Writes the portfolio of <paramref name="installments"/> open installments to <paramref name="path"/>.</summary>
    /// <returns>The number of customers and of documents written.</returns>
    public static (int Customers, int Documents) Write(string path, int installments)
    {
        var accounts = DunningPortfolio.Create(installments);
        var documents = 0;
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteString("company", DunningPortfolio.Company.Value);
        json.WriteString("companyName", "Messung GmbH");
        json.WriteStartObject("companyDetails");
        json.WriteString("street", "Hafenstraße 1");
        json.WriteString("postalCode", "20457");
        json.WriteString("city", "Hamburg");
        json.WriteString("iban", "DE89370400440532013000");
        json.WriteEndObject();
        json.WriteString("asOf", Iso(DunningPortfolio.AsOf));
        json.WriteStartArray("branches");
        foreach (var (branch, days) in Branches())
        {
            json.WriteStartObject();
            json.WriteString("id", branch);
            json.WriteStartArray("days");
            foreach (var day in days)
            {
                json.WriteNumberValue(day);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("customers");
        foreach (var account in accounts)
        {
            documents += Customer(json, account);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return (accounts.Length, documents);
    }

    /// <summary>The fixture's branches and their days for levels 1 to 3.</summary>
    private static IEnumerable<(string Branch, int[] Days)> Branches()
    {
        var scheme = DunningPortfolio.Settings.Schemes[new SchemeId("default")];
        foreach (var branch in new[] { "north", "south" })
        {
            var customer = new Customers.Customer(new CustomerId("probe"), "probe", "probe", DunningPortfolio.Company) { Branch = new BranchId(branch) };
            yield return (branch, [.. Enumerable.Range(1, 3).Select(level => DunningPortfolio.Settings.DaysFor(customer, scheme, level))]);
        }
    }

    private static int Customer(Utf8JsonWriter json, CustomerAccount account)
    {
        var customer = account.Customer;
        json.WriteStartObject();
        json.WriteString("id", customer.Id.Value);
        json.WriteString("name", customer.Name);
        if (customer.Branch is { } branch)
        {
            json.WriteString("branch", branch.Value);
        }

        json.WriteString("channel", customer.PreferredChannel.ToString().ToLowerInvariant());
        if (customer.IsConsumer)
        {
            json.WriteBoolean("isConsumer", true);
        }

        if (customer.Payer is { } payer)
        {
            json.WriteString("payer", payer.Value);
            json.WriteBoolean("lettersToPayer", customer.PayerRouting.DunningLetters == Customers.DocumentRecipient.Payer);
        }

        if (customer.DunningDays.Count > 0)
        {
            json.WriteStartObject("dunningDays");
            foreach (var days in customer.DunningDays)
            {
                json.WriteNumber(days.Level.ToString(CultureInfo.InvariantCulture), days.Days);
            }

            json.WriteEndObject();
        }

        var documents = 0;
        var invoiceDates = new Dictionary<EntryId, LocalDate>();
        json.WriteStartArray("documents");
        foreach (var record in account.Journal)
        {
            if (record.Entry is CustomerRegistered)
            {
                continue;
            }

            documents++;
            json.WriteStartObject();
            switch (record.Entry)
            {
                case InvoicePosted invoice:
                    // An invoice the fixture dates after the run date (due in 21 to 30 days) is dated on the run date, so
                    // that the tool, which leaves out documents dated after it, holds all ten installments too.
                    var date = LocalDate.Min(invoice.DocumentDate, DunningPortfolio.AsOf);
                    invoiceDates[invoice.Id] = date;
                    json.WriteString("type", "invoice");
                    json.WriteString("id", invoice.Id.Value);
                    json.WriteString("number", invoice.DocumentNumber);
                    json.WriteString("date", Iso(date));
                    json.WriteString("due", Iso(invoice.DueDate));
                    json.WriteNumber("amount", invoice.Amount.Amount);
                    if (invoice.Installments.Count > 1)
                    {
                        json.WriteStartArray("installments");
                        foreach (var part in invoice.Installments)
                        {
                            json.WriteStartObject();
                            json.WriteNumber("amount", part.Amount.Amount);
                            json.WriteString("due", Iso(part.DueDate ?? invoice.DueDate));
                            json.WriteString("kind", part.Kind.ToString().ToLowerInvariant());
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    break;
                case ItemPaused pause:
                    json.WriteString("type", "pause");
                    json.WriteString("invoice", pause.Item.Value);
                    json.WriteString("date", Iso(invoiceDates[pause.Item]));
                    json.WriteString("reason", pause.Reason);
                    break;
                case PaymentReceived payment:
                    json.WriteString("type", "payment");
                    json.WriteString("id", payment.Id.Value);
                    json.WriteString("date", Iso(payment.ValueDate));
                    json.WriteNumber("amount", payment.Amount.Amount);
                    break;
                case DunningNoticeIssued notice:
                    json.WriteString("type", "notice");
                    json.WriteString("letter", notice.LetterId);
                    json.WriteString("date", Iso(notice.LetterDate));
                    json.WriteStartArray("notices");
                    foreach (var n in notice.Notices)
                    {
                        json.WriteStartObject();
                        json.WriteString("invoice", n.Installment.Item.Value);
                        json.WriteNumber("installment", n.Installment.Number);
                        json.WriteNumber("level", n.Level);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    break;
                default:
                    throw new InvalidOperationException($"The portfolio file has no document for a {record.Entry.GetType().Name}.");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return documents;
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
