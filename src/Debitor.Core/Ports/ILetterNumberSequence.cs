using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// Hands out dunning letter numbers (issue 17): sequential and gap-free per company and year, one number per letter id.
/// </summary>
/// <remarks>
/// <para>The dunning run asks for a letter's number only after the letter's entries are stored, so every number belongs to
/// an issued letter (no holes); and it asks with the letter's id, so a retry after any fault gets the number the first
/// attempt got (no second number). Implementations must allocate atomically: parallel runs of one company never get the
/// same number, and the numbers of a year are 1, 2, 3, … without gaps.</para>
/// <para><see cref="InMemoryLetterNumberSequence"/> keeps them in memory; <c>SqliteLetterNumberSequence</c> and
/// <c>PostgreSqlLetterNumberSequence</c> keep them in the database, in one transaction per allocation.</para>
/// </remarks>
public interface ILetterNumberSequence
{
    /// <summary>The number of a letter: the one it got before, else the next one of the company's year.</summary>
    /// <param name="company">The company.</param>
    /// <param name="year">The year of the letter date.</param>
    /// <param name="letterId">The letter's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The letter's number.</returns>
    ValueTask<LetterNumber> NumberAsync(CompanyId company, int year, string letterId, CancellationToken cancellationToken);

    /// <summary>
    /// Numbers many letters of one company and year at once, in the order given, with the same guarantees as
    /// <see cref="NumberAsync"/> (a letter numbered before gets its number again; no gaps). A database sequence does it in
    /// one transaction; the default implementation numbers letter by letter.
    /// </summary>
    /// <param name="company">The company.</param>
    /// <param name="year">The year of the letters' date.</param>
    /// <param name="letterIds">The letters' ids, each at most once.</param>
    /// <param name="cancellationToken">Cancels the call before anything is numbered.</param>
    /// <returns>The numbers, in the order of <paramref name="letterIds"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="letterIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The company is <c>default</c>, a letter id is empty or appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is not between 1 and 9999.</exception>
    async ValueTask<IReadOnlyList<LetterNumber>> NumberManyAsync(CompanyId company, int year, IReadOnlyList<string> letterIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letterIds);
        if (letterIds.Any(string.IsNullOrWhiteSpace) || letterIds.Distinct(StringComparer.Ordinal).Count() != letterIds.Count)
        {
            throw new ArgumentException("Every letter id must be non-empty and appear once.", nameof(letterIds));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var numbers = new List<LetterNumber>(letterIds.Count);
        foreach (var letterId in letterIds)
        {
            numbers.Add(await NumberAsync(company, year, letterId, CancellationToken.None).ConfigureAwait(false));
        }

        return numbers;
    }
}

/// <summary>An in-memory <see cref="ILetterNumberSequence"/>: for tests, samples and single-process hosts.</summary>
/// <remarks>Thread-safe: allocations are serialized by a lock.</remarks>
public sealed class InMemoryLetterNumberSequence : ILetterNumberSequence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(CompanyId Company, int Year), int> _last = [];
    private readonly Dictionary<(CompanyId Company, string Letter), LetterNumber> _numbers = [];

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c> or <paramref name="letterId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public ValueTask<LetterNumber> NumberAsync(CompanyId company, int year, string letterId, CancellationToken cancellationToken)
    {
        Guard.Against.Default(company);
        Guard.Against.NullOrWhiteSpace(letterId);
        Guard.Against.OutOfRange(year, nameof(year), 1, 9999);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_numbers.TryGetValue((company, letterId), out var number))
            {
                var next = _last.GetValueOrDefault((company, year)) + 1;
                _last[(company, year)] = next;
                number = new LetterNumber(year, next);
                _numbers.Add((company, letterId), number);
            }

            return ValueTask.FromResult(number);
        }
    }
}
