using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// Storage of customer account journals, implemented by the host. Append-only with optimistic concurrency:
/// a journal is only ever extended, and an append names the version it expects.
/// </summary>
/// <remarks>
/// Implementations must be safe for concurrent use and must append all records of one call atomically,
/// or none. <see cref="InMemoryCustomerAccountStore"/> is the reference implementation.
/// </remarks>
public interface ICustomerAccountStore
{
    /// <summary>Loads an account's journal.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The records in order (versions 1, 2, 3, …); empty when the account does not exist.</returns>
    ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken);

    /// <summary>Appends records to an account's journal, creating the account when <paramref name="expectedVersion"/> is 0.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="expectedVersion">The version the caller loaded (0 for a new account). The records carry versions expectedVersion + 1, + 2, …</param>
    /// <param name="records">The records to append.</param>
    /// <param name="cancellationToken">Cancels the append before it happens.</param>
    /// <returns>A task that completes when the records are stored.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <paramref name="expectedVersion"/>; nothing was appended.</exception>
    ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken);

    /// <summary>Deletes an account that never had a posted document (R1.2); the application layer checks that.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="expectedVersion">The version the caller loaded.</param>
    /// <param name="cancellationToken">Cancels the delete before it happens.</param>
    /// <returns>A task that completes when the account is gone.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <paramref name="expectedVersion"/>; nothing was deleted.</exception>
    ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Lists the accounts, e.g. for a dunning run.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The ids of every account, in no particular order.</returns>
    ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken);

    /// <summary>Streams the accounts of one company, e.g. for a dunning run, without holding every id in memory.</summary>
    /// <remarks>
    /// An account belongs to the company of its latest <see cref="CustomerRegistered"/> or <see cref="CustomerSettingsChanged"/>
    /// entry. The default implementation loads every account to find out; a database store answers from an index.
    /// An account whose journal cannot be read is listed (so a run can report it), not skipped.
    /// </remarks>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The ids of the company's accounts, ordered by id (ordinal).</returns>
    async IAsyncEnumerable<CustomerId> ListCustomersAsync(CompanyId company, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = await ListCustomersAsync(cancellationToken).ConfigureAwait(false);
        foreach (var customer in all.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            IReadOnlyList<JournalRecord>? journal;
            try
            {
                journal = await LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            }
            catch (CorruptJournalException)
            {
                journal = null;
            }

            if (journal is null || CompanyOf(journal) == company)
            {
                yield return customer;
            }
        }
    }

    /// <summary>
    /// Streams the journals of one company's accounts, for a run over many accounts: one query (or a few) instead of one
    /// per account in a database store. The default implementation lists the company's accounts and loads each.
    /// </summary>
    /// <remarks>
    /// A journal that cannot be read is streamed with its <see cref="StoredJournal.Error"/> (so a run can report it), not
    /// skipped and not thrown. Only the journals being streamed need to be in memory at a time.
    /// </remarks>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The company's journals, ordered by account id (ordinal).</returns>
    async IAsyncEnumerable<StoredJournal> LoadCompanyAsync(CompanyId company, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var customer in ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            StoredJournal journal;
            try
            {
                journal = new StoredJournal(customer, await LoadAsync(customer, cancellationToken).ConfigureAwait(false));
            }
            catch (CorruptJournalException ex)
            {
                journal = new StoredJournal(customer, ex);
            }

            if (journal.Error is not null || journal.Records.Count > 0)
            {
                yield return journal;
            }
        }
    }

    /// <summary>
    /// Streams the journals of the accounts named, e.g. the accounts an import or a batch of payments touches: one query
    /// (or a few) instead of one per account in a database store. The default implementation loads each.
    /// </summary>
    /// <remarks>An account that does not exist is streamed with no records; one that cannot be read with its <see cref="StoredJournal.Error"/>.</remarks>
    /// <param name="customers">The accounts, each at most once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One journal per account named, in the order named.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> is <see langword="null"/>.</exception>
    async IAsyncEnumerable<StoredJournal> LoadManyAsync(IReadOnlyList<CustomerId> customers, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
        {
            StoredJournal journal;
            try
            {
                journal = new StoredJournal(customer, await LoadAsync(customer, cancellationToken).ConfigureAwait(false));
            }
            catch (CorruptJournalException ex)
            {
                journal = new StoredJournal(customer, ex);
            }

            yield return journal;
        }
    }

    /// <summary>
    /// Loads the records of an account's journal after a version, e.g. to bring a view held in memory (a snapshot) up to
    /// date without reading the records it was built from. The default implementation loads the whole journal.
    /// </summary>
    /// <param name="customer">The account.</param>
    /// <param name="afterVersion">The version the caller holds (0 for the whole journal).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The records with versions above <paramref name="afterVersion"/>, in order; empty when there are none or the account does not exist.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterVersion"/> is negative.</exception>
    async ValueTask<IReadOnlyList<JournalRecord>> LoadAfterAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        var records = await LoadAsync(customer, cancellationToken).ConfigureAwait(false);
        return afterVersion >= records.Count ? [] : afterVersion == 0 ? records : records.Skip((int)afterVersion).ToList();
    }

    /// <summary>
    /// Streams the ids and journal versions of one company's accounts: enough to tell which account views held in memory
    /// are still current without reading any journal. The default implementation loads each journal to count it.
    /// </summary>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The company's accounts with their versions, ordered by account id (ordinal); an unreadable journal is listed with version 0.</returns>
    async IAsyncEnumerable<AccountVersion> ListVersionsAsync(CompanyId company, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var journal in LoadCompanyAsync(company, cancellationToken).ConfigureAwait(false))
        {
            yield return new AccountVersion(journal.Customer, journal.Records.Count);
        }
    }

    /// <summary>
    /// Appends to many accounts at once, e.g. the notices of a dunning run or the lines of an import. Each account's part is
    /// atomic and version-checked exactly as in <see cref="AppendAsync"/>; a database store commits the whole batch in one
    /// transaction where it can. An account whose stored version is not the expected one gets nothing appended and is
    /// returned; the others are appended. The default implementation appends account by account.
    /// </summary>
    /// <remarks>
    /// The batch as a whole is not atomic: a fault (not a version conflict) may leave some accounts appended and others
    /// not, each of them whole or not at all, so a caller retries the batch by reloading the accounts it concerns (an
    /// account whose records are stored already then has the newer version and is returned as a conflict).
    /// </remarks>
    /// <param name="appends">At most one part per account.</param>
    /// <param name="cancellationToken">Cancels the call before anything is appended.</param>
    /// <returns>The accounts not appended because their version had moved on, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appends"/> or one of its parts is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An account appears twice, or a record does not carry the version that follows its part's expected version.</exception>
    async ValueTask<IReadOnlyList<CustomerId>> AppendManyAsync(IReadOnlyList<JournalAppend> appends, CancellationToken cancellationToken)
    {
        JournalAppend.CheckBatch(appends);
        cancellationToken.ThrowIfCancellationRequested();
        var conflicts = new List<CustomerId>();
        foreach (var append in appends)
        {
            try
            {
                await AppendAsync(append.Customer, append.ExpectedVersion, append.Records, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ConcurrencyException)
            {
                conflicts.Add(append.Customer);
            }
        }

        return conflicts;
    }

    /// <summary>The company of a journal: that of its latest registration or settings change.</summary>
    /// <param name="records">The records, in order.</param>
    /// <returns>The company, or <see langword="null"/> when no record names one.</returns>
    internal static CompanyId? CompanyOf(IEnumerable<JournalRecord> records)
    {
        CompanyId? company = null;
        if (records is IReadOnlyList<JournalRecord> list)
        {
            // By index: a store's append asks this of every account it writes (no enumerator per call, D16.223).
            for (var i = 0; i < list.Count; i++)
            {
                company = CompanyOf(list[i].Entry, company);
            }

            return company;
        }

        foreach (var record in records)
        {
            company = CompanyOf(record.Entry, company);
        }

        return company;
    }

    private static CompanyId? CompanyOf(JournalEntry entry, CompanyId? before) => entry switch
    {
        CustomerRegistered registered => registered.Settings.Company,
        CustomerSettingsChanged changed => changed.Settings.Company,
        _ => before,
    };
}
