namespace Debitor.Core.Ledger;

/// <summary>One installment dunned by a letter, and the level it reached.</summary>
/// <param name="Installment">The installment.</param>
/// <param name="Level">The level of the notice: the installment's previous level plus one, or its last level again when that level repeats.</param>
public readonly record struct DunningNotice(InstallmentRef Installment, int Level);

/// <summary>
/// A dunning letter was issued for installments of this account: each listed installment got a notice at its level
/// (R4.2–R4.4). The installments' <see cref="OpenInstallment.Dunning"/> state follows from these entries.
/// </summary>
/// <remarks>
/// <para>Written by the dunning run when it processes a proposal; one entry per letter and account (a payer's letter
/// covers several accounts, R3.7). The letter date is the date the days to the next level count from.</para>
/// <para>Undone by <see cref="DunningLetterCancelled"/>, never by <see cref="EntryReversed"/>.</para>
/// </remarks>
/// <param name="Id">The entry's key.</param>
/// <param name="LetterId">The letter's key (see <c>Debitor.Core.Dunning.DunningLetter.Id</c>).</param>
/// <param name="LetterDate">The letter date.</param>
/// <param name="Notices">The installments dunned and their new levels; at least one, each installment once.</param>
public sealed record DunningNoticeIssued(EntryId Id, string LetterId, LocalDate LetterDate, IReadOnlyList<DunningNotice> Notices) : JournalEntry(Id)
{
    private readonly IReadOnlyList<DunningNotice> _notices = ValueList<DunningNotice>.From(Notices);

    /// <summary>The installments dunned and their new levels, compared by content.</summary>
    public IReadOnlyList<DunningNotice> Notices
    {
        get => _notices;
        init => _notices = ValueList<DunningNotice>.From(value);
    }
}

/// <summary>
/// An issued dunning letter was cancelled: the notices it gave this account's installments no longer count, and each
/// installment is back at the level it had before the letter.
/// </summary>
/// <remarks>Only the latest notice of an installment can be cancelled: cancel later letters first.</remarks>
/// <param name="Id">The entry's key.</param>
/// <param name="LetterId">The letter cancelled.</param>
/// <param name="Date">The cancellation date.</param>
/// <param name="Reason">Why.</param>
public sealed record DunningLetterCancelled(EntryId Id, string LetterId, LocalDate Date, string Reason) : JournalEntry(Id);
