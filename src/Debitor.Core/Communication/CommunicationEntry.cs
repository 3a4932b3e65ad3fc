using System.Globalization;

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

    /// <summary>
    /// The subject as data, when the library composed it (<see cref="Subject"/> then holds its German rendering);
    /// <see langword="null"/> for a literal subject (a user's, or one written before journal format 2).
    /// </summary>
    public JournalText? SubjectData { get; init; }

    /// <summary>The text as data, when the library composed it; <see langword="null"/> for a literal text.</summary>
    public JournalText? TextData { get; init; }

    /// <summary>
    /// The entry as a reader in <paramref name="culture"/> sees it: subject and text the library composed are rendered in
    /// that language (dates, amounts and numbers in its formats); literal ones are kept as written.
    /// </summary>
    /// <param name="culture">The reader's culture, e.g. de-DE or en-GB.</param>
    /// <param name="texts">The texts; <see langword="null"/> for <see cref="JournalTexts.Default"/>.</param>
    /// <returns>The entry with <see cref="Subject"/> and <see cref="Text"/> in the reader's language.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public CommunicationEntry In(CultureInfo culture, JournalTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var catalog = texts ?? JournalTexts.Default;
        return this with
        {
            Subject = SubjectData is { } subject && catalog.TryRender(subject, culture, out var s) ? s : Subject,
            Text = TextData is { } text && catalog.TryRender(text, culture, out var t) ? t : Text,
        };
    }
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

    /// <summary>The history as a reader in <paramref name="culture"/> sees it (see <see cref="CommunicationEntry.In"/>), in the same order.</summary>
    /// <param name="entries">The history, e.g. <c>CustomerAccount.Communications</c> or a search result.</param>
    /// <param name="culture">The reader's culture, e.g. de-DE or en-GB.</param>
    /// <param name="texts">The texts; <see langword="null"/> for <see cref="JournalTexts.Default"/>.</param>
    /// <returns>The entries with subject and text in the reader's language.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or <paramref name="culture"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<CommunicationEntry> In(IReadOnlyList<CommunicationEntry> entries, CultureInfo culture, JournalTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(culture);
        return [.. entries.Select(e => e.In(culture, texts))];
    }
}
