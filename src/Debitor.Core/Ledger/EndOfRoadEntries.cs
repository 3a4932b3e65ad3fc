using System.Globalization;

namespace Debitor.Core.Ledger;

/// <summary>
/// The number of an issued dunning letter (issue 17): sequential and gap-free per company and year of the letter date;
/// a cancelled letter keeps its number.
/// </summary>
/// <param name="Year">The year of the letter date.</param>
/// <param name="Sequence">The letter's place in that year's sequence of the company, from 1.</param>
public readonly record struct LetterNumber(int Year, int Sequence)
{
    /// <summary>The number as printed: year, a dash and the sequence with at least six digits (2026-000042).</summary>
    /// <returns>The printed number.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Sequence:D6}");
}

/// <summary>An issued dunning letter got its number (issue 17). Written to the letter's recipient once the letter's entries are stored.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="LetterId">The letter.</param>
/// <param name="Number">Its number.</param>
public sealed record DunningLetterNumbered(EntryId Id, string LetterId, LetterNumber Number) : JournalEntry(Id);

/// <summary>
/// Insolvency proceedings were opened over the customer's assets (German <em>Eröffnung des Insolvenzverfahrens</em>,
/// issue 17). From the opening day no letter, fee or interest invoice is produced for claims founded before it
/// (<see cref="LegalStatus.Insolvency"/>); they are filed with the administrator (§174 InsO).
/// </summary>
/// <param name="Id">The entry's key.</param>
/// <param name="OpenedOn">The day the proceedings opened (Eröffnungsbeschluss).</param>
/// <param name="Court">The insolvency court (Insolvenzgericht).</param>
/// <param name="FileNumber">The court's file number (Aktenzeichen).</param>
/// <param name="Administrator">The insolvency administrator (Insolvenzverwalter): name and address as the order names them.</param>
public sealed record InsolvencyOpened(EntryId Id, LocalDate OpenedOn, string Court, string FileNumber, string Administrator) : JournalEntry(Id);
