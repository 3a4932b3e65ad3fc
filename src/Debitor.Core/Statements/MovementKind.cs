namespace Debitor.Core.Statements;

/// <summary>What a line of the full account statement records. Applications of payments and credit notes are not
/// movements: they move an existing credit onto a claim and leave the balance as it is.</summary>
public enum MovementKind
{
    /// <summary>An invoice (debit), dated with its document date.</summary>
    Invoice,

    /// <summary>A dunning fee (debit), dated with its charge date.</summary>
    DunningFee,

    /// <summary>Interest charged (debit), dated with its charge date.</summary>
    Interest,

    /// <summary>Other costs charged (debit), dated with their charge date.</summary>
    Cost,

    /// <summary>The flat recovery compensation (debit), dated with its charge date.</summary>
    RecoveryCompensation,

    /// <summary>A credit note (credit), dated with its document date.</summary>
    CreditNote,

    /// <summary>A payment received (credit), dated with its value date.</summary>
    Payment,

    /// <summary>Money paid back to the customer (debit), dated with the refund date.</summary>
    Refund,

    /// <summary>An amount written off (credit), dated with the write-off date.</summary>
    WriteOff,

    /// <summary>A returned direct debit or cheque (debit of the payment's amount), dated with the return date.</summary>
    PaymentReturned,

    /// <summary>A reversal (<em>Storno</em>) of an earlier movement (the opposite amount), dated with the reversal date.</summary>
    Reversal,

    /// <summary>An overpayment within the tolerance written off (debit: the customer's credit shrinks), dated with the write-off date.</summary>
    CreditWriteOff,

    /// <summary>A claim delegated to the payer (credit: it is owed there now), dated with the delegation date.</summary>
    Delegation,
}
