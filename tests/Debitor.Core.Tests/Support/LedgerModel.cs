using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>
/// Turns random seeds into a sequence of valid ledger commands, each chosen to fit the account as it is at that
/// moment, so that properties can run over arbitrary but always valid histories.
/// </summary>
internal static class LedgerModel
{
    private static readonly Currency[] Currencies = [Currency.EUR, Currency.USD, Currency.JPY];

    public static CustomerAccount Build(IEnumerable<(int Kind, int Value)> seeds)
    {
        var account = NewAccount();
        var n = 0;
        foreach (var (kind, value) in seeds)
        {
            if (Next(account, kind, value, $"e{n++}") is { } entry)
            {
                account = account.Post(entry);
            }
        }

        return account;
    }

    /// <summary>A valid new entry for the account, or null when the chosen kind does not fit it now.</summary>
    public static JournalEntry? Next(CustomerAccount account, int kind, int value, string id)
    {
        value = Math.Abs(value % 1_000_000);
        var currency = Currencies[value % Currencies.Length];
        var amount = Money.FromMinorUnits((value % 50_000) + 1, currency);
        var openClaims = account.Items.Where(i => i.IsClaim).SelectMany(i => i.Installments).Where(i => i.IsOpen).ToList();
        var openCredits = account.Items.Where(i => !i.IsClaim && i.Status == ItemStatus.Open).ToList();
        switch (Math.Abs(kind % 10))
        {
            case 0:
                var parts = amount.ToMinorUnitsExact() >= 3 ? (value % 3) + 1 : 1;
                var installments = amount.Allocate(parts).Select((m, i) => new Installment(m, i == 0 ? null : Date(2026, 2, 1).PlusDays(i * 30), (InstallmentKind)(i % 3))).ToList();
                return new InvoicePosted(Id(id), "RE-" + id, Date(2026, 1, 1), Date(2026, 2, 1), amount, installments);
            case 1:
                return new PaymentReceived(Id(id), amount, Date(2026, 3, 1));
            case 2:
                return new CreditNotePosted(Id(id), "GS-" + id, Date(2026, 2, 1), amount);
            case 3:
            {
                var credit = Pick(openCredits, value);
                var target = credit is null ? null : Pick(openClaims.Where(i => i.Item.Currency == credit.Currency).ToList(), value / 7);
                if (credit is null || target is null)
                {
                    return null;
                }

                var max = Money.Min(credit.OpenAmount, target.OpenAmount);
                var part = Fraction(max, value);
                return new PaymentApplied(Id(id), credit.Id, target.Ref, part, Date(2026, 3, 2));
            }

            case 4:
            {
                var target = Pick(openClaims, value);
                return target is null ? null : new WriteOffPosted(Id(id), target.Ref, Fraction(target.OpenAmount, value), Date(2026, 3, 3), "bad debt");
            }

            case 5:
            {
                var credit = Pick(openCredits, value);
                return credit is null ? null : new RefundPosted(Id(id), credit.Id, Fraction(credit.OpenAmount, value), Date(2026, 3, 4));
            }

            case 6:
            {
                var payment = Pick(
                    account.Items.Where(i => i.Kind == ItemKind.Payment && i.Status is ItemStatus.Open or ItemStatus.Paid && !i.Uses.Any(u => u.IsActive && u.Kind == SettlementKind.Refund)).ToList(),
                    value);
                return payment is null ? null : new PaymentReturned(Id(id), payment.Id, Date(2026, 3, 5), ReturnKind.DirectDebit);
            }

            case 7:
            {
                var target = Pick(ReversibleEntries(account), value);
                return target is null ? null : new EntryReversed(Id(id), target.Value, Date(2026, 3, 6), "correction");
            }

            case 8:
                return new ChargePosted(Id(id), (ChargeKind)(value % 3), "M-" + id, Date(2026, 3, 1), Date(2026, 3, 15), amount);
            default:
            {
                var item = Pick(account.Items.Where(i => i.IsClaim && i.Status == ItemStatus.Open).ToList(), value);
                if (item is null)
                {
                    return null;
                }

                return (value % 3) switch
                {
                    0 => new DueDateChanged(Id(id), item.Id, Date(2026, 6, 1).PlusDays(value % 50), "agreed"),
                    _ when item.Pause is null => new ItemPaused(Id(id), item.Id, "disputed", value % 2 == 0 ? null : Today.PlusDays(value % 40)),
                    _ => new ItemResumed(Id(id), item.Id),
                };
            }
        }
    }

    public static List<EntryId?> ReversibleEntries(CustomerAccount account)
    {
        var result = new List<EntryId?>();
        foreach (var record in account.Journal)
        {
            var entry = record.Entry;
            var reversible = entry switch
            {
                InvoicePosted or ChargePosted => account.FindItem(entry.Id) is { Status: not ItemStatus.Reversed } claim
                    && !claim.Installments.Any(i => i.Settlements.Any(s => s.IsActive)),
                CreditNotePosted or PaymentReceived => account.FindItem(entry.Id) is { Status: not (ItemStatus.Reversed or ItemStatus.Returned) } credit
                    && !credit.Uses.Any(u => u.IsActive),
                PaymentApplied or WriteOffPosted or RefundPosted => account.FindSettlement(entry.Id) is { IsActive: true },
                _ => false,
            };
            if (reversible)
            {
                result.Add(entry.Id);
            }
        }

        return result;
    }

    /// <summary>Debits minus credits per currency, computed from the journal alone, independently of the view.</summary>
    public static Dictionary<Currency, decimal> JournalBalances(IReadOnlyList<JournalRecord> journal)
    {
        var entries = journal.ToDictionary(r => r.Entry.Id, r => r.Entry);
        var balances = new Dictionary<Currency, decimal>();
        void Add(Money m, int sign) => balances[m.Currency] = balances.GetValueOrDefault(m.Currency) + (sign * m.Amount);
        foreach (var entry in journal.Select(r => r.Entry))
        {
            switch (entry)
            {
                case InvoicePosted invoice: Add(invoice.Amount, +1); break;
                case ChargePosted charge: Add(charge.Amount, +1); break;
                case CreditNotePosted note: Add(note.Amount, -1); break;
                case PaymentReceived payment: Add(payment.Amount, -1); break;
                case WriteOffPosted writeOff: Add(writeOff.Amount, -1); break;
                case RefundPosted refund: Add(refund.Amount, +1); break;
                case PaymentReturned returned: Add(((PaymentReceived)entries[returned.Payment]).Amount, +1); break;
                case EntryReversed reversal:
                    switch (entries[reversal.Target])
                    {
                        case InvoicePosted invoice: Add(invoice.Amount, -1); break;
                        case ChargePosted charge: Add(charge.Amount, -1); break;
                        case CreditNotePosted note: Add(note.Amount, +1); break;
                        case PaymentReceived payment: Add(payment.Amount, +1); break;
                        case WriteOffPosted writeOff: Add(writeOff.Amount, +1); break;
                        case RefundPosted refund: Add(refund.Amount, -1); break;
                    }

                    break;
            }
        }

        return balances;
    }

    /// <summary>Everything a user sees of the amounts, as comparable text.</summary>
    public static string Snapshot(CustomerAccount account, Func<OpenItem, bool>? include = null) =>
        string.Join("\n", account.Items.Where(include ?? (_ => true)).Select(i =>
            $"{i.Id} {i.Status} {i.OpenAmount} [{string.Join(", ", i.Installments.Select(n => $"{n.OpenAmount} due {n.DueDate}"))}] paused={i.Pause is not null} due={i.DueDate}"))
        + "\n" + string.Join(", ", account.Balances);

    private static T? Pick<T>(IReadOnlyList<T> list, int value)
        where T : class => list.Count == 0 ? null : list[Math.Abs(value) % list.Count];

    private static EntryId? Pick(IReadOnlyList<EntryId?> list, int value) => list.Count == 0 ? null : list[Math.Abs(value) % list.Count];

    private static Money Fraction(Money max, int value)
    {
        var units = max.ToMinorUnitsExact();
        var part = (value % 4) switch { 0 => units, _ => Math.Max(1, units * (value % 4) / 4) };
        return Money.FromMinorUnits(part, max.Currency);
    }
}
