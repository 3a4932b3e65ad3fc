using Debitor.Core.Ledger;

namespace Debitor.Core.Ports;

/// <summary>
/// A store that reads, together with an account's records, a stamp that changes whenever anything but an append has
/// changed any account (D13.100): the count of account deletions the store has ever made. With the stamp, an account
/// view held between calls is checked against the store on every use in the one statement that reads the records after
/// its version: the same count means the account was only appended to since, so the held records plus the tail are the
/// journal; another count means an account may have been deleted and re-created, and the view is loaded again in full.
/// </summary>
/// <remarks>Internal: the stores of this solution implement it (SQLite); a store without it is loaded in full on every call.</remarks>
internal interface IStampedAccountStore
{
    /// <summary>Loads the records after <paramref name="afterVersion"/> and the store's deletion count, from one read snapshot.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="afterVersion">The version held (0: the whole journal).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The records above <paramref name="afterVersion"/> in order and the deletion count (<see langword="null"/>
    /// when the database has no count, e.g. its schema was not brought up to date: then nothing may be held); no
    /// records when there are none or the account does not exist.</returns>
    /// <exception cref="CorruptJournalException">A stored row cannot be read, or the versions have a gap.</exception>
    ValueTask<StampedRecords> LoadStampedAsync(CustomerId customer, long afterVersion, CancellationToken cancellationToken);
}

/// <summary>Records read with the store's deletion count (<see cref="IStampedAccountStore"/>).</summary>
/// <param name="Records">The records above the version asked for.</param>
/// <param name="Deletions">How many accounts the store has deleted, read in the same snapshot; <see langword="null"/> when unknown.</param>
/// <param name="Exists">Whether the account exists.</param>
internal readonly record struct StampedRecords(IReadOnlyList<JournalRecord> Records, long? Deletions, bool Exists);
