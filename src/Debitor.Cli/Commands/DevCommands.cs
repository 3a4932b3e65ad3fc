using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Debitor.Cli.Commands;

/// <summary>
/// <c>debitor dev generate-datev</c> (hidden): writes a DATEV master-data export and a booking batch of any size, for the
/// measurements in docs/performance.md. The files are deterministic: the same arguments give the same bytes.
/// </summary>
internal static class DevCommands
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var folder = new Argument<string>("folder") { Description = "Where EXTF_Debitoren.csv and EXTF_Buchungsstapel.csv are written" };
        var customers = new Option<int>("--customers") { Description = "Debtor accounts 100000, 100001, …", DefaultValueFactory = _ => 100_000 };
        var lines = new Option<int>("--lines") { Description = "Booking lines per customer: invoices, each followed by its payment (in full, in part, or none)", DefaultValueFactory = _ => 10 };
        var order = new Option<string>("--order") { Description = "date: the lines by date, each customer's spread over the file (as DATEV exports them); account: each customer's lines together", DefaultValueFactory = _ => "date" };
        order.AcceptOnlyFromAmong("date", "account");
        var generate = new Command("generate-datev", "Write a DATEV master-data export and a booking batch for measurements") { folder, customers, lines, order };
        bind.Action(generate, async context =>
        {
            var (count, perCustomer) = (context.Value(customers), context.Value(lines));
            if (count is < 1 or > 600_000 || perCustomer is < 1 or > 300)
            {
                throw new UsageException("--customers takes 1 to 600000 (debtor accounts 100000–699999), --lines 1 to 300.");
            }

            var directory = context.Value(folder);
            Directory.CreateDirectory(directory);
            var master = Path.Combine(directory, "EXTF_Debitoren.csv");
            var bookings = Path.Combine(directory, "EXTF_Buchungsstapel.csv");
            await WriteMasterDataAsync(master, count, context.CancellationToken);
            await WriteBookingsAsync(bookings, count, perCustomer, context.Value(order) == "date", context.CancellationToken);
            await context.EmitAsync(
                new { masterData = master, bookings, customers = count, lines = (long)count * perCustomer },
                o => o.WriteLine($"{master}: {count} Debitoren; {bookings}: {(long)count * perCustomer} Buchungszeilen."));
            return ExitCode.Done;
        });
        root.Subcommands.Add(new Command("dev", "Tools for developers") { Hidden = true, Subcommands = { generate } });
    }

    private static string Header(int category, string name, int version) => string.Create(
        CultureInfo.InvariantCulture,
        $"\"EXTF\";700;{category};\"{name}\";{version};20260301120000000;;\"RE\";\"\";\"\";1001;10001;20260101;5;20260101;20261231;\"Messung\";\"\";1;0;0;\"EUR\";;\"\";;;\"03\";;;\"\";\"\"");

    private static async Task WriteMasterDataAsync(string path, int customers, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync(Header(16, "Debitoren/Kreditoren", 5));
        await writer.WriteLineAsync("\"Konto\";\"Name (Adressatentyp Unternehmen)\";\"Adressatentyp\";\"Kurzbezeichnung\";\"Straße\";\"Postleitzahl\";\"Ort\";\"Land\";\"Telefon\";\"E-Mail\";\"IBAN-Nr. 1\";\"Kennz. Hauptbankverb. 1\"");
        for (var i = 0; i < customers; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var account = 100_000 + i;
            await writer.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{account};\"Kunde {account} GmbH\";2;\"K{account}\";\"Große Straße {(i % 200) + 1}\";\"{20_000 + (i % 79_999):00000}\";\"Hamburg\";\"DE\";\"+49 40 {account}\";\"buchhaltung@k{account}.example\";\"DE89370400440532013000\";1"));
        }
    }

    /// <summary>
    /// Per customer: an invoice on every even line (dated in January and February 2026, due 14 days later), and on every
    /// odd line a payment naming the invoice before it: in full, in half, or (every third customer's every third) 10,00.
    /// </summary>
    private static async Task WriteBookingsAsync(string path, int customers, int perCustomer, bool byDate, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync(Header(21, "Buchungsstapel", 13));
        await writer.WriteLineAsync("\"Umsatz (ohne Soll/Haben-Kz)\";\"Soll/Haben-Kennzeichen\";\"WKZ Umsatz\";\"Kurs\";\"Basis-Umsatz\";\"WKZ Basis-Umsatz\";\"Konto\";\"Gegenkonto (ohne BU-Schlüssel)\";\"BU-Schlüssel\";\"Belegdatum\";\"Belegfeld 1\";\"Belegfeld 2\";\"Skonto\";\"Buchungstext\";\"Postensperre\";\"Diverse Adressnummer\";\"Geschäftspartnerbank\";\"Sachverhalt\";\"Zinssperre\";\"Beleglink\";\"Fälligkeit\"");
        var (outer, inner) = byDate ? (perCustomer, customers) : (customers, perCustomer);
        for (var o = 0; o < outer; o++)
        {
            for (var n = 0; n < inner; n++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (customer, line) = byDate ? (n, o) : (o, n);
                await writer.WriteLineAsync(Line(customer, line));
            }
        }
    }

    private static string Line(int customer, int line)
    {
        var account = 100_000 + customer;
        var invoice = line - (line % 2);
        var number = string.Create(CultureInfo.InvariantCulture, $"R{account}-{invoice / 2}");
        var amount = 100m + (((customer * 7) + invoice) % 900) + 0.19m * ((customer + invoice) % 5);
        var date = new LocalDate(2026, 1, 2).PlusDays(Math.Min(58, (invoice * 2) + (customer % 5)));
        if (line % 2 == 0)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{Amount(amount)};\"S\";\"EUR\";;;;{account};84000;;{date:ddMM};\"{number}\";;;\"Rechnung {number}\";;;;;;;{date.PlusDays(14):ddMMyyyy}");
        }

        var paid = (line / 2 % 3) switch
        {
            0 => amount,
            1 => Math.Round(amount / 2, 2, MidpointRounding.ToEven),
            _ => customer % 3 == 0 ? 10m : amount,
        };
        var paidOn = date.PlusDays(10 + (customer % 20));
        return string.Create(CultureInfo.InvariantCulture, $"{Amount(paid)};\"S\";\"EUR\";;;;12000;{account};;{paidOn:ddMM};\"{number}\";;;\"Zahlung {account}\";;;;;;;");
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
