using System.Globalization;

namespace Debitor.Core.Dunning;

/// <summary>
/// An on-demand letter that raises no level (R0.3, issue 17): a copy of where a customer's open overdue items stand — an
/// account reminder (German <em>Kontoauszug mit Zahlungserinnerung</em>). Every open overdue item that a run would list is
/// on it at its current level; nothing is recorded, no notice, fee or level changes.
/// </summary>
/// <param name="Customer">The customer.</param>
/// <param name="AsOf">The date.</param>
/// <param name="Lines">The open overdue items a run would list, at their current levels (<see cref="DunningLine.PreviousLevel"/>), oldest first.</param>
/// <param name="Excluded">Open overdue items kept off every letter (blocked, paused, agreement, hand-over, time-barred, insolvency, …), with the reason.</param>
/// <param name="OverdueTotals">The open overdue amount of <paramref name="Lines"/> per currency.</param>
public sealed record AccountReminder(CustomerId Customer, LocalDate AsOf, IReadOnlyList<DunningLine> Lines, IReadOnlyList<DunningLine> Excluded, IReadOnlyList<Money> OverdueTotals)
{
    /// <summary>The highest current level among the lines; 0 when none was reminded yet.</summary>
    public int Level => Lines.Count == 0 ? 0 : Lines.Max(l => l.PreviousLevel);

    /// <summary>
    /// The heading's text key: <c>dunning.copy.level.{n}</c> ("Kopie — n. Mahnung") for items reminded before, else
    /// <c>dunning.accountReminder</c> ("Zahlungserinnerung / Kontoauszug").
    /// </summary>
    public string HeadingTextKey => Level == 0 ? "dunning.accountReminder" : string.Create(CultureInfo.InvariantCulture, $"dunning.copy.level.{Level}");

    /// <summary>Builds the reminder from the explained lines of a customer on a date (<c>DunningEngine.Explain</c>).</summary>
    internal static AccountReminder From(CustomerId customer, LocalDate asOf, IReadOnlyList<DunningLine> explained)
    {
        var overdue = explained.Where(l => l.Status != DunningLineStatus.NotYetDue && l.DueDate < asOf).ToList();
        var listed = overdue.Where(l => l.Exclusion is null or DunningExclusion.NoNoticeDue or DunningExclusion.AllNoticesIssued
            or DunningExclusion.LevelNotSelected or DunningExclusion.NotInProposal or DunningExclusion.ChargeWithoutNotice
            or DunningExclusion.NetOverdueNotPositive or DunningExclusion.BelowLetterMinimum).ToList();
        var excluded = overdue.Except(listed).ToList();
        var totals = listed.GroupBy(l => l.Currency).OrderBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new Money(g.Sum(l => l.OpenAmount.Amount), g.Key)).ToList();
        return new AccountReminder(customer, asOf, listed, excluded, totals);
    }
}
