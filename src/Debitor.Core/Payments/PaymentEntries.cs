using System.Globalization;
using Debitor.Core.Communication;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>
/// Turns an allocation into journal entries, one account at a time, and finds an earlier application again in the
/// journal. Every entry id is derived from the payment id, so posting the same allocation twice is a no-op.
/// </summary>
/// <remarks>
/// Ids: the payment <c>{p}</c>; applications <c>{p}/apply/{n}</c>; cash discounts <c>{p}/discount/{n}</c>; tolerance
/// write-offs <c>{p}/tolerance/{n}</c>; overpayment write-offs <c>{p}/surplus/{n}</c> (in the receiving account); the return <c>{p}/return</c>, its bank fee <c>{p}/return/fee</c> and the reversal
/// of a write-off <c>{write-off}/reversal</c>. Numbers count per account, from 1, in the order of the allocation lines.
/// </remarks>
internal static class PaymentEntries
{
    internal static EntryId ReturnId(EntryId payment) => new(payment.Value + "/return");

    internal static EntryId FeeId(EntryId payment) => new(payment.Value + "/return/fee");

    internal static EntryId ReversalId(EntryId writeOff) => new(writeOff.Value + "/reversal");

    internal static JournalText DiscountReason(EntryId payment) => JournalText.Of("history.writeOff.discount", JournalTextArgument.Of("payment", payment.Value));

    internal static JournalText ToleranceReason(EntryId payment) => JournalText.Of("history.writeOff.tolerance", JournalTextArgument.Of("payment", payment.Value));

    internal static JournalText LateDiscountReason(EntryId payment) => JournalText.Of("history.writeOff.lateDiscount", JournalTextArgument.Of("payment", payment.Value));

    internal static JournalText SurplusReason(EntryId payment) => JournalText.Of("history.writeOff.surplus", JournalTextArgument.Of("payment", payment.Value));

    /// <summary>Whether an entry id is one of the write-offs posted with a payment (cash discount or tolerance).</summary>
    internal static bool IsPaymentWriteOff(EntryId entry, EntryId payment) =>
        HasPrefix(entry, payment, "/discount/") || HasPrefix(entry, payment, "/tolerance/");

    /// <summary>The part of the payment that lands in one account: what is applied there, plus the unapplied credit for the receiving account.</summary>
    internal static Money PortionFor(PaymentAllocation allocation, CustomerId customer)
    {
        var total = customer == allocation.ReceivedBy ? allocation.UnappliedCredit.Amount + allocation.OverpaymentWriteOff.Amount : 0m;
        foreach (var line in allocation.Lines)
        {
            if (line.Kind == AllocationLineKind.Payment && line.Customer == customer)
            {
                total += line.Amount.Amount;
            }
        }

        return new Money(total, allocation.Payment.Amount.Currency);
    }

    /// <summary>The entries for one account: the payment received (its portion), the applications and the write-offs. Empty when the account gets nothing.</summary>
    internal static IReadOnlyList<JournalEntry> For(PaymentAllocation allocation, CustomerId customer)
    {
        var portion = PortionFor(allocation, customer);
        if (portion.IsZero)
        {
            return [];
        }

        var payment = allocation.Payment;
        var entries = new List<JournalEntry>
        {
            new PaymentReceived(payment.Id, portion, payment.ValueDate, payment.Method, customer == allocation.ReceivedBy ? null : allocation.ReceivedBy, payment.Reference),
        };
        AddSettlements(entries, allocation, customer);
        return entries;
    }

    /// <summary>
    /// Finds an account's part of a payment applied earlier and explains it: the allocation is computed again on the
    /// account as it was before the payment; when that gives exactly the recorded entries, its lines (with their rules)
    /// are returned, otherwise lines built from the recorded entries with <see cref="AllocationRule.AsRecorded"/>.
    /// Returns <see langword="null"/> when the account holds no such payment.
    /// </summary>
    /// <exception cref="DuplicateEntryException">The id belongs to another entry, or to a payment with other value date, method, reference or currency.</exception>
    internal static (PaymentAllocation Part, Money Portion)? Recorded(CustomerAccount account, IncomingPayment requested, AllocationSettings settings)
    {
        var journal = account.Journal;
        var at = -1;
        for (var i = journal.Count - 1; i >= 0; i--)
        {
            if (journal[i].Entry.Id == requested.Id)
            {
                at = i;
                break;
            }
        }

        if (at < 0)
        {
            return null;
        }

        if (journal[at].Entry is not PaymentReceived received
            || received.ValueDate != requested.ValueDate
            || received.Method != requested.Method
            || !string.Equals(received.Reference, requested.Reference, StringComparison.Ordinal)
            || received.Amount.Currency != requested.Amount.Currency)
        {
            throw new DuplicateEntryException(account.Id, requested.Id);
        }

        var recorded = new List<JournalEntry>();
        for (var i = at + 1; i < journal.Count; i++)
        {
            var entry = journal[i].Entry;
            if ((entry is PaymentApplied applied && applied.Source == requested.Id && HasPrefix(entry.Id, requested.Id, "/apply/"))
                || (entry is WriteOffPosted && IsPaymentWriteOff(entry.Id, requested.Id))
                || (entry is CreditWrittenOff surplus && surplus.Source == requested.Id && HasPrefix(entry.Id, requested.Id, "/surplus/")))
            {
                recorded.Add(entry);
            }
        }

        var before = CustomerAccount.FromJournal([.. journal.Take(at)]);
        var payment = requested with { Amount = received.Amount };
        var again = PaymentAllocator.Allocate(AllocationIndex.Build([before], payment.Amount.Currency), payment, settings);
        var expected = new List<JournalEntry>();
        AddSettlements(expected, again, account.Id);
        if (expected.SequenceEqual(recorded) && (received.Payer is null || again.UnappliedCredit.IsZero))
        {
            return (again, received.Amount);
        }

        var lines = new List<AllocationLine>(recorded.Count);
        foreach (var entry in recorded)
        {
            var (target, amount, kind) = entry switch
            {
                PaymentApplied a => (a.Target, a.Amount, AllocationLineKind.Payment),
                CreditWrittenOff c => (c.Related ?? new InstallmentRef(c.Source), c.Amount, AllocationLineKind.OverpaymentWriteOff),
                WriteOffPosted w when HasPrefix(w.Id, requested.Id, "/discount/") => (w.Target, w.Amount, AllocationLineKind.CashDiscount),
                WriteOffPosted w => (w.Target, w.Amount, AllocationLineKind.ToleranceWriteOff),
                _ => throw new InvalidOperationException("unreachable"),
            };
            var item = before.FindItem(target.Item);
            var component = item?.Kind switch
            {
                ItemKind.Interest => ClaimComponent.Interest,
                ItemKind.DunningFee or ItemKind.Cost => ClaimComponent.Costs,
                _ => ClaimComponent.Principal,
            };
            lines.Add(new AllocationLine(account.Id, target, item?.DocumentNumber ?? target.Item.Value, component, kind, amount, AllocationRule.AsRecorded));
        }

        return (new PaymentAllocation(payment, account.Id, lines, []), received.Amount);
    }

    private static void AddSettlements(List<JournalEntry> entries, PaymentAllocation allocation, CustomerId customer)
    {
        var payment = allocation.Payment;
        int applications = 0, discounts = 0, writeOffs = 0, surpluses = 0;
        foreach (var line in allocation.Lines)
        {
            // A surplus is written off where the payment's credit is: in the receiving account.
            if (line.Kind == AllocationLineKind.OverpaymentWriteOff ? customer != allocation.ReceivedBy : line.Customer != customer)
            {
                continue;
            }

            entries.Add(line.Kind switch
            {
                AllocationLineKind.Payment =>
                    new PaymentApplied(Derived(payment.Id, "/apply/", ++applications), payment.Id, line.Target, line.Amount, payment.ValueDate),
                AllocationLineKind.CashDiscount =>
                    HistoryNotes.WriteOff(Derived(payment.Id, "/discount/", ++discounts), line.Target, line.Amount, payment.ValueDate,
                        line.Rule == AllocationRule.LateCashDiscount ? LateDiscountReason(payment.Id) : DiscountReason(payment.Id)),
                AllocationLineKind.OverpaymentWriteOff =>
                    HistoryNotes.CreditWriteOff(Derived(payment.Id, "/surplus/", ++surpluses), payment.Id, line.Amount, payment.ValueDate, SurplusReason(payment.Id)) with { Related = line.Target },
                _ =>
                    HistoryNotes.WriteOff(Derived(payment.Id, "/tolerance/", ++writeOffs), line.Target, line.Amount, payment.ValueDate, ToleranceReason(payment.Id)),
            });
        }
    }

    private static EntryId Derived(EntryId payment, string kind, int number) =>
        new(payment.Value + kind + number.ToString(CultureInfo.InvariantCulture));

    private static bool HasPrefix(EntryId entry, EntryId payment, string kind) =>
        entry.Value.Length > payment.Value.Length + kind.Length
        && entry.Value.StartsWith(payment.Value, StringComparison.Ordinal)
        && string.CompareOrdinal(entry.Value, payment.Value.Length, kind, 0, kind.Length) == 0;
}
