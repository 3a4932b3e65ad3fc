using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>The level decision of a run: the per-installment rule and the settings that look at the account as a whole.</summary>
internal sealed partial class Scanner
{
    private readonly List<DunningLine> _courtesy = [];
    private CustomerAccount? _gateFor;
    private AccountGate? _gate;

    /// <summary>
    /// Odoo's reminder before the due date: every open invoice installment never dunned, not excluded, due after the run
    /// date but at most <paramref name="days"/> days after it, that has not had its courtesy reminder.
    /// </summary>
    private void CollectCourtesyReminders(CustomerAccount account, LevelPlan plan, int days)
    {
        var asOfDay = scope.AsOfDay;
        var claims = account.OpenClaims;
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var claim = ref claims[i];
            if ((claim.Flags & ClaimFlags.Invoice) != 0 && claim.DueDay > asOfDay && claim.DueDay - days <= asOfDay && claim.Notices == 0
                && ItemExclusion(account, in claim, plan) is null && !CourtesyReminderSent(account, claim.Installment.Ref))
            {
                _courtesy.Add(new DunningLine(account.Customer, in claim, plan, scope.AsOf, DunningLineStatus.CourtesyReminder, 0));
            }
        }
    }

    /// <summary>Whether the installment's courtesy reminder is recorded in the account's communication history.</summary>
    internal static bool CourtesyReminderSent(CustomerAccount account, InstallmentRef installment)
    {
        var id = DunningIds.Courtesy(installment);
        foreach (var entry in account.Communications)
        {
            if (entry.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The one level decision of a run for an overdue, non-excluded invoice installment (one rule, one place: the first
    /// pass, the tallies, the letter lines, the excluded list and Explain all call it). First the installment's own rule
    /// (<see cref="LevelPlan.Decide"/>: days by delay rule, one level per run, one notice a day, the maximum); then the
    /// scheme's account-level settings, when it has any: one clock per customer (<see cref="DunningCadence.PerCustomer"/>),
    /// the dunning interval (<see cref="DunningScheme.DunningIntervalDays"/>) and SAP's minimum per level
    /// (<see cref="DunningLevel.MinimumAmounts"/>, <see cref="DunningLevel.MinimumPercent"/>).
    /// </summary>
    /// <returns><see cref="DunningLineStatus.Raised"/> when the installment is due for <paramref name="decision"/> now (a raise
    /// or a repeat), else <see cref="DunningLineStatus.MaximumReached"/>, <see cref="DunningLineStatus.WaitingForNextLevel"/>,
    /// <see cref="DunningLineStatus.WithinDunningInterval"/> or <see cref="DunningLineStatus.BelowLevelMinimum"/>.</returns>
    internal DunningLineStatus Decide(CustomerAccount account, in OpenClaim claim, LevelPlan plan, out LevelDecision decision)
    {
        decision = plan.Decide(claim.Level, claim.Notices, claim.LastNoticeDay, claim.DueDay);
        if (decision.IsNone)
        {
            return DunningLineStatus.MaximumReached;
        }

        if (!plan.HasAccountRules)
        {
            return decision.IsDueOn(scope.AsOfDay) || OnDemand(decision, in claim) ? DunningLineStatus.Raised : DunningLineStatus.WaitingForNextLevel;
        }

        var gate = GateFor(account, plan);
        if (!gate.IsDue(in claim, decision, scope.AsOfDay) && !OnDemand(decision, in claim))
        {
            return DunningLineStatus.WaitingForNextLevel;
        }

        return gate.Held ? DunningLineStatus.WithinDunningInterval
            : gate.Lowered(claim.Currency, Math.Min(decision.Level, plan.LevelCount)) ? DunningLineStatus.BelowLevelMinimum
            : DunningLineStatus.Raised;
    }

    /// <summary>The account-level state of the run for one account; computed once per account and scanner.</summary>
    internal AccountGate GateFor(CustomerAccount account, LevelPlan plan)
    {
        if (ReferenceEquals(account, _gateFor) && _gate is { } known)
        {
            return known;
        }

        var gate = new AccountGate(plan.PerCustomer);
        var asOfDay = scope.AsOfDay;
        if (plan.IntervalDays > 0 && LastLetterDay(account) is var last && last != int.MinValue)
        {
            gate.Held = asOfDay < last + plan.IntervalDays;
            gate.IntervalEndDay = last + plan.IntervalDays;
        }

        if (plan.PerCustomer)
        {
            gate.ClockDay = CustomerClock(account.OpenClaims, plan);
        }

        if (plan.HasLevelMinimum && !gate.Held)
        {
            LevelMinimums(account, plan, gate);
        }

        (_gateFor, _gate) = (account, gate);
        return gate;
    }

    /// <summary>
    /// Tells an explained line what the account-level settings add to its forecast: nothing goes out before the dunning
    /// interval ends; with one clock per customer the installment's next notice comes when the customer's clock is due and
    /// the installment is overdue.
    /// </summary>
    internal void ForecastClock(CustomerAccount account, LevelPlan plan, in OpenClaim claim, DunningLine line)
    {
        var gate = GateFor(account, plan);
        if (plan.PerCustomer && gate.ClockDay != int.MaxValue)
        {
            line.SetClock(Math.Max(gate.IntervalEndDay, Math.Max(gate.ClockDay, claim.DueDay + 1)), true);
        }
        else if (gate.IntervalEndDay != int.MinValue)
        {
            line.SetClock(gate.IntervalEndDay, false);
        }
    }

    /// <summary>
    /// The first day the customer's clock is due (<see cref="DunningCadence.PerCustomer"/>): the customer stands at the
    /// highest level of its open invoice installments and was last dunned on the latest of their notices; its next
    /// letter follows the level rule from there. A customer never dunned is due when its first installment is due for
    /// level 1.
    /// </summary>
    private static int CustomerClock(OpenClaim[] claims, LevelPlan plan)
    {
        int level = 0, last = int.MinValue, firstDue = int.MaxValue, never = int.MaxValue;
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var claim = ref claims[i];
            if ((claim.Flags & ClaimFlags.Invoice) == 0)
            {
                continue;
            }

            if (claim.Notices > 0)
            {
                level = Math.Max(level, claim.Level);
                last = Math.Max(last, claim.LastNoticeDay);
                firstDue = Math.Min(firstDue, claim.DueDay);
            }
            else if (plan.Decide(0, 0, int.MinValue, claim.DueDay) is { IsNone: false } first)
            {
                never = Math.Min(never, first.EligibleDay);
            }
        }

        if (level == 0)
        {
            return never;
        }

        var next = plan.Decide(level, 1, last, firstDue);
        return next.IsNone ? int.MaxValue : next.EligibleDay;
    }

    /// <summary>
    /// SAP's minimum per level: per currency, the open amount of the installments due for a notice of each level is
    /// compared with the level's minimum amount and its minimum percentage of the account's open claims (inclusive: both
    /// must be reached). From the highest level down, the installments of a level that misses either are assigned the
    /// next lower level, where they count with that level's installments.
    /// </summary>
    private void LevelMinimums(CustomerAccount account, LevelPlan plan, AccountGate gate)
    {
        var claims = account.OpenClaims;
        var asOfDay = scope.AsOfDay;
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var claim = ref claims[i];
            if (claim.IsCredit)
            {
                continue;
            }

            var sums = gate.SumsFor(claim.Currency, plan.LevelCount);
            sums.Total += claim.Open;
            if ((claim.Flags & ClaimFlags.Invoice) == 0 || claim.DueDay >= asOfDay || ItemExclusion(account, in claim, plan) is not null)
            {
                continue;
            }

            var decision = plan.Decide(claim.Level, claim.Notices, claim.LastNoticeDay, claim.DueDay);
            if (!decision.IsNone && (gate.IsDue(in claim, decision, asOfDay) || OnDemand(decision, in claim)))
            {
                sums.ByLevel[Math.Min(decision.Level, plan.LevelCount)] += claim.Open;
            }
        }

        foreach (var sums in gate.Sums)
        {
            var carried = 0m;
            for (var level = plan.LevelCount; level >= 1; level--)
            {
                var amount = sums.ByLevel[level] + carried;
                if (amount == 0m)
                {
                    continue;
                }

                var definition = plan.Scheme.Levels[level - 1];
                var met = amount >= definition.MinimumAmountIn(sums.Currency).Amount && amount * 100m >= definition.MinimumPercent * sums.Total;
                if (met)
                {
                    carried = 0m;
                }
                else
                {
                    sums.LoweredLevels |= 1 << level;
                    carried = amount;
                }
            }
        }
    }

    /// <summary>The date of the account's latest letter that was not cancelled, as a day number; <see cref="int.MinValue"/> for none.</summary>
    private static int LastLetterDay(CustomerAccount account)
    {
        List<(string Letter, int Day)>? letters = null;
        foreach (var record in account.Journal)
        {
            switch (record.Entry)
            {
                case DunningNoticeIssued issued:
                    (letters ??= []).Add((issued.LetterId, LevelPlan.Day(issued.LetterDate)));
                    break;
                case DunningLetterCancelled cancelled when letters is not null:
                    letters.RemoveAll(l => string.Equals(l.Letter, cancelled.LetterId, StringComparison.Ordinal));
                    break;
            }
        }

        var last = int.MinValue;
        foreach (var (_, day) in letters ?? [])
        {
            last = Math.Max(last, day);
        }

        return last;
    }
}

/// <summary>What the account-level settings decide for one account in a run.</summary>
internal sealed class AccountGate(bool perCustomer)
{
    private readonly List<LevelSums> _sums = [];

    /// <summary>Whether the dunning interval holds every notice of the account back.</summary>
    internal bool Held { get; set; }

    /// <summary>The first day the dunning interval lets a letter go out again; <see cref="int.MinValue"/> when none holds.</summary>
    internal int IntervalEndDay { get; set; } = int.MinValue;

    /// <summary>With one clock per customer: the first day the customer's next letter is due.</summary>
    internal int ClockDay { get; set; } = int.MaxValue;

    internal IEnumerable<LevelSums> Sums => _sums;

    /// <summary>Whether an installment is due for its next notice now: by its own days, or — one clock per customer — when the customer's clock is due.</summary>
    internal bool IsDue(in OpenClaim claim, LevelDecision decision, int asOfDay) =>
        perCustomer ? asOfDay >= ClockDay && claim.LastNoticeDay < asOfDay : decision.IsDueOn(asOfDay);

    /// <summary>Whether the installments of a level in a currency were assigned the next lower level.</summary>
    internal bool Lowered(Currency currency, int level)
    {
        foreach (var sums in _sums)
        {
            if (sums.Currency == currency)
            {
                return (sums.LoweredLevels & (1 << level)) != 0;
            }
        }

        return false;
    }

    internal LevelSums SumsFor(Currency currency, int levels)
    {
        foreach (var sums in _sums)
        {
            if (sums.Currency == currency)
            {
                return sums;
            }
        }

        var added = new LevelSums(currency, new decimal[levels + 1]);
        _sums.Add(added);
        return added;
    }

    /// <summary>One currency's open total, open amount due per level, and the levels assigned the next lower level (bit per level).</summary>
    internal sealed class LevelSums(Currency currency, decimal[] byLevel)
    {
        internal Currency Currency { get; } = currency;

        internal decimal[] ByLevel { get; } = byLevel;

        internal decimal Total { get; set; }

        internal int LoweredLevels { get; set; }
    }
}
