using System.Collections.Concurrent;
using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>A thread-safe in-memory <see cref="ICustomerAccountStore"/> for tests, samples and small hosts.</summary>
/// <remarks>Each account is guarded by its own lock; appends to different accounts run in parallel. Nothing survives the process.</remarks>
public sealed class InMemoryCustomerAccountStore : ICustomerAccountStore
{
    private readonly ConcurrentDictionary<CustomerId, Stream> _streams = new();

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_streams.TryGetValue(customer, out var stream))
        {
            return ValueTask.FromResult<IReadOnlyList<JournalRecord>>([]);
        }

        lock (stream)
        {
            return ValueTask.FromResult<IReadOnlyList<JournalRecord>>(stream.Deleted ? [] : [.. stream.Records]);
        }
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is null || records[i].Version != expectedVersion + i + 1)
            {
                throw new ArgumentException($"Record {i} must carry version {expectedVersion + i + 1}.", nameof(records));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            // Only an append that creates the account with at least one record may create its stream: anything else that
            // created one (a stale writer racing a delete, an empty append) would leave an empty, listed "ghost" account.
            Stream? stream;
            if (expectedVersion == 0 && records.Count > 0)
            {
                stream = _streams.GetOrAdd(customer, _ => new Stream());
            }
            else if (!_streams.TryGetValue(customer, out stream))
            {
                return expectedVersion == 0 ? ValueTask.CompletedTask : throw new ConcurrencyException(customer, expectedVersion, 0);
            }

            lock (stream)
            {
                if (stream.Deleted)
                {
                    // A deleted stream is replaced by a fresh one; try again with it.
                    _streams.TryRemove(new KeyValuePair<CustomerId, Stream>(customer, stream));
                    continue;
                }

                if (stream.Records.Count != expectedVersion)
                {
                    throw new ConcurrencyException(customer, expectedVersion, stream.Records.Count);
                }

                stream.Records.AddRange(records);
                stream.Company = ICustomerAccountStore.CompanyOf(records) ?? stream.Company;
                return ValueTask.CompletedTask;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_streams.TryGetValue(customer, out var stream))
        {
            throw new ConcurrencyException(customer, expectedVersion, 0);
        }

        lock (stream)
        {
            var actual = stream.Deleted ? 0 : stream.Records.Count;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyException(customer, expectedVersion, actual);
            }

            stream.Deleted = true;
            _streams.TryRemove(new KeyValuePair<CustomerId, Stream>(customer, stream));
            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc />
    /// <remarks>Lists only accounts that hold at least one record: a stream being created or deleted is never listed empty.</remarks>
    public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<CustomerId>(_streams.Count);
        foreach (var (customer, stream) in _streams)
        {
            lock (stream)
            {
                if (!stream.Deleted && stream.Records.Count > 0)
                {
                    result.Add(customer);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<CustomerId>>(result);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CustomerId> ListCustomersAsync(CompanyId company, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var ids = new List<CustomerId>();
        foreach (var (id, stream) in _streams)
        {
            lock (stream)
            {
                if (!stream.Deleted && stream.Company == company)
                {
                    ids.Add(id);
                }
            }
        }

        foreach (var id in ids.OrderBy(i => i.Value, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return id;
        }
    }

    /// <inheritdoc />
    /// <remarks>One pass over the accounts held, no journal copied but the company's (D13.24).</remarks>
    public async IAsyncEnumerable<StoredJournal> LoadCompanyAsync(CompanyId company, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var (id, records, _) in Snapshot(company, copy: true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StoredJournal(id, records!);
        }
    }

    /// <inheritdoc />
    /// <remarks>One pass over the accounts held, no journal copied (D13.24).</remarks>
    public async IAsyncEnumerable<AccountVersion> ListVersionsAsync(CompanyId company, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var (id, _, version) in Snapshot(company, copy: false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AccountVersion(id, version);
        }
    }

    /// <inheritdoc />
    /// <remarks>Copies only the records after <paramref name="afterVersion"/>.</remarks>
    public ValueTask<IReadOnlyList<JournalRecord>> LoadAfterAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_streams.TryGetValue(customer, out var stream))
        {
            return ValueTask.FromResult<IReadOnlyList<JournalRecord>>([]);
        }

        lock (stream)
        {
            var count = stream.Deleted ? 0 : stream.Records.Count;
            return ValueTask.FromResult<IReadOnlyList<JournalRecord>>(afterVersion >= count ? [] : stream.Records.GetRange((int)afterVersion, count - (int)afterVersion));
        }
    }

    /// <summary>The company's accounts holding records, ordered by id (ordinal), each with a copy of its records when asked and its version.</summary>
    private List<(CustomerId Id, JournalRecord[]? Records, long Version)> Snapshot(CompanyId company, bool copy)
    {
        var result = new List<(CustomerId Id, JournalRecord[]? Records, long Version)>();
        foreach (var (id, stream) in _streams)
        {
            lock (stream)
            {
                if (!stream.Deleted && stream.Company == company && stream.Records.Count > 0)
                {
                    result.Add((id, copy ? [.. stream.Records] : null, stream.Records.Count));
                }
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        return result;
    }

    private sealed class Stream
    {
        public CompanyId? Company { get; set; }

        public List<JournalRecord> Records { get; } = [];

        public bool Deleted { get; set; }
    }
}
