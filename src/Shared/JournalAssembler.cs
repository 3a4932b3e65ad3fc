using System.Data.Common;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Storage;

/// <summary>
/// Builds one account's journal from rows read in version order (compiled into each database store): every load, single
/// or streamed, goes through it, so a gap, a missing tail or an unreadable row is found the same way everywhere. A
/// fault is kept, not thrown, so a streamed load reports the broken account and goes on with the next.
/// </summary>
internal sealed class JournalAssembler
{
    private List<JournalRecord> _records = [];
    private CorruptJournalException? _error;
    private long _head;
    private long _after;
    private byte[]? _account;

    /// <summary>The account being assembled.</summary>
    public CustomerId Customer { get; private set; }

    /// <summary>Starts an account whose row names <paramref name="head"/>; rows above <paramref name="after"/> follow.</summary>
    public void Start(CustomerId customer, long head, long after = 0)
    {
        Customer = customer;
        _head = head;
        _after = after;
        _records = new List<JournalRecord>((int)Math.Clamp(head - after, 0, 4096));
        _error = null;
    }

    /// <summary>
    /// Adds the row the reader stands on (version, recorded at, recorded by, payload from <paramref name="first"/> on), the
    /// payload read as UTF-8 bytes where the driver hands them out cheaply (D13.31, D13.46); after a fault the account's
    /// remaining rows are ignored.
    /// </summary>
    private void Add(DbDataReader reader, int first, bool payloadAsBytes)
    {
        if (_error is not null)
        {
            return;
        }

        var position = _after + _records.Count + 1;
        var version = reader.GetInt64(first);
        var recordedAt = reader.GetString(first + 1);
        var recordedBy = reader.GetString(first + 2);
        try
        {
            _records.Add(payloadAsBytes
                ? StoredRecord.Read(Customer, position, version, recordedAt, recordedBy, reader.GetFieldValue<byte[]>(first + 3))
                : StoredRecord.Read(Customer, position, version, recordedAt, recordedBy, reader.GetString(first + 3)));
        }
        catch (CorruptJournalException ex)
        {
            _error = ex;
        }
    }

    /// <summary>
    /// Adds a row whose time, author and payload the driver hands over as UTF-8 bytes it owns, valid only until the next
    /// row (D13.80): nothing of the row is copied unless its time or author is new; after a fault the account's remaining
    /// rows are ignored.
    /// </summary>
    public void Add(long version, ReadOnlySpan<byte> recordedAt, ReadOnlySpan<byte> recordedBy, ReadOnlySpan<byte> payload)
    {
        if (_error is not null)
        {
            return;
        }

        try
        {
            _records.Add(StoredRecord.Read(Customer, _after + _records.Count + 1, version, recordedAt, recordedBy, payload));
        }
        catch (CorruptJournalException ex)
        {
            _error = ex;
        }
    }

    /// <summary>The journal (or its fault), after checking the rows reach the account's version.</summary>
    public StoredJournal Finish()
    {
        if (_error is null)
        {
            try
            {
                StoredRecord.CheckComplete(Customer, _after + _records.Count, Math.Max(_head, _after));
            }
            catch (CorruptJournalException ex)
            {
                _error = ex;
            }
        }

        return _error is null ? new StoredJournal(Customer, _records) : new StoredJournal(Customer, _error);
    }

    /// <summary>The records, or the fault thrown: for the single-account loads.</summary>
    /// <exception cref="CorruptJournalException">The journal cannot be read.</exception>
    public IReadOnlyList<JournalRecord> FinishOrThrow()
    {
        var journal = Finish();
        return journal.Error is null ? journal.Records : throw journal.Error;
    }

    /// <summary>
    /// Reads one account's journal from a reader whose rows are (account version, row version, recorded at, recorded by,
    /// payload), the row columns null when the account has no row above <paramref name="after"/>; no row at all: no account.
    /// </summary>
    /// <exception cref="CorruptJournalException">The journal cannot be read.</exception>
    public static async Task<IReadOnlyList<JournalRecord>> ReadOneAsync(DbDataReader reader, CustomerId customer, long after, bool payloadAsBytes, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var journal = new JournalAssembler();
        journal.Start(customer, reader.GetInt64(0), after);
        do
        {
            if (!reader.IsDBNull(1))
            {
                journal.Add(reader, 1, payloadAsBytes);
            }
        }
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

        return journal.FinishOrThrow();
    }

    /// <summary>
    /// For a stream whose rows are grouped by account: moves to the account a row names (its id as the driver's UTF-8
    /// bytes, its version as the account row names it) unless that is the account being assembled, and returns the
    /// journal of the account before it, finished; <c>null</c> while the account is the same, or for the first account.
    /// The id is decoded once per account (D13.80).
    /// </summary>
    public StoredJournal? MoveTo(ReadOnlySpan<byte> account, long head)
    {
        if (_account is not null && account.SequenceEqual(_account))
        {
            return null;
        }

        var finished = _account is null ? null : Finish();
        _account = account.ToArray();
        Start(new CustomerId(System.Text.Encoding.UTF8.GetString(_account)), head);
        return finished;
    }

    /// <summary>The last account of a stream, finished; <c>null</c> when the stream had no row.</summary>
    public StoredJournal? FinishLast() => _account is null ? null : Finish();
}
