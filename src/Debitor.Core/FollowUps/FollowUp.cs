namespace Debitor.Core.FollowUps;

/// <summary>What kind of follow-up.</summary>
public enum FollowUpKind
{
    /// <summary>A follow-up (German <em>Wiedervorlage</em>) with a done flag (R2.6).</summary>
    FollowUp,

    /// <summary>A reminder at a date, delivered by the host (by e-mail; R0.12).</summary>
    Reminder,

    /// <summary>A task for the account manager (R0.1, R0.12).</summary>
    AccountManagerTask,
}

/// <summary>A follow-up as the account shows it.</summary>
/// <param name="Id">The follow-up's key.</param>
/// <param name="Kind">Follow-up, reminder or account-manager task.</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="Subject">What to do.</param>
/// <param name="Assignee">Who should do it, if anyone in particular.</param>
/// <param name="Category">Its category, if any.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="DoneBy">Who marked it done; <see langword="null"/> while open.</param>
/// <param name="DoneAt">When it was marked done.</param>
public sealed record FollowUp(EntryId Id, FollowUpKind Kind, LocalDate DueDate, string Subject, UserId? Assignee, string? Category, UserId CreatedBy, Instant CreatedAt, UserId? DoneBy, Instant? DoneAt)
{
    /// <summary>Whether it is done.</summary>
    public bool IsDone => DoneAt is not null;

    /// <summary>Whether it is open and due on or before a date.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when due.</returns>
    public bool IsDueOn(LocalDate asOf) => !IsDone && DueDate <= asOf;
}
