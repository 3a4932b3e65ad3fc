namespace Debitor.Core.Credit;

/// <summary>A manual block set on a customer (R2.5, German <em>Liefersperre</em>); each level blocks more document kinds.</summary>
/// <remarks>A block is set and lifted through journal entries (<see cref="Ledger.CreditBlockSet"/>, <see cref="Ledger.CreditBlockLifted"/>);
/// it holds until lifted, whatever the open items are.</remarks>
public enum CreditBlockLevel
{
    /// <summary>No block.</summary>
    None,

    /// <summary>Delivery block: no deliveries.</summary>
    Delivery,

    /// <summary>Delivery and order block: no deliveries and no new or changed orders.</summary>
    DeliveryAndOrders,

    /// <summary>Delivery, order and quote block: no deliveries, orders or quotes.</summary>
    DeliveryOrdersAndQuotes,
}
