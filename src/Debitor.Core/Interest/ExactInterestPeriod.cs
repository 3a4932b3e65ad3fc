
namespace Debitor.Core.Interest;

/// <summary>A period of an interest calculation with its exact, unrounded amount.</summary>
/// <param name="FirstDay">The first interest day (included).</param>
/// <param name="LastDay">The last interest day (included).</param>
/// <param name="Days">The interest days under the day count.</param>
/// <param name="AnnualRatePercent">The annual rate in percent applied, never negative.</param>
/// <param name="Amount">The exact interest of the period.</param>
internal readonly record struct ExactInterestPeriod(LocalDate FirstDay, LocalDate LastDay, int Days, decimal AnnualRatePercent, ExactInterest Amount);
