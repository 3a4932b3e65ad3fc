using Debitor.Core.Communication;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>
/// Applies a credit note to one installment with the payment tolerance in both directions (R3.2), as for payments: a
/// shortfall within the installment's limit is written off and the installment closes; a surplus of the credit note within
/// the limit is written off too (unless <see cref="AllocationSettings.KeepOverpaymentAsCredit"/>), so nothing is left.
/// </summary>
/// <remarks>Ids: the application <c>{id}</c>, the shortfall <c>{id}/tolerance</c>, the surplus <c>{id}/surplus</c>. Pure and thread-safe.</remarks>
public static class CreditNoteApplication
{
    /// <summary>The entries that apply the credit note.</summary>
    /// <param name="account">The account holding both.</param>
    /// <param name="id">The application's entry id.</param>
    /// <param name="creditNote">The credit note (with something left to apply).</param>
    /// <param name="target">The installment (open).</param>
    /// <param name="date">The application date.</param>
    /// <param name="settings">The settings: <see cref="AllocationSettings.ApplyTolerance"/> and <see cref="AllocationSettings.KeepOverpaymentAsCredit"/> are read.</param>
    /// <returns>The application, and a tolerance write-off or a surplus write-off when the difference is within the limit.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is <c>default</c>, the credit note is not an open credit note of the account, the
    /// installment is not open, or they are in different currencies.</exception>
    public static IReadOnlyList<JournalEntry> Plan(CustomerAccount account, EntryId id, EntryId creditNote, InstallmentRef target, LocalDate date, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(settings);
        if (id.IsEmpty)
        {
            throw new ArgumentException("The application needs an id.", nameof(id));
        }

        var note = account.FindItem(creditNote) is { Kind: ItemKind.CreditNote, Status: ItemStatus.Open } found
            ? found
            : throw new ArgumentException($"'{creditNote}' is not a credit note with something left to apply.", nameof(creditNote));
        var installment = account.FindInstallment(target) is { IsOpen: true } open
            ? open
            : throw new ArgumentException($"Installment {target.Number} of '{target.Item}' is not open.", nameof(target));
        if (note.Currency != installment.Item.Currency)
        {
            throw new ArgumentException("The credit note and the installment are in different currencies.", nameof(creditNote));
        }

        var credit = note.OpenAmount;
        var due = installment.OpenAmount;
        var applied = credit < due ? credit : due;
        var entries = new List<JournalEntry> { new PaymentApplied(id, creditNote, target, applied, date) };
        var limit = settings.ApplyTolerance ? account.ToleranceLimitOf(installment) : Money.Zero(credit.Currency);
        if (due > credit && due - credit <= limit)
        {
            entries.Add(HistoryNotes.WriteOff(new EntryId(id.Value + "/tolerance"), target, due - credit, date, JournalText.Of("history.writeOff.creditNoteTolerance", JournalTextArgument.Of("creditNote", creditNote.Value))));
        }
        else if (credit > due && credit - due <= limit && !settings.KeepOverpaymentAsCredit)
        {
            entries.Add(HistoryNotes.CreditWriteOff(new EntryId(id.Value + "/surplus"), creditNote, credit - due, date, JournalText.Of("history.writeOff.creditNoteSurplus", JournalTextArgument.Of("creditNote", creditNote.Value))) with { Related = target });
        }

        return entries;
    }
}
