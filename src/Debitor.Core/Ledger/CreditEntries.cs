using Debitor.Core.Credit;

namespace Debitor.Core.Ledger;

/// <summary>
/// A manual block was set on the customer, or its level changed (R2.5). It holds until a <see cref="CreditBlockLifted"/>,
/// whatever the open items are. Neither debit nor credit.
/// </summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Level">What is blocked; not <see cref="CreditBlockLevel.None"/> (lift the block instead).</param>
/// <param name="Reason">Why; mandatory.</param>
public sealed record CreditBlockSet(EntryId Id, CreditBlockLevel Level, string Reason) : JournalEntry(Id);

/// <summary>The manual block was lifted (R2.5). Neither debit nor credit.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Note">An optional note.</param>
public sealed record CreditBlockLifted(EntryId Id, string? Note = null) : JournalEntry(Id);

/// <summary>
/// An actor with the override permission passed credit control for one sales document despite a block, a limit or an
/// overdue status (R2.5). Recorded for every override; neither debit nor credit.
/// </summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Document">The kind of document that was let through.</param>
/// <param name="Reasons">What was overridden; at least one reason.</param>
/// <param name="Note">Why; mandatory.</param>
/// <param name="DocumentReference">The host's reference of the document (e.g. the order number), if known.</param>
/// <param name="Amount">The document's amount as checked, if given.</param>
public sealed record CreditControlOverridden(
    EntryId Id, SalesDocumentKind Document, IReadOnlyList<CreditRefusalReason> Reasons, string Note, string? DocumentReference = null, Money? Amount = null)
    : JournalEntry(Id)
{
    private readonly IReadOnlyList<CreditRefusalReason> _reasons = ValueList<CreditRefusalReason>.From(Reasons);

    /// <summary>What was overridden, compared by content.</summary>
    public IReadOnlyList<CreditRefusalReason> Reasons
    {
        get => _reasons;
        init => _reasons = ValueList<CreditRefusalReason>.From(value);
    }
}
