namespace Debitor.Core.Communication;

/// <summary>The channel or occasion of an entry in the communication history (R0.4, R0.12).</summary>
public enum CommunicationKind
{
    /// <summary>A free comment.</summary>
    Comment,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A letter.</summary>
    Letter,

    /// <summary>A phone call.</summary>
    PhoneCall,

    /// <summary>A due date was changed (R0.8).</summary>
    DueDateChange,

    /// <summary>An item was paused or resumed (R0.7).</summary>
    Pause,

    /// <summary>A dunning letter was issued.</summary>
    DunningLetter,

    /// <summary>A payment agreement was made or changed.</summary>
    PaymentAgreement,

    /// <summary>Items were handed over to a lawyer or collection agency.</summary>
    HandOver,

    /// <summary>The account manager was notified.</summary>
    AccountManagerNotice,

    /// <summary>A reminder.</summary>
    Reminder,

    /// <summary>Credit control: a block set or lifted, or a block, limit or overdue status overridden (R2.5).</summary>
    CreditControl,
}
