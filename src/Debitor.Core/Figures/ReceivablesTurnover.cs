namespace Debitor.Core.Figures;

/// <summary>
/// Receivables turnover and days sales outstanding for a period in one currency (R0.11, German <em>Debitorenumschlag</em>
/// and <em>Debitorenlaufzeit</em>).
/// </summary>
/// <remarks>
/// <para>With N the days of the period (both ends inclusive) and R(d) the receivables — the ledger balance, open claims
/// minus unapplied credits — at the end of day d:</para>
/// <list type="bullet">
/// <item><description>average receivables = (R(first day) + … + R(last day)) / N;</description></item>
/// <item><description>revenue = invoices − credit notes dated in the period, less reversals of invoices and plus reversals of
/// credit notes dated in the period (fees, interest and costs are not revenue);</description></item>
/// <item><description>turnover = revenue / average receivables;</description></item>
/// <item><description>DSO = average receivables / revenue × N (= N / turnover).</description></item>
/// </list>
/// <para>The ratios are computed from the exact average, unrounded; <see cref="AverageReceivables"/> is shown rounded to
/// the currency's minor units (half away from zero). Immutable; thread-safe.</para>
/// </remarks>
/// <param name="Currency">The currency.</param>
/// <param name="Period">The period, both ends inclusive.</param>
/// <param name="Revenue">Revenue in the period.</param>
/// <param name="OpeningReceivables">Receivables at the end of the day before the period.</param>
/// <param name="ClosingReceivables">Receivables at the end of the period's last day.</param>
/// <param name="AverageReceivables">The daily average of the receivables over the period, rounded to minor units.</param>
/// <param name="Turnover">Revenue / average receivables; <see langword="null"/> when the average is zero or less, or revenue is negative.</param>
/// <param name="DaysSalesOutstanding">Average receivables / revenue × days; <see langword="null"/> when revenue is zero or less, or the average is negative.</param>
public sealed record ReceivablesTurnover(
    Currency Currency, DateInterval Period, Money Revenue, Money OpeningReceivables, Money ClosingReceivables, Money AverageReceivables, decimal? Turnover, decimal? DaysSalesOutstanding);

/// <summary>An amount for one month, e.g. the cost of sales the host supplies for the gross profit.</summary>
/// <param name="Month">The month.</param>
/// <param name="Amount">The amount.</param>
public sealed record MonthlyAmount(YearMonth Month, Money Amount);

/// <summary>One month of a customer's development (R0.11, R2.1), ready for a chart.</summary>
/// <param name="Month">The month.</param>
/// <param name="Date">The day the balances are taken: the month's last day, or the as-of date in the current month.</param>
/// <param name="OpenItems">Receivables (open claims − unapplied credits) at the end of <paramref name="Date"/>.</param>
/// <param name="Revenue">Revenue of the month up to <paramref name="Date"/>: invoices − credit notes as posted, net of reversals.</param>
/// <param name="CostOfSales">The cost of sales the host supplied for the month, if any.</param>
/// <param name="GrossProfit"><paramref name="Revenue"/> − <paramref name="CostOfSales"/>, when the cost was supplied.</param>
/// <param name="CreditLimit">The credit limit in force at the end of <paramref name="Date"/>: its amount while valid, zero outside
/// its validity; <see langword="null"/> when none was set or it is in another currency.</param>
public sealed record MonthlyFigure(YearMonth Month, LocalDate Date, Money OpenItems, Money Revenue, Money? CostOfSales, Money? GrossProfit, Money? CreditLimit);
