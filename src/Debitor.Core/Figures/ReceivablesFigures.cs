using Ardalis.GuardClauses;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Statements;

namespace Debitor.Core.Figures;

/// <summary>
/// Receivables figures over time (R0.11, R2.1): turnover and days sales outstanding for a period, and the monthly series
/// of open items, revenue, gross profit and credit limit for the last twelve months.
/// </summary>
/// <remarks>Built from the balance movements of the journal (<see cref="MovementKind"/>), dated as the full statement dates them.
/// Pure functions; thread-safe.</remarks>
public static class ReceivablesFigures
{
    /// <summary>Turnover and DSO of one customer for a period.</summary>
    /// <param name="account">The account.</param>
    /// <param name="period">The period, both ends inclusive.</param>
    /// <returns>One result per currency with a movement up to the end of the period, ordered by currency code.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<ReceivablesTurnover> Turnover(CustomerAccount account, DateInterval period) =>
        Turnover([Guard.Against.Null(account)], period);

    /// <summary>Turnover and DSO across customers for a period: revenue and receivables of every account added per currency.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <param name="period">The period, both ends inclusive.</param>
    /// <returns>One result per currency with a movement up to the end of the period, ordered by currency code.</returns>
    /// <exception cref="ArgumentNullException">An argument or an account is <see langword="null"/>.</exception>
    public static IReadOnlyList<ReceivablesTurnover> Turnover(IEnumerable<CustomerAccount> accounts, DateInterval period)
    {
        Guard.Against.Null(accounts);
        return Turnover(accounts.SelectMany(a => LedgerMovements.Of(Guard.Against.Null(a, nameof(accounts)))), period);
    }

    /// <summary>The monthly series for the last twelve months up to a date, oldest month first.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The last day covered; its month is the last of the twelve.</param>
    /// <param name="currency">The currency of the series; amounts in other currencies are left out.</param>
    /// <param name="timeZone">The company's time zone: a settings change recorded on a day counts from that day's end.</param>
    /// <param name="costOfSales">The cost of sales per month as the host knows it, in <paramref name="currency"/>; <see langword="null"/> for none.</param>
    /// <returns>Twelve months.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="timeZone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default</c>, or a cost is in another currency.</exception>
    public static IReadOnlyList<MonthlyFigure> LastTwelveMonths(
        CustomerAccount account, LocalDate asOf, Currency currency, DateTimeZone timeZone, IReadOnlyList<MonthlyAmount>? costOfSales = null)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(timeZone);
        if (currency.Code.Length == 0)
        {
            throw new ArgumentException("A currency is required; default(Currency) is no currency.", nameof(currency));
        }

        var costs = new Dictionary<YearMonth, decimal>();
        foreach (var cost in costOfSales ?? [])
        {
            Guard.Against.Null(cost, nameof(costOfSales));
            if (!cost.Amount.Currency.Equals(currency))
            {
                throw new ArgumentException($"The cost of {cost.Month} is in {cost.Amount.Currency.Code}, not in {currency.Code}.", nameof(costOfSales));
            }

            costs[cost.Month] = costs.GetValueOrDefault(cost.Month) + cost.Amount.Amount;
        }

        var movements = LedgerMovements.Of(account).Where(m => m.Currency.Equals(currency)).ToList();
        var last = asOf.ToYearMonth();
        var result = new List<MonthlyFigure>(12);
        for (var back = 11; back >= 0; back--)
        {
            var month = last.PlusMonths(-back);
            var start = month.OnDayOfMonth(1);
            var date = back == 0 ? asOf : start.PlusMonths(1).PlusDays(-1);
            decimal open = 0m, revenue = 0m;
            foreach (var movement in movements)
            {
                if (movement.Date <= date)
                {
                    open += movement.Amount;
                    if (movement.Date >= start)
                    {
                        revenue += movement.Revenue;
                    }
                }
            }

            Money? cost = costs.TryGetValue(month, out var known) ? new Money(known, currency) : null;
            result.Add(new MonthlyFigure(
                month,
                date,
                new Money(open, currency),
                new Money(revenue, currency),
                cost,
                cost is { } c ? new Money(revenue - c.Amount, currency) : null,
                LimitOn(account, date, currency, timeZone)));
        }

        return result;
    }

    /// <summary>Turnover and DSO from balance movements; the order of the movements does not matter.</summary>
    internal static IReadOnlyList<ReceivablesTurnover> Turnover(IEnumerable<LedgerMovement> movements, DateInterval period)
    {
        Guard.Against.Null(movements);
        Guard.Against.Null(period);
        var days = period.Length;
        var opening = new CurrencySums();
        var closing = new CurrencySums();
        var weighted = new CurrencySums();
        var revenue = new CurrencySums();
        foreach (var movement in movements)
        {
            if (movement.Date > period.End)
            {
                continue;
            }

            var currency = movement.Currency;
            closing.Add(currency, movement.Amount);
            if (movement.Date < period.Start)
            {
                opening.Add(currency, movement.Amount);
                weighted.Add(currency, movement.Amount * days);
            }
            else
            {
                // In the balance from its date to the end of the period: end − date + 1 days.
                weighted.Add(currency, movement.Amount * (Period.DaysBetween(movement.Date, period.End) + 1));
                revenue.Add(currency, movement.Revenue);
            }
        }

        var result = new List<ReceivablesTurnover>();
        foreach (var currency in closing.Currencies.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var average = weighted.Get(currency) / days;
            var sales = revenue.Get(currency);
            decimal? turnover = average > 0m && sales >= 0m ? sales / average : null;
            decimal? dso = sales > 0m && average >= 0m ? average / sales * days : null;
            result.Add(new ReceivablesTurnover(
                currency,
                period,
                new Money(sales, currency),
                new Money(opening.Get(currency), currency),
                new Money(closing.Get(currency), currency),
                new Money(average, currency).Round(MidpointRounding.AwayFromZero),
                turnover,
                dso));
        }

        return result;
    }

    /// <summary>The credit limit in force at the end of a day, from the settings recorded by then.</summary>
    private static Money? LimitOn(CustomerAccount account, LocalDate date, Currency currency, DateTimeZone timeZone)
    {
        var endOfDay = date.PlusDays(1).AtStartOfDayInZone(timeZone).ToInstant();
        Customer? settings = null;
        foreach (var record in account.Journal)
        {
            if (record.RecordedAt >= endOfDay)
            {
                continue;
            }

            settings = record.Entry switch
            {
                CustomerRegistered registered => registered.Settings,
                CustomerSettingsChanged changed => changed.Settings,
                _ => settings,
            };
        }

        if (settings?.CreditLimit is not { } limit || !limit.Amount.Currency.Equals(currency))
        {
            return null;
        }

        return limit.IsValidOn(date) ? limit.Amount : Money.Zero(currency);
    }
}
