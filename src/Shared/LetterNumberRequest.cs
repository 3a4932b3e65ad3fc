namespace Debitor.Core.Storage;

/// <summary>The checks of <c>ILetterNumberSequence.NumberManyAsync</c>, made before anything is numbered (compiled into each database sequence).</summary>
internal static class LetterNumberRequest
{
    public static void Check(CompanyId company, int year, IReadOnlyList<string> letterIds)
    {
        ArgumentNullException.ThrowIfNull(letterIds);
        if (company == default)
        {
            throw new ArgumentException("The company is required.", nameof(company));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var letterId in letterIds)
        {
            if (string.IsNullOrWhiteSpace(letterId) || !seen.Add(letterId))
            {
                throw new ArgumentException($"Every letter id must be non-empty and appear once ('{letterId}').", nameof(letterIds));
            }
        }
    }
}
