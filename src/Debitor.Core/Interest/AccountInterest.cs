using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Interest;

/// <summary>
/// Default interest on the items of an account over their history: the principal changes with partial payments,
/// credit notes and write-offs, and each period is charged on the principal then outstanding.
/// </summary>
/// <remarks>
/// <para>Only invoices bear interest: never fees, costs or interest charges (no interest on interest, §289 BGB).
/// Reversed items bear none. A settlement that a later entry undid (a returned direct debit, a reversal) does not
/// count: the amount stayed unpaid.</para>
/// <para>Start and end follow the scheme's <see cref="InterestScheme.Accrual"/>. Interest already charged on an
/// item (an interest charge with <see cref="ChargePosted.InterestThrough"/>) is not charged again: the calculation
/// starts the day after. Settlements dated after the as-of date are not yet known on it and are ignored.</para>
/// <para>Items paid late and closed are charged too, up to the settlement that closed them.</para>
/// <para>Pure functions; thread-safe.</para>
/// </remarks>
public static class AccountInterest
{
    /// <summary>The interest on one item up to an as-of date (inclusive).</summary>
    /// <param name="account">The account holding the item.</param>
    /// <param name="item">The item; only invoices bear interest.</param>
    /// <param name="scheme">The interest scheme.</param>
    /// <param name="asOf">The last interest day considered.</param>
    /// <returns>The interest; a zero total without periods when nothing accrued.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period starts before the first entry of the scheme's base-rate table.</exception>
    public static ItemInterest ForItem(CustomerAccount account, OpenItem item, InterestScheme scheme, LocalDate asOf)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(item);
        Guard.Against.Null(scheme);
        var chargedThrough = ChargedThrough(account, item.Id);
        return Compute(item, scheme, asOf, chargedThrough);
    }

    /// <summary>The interest on every item of an account that bears some, up to an as-of date.</summary>
    /// <param name="account">The account.</param>
    /// <param name="scheme">The interest scheme.</param>
    /// <param name="asOf">The last interest day considered.</param>
    /// <returns>One entry per item with interest above zero, in posting order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period starts before the first entry of the scheme's base-rate table.</exception>
    public static IReadOnlyList<ItemInterest> ForAccount(CustomerAccount account, InterestScheme scheme, LocalDate asOf)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(scheme);
        var charged = ChargedThroughByItem(account);
        var result = new List<ItemInterest>();
        foreach (var item in account.Items)
        {
            if (item.Kind != ItemKind.Invoice || item.Status == ItemStatus.Reversed)
            {
                continue;
            }

            var interest = Compute(item, scheme, asOf, charged?.GetValueOrDefault(item.Id));
            if (interest.Total.IsPositive)
            {
                result.Add(interest);
            }
        }

        return result;
    }

    /// <summary>
    /// The headline figure (R0.2): per currency, what is open on the account plus the interest accrued to the as-of
    /// date and not yet charged. Interest already charged is part of the open items.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="scheme">The interest scheme.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>Per currency, ordered by currency code.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period starts before the first entry of the scheme's base-rate table.</exception>
    public static IReadOnlyList<Money> OpenTotalIncludingInterest(CustomerAccount account, InterestScheme scheme, LocalDate asOf)
    {
        Guard.Against.Null(account);
        var totals = account.Balances.ToDictionary(b => b.Currency, b => b.Amount);
        foreach (var interest in ForAccount(account, scheme, asOf))
        {
            totals[interest.Total.Currency] = totals.GetValueOrDefault(interest.Total.Currency) + interest.Total.Amount;
        }

        return [.. totals.OrderBy(t => t.Key.Code, StringComparer.Ordinal).Select(t => new Money(t.Value, t.Key))];
    }

    /// <summary>The last interest day already charged on an item, if any.</summary>
    internal static LocalDate? ChargedThrough(CustomerAccount account, EntryId item)
    {
        LocalDate? through = null;
        foreach (var other in account.Items)
        {
            if (other.Kind == ItemKind.Interest
                && other.Origin is ChargePosted { Kind: ChargeKind.Interest, InterestThrough: { } last } charge
                && charge.RelatedItem == item
                && other.Status != ItemStatus.Reversed
                && (through is null || last > through))
            {
                through = last;
            }
        }

        return through;
    }

    internal static Dictionary<EntryId, LocalDate>? ChargedThroughByItem(CustomerAccount account)
    {
        Dictionary<EntryId, LocalDate>? result = null;
        foreach (var other in account.Items)
        {
            // The item's kind first: most items are invoices, and their entries need not be read.
            if (other.Kind == ItemKind.Interest
                && other.Origin is ChargePosted { Kind: ChargeKind.Interest, InterestThrough: { } last, RelatedItem: { } item }
                && other.Status != ItemStatus.Reversed)
            {
                result ??= [];
                if (!result.TryGetValue(item, out var known) || last > known)
                {
                    result[item] = last;
                }
            }
        }

        return result;
    }

    /// <summary>The interest on one item: per installment, one exact piece per constant principal, rounded per installment.</summary>
    internal static ItemInterest Compute(OpenItem item, InterestScheme scheme, LocalDate asOf, LocalDate? chargedThrough)
    {
        var currency = item.Currency;
        if (item.Kind != ItemKind.Invoice || item.Status == ItemStatus.Reversed)
        {
            return new ItemInterest(item.Id, item.DocumentNumber, [], Money.Zero(currency));
        }

        var periods = new List<ItemInterestPeriod>();
        var installments = new List<InstallmentInterest>(item.InstallmentStates.Length);
        var total = 0m;
        foreach (var installment in item.InstallmentStates)
        {
            var amount = InstallmentTotal(installment, scheme, asOf, chargedThrough, periods);
            installments.Add(new InstallmentInterest(installment.Ref, new Money(amount, currency)));
            total += amount;
        }

        return new ItemInterest(item.Id, item.DocumentNumber, periods, new Money(total, currency)) { Installments = installments };
    }

    /// <summary>
    /// What an interest invoice dated <paramref name="asOf"/> would charge on one installment (the figure a dunning letter
    /// states on the installment's line): the installment's interest when the invoice charges the item at all
    /// (<see cref="InterestInvoicing.Charges"/>: positive, not below the minimum, not handed over), else zero.
    /// </summary>
    /// <param name="installment">The installment.</param>
    /// <param name="scheme">The customer's interest scheme.</param>
    /// <param name="asOf">The invoice (letter) date.</param>
    /// <param name="chargedThrough">The last interest day already charged on the item, if any.</param>
    /// <param name="periods">Collects the installment's periods when given; cleared when nothing is charged.</param>
    internal static decimal ChargeableOn(OpenInstallment installment, InterestScheme scheme, LocalDate asOf, LocalDate? chargedThrough, List<ItemInterestPeriod>? periods)
    {
        var item = installment.Item;
        if (item.Kind != ItemKind.Invoice || item.IsReversed)
        {
            return 0m;
        }

        if (scheme.MinimumAmount == 0m)
        {
            // Without a minimum the item is charged exactly when this installment's interest is positive (the others'
            // are never negative): the other installments need not be computed.
            var alone = InstallmentTotal(installment, scheme, asOf, chargedThrough, periods);
            if (!InterestInvoicing.Charges(item, alone, scheme))
            {
                periods?.Clear();
                return 0m;
            }

            return alone;
        }

        var own = 0m;
        var total = 0m;
        foreach (var other in item.InstallmentStates)
        {
            var amount = InstallmentTotal(other, scheme, asOf, chargedThrough, ReferenceEquals(other, installment) ? periods : null);
            total += amount;
            if (ReferenceEquals(other, installment))
            {
                own = amount;
            }
        }

        if (!InterestInvoicing.Charges(item, total, scheme))
        {
            periods?.Clear();
            return 0m;
        }

        return own;
    }

    /// <summary>
    /// The kernel every interest figure shares (interest invoices, statements, the headline and dunning letters): the
    /// interest on one installment of an invoice up to an as-of date, in minor units of its currency.
    /// </summary>
    /// <remarks>
    /// Starts per the scheme's accrual (after the due date plus grace days, the due date moved per §193 BGB when the
    /// scheme says so, or after the date of default) and after the last day already charged; charges each range of
    /// constant principal (the payment history, settlements dated up to the as-of date and not undone) at the rates of
    /// the scheme, the settlement day counted or not per the scheme; rounds per the scheme — the exact sum once per
    /// installment, or each period. Allocates nothing unless <paramref name="periods"/> collects the periods (or the
    /// installment's settlements are out of date order).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A period starts before the first entry of the scheme's base-rate table.</exception>
    internal static decimal InstallmentTotal(OpenInstallment installment, InterestScheme scheme, LocalDate asOf, LocalDate? chargedThrough, List<ItemInterestPeriod>? periods)
    {
        var accrual = scheme.Accrual;
        if (StartOf(installment, accrual) is not { } start)
        {
            return 0m;
        }

        if (chargedThrough is { } through && through >= start)
        {
            start = through.PlusDays(1);
        }

        if (start > asOf)
        {
            return 0m;
        }

        var sum = new InterestSum(scheme, installment.Item.Currency);
        var settlements = installment.Settlements;
        if (scheme.Method is InterestMethod.RemainingSum or InterestMethod.BalanceDue)
        {
            return OnRemaining(installment, scheme, asOf, start, chargedThrough is not null, ref sum, periods);
        }

        var ordered = InDateOrder(settlements) ? settlements : [.. settlements.OrderBy(s => s.Date)];
        var principal = installment.Amount.Amount;
        var cursor = start;
        for (var i = 0; i < ordered.Count; i++)
        {
            var settlement = ordered[i];
            if (!settlement.IsActive || settlement.Date > asOf)
            {
                continue;
            }

            var lastOnOld = accrual.CountSettlementDay ? settlement.Date : settlement.Date.PlusDays(-1);
            if (principal > 0m && lastOnOld >= cursor && cursor <= asOf)
            {
                sum.Add(installment.Ref, principal, cursor, lastOnOld < asOf ? lastOnOld : asOf, periods);
            }

            principal -= settlement.Amount.Amount;
            if (lastOnOld.PlusDays(1) > cursor)
            {
                cursor = lastOnOld.PlusDays(1);
            }
        }

        if (principal > 0m && cursor <= asOf)
        {
            sum.Add(installment.Ref, principal, cursor, asOf, periods);
        }

        return sum.Total;
    }

    /// <summary>
    /// The methods that look only at what is still open on the as-of date: SAP Business One's remaining sum (that amount
    /// for every day from <paramref name="start"/>) and Business Central's balance due (the rate once on that amount,
    /// charged once per installment: nothing when interest was already charged on the item).
    /// </summary>
    private static decimal OnRemaining(OpenInstallment installment, InterestScheme scheme, LocalDate asOf, LocalDate start, bool chargedBefore, ref InterestSum sum, List<ItemInterestPeriod>? periods)
    {
        var remaining = installment.Amount.Amount;
        foreach (var settlement in installment.Settlements)
        {
            if (settlement.IsActive && settlement.Date <= asOf)
            {
                remaining -= settlement.Amount.Amount;
            }
        }

        if (remaining <= 0m)
        {
            return 0m;
        }

        if (scheme.Method == InterestMethod.RemainingSum)
        {
            sum.Add(installment.Ref, remaining, start, asOf, periods);
            return sum.Total;
        }

        if (chargedBefore)
        {
            return 0m;
        }

        var currency = installment.Item.Currency;
        var rate = scheme.AnnualRatePercentOn(asOf);
        var amount = CommercialRounding.RoundQuotient(remaining * rate, 100m, currency.MinorUnits);
        var days = DayCounter.Days(scheme.DayCount, start, asOf, DayCounter.Number(start, nameof(start)), DayCounter.Number(asOf, nameof(asOf)));
        periods?.Add(new ItemInterestPeriod(installment.Ref, start, asOf, days, rate, new Money(remaining, currency), new Money(amount, currency)));
        return amount;
    }

    private static bool InDateOrder(IReadOnlyList<Settlement> settlements)
    {
        for (var i = 1; i < settlements.Count; i++)
        {
            if (settlements[i].Date < settlements[i - 1].Date)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first interest day of an installment, or null when interest has not started (no date of default yet).</summary>
    internal static LocalDate? StartOf(OpenInstallment installment, InterestAccrual accrual)
    {
        var start = StartBeforeDelegation(installment, accrual);
        if (start is { } first
            && installment.Item.Origin is InvoicePosted { DelegatedFrom.Date: { } delegated })
        {
            // A claim delegated to its payer keeps its due date, but the customer was charged up to the delegation
            // (its settlement day counted or not, per the scheme): the payer's interest starts where that ended (D18.15).
            var afterCustomer = accrual.CountSettlementDay ? delegated.PlusDays(1) : delegated;
            return afterCustomer > first ? afterCustomer : first;
        }

        return start;
    }

    private static LocalDate? StartBeforeDelegation(OpenInstallment installment, InterestAccrual accrual)
    {
        if (accrual.Start == InterestStart.AfterDefaultDate)
        {
            return installment.Dunning.DefaultDate?.PlusDays(1);
        }

        var due = installment.DueDate;
        if (accrual.DueDateCalendar is { } calendar)
        {
            due = calendar.AdjustDeadline(due);
        }

        return due.PlusDays(1 + accrual.GraceDays);
    }
}
