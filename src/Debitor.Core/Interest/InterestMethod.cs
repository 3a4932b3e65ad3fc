namespace Debitor.Core.Interest;

/// <summary>How an interest scheme turns an overdue installment into interest (see <see cref="InterestScheme.Method"/>).</summary>
/// <remarks>Stored values keep their meaning: new methods are appended.</remarks>
public enum InterestMethod
{
    /// <summary>
    /// Daily simple interest over the payment history (the default, as German law requires, §§288, 289 BGB): each day
    /// from the first interest day is charged on the amount outstanding that day, at the rate of that day. SAP Business
    /// One calls this "calculate interest on original sum".
    /// </summary>
    DailyOnHistory = 0,

    /// <summary>
    /// SAP Business One's "calculate interest on remaining sum": the amount still open on the as-of date, charged for
    /// every day from the first interest day, as if it had been open all along; paid amounts bear none.
    /// </summary>
    RemainingSum = 1,

    /// <summary>
    /// Business Central's "Balance Due": a flat finance charge of the scheme's rate on the amount still open on the
    /// as-of date, independent of the days overdue, charged once per installment.
    /// </summary>
    BalanceDue = 2,

    /// <summary>
    /// Business Central's "Average Daily Balance": the rate applies per interest period of
    /// <see cref="InterestScheme.InterestPeriodDays"/> days, pro rata to the days overdue, on the amount outstanding each
    /// day (balance × days overdue / interest period × rate / 100).
    /// </summary>
    AverageDailyBalance = 3,
}
