using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Collections;

/// <summary>Who items are handed over to.</summary>
public enum HandOverKind
{
    /// <summary>A lawyer (German <em>Anwaltsübergabe</em>).</summary>
    Lawyer,

    /// <summary>A collection agency (German <em>Inkasso</em>).</summary>
    CollectionAgency,

    /// <summary>
    /// The court dunning procedure (German <em>gerichtliches Mahnverfahren</em>, §§688 ff. ZPO): a Mahnbescheid is applied for.
    /// Suspends limitation (§204(1) no. 3 BGB); <c>CourtDunning.Application</c> gives the data the application needs.
    /// </summary>
    CourtDunning,
}

/// <summary>How a hand-over case ended.</summary>
public enum HandOverOutcome
{
    /// <summary>The claim was paid.</summary>
    Paid,

    /// <summary>The claim was written off.</summary>
    WrittenOff,

    /// <summary>The case came back unresolved; the items return to normal dunning.</summary>
    Returned,
}

/// <summary>A hand-over case as the account shows it.</summary>
/// <param name="Origin">The hand-over entry.</param>
/// <param name="HandedOverBy">Who handed it over.</param>
/// <param name="HandedOverAt">When it was recorded.</param>
/// <param name="Closed">The closing entry, if the case is closed.</param>
public sealed record HandOverCase(ItemsHandedOver Origin, UserId HandedOverBy, Instant HandedOverAt, HandOverClosed? Closed)
{
    /// <summary>The case's key.</summary>
    public EntryId Id => Origin.Id;

    /// <summary>Whether the case is still open.</summary>
    public bool IsOpen => Closed is null;
}

/// <summary>The claim on one handed-over item, in §367 BGB order: costs, interest, principal.</summary>
/// <param name="Item">The item.</param>
/// <param name="DocumentNumber">Its document number.</param>
/// <param name="DueDate">Its due date.</param>
/// <param name="Costs">Open dunning fees, costs and recovery compensation related to the item.</param>
/// <param name="Interest">Open interest charges related to the item plus interest accrued and not yet charged to the hand-over date.</param>
/// <param name="Principal">The open principal.</param>
public sealed record ClaimLine(EntryId Item, string DocumentNumber, LocalDate? DueDate, Money Costs, Money Interest, Money Principal)
{
    /// <summary>The item's claim: costs + interest + principal.</summary>
    public Money Total => Costs + Interest + Principal;
}

/// <summary>The document handed to the lawyer or collection agency (model for the host's renderer).</summary>
/// <param name="Case">The case.</param>
/// <param name="Customer">The debtor.</param>
/// <param name="To">Lawyer or collection agency.</param>
/// <param name="Recipient">Its name.</param>
/// <param name="Date">The hand-over date.</param>
/// <param name="Claims">Per item: costs, interest, principal.</param>
/// <param name="Documents">The documents the recipient needs: invoice numbers, dunning letters, interest invoices.</param>
/// <param name="Total">The whole claim.</param>
public sealed record HandOverDocument(EntryId Case, Customers.Customer Customer, HandOverKind To, string Recipient, LocalDate Date, IReadOnlyList<ClaimLine> Claims, IReadOnlyList<string> Documents, Money Total);

/// <summary>Builds claim summaries and hand-over documents. Pure and thread-safe.</summary>
public static class HandOverDocuments
{
    /// <summary>The claim on items as of a date, per item in §367 order.</summary>
    /// <param name="account">The account.</param>
    /// <param name="items">The items.</param>
    /// <param name="scheme">The interest scheme for interest accrued and not yet charged.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>One line per claim item.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item does not exist or is not an invoice.</exception>
    public static IReadOnlyList<ClaimLine> Claims(CustomerAccount account, IEnumerable<EntryId> items, InterestScheme scheme, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scheme);
        var lines = new List<ClaimLine>();
        foreach (var id in items)
        {
            var item = account.FindItem(id) ?? throw new ArgumentException($"Item '{id}' does not exist.", nameof(items));
            var costs = 0m;
            var interest = AccountInterest.ForItem(account, item, scheme, asOf).Total.Amount;
            foreach (var other in account.Items)
            {
                if (other.Origin is ChargePosted charge && charge.RelatedItem == id && other.Status == ItemStatus.Open)
                {
                    if (charge.Kind == ChargeKind.Interest)
                    {
                        interest += other.OpenAmount.Amount;
                    }
                    else
                    {
                        costs += other.OpenAmount.Amount;
                    }
                }
            }

            lines.Add(new ClaimLine(id, item.DocumentNumber, item.DueDate, new Money(costs, item.Currency), new Money(interest, item.Currency), item.OpenAmount));
        }

        return lines;
    }

    /// <summary>The hand-over document of a case.</summary>
    /// <param name="account">The account.</param>
    /// <param name="handOver">The hand-over.</param>
    /// <param name="scheme">The interest scheme for interest accrued to the hand-over date.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item does not exist.</exception>
    /// <exception cref="CurrencyMismatchException">The items are in different currencies.</exception>
    public static HandOverDocument Document(CustomerAccount account, ItemsHandedOver handOver, InterestScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        var claims = Claims(account, handOver.Items, scheme, handOver.Date);
        var documents = new List<string>();
        foreach (var claim in claims)
        {
            documents.Add(claim.DocumentNumber);
            documents.AddRange(account.Items
                .Where(i => i.Origin is ChargePosted charge && charge.RelatedItem == claim.Item && i.Status != ItemStatus.Reversed)
                .Select(i => i.DocumentNumber));
        }

        var total = claims.Skip(1).Aggregate(claims[0].Total, (sum, c) => sum + c.Total);
        return new HandOverDocument(handOver.Id, account.Customer, handOver.To, handOver.Recipient, handOver.Date, claims, [.. documents.Distinct(StringComparer.Ordinal)], total);
    }
}
