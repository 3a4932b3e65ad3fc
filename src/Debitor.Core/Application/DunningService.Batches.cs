using System.Runtime.CompilerServices;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// A company-wide run over a store in batches (issue 13, third pass): the company's journals in one stream, the views a
/// preview computed kept for its processing, and the entries of many letters appended, numbered and queued at once.
/// </summary>
public sealed partial class DunningService
{
    /// <summary>How many letters one batch of a processing appends, numbers and queues together (D13.22).</summary>
    internal const int LettersPerBatch = 500;

    /// <summary>
    /// The views each company-wide preview computed its proposal from, by the proposal's request (the instance the proposal
    /// and every approval made of it carry): held as long as the proposal or an approval of it is, and never by a saved
    /// approval read back, which has a new request (D13.21).
    /// </summary>
    private readonly ConditionalWeakTable<DunningRunRequest, RunViews> _runViews = new();

    /// <summary>How many letters one batch holds; tests set it small to cross batch boundaries.</summary>
    internal int BatchSize { get; set; } = LettersPerBatch;

    /// <summary>Reads one streamed journal for a run: the account, or <see langword="null"/> when it is unreadable (reported), empty or of another company.</summary>
    private async Task<CustomerAccount?> ReadStoredAsync(StoredJournal stored, DunningRunRequest request, List<CorruptJournalException>? unreadable, CancellationToken cancellationToken)
    {
        // One account that cannot be read (a corrupt stored journal, a journal that does not replay, an amount beyond the
        // bounds) is reported to the fault log, and a corrupt journal also in the run's result; the run goes on for the
        // others (issues 12 and 13).
        var operation = "dunning run " + request.RunId;
        if (stored.Error is { } error)
        {
            unreadable?.Add(error);
            await _faults.ReportAsync(new AccountFault(stored.Customer, operation, $"its stored journal cannot be read: {error.Message}"), cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await Portfolio.ReadAsync(stored.Records, stored.Customer, _faults, operation, cancellationToken, unreadable).ConfigureAwait(false) is { } account
            && account.Customer.Company == request.Company
            ? account
            : null;
    }

    /// <summary>Adds an account as it stood before the run to <paramref name="views"/>, and as it stands to <paramref name="heads"/> where that differs.</summary>
    private static void AddView(CustomerAccount account, DunningRunId run, List<CustomerAccount> views, Dictionary<CustomerId, CustomerAccount> heads)
    {
        var before = BeforeRun(account, run);
        views.Add(before);
        if (!ReferenceEquals(before, account))
        {
            heads[account.Id] = account;
        }
    }

    /// <summary>Keeps the views a company-wide preview computed its proposal from, for processing it (D13.21).</summary>
    private void KeepViews(DunningRunRequest proposed, IReadOnlyList<CustomerAccount> views, Dictionary<CustomerId, CustomerAccount> heads)
    {
        if (proposed.Customer is null)
        {
            _runViews.AddOrUpdate(proposed, new RunViews(views, heads));
        }
    }

    /// <summary>
    /// The accounts a processing needs, as <see cref="LoadAsync(DunningRunRequest, CancellationToken, List{CorruptJournalException}?)"/>
    /// loads them. When this service previewed the approval's proposal, only the accounts whose journal moved on since
    /// (or that are new, or were not readable) are loaded and replayed again; the others are the views the preview held,
    /// which are the views a load would give, since a journal is only ever extended (D13.21).
    /// </summary>
    private async Task<(RunContext Context, IReadOnlyList<CustomerAccount> Accounts, Dictionary<CustomerId, CustomerAccount> Heads)> LoadForProcessingAsync(
        DunningRunRequest approved, DunningRunRequest request, List<CorruptJournalException> unreadable, CancellationToken cancellationToken)
    {
        if (request.Customer is not null || approved.Company != request.Company || approved.RunId != request.RunId || !_runViews.TryGetValue(approved, out var kept))
        {
            return await LoadAsync(request, cancellationToken, unreadable).ConfigureAwait(false);
        }

        // The processing takes the kept views: it lets go of them slice by slice (D16.251). Processing the approval again
        // (a retry) loads the company as a saved approval does.
        _runViews.Remove(approved);
        var context = await ContextAsync(request, cancellationToken).ConfigureAwait(false);
        var listed = new List<(CustomerId Customer, CustomerAccount? View, CustomerAccount? Head)>();
        var stale = new List<CustomerId>();
        await foreach (var (customer, version) in _store.ListVersionsAsync(request.Company, cancellationToken).ConfigureAwait(false))
        {
            if (kept.TryGet(customer, version, out var view, out var head))
            {
                listed.Add((customer, view, head));
            }
            else
            {
                listed.Add((customer, null, null));
                stale.Add(customer);
            }
        }

        var reloaded = new Dictionary<CustomerId, CustomerAccount>(stale.Count);
        if (stale.Count > 0)
        {
            await foreach (var stored in _store.LoadManyAsync(stale, cancellationToken).ConfigureAwait(false))
            {
                if (await ReadStoredAsync(stored, request, unreadable, cancellationToken).ConfigureAwait(false) is { } account)
                {
                    reloaded[stored.Customer] = account;
                }
            }
        }

        var views = new List<CustomerAccount>(listed.Count);
        var heads = new Dictionary<CustomerId, CustomerAccount>();
        foreach (var (customer, view, head) in listed)
        {
            if (view is not null)
            {
                views.Add(view);
                if (head is not null)
                {
                    heads[customer] = head;
                }
            }
            else if (reloaded.TryGetValue(customer, out var account))
            {
                AddView(account, request.RunId, views, heads);
            }
        }

        return (context, views, heads);
    }

    /// <summary>
    /// Issues the letters of a processing in batches of <see cref="BatchSize"/>: each batch's entries in one
    /// <see cref="ICustomerAccountStore.AppendManyAsync"/>, its letter numbers in one <see cref="ILetterNumberSequence.NumberManyAsync"/>
    /// and one more append, then its letters queued and delivered one by one. A letter with an account another writer changed
    /// meanwhile goes the letter-by-letter way (reload, recompute, issue what is still due).
    /// </summary>
    private async Task<List<DunningLetter>> IssueInBatchesAsync(Processing run, IReadOnlyList<DunningLetter> letters, CancellationToken cancellationToken)
    {
        var (actor, context, views, heads) = (run.Actor, run.Context, run.Views, run.Heads);
        var issued = new List<DunningLetter>(letters.Count);
        var lastBatch = LastBatches(letters);
        for (var start = 0; start < letters.Count; start += BatchSize)
        {
            var batch = new List<DunningLetter>(Math.Min(BatchSize, letters.Count - start));
            for (var i = start; i < letters.Count && i < start + BatchSize; i++)
            {
                batch.Add(letters[i]);
            }

            var final = await AppendBatchAsync(run, batch, cancellationToken).ConfigureAwait(false);

            // Numbered once their entries are stored, so every number belongs to an issued letter (issue 17); a batch
            // numbered with its entries (D16.280) finds every number on its recipients here and draws none.
            await NumberBatchAsync(actor, context, final, views, heads, run.Appenders, cancellationToken).ConfigureAwait(false);

            // Queued in the outbox once their entries are stored, then delivered; a letter delivered before is not
            // delivered again. The whole batch is queued in one write before any of it is delivered (D16.63): when one
            // delivery fails, the letters after it stay queued, and DocumentDelivery.RetryUndeliveredAsync or the run
            // again completes them.
            // Handed out detached from the views they were computed from (D16.252): the output and the result keep what
            // the letters state, not the accounts.
            var handed = new List<DunningLetter>(final.Count);
            foreach (var letter in final)
            {
                handed.Add(letter.Detach(run.Detached));
            }

            issued.AddRange(handed);
            await _delivery.SendAsync([.. handed.Select(l => new DunningLetterDocument(l))], cancellationToken).ConfigureAwait(false);

            LetGo(batch, start / BatchSize, lastBatch, heads, run.Appenders, run.Joined);
        }

        return issued;
    }

    /// <summary>For each account a letter touches (its recipient and its customers), the last batch of the run that touches it.</summary>
    private Dictionary<CustomerId, int> LastBatches(IReadOnlyList<DunningLetter> letters)
    {
        var last = new Dictionary<CustomerId, int>(letters.Count);
        for (var i = 0; i < letters.Count; i++)
        {
            var batch = i / BatchSize;
            last[letters[i].RecipientId] = batch;
            foreach (var customer in letters[i].Customers)
            {
                last[customer] = batch;
            }
        }

        return last;
    }

    /// <summary>
    /// Lets go of the head and appender of each account no later batch touches (D16.232): the letters after it cannot
    /// reach the account, so the run keeps the account as it stands only as long as it may write to it again, and a
    /// large run does not keep every account it wrote to alive until its end.
    /// </summary>
    /// <remarks>The accounts joined by payer routing are kept to the run's end: their letters are spread over the slices (D16.250).</remarks>
    private static void LetGo(
        List<DunningLetter> batch, int index, Dictionary<CustomerId, int> lastBatch, Dictionary<CustomerId, CustomerAccount> heads, LiveAccounts appenders, HashSet<CustomerId> joined)
    {
        foreach (var letter in batch)
        {
            Forget(letter.RecipientId);
            foreach (var customer in letter.Customers)
            {
                Forget(customer);
            }
        }

        void Forget(CustomerId customer)
        {
            if (lastBatch.TryGetValue(customer, out var last) && last == index && !joined.Contains(customer))
            {
                heads.Remove(customer);
                appenders.Drop(customer);
            }
        }
    }

    /// <summary>
    /// Appends the entries of a batch of letters: an account on several letters gets its parts concatenated in letter order,
    /// each part ending with its letter's note, so a part written before (its note is there) is skipped as a whole. The
    /// letters whose accounts were all appended are issued as computed; the others go through <see cref="IssueAsync"/>.
    /// Where the store keeps the letter number sequence in its own database, the letters are numbered in the same write
    /// (<see cref="TryAppendNumberedAsync"/>, D16.280).
    /// </summary>
    /// <returns>The letters issued, in order.</returns>
    private async Task<List<DunningLetter>> AppendBatchAsync(Processing run, List<DunningLetter> batch, CancellationToken cancellationToken)
    {
        var (views, heads) = (run.Views, run.Heads);
        if (_store is ILetterNumberingStore numbering && numbering.SharesSequence(_numbers)
            && await TryAppendNumberedAsync(run, batch, numbering, cancellationToken).ConfigureAwait(false))
        {
            return batch;
        }

        var (parts, order) = Parts(run, batch);
        var (appends, after) = Prepare(run.Actor, order, parts, views, heads, run.Appenders);
        var conflicts = await AppendManyAsync(appends, cancellationToken).ConfigureAwait(false);
        Advance(appends, after, conflicts, heads, run.Appenders);

        var final = new List<DunningLetter>(batch.Count);
        foreach (var letter in batch)
        {
            if (conflicts.Count == 0 || !(conflicts.Contains(letter.RecipientId) || letter.Customers.Any(conflicts.Contains)))
            {
                final.Add(letter);
            }
            else if (await IssueAsync(run.Actor, run.Context, letter, run.Filter, views, heads, run.Removed, cancellationToken, run.RunDateOverride).ConfigureAwait(false) is { } recomputed)
            {
                final.Add(recomputed);
            }
        }

        return final;
    }

    /// <summary>How many batches were numbered in the transaction of their notices (D16.280); for tests.</summary>
    internal int BatchesNumberedWithNotices { get; private set; }

    /// <summary>
    /// Appends a batch's entries and numbers its letters in one write (D16.280), when the store keeps the letter number
    /// sequence in its own database: the letters not numbered yet get the numbers after the year's last one, in letter order
    /// (as <see cref="NumberBatchAsync"/> would give them), each recorded as <see cref="DunningLetterNumbered"/> after its
    /// recipient's part, and the store claims those numbers in the transaction that appends the batch. When any account
    /// moved on, another writer drew a number meanwhile, or a letter has a number already, nothing is written, the batch's
    /// accounts are taken back to what the store holds, and the batch goes the way of two writes.
    /// </summary>
    /// <returns>Whether the batch was appended and numbered (every letter of it issued as computed).</returns>
    private async Task<bool> TryAppendNumberedAsync(Processing run, List<DunningLetter> batch, ILetterNumberingStore numbering, CancellationToken cancellationToken)
    {
        var (views, heads) = (run.Views, run.Heads);
        var unnumbered = new List<DunningLetter>();
        foreach (var letter in batch)
        {
            if ((heads.GetValueOrDefault(letter.RecipientId) ?? views[letter.RecipientId]).LetterNumberOf(letter.Id) is null)
            {
                unnumbered.Add(letter);
            }
        }

        if (unnumbered.Count == 0 || unnumbered.Exists(l => l.LetterDate.Year != unnumbered[0].LetterDate.Year))
        {
            return false;
        }

        var year = unnumbered[0].LetterDate.Year;
        var last = await numbering.LastNumberAsync(run.Context.Request.Company, year, cancellationToken).ConfigureAwait(false);
        var claim = new LetterNumberClaim(run.Context.Request.Company, year, last, [.. unnumbered.Select(l => l.Id)]);
        var (parts, order) = Parts(run, batch);
        for (var i = 0; i < unnumbered.Count; i++)
        {
            var letter = unnumbered[i];
            if (!parts.TryGetValue(letter.RecipientId, out var part))
            {
                parts.Add(letter.RecipientId, part = []);
                order.Add(letter.RecipientId);
            }

            part.Add(new DunningLetterNumbered(DunningIds.Number(letter.Id), letter.Id, claim.NumberOf(i)));
        }

        var (appends, after) = Prepare(run.Actor, order, parts, views, heads, run.Appenders);
        if (!await numbering.TryAppendManyNumberedAsync(appends, claim, cancellationToken).ConfigureAwait(false))
        {
            // Nothing was written: every account of the batch is treated as one whose version moved on.
            Advance(appends, after, [.. appends.Select(a => a.Customer)], heads, run.Appenders);
            return false;
        }

        Advance(appends, after, [], heads, run.Appenders);
        for (var i = 0; i < unnumbered.Count; i++)
        {
            unnumbered[i].Number = claim.NumberOf(i);
        }

        BatchesNumberedWithNotices++;
        return true;
    }

    /// <summary>
    /// The parts of a batch's letters by account, in the order the accounts first appear: an account on several letters gets
    /// its parts concatenated in letter order, each ending with its letter's note; a part written before (its note is
    /// there) is left out.
    /// </summary>
    private static (Dictionary<CustomerId, List<JournalEntry>> Parts, List<CustomerId> Order) Parts(Processing run, List<DunningLetter> batch)
    {
        var heads = run.Heads;
        var parts = new Dictionary<CustomerId, List<JournalEntry>>();
        var order = new List<CustomerId>();
        foreach (var letter in batch)
        {
            foreach (var (customer, entries) in DunningPostings.EntriesFor(letter, run.Context.Request.PostFees, run.RunDateOverride))
            {
                // A view holds no entry of the run (BeforeRun), so only an account with a head can hold this part already.
                if (heads.TryGetValue(customer, out var head) && head.FindEntry(DunningIds.Note(letter.Id)) is not null)
                {
                    continue;
                }

                if (!parts.TryGetValue(customer, out var part))
                {
                    parts.Add(customer, part = []);
                    order.Add(customer);
                }

                part.AddRange(entries);
            }
        }

        return (parts, order);
    }

    /// <summary>
    /// Numbers a batch of issued letters: the number the recipient's account records (a retry), else the next ones of the
    /// company's year in letter order, recorded as <see cref="DunningLetterNumbered"/> on the recipients' accounts in one
    /// append. A recipient another writer changed meanwhile goes through <see cref="NumberAsync"/>, which gets the same
    /// number again for the letter.
    /// </summary>
    private async Task NumberBatchAsync(
        Actor actor,
        RunContext context,
        List<DunningLetter> letters,
        Dictionary<CustomerId, CustomerAccount> views,
        Dictionary<CustomerId, CustomerAccount> heads,
        LiveAccounts appenders,
        CancellationToken cancellationToken)
    {
        var unnumbered = new List<DunningLetter>();
        foreach (var letter in letters)
        {
            var head = heads.GetValueOrDefault(letter.RecipientId) ?? views[letter.RecipientId];
            if (head.LetterNumberOf(letter.Id) is { } known)
            {
                letter.Number = known;
            }
            else
            {
                unnumbered.Add(letter);
            }
        }

        if (unnumbered.Count == 0)
        {
            return;
        }

        var numbers = new Dictionary<string, LetterNumber>(unnumbered.Count, StringComparer.Ordinal);
        foreach (var year in unnumbered.Select(l => l.LetterDate.Year).Distinct())
        {
            var ids = unnumbered.Where(l => l.LetterDate.Year == year).Select(l => l.Id).ToList();
            var allocated = await _numbers.NumberManyAsync(context.Request.Company, year, ids, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < ids.Count; i++)
            {
                numbers.Add(ids[i], allocated[i]);
            }
        }

        var parts = new Dictionary<CustomerId, List<JournalEntry>>();
        var order = new List<CustomerId>();
        foreach (var letter in unnumbered)
        {
            if (!parts.TryGetValue(letter.RecipientId, out var part))
            {
                parts.Add(letter.RecipientId, part = []);
                order.Add(letter.RecipientId);
            }

            part.Add(new DunningLetterNumbered(DunningIds.Number(letter.Id), letter.Id, numbers[letter.Id]));
        }

        var (appends, after) = Prepare(actor, order, parts, views, heads, appenders);
        var conflicts = await AppendManyAsync(appends, cancellationToken).ConfigureAwait(false);
        Advance(appends, after, conflicts, heads, appenders);
        foreach (var letter in unnumbered)
        {
            if (conflicts.Count > 0 && conflicts.Contains(letter.RecipientId))
            {
                await NumberAsync(actor, context, letter, views, heads, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                letter.Number = numbers[letter.Id];
            }
        }
    }

    /// <summary>
    /// Checks each account's part against the account as it stands (the appender <see cref="CustomerAccount.Append"/>
    /// uses, as every append does; continued from the account's last part in this processing, D13.140) and returns the
    /// parts to store with the views they lead to.
    /// </summary>
    private (List<JournalAppend> Appends, Dictionary<CustomerId, CustomerAccount> After) Prepare(
        Actor actor,
        List<CustomerId> order,
        Dictionary<CustomerId, List<JournalEntry>> parts,
        Dictionary<CustomerId, CustomerAccount> views,
        Dictionary<CustomerId, CustomerAccount> heads,
        LiveAccounts appenders)
    {
        var appends = new List<JournalAppend>(order.Count);
        var after = new Dictionary<CustomerId, CustomerAccount>(order.Count);
        foreach (var customer in order)
        {
            var head = heads.GetValueOrDefault(customer) ?? views[customer];
            var version = head.Version; // read before the append: a continued head is live (D13.140)
            var (next, appended) = appenders.Append(customer, head, parts[customer], _clock.GetCurrentInstant(), actor.User, Today, "letter");
            after[customer] = next;
            if (appended.Count > 0)
            {
                appends.Add(new JournalAppend(customer, version, appended));
            }
        }

        return (appends, after);
    }

    /// <summary>
    /// The accounts appended (all but the conflicting ones) continue from the views their entries led to. A conflicting
    /// account's appender is dropped; when it was continued, the view it continued from shares the state the refused part
    /// was applied to, so that view is rebuilt from its journal (D13.140).
    /// </summary>
    private static void Advance(
        List<JournalAppend> appends, Dictionary<CustomerId, CustomerAccount> after, HashSet<CustomerId> conflicts, Dictionary<CustomerId, CustomerAccount> heads, LiveAccounts appenders)
    {
        foreach (var (customer, account) in after)
        {
            if (conflicts.Count == 0 || !conflicts.Contains(customer))
            {
                heads[customer] = account;
            }
        }

        foreach (var append in appends)
        {
            if (conflicts.Contains(append.Customer) && appenders.Drop(append.Customer) && heads.TryGetValue(append.Customer, out var head))
            {
                heads[append.Customer] = CustomerAccount.FromJournal([.. head.Journal.Take((int)append.ExpectedVersion)]);
            }
        }
    }

    /// <summary>Appends a batch; returns the accounts that were not appended because another writer came first.</summary>
    private async Task<HashSet<CustomerId>> AppendManyAsync(List<JournalAppend> appends, CancellationToken cancellationToken)
    {
        if (appends.Count == 0)
        {
            return [];
        }

        // A conflicting account is counted and logged when the letter-by-letter way meets the conflict again.
        return [.. await _store.AppendManyAsync(appends, cancellationToken).ConfigureAwait(false)];
    }

    /// <summary>What the batches of one processing share.</summary>
    private sealed record Processing(Actor Actor, RunContext Context, NoticeFilter Filter, Dictionary<CustomerId, CustomerAccount> Views,
        Dictionary<CustomerId, CustomerAccount> Heads, List<RemovedLine> Removed, (LocalDate ProcessedOn, string Reason)? RunDateOverride)
    {
        /// <summary>The appenders of the accounts this processing wrote to (D13.140).</summary>
        public LiveAccounts Appenders { get; } = new();

        /// <summary>The accounts joined by payer routing (the views the processing starts with): kept until the run ends (D16.250).</summary>
        public HashSet<CustomerId> Joined { get; } = [.. Views.Keys];

        /// <summary>The scope the letters handed out share once detached from their views (D16.252).</summary>
        public RunScope Detached { get; } = DunningLetter.DetachedScope(Context);
    }

    /// <summary>The views a company-wide preview computed its proposal from: as they stood before the run, and as they stand where that differs.</summary>
    private sealed class RunViews
    {
        private readonly Dictionary<CustomerId, (CustomerAccount View, CustomerAccount? Head)> _accounts;

        public RunViews(IReadOnlyList<CustomerAccount> views, Dictionary<CustomerId, CustomerAccount> heads)
        {
            _accounts = new Dictionary<CustomerId, (CustomerAccount, CustomerAccount?)>(views.Count);
            foreach (var view in views)
            {
                _accounts[view.Id] = (view, heads.GetValueOrDefault(view.Id));
            }
        }

        /// <summary>The views of an account, when its journal still has the version they were built from.</summary>
        public bool TryGet(CustomerId customer, long version, out CustomerAccount? view, out CustomerAccount? head)
        {
            if (_accounts.TryGetValue(customer, out var kept) && (kept.Head ?? kept.View).Version == version)
            {
                (view, head) = kept;
                return true;
            }

            (view, head) = (null, null);
            return false;
        }
    }
}
