using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Collections;

/// <summary>A party of a Mahnbescheid application: name and address.</summary>
/// <param name="Name">The name (company or person).</param>
/// <param name="Address">The postal address, if known.</param>
public sealed record CourtDunningParty(string Name, PostalAddress? Address);

/// <summary>The interest claimed on one principal (German <em>laufende Zinsen</em>): from which day, at which rate.</summary>
/// <param name="From">The first day of interest not yet charged.</param>
/// <param name="Principal">The amount interest is claimed on (the open principal).</param>
/// <param name="PercentagePointsAboveBaseRate">For a rate that follows the base rate (§§247, 288 BGB): the points above the respective base rate ("x Prozentpunkte über dem jeweiligen Basiszinssatz"); otherwise <see langword="null"/>.</param>
/// <param name="FixedRatePercent">For a fixed rate: the annual rate in percent; otherwise <see langword="null"/>.</param>
/// <param name="RatePercentOnHandOver">The annual rate in force on the hand-over date, in percent (what the points above the base rate amount to that day).</param>
public sealed record CourtDunningInterest(LocalDate From, Money Principal, decimal? PercentagePointsAboveBaseRate, decimal? FixedRatePercent, decimal RatePercentOnHandOver);

/// <summary>One main claim of a Mahnbescheid application (German <em>Hauptforderung</em>).</summary>
/// <param name="Item">The item.</param>
/// <param name="DocumentNumber">The invoice number.</param>
/// <param name="DocumentDate">The invoice date.</param>
/// <param name="DueDate">The due date as posted.</param>
/// <param name="Principal">The open principal.</param>
/// <param name="Interest">The running interest claimed on it, if the customer's interest scheme charges any from a date.</param>
/// <param name="InterestCharged">Interest calculated and charged already and still open (German <em>ausgerechnete Zinsen</em>).</param>
public sealed record CourtDunningClaim(EntryId Item, string DocumentNumber, LocalDate DocumentDate, LocalDate? DueDate, Money Principal, CourtDunningInterest? Interest, Money InterestCharged);

/// <summary>A cost item of a Mahnbescheid application (German <em>Auslagen / Nebenforderungen</em>: dunning fees, costs, the §288(5) flat rate).</summary>
/// <param name="Item">The cost item.</param>
/// <param name="DocumentNumber">Its document number.</param>
/// <param name="Date">Its date.</param>
/// <param name="Kind">Dunning fee, cost or recovery compensation.</param>
/// <param name="Amount">The open amount.</param>
/// <param name="RelatedItem">The claim it belongs to, if any.</param>
public sealed record CourtDunningCost(EntryId Item, string DocumentNumber, LocalDate Date, ItemKind Kind, Money Amount, EntryId? RelatedItem);

/// <summary>
/// The data an application for a Mahnbescheid needs (German <em>Antrag auf Erlass eines Mahnbescheids</em>, §690 ZPO):
/// claimant, debtor, the main claims with their dates, the running interest from when at which rate, and the costs. A model
/// for the host, which fills the online form (online-mahnantrag) or its own output from it.
/// </summary>
/// <param name="Case">The hand-over case.</param>
/// <param name="Date">The hand-over date.</param>
/// <param name="Claimant">The claimant (Antragsteller): the company.</param>
/// <param name="Debtor">The debtor (Antragsgegner), with the customer's document address.</param>
/// <param name="Claims">The main claims, in due-date order.</param>
/// <param name="Costs">The open costs belonging to the claims or to the account.</param>
/// <param name="Total">Principal, interest charged and costs; running interest comes on top.</param>
public sealed record CourtDunningApplication(EntryId Case, LocalDate Date, CourtDunningParty Claimant, CourtDunningParty Debtor, IReadOnlyList<CourtDunningClaim> Claims, IReadOnlyList<CourtDunningCost> Costs, Money Total);

/// <summary>Builds the Mahnbescheid data of a court dunning hand-over. Pure and thread-safe.</summary>
public static class CourtDunning
{
    /// <summary>The data for the Mahnbescheid application of a hand-over to the court dunning procedure.</summary>
    /// <param name="account">The debtor's account.</param>
    /// <param name="caseId">The hand-over case (<see cref="HandOverKind.CourtDunning"/>).</param>
    /// <param name="scheme">The debtor's interest scheme.</param>
    /// <param name="claimant">The claimant: the company.</param>
    /// <returns>The application's data.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no court dunning case with that id, or its items are in different currencies.</exception>
    public static CourtDunningApplication Application(CustomerAccount account, EntryId caseId, InterestScheme scheme, CourtDunningParty claimant)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(scheme);
        Guard.Against.Null(claimant);
        var handOver = account.HandOvers.FirstOrDefault(c => c.Id == caseId && c.Origin.To == HandOverKind.CourtDunning)?.Origin
            ?? throw new ArgumentException($"There is no court dunning case '{caseId}' on account '{account.Id}'.", nameof(caseId));
        var items = handOver.Items.Select(id => account.FindItem(id)!).ToList();
        var currency = items[0].Currency;
        if (items.Exists(i => i.Currency != currency))
        {
            throw new ArgumentException($"The items of case '{caseId}' are in different currencies; a Mahnbescheid is applied for per currency.", nameof(caseId));
        }

        var claims = new List<CourtDunningClaim>();
        var costs = new List<CourtDunningCost>();
        var total = 0m;
        foreach (var item in items.OrderBy(i => i.OriginalDueDate).ThenBy(i => i.DocumentNumber, StringComparer.Ordinal))
        {
            if (item.Kind != ItemKind.Invoice)
            {
                costs.Add(Cost(item));
                total += item.OpenValue;
                continue;
            }

            var charged = 0m;
            foreach (var other in account.Items)
            {
                if (other.Origin is ChargePosted charge && charge.RelatedItem == item.Id && other.Status == ItemStatus.Open && !handOver.Items.Contains(other.Id))
                {
                    if (charge.Kind == ChargeKind.Interest)
                    {
                        charged += other.OpenValue;
                    }
                    else
                    {
                        costs.Add(Cost(other));
                    }

                    total += other.OpenValue;
                }
            }

            var accrued = AccountInterest.ForItem(account, item, scheme, handOver.Date);
            var interest = accrued.Periods.Count == 0 && item.OpenValue <= 0m ? null
                : new CourtDunningInterest(
                    accrued.Periods.Count > 0 ? accrued.Periods[0].FirstDay : handOver.Date,
                    item.OpenAmount,
                    scheme.BaseRates is not null ? scheme.SpreadPercentagePoints : null,
                    scheme.FixedRatePercent,
                    scheme.AnnualRatePercentOn(handOver.Date));
            claims.Add(new CourtDunningClaim(item.Id, item.DocumentNumber, item.DocumentDate, item.OriginalDueDate, item.OpenAmount, interest, new Money(charged, currency)));
            total += item.OpenValue;
        }

        var debtor = new CourtDunningParty(account.Customer.Name, account.MasterData.DocumentAddress);
        return new CourtDunningApplication(handOver.Id, handOver.Date, claimant, debtor, claims, costs, new Money(total, currency));
    }

    private static CourtDunningCost Cost(OpenItem item) =>
        new(item.Id, item.DocumentNumber, item.DocumentDate, item.Kind, item.OpenAmount, (item.Origin as ChargePosted)?.RelatedItem);
}
