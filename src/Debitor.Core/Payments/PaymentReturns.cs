using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>An amount a returned payment no longer settles: the installment is open again by that much.</summary>
/// <param name="Customer">The customer whose account holds the installment.</param>
/// <param name="Target">The installment.</param>
/// <param name="Amount">The amount reopened.</param>
public sealed record ReopenedAmount(CustomerId Customer, InstallmentRef Target, Money Amount);

/// <summary>
/// The entries that undo a returned payment in one account: the return itself (which undoes the payment's
/// applications) and the reversal of every cash-discount or tolerance write-off posted with it — the discount and the
/// tolerance were granted because the money arrived, and it did not.
/// </summary>
internal static class PaymentReturns
{
    /// <summary>The entries and the reopened amounts; empty when the account holds no such payment.</summary>
    internal static (IReadOnlyList<JournalEntry> Entries, IReadOnlyList<ReopenedAmount> Reopened) For(
        CustomerAccount account, EntryId payment, LocalDate returnDate, ReturnKind kind, string? reason)
    {
        if (account.FindItem(payment) is not { Kind: ItemKind.Payment } item)
        {
            return ([], []);
        }

        var returnId = PaymentEntries.ReturnId(payment);
        var entries = new List<JournalEntry> { new PaymentReturned(returnId, payment, returnDate, kind, reason) };
        var reopened = new List<ReopenedAmount>();
        foreach (var use in item.Uses)
        {
            if (use.Kind is SettlementKind.Payment && use.Target is { } target && (use.IsActive || use.UndoneBy == returnId))
            {
                reopened.Add(new ReopenedAmount(account.Id, target, use.Amount));
            }
        }

        foreach (var record in account.Journal)
        {
            if (record.Entry is WriteOffPosted writeOff && PaymentEntries.IsPaymentWriteOff(writeOff.Id, payment))
            {
                var reversalId = PaymentEntries.ReversalId(writeOff.Id);
                if (account.FindSettlement(writeOff.Id) is { } settlement && (settlement.IsActive || settlement.UndoneBy == reversalId))
                {
                    entries.Add(new EntryReversed(reversalId, writeOff.Id, returnDate, "Payment " + payment.Value + " returned"));
                }
            }
        }

        return (entries, reopened);
    }
}
