
namespace Debitor.Core.Interest;

/// <summary>One stretch of an interest calculation over which the annual rate (and, for act/act, the year) stays the same.</summary>
/// <param name="FirstDay">The first interest day of the period (included).</param>
/// <param name="LastDay">The last interest day of the period (included).</param>
/// <param name="Days">The interest days under the scheme's day count: calendar days, or 30/360 days for
/// <see cref="DayCountConvention.Thirty360"/> (which may be 0 for a period that is only a 31st).</param>
/// <param name="AnnualRatePercent">The annual rate in percent applied, never negative.</param>
/// <param name="Amount">The interest of the period, rounded commercially to the currency's minor units.</param>
public sealed record InterestPeriod(LocalDate FirstDay, LocalDate LastDay, int Days, decimal AnnualRatePercent, Money Amount);
