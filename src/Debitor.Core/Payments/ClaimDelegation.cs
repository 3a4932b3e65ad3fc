using System.Globalization;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>
/// Plans the delegation of a customer's open claims to its payer (as Tryton's delegation of move lines): for every open
/// installment a <see cref="ClaimDelegated"/> in the customer's account (credit) and a claim of the same amount, document
/// number and due date in the payer's account (debit) pointing back with <c>DelegatedFrom</c>. The customer ends at
/// zero for what was moved, the payer owes the same amounts, the company's balance is unchanged.
/// </summary>
/// <remarks>Ids: <c>{delegation}/{n}</c> in both accounts, n counting the installments moved from 1 in account order.
/// Pure and thread-safe.</remarks>
internal static class ClaimDelegation
{
    internal static (IReadOnlyList<JournalEntry> ToPayer, IReadOnlyList<JournalEntry> FromCustomer, IReadOnlyList<DelegatedInstallment> Moved) Plan(
        CustomerAccount customer, CustomerId payer, EntryId delegation, IReadOnlyList<EntryId>? items, LocalDate date, string reason)
    {
        var toPayer = new List<JournalEntry>();
        var fromCustomer = new List<JournalEntry>();
        var moved = new List<DelegatedInstallment>();
        foreach (var item in customer.Items)
        {
            // Without a list, items under an agreement or handed over stay (the ledger refuses them when named).
            if (!item.IsClaim || item.IsReversed || (items is null ? item.IsCoveredByAgreement || item.LegalStatus != LegalStatus.None : !items.Contains(item.Id)))
            {
                continue;
            }

            foreach (var installment in item.Installments)
            {
                if (!installment.IsOpen)
                {
                    continue;
                }

                var id = new EntryId(delegation.Value + "/" + (moved.Count + 1).ToString(CultureInfo.InvariantCulture));
                var amount = installment.OpenAmount;
                var from = new DelegatedClaim(customer.Id, installment.Ref, delegation) { Date = date };
                toPayer.Add(item.Origin switch
                {
                    ChargePosted charge => new ChargePosted(id, charge.Kind, charge.DocumentNumber, charge.Date, installment.DueDate, amount) { DelegatedFrom = from },
                    _ => new InvoicePosted(id, item.DocumentNumber, item.DocumentDate, installment.DueDate, amount, [new Installment(amount, null, installment.Kind)])
                    {
                        DelegatedFrom = from,
                        CashDiscounts = [],
                    },
                });
                fromCustomer.Add(new ClaimDelegated(id, installment.Ref, amount, date, payer, id, reason));
                moved.Add(new DelegatedInstallment(installment.Ref, item.DocumentNumber, amount, id));
            }
        }

        return (toPayer, fromCustomer, moved);
    }
}

/// <summary>One installment moved to the payer.</summary>
/// <param name="Source">The installment in the customer's account.</param>
/// <param name="DocumentNumber">Its document number (kept in the payer's account).</param>
/// <param name="Amount">The amount moved.</param>
/// <param name="NewItem">The claim posted in the payer's account.</param>
public sealed record DelegatedInstallment(InstallmentRef Source, string DocumentNumber, Money Amount, EntryId NewItem);
