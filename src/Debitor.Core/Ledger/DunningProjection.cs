using System.Globalization;

namespace Debitor.Core.Ledger;

/// <summary>
/// The dunning history of one account while its journal is replayed: its active letters, in the order they were issued.
/// Sets <see cref="OpenInstallment.Dunning"/> after every notice and cancellation. Created only for accounts that have
/// dunning entries.
/// </summary>
/// <remarks>
/// An installment's state is that of the notices of its active letters, in issue order (<see cref="StateOf"/>). A notice
/// adds one to the state the installment holds (D13.142): nothing is kept per installment, so a replay allocates no list
/// per dunned installment and hashes no installment per notice. A cancellation, rare, takes the cancelled letter out and
/// computes the states of its installments again from the letters still active.
/// </remarks>
internal sealed class DunningHistory
{
    /// <summary>Up to this many active letters a letter is found by a scan of <see cref="_issued"/>; beyond it, by <see cref="_byLetter"/> (D13.170).</summary>
    private const int ScannedLetters = 64;

    private readonly List<DunningNoticeIssued> _issued;
    private Dictionary<string, DunningNoticeIssued>? _byLetter;

    /// <summary>A history for a journal with <paramref name="letters"/> notice entries.</summary>
    public DunningHistory(int letters) => _issued = new(Math.Max(letters, 0));

    /// <summary>Records the notices of a letter.</summary>
    /// <param name="issued">The notice entry.</param>
    /// <param name="installment">The installment an entry names (the entry's id for the error), the projection's own lookup.</param>
    /// <exception cref="CorruptJournalException">The letter was issued to the account before, or an installment is unknown.</exception>
    public void Issue(DunningNoticeIssued issued, Func<EntryId, InstallmentRef, OpenInstallment> installment)
    {
        if (Active(issued.LetterId) is not null)
        {
            throw new CorruptJournalException(issued.Id, $"letter '{issued.LetterId}' was issued to this account before.");
        }

        _issued.Add(issued);
        if (_byLetter is not null)
        {
            _byLetter.Add(issued.LetterId, issued);
        }
        else if (_issued.Count > ScannedLetters)
        {
            _byLetter = new(_issued.Count * 2, StringComparer.Ordinal);
            foreach (var letter in _issued)
            {
                _byLetter.Add(letter.LetterId, letter);
            }
        }

        // Indexed, not foreach: the entry's list is an interface, whose enumerator would be an object per notice entry.
        var notices = issued.Notices;
        for (var i = 0; i < notices.Count; i++)
        {
            var notice = notices[i];
            var target = installment(issued.Id, notice.Installment);
            target.Dunning = Next(target.Dunning, notice.Level, issued.LetterDate);
        }
    }

    /// <summary>Takes back the notices of a cancelled letter; each installment returns to its state before the letter.</summary>
    /// <param name="cancelled">The cancellation.</param>
    /// <param name="installment">The installment an entry names (the entry's id for the error), the projection's own lookup.</param>
    /// <exception cref="CorruptJournalException">The letter is not an active letter of the account.</exception>
    public void Cancel(DunningLetterCancelled cancelled, Func<EntryId, InstallmentRef, OpenInstallment> installment)
    {
        var issued = Active(cancelled.LetterId)
            ?? throw new CorruptJournalException(cancelled.Id, $"letter '{cancelled.LetterId}' is not an active letter of this account.");
        _byLetter?.Remove(cancelled.LetterId);
        _issued.RemoveAt(_issued.FindLastIndex(l => ReferenceEquals(l, issued)));
        foreach (var notice in issued.Notices)
        {
            installment(cancelled.Id, notice.Installment).Dunning = StateOf(notice.Installment);
        }
    }

    /// <summary>The active letter with the id, or <see langword="null"/>: letter ids are unique among the active letters.</summary>
    private DunningNoticeIssued? Active(string letterId)
    {
        if (_byLetter is not null)
        {
            return _byLetter.GetValueOrDefault(letterId);
        }

        foreach (var letter in _issued)
        {
            if (string.Equals(letter.LetterId, letterId, StringComparison.Ordinal))
            {
                return letter;
            }
        }

        return null;
    }

    /// <summary>The state after one more notice, at <paramref name="level"/> on <paramref name="date"/>.</summary>
    private static DunningState Next(DunningState state, int level, LocalDate date) =>
        // The first notice puts the debtor in default (§286(1) BGB): interest schemes starting "after default" count from it.
        new(level, state.NoticeCount + 1, date, date) { DefaultDate = state.NoticeCount == 0 ? date : state.DefaultDate };

    /// <summary>The state of an installment: the notices naming it of the active letters, in issue order.</summary>
    private DunningState StateOf(InstallmentRef installment)
    {
        var state = DunningState.None;
        foreach (var letter in _issued)
        {
            foreach (var notice in letter.Notices)
            {
                if (notice.Installment == installment)
                {
                    state = Next(state, notice.Level, letter.LetterDate);
                }
            }
        }

        return state;
    }
}

/// <summary>The checks for dunning entries before they are appended (called from <see cref="LedgerRules"/>).</summary>
internal static class DunningEntryRules
{
    /// <exception cref="ArgumentException">The notice does not fit the account.</exception>
    /// <exception cref="CustomerArchivedException">The customer is archived.</exception>
    internal static void Check(CustomerAccount account, DunningNoticeIssued issued, string parameterName)
    {
        if (account.IsArchived)
        {
            throw new CustomerArchivedException(account.Id);
        }

        RequireText(issued.LetterId, "a letter id", parameterName);
        if (issued.Notices is null || issued.Notices.Count == 0)
        {
            throw Refuse("a dunning notice names at least one installment.", parameterName);
        }

        if (ActiveLetter(account, issued.LetterId) is not null)
        {
            throw Refuse($"letter '{issued.LetterId}' was already issued to this account.", parameterName);
        }

        var seen = new HashSet<InstallmentRef>();
        foreach (var notice in issued.Notices)
        {
            var name = Describe(notice.Installment);
            if (!seen.Add(notice.Installment))
            {
                throw Refuse($"{name} is named twice.", parameterName);
            }

            var installment = account.FindInstallment(notice.Installment) ?? throw Refuse($"{name} does not exist.", parameterName);
            if (installment.Item.Kind != ItemKind.Invoice)
            {
                throw Refuse($"{name} belongs to a {installment.Item.Kind}; only invoice installments are dunned.", parameterName);
            }

            if (!installment.IsOpen)
            {
                throw Refuse($"{name} is not open.", parameterName);
            }

            var state = installment.Dunning;
            if (notice.Level < 1 || (notice.Level != state.Level + 1 && (notice.Level != state.Level || state.Level == 0)))
            {
                throw Refuse($"{name} is at level {state.Level.ToString(CultureInfo.InvariantCulture)}; a notice raises it by one level or repeats its level, not level {notice.Level.ToString(CultureInfo.InvariantCulture)}.", parameterName);
            }

            if (state.LastNoticeDate is { } last && issued.LetterDate <= last)
            {
                throw Refuse($"{name} was last dunned on {Iso(last)}; a new notice must be dated later, not {Iso(issued.LetterDate)}.", parameterName);
            }
        }
    }

    /// <exception cref="ArgumentException">The cancellation does not fit the account.</exception>
    internal static void Check(CustomerAccount account, DunningLetterCancelled cancelled, string parameterName)
    {
        RequireText(cancelled.LetterId, "a letter id", parameterName);
        RequireText(cancelled.Reason, "a reason", parameterName);
        var issued = ActiveLetter(account, cancelled.LetterId)
            ?? throw Refuse($"letter '{cancelled.LetterId}' is not an active letter of account '{account.Id}'.", parameterName);
        var latest = LatestLetters(account);
        foreach (var notice in issued.Notices)
        {
            if (latest.TryGetValue(notice.Installment, out var letter) && !string.Equals(letter, issued.LetterId, StringComparison.Ordinal))
            {
                throw Refuse($"{Describe(notice.Installment)} was dunned again by letter '{letter}'; cancel that letter first.", parameterName);
            }
        }
    }

    /// <summary>The notice entry of a letter in the account, unless the letter was cancelled.</summary>
    internal static DunningNoticeIssued? ActiveLetter(CustomerAccount account, string letterId)
    {
        DunningNoticeIssued? found = null;
        foreach (var record in account.Journal)
        {
            switch (record.Entry)
            {
                case DunningNoticeIssued issued when string.Equals(issued.LetterId, letterId, StringComparison.Ordinal):
                    found = issued;
                    break;
                case DunningLetterCancelled cancelled when string.Equals(cancelled.LetterId, letterId, StringComparison.Ordinal):
                    found = null;
                    break;
            }
        }

        return found;
    }

    /// <summary>The letter of each installment's latest active notice.</summary>
    internal static Dictionary<InstallmentRef, string> LatestLetters(CustomerAccount account)
    {
        var stacks = new Dictionary<InstallmentRef, List<string>>();
        var letters = new Dictionary<string, DunningNoticeIssued>(StringComparer.Ordinal);
        foreach (var record in account.Journal)
        {
            switch (record.Entry)
            {
                case DunningNoticeIssued issued:
                    letters[issued.LetterId] = issued;
                    foreach (var notice in issued.Notices)
                    {
                        if (!stacks.TryGetValue(notice.Installment, out var stack))
                        {
                            stack = [];
                            stacks.Add(notice.Installment, stack);
                        }

                        stack.Add(issued.LetterId);
                    }

                    break;
                case DunningLetterCancelled cancelled when letters.Remove(cancelled.LetterId, out var undone):
                    foreach (var notice in undone.Notices)
                    {
                        var stack = stacks[notice.Installment];
                        stack.RemoveAt(stack.FindLastIndex(l => string.Equals(l, cancelled.LetterId, StringComparison.Ordinal)));
                    }

                    break;
            }
        }

        var latest = new Dictionary<InstallmentRef, string>();
        foreach (var (installment, stack) in stacks)
        {
            if (stack.Count > 0)
            {
                latest.Add(installment, stack[^1]);
            }
        }

        return latest;
    }

    private static string Describe(InstallmentRef installment) =>
        $"installment {installment.Number.ToString(CultureInfo.InvariantCulture)} of item '{installment.Item}'";

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void RequireText(string? text, string what, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Refuse($"it needs {what}.", parameterName);
        }
    }

    private static ArgumentException Refuse(string reason, string parameterName) => new($"The entry is refused: {reason}", parameterName);
}
