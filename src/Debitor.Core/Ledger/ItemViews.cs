namespace Debitor.Core.Ledger;

/// <summary>What created an open item.</summary>
public enum ItemKind
{
    /// <summary>An invoice (claim).</summary>
    Invoice,

    /// <summary>A dunning fee (claim).</summary>
    DunningFee,

    /// <summary>An interest charge (claim).</summary>
    Interest,

    /// <summary>Other costs, e.g. a returned-debit fee (claim).</summary>
    Cost,

    /// <summary>A credit note (credit).</summary>
    CreditNote,

    /// <summary>A payment received (credit).</summary>
    Payment,
}

/// <summary>The state of an open item.</summary>
public enum ItemStatus
{
    /// <summary>Something is still open: a claim not fully settled, or a credit not fully applied.</summary>
    Open,

    /// <summary>Closed, with at least one payment or credit note among what settled it; for a credit, fully applied or refunded.</summary>
    Paid,

    /// <summary>A claim closed by write-offs alone.</summary>
    WrittenOff,

    /// <summary>The posting was reversed.</summary>
    Reversed,

    /// <summary>A payment that came back (returned direct debit or cheque).</summary>
    Returned,

    /// <summary>A claim closed by delegating it to another customer (its payer), who owes it now.</summary>
    Delegated,
}

/// <summary>What settled (part of) an installment, or what a credit was used for.</summary>
public enum SettlementKind
{
    /// <summary>A payment applied to a claim.</summary>
    Payment,

    /// <summary>A credit note applied to a claim.</summary>
    CreditNote,

    /// <summary>A write-off of (part of) a claim.</summary>
    WriteOff,

    /// <summary>A refund out of a credit.</summary>
    Refund,

    /// <summary>The claim was delegated to another customer (its payer), where it is owed now.</summary>
    Delegation,

    /// <summary>Part of a credit (an overpayment within the tolerance) was written off.</summary>
    CreditWriteOff,
}

/// <summary>The legal status of an item (filled by the collections capability).</summary>
public enum LegalStatus
{
    /// <summary>In normal receivables management.</summary>
    None,

    /// <summary>Handed over to a lawyer.</summary>
    Lawyer,

    /// <summary>Handed over to a collection agency.</summary>
    CollectionAgency,

    /// <summary>Handed over to the court dunning procedure (gerichtliches Mahnverfahren).</summary>
    CourtDunning,

    /// <summary>
    /// A claim on a customer in insolvency proceedings that was founded before the proceedings opened (an
    /// <em>Insolvenzforderung</em>, §38 InsO): it is filed with the administrator, never dunned or charged interest on.
    /// </summary>
    Insolvency,
}

/// <summary>One movement that settled part of an installment (R0.6), or one use of a credit.</summary>
/// <remarks>Built from the journal entry that made it (an application, write-off or refund); immutable once the account view is built.</remarks>
public sealed class Settlement
{
    internal Settlement(JournalEntry entry, SettlementKind kind)
    {
        Origin = entry;
        Kind = kind;
    }

    /// <summary>The journal entry that made it: a <see cref="PaymentApplied"/>, <see cref="WriteOffPosted"/>, <see cref="RefundPosted"/>, <see cref="CreditWrittenOff"/> or <see cref="ClaimDelegated"/>.</summary>
    public JournalEntry Origin { get; }

    /// <summary>The id of the entry that made it.</summary>
    public EntryId Entry => Origin.Id;

    /// <summary>Payment, credit note, write-off or refund.</summary>
    public SettlementKind Kind { get; }

    /// <summary>The payment or credit note used; <see langword="null"/> for write-offs.</summary>
    public EntryId? Source => Origin switch
    {
        PaymentApplied applied => applied.Source,
        RefundPosted refund => refund.Source,
        CreditWrittenOff writeOff => writeOff.Source,
        _ => null,
    };

    /// <summary>The installment settled; <see langword="null"/> for refunds.</summary>
    public InstallmentRef? Target => Origin switch
    {
        PaymentApplied applied => applied.Target,
        WriteOffPosted writeOff => writeOff.Target,
        ClaimDelegated delegated => delegated.Target,
        _ => null,
    };

    /// <summary>The date of the movement.</summary>
    public LocalDate Date => Origin switch
    {
        PaymentApplied applied => applied.Date,
        WriteOffPosted writeOff => writeOff.Date,
        RefundPosted refund => refund.Date,
        CreditWrittenOff writeOff => writeOff.Date,
        ClaimDelegated delegated => delegated.Date,
        _ => default,
    };

    /// <summary>The amount.</summary>
    public Money Amount => Origin switch
    {
        PaymentApplied applied => applied.Amount,
        WriteOffPosted writeOff => writeOff.Amount,
        RefundPosted refund => refund.Amount,
        CreditWrittenOff writeOff => writeOff.Amount,
        ClaimDelegated delegated => delegated.Amount,
        _ => default,
    };

    /// <summary>The reversal or payment return that undid it; <see langword="null"/> while it stands.</summary>
    public EntryId? UndoneBy => UndoingEntry?.Id;

    /// <summary>Whether the movement still counts (it was not reversed or undone by a payment return).</summary>
    public bool IsActive => UndoingEntry is null;

    /// <summary>The reversal or payment return that undid it.</summary>
    internal JournalEntry? UndoingEntry { get; set; }

    /// <summary>A short description.</summary>
    /// <returns>Kind, amount, date and state.</returns>
    public override string ToString() => $"{Kind} {Amount} on {Date:yyyy-MM-dd}{(IsActive ? string.Empty : " (undone)")}";
}

/// <summary>A changed due date (R0.8): from what, to what, why, by whom and when.</summary>
/// <param name="OldDueDate">The effective due date before the change.</param>
/// <param name="NewDueDate">The new due date.</param>
/// <param name="Note">Why.</param>
/// <param name="ChangedBy">Who changed it.</param>
/// <param name="ChangedAt">When.</param>
public sealed record DueDateOverride(LocalDate OldDueDate, LocalDate NewDueDate, string Note, UserId ChangedBy, Instant ChangedAt);

/// <summary>A pause of an item (R0.7).</summary>
/// <param name="Reason">Why.</param>
/// <param name="PausedBy">Who paused it.</param>
/// <param name="PausedAt">When.</param>
/// <param name="Until">The last paused day (inclusive), or <see langword="null"/> until resumed by hand.</param>
public sealed record PauseState(string Reason, UserId PausedBy, Instant PausedAt, LocalDate? Until)
{
    /// <summary>Whether the pause holds on a date: always without <see cref="Until"/>, otherwise up to and including it.</summary>
    /// <param name="date">The date, e.g. the as-of date of a dunning run.</param>
    /// <returns><see langword="true"/> when the item is paused on that date.</returns>
    public bool IsActiveOn(LocalDate date) => Until is not { } until || date <= until;
}

/// <summary>The dunning state of an installment (filled by the dunning capability).</summary>
/// <param name="Level">The level of the last notice; 0 when never dunned.</param>
/// <param name="NoticeCount">How many notices were issued.</param>
/// <param name="LastNoticeDate">The date of the last notice.</param>
/// <param name="NextLevelCountsFrom">The date the days to the next level count from.</param>
public sealed record DunningState(int Level, int NoticeCount, LocalDate? LastNoticeDate, LocalDate? NextLevelCountsFrom)
{
    /// <summary>
    /// The date of default (German <em>Verzug</em>, §286(1) BGB): the date of the first dunning notice still standing on the
    /// installment; interest schemes with <see cref="Interest.InterestStart.AfterDefaultDate"/> start from it.
    /// </summary>
    public LocalDate? DefaultDate { get; init; }

    /// <summary>Never dunned.</summary>
    public static DunningState None { get; } = new(0, 0, null, null);
}
