using Ardalis.GuardClauses;
using Debitor.Core.Ports;
using Debitor.Core.Statements;

namespace Debitor.Core.Application;

/// <summary>
/// The account statements of a customer (R0.3): the open-items statement and the full statement of the fiscal year, as
/// document models naming our receivables contact (R3.5) for the host to render.
/// </summary>
/// <remarks>Read-only: nothing is appended. Thread-safe.</remarks>
public sealed class StatementService
{
    private readonly CustomerAccountService _accounts;
    private readonly IInterestSchemeProvider _schemes;
    private readonly ReportingOptions _options;
    private readonly DebitorCoreOptions _core;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">The account use cases (authorization, loading, today).</param>
    /// <param name="schemes">The interest schemes (for the interest to date).</param>
    /// <param name="options">The fiscal-year start.</param>
    /// <param name="core">Our receivables contact (<see cref="DebitorCoreOptions.ReceivablesContact"/>), the same on every document.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public StatementService(CustomerAccountService accounts, IInterestSchemeProvider schemes, ReportingOptions options, DebitorCoreOptions core)
    {
        _accounts = Guard.Against.Null(accounts);
        _schemes = Guard.Against.Null(schemes);
        _options = Guard.Against.Null(options);
        _core = Guard.Against.Null(core);
    }

    /// <summary>The open-items statement with interest to date under the customer's interest scheme.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The statement date; today when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer or its interest scheme does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interest period starts before the scheme's base-rate table.</exception>
    public async Task<OpenItemsStatement> GetOpenItemsStatementAsync(Actor actor, CustomerId customer, LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var scheme = await InterestSchemeRegistry.ForAsync(_schemes, account.Customer, cancellationToken).ConfigureAwait(false);
        return AccountStatements.OpenItems(account, asOf ?? _accounts.Today, scheme, _core.ReceivablesContact);
    }

    /// <summary>The full statement of the fiscal year that contains the statement date, up to that date.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The statement date; today when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer does not exist.</exception>
    public async Task<AccountStatement> GetAccountStatementAsync(Actor actor, CustomerId customer, LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        return AccountStatements.Full(account, asOf ?? _accounts.Today, _options.FiscalYearStart, _core.ReceivablesContact);
    }
}
