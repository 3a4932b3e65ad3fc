namespace Debitor.Core.Application;

/// <summary>
/// The business date of a use case (issue 14 point 1, D14.1): the as-of date the caller gives, else today from the clock in
/// the company's time zone. It decides what the result says (interest to, aging on, breaches up to); the clock alone stamps
/// <see cref="Ledger.JournalRecord.RecordedAt"/>, so a business date never back-dates the audit trail.
/// </summary>
internal static class BusinessDate
{
    /// <summary>The as-of date, or today.</summary>
    internal static LocalDate Of(LocalDate? asOf, LocalDate today) => asOf ?? today;

    /// <summary>
    /// The as-of date of a use case that records something (an interest invoice, a broken agreement), or today: it may lie
    /// before today but not after — what has not happened yet cannot be recorded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The as-of date is after today.</exception>
    internal static LocalDate NotAfterToday(LocalDate? asOf, LocalDate today, string parameterName) =>
        asOf is { } date && date > today
            ? throw new ArgumentOutOfRangeException(parameterName, date, $"The as-of date {date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); what has not happened yet cannot be recorded.")
            : asOf ?? today;
}
