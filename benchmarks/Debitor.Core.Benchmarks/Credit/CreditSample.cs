using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Credit;

/// <summary>Accounts for the credit and aging benchmarks: invoices with due dates spread around the as-of date.</summary>
internal static class CreditSample
{
    public static readonly LocalDate AsOf = new(2026, 6, 30);

    private static readonly Instant At = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly UserId User = new("bench");

    /// <summary>
    /// One account with <paramref name="items"/> open invoices: every fifth has a prepayment and a remainder, every seventh
    /// a partial payment applied (every third of those by cheque), due dates from 200 days before to 100 days after the
    /// as-of date; plus one unapplied transfer.
    /// </summary>
    public static CustomerAccount Account(int number, int items, CreditLimit? limit = null, IReadOnlyList<EntryId>? ids = null, IReadOnlyList<string>? documents = null)
    {
        var customer = new Customer(new CustomerId("C" + number), "1", "Bench", new CompanyId("co")) { CreditLimit = limit, InternalCreditLimit = limit };
        var journal = new List<JournalRecord>(items + (items / 3) + 4) { new(1, At, User, new CustomerRegistered(new EntryId("reg"), customer)) };
        void Add(JournalEntry entry) => journal.Add(new JournalRecord(journal.Count + 1, At, User, entry));
        for (var i = 0; i < items; i++)
        {
            var id = ids?[i] ?? new EntryId("inv-" + i);
            var due = AsOf.PlusDays(((number * 31) + (i * 7)) % 300 - 200);
            var amount = new Money(100m + ((number + i) % 900), Currency.EUR);
            IReadOnlyList<Installment> installments = i % 5 == 0
                ? [new Installment(new Money(40m, Currency.EUR), due.PlusDays(-30), InstallmentKind.Prepayment), new Installment(amount - new Money(40m, Currency.EUR), null, InstallmentKind.Remainder)]
                : [new Installment(amount)];
            Add(new InvoicePosted(id, documents?[i] ?? "RE-" + i, due.PlusDays(-30), due, amount, installments));
            if (i % 7 == 3)
            {
                var payment = new EntryId("pay-" + i);
                var date = AsOf.PlusDays(-(i % 15));
                Add(new PaymentReceived(payment, new Money(10m, Currency.EUR), date, i % 3 == 0 ? PaymentMethod.Cheque : PaymentMethod.Transfer));
                Add(new PaymentApplied(new EntryId("app-" + i), payment, new InstallmentRef(id, installments.Count), new Money(10m, Currency.EUR), date));
            }
        }

        Add(new PaymentReceived(new EntryId("unapplied"), new Money(250m, Currency.EUR), AsOf.PlusDays(-3)));
        return CustomerAccount.FromJournal(journal);
    }
}
