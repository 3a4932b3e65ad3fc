using Ardalis.GuardClauses;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Collections;

/// <summary>
/// The claims to file in a customer's insolvency proceedings (German <em>Forderungsanmeldung zur Insolvenztabelle</em>,
/// §174 InsO): every open claim founded before the opening, with principal, interest up to the day before the opening (§39(1)
/// no. 1 InsO: interest from the opening on ranks last and is not filed) and costs, each line in §367 BGB order — costs,
/// interest, principal.
/// </summary>
/// <param name="Customer">The debtor.</param>
/// <param name="Proceedings">The proceedings: opening day, court, file number, administrator.</param>
/// <param name="InterestThrough">The last interest day: the day before the opening.</param>
/// <param name="Claims">Per claim: costs, interest, principal; an unrelated fee or cost item is a line of its own.</param>
/// <param name="Totals">The totals per currency.</param>
public sealed record InsolvencyClaimList(CustomerId Customer, InsolvencyOpened Proceedings, LocalDate InterestThrough, IReadOnlyList<ClaimLine> Claims, IReadOnlyList<Money> Totals);

/// <summary>Insolvency of a customer (issue 17). Pure and thread-safe.</summary>
public static class Insolvency
{
    /// <summary>The claim list for filing with the administrator.</summary>
    /// <param name="account">The account of a customer marked insolvent.</param>
    /// <param name="scheme">The customer's interest scheme (for interest accrued and not yet charged).</param>
    /// <returns>The claim list.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer is not marked insolvent.</exception>
    public static InsolvencyClaimList ClaimList(CustomerAccount account, InterestScheme scheme)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(scheme);
        var proceedings = account.Insolvency ?? throw new ArgumentException($"Customer '{account.Id}' is not marked insolvent.", nameof(account));
        var through = proceedings.OpenedOn.PlusDays(-1);
        bool Founded(OpenItem item) => item.IsClaim && !item.IsReversed && item.OpenValue > 0m && item.DocumentDate < proceedings.OpenedOn;
        var invoices = account.Items.Where(i => i.Kind == ItemKind.Invoice && Founded(i)).ToList();
        var lines = HandOverDocuments.Claims(account, invoices.Select(i => i.Id), scheme, through).ToList();
        var covered = invoices.Select(i => i.Id).ToHashSet();
        foreach (var item in account.Items)
        {
            if (item.Kind == ItemKind.Invoice || !Founded(item) || ((item.Origin as ChargePosted)?.RelatedItem is { } related && covered.Contains(related)))
            {
                continue; // an invoice, not founded before the opening, or counted on its invoice's line
            }

            var zero = new Money(0m, item.Currency);
            lines.Add(item.Kind == ItemKind.Interest
                ? new ClaimLine(item.Id, item.DocumentNumber, item.OriginalDueDate, zero, item.OpenAmount, zero)
                : new ClaimLine(item.Id, item.DocumentNumber, item.OriginalDueDate, item.OpenAmount, zero, zero));
        }

        var totals = lines.GroupBy(l => l.Principal.Currency)
            .OrderBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => g.Skip(1).Aggregate(g.First().Total, (sum, l) => sum + l.Total))
            .ToList();
        return new InsolvencyClaimList(account.Id, proceedings, through, lines, totals);
    }
}
