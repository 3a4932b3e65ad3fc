namespace Debitor.Core.Credit;

/// <summary>A sales document the host wants to create or change for a customer, as far as credit control is concerned (R2.5).</summary>
public enum SalesDocumentKind
{
    /// <summary>A quote (German <em>Angebot</em>).</summary>
    Quote,

    /// <summary>An order (German <em>Bestellung</em>, <em>Auftrag</em>): saved, changed or completed.</summary>
    Order,

    /// <summary>A delivery (German <em>Lieferung</em>, <em>Lieferschein</em>).</summary>
    Delivery,
}
