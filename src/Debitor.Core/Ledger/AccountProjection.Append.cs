namespace Debitor.Core.Ledger;

/// <summary>
/// Appending to an account without replaying its journal after every entry (D16.80): the journal is replayed once into
/// fresh projection state, then each entry is checked by <see cref="LedgerRules.Check"/> against a view of the live state
/// and applied to it with the same <see cref="State.Apply(JournalRecord)"/> a replay uses. The state after the last entry is therefore
/// the state a replay of the whole journal gives (the FsCheck property <c>Append_EqualsReplayOfTheWholeJournal</c>).
/// </summary>
internal static partial class AccountProjection
{
    /// <summary>Replays the journal into projection state: checks that it starts with the registration and that versions run 1, 2, 3, ….</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="more">Entries about to be appended, counted for the lists' and indexes' first size only.</param>
    /// <param name="postings">Postings about to be planned whose entries are not known yet (D16.172): room for one item and one settlement each.</param>
    private static State ReplayState(IReadOnlyList<JournalRecord> journal, IReadOnlyList<JournalEntry>? more = null, int postings = 0)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.Count == 0 || journal[0].Entry is not CustomerRegistered registered)
        {
            throw new ArgumentException("A journal starts with the customer's registration.", nameof(journal));
        }

        // Count first, so that the lists and indexes are sized exactly: no resizing while replaying, no slack kept.
        var sizes = default(Sizes);
        for (var i = 0; i < journal.Count; i++)
        {
            sizes.Count(journal[i].Entry);
        }

        for (var i = 0; i < (more?.Count ?? 0); i++)
        {
            sizes.Count(more![i]);
        }

        sizes.Items += postings;
        sizes.Settlements += postings;

        var state = new State(registered.Settings, sizes);
        for (var i = 0; i < journal.Count; i++)
        {
            var record = journal[i];
            if (record.Version != i + 1)
            {
                throw new ArgumentException($"Journal record {i} has version {record.Version}; versions run 1, 2, 3, … without gaps.", nameof(journal));
            }

            state.Apply(record);
        }

        return state;
    }

    /// <summary>What a journal holds, counted before it is replayed so that lists and indexes get their final size at once.</summary>
    private struct Sizes
    {
        public int Items;
        public int Settlements;
        public int Letters;
        public int Notices;
        public int InvoiceInstallments;

        /// <summary>The most installments the dunning history can hold: those named by notices, at most every invoice installment.</summary>
        public readonly int DunnedInstallments => Math.Min(Notices, InvoiceInstallments);

        public void Count(JournalEntry? entry)
        {
            switch (entry)
            {
                case InvoicePosted invoice:
                    Items++;
                    InvoiceInstallments += invoice.Installments?.Count ?? 0;
                    break;
                case ChargePosted or CreditNotePosted or PaymentReceived:
                    Items++;
                    break;
                case PaymentApplied or WriteOffPosted or RefundPosted or CreditWrittenOff or ClaimDelegated:
                    Settlements++;
                    break;
                case DunningNoticeIssued issued:
                    Letters++;
                    Notices += issued.Notices?.Count ?? 0;
                    break;
            }
        }
    }

    /// <summary>
    /// An account being appended to: the journal so far, the projection state it replays to and a view of that state for
    /// the checks. Starts from an account without touching it; the projection state is built (one replay) at the first
    /// entry that is appended. A refused entry leaves the appender as it was before the call that brought it.
    /// </summary>
    /// <remarks>
    /// <see cref="Current"/> is a view of live state: it is correct until the next <see cref="Append"/>, which changes
    /// the objects behind it. Hand out only <see cref="Freeze"/>'s view, and only after the last append.
    /// </remarks>
    internal sealed class Appender
    {
        private readonly CustomerAccount? _start;
        private List<JournalRecord>? _journal;
        private State? _state;
        private Dictionary<EntryId, JournalEntry>? _entries;
        private CustomerAccount? _view;

        /// <summary>Appends to <paramref name="account"/>; the account itself is never changed.</summary>
        internal Appender(CustomerAccount account)
        {
            _start = account;
            _view = account;
        }

        /// <summary>Replays <paramref name="journal"/> once; the appender then holds its state.</summary>
        internal Appender(IReadOnlyList<JournalRecord> journal)
        {
            Build(journal, null);
        }

        /// <summary>
        /// Replays <paramref name="journal"/> once, with room for <paramref name="postings"/> postings about to be planned
        /// (D16.172: a batch knows how many changes an account will see, not their entries). Only the first sizes differ
        /// from <see cref="Appender(IReadOnlyList{JournalRecord})"/>; the state is the same.
        /// </summary>
        internal Appender(IReadOnlyList<JournalRecord> journal, int postings)
        {
            Build(journal, null, Math.Max(0, postings));
        }

        /// <summary>The account as it stands: valid until the next <see cref="Append"/>.</summary>
        internal CustomerAccount Current => _view ??= _state!.View(_journal!, _entries);

        /// <summary>
        /// Checks the entries in order against the account as it stands and appends those not posted already (an entry
        /// stored with the same content is skipped, <see cref="LedgerRules.Check"/>). All or none: when an entry is
        /// refused, the exception is thrown and the appender is as it was before the call.
        /// </summary>
        /// <returns>The records appended, in order.</returns>
        internal IReadOnlyList<JournalRecord> Append(IReadOnlyList<JournalEntry> entries, Instant now, UserId user, LocalDate today, string parameterName)
        {
            var before = _journal?.Count ?? 0;
            JournalRecord[]? appended = null;
            var count = 0;
            try
            {
                // By index and into an array of the entries' count: no boxed enumerator, no list per call (D16.170).
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = entries[i];
                    if (!LedgerRules.Check(Current, entry, today, parameterName))
                    {
                        continue;
                    }

                    if (_state is null)
                    {
                        Build(_start!.Journal, entries);
                        before = _journal!.Count;
                    }

                    var record = new JournalRecord(_journal!.Count + 1, now, user, entry);
                    _journal.Add(record);
                    _entries!.Add(entry.Id, entry);
                    _view = null; // the view's lazily built indexes (open claims) belong to the state before this entry
                    _state!.Apply(record);
                    (appended ??= new JournalRecord[entries.Count])[count++] = record;
                }
            }
            catch
            {
                if (appended is not null && _start is not null && before == _start.Journal.Count)
                {
                    // Nothing was appended before this call: the account it started from is the state to return to.
                    (_state, _journal, _entries, _view) = (null, null, null, _start);
                }
                else if (appended is not null)
                {
                    // Entries of this call were applied to the live state: rebuild it from the journal before them.
                    _journal!.RemoveRange(before, _journal.Count - before);
                    Build([.. _journal], null);
                }

                throw;
            }

            return appended is null ? [] : count == appended.Length ? appended : appended[..count];
        }

        /// <summary>The final view, with a journal nobody changes; the appender must not be used afterwards.</summary>
        internal CustomerAccount Freeze() => _state is null ? _start! : _state.View(_journal!.ToArray(), _entries);

        private void Build(IReadOnlyList<JournalRecord> journal, IReadOnlyList<JournalEntry>? more, int postings = 0)
        {
            // A posting of the import appends one or two entries (a payment and its application): room for two each.
            var capacity = journal.Count + (more?.Count ?? 0) + (2 * postings);
            _state = ReplayState(journal, more, postings);
            _journal = new List<JournalRecord>(capacity);
            _journal.AddRange(journal);
            _entries = CustomerAccount.IndexEntries(_journal, capacity);
            _view = null;
        }
    }

    private sealed partial class State
    {
        /// <summary>The account view over this state: it shares the state's lists, so it is correct until the state changes.</summary>
        public CustomerAccount View(IReadOnlyList<JournalRecord> journal, Dictionary<EntryId, JournalEntry>? entries) =>
            new(Customer, journal, Items, ItemsById, Settlements, Communications, Archived, Collections)
            {
                LastCreditBlockRecord = LastCreditBlockRecord,
                EntriesIndex = entries,
            };
    }
}
