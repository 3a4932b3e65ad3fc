using Debitor.Core.Ledger;

namespace Debitor.Core.Statements;

/// <summary>One movement of an account's balance: a debit (positive) or credit (negative) on a date.</summary>
/// <param name="Date">The movement date (see <see cref="MovementKind"/> for which date each kind uses).</param>
/// <param name="Version">The journal position of the entry, for a stable order within a day.</param>
/// <param name="Kind">What moved.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Amount">Signed: positive raises what the customer owes.</param>
/// <param name="Revenue">The movement's effect on revenue: invoices +, credit notes −, their reversals the opposite; 0 for the rest.</param>
/// <param name="Entry">The journal entry.</param>
/// <param name="Item">The open item concerned, if any.</param>
/// <param name="DocumentNumber">The document number shown (of the item concerned).</param>
/// <param name="Note">A reason or note, where the entry has one.</param>
internal readonly record struct LedgerMovement(
    LocalDate Date, long Version, MovementKind Kind, Currency Currency, decimal Amount, decimal Revenue, JournalEntry Entry, EntryId? Item, string DocumentNumber, string? Note);

/// <summary>Turns an account's journal into balance movements. Every monetary entry except applications is one movement;
/// the movements of an account add up to its balance in each currency.</summary>
internal static class LedgerMovements
{
    internal static List<LedgerMovement> Of(CustomerAccount account)
    {
        var journal = account.Journal;
        var result = new List<LedgerMovement>(journal.Count);
        for (var i = 0; i < journal.Count; i++)
        {
            var record = journal[i];
            if (Movement(account, record) is { } movement)
            {
                result.Add(movement);
            }
        }

        return result;
    }

    private static LedgerMovement? Movement(CustomerAccount account, JournalRecord record)
    {
        var version = record.Version;
        switch (record.Entry)
        {
            case InvoicePosted invoice:
                return new(invoice.DocumentDate, version, MovementKind.Invoice, invoice.Amount.Currency, invoice.Amount.Amount, invoice.Amount.Amount, invoice, invoice.Id, invoice.DocumentNumber, null);
            case ChargePosted charge:
                return new(charge.Date, version, KindOf(charge.Kind), charge.Amount.Currency, charge.Amount.Amount, 0m, charge, charge.Id, charge.DocumentNumber, null);
            case CreditNotePosted note:
                return new(note.DocumentDate, version, MovementKind.CreditNote, note.Amount.Currency, -note.Amount.Amount, -note.Amount.Amount, note, note.Id, note.DocumentNumber, null);
            case PaymentReceived payment:
                return new(payment.ValueDate, version, MovementKind.Payment, payment.Amount.Currency, -payment.Amount.Amount, 0m, payment, payment.Id, payment.Reference ?? payment.Id.Value, null);
            case RefundPosted refund:
                return new(refund.Date, version, MovementKind.Refund, refund.Amount.Currency, refund.Amount.Amount, 0m, refund, refund.Source, DocumentOf(account, refund.Source), null);
            case WriteOffPosted writeOff:
                return new(writeOff.Date, version, MovementKind.WriteOff, writeOff.Amount.Currency, -writeOff.Amount.Amount, 0m, writeOff, writeOff.Target.Item, DocumentOf(account, writeOff.Target.Item), writeOff.Reason);
            case CreditWrittenOff creditWriteOff:
                return new(creditWriteOff.Date, version, MovementKind.CreditWriteOff, creditWriteOff.Amount.Currency, creditWriteOff.Amount.Amount, 0m, creditWriteOff, creditWriteOff.Source, DocumentOf(account, creditWriteOff.Source), creditWriteOff.Reason);
            case ClaimDelegated delegated:
                return new(delegated.Date, version, MovementKind.Delegation, delegated.Amount.Currency, -delegated.Amount.Amount, 0m, delegated, delegated.Target.Item, DocumentOf(account, delegated.Target.Item), delegated.Reason);
            case PaymentReturned returned:
                var paid = account.FindItem(returned.Payment)?.OriginalAmount
                    ?? throw new CorruptJournalException(returned.Id, $"payment '{returned.Payment}' does not exist.");
                return new(returned.ReturnDate, version, MovementKind.PaymentReturned, paid.Currency, paid.Amount, 0m, returned, returned.Payment, DocumentOf(account, returned.Payment), returned.Reason);
            case EntryReversed reversal:
                return Reversal(account, reversal, version);
            default:
                return null;
        }
    }

    private static LedgerMovement? Reversal(CustomerAccount account, EntryReversed reversal, long version)
    {
        var target = account.FindEntry(reversal.Target) ?? throw new CorruptJournalException(reversal.Id, $"entry '{reversal.Target}' does not exist.");
        var (amount, revenue, item) = target switch
        {
            InvoicePosted invoice => (-invoice.Amount, -invoice.Amount.Amount, (EntryId?)invoice.Id),
            ChargePosted charge => (-charge.Amount, 0m, charge.Id),
            CreditNotePosted note => (note.Amount, note.Amount.Amount, note.Id),
            PaymentReceived payment => (payment.Amount, 0m, payment.Id),
            WriteOffPosted writeOff => (writeOff.Amount, 0m, writeOff.Target.Item),
            RefundPosted refund => (-refund.Amount, 0m, refund.Source),
            CreditWrittenOff creditWriteOff => (-creditWriteOff.Amount, 0m, creditWriteOff.Source),
            _ => (default(Money), 0m, null), // an application: no movement
        };
        if (item is not { } concerned)
        {
            return null;
        }

        return new(reversal.Date, version, MovementKind.Reversal, amount.Currency, amount.Amount, revenue, reversal, concerned, DocumentOf(account, concerned), reversal.Reason);
    }

    private static MovementKind KindOf(ChargeKind kind) => kind switch
    {
        ChargeKind.DunningFee => MovementKind.DunningFee,
        ChargeKind.Interest => MovementKind.Interest,
        ChargeKind.RecoveryCompensation => MovementKind.RecoveryCompensation,
        _ => MovementKind.Cost,
    };

    private static string DocumentOf(CustomerAccount account, EntryId item) => account.FindItem(item)?.DocumentNumber ?? item.Value;
}
