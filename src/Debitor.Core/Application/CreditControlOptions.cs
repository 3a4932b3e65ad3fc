using Ardalis.GuardClauses;
using Debitor.Core.Credit;
using Debitor.Core.Figures;
using Debitor.Core.Statements;

namespace Debitor.Core.Application;

/// <summary>Settings of the credit-control use cases (<see cref="CreditControlService"/>).</summary>
/// <remarks>
/// <c>AddDebitorCore</c> registers a default instance unless the host registered its own first
/// (<c>services.AddSingleton(new CreditControlOptions { Rules = … })</c>). Set once at start-up; read-only afterwards by convention.
/// </remarks>
public sealed class CreditControlOptions
{
    private CreditControlSettings _rules = CreditControlSettings.Default;

    /// <summary>Internal due dates, delivery stop, release periods per payment method, warning-only reasons. Default <see cref="CreditControlSettings.Default"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public CreditControlSettings Rules
    {
        get => _rules;
        set => _rules = Guard.Against.Null(value, nameof(Rules));
    }
}

/// <summary>Settings of the statement and figures use cases (<see cref="StatementService"/>, <see cref="ReceivablesFiguresService"/>).</summary>
/// <remarks>
/// <c>AddDebitorCore</c> registers a default instance unless the host registered its own first. Set once at start-up;
/// read-only afterwards by convention.
/// </remarks>
public sealed class ReportingOptions
{
    private FiscalYearStart _fiscalYearStart = FiscalYearStart.January1;
    private AgingSchedule _aging = AgingSchedule.Standard;
    private Currency _currency = Currency.EUR;

    /// <summary>When the fiscal year starts; default 1 January.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public FiscalYearStart FiscalYearStart
    {
        get => _fiscalYearStart;
        set => _fiscalYearStart = Guard.Against.Null(value, nameof(FiscalYearStart));
    }

    /// <summary>The aging buckets; default <see cref="AgingSchedule.Standard"/> (not due, 1–30, 31–60, 61–90, over 90 days).</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public AgingSchedule Aging
    {
        get => _aging;
        set => _aging = Guard.Against.Null(value, nameof(Aging));
    }

    /// <summary>The currency of the monthly series for customers without a credit limit (with one, the limit's currency); default EUR.</summary>
    /// <exception cref="ArgumentException">Set to <c>default(Currency)</c>.</exception>
    public Currency ReportingCurrency
    {
        get => _currency;
        set
        {
            _currency = value.Code.Length > 0 ? value : throw new ArgumentException("A currency is required; default(Currency) is no currency.", nameof(ReportingCurrency));
        }
    }
}
