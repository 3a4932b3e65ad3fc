using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// A store that keeps a letter number sequence in its own database and can claim a batch's letter numbers in the
/// transaction that appends the batch (D16.280): a letter's notices and its number are then stored together, as one
/// write, instead of the numbers being drawn and recorded in two more writes after the notices. Internal: a processing
/// uses it when the store and its sequence share the database, and falls back to the sequence otherwise.
/// </summary>
internal interface ILetterNumberingStore
{
    /// <summary>Whether <paramref name="numbers"/> keeps its numbers in this store's database.</summary>
    bool SharesSequence(ILetterNumberSequence numbers);

    /// <summary>The last number drawn in the company's year (0 before the first).</summary>
    /// <param name="company">The company.</param>
    /// <param name="year">The letters' year.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The last number.</returns>
    ValueTask<int> LastNumberAsync(CompanyId company, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the batch and claims the claim's numbers in one transaction, or changes nothing: when any account's version
    /// moved on, the year's last number is no longer <see cref="LetterNumberClaim.Last"/>, or a letter of the claim has a
    /// number already.
    /// </summary>
    /// <param name="appends">The batch; the records carrying the letters' numbers are among them.</param>
    /// <param name="claim">The letters numbered, in order, from <see cref="LetterNumberClaim.Last"/> + 1 on.</param>
    /// <param name="cancellationToken">Cancels the call before the transaction begins.</param>
    /// <returns>Whether the batch was appended and the numbers claimed.</returns>
    ValueTask<bool> TryAppendManyNumberedAsync(IReadOnlyList<JournalAppend> appends, LetterNumberClaim claim, CancellationToken cancellationToken);
}

/// <summary>
/// The numbers of a batch's letters, claimed optimistically: the letters get the numbers after <paramref name="Last"/>, in
/// the order listed, if the company's year still ends at <paramref name="Last"/> when the batch is written (D16.280).
/// </summary>
/// <param name="Company">The company.</param>
/// <param name="Year">The letters' year.</param>
/// <param name="Last">The year's last number when the letters were numbered.</param>
/// <param name="LetterIds">The letters, in number order.</param>
internal sealed record LetterNumberClaim(CompanyId Company, int Year, int Last, IReadOnlyList<string> LetterIds)
{
    /// <summary>The number of the letter at <paramref name="index"/>.</summary>
    public LetterNumber NumberOf(int index) => new(Year, checked(Last + 1 + index));
}
