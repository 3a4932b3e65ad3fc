namespace Debitor.Core.Credit;

/// <summary>Where a customer stands with the company's credit insurer (R2.2, German <em>Kreditversicherung</em>).</summary>
/// <remarks>Shown next to the remaining limit; the library records it and never decides on it.</remarks>
public enum CreditInsuranceStatus
{
    /// <summary>No cover applied for.</summary>
    None,

    /// <summary>Cover applied for; the insurer has not decided yet.</summary>
    Requested,

    /// <summary>Insured in the amount applied for.</summary>
    Insured,

    /// <summary>Insured for less than applied for.</summary>
    PartlyInsured,

    /// <summary>The insurer refused cover.</summary>
    Declined,

    /// <summary>Cover was withdrawn or ended.</summary>
    Cancelled,
}
