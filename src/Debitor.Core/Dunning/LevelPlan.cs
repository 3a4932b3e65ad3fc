namespace Debitor.Core.Dunning;

/// <summary>The level rule of one scheme with one customer's days per level, over day numbers.</summary>
/// <remarks>
/// Day numbers are <see cref="DateOnly.DayNumber"/>s, so that the hot path compares integers. Shared by every customer
/// with the same scheme and branch and no overrides of its own; immutable.
/// </remarks>
internal sealed class LevelPlan
{
    private readonly bool[] _interest;

    internal LevelPlan(DunningScheme scheme, int[] days)
    {
        Scheme = scheme;
        Days = days;
        LevelCount = scheme.Levels.Count;
        MaxNotices = scheme.MaximumNotices;
        Strict = scheme.Comparison == DunningDayComparison.Strict;
        HasItemMinimum = scheme.MinimumItemAmounts.Count > 0;
        _interest = [.. scheme.Levels.Select(l => l.ChargesInterest)];
    }

    internal DunningScheme Scheme { get; }

    /// <summary>Days per level; index 0 is level 1.</summary>
    internal int[] Days { get; }

    internal int LevelCount { get; }

    internal int MaxNotices { get; }

    internal bool Strict { get; }

    internal bool HasItemMinimum { get; }

    /// <summary>Whether an item standing at a level bears interest on letters (R4.6): the level's setting; level 0 never.</summary>
    internal bool ChargesInterestAt(int level) => level > 0 && _interest[Math.Min(level, _interest.Length) - 1];

    internal static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    internal static LocalDate Date(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    /// <summary>
    /// The next notice an installment can get and the first day it is due (R4.2–R4.4): level 1 counted from the due
    /// date when never dunned; the next level, or the last level again, counted from the last notice; never two
    /// notices on one day; nothing once the maximum number of notices is reached or the level lies beyond the scheme.
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

        var eligible = from + Days[next - 1] + (Strict ? 1 : 0);
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
