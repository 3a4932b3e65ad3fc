using Debitor.Core.Ledger;

namespace Debitor.Core.Credit;

/// <summary>The manual block in force on a customer (R2.5): what it blocks, why, who set it and when.</summary>
/// <param name="Level">What is blocked.</param>
/// <param name="Reason">Why.</param>
/// <param name="SetBy">Who set it.</param>
/// <param name="SetAt">When it was recorded.</param>
/// <param name="Entry">The <see cref="CreditBlockSet"/> entry that set it.</param>
public sealed record CreditBlock(CreditBlockLevel Level, string Reason, UserId SetBy, Instant SetAt, EntryId Entry)
{
    /// <summary>Whether the block stops a document kind: a delivery block stops deliveries; a delivery and order block also
    /// orders; a delivery, order and quote block also quotes.</summary>
    /// <param name="document">The document kind.</param>
    /// <returns><see langword="true"/> when the block covers it.</returns>
    public bool Blocks(SalesDocumentKind document) => Covers(Level, document);

    /// <summary>Whether a block level covers a document kind.</summary>
    internal static bool Covers(CreditBlockLevel level, SalesDocumentKind document) => document switch
    {
        SalesDocumentKind.Delivery => level >= CreditBlockLevel.Delivery,
        SalesDocumentKind.Order => level >= CreditBlockLevel.DeliveryAndOrders,
        SalesDocumentKind.Quote => level >= CreditBlockLevel.DeliveryOrdersAndQuotes,
        _ => false,
    };

    /// <summary>The block in force: the last <see cref="CreditBlockSet"/> unless a <see cref="CreditBlockLifted"/> came after it.</summary>
    internal static CreditBlock? Current(CustomerAccount account) =>
        account.LastCreditBlockRecord is { Entry: CreditBlockSet set } record
            ? new CreditBlock(set.Level, set.Reason, record.RecordedBy, record.RecordedAt, set.Id)
            : null;
}
