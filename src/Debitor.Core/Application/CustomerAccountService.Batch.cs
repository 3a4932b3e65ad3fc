using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>Many changes on many accounts at once (issue 16: imports of a million lines).</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>
    /// Applies many changes — registrations, postings, master-data changes — on many accounts at once: the accounts are
    /// loaded with one <see cref="ICustomerAccountStore.LoadManyAsync"/> and written with one
    /// <see cref="ICustomerAccountStore.AppendManyAsync"/>. Leaves exactly the journals that applying the changes one by
    /// one, in order, through their single-account use cases leaves (catching each refusal), with one clock reading for
    /// the batch; a refused change is reported and the others go on.
    /// </summary>
    /// <remarks>
    /// <para>Each change is checked as its use case checks it (authorization, the account's rules through the same
    /// <c>Append</c>); an entry id stored already with the same content is skipped, with other content refused.</para>
    /// <para>An account another writer changed in between is loaded again and its changes applied again, up to
    /// <see cref="DebitorCoreOptions.MaxConcurrencyRetries"/> times; then its changes are refused with a
    /// <see cref="ConcurrencyException"/>. A fault of the store (not a refusal) is thrown; some accounts may then be written,
    /// each whole or not at all, and the same batch again completes the work (what is stored is skipped).</para>
    /// <para>Keep a batch to a few thousand changes: they are held in memory with the accounts they touch.</para>
    /// </remarks>
    /// <param name="actor">Who acts.</param>
    /// <param name="changes">The changes, applied in order; several may concern one account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What each change appended, and the refusals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="changes"/> or one of its changes is <see langword="null"/>.</exception>
    public async Task<BatchResult> ApplyManyAsync(Actor actor, IReadOnlyList<AccountChange> changes, CancellationToken cancellationToken = default)
    {
        var batch = await PlanBatchAsync(actor, changes, null, cancellationToken).ConfigureAwait(false);
        return await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of <see cref="ApplyManyAsync"/> (D16.102): loads the accounts (carrying over from
    /// <paramref name="basis"/> — the batch before, perhaps still being written — every account it held, as it left it)
    /// and applies the changes in memory; nothing is written. <see cref="WriteBatchAsync"/> writes it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="changes"/> or one of its changes is <see langword="null"/>.</exception>
    internal async Task<PlannedBatch> PlanBatchAsync(Actor actor, IReadOnlyList<AccountChange> changes, PlannedBatch? basis, CancellationToken cancellationToken)
    {
        Guard.Against.Null(actor);
        Guard.Against.Null(changes);
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is null)
            {
                throw new ArgumentNullException(nameof(changes), $"Change {i} of the batch is null.");
            }
        }

        var batch = new PlannedBatch(actor, changes, basis);
        IReadOnlyList<int> all = Enumerable.Range(0, changes.Count).ToList();
        batch.Accounts = await LoadBatchAsync(changes, all, batch, cancellationToken).ConfigureAwait(false);

        // What this batch carries over now holds the basis's projections; the basis's own are not needed any more (D16.160).
        basis?.ReleaseProjections();
        await ApplyPendingAsync(batch, all, batch.Accounts, cancellationToken).ConfigureAwait(false);
        if (_store is IWritesPreparedDocuments)
        {
            batch.PrepareDocuments();
        }

        return batch;
    }

    /// <summary>
    /// The second half of <see cref="ApplyManyAsync"/> (D16.102): waits until the batch's basis is written, then appends
    /// what <see cref="PlanBatchAsync"/> applied. Accounts carried over from the basis whose first append there was a version
    /// conflict were planned on what was not written: they count as conflicts here, are loaded again and their changes
    /// applied again, like any conflict — so the journals are those of the batches applied one after the other.
    /// </summary>
    internal async Task<BatchResult> WriteBatchAsync(PlannedBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var result = await WriteCoreAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.Written.TrySetResult();
            return result;
        }
        catch (Exception exception)
        {
            batch.Written.TrySetException(exception);
            throw;
        }
        finally
        {
            batch.ReleaseDocuments();
        }
    }

    private async Task<BatchResult> WriteCoreAsync(PlannedBatch batch, CancellationToken cancellationToken)
    {
        var invalid = new HashSet<CustomerId>();
        if (batch.Basis is { } basis)
        {
            await basis.Written.Task.ConfigureAwait(false);
            invalid.UnionWith(batch.Carried.Where(basis.FirstConflicts.Contains));

            // Written batches are not kept alive by the ones after them (an import holds two at a time).
            batch.Basis = null;
        }

        var changes = batch.Changes;
        var accounts = batch.Accounts;
        var accountsChanged = 0;
        IReadOnlyList<int> pending = Enumerable.Range(0, changes.Count).ToList();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                accounts = await LoadBatchAsync(changes, pending, null, cancellationToken).ConfigureAwait(false);
                await ApplyPendingAsync(batch, pending, accounts, cancellationToken).ConfigureAwait(false);
            }

            var parts = new List<JournalAppend>();
            var documents = new List<ReadOnlyMemory<byte>[]?>();
            foreach (var account in accounts.Values)
            {
                if (account.Appended.Count > 0 && !invalid.Contains(account.Customer))
                {
                    parts.Add(new JournalAppend(account.Customer, account.Loaded, account.Appended));

                    // Only the first attempt's records were written ahead (D16.220); a retry's are planned again, not prepared.
                    documents.Add(attempt == 0 ? account.Documents : null);
                }
            }

            IReadOnlyList<JournalAppend> batchParts = batch.HasDocuments && attempt == 0 ? new PreparedAppends(parts, documents) : parts;
            var conflicts = parts.Count == 0 ? [] : (await _store.AppendManyAsync(batchParts, cancellationToken).ConfigureAwait(false)).ToHashSet();
            accountsChanged += parts.Count - conflicts.Count;
            var retrying = attempt < _options.MaxConcurrencyRetries;
            foreach (var customer in conflicts)
            {
                _ = DebitorDiagnostics.Conflict(_log, "accounts", customer, attempt, retrying);
            }

            if (attempt == 0)
            {
                // Accounts planned on a basis that was not written are applied again from the store, like a conflict.
                conflicts.UnionWith(invalid);
                batch.FirstConflicts = conflicts;
                invalid.Clear();
            }

            pending = [.. pending.Where(i => conflicts.Contains(changes[i].Customer))];
            if (pending.Count > 0 && !retrying)
            {
                await RefuseConflictedAsync(changes, pending, accounts, batch.Appended, batch.Refused, cancellationToken).ConfigureAwait(false);
                break;
            }
        }

        return new BatchResult(batch.Appended, [.. batch.Refused.OfType<BatchRefusal>()], accountsChanged);
    }

    /// <summary>Applies the pending changes, in order, to the accounts of one attempt; a refusal is kept with its index.</summary>
    private async Task ApplyPendingAsync(PlannedBatch batch, IReadOnlyList<int> pending, Dictionary<CustomerId, BatchAccount> accounts, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        foreach (var index in pending)
        {
            var change = batch.Changes[index];
            batch.Appended[index] = 0;
            batch.Refused[index] = null;
            try
            {
                batch.Appended[index] = await ApplyAsync(batch.Actor, change, accounts, batch.Allowed, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ArgumentException or DebitorException)
            {
                batch.Refused[index] = new BatchRefusal(index, change.Customer, exception);
            }
        }
    }

    /// <summary>Applies one change to the account held for the batch; returns the records it appended.</summary>
    private async Task<int> ApplyAsync(Actor actor, AccountChange change, Dictionary<CustomerId, BatchAccount> accounts, HashSet<(CustomerId, Permission)> allowed, Instant now, CancellationToken cancellationToken)
    {
        var account = accounts[change.Customer];
        var entries = await PlanAsync(actor, change, account, accounts, allowed, now, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<JournalRecord> records;
        if (account.Appender is { } appender)
        {
            // The account's projection is kept across the batch's changes: each entry is checked and applied once (D16.81).
            records = appender.Append(entries, now, actor.User, now.InZone(_options.TimeZone).Date, change.ParameterName);
        }
        else
        {
            // Only a registration plans entries for an account that does not exist (RegisterCustomerAsync writes it so).
            records = FirstRecords(entries, now, actor.User);
            account.Appender = new AccountProjection.Appender(records);
        }

        account.Appended.AddRange(records);
        return records.Count;
    }

    /// <summary>The records of a new account's first entries (a method of its own, so that a change of an existing account allocates no closure for it).</summary>
    private static JournalRecord[] FirstRecords(IReadOnlyList<JournalEntry> entries, Instant now, UserId user) =>
        [.. entries.Select((entry, i) => new JournalRecord(i + 1, now, user, entry))];

    /// <summary>The entries of one change, checked and authorized as its single-account use case does, in the same order.</summary>
    private async ValueTask<IReadOnlyList<JournalEntry>> PlanAsync(Actor actor, AccountChange change, BatchAccount account, Dictionary<CustomerId, BatchAccount> accounts, HashSet<(CustomerId, Permission)> allowed, Instant now, CancellationToken cancellationToken)
    {
        var customer = change.Customer;
        switch (change.Kind)
        {
            case AccountChangeKind.Register:
            {
                await AuthorizeOnceAsync(actor, Permission.ManageCustomers, customer, allowed, cancellationToken).ConfigureAwait(false);
                var registration = Registration(change.Settings!);
                if (account.Existing() is { } existing)
                {
                    return existing.Journal[0].Entry.Equals(registration) ? [] : throw new DuplicateEntryException(customer, registration.Id);
                }

                CheckPayer(change.Settings!, change.ParameterName, change.Settings!.Payer is { } payer && accounts.TryGetValue(payer, out var held) ? held.Existing() : null);
                return [registration];
            }

            case AccountChangeKind.MasterData:
                await AuthorizeOnceAsync(actor, Permission.ManageCustomers, customer, allowed, cancellationToken).ConfigureAwait(false);
                _ = account.Existing() ?? throw NoSuchCustomer(customer, nameof(customer));
                return [new MasterDataChanged(change.EntryId, change.MasterData!)];

            default:
            {
                var entries = change.Entries;
                if (entries is null)
                {
                    // A planned posting: computed from the account as it stands, then checked as the entries it returns.
                    entries = change.Plan!(account.Existing() ?? throw NoSuchCustomer(customer, nameof(customer)))
                        ?? throw new ArgumentException("The plan returned no list of entries (null).", change.ParameterName);
                    if (entries.Count == 0)
                    {
                        return [];
                    }
                }

                // Each entry's permission in order; AuthorizeOnceAsync asks once per account and permission (the same calls
                // as asking each distinct permission once, without a LINQ pipeline per change, D16.132).
                for (var i = 0; i < entries.Count; i++)
                {
                    await AuthorizeOnceAsync(actor, PermissionFor(entries[i], change.ParameterName), customer, allowed, cancellationToken).ConfigureAwait(false);
                }

                var autoApply = AppliesCreditNotes(entries);
                if (autoApply)
                {
                    await AuthorizeOnceAsync(actor, Permission.RecordPayments, customer, allowed, cancellationToken).ConfigureAwait(false);
                }

                var current = account.Existing() ?? throw NoSuchCustomer(customer, nameof(customer));
                return autoApply ? CreditNoteAutoApplication.With(current, entries, now, actor.User, _options, change.ParameterName) : entries;
            }
        }
    }

    /// <summary>Whether posting these entries applies a credit note to the item it names at once (D14.7).</summary>
    private bool AppliesCreditNotes(IReadOnlyList<JournalEntry> entries) =>
        _options.Payments.ApplyCreditNotesToRelatedItem && entries.Any(e => e is CreditNotePosted { RelatedItem: not null });

    private static CustomerRegistered Registration(Customer customer) => new(new EntryId("registered"), customer);

    private static ArgumentException NoSuchCustomer(CustomerId customer, string parameterName) =>
        new($"Customer '{customer}' does not exist.", parameterName);

    /// <summary>The payer rules of a registration or settings change (R3.7), against the payer's account (<see langword="null"/>: none).</summary>
    private static void CheckPayer(Customer customer, string parameterName, CustomerAccount? payerAccount)
    {
        if (customer.Payer is not { } payer)
        {
            return;
        }

        if (payer == customer.Id)
        {
            throw new ArgumentException("A customer cannot be its own payer.", parameterName);
        }

        if (payerAccount is null)
        {
            throw new ArgumentException($"The payer '{payer}' does not exist.", parameterName);
        }

        if (payerAccount.IsArchived)
        {
            throw new ArgumentException($"The payer '{payer}' is archived.", parameterName);
        }

        // Two customers cannot pay for each other (D12.25): each would receive the other's letters and shares of the
        // other's payments. Longer rings are chains of one hop each, as routing is (D49).
        if (payerAccount.Customer.Payer == customer.Id)
        {
            throw new ArgumentException($"The payer '{payer}' has '{customer.Id}' as its own payer; two customers cannot pay for each other.", parameterName);
        }
    }

    /// <summary>Authorizes once per account and permission within a batch; a refusal is asked (and logged) every time.</summary>
    private async Task AuthorizeOnceAsync(Actor actor, Permission permission, CustomerId customer, HashSet<(CustomerId, Permission)> allowed, CancellationToken cancellationToken)
    {
        if (!allowed.Contains((customer, permission)))
        {
            await AuthorizeAsync(actor, permission, customer, cancellationToken).ConfigureAwait(false);
            allowed.Add((customer, permission));
        }
    }

    /// <summary>Loads the accounts of the pending changes, and the payers their registrations name, in one call.</summary>
    /// <remarks>Accounts the basis of <paramref name="planned"/> held are carried over as it left them (D16.102); the others are loaded.</remarks>
    private async Task<Dictionary<CustomerId, BatchAccount>> LoadBatchAsync(IReadOnlyList<AccountChange> changes, IReadOnlyList<int> pending, PlannedBatch? planned, CancellationToken cancellationToken)
    {
        var ids = new List<CustomerId>();
        var seen = new HashSet<CustomerId>();
        var accounts = new Dictionary<CustomerId, BatchAccount>();
        CustomerId? last = null;
        void Need(CustomerId customer)
        {
            // The changes of one account usually come together: the account just seen needs no second look (D16.184).
            if (customer == last)
            {
                return;
            }

            last = customer;
            if (seen.Add(customer))
            {
                if (planned?.Basis is { } basis && basis.Accounts.TryGetValue(customer, out var before) && before.CarryOver() is { } carried)
                {
                    accounts[customer] = carried;
                    planned.Carried.Add(customer);
                }
                else
                {
                    ids.Add(customer);
                }
            }
        }

        // How many postings each account will see: room for them when its projection is built (D16.172).
        var postings = new Dictionary<CustomerId, int>();
        var (runOf, run) = (default(CustomerId), 0);
        foreach (var index in pending)
        {
            var change = changes[index];
            Need(change.Customer);
            if (change.Settings?.Payer is { } payer)
            {
                Need(payer);
            }

            if (change.Kind == AccountChangeKind.Post)
            {
                // Counted per run of one account's postings, added to its count when the run ends.
                if (run > 0 && change.Customer == runOf)
                {
                    run++;
                }
                else
                {
                    AddPostings(postings, runOf, run);
                    (runOf, run) = (change.Customer, 1);
                }
            }
        }

        AddPostings(postings, runOf, run);

        if (ids.Count == 0)
        {
            return accounts;
        }

        await foreach (var journal in _store.LoadManyAsync(ids, cancellationToken).ConfigureAwait(false))
        {
            accounts[journal.Customer] = BatchAccount.Of(journal, postings.GetValueOrDefault(journal.Customer));
        }

        return accounts;
    }

    private static void AddPostings(Dictionary<CustomerId, int> postings, CustomerId customer, int count)
    {
        if (count > 0)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(postings, customer, out _) += count;
        }
    }

    /// <summary>After the last retry: the changes of accounts other writers kept changing are refused, nothing of them appended.</summary>
    private async Task RefuseConflictedAsync(IReadOnlyList<AccountChange> changes, IReadOnlyList<int> pending, Dictionary<CustomerId, BatchAccount> accounts, int[] appended, BatchRefusal?[] refused, CancellationToken cancellationToken)
    {
        var stored = await LoadBatchAsync(changes, pending, null, cancellationToken).ConfigureAwait(false);
        foreach (var index in pending)
        {
            var customer = changes[index].Customer;
            appended[index] = 0;
            refused[index] = new BatchRefusal(index, customer, new ConcurrencyException(customer, accounts[customer].Loaded, stored[customer].Loaded));
        }
    }

    /// <summary>A batch applied in memory by <see cref="PlanBatchAsync"/>, to be written by <see cref="WriteBatchAsync"/> (D16.102).</summary>
    internal sealed class PlannedBatch
    {
        internal PlannedBatch(Actor actor, IReadOnlyList<AccountChange> changes, PlannedBatch? basis)
        {
            Actor = actor;
            Changes = changes;
            Basis = basis;
            Appended = new int[changes.Count];
            Refused = new BatchRefusal?[changes.Count];
        }

        internal Actor Actor { get; }

        internal IReadOnlyList<AccountChange> Changes { get; }

        /// <summary>The batch before, whose accounts this one carries over; written before this one (forgotten once it is).</summary>
        internal PlannedBatch? Basis { get; set; }

        internal int[] Appended { get; }

        internal BatchRefusal?[] Refused { get; }

        internal HashSet<(CustomerId, Permission)> Allowed { get; } = [];

        /// <summary>The accounts of the first attempt, as the changes left them.</summary>
        internal Dictionary<CustomerId, BatchAccount> Accounts { get; set; } = [];

        /// <summary>The accounts carried over from <see cref="Basis"/>.</summary>
        internal HashSet<CustomerId> Carried { get; } = [];

        /// <summary>The accounts whose first append was not written (a version conflict, or carried over from such an account).</summary>
        internal IReadOnlySet<CustomerId> FirstConflicts { get; set; } = new HashSet<CustomerId>();

        private DocumentBuffer? _documents;

        /// <summary>Completes when the batch is written (or faults with the write's fault).</summary>
        internal TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Whether <see cref="PrepareDocuments"/> wrote the first attempt's documents ahead (D16.220).</summary>
        internal bool HasDocuments => _documents is not null;

        /// <summary>
        /// Writes each account's appended records' documents ahead, on the planning thread (D16.220), so that writing the
        /// batch only binds them. An account whose records cannot be written so (an entry of a kind the format does not
        /// know) gets none: the store then writes them, and refuses them, as before.
        /// </summary>
        internal void PrepareDocuments()
        {
            _documents = new DocumentBuffer();
            foreach (var account in Accounts.Values)
            {
                if (account.Appended.Count == 0)
                {
                    continue;
                }

                try
                {
                    account.Documents = _documents.Write(account.Appended);
                }
                catch (ArgumentException)
                {
                    account.Documents = null;
                }
            }
        }

        /// <summary>Gives the documents' arrays back once the batch is written (or failed); nothing reads them after that.</summary>
        internal void ReleaseDocuments()
        {
            var documents = Interlocked.Exchange(ref _documents, null);
            if (documents is null)
            {
                return;
            }

            foreach (var account in Accounts.Values)
            {
                account.Documents = null;
            }

            documents.Dispose();
        }

        /// <summary>
        /// Lets go of the accounts' projections once the batch after this one has taken what it carries over (D16.160):
        /// planning is done, and writing needs only each account's loaded version and appended records (a retry loads
        /// again). The projections then die while this batch is written instead of being promoted by every collection.
        /// </summary>
        internal void ReleaseProjections()
        {
            foreach (var account in Accounts.Values)
            {
                account.Release();
            }
        }
    }

    /// <summary>An account as a batch holds it: the version loaded, the projection after the changes so far, the records to append.</summary>
    internal sealed class BatchAccount
    {
        private BatchAccount(CustomerId customer, long loaded, AccountProjection.Appender? appender, Exception? error)
        {
            Customer = customer;
            Loaded = loaded;
            Appender = appender;
            Error = error;
        }

        public CustomerId Customer { get; }

        public long Loaded { get; }

        /// <summary>The account's journal and projection after the changes so far; <see langword="null"/> while it does not exist.</summary>
        public AccountProjection.Appender? Appender { get; set; }

        public List<JournalRecord> Appended { get; } = [];

        /// <summary>The documents of <see cref="Appended"/>, written ahead when the batch was planned (D16.220); <see langword="null"/> when not.</summary>
        public ReadOnlyMemory<byte>[]? Documents { get; set; }

        private Exception? Error { get; }

        /// <summary>Whether the projection was dropped after planning (D16.160); never planned on or carried over after that, by the schedule of D16.102.</summary>
        private bool Released { get; set; }

        /// <summary>The account as loaded, with room for <paramref name="postings"/> postings in its projection (D16.172).</summary>
        public static BatchAccount Of(StoredJournal journal, int postings)
        {
            if (journal.Error is not null || journal.Records.Count == 0)
            {
                return new BatchAccount(journal.Customer, journal.Records.Count, null, journal.Error);
            }

            try
            {
                return new BatchAccount(journal.Customer, journal.Records.Count, new AccountProjection.Appender(journal.Records, postings), null);
            }
            catch (CorruptJournalException exception)
            {
                return new BatchAccount(journal.Customer, journal.Records.Count, null, exception);
            }
        }

        /// <summary>
        /// The account as the next batch finds it once this batch's records are written: the same projection at the version
        /// after them (D16.102); <see langword="null"/> for a journal that cannot be read (it is loaded again).
        /// </summary>
        public BatchAccount? CarryOver() => Error is null && !Released ? new BatchAccount(Customer, Loaded + Appended.Count, Appender, null) : null;

        /// <summary>The account, or <see langword="null"/> when it does not exist; a journal that cannot be read is thrown, as a load throws it.</summary>
        /// <remarks>The view is correct until the account's next change in the batch; nothing keeps it longer.</remarks>
        public CustomerAccount? Existing() => Released
            ? throw new InvalidOperationException($"The batch account {Customer} was released after planning (D16.160).")
            : Error is null ? Appender?.Current : throw Error;

        /// <summary>Drops the projection after planning (D16.160); the account can then no longer be planned on or carried over.</summary>
        public void Release()
        {
            Appender = null;
            Released = true;
        }
    }
}
