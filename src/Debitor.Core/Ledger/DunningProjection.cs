using System.Globalization;

namespace Debitor.Core.Ledger;

/// <summary>
/// The dunning history of one account while its journal is replayed: the active notices of each installment, newest
/// last. Sets <see cref="OpenInstallment.Dunning"/> after every notice and cancellation. Created only for accounts that
/// have dunning entries.
/// </summary>
internal sealed class DunningHistory
{
    // Keyed by the installment's reference, a value: an identity hash per replayed installment would cost a runtime call
    // each. Sized from the journal's counts (the letters; the installments notices name, at most the invoices'): the
    // history lives only while one journal is replayed, and growing its tables showed in profiles of replays.
    private readonly Dictionary<InstallmentRef, List<(string Letter, int Level, LocalDate Date)>> _notices;
    private readonly Dictionary<string, DunningNoticeIssued> _active;

    /// <summary>A history for a journal with <paramref name="letters"/> notice entries naming at most <paramref name="installments"/> installments.</summary>
    public DunningHistory(int letters, int installments)
    {
        _notices = new(Math.Max(installments, 0));
        _active = new(Math.Max(letters, 0), StringComparer.Ordinal);
    }

    /// <summary>Records the notices of a letter.</summary>
    /// <exception cref="CorruptJournalException">The letter was issued to the account before, or an installment is unknown.</exception>
    public void Issue(DunningNoticeIssued issued, Func<InstallmentRef, OpenInstallment> installment)
    {
        if (!_active.TryAdd(issued.LetterId, issued))
        {
            throw new CorruptJournalException(issued.Id, $"letter '{issued.LetterId}' was issued to this account before.");
        }

        foreach (var notice in issued.Notices)
        {
            var target = installment(notice.Installment);
            if (!_notices.TryGetValue(notice.Installment, out var stack))
            {
                stack = [];
                _notices.Add(notice.Installment, stack);
            }

            stack.Add((issued.LetterId, notice.Level, issued.LetterDate));
            target.Dunning = StateOf(stack);
        }
    }

    /// <summary>Takes back the notices of a cancelled letter; each installment returns to its state before the letter.</summary>
    /// <exception cref="CorruptJournalException">The letter is not an active letter of the account.</exception>
    public void Cancel(DunningLetterCancelled cancelled, Func<InstallmentRef, OpenInstallment> installment)
    {
        if (!_active.Remove(cancelled.LetterId, out var issued))
        {
            throw new CorruptJournalException(cancelled.Id, $"letter '{cancelled.LetterId}' is not an active letter of this account.");
        }

        foreach (var notice in issued.Notices)
        {
            var target = installment(notice.Installment);
            var stack = _notices[notice.Installment];
            var index = stack.FindLastIndex(n => string.Equals(n.Letter, cancelled.LetterId, StringComparison.Ordinal));
            stack.RemoveAt(index);
            target.Dunning = StateOf(stack);
        }
    }

    private static DunningState StateOf(List<(string Letter, int Level, LocalDate Date)> stack)
    {
        if (stack.Count == 0)
        {
            return DunningState.None;
        }

        // The first notice puts the debtor in default (§286(1) BGB): interest schemes starting "after default" count from it.
        var (_, level, date) = stack[^1];
        return new DunningState(level, stack.Count, date, date) { DefaultDate = stack[0].Date };
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
