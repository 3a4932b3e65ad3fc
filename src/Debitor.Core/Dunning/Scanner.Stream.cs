using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>What a run over streamed accounts (<see cref="StreamedRun"/>) asks of the scanner: the same scan, one account at a time.</summary>
internal sealed partial class Scanner
{
    /// <summary>
    /// Scans one account outside every payer group and reports at once the items it leaves off its letters (those of a
    /// suppressed letter, and those in a currency no letter covers), so the account need not be kept for the excluded list.
    /// </summary>
    /// <param name="account">The account: in scope, neither routing its letters to a payer nor a payer of the run.</param>
    /// <param name="lines">Where the items it leaves off its letters go (the exclusions its first pass records go where every scan puts them).</param>
    /// <param name="covered">A set the call may clear and use.</param>
    internal void ScanAlone(CustomerAccount account, List<DunningLine> lines, HashSet<(CustomerId Customer, Currency Currency)> covered)
    {
        var letters = _letters.Count;
        var unlisted = _unlisted.Count;
        Scan(account);
        covered.Clear();
        ReportExcluded(_letters, letters, _unlisted, unlisted, lines, covered);
        ReportUncovered(account, lines, covered);
        _unlisted.RemoveRange(unlisted, _unlisted.Count - unlisted);
    }

    /// <summary>
    /// Takes back everything the scan of these accounts recorded as accounts outside every payer group: their letters,
    /// exclusions and courtesy reminders (before <see cref="FinishGroups"/>, every letter is of one account, its recipient).
    /// </summary>
    internal void Retract(HashSet<CustomerId> accounts)
    {
        _letters.RemoveAll(l => accounts.Contains(l.RecipientId));
        _excluded.RemoveAll(l => accounts.Contains(l.Customer));
        _courtesy.RemoveAll(l => accounts.Contains(l.Customer));
    }
}
