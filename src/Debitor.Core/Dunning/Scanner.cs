using Debitor.Core.Customers;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// Scans accounts for one partition of a run, over the accounts' compact open-claim arrays.
/// </summary>
/// <remarks>
/// <para>For each customer a first pass decides, without allocating, whether any installment is due for a notice (and
/// records exclusions). Only for customers with a notice a second pass tallies the letter per currency — sums, notices,
/// level, fees, interest — again without allocating, and the letter is created with its totals. Its lines are built from
/// the same (immutable) accounts by <see cref="Materialize"/> when someone reads them, with the same classification, so
/// lines and totals always agree. A run thus allocates for letters and exclusions, never for the items it only reads.</para>
/// <para>Not thread-safe: one scanner per partition.</para>
/// </remarks>
internal sealed partial class Scanner(RunScope scope)
{
    private readonly List<DunningLetter> _letters = [];
    private readonly List<DunningLine> _excluded = [];
    private readonly List<(CustomerAccount Account, bool HasDue)> _grouped = [];
    private readonly List<(string Scheme, string? Branch, LevelPlan Plan)> _plans = [];
    private readonly Dictionary<(string Scheme, string? Branch), LevelPlan> _manyPlans = [];
    private readonly List<(int Days, LocalDate Deadline)> _deadlines = [];
    private readonly List<Unlisted> _unlisted = [];
    private readonly TallySet _tallies = new();
    private CustomerAccount? _chargedFor;
    private Dictionary<EntryId, LocalDate>? _charged;
    private Customer? _interestCustomer;
    private InterestScheme? _interestScheme;

    /// <summary>Scans a range of accounts.</summary>
    /// <remarks>
    /// Accounts are taken in batches: the account objects, their settings and their claim arrays are first loaded for the
    /// whole batch, so that the memory reads of several accounts overlap instead of waiting for one another, and then
    /// scanned. On a million items this halves the time spent waiting for memory.
    /// </remarks>
    internal void Scan(IReadOnlyList<CustomerAccount> accounts, int from, int to)
    {
        const int Batch = 16;
        var batch = new CustomerAccount[Batch];
        var touched = 0L;
        for (var start = from; start < to; start += Batch)
        {
            var count = Math.Min(Batch, to - start);
            for (var k = 0; k < count; k++)
            {
                batch[k] = accounts[start + k];
            }

            for (var k = 0; k < count; k++)
            {
                touched += batch[k].Customer.DunningDays.Count + batch[k].OpenClaims.Length;
            }

            for (var k = 0; k < count; k++)
            {
                Scan(batch[k]);
            }
        }

        GC.KeepAlive(touched);
    }

    internal void Absorb(Scanner other)
    {
        _letters.AddRange(other._letters);
        _excluded.AddRange(other._excluded);
        _grouped.AddRange(other._grouped);
        _unlisted.AddRange(other._unlisted);
        _courtesy.AddRange(other._courtesy);
    }

    /// <summary>Builds the letters of payer groups (R3.7): customers routing to a payer, and the payer itself.</summary>
    internal void FinishGroups()
    {
        if (_grouped.Count == 0)
        {
            return;
        }

        var groups = new Dictionary<CustomerId, List<(CustomerAccount Account, bool HasDue)>>();
        foreach (var member in _grouped)
        {
            var recipient = scope.RecipientOf(member.Account.Customer);
            if (!groups.TryGetValue(recipient, out var list))
            {
                list = [];
                groups.Add(recipient, list);
            }

            list.Add(member);
        }

        foreach (var (recipient, members) in groups)
        {
            var accounts = members.Select(m => m.Account).ToArray();
            if (!members.Exists(m => m.HasDue))
            {
                continue;
            }

            var payer = scope.Payers[recipient].Customer;
            var tallies = new TallySet().Reset(payer, PlanFor(payer));
            foreach (var account in accounts)
            {
                Tally(account, PlanFor(account.Customer)!, tallies);
            }

            tallies.FinishAll(this, accounts);
        }
    }

    /// <summary>The order of a run's letters: by recipient id (ordinal), currency code, level.</summary>
    internal static int LetterOrder(DunningLetter a, DunningLetter b)
    {
        var byRecipient = string.CompareOrdinal(a.RecipientId.Value, b.RecipientId.Value);
        var byCurrency = byRecipient != 0 ? byRecipient : string.CompareOrdinal(a.Currency.Code, b.Currency.Code);
        return byCurrency != 0 ? byCurrency : a.Level.CompareTo(b.Level);
    }

    internal DunningProposal ToProposal()
    {
        _letters.Sort(LetterOrder);
        var eager = _excluded.ToArray();
        var unlisted = _unlisted.ToArray();
        var letters = _letters.ToArray();
        _courtesy.Sort(CompareLines);
        return new DunningProposal(scope.Request, letters, () => Excluded(scope, letters, eager, unlisted), _courtesy.ToArray());
    }

    /// <summary>
    /// Every overdue item kept off every letter, with why (nothing vanishes): the item and customer exclusions recorded
    /// while scanning, the items of suppressed letters, and the overdue items of every customer (and currency) in scope
    /// that got no letter. Built when first read, by a second scan over the accounts, so that a run allocates for its
    /// letters and exclusions, not for the customers and items it only reads.
    /// </summary>
    private static IReadOnlyList<DunningLine> Excluded(RunScope scope, DunningLetter[] letters, DunningLine[] eager, Unlisted[] suppressed)
    {
        var lines = new List<DunningLine>(eager);
        var scanner = new Scanner(scope);
        var covered = new HashSet<(CustomerId Customer, Currency Currency)>(); // by id: a run holds one view per customer
        foreach (var letter in letters)
        {
            foreach (var account in letter.Accounts)
            {
                covered.Add((account.Id, letter.Currency));
            }
        }

        foreach (var entry in suppressed)
        {
            foreach (var account in entry.Group ?? [entry.Single!])
            {
                covered.Add((account.Id, entry.Currency));
                scanner.ReportUnlisted(account, entry.Currency, entry.Suppressed, lines, null);
            }
        }

        foreach (var account in scope.Accounts)
        {
            var customer = account.Customer;
            if (scope.InScope(customer) && scanner.CustomerExclusion(account, scanner.PlanFor(customer)) is null)
            {
                scanner.ReportUnlisted(account, null, null, lines, covered);
            }
        }

        lines.Sort(CompareLines);
        return lines;
    }

    /// <summary>Adds the overdue, not item-excluded claims of an account (in one currency, or in those not covered by a letter) with the reason they get no letter.</summary>
    private void ReportUnlisted(CustomerAccount account, Currency? only, DunningExclusion? suppressed, List<DunningLine> lines, HashSet<(CustomerId, Currency)>? covered)
    {
        var customer = account.Customer;
        var plan = PlanFor(customer)!;
        var claims = account.OpenClaims;
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var claim = ref claims[i];
            if (claim.IsCredit || claim.DueDay >= scope.AsOfDay || (only is { } currency && claim.Currency != currency)
                || covered?.Contains((account.Id, claim.Currency)) == true || ItemExclusion(account, in claim, plan) is not null)
            {
                continue;
            }

            var status = Classify(account, in claim, plan, out _);
            var reason = status switch
            {
                DunningLineStatus.Raised or DunningLineStatus.Repeated => suppressed ?? DunningExclusion.NoNoticeDue,
                DunningLineStatus.MaximumReached => DunningExclusion.AllNoticesIssued,
                DunningLineStatus.LevelNotSelected => DunningExclusion.LevelNotSelected,
                DunningLineStatus.NotInProposal => DunningExclusion.NotInProposal,
                DunningLineStatus.Charge => DunningExclusion.ChargeWithoutNotice,
                DunningLineStatus.WithinDunningInterval => DunningExclusion.WithinDunningInterval,
                DunningLineStatus.BelowLevelMinimum => DunningExclusion.BelowLevelMinimum,
                _ => DunningExclusion.NoNoticeDue,
            };
            lines.Add(new DunningLine(customer, in claim, plan, scope.AsOf, DunningLineStatus.Excluded, claim.Level, reason));
        }
    }

    /// <summary>
    /// Explains an account from the proposal of the same run (one rule, one place): a line on a letter is due now exactly
    /// when the run issues its notice; an excluded line carries the run's reason, letter-level suppression included.
    /// </summary>
    internal static IReadOnlyList<DunningLine> Explain(CustomerAccount account, DunningProposal proposal, RunScope scope, Func<LocalDate, DunningProposal> runOn)
    {
        var onLetter = new Dictionary<InstallmentRef, DunningLine>();
        foreach (var letter in proposal.Letters)
        {
            foreach (var line in letter.Lines)
            {
                if (line.Customer == account.Id)
                {
                    onLetter[line.Installment] = line;
                }
            }
        }

        var excluded = new Dictionary<InstallmentRef, DunningLine>();
        foreach (var line in proposal.Excluded)
        {
            if (line.Customer == account.Id)
            {
                excluded[line.Installment] = line;
            }
        }

        var scanner = new Scanner(scope);
        var customer = account.Customer;
        var plan = scanner.PlanFor(customer);
        var claims = account.OpenClaims;
        var lines = new List<DunningLine>(claims.Length);
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var claim = ref claims[i];
            if (claim.IsCredit)
            {
                continue;
            }

            DunningLine line;
            if (claim.DueDay >= scope.AsOfDay)
            {
                line = new DunningLine(customer, in claim, plan, scope.AsOf, DunningLineStatus.NotYetDue, claim.Level);
            }
            else if (onLetter.TryGetValue(claim.Installment.Ref, out var listed))
            {
                line = new DunningLine(customer, in claim, plan, scope.AsOf, listed.Status, listed.Level, onLetter: false);
                line.SetInterest(listed.Interest.Amount, listed.InterestPeriods);
            }
            else if (excluded.TryGetValue(claim.Installment.Ref, out var reported))
            {
                // Items that get no letter only because nothing is due (yet) read as where they stand, not as excluded.
                line = reported.Exclusion switch
                {
                    DunningExclusion.NoNoticeDue => new DunningLine(customer, in claim, plan, scope.AsOf, DunningLineStatus.WaitingForNextLevel, claim.Level, onLetter: false),
                    DunningExclusion.AllNoticesIssued => new DunningLine(customer, in claim, plan, scope.AsOf, DunningLineStatus.MaximumReached, claim.Level, onLetter: false),
                    DunningExclusion.ChargeWithoutNotice => new DunningLine(customer, in claim, plan, scope.AsOf, DunningLineStatus.Charge, claim.Level, onLetter: false),
                    _ => reported,
                };
            }
            else
            {
                continue;
            }

            if (plan is { HasAccountRules: true })
            {
                scanner.ForecastClock(account, plan, in claim, line);
            }

            line.VerifyForecast(runOn);
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Builds the lines, credits, fees and customers of a letter from its accounts, exactly as they were tallied.</summary>
    internal LetterContent Materialize(DunningLetter letter)
    {
        var currency = letter.Currency;
        var lines = new List<DunningLine>();
        List<DunningLine>? notYetDue = null;
        List<DunningCredit>? credits = null;
        List<DunningFeeLine>? fees = null;
        var customers = new List<CustomerId>(1);
        if (letter.PerLetterFee > 0m)
        {
            (fees ??= []).Add(new DunningFeeLine(DunningFeeKind.PerLetter, new Money(letter.PerLetterFee, currency), letter.Level, letter.RecipientId));
        }

        if (letter.TieredFee > 0m)
        {
            (fees ??= []).Add(new DunningFeeLine(DunningFeeKind.Tiered, new Money(letter.TieredFee, currency), letter.Level, letter.RecipientId));
        }

        foreach (var account in letter.Accounts)
        {
            var customer = account.Customer;
            var plan = PlanFor(customer)!;
            var claims = account.OpenClaims;
            var listed = false;
            for (var i = 0; i < claims.Length; i++)
            {
                ref readonly var claim = ref claims[i];
                if (claim.Currency != currency)
                {
                    continue;
                }

                if (claim.IsCredit)
                {
                    if (letter.ListsEverything)
                    {
                        (credits ??= []).Add(new DunningCredit(customer.Id, claim.CreditItem));
                        listed = true;
                    }
                }
                else if (claim.DueDay >= scope.AsOfDay)
                {
                    if (plan.Scheme.ListItemsNotYetDue && letter.ListsEverything)
                    {
                        (notYetDue ??= []).Add(new DunningLine(customer, in claim, plan, scope.AsOf, DunningLineStatus.NotYetDue, claim.Level));
                    }
                }
                else if (ItemExclusion(account, in claim, plan) is null)
                {
                    var status = Classify(account, in claim, plan, out var level);
                    if (!letter.Lists(status, level))
                    {
                        continue;
                    }

                    var line = new DunningLine(customer, in claim, plan, scope.AsOf, status, level);
                    if (status == DunningLineStatus.Raised && ItemFee(plan, level, in claim) is var fee and > 0m)
                    {
                        line.SetFee(fee);
                        (fees ??= []).Add(new DunningFeeLine(DunningFeeKind.PerItem, new Money(fee, currency), level, customer.Id, line.Installment));
                    }

                    var periods = new List<ItemInterestPeriod>();
                    if (LineInterest(account, plan, in claim, status, level, periods) is var interest and > 0m)
                    {
                        line.SetInterest(interest, periods);
                    }

                    lines.Add(line);
                    listed = true;
                }
            }

            if (listed)
            {
                customers.Add(customer.Id);
            }
        }

        lines.Sort(CompareLines);
        notYetDue?.Sort(CompareLines);
        customers.Sort(static (a, b) => string.CompareOrdinal(a.Value, b.Value));
        return new LetterContent(
            ReadOnlyViews.Of(lines),
            ReadOnlyViews.Of((IReadOnlyList<DunningLine>?)notYetDue ?? []),
            ReadOnlyViews.Of((IReadOnlyList<DunningCredit>?)credits ?? []),
            ReadOnlyViews.Of((IReadOnlyList<DunningFeeLine>?)fees ?? []),
            ReadOnlyViews.Of(customers));
    }

    private void Scan(CustomerAccount account)
    {
        var customer = account.Customer;
        if (!scope.InScope(customer))
        {
            return;
        }

        var plan = PlanFor(customer);
        var exclusion = CustomerExclusion(account, plan);
        var hasDue = FirstPass(account, plan, exclusion);
        if (exclusion is not null)
        {
            return;
        }

        if (plan!.Scheme.CourtesyReminderDays is { } days && scope.Level == 0)
        {
            CollectCourtesyReminders(account, plan, days);
        }

        if (scope.IsGrouped(account))
        {
            _grouped.Add((account, hasDue));
            return;
        }

        if (hasDue)
        {
            var tallies = _tallies.Reset(customer, plan);
            Tally(account, plan!, tallies);
            tallies.FinishAll(this, account);
        }
    }

    /// <summary>Records the exclusions and tells whether any installment is due for a notice. Allocates only for exclusions.</summary>
    private bool FirstPass(CustomerAccount account, LevelPlan? plan, DunningExclusion? customerExclusion)
    {
        var hasDue = false;
        var asOfDay = scope.AsOfDay;
        var claims = account.OpenClaims;
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var claim = ref claims[i];
            if (claim.DueDay >= asOfDay)
            {
                continue;
            }

            if ((customerExclusion ?? ItemExclusion(account, in claim, plan!)) is { } exclusion)
            {
                _excluded.Add(new DunningLine(account.Customer, in claim, plan, scope.AsOf, DunningLineStatus.Excluded, claim.Level, exclusion));
                continue;
            }

            if (!hasDue && (claim.Flags & ClaimFlags.Invoice) != 0)
            {
                hasDue = Decide(account, in claim, plan!, out var decision) == DunningLineStatus.Raised && Selected(account.Id, in claim, decision);
            }
        }

        return hasDue;
    }

    /// <summary>Adds a customer's overdue items, credits and items not yet due to the tallies of its recipient, per currency.</summary>
    private void Tally(CustomerAccount account, LevelPlan plan, TallySet tallies)
    {
        var customer = account.Customer;
        var claims = account.OpenClaims;
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var claim = ref claims[i];
            if (claim.IsCredit)
            {
                tallies.For(claim.Currency).Credit += claim.Open;
            }
            else if (claim.DueDay >= scope.AsOfDay)
            {
                tallies.For(claim.Currency).NotYetDue += claim.Open;
            }
            else if (ItemExclusion(account, in claim, plan) is null)
            {
                var tally = tallies.For(claim.Currency);
                tally.Overdue += claim.Open;
                var status = Classify(account, in claim, plan, out var level);
                if (status is DunningLineStatus.Raised or DunningLineStatus.Repeated)
                {
                    tally.Notices++;
                    tally.FirstNoticePlan ??= plan;
                    tally.MaxLevel = Math.Max(tally.MaxLevel, level);
                    var fee = status == DunningLineStatus.Raised ? ItemFee(plan, level, in claim) : 0m;
                    tally.ItemFees += fee;
                    tally.AddNotice(level, claim.Open, fee);
                }
            }
        }
    }

    /// <summary>
    /// Turns a tally into a letter, or drops it (reporting its notices as excluded) when the net overdue amount is zero or
    /// less or below the scheme's minimum.
    /// </summary>
    private void Finish(LetterTally tally, Customer recipient, LevelPlan? recipientPlan, CustomerAccount? single, CustomerAccount[]? group)
    {
        if (tally.Notices == 0)
        {
            return;
        }

        var currency = tally.Currency;
        var net = tally.Overdue - tally.Credit;
        var scheme = (recipientPlan ?? tally.FirstNoticePlan!).Scheme;
        var suppressed = net <= 0m ? DunningExclusion.NetOverdueNotPositive
            : net < scheme.MinimumLetterAmountIn(currency).Amount ? DunningExclusion.BelowLetterMinimum
            : (DunningExclusion?)null;
        if (suppressed is { } reason)
        {
            _unlisted.Add(new Unlisted(single, group, currency, reason));
            return;
        }

        var count = scheme.Levels.Count;
        var level = Math.Min(tally.MaxLevel, count);
        var recipientAccount = single ?? scope.Payers[recipient.Id];
        var split = scheme.OneLetterPerLevel && tally.LevelsWithNotices(count) > 1;
        var mainOverdue = tally.Overdue;
        if (split)
        {
            for (var l = 1; l < level; l++)
            {
                mainOverdue -= tally.LevelOverdue[l];
            }

            split = mainOverdue - tally.Credit > 0m;
        }

        var interest = tally.LevelInterest;
        Array.Clear(interest);
        ForEachListed(single, group, currency, (account, plan, claim, status, itemLevel) =>
        {
            var letterLevel = split && status is DunningLineStatus.Raised or DunningLineStatus.Repeated ? Math.Min(itemLevel, count) : level;
            interest[letterLevel] += LineInterest(account, plan, in claim, status, itemLevel, null);
        });

        if (!split)
        {
            var all = 0m;
            foreach (var part in interest)
            {
                all += part;
            }

            AddLetter(recipientAccount, currency, level, scheme, single, group, tally.Overdue, tally.Credit, tally.ItemFees, all, tally.NotYetDue, tally.Notices, 0, true);
            return;
        }

        for (var l = 1; l < level; l++)
        {
            if (tally.LevelNotices[l] > 0)
            {
                AddLetter(recipientAccount, currency, l, scheme, single, group, tally.LevelOverdue[l], 0m, tally.LevelFees[l], interest[l], 0m, tally.LevelNotices[l], l, false);
            }
        }

        AddLetter(recipientAccount, currency, level, scheme, single, group, mainOverdue, tally.Credit, tally.LevelFees[level], interest[level], tally.NotYetDue, tally.LevelNotices[level], level, true);
    }

    /// <summary>Adds a letter of a level with its totals; the level's fees per letter and tiered fee are computed here.</summary>
    private void AddLetter(
        CustomerAccount recipient,
        Currency currency,
        int level,
        DunningScheme scheme,
        CustomerAccount? single,
        CustomerAccount[]? group,
        decimal overdue,
        decimal credit,
        decimal itemFees,
        decimal interest,
        decimal notYetDue,
        int notices,
        int onlyLevel,
        bool main)
    {
        var definition = scheme.Levels[level - 1];
        decimal perLetter = 0m, tiered = 0m;
        if (definition.FeeIn(currency) is { } letterFee)
        {
            perLetter = letterFee.PerLetterAmount.Amount;
            tiered = letterFee.Tiers.Count > 0 ? letterFee.TieredFeeFor(new Money(overdue - credit, currency)).Amount : 0m;
        }

        _letters.Add(new DunningLetter(
            scope,
            recipient,
            currency,
            level,
            scheme,
            Deadline(definition.PaymentDeadlineDays),
            single,
            group,
            new LetterTotals(overdue, credit, perLetter, tiered, itemFees, interest, notYetDue, notices),
            onlyLevel,
            main));
    }

    /// <summary>Calls back for every overdue, non-excluded claim in a currency of the accounts of a letter, with its classification.</summary>
    private void ForEachListed(CustomerAccount? single, CustomerAccount[]? group, Currency currency, ListedClaim action)
    {
        foreach (var account in group ?? [single!])
        {
            var customer = account.Customer;
            var plan = PlanFor(customer)!;
            var claims = account.OpenClaims;
            for (var i = 0; i < claims.Length; i++)
            {
                ref readonly var claim = ref claims[i];
                if (!claim.IsCredit && claim.Currency == currency && claim.DueDay < scope.AsOfDay && ItemExclusion(account, in claim, plan) is null)
                {
                    var status = Classify(account, in claim, plan, out var level);
                    action(account, plan, claim, status, level);
                }
            }
        }
    }

    /// <summary>Where an overdue, non-excluded installment stands: raised, repeated or only listed (and why), and its level after the run.</summary>
    internal DunningLineStatus Classify(CustomerAccount account, in OpenClaim claim, LevelPlan plan, out int level)
    {
        level = claim.Level;
        if ((claim.Flags & ClaimFlags.Invoice) == 0)
        {
            return DunningLineStatus.Charge;
        }

        var customer = account.Id;
        var decided = Decide(account, in claim, plan, out var decision);
        var status = decided != DunningLineStatus.Raised ? decided
            : scope.Level != 0 && decision.Level != scope.Level ? DunningLineStatus.LevelNotSelected
            : scope.Filter is { } filter && !filter.Allows(customer, in claim, decision.Level) ? DunningLineStatus.NotInProposal
            : decision.IsRepeat ? DunningLineStatus.Repeated
            : DunningLineStatus.Raised;
        if (status is DunningLineStatus.Raised or DunningLineStatus.Repeated)
        {
            level = decision.Level;
        }

        return status;
    }

    /// <summary>
    /// Whether the next notice is due on the run date: its days have passed, or the run issues notices now (on demand,
    /// issue 17) and the installment has not been dunned on the run date already.
    /// </summary>
    /// <summary>On demand (R0.3, <see cref="DunningRunRequest.IssueNoticesNow"/>): the installment gets its next notice now, whatever its days, unless it has none left or was dunned on the run date already.</summary>
    private bool OnDemand(LevelDecision decision, in OpenClaim claim) =>
        scope.Request.IssueNoticesNow && !decision.IsNone && (claim.Notices == 0 || claim.LastNoticeDay < scope.AsOfDay);

    private bool Selected(CustomerId customer, in OpenClaim claim, LevelDecision decision) =>
        (scope.Level == 0 || decision.Level == scope.Level)
        && (scope.Filter is not { } filter || filter.Allows(customer, in claim, decision.Level));

    /// <summary>The per-item fee for raising an installment to a level: once per installment and level, never for repeats.</summary>
    private static decimal ItemFee(LevelPlan plan, int level, in OpenClaim claim) =>
        plan.Scheme.Levels[level - 1].FeeIn(claim.Currency) is { } fee ? fee.ItemFeeFor(claim.Installment.Amount).Amount : 0m;

    internal DunningExclusion? CustomerExclusion(CustomerAccount account, LevelPlan? plan)
    {
        var customer = account.Customer;
        if (account.IsArchived)
        {
            return DunningExclusion.CustomerArchived;
        }

        if (customer.IsDunningBlocked)
        {
            return DunningExclusion.CustomerBlocked;
        }

        if (plan is null)
        {
            return DunningExclusion.UnknownScheme;
        }

        if (!scope.InterestSchemes.TryGetFor(customer, out _))
        {
            return DunningExclusion.UnknownInterestScheme;
        }

        if (scope.Request.Mode == DunningRunMode.Automatic)
        {
            if (!customer.Workflow.IncludeInAutomaticWorkflows)
            {
                return DunningExclusion.NotInAutomaticWorkflows;
            }

            if (customer.IsProblematic)
            {
                return DunningExclusion.Problematic;
            }
        }

        if (scope.Request.OnlyWhenCreditLimitExceeded
            && (customer.CreditLimit is not { } limit
                || !limit.IsValidOn(scope.AsOf)
                || account.BalanceIn(limit.Amount.Currency).Amount <= limit.Amount.Amount))
        {
            return DunningExclusion.CreditLimitNotExceeded;
        }

        return null;
    }

    internal DunningExclusion? ItemExclusion(CustomerAccount account, in OpenClaim claim, LevelPlan plan)
    {
        var flags = claim.Flags;
        if ((flags & (ClaimFlags.Lawyer | ClaimFlags.CollectionAgency | ClaimFlags.Agreement | ClaimFlags.CourtDunning)) != 0)
        {
            return (flags & ClaimFlags.Lawyer) != 0 ? DunningExclusion.HandedToLawyer
                : (flags & ClaimFlags.CollectionAgency) != 0 ? DunningExclusion.HandedToCollectionAgency
                : (flags & ClaimFlags.CourtDunning) != 0 ? DunningExclusion.HandedToCourtDunning
                : DunningExclusion.PaymentAgreement;
        }

        if (EndOfRoad.Exclusion(account, in claim, scope) is { } ended)
        {
            return ended;
        }

        if (scope.AsOfDay <= claim.PausedThroughDay)
        {
            return DunningExclusion.Paused;
        }

        if (plan.HasItemMinimum && claim.Open < plan.Scheme.MinimumItemAmountIn(claim.Currency).Amount)
        {
            return DunningExclusion.BelowItemMinimum;
        }

        return null;
    }

    /// <summary>The level rule with the customer's days (R4.5): override, else branch, else company, else scheme.</summary>
    /// <remarks>Customers without overrides share one plan per scheme and branch, found by a short scan (companies have few of both).</remarks>
    internal LevelPlan? PlanFor(Customer customer)
    {
        var scheme = customer.DunningScheme.Value;
        var branch = customer.Branch?.Value;
        var shared = customer.DunningDays.Count == 0;
        if (shared)
        {
            foreach (var (knownScheme, knownBranch, known) in _plans)
            {
                if (string.Equals(knownScheme, scheme, StringComparison.Ordinal) && string.Equals(knownBranch, branch, StringComparison.Ordinal))
                {
                    return known;
                }
            }

            if (_manyPlans.TryGetValue((scheme, branch), out var found))
            {
                return found;
            }
        }

        if (!scope.Settings.Schemes.TryGetValue(customer.DunningScheme, out var definition))
        {
            return null;
        }

        var days = new int[definition.Levels.Count];
        for (var level = 1; level <= days.Length; level++)
        {
            days[level - 1] = scope.Settings.DaysFor(customer, definition, level);
        }

        var plan = new LevelPlan(definition, days);
        if (shared && _plans.Count < 8)
        {
            _plans.Add((scheme, branch, plan));
        }
        else if (shared)
        {
            _manyPlans.Add((scheme, branch), plan);
        }

        return plan;
    }

    /// <summary>
    /// The interest stated on an item's line: what an interest invoice dated on the run date would charge for the
    /// installment (<see cref="AccountInterest.ChargeableOn"/>, the kernel interest invoices, statements and the headline
    /// share), under the debtor's own interest scheme, when the item's own level charges interest; zero otherwise.
    /// Never depends on the other items of the letter.
    /// </summary>
    private decimal LineInterest(CustomerAccount account, LevelPlan plan, in OpenClaim claim, DunningLineStatus status, int level, List<ItemInterestPeriod>? periods)
    {
        if ((claim.Flags & ClaimFlags.Invoice) == 0)
        {
            return 0m;
        }

        var own = status is DunningLineStatus.Raised or DunningLineStatus.Repeated ? level : claim.Level;
        if (!plan.ChargesInterestAt(own))
        {
            return 0m;
        }

        var customer = account.Customer;
        if (!ReferenceEquals(customer, _interestCustomer))
        {
            scope.InterestSchemes.TryGetFor(customer, out _interestScheme);
            _interestCustomer = customer;
        }

        if (!ReferenceEquals(account, _chargedFor))
        {
            _charged = AccountInterest.ChargedThroughByItem(account);
            _chargedFor = account;
        }

        var installment = claim.Installment;
        LocalDate? through = _charged is { } charged && charged.TryGetValue(installment.Item.Id, out var last) ? last : null;
        return AccountInterest.ChargeableOn(installment, _interestScheme!, scope.AsOf, through, periods);
    }

    /// <summary>The payment deadline of a level's letters: the same for every letter of the run.</summary>
    private LocalDate Deadline(int days)
    {
        foreach (var (known, date) in _deadlines)
        {
            if (known == days)
            {
                return date;
            }
        }

        var deadline = scope.Settings.Calendar.AdjustDeadline(scope.AsOf.PlusDays(days));
        _deadlines.Add((days, deadline));
        return deadline;
    }

    internal static int CompareLines(DunningLine a, DunningLine b)
    {
        var order = ReferenceEquals(a.CustomerSettings, b.CustomerSettings) ? 0 : string.CompareOrdinal(a.Customer.Value, b.Customer.Value);
        if (order == 0)
        {
            order = a.DueDay.CompareTo(b.DueDay);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.DocumentNumber, b.DocumentNumber);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Installment.Item.Value, b.Installment.Item.Value);
        }

        return order != 0 ? order : a.Installment.Number.CompareTo(b.Installment.Number);
    }

    private delegate void ListedClaim(CustomerAccount account, LevelPlan plan, OpenClaim claim, DunningLineStatus status, int level);

    /// <summary>A suppressed letter: its customers (one, or a payer's group), its currency, and why.</summary>
    private readonly record struct Unlisted(CustomerAccount? Single, CustomerAccount[]? Group, Currency Currency, DunningExclusion Suppressed);

    /// <summary>The running sums of one letter (recipient and currency) while its accounts are tallied.</summary>
    private sealed class LetterTally
    {
        public Currency Currency { get; set; }

        public decimal Overdue { get; set; }

        public decimal Credit { get; set; }

        public decimal NotYetDue { get; set; }

        public decimal ItemFees { get; set; }

        public int Notices { get; set; }

        public int MaxLevel { get; set; }

        public LevelPlan? FirstNoticePlan { get; set; }

        /// <summary>Per level (index = level): the open amount of the notices of that level, for letters per level.</summary>
        public decimal[] LevelOverdue { get; } = new decimal[DunningScheme.MaxLevels + 1];

        /// <summary>Per level: the number of notices.</summary>
        public int[] LevelNotices { get; } = new int[DunningScheme.MaxLevels + 1];

        /// <summary>Per level: the per-item fees.</summary>
        public decimal[] LevelFees { get; } = new decimal[DunningScheme.MaxLevels + 1];

        /// <summary>Per letter level: the interest, filled when the letters are made.</summary>
        public decimal[] LevelInterest { get; } = new decimal[DunningScheme.MaxLevels + 1];

        public LetterTally Reset(Currency currency)
        {
            (Currency, Overdue, Credit, NotYetDue, ItemFees, Notices, MaxLevel, FirstNoticePlan) = (currency, 0m, 0m, 0m, 0m, 0, 0, null);
            Array.Clear(LevelOverdue);
            Array.Clear(LevelNotices);
            Array.Clear(LevelFees);
            return this;
        }

        public void AddNotice(int level, decimal open, decimal fee)
        {
            var index = Math.Min(level, DunningScheme.MaxLevels);
            LevelOverdue[index] += open;
            LevelNotices[index]++;
            LevelFees[index] += fee;
        }

        /// <summary>How many levels (clamped to the recipient scheme's count) have notices.</summary>
        public int LevelsWithNotices(int count)
        {
            if (MaxLevel > count)
            {
                // Notices above the recipient scheme's levels fold into its last level.
                for (var l = count + 1; l <= DunningScheme.MaxLevels; l++)
                {
                    LevelOverdue[count] += LevelOverdue[l];
                    LevelNotices[count] += LevelNotices[l];
                    LevelFees[count] += LevelFees[l];
                    (LevelOverdue[l], LevelNotices[l], LevelFees[l]) = (0m, 0, 0m);
                }
            }

            var levels = 0;
            for (var l = 1; l <= count; l++)
            {
                levels += LevelNotices[l] > 0 ? 1 : 0;
            }

            return levels;
        }
    }

    /// <summary>The tallies of one recipient, one per currency; reused from customer to customer.</summary>
    private sealed class TallySet
    {
        private readonly List<LetterTally> _pool = [];
        private int _used;
        private Customer _recipient = null!;
        private LevelPlan? _recipientPlan;

        public TallySet Reset(Customer recipient, LevelPlan? recipientPlan)
        {
            (_recipient, _recipientPlan, _used) = (recipient, recipientPlan, 0);
            return this;
        }

        public LetterTally For(Currency currency)
        {
            for (var i = 0; i < _used; i++)
            {
                if (_pool[i].Currency == currency)
                {
                    return _pool[i];
                }
            }

            if (_used == _pool.Count)
            {
                _pool.Add(new LetterTally());
            }

            return _pool[_used++].Reset(currency);
        }

        public void FinishAll(Scanner scanner, CustomerAccount single)
        {
            for (var i = 0; i < _used; i++)
            {
                scanner.Finish(_pool[i], _recipient, _recipientPlan, single, null);
            }
        }

        public void FinishAll(Scanner scanner, CustomerAccount[] group)
        {
            for (var i = 0; i < _used; i++)
            {
                scanner.Finish(_pool[i], _recipient, _recipientPlan, null, group);
            }
        }
    }
}

/// <summary>The totals of a letter, computed when it is proposed.</summary>
internal readonly record struct LetterTotals(decimal Overdue, decimal Credit, decimal PerLetterFee, decimal TieredFee, decimal ItemFees, decimal Interest, decimal NotYetDue, int Notices);

/// <summary>What a letter lists, built when first read.</summary>
internal sealed record LetterContent(
    IReadOnlyList<DunningLine> Lines,
    IReadOnlyList<DunningLine> NotYetDue,
    IReadOnlyList<DunningCredit> Credits,
    IReadOnlyList<DunningFeeLine> Fees,
    IReadOnlyList<CustomerId> Customers);
