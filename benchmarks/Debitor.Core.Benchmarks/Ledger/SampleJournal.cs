using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Ledger;

/// <summary>A realistic journal: invoices (some with installments), payments, applications, credit notes, write-offs, pauses.</summary>
public static class SampleJournal
{
    public static IReadOnlyList<JournalRecord> Create(int entries)
    {
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        var user = new UserId("bench");
        var journal = new List<JournalRecord>(entries)
        {
            new(1, at, user, new CustomerRegistered(new EntryId("reg"), new Customer(new CustomerId("C1"), "1", "Bench GmbH", new CompanyId("co")))),
        };
        var day = new LocalDate(2025, 1, 1);
        var n = 0;
        void Add(JournalEntry entry) => journal.Add(new JournalRecord(journal.Count + 1, at, user, entry));
        while (journal.Count < entries)
        {
            n++;
            var invoiceId = new EntryId("inv-" + n);
            var amount = new Money(100m + (n % 900), Currency.EUR);
            if (n % 5 == 0)
            {
                var parts = amount.Allocate([30m, 70m]);
                Add(new InvoicePosted(invoiceId, "RE-" + n, day, day.PlusDays(30), amount,
                    [new Installment(parts[0], day.PlusDays(10), InstallmentKind.Prepayment), new Installment(parts[1], null, InstallmentKind.Remainder)]));
            }
            else
            {
                Add(InvoicePosted.Single(invoiceId, "RE-" + n, day, day.PlusDays(30), amount));
            }

            switch (n % 4)
            {
                case 0:
                case 1:
                    var paymentId = new EntryId("pay-" + n);
                    Add(new PaymentReceived(paymentId, amount, day.PlusDays(20)));
                    Add(new PaymentApplied(new EntryId("app-" + n), paymentId, new InstallmentRef(invoiceId), n % 5 == 0 ? new Money(1m, Currency.EUR) : amount, day.PlusDays(20)));
                    break;
                case 2:
                    Add(new PaymentReceived(new EntryId("pay-" + n), new Money(50m, Currency.EUR), day.PlusDays(25)));
                    Add(new PaymentApplied(new EntryId("app-" + n), new EntryId("pay-" + n), new InstallmentRef(invoiceId), new Money(n % 5 == 0 ? 1m : 50m, Currency.EUR), day.PlusDays(25)));
                    break;
                default:
                    if (n % 8 == 3)
                    {
                        Add(new ItemPaused(new EntryId("pause-" + n), invoiceId, "disputed"));
                    }

                    break;
            }

            day = day.PlusDays(n % 3 == 0 ? 1 : 0);
        }

        return journal.Take(entries).ToList();
    }
}

/// <summary>The obvious way: LINQ over the whole journal for every item. The baseline the projection must beat.</summary>
public static class NaiveReplay
{
    public static IReadOnlyList<(EntryId Item, decimal Open)> OpenAmounts(IReadOnlyList<JournalRecord> journal)
    {
        var entries = journal.Select(r => r.Entry).ToList();
        var applications = entries.OfType<PaymentApplied>().ToList();
        var writeOffs = entries.OfType<WriteOffPosted>().ToList();
        var reversed = entries.OfType<EntryReversed>().Select(r => r.Target).ToHashSet();
        return entries.OfType<InvoicePosted>()
            .Where(i => !reversed.Contains(i.Id))
            .Select(i => (i.Id, i.Amount.Amount
                - applications.Where(a => a.Target.Item == i.Id && !reversed.Contains(a.Id)).Sum(a => a.Amount.Amount)
                - writeOffs.Where(w => w.Target.Item == i.Id && !reversed.Contains(w.Id)).Sum(w => w.Amount.Amount)))
            .ToList();
    }
}
