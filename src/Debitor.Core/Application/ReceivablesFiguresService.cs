using Ardalis.GuardClauses;
using Debitor.Core.Figures;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Receivables figures (R0.11, R2.1): aging per customer and across customers, turnover and days sales outstanding for a
/// period, and the monthly series of the last twelve months for a customer's chart.
/// </summary>
/// <remarks>Read-only: nothing is appended. The figures across customers load every account the store lists and need
/// <see cref="Permission.ViewAccounts"/> on each; an account that cannot be read (a journal that does not replay, amounts
/// beyond <see cref="Bounds.MaxAmount"/>) is reported to the <see cref="IAccountFaultLog"/> and left out. Thread-safe.</remarks>
public sealed class ReceivablesFiguresService
{
    private readonly CustomerAccountService _accounts;
    private readonly ICustomerAccountStore _store;
    private readonly ICostOfSalesSource _costs;
    private readonly DebitorCoreOptions _coreOptions;
    private readonly ReportingOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">The account use cases (authorization, loading, today).</param>
    /// <param name="store">The account store (to list the customers).</param>
    /// <param name="costs">The host's cost of sales (for the gross profit).</param>
    /// <param name="coreOptions">The application settings (the company's time zone).</param>
    /// <param name="options">Aging buckets and reporting currency.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReceivablesFiguresService(
        CustomerAccountService accounts, ICustomerAccountStore store, ICostOfSalesSource costs, DebitorCoreOptions coreOptions, ReportingOptions options)
    {
        _accounts = Guard.Against.Null(accounts);
        _store = Guard.Against.Null(store);
        _costs = Guard.Against.Null(costs);
        _coreOptions = Guard.Against.Null(coreOptions);
        _options = Guard.Against.Null(options);
    }

    /// <summary>The aging of one customer on a date (today by default).</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The business date; <see langword="null"/> for today in the company's time zone (D14.1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The aging report.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    public async Task<AgingReport> GetAgingAsync(Actor actor, CustomerId customer, LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        return Aging.ForAccount(account, BusinessDate.Of(asOf, _accounts.Today), _options.Aging);
    }

    /// <summary>The aging across the customers of one company on a date (today by default).</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="company">The company: figures never add up several companies (D14.5).</param>
    /// <param name="asOf">The business date; <see langword="null"/> for today in the company's time zone (D14.1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The aging report, added per currency over the company's accounts.</returns>
    /// <exception cref="AuthorizationException">The actor may not view one of the accounts.</exception>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public async Task<AgingReport> GetPortfolioAgingAsync(Actor actor, CompanyId company, LocalDate? asOf = null, CancellationToken cancellationToken = default) =>
        Aging.ForAccounts(await AllAccountsAsync(actor, company, cancellationToken: cancellationToken).ConfigureAwait(false), BusinessDate.Of(asOf, _accounts.Today), _options.Aging);

    /// <summary>Turnover and DSO of one customer for a period.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="period">The period, both ends inclusive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per currency.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    public async Task<IReadOnlyList<ReceivablesTurnover>> GetTurnoverAsync(Actor actor, CustomerId customer, DateInterval period, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(period);
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        return ReceivablesFigures.Turnover(account, period);
    }

    /// <summary>Turnover and DSO across the customers of one company for a period.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="company">The company: figures never add up several companies (D14.5).</param>
    /// <param name="period">The period, both ends inclusive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per currency.</returns>
    /// <exception cref="AuthorizationException">The actor may not view one of the accounts.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public async Task<IReadOnlyList<ReceivablesTurnover>> GetPortfolioTurnoverAsync(Actor actor, CompanyId company, DateInterval period, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(period);
        return ReceivablesFigures.Turnover(await AllAccountsAsync(actor, company, cancellationToken: cancellationToken).ConfigureAwait(false), period);
    }

    /// <summary>
    /// The monthly series of the last twelve months up to a date (today by default): open items, revenue, gross profit, credit limit. Costs the
    /// host reports in other currencies than the series' are left out.
    /// </summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="currency">The currency of the series; <see langword="null"/> for the credit limit's currency, else <see cref="ReportingOptions.ReportingCurrency"/>.</param>
    /// <param name="asOf">The business date; <see langword="null"/> for today in the company's time zone (D14.1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Twelve months, oldest first.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    public async Task<IReadOnlyList<MonthlyFigure>> GetMonthlySeriesAsync(Actor actor, CustomerId customer, Currency? currency = null, LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var today = BusinessDate.Of(asOf, _accounts.Today);
        var inCurrency = currency ?? account.Customer.CreditLimit?.Amount.Currency ?? _options.ReportingCurrency;
        var last = today.ToYearMonth();
        var costs = await _costs.GetCostOfSalesAsync(customer, last.PlusMonths(-11), last, cancellationToken).ConfigureAwait(false);
        return ReceivablesFigures.LastTwelveMonths(account, today, inCurrency, _coreOptions.TimeZone, [.. costs.Where(c => c.Amount.Currency.Equals(inCurrency))]);
    }

    private Task<List<CustomerAccount>> AllAccountsAsync(Actor actor, CompanyId company, [System.Runtime.CompilerServices.CallerMemberName] string operation = "", CancellationToken cancellationToken = default) =>
        _accounts.PortfolioAsync(actor, company, operation, cancellationToken);
}
