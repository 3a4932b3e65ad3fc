using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Dunning;

/// <summary>
/// The obvious way to write the same rules (level decision, exclusions, payer routing, netting, minimums): LINQ over
/// every installment, days looked up per installment and level, dates compared as dates. The baseline the engine must beat.
/// Returns one summary per letter.
/// </summary>
public static class NaiveDunning
{
    public static List<(CustomerId Recipient, string Currency, int Level, int Notices, decimal Net)> Preview(DunningRunRequest request, DunningSettings settings, IReadOnlyList<CustomerAccount> accounts)
    {
        var asOf = request.AsOf;
        var byId = accounts.ToDictionary(a => a.Id);
        CustomerId RecipientOf(Customer c) =>
            c.Payer is { } payer && c.PayerRouting.DunningLetters == DocumentRecipient.Payer && byId.TryGetValue(payer, out var p) && !p.IsArchived ? payer : c.Id;
        var candidates = accounts
            .Where(a => a.Customer.Company == request.Company && !a.IsArchived && !a.Customer.IsDunningBlocked && settings.Schemes.ContainsKey(a.Customer.DunningScheme))
            .ToList();
        var lines = candidates
            .SelectMany(a => a.Items
                .Where(i => i.IsClaim && i.Status == ItemStatus.Open && i.LegalStatus == LegalStatus.None && !i.IsCoveredByAgreement && !i.IsPausedOn(asOf))
                .SelectMany(i => i.Installments.Where(n => n.IsOpen && n.DueDate < asOf))
                .Select(n => (Account: a, Installment: n, Next: NextNotice(settings, a.Customer, n, asOf))))
            .ToList();
        var credits = candidates
            .SelectMany(a => a.Items.Where(i => !i.IsClaim && i.Status == ItemStatus.Open).Select(i => (Key: (RecipientOf(a.Customer), i.Currency.Code), i.OpenAmount.Amount)))
            .GroupBy(c => c.Key)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Amount));
        return lines
            .GroupBy(l => (Recipient: RecipientOf(l.Account.Customer), Currency: l.Installment.Item.Currency.Code))
            .Where(g => g.Any(l => l.Next.Due))
            .Select(g => (g.Key.Recipient, g.Key.Currency, Level: g.Where(l => l.Next.Due).Max(l => l.Next.Level), Notices: g.Count(l => l.Next.Due),
                Net: g.Sum(l => l.Installment.OpenAmount.Amount) - credits.GetValueOrDefault(g.Key)))
            .Where(l => l.Net > 0m && l.Net >= settings.Schemes[byId[l.Recipient].Customer.DunningScheme].MinimumLetterAmountIn(Currency.FromCode(l.Currency)).Amount)
            .OrderBy(l => l.Recipient.Value, StringComparer.Ordinal).ThenBy(l => l.Currency, StringComparer.Ordinal)
            .ToList();
    }

    private static (bool Due, int Level) NextNotice(DunningSettings settings, Customer customer, OpenInstallment installment, LocalDate asOf)
    {
        if (installment.Item.Kind != ItemKind.Invoice)
        {
            return (false, 0);
        }

        var scheme = settings.Schemes[customer.DunningScheme];
        var state = installment.Dunning;
        int next;
        LocalDate from;
        if (state.NoticeCount == 0)
        {
            (next, from) = (1, installment.DueDate);
        }
        else if (state.Level < scheme.Levels.Count)
        {
            (next, from) = (state.Level + 1, state.LastNoticeDate!.Value);
        }
        else if (scheme.MaximumNotices > 0 && state.NoticeCount >= scheme.MaximumNotices)
        {
            return (false, 0);
        }
        else
        {
            (next, from) = (scheme.Levels.Count, state.LastNoticeDate!.Value);
        }

        var threshold = from.PlusDays(settings.DaysFor(customer, scheme, next));
        var due = scheme.Comparison == DunningDayComparison.Strict ? threshold < asOf : threshold <= asOf;
        return (due && (state.LastNoticeDate is not { } last || asOf > last), next);
    }
}
