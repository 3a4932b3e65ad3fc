using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>What the late-discount rule decided for one invoice when the money arrived within the tolerance days.</summary>
public enum LateDiscountPolicy
{
    /// <summary>Grant the discount (R3.3: the tolerance days are an allowance). The line says it was late.</summary>
    Accept,

    /// <summary>Refuse it: the payment is compared with the full amount, and the payment tolerance decides.</summary>
    Reject,
}

/// <summary>The accountant's (or a host rule's) decision on a late cash discount for one invoice of one payment.</summary>
/// <param name="Item">The invoice.</param>
/// <param name="Accept">Whether the late discount is granted.</param>
public sealed record LateDiscountDecision(EntryId Item, bool Accept);

/// <summary>A cash discount available on an installment on a date.</summary>
/// <param name="Amount">The discount: percent of the open gross amount, rounded half away from zero.</param>
/// <param name="Percent">The stage's percentage.</param>
/// <param name="LastDay">The stage's last day (before tolerance days).</param>
/// <param name="IsLate">Whether the date is after <paramref name="LastDay"/> but within the customer's tolerance days: granted only when accepted.</param>
public sealed record CashDiscountOffer(Money Amount, decimal Percent, LocalDate LastDay, bool IsLate);

/// <summary>
/// The payment rules every caller shares (one rule, one place): the payment tolerance limit of an installment (R3.2)
/// and the cash discount an installment gets on a date (R3.3). The allocator and the account view call these.
/// </summary>
internal static class PaymentRules
{
    /// <summary>
    /// The tolerance limit: the lower of percent × the installment's posted amount and the fixed maximum, a zero meaning
    /// "not set"; both rounded down to minor units so nothing above the limit is written off. Zero when disabled.
    /// </summary>
    internal static decimal ToleranceLimit(PaymentTolerance tolerance, decimal installmentAmount, Currency currency)
    {
        if (!tolerance.IsEnabled)
        {
            return 0m;
        }

        var limit = decimal.MaxValue;
        if (tolerance.Percent > 0m)
        {
            limit = decimal.Round(installmentAmount * tolerance.Percent * 0.01m, currency.MinorUnits, MidpointRounding.ToZero);
        }

        if (tolerance.MaximumAmount > 0m)
        {
            limit = Math.Min(limit, decimal.Round(tolerance.MaximumAmount, currency.MinorUnits, MidpointRounding.ToZero));
        }

        return limit;
    }

    /// <summary>
    /// The cash discount for an open principal paid on <paramref name="valueDate"/>: the first stage whose last day,
    /// plus the customer's tolerance days, is not before the value date. A date within the tolerance days is late: the
    /// stage counts only when <paramref name="acceptLate"/>, otherwise the next stage is tried. The invoice's own stages
    /// win over the customer's terms. Zero when no stage applies or the discount would close the whole principal.
    /// </summary>
    internal static (decimal Amount, decimal Percent, LocalDate LastDay, bool Late) CashDiscount(
        Customer customer, InvoicePosted invoice, decimal principal, LocalDate valueDate, Currency currency, bool acceptLate)
    {
        if (principal <= 0m)
        {
            return default;
        }

        var grace = customer.CashDiscountToleranceDays;
        if (invoice.CashDiscounts is { } stages)
        {
            for (var s = 0; s < stages.Count; s++)
            {
                if (Stage(stages[s].Percent, stages[s].LastDay) is { } found)
                {
                    return found;
                }
            }

            return default;
        }

        var tiers = customer.PaymentTerms.Discounts;
        for (var t = 0; t < tiers.Count; t++)
        {
            if (Stage(tiers[t].Percent, invoice.DocumentDate.PlusDays(tiers[t].Days)) is { } found)
            {
                return found;
            }
        }

        return default;

        (decimal, decimal, LocalDate, bool)? Stage(decimal percent, LocalDate lastDay)
        {
            var late = valueDate > lastDay;
            if (late && (!acceptLate || valueDate > lastDay.PlusDays(grace)))
            {
                return null;
            }

            var amount = decimal.Round(principal * percent * 0.01m, currency.MinorUnits, MidpointRounding.AwayFromZero);
            return (amount < principal ? amount : 0m, percent, lastDay, late);
        }
    }
}
