namespace Debitor.Core.Ledger;

/// <summary>
/// Thrown when a stored journal cannot be replayed: an entry refers to an item or entry the journal does not hold,
/// or would drive an amount below zero. Journals written through the application layer never are; this points at a
/// store that lost or altered entries.
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

    /// <summary>The entry that could not be replayed.</summary>
    public EntryId Entry { get; }
}
