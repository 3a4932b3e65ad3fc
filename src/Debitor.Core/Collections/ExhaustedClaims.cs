using Ardalis.GuardClauses;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Collections;

/// <summary>What an item that used up every notice can lead to (issue 17).</summary>
public enum NextStep
{
    /// <summary>Hand it over to a lawyer or a collection agency.</summary>
    HandOver,

    /// <summary>Apply for a Mahnbescheid (gerichtliches Mahnverfahren); suspends limitation (§204 BGB).</summary>
    CourtDunning,

    /// <summary>Write it off: it is time-barred, or not worth pursuing.</summary>
    WriteOff,
}

/// <summary>
/// An item that used up every notice the scheme allows: a line of the work list of candidates for a hand-over, court
/// dunning or a write-off, with the amounts (§367 order) and the limitation date.
/// </summary>
/// <param name="Customer">The debtor.</param>
/// <param name="CustomerName">Its name.</param>
/// <param name="Installments">The installments of the item that used up their notices.</param>
/// <param name="Claim">The item's claim as of the date: costs, interest, principal.</param>
/// <param name="LimitationEndsOn">The earliest limitation end of those installments.</param>
/// <param name="LimitationWarning">Whether that end is within the default warning horizon (before the coming 31 December).</param>
/// <param name="Suggested">The suggested next step: court dunning when limitation ends within the horizon (it suspends it), else a hand-over.</param>
public sealed record ExhaustedClaim(CustomerId Customer, string CustomerName, IReadOnlyList<InstallmentRef> Installments, ClaimLine Claim, LocalDate LimitationEndsOn, bool LimitationWarning, NextStep Suggested);

/// <summary>Builds work-list lines for exhausted items. Pure and thread-safe.</summary>
public static class ExhaustedClaims
{
    /// <summary>The work-list lines of an account's exhausted installments, one per item.</summary>
    /// <param name="account">The account.</param>
    /// <param name="installments">The installments that used up every notice.</param>
    /// <param name="scheme">The customer's interest scheme.</param>
    /// <param name="limitation">The company's limitation periods.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>One line per item.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An installment is not one of the account's.</exception>
    public static IReadOnlyList<ExhaustedClaim> Of(CustomerAccount account, IEnumerable<InstallmentRef> installments, InterestScheme scheme, LimitationSettings limitation, LocalDate asOf)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(installments);
        Guard.Against.Null(limitation);
        var lines = new List<ExhaustedClaim>();
        foreach (var byItem in installments.Distinct().GroupBy(i => i.Item))
        {
            var claim = HandOverDocuments.Claims(account, [byItem.Key], scheme, asOf)[0];
            var ends = byItem.Select(i => Limitation.Of(account, account.FindInstallment(i) ?? throw new ArgumentException($"Installment '{i}' does not exist.", nameof(installments)), limitation))
                .Min(l => l.EndsOn);
            var warn = ends <= Limitation.DefaultWarningHorizon(asOf);
            var step = ends < asOf ? NextStep.WriteOff : warn ? NextStep.CourtDunning : NextStep.HandOver;
            lines.Add(new ExhaustedClaim(account.Id, account.Customer.Name, [.. byItem.OrderBy(i => i.Number)], claim, ends, warn, step));
        }

        return lines;
    }
}
