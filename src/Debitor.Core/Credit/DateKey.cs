using System.Runtime.CompilerServices;

namespace Debitor.Core.Credit;

/// <summary>
/// A date as an integer that orders like the date (ISO calendar): year, month and day packed into bits. Comparing two
/// keys is one integer comparison, where comparing two <see cref="LocalDate"/> values also checks their calendars; the
/// hot loops over a million items compare keys.
/// </summary>
internal static class DateKey
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;
}
