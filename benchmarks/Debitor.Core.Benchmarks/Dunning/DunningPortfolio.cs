using System.Globalization;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Dunning;

/// <summary>
/// A portfolio in the steady state of daily dunning runs: ten open installments per customer (eight invoices, two of
/// them split into prepayment and remainder), due from 120 days before the run date to 30 days after it, every overdue
/// installment already dunned as daily runs would have left it. On the run date about one installment in fifty
/// reaches its next level, so about one customer in six gets a letter. 2 % of invoices are paused, one customer in ten
/// has an unapplied payment, one in fifty routes its letters to a payer, one in a hundred has its own days. Levels 2 and 3
/// charge interest (issue 11), so every letter line at those levels states interest through the shared interest kernel;
/// every fourth customer is a consumer (base rate + 5 points), the others businesses (+ 9 points).
/// </summary>
public static class DunningPortfolio
{
    public const int InstallmentsPerCustomer = 10;

    public static readonly LocalDate AsOf = new(2026, 11, 23);

    public static readonly CompanyId Company = new("bench");

    public static DunningSettings Settings { get; } = DunningSettings.Default
        .WithScheme(DunningScheme.Default with
        {
            Levels = [.. DunningScheme.Default.Levels.Select((level, i) => level with { ChargesInterest = i >= 1 })],
        })
        .WithDefaultDays(BranchDunningDays.None.WithBranchDays(new BranchId("north"), 7, 21, 42).WithBranchDays(new BranchId("south"), 5, 14, 28));

    public static DunningRunRequest Request { get; } = new(new DunningRunId("bench"), Company, AsOf);

    /// <summary>A clock standing on the run date (10:00 in Berlin): a run is processed on its own day (D12.23).</summary>
    public static IClock Clock { get; } = new RunDayClock(Instant.FromUtc(2026, 11, 23, 9, 0));

    /// <summary>The account views for <paramref name="installments"/> open installments (rounded up to whole customers).</summary>
    public static CustomerAccount[] Create(int installments)
    {
        var customers = (installments + InstallmentsPerCustomer - 1) / InstallmentsPerCustomer;
        var accounts = new CustomerAccount[customers];
        var at = Instant.FromUtc(2026, 11, 1, 0, 0);
        var user = new UserId("bench");
        var (billing, bank, dunning) = (new UserId("billing"), new UserId("bank"), new UserId("dunning-run"));
        var scheme = Settings.Schemes[new SchemeId("default")];
        var journal = new List<JournalRecord>(24);
        var notices = new List<DunningNotice>(4);
        for (var c = 0; c < customers; c++)
        {
            journal.Clear();
            var id = new CustomerId("K" + c.ToString("D7", CultureInfo.InvariantCulture));
            var customer = new Customer(id, id.Value, "Customer " + id.Value, Company)
            {
                Branch = (c % 3) switch { 0 => new BranchId("north"), 1 => new BranchId("south"), _ => null },
                Payer = c % 50 == 7 ? new CustomerId("K" + (c - 7).ToString("D7", CultureInfo.InvariantCulture)) : null,
                PayerRouting = new PayerRouting(DocumentRecipient.Payer),
                DunningDays = c % 100 == 13 ? [new DunningDaysOverride(1, 10)] : [],
                IsConsumer = c % 4 == 1,
            };
            Add(new CustomerRegistered(new EntryId("reg"), customer));
            var days = Enumerable.Range(1, 3).Select(level => Settings.DaysFor(customer, scheme, level)).ToArray();
            var history = new List<(LocalDate Date, InstallmentRef Installment, int Level)>();
            for (var i = 0; i < 8; i++)
            {
                var seed = (c * 8) + i;
                var due = AsOf.PlusDays(-120 + (int)((uint)(seed * 2654435761u) % 151));
                var amount = new Money(50m + (seed % 997), Currency.EUR);
                var invoice = new EntryId("inv" + i.ToString(CultureInfo.InvariantCulture));
                if (i < 2)
                {
                    var parts = amount.Allocate([30m, 70m]);
                    Add(new InvoicePosted(invoice, "RE-" + id.Value + "-" + i.ToString(CultureInfo.InvariantCulture), due.PlusDays(-20), due, amount,
                        [new Installment(parts[0], due, InstallmentKind.Prepayment), new Installment(parts[1], due.PlusDays(10), InstallmentKind.Remainder)]));
                    History(history, new InstallmentRef(invoice, 1), due, days);
                    History(history, new InstallmentRef(invoice, 2), due.PlusDays(10), days);
                }
                else
                {
                    Add(InvoicePosted.Single(invoice, "RE-" + id.Value + "-" + i.ToString(CultureInfo.InvariantCulture), due.PlusDays(-20), due, amount));
                    History(history, new InstallmentRef(invoice, 1), due, days);
                }

                if (seed % 50 == 3)
                {
                    Add(new ItemPaused(new EntryId("pause" + i.ToString(CultureInfo.InvariantCulture)), invoice, "disputed"));
                }
            }

            if (c % 10 == 5)
            {
                Add(new PaymentReceived(new EntryId("pay"), new Money(120m, Currency.EUR), AsOf.PlusDays(-3)));
            }

            foreach (var group in history.GroupBy(h => h.Date).OrderBy(g => g.Key))
            {
                notices.Clear();
                notices.AddRange(group.Select(h => new DunningNotice(h.Installment, h.Level)));
                Add(new DunningNoticeIssued(new EntryId("n" + group.Key.ToString("yyyyMMdd", CultureInfo.InvariantCulture)), "L" + group.Key.ToString("yyyyMMdd", CultureInfo.InvariantCulture), group.Key, [.. notices]));
            }

            accounts[c] = CustomerAccount.FromJournal(journal.ToArray());
        }

        return accounts;

        // Each record a minute after the one before and by the system or person that writes its kind, as in a journal
        // written over time: a store reads a time per record and an author per change (D16.271, D16.273; until session 14
        // every record carried one time and one author, which a store reads once per load).
        void Add(JournalEntry entry) => journal.Add(new JournalRecord(journal.Count + 1, at.Plus(Duration.FromMinutes(journal.Count)), AuthorOf(entry), entry));

        UserId AuthorOf(JournalEntry entry) => entry switch
        {
            InvoicePosted => billing,
            PaymentReceived => bank,
            DunningNoticeIssued => dunning,
            _ => user,
        };
    }

    /// <summary>The notices daily runs (strict comparison) would have issued before the run date: levels 1, 2, 3, then level 3 twice more.</summary>
    private static void History(List<(LocalDate, InstallmentRef, int)> history, InstallmentRef installment, LocalDate due, int[] days)
    {
        var date = due;
        for (var notice = 1; notice <= 5; notice++)
        {
            var level = Math.Min(notice, 3);
            date = date.PlusDays(days[level - 1] + 1);
            if (date >= AsOf)
            {
                return;
            }

            history.Add((date, installment, level));
        }
    }

    private sealed class RunDayClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
