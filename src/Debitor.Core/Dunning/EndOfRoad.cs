using Debitor.Core.Collections;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// The exclusions at the end of the road (issue 17): claims founded before insolvency proceedings opened, from the opening
/// day on, and time-barred claims. One place for both, called from the run's item exclusion.
/// </summary>
internal static class EndOfRoad
{
    internal static DunningExclusion? Exclusion(CustomerAccount account, in OpenClaim claim, RunScope scope)
    {
        if ((claim.Flags & ClaimFlags.Insolvency) != 0 && account.Insolvency is { } insolvency && scope.AsOf >= insolvency.OpenedOn)
        {
            return DunningExclusion.Insolvency;
        }

        // A claim can only be time-barred when it arose before 1 January of the run year minus the period (§199(1) BGB);
        // only then is the exact end (restarts by payments, suspension by court dunning) computed.
        var limitation = scope.Settings.Limitation;
        var years = limitation.CustomerYears.Count == 0 ? limitation.Years : limitation.YearsFor(account.Id);
        var firstYearNotBarred = scope.AsOf.Year - years;
        if (!claim.IsCredit && claim.ArisesDay < OpenClaim.DayNumber(new LocalDate(firstYearNotBarred, 1, 1))
            && Limitation.Of(account, claim.Installment, limitation).IsTimeBarredOn(scope.AsOf))
        {
            return DunningExclusion.TimeBarred;
        }

        return null;
    }

    /// <summary>The limitation warnings of a run: the open claims of the customers in scope whose period ends within the horizon.</summary>
    internal static IReadOnlyList<ClaimLimitation> LimitationWarnings(RunScope scope)
    {
        var warnings = new List<ClaimLimitation>();
        foreach (var account in scope.Accounts)
        {
            if (scope.InScope(account.Customer) && !account.IsArchived)
            {
                warnings.AddRange(Limitation.Warnings(account, scope.Settings.Limitation, scope.AsOf, scope.Request.LimitationWarningHorizon));
            }
        }

        warnings.Sort(static (a, b) => string.CompareOrdinal(a.Customer.Value, b.Customer.Value) is var c and not 0 ? c : a.EndsOn.CompareTo(b.EndsOn));
        return warnings.AsReadOnly();
    }
}
