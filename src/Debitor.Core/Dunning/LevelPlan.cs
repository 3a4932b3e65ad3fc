namespace Debitor.Core.Dunning;

/// <summary>The level rule of one scheme with one customer's days per level, over day numbers.</summary>
/// <remarks>
/// Day numbers are <see cref="DateOnly.DayNumber"/>s, so that the hot path compares integers. Shared by every customer
/// with the same scheme and branch and no overrides of its own; immutable.
/// </remarks>
internal sealed class LevelPlan
{
    private readonly bool[] _interest;
    private readonly DunningDelayRule[]? _rules;

    internal LevelPlan(DunningScheme scheme, int[] days)
    {
        Scheme = scheme;
        Days = days;
        LevelCount = scheme.Levels.Count;
        MaxNotices = scheme.MaximumNotices;
        Strict = scheme.Comparison == DunningDayComparison.Strict;
        HasItemMinimum = scheme.MinimumItemAmounts.Count > 0;
        _interest = [.. scheme.Levels.Select(l => l.ChargesInterest)];
        _rules = scheme.Levels.Any(l => l.DelayRule != DunningDelayRule.AfterPreviousNotice) ? [.. scheme.Levels.Select(l => l.DelayRule)] : null;
        IntervalDays = scheme.DunningIntervalDays;
        PerCustomer = scheme.Cadence == DunningCadence.PerCustomer;
        HasLevelMinimum = scheme.Levels.Any(l => l.MinimumPercent > 0m || l.MinimumAmounts.Count > 0);
    }

    /// <summary>The scheme's dunning interval in days; 0 for none.</summary>
    internal int IntervalDays { get; }

    /// <summary>Whether one clock per customer decides (<see cref="DunningCadence.PerCustomer"/>).</summary>
    internal bool PerCustomer { get; }

    /// <summary>Whether a level has a minimum amount or percentage (SAP).</summary>
    internal bool HasLevelMinimum { get; }

    /// <summary>Whether any setting decides over the account as a whole (interval, cadence, level minimum).</summary>
    internal bool HasAccountRules => IntervalDays > 0 || PerCustomer || HasLevelMinimum;

    internal DunningScheme Scheme { get; }

    /// <summary>Days per level; index 0 is level 1.</summary>
    internal int[] Days { get; }

    internal int LevelCount { get; }

    internal int MaxNotices { get; }

    internal bool Strict { get; }

    internal bool HasItemMinimum { get; }

    /// <summary>Whether an item standing at a level bears interest on letters (R4.6): the level's setting; level 0 never.</summary>
    internal bool ChargesInterestAt(int level) => level > 0 && _interest[Math.Min(level, _interest.Length) - 1];

    /// <summary>The last day of the month of a day number.</summary>
    internal static int EndOfMonth(int day)
    {
        var date = DateOnly.FromDayNumber(day);
        return new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)).DayNumber;
    }

    internal static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    internal static LocalDate Date(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    /// <summary>
    /// The next notice an installment can get and the first day it is due (R4.2–R4.4): level 1 counted from the due
    /// date when never dunned; the next level counted by its delay rule (from the last notice by default, from the due
    /// date, or the end of the month after the due date plus the days); the last level again counted from the last notice;
    /// never two notices on one day; nothing once the maximum number of notices is reached or the level lies beyond the scheme.
    /// </summary>
    /// <param name="level">The current level.</param>
    /// <param name="notices">The notices issued so far.</param>
    /// <param name="lastNoticeDay">The day of the last notice (ignored when <paramref name="notices"/> is 0).</param>
    /// <param name="dueDay">The effective due date.</param>
    internal LevelDecision Decide(int level, int notices, int lastNoticeDay, int dueDay)
    {
        int next;
        int from;
        if (notices == 0)
        {
            next = 1;
            from = dueDay;
        }
        else if (level < LevelCount)
        {
            next = level + 1;
            from = lastNoticeDay;
        }
        else if (level > LevelCount || (MaxNotices > 0 && notices >= MaxNotices))
        {
            return default;
        }
        else
        {
            next = LevelCount;
            from = lastNoticeDay;
        }

        var reference = from + Days[next - 1];
        if (_rules is { } rules && next != level)
        {
            reference = rules[next - 1] switch
            {
                DunningDelayRule.AfterDueDate => dueDay + Days[next - 1],
                DunningDelayRule.EndOfMonthAfterDueDate => EndOfMonth(dueDay + Days[next - 1]),
                _ => reference,
            };
        }

        var eligible = reference + (Strict ? 1 : 0);
        if (notices > 0 && eligible <= lastNoticeDay)
        {
            eligible = lastNoticeDay + 1;
        }
        else if (notices == 0 && eligible <= dueDay)
        {
            // An item is overdue only after its due date: with level-1 days 0 and inclusive comparison, the first day a
            // run can dun it is the day after the due date, never the due date itself.
            eligible = dueDay + 1;
        }

        return new LevelDecision(next, eligible, next == level);
    }
}

/// <summary>The next notice of an installment: its level and the first day it is due; <c>default</c> for none.</summary>
internal readonly record struct LevelDecision(int Level, int EligibleDay, bool IsRepeat)
{
    internal bool IsNone => Level == 0;

    internal bool IsDueOn(int day) => Level > 0 && day >= EligibleDay;
}
