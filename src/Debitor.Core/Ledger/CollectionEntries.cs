using Debitor.Core.Agreements;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Files;
using Debitor.Core.FollowUps;

namespace Debitor.Core.Ledger;

/// <summary>A payment agreement (installment plan) was made for a set of open items (R0.10). While active and kept, the items are not dunned.</summary>
/// <param name="Id">The entry's key; also the agreement's key.</param>
/// <param name="Items">The items covered.</param>
/// <param name="Date">The date the agreement was made.</param>
/// <param name="Schedule">The installments: dates and amounts, adding up to the covered amount plus agreed interest and fee.</param>
/// <param name="GraceDays">Days after an installment's date before a missing payment breaks the agreement.</param>
/// <param name="Note">A note, e.g. what was agreed on the phone.</param>
public sealed record PaymentAgreementMade(EntryId Id, IReadOnlyList<EntryId> Items, LocalDate Date, IReadOnlyList<AgreementInstallment> Schedule, int GraceDays, string? Note = null)
    : JournalEntry(Id)
{
    private readonly IReadOnlyList<EntryId> _items = ValueList<EntryId>.From(Items);
    private readonly IReadOnlyList<AgreementInstallment> _schedule = ValueList<AgreementInstallment>.From(Schedule);

    /// <summary>The items covered, compared by content.</summary>
    public IReadOnlyList<EntryId> Items
    {
        get => _items;
        init => _items = ValueList<EntryId>.From(value);
    }

    /// <summary>The installments, compared by content.</summary>
    public IReadOnlyList<AgreementInstallment> Schedule
    {
        get => _schedule;
        init => _schedule = ValueList<AgreementInstallment>.From(value);
    }
}

/// <summary>
/// An active agreement was changed (amounts, dates, grace days). The earlier schedule stays in the journal and in
/// <see cref="PaymentAgreement.Amendments"/>; the new one replaces it from now on and adds up to the same total.
/// </summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Agreement">The agreement.</param>
/// <param name="Date">The date of the change.</param>
/// <param name="Schedule">The whole new schedule (installments already paid included), numbered from 1.</param>
/// <param name="GraceDays">The grace days from now on.</param>
/// <param name="Note">Why; mandatory.</param>
public sealed record PaymentAgreementAmended(EntryId Id, EntryId Agreement, LocalDate Date, IReadOnlyList<AgreementInstallment> Schedule, int GraceDays, string Note)
    : JournalEntry(Id)
{
    private readonly IReadOnlyList<AgreementInstallment> _schedule = ValueList<AgreementInstallment>.From(Schedule);

    /// <summary>The installments, compared by content.</summary>
    public IReadOnlyList<AgreementInstallment> Schedule
    {
        get => _schedule;
        init => _schedule = ValueList<AgreementInstallment>.From(value);
    }
}

/// <summary>An agreement was broken: an installment stayed unpaid past its grace days. Its items return to dunning at the level they had.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Agreement">The agreement.</param>
/// <param name="Date">The date the breach was detected.</param>
/// <param name="Installment">The 1-based number of the installment that was missed.</param>
public sealed record PaymentAgreementBroken(EntryId Id, EntryId Agreement, LocalDate Date, int Installment) : JournalEntry(Id);

/// <summary>An agreement was deleted (R0.10); its items return to dunning.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Agreement">The agreement.</param>
/// <param name="Reason">Why.</param>
public sealed record PaymentAgreementDeleted(EntryId Id, EntryId Agreement, string Reason) : JournalEntry(Id);

/// <summary>Items were handed over to a lawyer or a collection agency (R0.12). They leave dunning and interest runs.</summary>
/// <param name="Id">The entry's key; also the case's key.</param>
/// <param name="Items">The items handed over.</param>
/// <param name="To">Lawyer or collection agency.</param>
/// <param name="Recipient">The lawyer's or agency's name.</param>
/// <param name="Date">The hand-over date.</param>
public sealed record ItemsHandedOver(EntryId Id, IReadOnlyList<EntryId> Items, HandOverKind To, string Recipient, LocalDate Date) : JournalEntry(Id)
{
    private readonly IReadOnlyList<EntryId> _items = ValueList<EntryId>.From(Items);

    /// <summary>The items handed over, compared by content.</summary>
    public IReadOnlyList<EntryId> Items
    {
        get => _items;
        init => _items = ValueList<EntryId>.From(value);
    }
}

/// <summary>A hand-over case was closed; its items return to normal receivables management.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Case">The case (the hand-over entry).</param>
/// <param name="Outcome">Paid, written off or returned.</param>
/// <param name="Date">The closing date.</param>
public sealed record HandOverClosed(EntryId Id, EntryId Case, HandOverOutcome Outcome, LocalDate Date) : JournalEntry(Id);

/// <summary>An e-mail's status moved forward (sent → received → opened; R0.4).</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Email">The e-mail's communication entry.</param>
/// <param name="Status">The new status; never behind the current one.</param>
public sealed record EmailStatusChanged(EntryId Id, EntryId Email, EmailStatus Status) : JournalEntry(Id);

/// <summary>A comment was pinned on top of the communication history (one at a time; R0.12), or the pin was removed.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="Comment">The comment to pin, or <see langword="null"/> to remove the pin.</param>
public sealed record CommentPinned(EntryId Id, EntryId? Comment) : JournalEntry(Id);

/// <summary>A follow-up, reminder or account-manager task was created (R0.12, R2.6).</summary>
/// <param name="Id">The entry's key; also the follow-up's key.</param>
/// <param name="Kind">Follow-up, reminder or account-manager task.</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="Subject">What to do.</param>
/// <param name="Assignee">Who should do it, if anyone in particular.</param>
/// <param name="Category">A category, if any.</param>
public sealed record FollowUpCreated(EntryId Id, FollowUpKind Kind, LocalDate DueDate, string Subject, UserId? Assignee = null, string? Category = null) : JournalEntry(Id);

/// <summary>A follow-up was marked done.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="FollowUp">The follow-up.</param>
public sealed record FollowUpDone(EntryId Id, EntryId FollowUp) : JournalEntry(Id);

/// <summary>A file was attached to the customer after it passed the virus scan (R0.5).</summary>
/// <param name="Id">The entry's key; also the file's key.</param>
/// <param name="File">What was stored.</param>
public sealed record FileAttached(EntryId Id, StoredFile File) : JournalEntry(Id);

/// <summary>The customer's master data (addresses, contacts, bank accounts, mandates, custom fields) was replaced.</summary>
/// <param name="Id">The entry's key.</param>
/// <param name="MasterData">The new master data.</param>
public sealed record MasterDataChanged(EntryId Id, CustomerMasterData MasterData) : JournalEntry(Id);
