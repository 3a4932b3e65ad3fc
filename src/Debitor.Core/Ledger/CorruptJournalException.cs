namespace Debitor.Core.Ledger;

/// <summary>
/// Thrown when a stored journal cannot be replayed: an entry refers to an item or entry the journal does not hold,
/// or would drive an amount below zero; or, thrown by a store, a stored row cannot be read (unknown entry kind,
/// malformed document) or the journal's versions have a gap. Journals written through the application layer never
/// are; this points at a store that lost or altered entries.
/// </summary>
public sealed class CorruptJournalException : DebitorException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entry">The entry that could not be replayed.</param>
    /// <param name="reason">Why.</param>
    public CorruptJournalException(EntryId entry, string reason)
        : base($"Journal entry '{entry}' cannot be replayed: {reason}")
    {
        Entry = entry;
    }

    /// <summary>Initializes a new instance for a stored journal that cannot be read.</summary>
    /// <param name="customer">The account whose journal is corrupt.</param>
    /// <param name="version">The version (1-based position) of the first record that cannot be read or is missing.</param>
    /// <param name="reason">Why.</param>
    /// <param name="innerException">The reader's error, if any.</param>
    public CorruptJournalException(CustomerId customer, long version, string reason, Exception? innerException = null)
        : base($"The journal of account '{customer}' is corrupt at version {version}: {reason}", innerException)
    {
        Customer = customer;
        Version = version;
        Entry = (innerException as Serialization.JournalFormatException)?.Entry ?? default;
    }

    /// <summary>The entry that could not be replayed or read; empty (<see cref="EntryId.IsEmpty"/>) when a store could not read its id.</summary>
    public EntryId Entry { get; }

    /// <summary>The account, when a store reported the corruption.</summary>
    public CustomerId? Customer { get; }

    /// <summary>The version of the first unreadable or missing record, when a store reported the corruption.</summary>
    public long? Version { get; }
}
