using System.Globalization;

namespace Debitor.Cli.Portfolio;

/// <summary>
/// The embedded sample: a travel agency with four branches and a few hundred customers — package holidays invoiced as
/// prepayment and remainder, business trips invoiced in one, punctual, late, partial and non-paying customers,
/// cancellations credited, a payer for a company's employees, paused items, changed due dates, an archived, a blocked,
/// a problematic and a CHF customer — and weekly automatic dunning runs since June, so items stand at every level.
/// </summary>
/// <remarks>Generated in code from a fixed seed: the same portfolio, and so the same output, on every machine.</remarks>
internal static class SamplePortfolio
{
    public static readonly LocalDate AsOf = new(2026, 11, 23);

    private static readonly LocalDate FirstBooking = new(2026, 5, 4);

    private static readonly string[] FirstNames = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Katrin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rita", "Stefan", "Tina", "Uwe"];

    private static readonly string[] LastNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger"];

    private static readonly string[] Trades = ["Bau", "Druck", "Elektro", "Logistik", "Medien", "Consulting", "Maschinenbau", "Software", "Handel", "Gastro"];

    private static readonly string[] LegalForms = ["GmbH", "KG", "AG", "e.K.", "GmbH & Co. KG"];

    private static readonly (string Id, string Name, int[]? Days)[] Branches =
    [
        ("HAM", "Hamburg", [7, 21, 42]),
        ("MUC", "München", [5, 14, 28]),
        ("BER", "Berlin", null),
        ("CGN", "Köln", [10, 20, 30]),
    ];

    private enum Behaviour
    {
        Punctual,
        Late,
        Partial,
        NeverPays,
        Overpays,
    }

    public static PortfolioDocument Create(int customers = 300)
    {
        var random = new Random64(20261123);
        var list = new List<CustomerDocument>(customers);
        for (var i = 1; i <= customers; i++)
        {
            list.Add(CreateCustomer(i, random));
        }

        return new PortfolioDocument
        {
            Company = "sonnenschein-reisen",
            CompanyName = "Sonnenschein Reisen GmbH",
            CompanyDetails = new CompanyDetailsDocument
            {
                Street = "Jungfernstieg 7", PostalCode = "20354", City = "Hamburg", Country = "DE",
                Iban = "DE89370400440532013000", Bic = "COBADEFFXXX", BankName = "Commerzbank Hamburg",
                RegisterCourt = "Amtsgericht Hamburg", RegisterNumber = "HRB 123456", ManagingDirectors = "Jana Sommer, Tim Winter",
                VatId = "DE136695976", Phone = "+49 40 3344-70", Email = "forderungen@sonnenschein-reisen.de", ReceivablesContact = "Erika Berger",
            },
            AsOf = Iso(AsOf),
            Branches = [.. Branches.Select(b => new BranchDocument { Id = b.Id, Name = b.Name, Days = b.Days })],
            SimulateRuns = new SimulationDocument { From = "2026-06-01", EveryDays = 7, PostFees = false },
            Customers = list,
        };
    }

    private static CustomerDocument CreateCustomer(int i, Random64 random)
    {
        var id = "K-" + (10_000 + i).ToString(CultureInfo.InvariantCulture);
        var business = i is 1 or 7 || (i > 10 && random.Next(0, 100) < 40);
        var name = i switch
        {
            1 => "Nordlicht Versicherung AG",
            7 => "Hanse Logistik GmbH",
            _ when business => $"{LastNames[random.Next(0, LastNames.Length)]} {Trades[random.Next(0, Trades.Length)]} {LegalForms[random.Next(0, LegalForms.Length)]}",
            _ => $"{FirstNames[random.Next(0, FirstNames.Length)]} {LastNames[random.Next(0, LastNames.Length)]}",
        };
        var behaviour = i switch
        {
            1 or 7 => Behaviour.Punctual,
            >= 2 and <= 6 or >= 8 and <= 23 => i % 2 == 0 ? Behaviour.NeverPays : Behaviour.Late,
            _ => random.Next(0, 100) switch
            {
                < 55 => Behaviour.Punctual,
                < 75 => Behaviour.Late,
                < 85 => Behaviour.Partial,
                < 95 => Behaviour.NeverPays,
                _ => Behaviour.Overpays,
            },
        };
        if (i is >= 11 and <= 23)
        {
            behaviour = Behaviour.NeverPays;
        }

        var channel = random.Next(0, 100) switch
        {
            < 70 => "email",
            < 95 => "post",
            _ => "phone",
        };
        var currency = i == 22 ? "CHF" : "EUR";
        var documents = new List<EventDocument>();
        // Customers 11 to 23 show one feature each: one early booking, no cancellation, so the feature is visible.
        var special = i is >= 11 and <= 23;
        var bookings = special ? 1 : 1 + random.Next(0, 5);
        for (var b = 1; b <= bookings; b++)
        {
            documents.AddRange(Booking(id, b, business, behaviour, currency, special, random));
        }

        var firstInvoice = documents.First(d => d.Type == "invoice");
        var firstDue = LocalDatePattern(firstInvoice.Due!);
        switch (i)
        {
            case 11:
                documents.Add(new EventDocument { Type = "pause", Invoice = firstInvoice.Id, Date = Iso(firstDue.PlusDays(3)), Reason = "Reklamation: Hotel entsprach nicht der Beschreibung" });
                break;
            case 12:
                documents.Add(new EventDocument { Type = "pause", Invoice = firstInvoice.Id, Date = Iso(firstDue.PlusDays(3)), Until = "2026-12-04", Reason = "Zahlung nach Erstattung der Versicherung zugesagt" });
                break;
            case 13:
                documents.Add(new EventDocument { Type = "pause", Invoice = firstInvoice.Id, Date = Iso(firstDue.PlusDays(3)), Until = "2026-10-30", Reason = "Kunde im Urlaub" });
                break;
            case >= 14 and <= 16:
                documents.Add(new EventDocument { Type = "dueDateChange", Invoice = firstInvoice.Id, Installment = 1, Date = Iso(firstDue.PlusDays(-2)), NewDue = Iso(firstDue.PlusDays(21)), Note = "Stundung der ersten Rate um drei Wochen telefonisch vereinbart" });
                break;
            case 23:
                documents.Add(new EventDocument { Type = "creditNote", Id = id + "-GS-K", Number = "GS-" + id + "-K", Date = Iso(firstDue.PlusDays(1)), Amount = 9_000m, Currency = currency });
                break;
        }

        return new CustomerDocument
        {
            Id = id,
            Number = (10_000 + i).ToString(CultureInfo.InvariantCulture),
            Name = name,
            Branch = Branches[i % Branches.Length].Id,
            Channel = channel,
            Automatic = i != 20,
            Problematic = i == 19,
            DunningBlocked = i == 18,
            IsConsumer = !business,
            Archived = i == 17,
            DunningDays = i == 21 ? new Dictionary<string, int> { ["1"] = 14 } : null,
            CreditLimit = business && random.Next(0, 100) < 40 ? new CreditLimitDocument { Amount = 1_000m * random.Next(1, 11), Currency = currency } : null,
            Payer = i is >= 2 and <= 6 ? "K-10001" : i is >= 8 and <= 10 ? "K-10007" : null,
            LettersToPayer = i is >= 2 and <= 6,
            Attachments = new AttachmentsDocument { Letter = true, OpenItemsStatement = business, FullStatement = i % 10 == 0 },
            Documents = documents,
        };
    }

    /// <summary>One booking: the invoice, perhaps a partial cancellation credited, and the payments the behaviour makes before the as-of date.</summary>
    private static IEnumerable<EventDocument> Booking(string customer, int n, bool business, Behaviour behaviour, string currency, bool special, Random64 random)
    {
        var invoice = $"{customer}-R{n}";
        var booked = FirstBooking.PlusDays(random.Next(0, special ? 100 : 194));
        var amount = random.Next(30_000, 600_000) / 100m;
        var package = !business && random.Next(0, 100) < 85;
        var open = new List<(int Number, decimal Open, LocalDate Due)>();
        if (package)
        {
            var prepayment = Math.Round(amount * 0.2m, 2, MidpointRounding.AwayFromZero);
            var travel = booked.PlusDays(random.Next(41, 160));
            open.Add((1, prepayment, booked.PlusDays(10)));
            open.Add((2, amount - prepayment, travel.PlusDays(-30)));
            yield return new EventDocument
            {
                Type = "invoice", Id = invoice, Number = "RE-" + invoice, Date = Iso(booked), Due = Iso(open[0].Due), Amount = amount, Currency = currency,
                Installments =
                [
                    new InstallmentDocument { Amount = open[0].Open, Due = Iso(open[0].Due), Kind = "prepayment" },
                    new InstallmentDocument { Amount = open[1].Open, Due = Iso(open[1].Due), Kind = "remainder" },
                ],
            };
        }
        else
        {
            open.Add((1, amount, booked.PlusDays(14)));
            yield return new EventDocument { Type = "invoice", Id = invoice, Number = "RE-" + invoice, Date = Iso(booked), Due = Iso(open[0].Due), Amount = amount, Currency = currency };
        }

        if (!special && random.Next(0, 100) < 8)
        {
            var credit = Math.Round(amount * random.Next(10, 101) / 100m, 2, MidpointRounding.AwayFromZero);
            var last = open[^1];
            var applied = Math.Min(credit, last.Open);
            open[^1] = last with { Open = last.Open - applied };
            yield return new EventDocument
            {
                Type = "creditNote", Id = invoice + "-GS", Number = "GS-" + invoice, Date = Iso(booked.PlusDays(2)), Amount = credit, Currency = currency, Invoice = invoice,
                Apply = applied > 0 ? [new ApplicationDocument { Invoice = invoice, Installment = last.Number, Amount = applied }] : null,
            };
        }

        foreach (var (number, rest, due) in open)
        {
            var (paid, on) = behaviour switch
            {
                Behaviour.Punctual => (rest, due.PlusDays(random.Next(-7, 3))),
                Behaviour.Late => (rest, due.PlusDays(random.Next(15, 76))),
                Behaviour.Partial => (Math.Round(rest / 2m, 2, MidpointRounding.AwayFromZero), due.PlusDays(random.Next(0, 11))),
                Behaviour.Overpays => (rest, due.PlusDays(-2)),
                _ => (0m, due),
            };
            if (paid <= 0m || on > AsOf)
            {
                continue;
            }

            on = on < booked.PlusDays(3) ? booked.PlusDays(3) : on;
            var extra = behaviour == Behaviour.Overpays ? 10m : 0m;
            yield return new EventDocument
            {
                Type = "payment", Id = $"{invoice}-Z{number}", Number = "Überweisung " + invoice, Date = Iso(on), Amount = paid + extra, Currency = currency,
                Apply = [new ApplicationDocument { Invoice = invoice, Installment = number, Amount = paid }],
            };
        }
    }

    private static LocalDate LocalDatePattern(string text) => PortfolioLoader.Date(text, "date");

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>xorshift64: a tiny generator whose sequence is fixed by its seed on every platform and runtime.</summary>
    private sealed class Random64(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int min, int max)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            return min + (int)(_state % (ulong)(max - min));
        }
    }
}
