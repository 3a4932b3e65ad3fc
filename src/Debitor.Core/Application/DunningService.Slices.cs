using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

namespace Debitor.Core.Application;

/// <summary>
/// A processing slice by slice (D16.250): the accounts a processing concerns that no payer routing joins to another are
/// run by the engine and issued a slice at a time, their views released after it, so that a large run does not hold
/// every account, every engine letter and every issued letter's views at once. The letters come out in the order of the
/// run over all accounts, so they are numbered as that run numbers them.
/// </summary>
public sealed partial class DunningService
{
    /// <summary>How many accounts that are not joined by payer routing one slice of a processing runs together (D16.250).</summary>
    internal const int AccountsPerSlice = 2_000;

    /// <summary>How many such accounts one slice holds; tests set it small to cross slice boundaries.</summary>
    internal int SliceSize { get; set; } = AccountsPerSlice;

    /// <summary>
    /// Issues the letters of a processing: the letters of the accounts joined by payer routing (<paramref name="together"/>,
    /// run before anything changed) and, slice by slice, those of the accounts alone (<paramref name="alone"/>, in ordinal
    /// order of their ids). Each slice's letters are merged with the joined letters whose recipients come before the next
    /// slice, in the engine's letter order (<c>Scanner.LetterOrder</c>), so the letters are issued and numbered in the order
    /// of the run over all accounts. After a slice its views, heads and engine letters are let go and its removals noted.
    /// </summary>
    /// <remarks>
    /// Each slice runs with the approved notices of its accounts and of the joined ones only (D16.254): the approval's
    /// filter restricted to the accounts the slice can write to, which is the same filter for them.
    /// </remarks>
    private async Task<List<DunningLetter>> IssueInSlicesAsync(
        Processing processing, DunningProposal together, CustomerAccount[] alone, Removals removals, List<ApprovedNotice> approvedJoined, CancellationToken cancellationToken)
    {
        var run = processing;
        var issued = new List<DunningLetter>(together.Letters.Count + alone.Length);
        var joinedNotices = new HashSet<(CustomerId, InstallmentRef, int)>();
        var pending = together.Letters;
        var next = 0;
        var size = Math.Max(1, SliceSize);
        for (var start = 0; start < alone.Length || start == 0; start += size)
        {
            var end = Math.Min(alone.Length, start + size);
            var slice = new List<CustomerAccount>(end - start);
            for (var i = start; i < end; i++)
            {
                slice.Add(alone[i]);
                run.Views[alone[i].Id] = alone[i];
            }

            // The slice's bound: the joined letters to recipients before the next slice's first account go with this slice.
            // The slice's accounts are let go of by the list (the caller's too: it is the same array).
            var bound = end < alone.Length ? alone[end].Id.Value : null;
            Array.Clear(alone, start, end - start);
            var approved = removals.NoticesOn(slice);
            approved.AddRange(approvedJoined);
            run = processing with { Filter = NoticeFilter.From(approved, approved.Count) };
            var own = DunningEngine.Run(run.Context, slice, run.Filter, 1);
            var segment = new List<DunningLetter>(own.Letters.Count);
            var o = 0;
            while (true)
            {
                var joined = next < pending.Count && (bound is null || string.CompareOrdinal(pending[next].RecipientId.Value, bound) < 0) ? pending[next] : null;
                var single = o < own.Letters.Count ? own.Letters[o] : null;
                if (joined is null && single is null)
                {
                    break;
                }

                if (single is null || (joined is not null && Scanner.LetterOrder(joined, single) < 0))
                {
                    segment.Add(joined!);
                    next++;
                }
                else
                {
                    segment.Add(single);
                    o++;
                }
            }

            var done = await IssueInBatchesAsync(run, segment, cancellationToken).ConfigureAwait(false);
            var notices = new HashSet<(CustomerId, InstallmentRef, int)>();
            foreach (var letter in done)
            {
                foreach (var line in letter.Lines)
                {
                    if (line.IssuesNotice)
                    {
                        (run.Joined.Contains(line.Customer) ? joinedNotices : notices).Add((line.Customer, line.Installment, line.Level));
                    }
                }
            }

            removals.Note(slice, notices, own, run.Views);
            issued.AddRange(done);
            foreach (var account in slice)
            {
                run.Views.Remove(account.Id);
                run.Heads.Remove(account.Id);
                run.Appenders.Drop(account.Id);
            }
        }

        removals.Note(run.Views.Values, joinedNotices, together, run.Views);
        return issued;
    }

    /// <summary>
    /// The approved notices a processing did not issue, and why (<see cref="RemovedLine"/>), noted slice by slice from the
    /// slice's views and run, and handed out in the approval's order.
    /// </summary>
    private sealed class Removals
    {
        private readonly IReadOnlyList<ApprovedNotice> _notices;
        private readonly Dictionary<CustomerId, int> _last = [];
        private readonly int[] _previous;
        private readonly RemovedLine?[] _lines;
        private readonly bool[] _noted;

        public Removals(IReadOnlyList<ApprovedNotice> notices)
        {
            _notices = notices;
            _previous = new int[notices.Count];
            _lines = new RemovedLine?[notices.Count];
            _noted = new bool[notices.Count];
            for (var i = 0; i < notices.Count; i++)
            {
                _previous[i] = _last.TryGetValue(notices[i].Customer, out var previous) ? previous : -1;
                _last[notices[i].Customer] = i;
            }
        }

        /// <summary>The approved notices on <paramref name="accounts"/>.</summary>
        public List<ApprovedNotice> NoticesOn(IEnumerable<CustomerAccount> accounts)
        {
            var notices = new List<ApprovedNotice>();
            foreach (var account in accounts)
            {
                for (var i = _last.GetValueOrDefault(account.Id, -1); i >= 0; i = _previous[i])
                {
                    notices.Add(_notices[i]);
                }
            }

            return notices;
        }

        /// <summary>Notes the approved notices on <paramref name="accounts"/> that are not among the <paramref name="issued"/> ones, with why.</summary>
        public void Note(IEnumerable<CustomerAccount> accounts, HashSet<(CustomerId, InstallmentRef, int)> issued, DunningProposal current, Dictionary<CustomerId, CustomerAccount> views)
        {
            Dictionary<(CustomerId, InstallmentRef), DunningExclusion?>? excluded = null; // built only when a removal needs it: a second scan of the run
            foreach (var account in accounts)
            {
                if (!_last.TryGetValue(account.Id, out var i))
                {
                    continue;
                }

                for (; i >= 0; i = _previous[i])
                {
                    _noted[i] = true;
                    var line = _notices[i];
                    if (!issued.Contains((line.Customer, line.Installment, line.Level)))
                    {
                        _lines[i] = Removed(line, views.GetValueOrDefault(line.Customer), current, ref excluded);
                    }
                }
            }
        }

        /// <summary>The removals in the approval's order; a notice on an account the processing did not load was settled (or deleted) meanwhile.</summary>
        public List<RemovedLine> Lines()
        {
            var lines = new List<RemovedLine>();
            Dictionary<(CustomerId, InstallmentRef), DunningExclusion?>? none = null;
            for (var i = 0; i < _notices.Count; i++)
            {
                if (_lines[i] is { } line)
                {
                    lines.Add(line);
                }
                else if (!_noted[i])
                {
                    lines.Add(Removed(_notices[i], null, null, ref none));
                }
            }

            return lines;
        }

        /// <summary>Why an approved notice was not issued, judged on the account's view before the run and the run's exclusions.</summary>
        private static RemovedLine Removed(ApprovedNotice line, CustomerAccount? account, DunningProposal? current, ref Dictionary<(CustomerId, InstallmentRef), DunningExclusion?>? excluded)
        {
            var now = account?.FindInstallment(line.Installment);
            var (reason, exclusion) = now is null || !now.IsOpen ? (DunningRemovalReason.Settled, (DunningExclusion?)null)
                : now.OpenValue != line.Open.Amount ? (DunningRemovalReason.AmountChanged, null)
                : now.Dunning.NoticeCount != line.PreviousNotices ? (DunningRemovalReason.StateChanged, null)
                : (excluded ??= current!.Excluded.ToDictionary(l => (l.Customer, l.Installment), l => l.Exclusion)).TryGetValue((line.Customer, line.Installment), out var why) ? (DunningRemovalReason.NowExcluded, why)
                : (DunningRemovalReason.LetterSuppressed, null);
            return new RemovedLine(line.Customer, line.Installment, line.DocumentNumber, line.Level, line.LetterId, reason, exclusion);
        }
    }
}
