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
            if (other.Origin is ChargePosted { Kind: ChargeKind.Interest, InterestThrough: { } last } charge
                && charge.RelatedItem == item
                && other.Status != ItemStatus.Reversed
                && (through is null || last > through))
            {
                through = last;
            }
        }

        return through;
    }

    private static Dictionary<EntryId, LocalDate>? ChargedThroughByItem(CustomerAccount account)
    {
        Dictionary<EntryId, LocalDate>? result = null;
        foreach (var other in account.Items)
        {
            if (other.Origin is ChargePosted { Kind: ChargeKind.Interest, InterestThrough: { } last, RelatedItem: { } item }
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

    /// <summary>The interest on one item: per installment, one exact piece per constant principal, rounded at the end.</summary>
    internal static ItemInterest Compute(OpenItem item, InterestScheme scheme, LocalDate asOf, LocalDate? chargedThrough)
    {
        var currency = item.Currency;
        if (item.Kind != ItemKind.Invoice || item.Status == ItemStatus.Reversed)
        {
            return new ItemInterest(item.Id, item.DocumentNumber, [], Money.Zero(currency));
        }

        var periods = new List<ItemInterestPeriod>();
        var exactTotal = default(ExactInterest?);
        var roundedTotal = 0m;
        foreach (var installment in item.InstallmentStates)
        {
            foreach (var piece in Pieces(installment, scheme.Accrual, asOf, chargedThrough))
            {
                var principal = new Money(piece.Principal, currency);
                foreach (var period in InterestCalculator.CalculateExactPeriods(scheme, principal, piece.First, piece.Last))
                {
                    var rounded = period.Amount.Round();
                    periods.Add(new ItemInterestPeriod(installment.Ref, period.FirstDay, period.LastDay, period.Days, period.AnnualRatePercent, principal, rounded));
                    exactTotal = exactTotal is { } sum ? sum + period.Amount : period.Amount;
                    roundedTotal += rounded.Amount;
                }
            }
        }

        var total = scheme.Rounding == InterestRounding.EachPeriod
            ? new Money(roundedTotal, currency)
            : exactTotal?.Round() ?? Money.Zero(currency);
        return new ItemInterest(item.Id, item.DocumentNumber, periods, total);
    }

    /// <summary>The ranges of constant principal of one installment, within [start, as-of].</summary>
    internal static IEnumerable<(LocalDate First, LocalDate Last, decimal Principal)> Pieces(
        OpenInstallment installment, InterestAccrual accrual, LocalDate asOf, LocalDate? chargedThrough)
    {
        if (StartOf(installment, accrual) is not { } start)
        {
            yield break;
        }

        if (chargedThrough is { } through && through >= start)
        {
            start = through.PlusDays(1);
        }

        var settlements = installment.Settlements
            .Where(s => s.IsActive && s.Date <= asOf)
            .OrderBy(s => s.Date)
            .ToList();
        var principal = installment.Amount.Amount;
        var cursor = start;
        foreach (var settlement in settlements)
        {
            var lastOnOld = accrual.CountSettlementDay ? settlement.Date : settlement.Date.PlusDays(-1);
            if (principal > 0m && lastOnOld >= cursor && cursor <= asOf)
            {
                yield return (cursor, lastOnOld < asOf ? lastOnOld : asOf, principal);
            }

            principal -= settlement.Amount.Amount;
            if (lastOnOld.PlusDays(1) > cursor)
            {
                cursor = lastOnOld.PlusDays(1);
            }
        }

        if (principal > 0m && cursor <= asOf)
        {
            yield return (cursor, asOf, principal);
        }
    }

    /// <summary>The first interest day of an installment, or null when interest has not started (no date of default yet).</summary>
    internal static LocalDate? StartOf(OpenInstallment installment, InterestAccrual accrual)
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
