namespace Debitor.Core.Communication;

/// <summary>The delivery state of an e-mail in the communication history (R0.4). It only moves forward.</summary>
public enum EmailStatus
{
    /// <summary>Sent by us.</summary>
    Sent,

    /// <summary>Received (delivered to the recipient's server, or received from the customer).</summary>
    Received,

    /// <summary>Opened by the recipient.</summary>
    Opened,
}

/// <summary>A communication-history entry (R0.4): type, subject, text, user, time.</summary>
/// <param name="Id">The journal entry's key.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The text.</param>
/// <param name="User">Who recorded it.</param>
/// <param name="At">When.</param>
/// <param name="Item">The item it concerns, if any.</param>
public sealed record CommunicationEntry(EntryId Id, CommunicationKind Kind, string Subject, string Text, UserId User, Instant At, EntryId? Item)
{
    /// <summary>For e-mails: the latest delivery state; <see langword="null"/> for other kinds.</summary>
    public EmailStatus? EmailStatus { get; init; }
}

/// <summary>What to look for in the communication history. Every criterion given must match; none given matches all.</summary>
/// <param name="Text">Text contained in the subject or text, case-insensitive.</param>
/// <param name="Kinds">Any of these kinds.</param>
/// <param name="User">Recorded by this user.</param>
/// <param name="From">Recorded at or after this instant.</param>
/// <param name="To">Recorded before this instant (exclusive).</param>
public sealed record CommunicationFilter(string? Text = null, IReadOnlyList<CommunicationKind>? Kinds = null, UserId? User = null, Instant? From = null, Instant? To = null)
{
    /// <summary>Whether an entry matches every given criterion.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    public bool Matches(CommunicationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (string.IsNullOrEmpty(Text)
                || entry.Subject.Contains(Text, StringComparison.OrdinalIgnoreCase)
                || entry.Text.Contains(Text, StringComparison.OrdinalIgnoreCase))
            && (Kinds is null || Kinds.Count == 0 || Kinds.Contains(entry.Kind))
            && (User is not { } user || entry.User == user)
            && (From is not { } from || entry.At >= from)
            && (To is not { } to || entry.At < to);
    }
}

/// <summary>Searching the communication history. Pure and thread-safe.</summary>
public static class CommunicationHistory
{
    /// <summary>The entries matching a filter, newest first (ties: the later-recorded first).</summary>
    /// <param name="entries">The history, in the order recorded (e.g. <c>CustomerAccount.Communications</c>).</param>
    /// <param name="filter">The criteria.</param>
    /// <returns>The matching entries, newest first.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<CommunicationEntry> Search(IReadOnlyList<CommunicationEntry> entries, CommunicationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(filter);
        var result = new List<CommunicationEntry>();
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (filter.Matches(entries[i]))
            {
                result.Add(entries[i]);
            }
        }

        // Recorded order is time order for one account; a stable sort keeps later-recorded entries first on equal instants.
        return [.. result.OrderByDescending(e => e.At)];
    }
}
