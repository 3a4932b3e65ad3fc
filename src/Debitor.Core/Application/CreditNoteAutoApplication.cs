using System.Globalization;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;

namespace Debitor.Core.Application;

/// <summary>
/// Posting a credit note that names an invoice applies it there at once (R0.6, <see cref="PaymentOptions.ApplyCreditNotesToRelatedItem"/>,
/// D14.7): the entries posted, followed by one <see cref="CreditNoteApplication.Plan"/> per open installment of the named
/// item, in due-date order, while the credit note has something left.
/// </summary>
/// <remarks>
/// Pure: computed from the account it is appended to, inside the retry loop. The application ids derive from the credit
/// note's id (<c>&lt;credit note&gt;/apply</c>, <c>/apply-2</c>, … by installment number), so a retry writes nothing twice. A
/// credit note whose named item is not open (paid, reversed, another currency, a credit) stays open as credit.
/// </remarks>
internal static class CreditNoteAutoApplication
{
    internal static IReadOnlyList<JournalEntry> With(CustomerAccount account, IReadOnlyList<JournalEntry> entries, Instant now, UserId user, DebitorCoreOptions options, string parameterName)
    {
        var today = now.InZone(options.TimeZone).Date;
        var (current, _) = account.Append(entries, now, user, today, parameterName);
        var all = entries.ToList();
        foreach (var note in entries.OfType<CreditNotePosted>())
        {
            if (note.RelatedItem is not { } related || current.FindItem(related) is not { IsClaim: true } item || item.Currency != note.Amount.Currency)
            {
                continue;
            }

            foreach (var installment in item.Installments.OrderBy(i => i.DueDate).ThenBy(i => i.Number).ToList())
            {
                var id = new EntryId(note.Id.Value + (installment.Number == 1 ? "/apply" : string.Create(CultureInfo.InvariantCulture, $"/apply-{installment.Number}")));
                if (current.FindEntry(id) is not null
                    || current.FindItem(note.Id) is not { Status: ItemStatus.Open }
                    || current.FindInstallment(installment.Ref) is not { IsOpen: true })
                {
                    continue;
                }

                var applied = CreditNoteApplication.Plan(current, id, note.Id, installment.Ref, today, options.Payments.Allocation);
                current = current.Append(applied, now, user, today, parameterName).Account;
                all.AddRange(applied);
            }
        }

        return all;
    }
}
