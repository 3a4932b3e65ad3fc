using System.Globalization;
using Debitor.Core.Customers;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>A notice on the forward dunning calendar: the level an installment reaches and the first date it can.</summary>
/// <param name="Level">The level of the notice.</param>
/// <param name="Date">The first run date on which the notice is due, assuming every earlier notice is issued on its first possible date.</param>
public readonly record struct ScheduledNotice(int Level, LocalDate Date);

/// <summary>
/// One installment as a dunning run sees it: on a letter (with the level it reaches and why), or excluded (with why),
/// with the date it reaches its next level.
/// </summary>
/// <remarks>
/// <para>A line reads the installment from the account view it was computed from; amounts and states are those of
/// the run date. <see cref="Explanation"/> and <see cref="Forecast"/> are computed when asked for.</para>
/// <para>Immutable and thread-safe for reading.</para>
/// </remarks>
public sealed class DunningLine
{
    private readonly OpenInstallment _installment;
    private readonly LevelPlan? _plan;
    private readonly Currency _currency;
    private readonly int _dueDay;
    private readonly short _level;
    private readonly DunningLineStatus _status;
    private readonly byte _exclusion;
    private readonly bool _onLetter;
    private readonly bool _isInvoice;
    private decimal _fee;
    private decimal _interest;
    private IReadOnlyList<ItemInterestPeriod> _interestPeriods = [];
    private IReadOnlyList<ScheduledNotice>? _verifiedForecast;
    private int _floorDay = int.MinValue;
    private bool _joinsAtFloor;

    internal DunningLine(
        Customer customer,
        in OpenClaim claim,
        LevelPlan? plan,
        LocalDate asOf,
        DunningLineStatus status,
        int level,
        DunningExclusion? exclusion = null,
        bool onLetter = true)
    {
        CustomerSettings = customer;
        _installment = claim.Installment;
        _isInvoice = (claim.Flags & ClaimFlags.Invoice) != 0;
        _dueDay = claim.DueDay;
        _currency = claim.Currency;
        _plan = plan;
        _onLetter = onLetter;
        AsOf = asOf;
        _status = status;
        _level = (short)level;
        _exclusion = exclusion is { } reason ? (byte)(reason + 1) : (byte)0;
    }

    /// <summary>The debtor.</summary>
    public CustomerId Customer => CustomerSettings.Id;

    /// <summary>The debtor's name.</summary>
    public string CustomerName => CustomerSettings.Name;

    /// <summary>The installment.</summary>
    public InstallmentRef Installment => _installment.Ref;

    /// <summary>What created the item (invoice, or a fee, interest or cost charge).</summary>
    public ItemKind ItemKind => _installment.Item.Kind;

    /// <summary>Prepayment, remainder or regular (R4.1: dunned separately).</summary>
    public InstallmentKind InstallmentKind => _installment.Kind;

    /// <summary>The document number.</summary>
    public string DocumentNumber => _installment.Item.DocumentNumber;

    /// <summary>The document date.</summary>
    public LocalDate DocumentDate => _installment.Item.DocumentDate;

    /// <summary>The installment's effective due date (its changed due date, else its own, else the invoice's).</summary>
    public LocalDate DueDate => _installment.DueDate;

    /// <summary>Whether this installment's due date was changed (R0.8).</summary>
    public bool DueDateChanged => _installment.DueDateOverride is not null;

    /// <summary>The installment's amount as posted.</summary>
    public Money Amount => _installment.Amount;

    /// <summary>What is open on the run date.</summary>
    public Money OpenAmount => new(_installment.OpenValue, _currency);

    /// <summary>What was paid, credited or written off so far (R0.6).</summary>
    public Money SettledAmount => _installment.Amount - OpenAmount;

    /// <summary>The currency.</summary>
    public Currency Currency => _currency;

    /// <summary>Days from the due date to the run date; negative when not due yet.</summary>
    public int DaysOverdue => Period.DaysBetween(DueDate, AsOf);

    /// <summary>The run date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The level before the run; 0 when never dunned.</summary>
    public int PreviousLevel => _installment.Dunning.Level;

    /// <summary>How many notices were issued before the run.</summary>
    public int PreviousNotices => _installment.Dunning.NoticeCount;

    /// <summary>The date of the last notice before the run, if any.</summary>
    public LocalDate? LastNoticeDate => _installment.Dunning.LastNoticeDate;

    /// <summary>The level after the letter: the new level for <see cref="DunningLineStatus.Raised"/> and
    /// <see cref="DunningLineStatus.Repeated"/>, otherwise the previous level.</summary>
    public int Level => _level;

    /// <summary>
    /// Whether the letter issues a notice for the installment (raised or repeated). Lines from
    /// <c>DunningEngine.Explain</c> are on no letter: for them it says the installment is due for that notice now.
    /// </summary>
    public bool IssuesNotice => Status is DunningLineStatus.Raised or DunningLineStatus.Repeated;

    /// <summary>Whether a notice is issued with this line: on a letter, not an explanation.</summary>
    private bool Issued => _onLetter && IssuesNotice;

    /// <summary>Where the installment stands.</summary>
    public DunningLineStatus Status => _status;

    /// <summary>Why the installment is kept off every letter; <see langword="null"/> unless <see cref="Status"/> is <see cref="DunningLineStatus.Excluded"/>.</summary>
    public DunningExclusion? Exclusion => _exclusion == 0 ? null : (DunningExclusion)(_exclusion - 1);

    /// <summary>The per-item fee charged for raising the installment to its level; zero otherwise.</summary>
    public Money Fee => new(_fee, _currency);

    /// <summary>
    /// The default interest stated for the installment: exactly what an interest invoice dated on the run date would charge
    /// for it under the debtor's interest scheme (start, grace, §193, payment history, rounding, net of interest already
    /// charged), when the installment's own level charges interest; zero otherwise (never for level 0, fees or charges).
    /// </summary>
    public Money Interest => new(_interest, _currency);

    /// <summary>The periods behind <see cref="Interest"/>: principal, first and last day, days and annual rate, so the recipient can check it.</summary>
    public IReadOnlyList<ItemInterestPeriod> InterestPeriods => _interestPeriods;

    /// <summary>The text key of the installment's level (R4.6): <c>dunning.level.none</c> when never reminded, else <c>dunning.level.{n}</c>.</summary>
    public string LevelTextKey => Level == 0 ? "dunning.level.none" : string.Create(CultureInfo.InvariantCulture, $"dunning.level.{Level}");

    /// <summary>The text key of <see cref="Status"/>: <c>dunning.status.</c> and the status in camel case, e.g. <c>dunning.status.waitingForNextLevel</c>.</summary>
    public string StatusTextKey => "dunning.status." + Camel(Status.ToString());

    /// <summary>The text key of <see cref="Exclusion"/> (<c>dunning.exclusion.</c> and the reason in camel case), or <see langword="null"/>.</summary>
    public string? ExclusionTextKey => Exclusion is { } reason ? "dunning.exclusion." + Camel(reason.ToString()) : null;

    /// <summary>
    /// The next level the installment can reach after this run, or <see langword="null"/> when none (all notices issued,
    /// not a dunned kind of item, or excluded for a reason that has no end date).
    /// </summary>
    public int? NextLevel => Next() is { } next ? next.Level : null;

    /// <summary>The first run date on which <see cref="NextLevel"/> is due; <see langword="null"/> with it.</summary>
    public LocalDate? NextLevelDate => Next() is { } next ? next.Date : null;

    /// <summary>Why the installment is where it is, in one sentence (English; hosts may build their own text from the other properties).</summary>
    public string Explanation => Explain();

    /// <summary>The customer's settings.</summary>
    internal Customer CustomerSettings { get; }

    internal OpenInstallment Source => _installment;

    internal LevelPlan? Plan => _plan;

    /// <summary>The due date as a day number.</summary>
    internal int DueDay => _dueDay;

    /// <summary>The open amount as a decimal.</summary>
    internal decimal Open => _installment.OpenValue;

    /// <summary>Whether the installment belongs to an invoice (rather than a fee, interest or cost item).</summary>
    internal bool IsInvoice => _isInvoice;

    internal void SetFee(decimal fee) => _fee = fee;

    /// <summary>
    /// What the account-level settings add to the forecast: the first day the dunning interval lets a letter go out, and
    /// with one clock per customer the day the customer's clock is due, on which the installment joins the letter.
    /// </summary>
    internal void SetClock(int floorDay, bool joinsAtFloor) => (_floorDay, _joinsAtFloor) = (floorDay, joinsAtFloor);

    internal void SetInterest(decimal interest, IReadOnlyList<ItemInterestPeriod> periods)
    {
        _interest = interest;
        _interestPeriods = ReadOnlyViews.Of(periods);
    }

    /// <summary>
    /// Makes the forecast the run's: the first forecast notice is kept only when a run on its date issues it (letter
    /// minimum and credits included); otherwise the line forecasts nothing while nothing changes.
    /// </summary>
    internal void VerifyForecast(Func<LocalDate, DunningProposal> runOn)
    {
        var forecast = Forecast();
        if (forecast.Count == 0)
        {
            return;
        }

        var first = forecast[0];
        var issued = runOn(first.Date).Letters.Any(l => l.Lines.Any(x => x.Customer == Customer && x.Installment == Installment && x.IssuesNotice && x.Level == first.Level));
        _verifiedForecast = issued ? forecast : [];
    }

    /// <summary>
    /// The forward dunning calendar: the notices still to come and their first possible dates, assuming each is issued
    /// on its first possible date and nothing is paid. With an unlimited number of notices the last level is shown once.
    /// </summary>
    /// <returns>The scheduled notices, in order; empty when no further notice can come.</returns>
    public IReadOnlyList<ScheduledNotice> Forecast()
    {
        if (_verifiedForecast is { } verified)
        {
            return verified;
        }

        if (_plan is null || !_isInvoice || (Status == DunningLineStatus.Excluded && NotEnding()))
        {
            return [];
        }

        var (level, notices, last) = StateAfterRun();
        var result = new List<ScheduledNotice>();
        var floor = EarliestDay();
        var limit = _plan.MaxNotices > 0 ? _plan.MaxNotices : int.MaxValue;
        while (notices < limit)
        {
            var decision = _plan.Decide(level, notices, last, _dueDay);
            if (decision.IsNone)
            {
                break;
            }

            var day = Math.Max(_joinsAtFloor && result.Count == 0 ? floor : decision.EligibleDay, floor);
            result.Add(new ScheduledNotice(decision.Level, LevelPlan.Date(day)));
            level = decision.Level;
            notices++;
            last = day;
            floor = day + 1;
            if (_plan.MaxNotices == 0 && level == _plan.LevelCount)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>A short description.</summary>
    /// <returns>Document, installment, status and level.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Customer} {DocumentNumber}/{Installment.Number} {OpenAmount} {Status} level {Level}");

    private ScheduledNotice? Next()
    {
        var forecast = Forecast();
        return forecast.Count > 0 ? forecast[0] : null;
    }

    /// <summary>The state the installment has after this run: one notice more when the letter issues one.</summary>
    private (int Level, int Notices, int LastDay) StateAfterRun()
    {
        var state = _installment.Dunning;
        var last = state.LastNoticeDate is { } date ? LevelPlan.Day(date) : int.MinValue;
        return Issued ? (Level, state.NoticeCount + 1, LevelPlan.Day(AsOf)) : (state.Level, state.NoticeCount, last);
    }

    /// <summary>The first day a further notice could be issued: after the run, and after a pause ends.</summary>
    private int EarliestDay()
    {
        var day = Math.Max(LevelPlan.Day(AsOf) + (Issued ? 1 : 0), _floorDay);
        if (Exclusion == DunningExclusion.Paused && _installment.Item.Pause?.Until is { } until)
        {
            day = Math.Max(day, LevelPlan.Day(until) + 1);
        }

        return day;
    }

    /// <summary>Whether the exclusion has no known end: everything except a pause with an end date and the reasons that pass with time.</summary>
    private bool NotEnding() => Exclusion switch
    {
        DunningExclusion.Paused => _installment.Item.Pause?.Until is null,
        DunningExclusion.NoNoticeDue or DunningExclusion.LevelNotSelected or DunningExclusion.NotInProposal
            or DunningExclusion.BelowLetterMinimum or DunningExclusion.NetOverdueNotPositive
            or DunningExclusion.WithinDunningInterval or DunningExclusion.BelowLevelMinimum => false,
        _ => true,
    };

    private static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));

    private string Explain()
    {
        var state = _installment.Dunning;
        var next = Next();
        var nextText = next is { } n ? Text($" Next: level {n.Level} from {Iso(n.Date)}.") : string.Empty;
        var comparison = _plan?.Strict == false ? "on or before" : "before";
        if (IssuesNotice && !_onLetter)
        {
            return Text($"Due for level {Level} now (the run date {Iso(AsOf)} is the first possible date or later).{nextText}");
        }

        switch (Status)
        {
            case DunningLineStatus.Raised or DunningLineStatus.Repeated when _plan!.PerCustomer:
                return Text($"Level {Level}: the customer's letter is due (one clock per customer), and every overdue item gets its next notice.{nextText}");
            case DunningLineStatus.Raised when _plan.Scheme.Levels[Level - 1].DelayRule != DunningDelayRule.AfterPreviousNotice:
            {
                var days = _plan.Days[Level - 1];
                var reference = _plan.Scheme.Levels[Level - 1].DelayRule == DunningDelayRule.AfterDueDate
                    ? Text($"due date {Iso(DueDate)} + {days} days ({Iso(DueDate.PlusDays(days))})")
                    : Text($"the end of the month of due date {Iso(DueDate)} + {days} days ({Iso(LevelPlan.Date(LevelPlan.EndOfMonth(LevelPlan.Day(DueDate.PlusDays(days)))))})");
                return Text($"Level {Level}: {reference} is {comparison} {Iso(AsOf)}.{nextText}");
            }

            case DunningLineStatus.Raised when Level == 1:
            {
                var days = _plan!.Days[0];
                return Text($"Level 1: due {Iso(DueDate)}, never dunned; due date + {days} days ({Iso(DueDate.PlusDays(days))}) is {comparison} {Iso(AsOf)}.{nextText}");
            }

            case DunningLineStatus.Raised:
            {
                var days = _plan!.Days[Level - 1];
                var last = state.LastNoticeDate!.Value;
                return Text($"Level {Level}: level {state.Level} notice of {Iso(last)} + {days} days ({Iso(last.PlusDays(days))}) is {comparison} {Iso(AsOf)}.{nextText}");
            }

            case DunningLineStatus.Repeated:
            {
                var days = _plan!.Days[Level - 1];
                var last = state.LastNoticeDate!.Value;
                var of = _plan.MaxNotices > 0 ? Text($" of {_plan.MaxNotices}") : string.Empty;
                return Text($"Level {Level} again (notice {state.NoticeCount + 1}{of}): last notice {Iso(last)} + {days} days is {comparison} {Iso(AsOf)}.{nextText}");
            }

            case DunningLineStatus.WaitingForNextLevel when state.Level == 0:
                return Text($"Not yet reminded: overdue since {Iso(DueDate)}, listed; not yet due for its first notice.{nextText}");
            case DunningLineStatus.WaitingForNextLevel:
                return Text($"Level {state.Level}: overdue since {Iso(DueDate)}, listed; not yet due for its next notice.{nextText}");
            case DunningLineStatus.LevelNotSelected:
                return Text($"Level {state.Level}: due for level {next?.Level} now, but the run is limited to another level; listed only.");
            case DunningLineStatus.NotInProposal:
                return Text($"Level {state.Level}: due for a notice now, but not in the processed proposal; listed only.");
            case DunningLineStatus.WithinDunningInterval:
                return Text($"Level {state.Level}: due for its next notice, but the account had a letter less than {_plan!.IntervalDays} days ago (dunning interval); listed only.{nextText}");
            case DunningLineStatus.BelowLevelMinimum:
                return Text($"Level {state.Level}: due for its next notice, but the items reaching that level miss the level's minimum amount or percentage, so it keeps its level; listed only.");
            case DunningLineStatus.MaximumReached:
                return Text($"Level {state.Level}: all {state.NoticeCount} notices issued — next step: hand-over or court dunning.");
            case DunningLineStatus.Charge:
                return Text($"{ItemKind} overdue since {Iso(DueDate)}: listed and counted, never dunned itself.");
            case DunningLineStatus.CourtesyReminder:
                return Text($"Not due yet (due {Iso(DueDate)}): courtesy reminder before the due date; never a dunning level, no charges.{nextText}");
            case DunningLineStatus.NotYetDue:
                return Text($"Not due yet (due {Iso(DueDate)}).{nextText}");
            default:
                var noNext = next is null && Exclusion is DunningExclusion.BelowLetterMinimum or DunningExclusion.NetOverdueNotPositive
                    ? " No notice is issued while this stays so."
                    : string.Empty;
                return Text($"Excluded: {ExclusionText()}.{nextText}{noNext}");
        }
    }

    private string ExclusionText() => Exclusion switch
    {
        DunningExclusion.CustomerArchived => "the customer is archived",
        DunningExclusion.CustomerBlocked => "the customer has a dunning block",
        DunningExclusion.UnknownScheme => Text($"dunning scheme '{CustomerSettings.DunningScheme}' is not set up"),
        DunningExclusion.NotInAutomaticWorkflows => "automatic run, and the customer is not included in automatic workflows",
        DunningExclusion.Problematic => "automatic run, and the customer is marked problematic",
        DunningExclusion.CreditLimitNotExceeded => "the run dunns customers over their credit limit only, and this one is not",
        DunningExclusion.HandedToLawyer => "handed over to a lawyer",
        DunningExclusion.HandedToCollectionAgency => "handed over to a collection agency",
        DunningExclusion.HandedToCourtDunning => "handed over to the court dunning procedure (gerichtliches Mahnverfahren)",
        DunningExclusion.TimeBarred => Text($"time-barred (verjährt, §§195, 199 BGB): the limitation period of the claim due {Iso(Collections.Limitation.ArisesOn(_installment))} has ended; the debtor may refuse payment (§214 BGB)"),
        DunningExclusion.Insolvency => Text($"insolvency proceedings over the customer's assets have opened (Insolvenzverfahren eröffnet) and the claim of {Iso(DocumentDate)} was founded before: file it with the administrator (§174 InsO)"),
        DunningExclusion.PaymentAgreement => "covered by an active payment agreement",
        DunningExclusion.Paused => _installment.Item.Pause is { } pause
            ? (pause.Until is { } until ? Text($"paused until {Iso(until)} ({pause.Reason})") : Text($"paused ({pause.Reason})"))
            : "paused",
        DunningExclusion.BelowItemMinimum => "the open amount is below the scheme's minimum per item",
        DunningExclusion.NetOverdueNotPositive => "credit notes and unapplied payments cover everything overdue on the letter",
        DunningExclusion.BelowLetterMinimum => "the letter's net overdue amount is below the scheme's minimum",
        DunningExclusion.UnknownInterestScheme => Text($"interest scheme '{InterestSchemeCatalog.SchemeIdFor(CustomerSettings)}' is not set up, so the letter's interest cannot be computed"),
        DunningExclusion.NoNoticeDue => Status == DunningLineStatus.Excluded && PreviousLevel == 0
            ? Text($"not yet reminded, overdue since {Iso(DueDate)}; not yet due for its first notice")
            : Text($"level {PreviousLevel}, overdue since {Iso(DueDate)}; not yet due for its next notice"),
        DunningExclusion.AllNoticesIssued => Text($"all notices issued — next step: hand-over or court dunning (level {PreviousLevel}, {PreviousNotices} notices)"),
        DunningExclusion.LevelNotSelected => "due for a notice of a level the run did not select",
        DunningExclusion.NotInProposal => "due for a notice now, but not in the processed proposal",
        DunningExclusion.WithinDunningInterval => Text($"level {PreviousLevel}, due for its next notice, but the account had a letter less than {_plan?.IntervalDays} days ago (dunning interval)"),
        DunningExclusion.BelowLevelMinimum => Text($"level {PreviousLevel}, due for its next notice, but the items reaching that level miss the level's minimum amount or percentage"),
        DunningExclusion.ChargeWithoutNotice => Text($"{ItemKind} overdue since {Iso(DueDate)}, listed only with a notice"),
        _ => "excluded",
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
