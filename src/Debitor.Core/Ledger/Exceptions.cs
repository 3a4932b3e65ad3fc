namespace Debitor.Core.Ledger;

/// <summary>Thrown when an entry id exists in the account with different content. Posting the same content again is a no-op.</summary>
public sealed class DuplicateEntryException : DebitorException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="entry">The entry id that exists.</param>
    public DuplicateEntryException(CustomerId customer, EntryId entry)
        : base($"Entry '{entry}' already exists in account '{customer}' with different content; posted entries are never changed. Use a new id, or reverse the entry and post a correction.")
    {
        Customer = customer;
        Entry = entry;
    }

    /// <summary>The account.</summary>
    public CustomerId Customer { get; }

    /// <summary>The entry id that exists.</summary>
    public EntryId Entry { get; }
}

/// <summary>Thrown when a new document is posted for an archived customer.</summary>
public sealed class CustomerArchivedException : DebitorException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="customer">The archived customer.</param>
    public CustomerArchivedException(CustomerId customer)
        : base($"Customer '{customer}' is archived and takes no new documents.")
    {
        Customer = customer;
    }

    /// <summary>The archived customer.</summary>
    public CustomerId Customer { get; }
}
