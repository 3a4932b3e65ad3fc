namespace Debitor.Core.Ledger;

/// <summary>A journal entry as stored: its position in the account's journal, who recorded it and when.</summary>
/// <param name="Version">The entry's 1-based position in the account's journal; the account's version after it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="Entry">The entry.</param>
public sealed record JournalRecord(long Version, Instant RecordedAt, UserId RecordedBy, JournalEntry Entry);
