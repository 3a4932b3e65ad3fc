namespace Debitor.Core.Interest;

/// <summary>How the interest days of a period are counted and what a year is divided into.</summary>
/// <remarks>
/// Interest for a period is <c>principal × rate / 100 × days / basis</c>. The first and the last day of a
/// period are both interest days. See <c>docs/interest.md</c> for worked examples.
/// </remarks>
public enum DayCountConvention
{
    /// <summary>Actual calendar days over a fixed year of 365 days, also in leap years (act/365 fixed).</summary>
    Actual365Fixed,

    /// <summary>
    /// Actual calendar days, where the days falling in each calendar year are divided by that year's length
    /// (365 or 366); a period crossing a year end is split at the year end (act/act).
    /// </summary>
    ActualActual,

    /// <summary>Actual calendar days over a year of 360 days (act/360, "Eurozinsmethode").</summary>
    Actual360,

    /// <summary>
    /// The German commercial method (30/360, "deutsche kaufmännische Zinsmethode"): every month has 30 days
    /// and the year 360. The 31st of a month counts as the 30th and so adds no interest day; the last day of
    /// February counts as the 30th, so February counts 30 days when the period runs to or through its end.
    /// </summary>
    /// <remarks>
    /// Counted over a period, each calendar day weighs 1 except the 31st (0) and the last day of February
    /// (3 in a common year, 2 in a leap year): 1 January to 30 July is 210 days, 1 to 28 February 2025 is
    /// 30 days, 31 March alone is 0 days. The count of a range is therefore the sum of the counts of any
    /// split of it.
    /// </remarks>
    Thirty360,
}
