using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;

namespace Debitor.Core.Interest;

/// <summary>Prepares interest invoices from an account (pure) and turns them into ledger entries.</summary>
/// <remarks>
/// <para>Per item: the interest accrued and not yet charged up to the invoice date. An item whose interest is below the
/// scheme's <see cref="InterestScheme.MinimumAmount"/> is left out (and stays uncharged for a later invoice).
/// Items handed over to a lawyer or a collection agency are left out: their claim is pursued there.</para>
/// <para>The flat recovery compensation (<see cref="InterestScheme.RecoveryCompensation"/>) is charged once per late
/// invoice, only for business customers (never when <see cref="Customers.Customer.IsConsumer"/>), only on items in the
/// compensation's currency, and only when the item bears interest on this invoice.</para>
/// </remarks>
public static class InterestInvoicing
{
    /// <summary>Prepares the interest invoices of an account: one per currency with something to charge.</summary>
    /// <param name="account">The account.</param>
    /// <param name="scheme">The customer's interest scheme.</param>
    /// <param name="date">The invoice date; interest is charged up to and including it.</param>
    /// <param name="number">The document number; with several currencies the currency code is appended (<c>ZR-1-USD</c>).</param>
    /// <param name="paymentDays">Days after <paramref name="date"/> the invoice is due.</param>
    /// <param name="contact">Our receivables contact printed on the invoice; <see cref="ReceivablesContact.Default"/> when <see langword="null"/>.</param>
    /// <returns>The invoices; empty when nothing is to be charged.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty or <paramref name="paymentDays"/> is negative.</exception>
    public static IReadOnlyList<InterestInvoice> Prepare(CustomerAccount account, InterestScheme scheme, LocalDate date, string number, int paymentDays = 14, ReceivablesContact? contact = null)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(scheme);
        Guard.Against.NullOrWhiteSpace(number);
        Guard.Against.Negative(paymentDays);
        var compensated = CompensatedItems(account);
        var byCurrency = new SortedDictionary<string, (List<InterestInvoiceLine> Lines, List<InterestInvoiceItem> Items)>(StringComparer.Ordinal);
        foreach (var interest in AccountInterest.ForAccount(account, scheme, date))
        {
            var item = account.FindItem(interest.Item)!;
            if (!Charges(item, interest.Total.Amount, scheme))
            {
                continue;
            }

            var compensation = scheme.RecoveryCompensation is { } flat
                && !account.Customer.IsConsumer
                && flat.Currency == item.Currency
                && !compensated.Contains(item.Id)
                    ? flat
                    : Money.Zero(item.Currency);
            if (!byCurrency.TryGetValue(item.Currency.Code, out var invoice))
            {
                invoice = ([], []);
                byCurrency.Add(item.Currency.Code, invoice);
            }

            invoice.Lines.AddRange(interest.Periods.Select(p => new InterestInvoiceLine(item.Id, item.DocumentNumber, p)));
            invoice.Items.Add(new InterestInvoiceItem(item.Id, item.DocumentNumber, interest.Total, compensation) { Installments = interest.Installments });
        }

        var recipient = account.Customer.RecipientFor(account.Customer.PayerRouting.InterestInvoices);
        return
        [
            .. byCurrency.Select(pair =>
            {
                var currency = Currency.FromCode(pair.Key);
                var items = pair.Value.Items;
                return new InterestInvoice(
                    byCurrency.Count == 1 ? number : $"{number}-{pair.Key}",
                    date,
                    account.Id,
                    recipient,
                    currency,
                    date.PlusDays(paymentDays),
                    pair.Value.Lines,
                    items,
                    new Money(items.Sum(i => i.Interest.Amount), currency),
                    new Money(items.Sum(i => i.RecoveryCompensation.Amount), currency),
                    contact ?? ReceivablesContact.Default);
            }),
        ];
    }

    /// <summary>
    /// The ledger entries that post an interest invoice: per item an interest charge related to the item (so later
    /// payments settle it in §367 order) recording the last interest day, and the recovery compensation if any.
    /// Entry ids are derived from the invoice number and the item, so posting twice is a no-op.
    /// </summary>
    /// <param name="invoice">The invoice.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<JournalEntry> Entries(InterestInvoice invoice)
    {
        Guard.Against.Null(invoice);
        var entries = new List<JournalEntry>();
        foreach (var item in invoice.Items)
        {
            if (item.Interest.IsPositive)
            {
                entries.Add(new ChargePosted(new EntryId($"{invoice.Number}/{item.Item}"), ChargeKind.Interest, invoice.Number, invoice.Date, invoice.PaymentDueDate, item.Interest, item.Item)
                {
                    InterestThrough = invoice.Date,
                });
            }

            if (item.RecoveryCompensation.IsPositive)
            {
                entries.Add(new ChargePosted(new EntryId($"{invoice.Number}/{item.Item}/flat"), ChargeKind.RecoveryCompensation, invoice.Number, invoice.Date, invoice.PaymentDueDate, item.RecoveryCompensation, item.Item));
            }
        }

        return entries;
    }

    /// <summary>
    /// Whether an interest invoice charges an item's interest (the rule dunning letters share): it is positive, not below
    /// the scheme's minimum, and the item was not handed over (its claim is pursued there).
    /// </summary>
    internal static bool Charges(OpenItem item, decimal interest, InterestScheme scheme) =>
        interest > 0m && interest >= scheme.MinimumAmount && item.LegalStatus == LegalStatus.None;

    private static HashSet<EntryId> CompensatedItems(CustomerAccount account)
    {
        var result = new HashSet<EntryId>();
        foreach (var item in account.Items)
        {
            if (item.Origin is ChargePosted { Kind: ChargeKind.RecoveryCompensation, RelatedItem: { } related } && item.Status != ItemStatus.Reversed)
            {
                result.Add(related);
            }
        }

        return result;
    }
}
