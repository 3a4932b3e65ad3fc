namespace Debitor.Core.Credit;

/// <summary>Why credit control stops a sales document (R2.5). Only actors with the override permission may pass it.</summary>
public enum CreditRefusalReason
{
    /// <summary>A manual block covers the document kind.</summary>
    ManualBlock,

    /// <summary>The credit limit (open items, open orders and the new document) is exceeded, or no limit is valid on the date.</summary>
    CreditLimitExceeded,

    /// <summary>The internal credit limit is exceeded, or it is not valid on the date.</summary>
    InternalCreditLimitExceeded,

    /// <summary>An open installment is past its effective due date.</summary>
    Overdue,

    /// <summary>An open installment has reached its internal due date (due date minus the configured days).</summary>
    InternallyOverdue,

    /// <summary>An open installment is overdue by the configured number of days for a delivery stop (refuses deliveries).</summary>
    DeliveryStop,
}
