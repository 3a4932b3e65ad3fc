
namespace Debitor.Core.Interest;

/// <summary>
/// The annual rate of a scheme as maximal runs of days with the same rate, ready for binary search:
/// the rate of segment <c>i</c> applies from <c>Starts[i]</c> through <c>Starts[i + 1] - 1</c>.
/// </summary>
/// <remarks>
/// Built once per scheme. Rates are the base rate plus the spread, clamped at zero; consecutive entries with
/// the same resulting rate are merged, so a calculation splits a range only where the rate really changes.
/// The arrays are never modified after construction.
/// </remarks>
internal sealed class RateSegments
{
    private RateSegments(int[] starts, LocalDate[] startDates, LocalDate[] lastDates, decimal[] rates)
    {
        Starts = starts;
        StartDates = startDates;
        LastDates = lastDates;
        Rates = rates;
    }

    /// <summary>The first day of each segment as a day number; the first segment of a fixed rate starts at <see cref="int.MinValue"/>.</summary>
    internal int[] Starts { get; }

    /// <summary>The first day of each segment.</summary>
    internal LocalDate[] StartDates { get; }

    /// <summary>The last day of each segment (the day before the next one starts); the last segment is open.</summary>
    internal LocalDate[] LastDates { get; }

    /// <summary>The annual rate in percent of each segment, never negative.</summary>
    internal decimal[] Rates { get; }

    /// <summary>One open segment with a fixed rate.</summary>
    internal static RateSegments Fixed(decimal ratePercent) =>
        new([int.MinValue], [LocalDate.MinIsoValue], [LocalDate.MaxIsoValue], [ratePercent]);

    /// <summary>The segments of a base rate table plus a spread, clamped at zero and merged.</summary>
    internal static RateSegments Linked(BaseRateTable table, decimal spreadPercentagePoints)
    {
        var days = table.DayNumbers;
        var dates = table.ValidFromDates;
        var baseRates = table.Rates;
        var starts = new List<int>(days.Length);
        var startDates = new List<LocalDate>(days.Length);
        var rates = new List<decimal>(days.Length);
        for (var i = 0; i < days.Length; i++)
        {
            var rate = ClampAtZero(baseRates[i] + spreadPercentagePoints);
            if (rates.Count > 0 && rates[^1] == rate)
            {
                continue;
            }

            starts.Add(days[i]);
            startDates.Add(dates[i]);
            rates.Add(rate);
        }

        var lastDates = new LocalDate[startDates.Count];
        for (var i = 0; i < lastDates.Length - 1; i++)
        {
            lastDates[i] = startDates[i + 1].PlusDays(-1);
        }

        lastDates[^1] = LocalDate.MaxIsoValue;
        return new RateSegments([.. starts], [.. startDates], lastDates, [.. rates]);
    }

    /// <summary>Default interest is never negative: a negative rate is charged as zero.</summary>
    internal static decimal ClampAtZero(decimal ratePercent) => ratePercent < 0m ? 0m : ratePercent;

    /// <summary>The index of the segment holding a day number, or -1 before the first segment.</summary>
    internal int IndexOf(int dayNumber) => BaseRateTable.IndexOf(Starts, dayNumber);
}
