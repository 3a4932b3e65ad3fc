using System.Collections.ObjectModel;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Interest;

/// <summary>
/// A history of a reference interest rate (such as the German Basiszinssatz): each entry gives the rate in
/// percent from its own first day until the day before the next entry.
/// </summary>
/// <remarks>
/// <para>The last entry applies to every later day; the table does not know when its source will publish the
/// next rate. Keep it current by building a new table with <see cref="With"/> (or from your own list) when a
/// new rate is published. A date before the first entry has no rate.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class BaseRateTable
{
    private readonly LocalDate[] _validFrom;
    private readonly int[] _dayNumbers;
    private readonly decimal[] _rates;

    /// <summary>Creates a table from (valid-from date, rate in percent) entries, in any order.</summary>
    /// <param name="entries">At least one entry; no two with the same date. Rates may be negative.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="entries"/> is empty, holds two entries for the same
    /// date, or holds a date outside the ISO calendar.</exception>
    public BaseRateTable(IEnumerable<(LocalDate ValidFrom, decimal RatePercent)> entries)
    {
        Guard.Against.Null(entries);
        var sorted = entries.ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A base rate table needs at least one entry.", nameof(entries));
        }

        Array.Sort(sorted, static (a, b) => a.ValidFrom.CompareTo(b.ValidFrom));
        _validFrom = new LocalDate[sorted.Length];
        _dayNumbers = new int[sorted.Length];
        _rates = new decimal[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var (validFrom, rate) = sorted[i];
            if (i > 0 && validFrom == _validFrom[i - 1])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Two entries are valid from {validFrom:uuuu-MM-dd}; each date may appear once."),
                    nameof(entries));
            }

            _validFrom[i] = validFrom;
            _dayNumbers[i] = DayCounter.Number(validFrom, nameof(entries));
            _rates[i] = rate;
        }

        Entries = new ReadOnlyCollection<(LocalDate ValidFrom, decimal RatePercent)>(sorted);
    }

    /// <summary>
    /// The German base rate (Basiszinssatz, §247 BGB) as published by the Deutsche Bundesbank for every half-year
    /// from 1 January 2002, including the negative rates from 2013 to 2022.
    /// </summary>
    /// <remarks>Complete through 30 June 2026; later rates must be added by the host, see <see cref="With"/>.</remarks>
    public static BaseRateTable Germany { get; } = new(GermanBaseRates.Entries);

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<(LocalDate ValidFrom, decimal RatePercent)> Entries { get; }

    /// <summary>The rate in percent that applies on a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The rate of the latest entry valid from <paramref name="date"/> or earlier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the first entry.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public decimal RateOn(LocalDate date)
    {
        var index = IndexOf(DayCounter.Number(date, nameof(date)));
        if (index < 0)
        {
            throw BeforeFirstEntry(date, nameof(date));
        }

        return _rates[index];
    }

    /// <summary>Returns a table with one more entry, or with the rate of an existing date replaced.</summary>
    /// <param name="validFrom">The first day of the rate.</param>
    /// <param name="ratePercent">The rate in percent; may be negative.</param>
    /// <returns>A new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="validFrom"/> is not in the ISO calendar.</exception>
    public BaseRateTable With(LocalDate validFrom, decimal ratePercent)
    {
        var entries = new List<(LocalDate ValidFrom, decimal RatePercent)>(Entries.Count + 1);
        foreach (var entry in Entries)
        {
            if (entry.ValidFrom != validFrom)
            {
                entries.Add(entry);
            }
        }

        entries.Add((validFrom, ratePercent));
        return new BaseRateTable(entries);
    }

    /// <summary>The valid-from dates as day numbers, oldest first. Not to be modified.</summary>
    internal ReadOnlySpan<int> DayNumbers => _dayNumbers;

    /// <summary>The valid-from dates, oldest first. Not to be modified.</summary>
    internal ReadOnlySpan<LocalDate> ValidFromDates => _validFrom;

    /// <summary>The rates in percent, in the order of <see cref="DayNumbers"/>. Not to be modified.</summary>
    internal ReadOnlySpan<decimal> Rates => _rates;

    /// <summary>The index of the entry that applies on a day number, or -1 before the first entry.</summary>
    internal int IndexOf(int dayNumber) => IndexOf(_dayNumbers, dayNumber);

    /// <summary>The index of the last element not greater than <paramref name="value"/> in a sorted array, or -1.</summary>
    internal static int IndexOf(int[] sortedStarts, int value)
    {
        var index = Array.BinarySearch(sortedStarts, value);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The exception for a date before the first entry of a rate history.</summary>
    internal static ArgumentOutOfRangeException BeforeFirstEntry(LocalDate date, string paramName) =>
        new(paramName, date, "The date lies before the first entry of the base rate table; no rate is known for it.");
}
