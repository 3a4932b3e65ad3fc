using Debitor.Core.Customers;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// Scans accounts for one partition of a run. A first pass over a customer's items decides, without allocating,
/// whether any installment is due for a notice (and records exclusions); only then are lines built.
/// </summary>
internal sealed class Scanner(RunScope scope)
{
    private readonly List<DunningLetter> _letters = [];
    private readonly List<DunningLine> _excluded = [];
    private readonly List<(CustomerAccount Account, bool HasDue)> _grouped = [];
    private readonly Dictionary<(SchemeId, BranchId?), LevelPlan> _plans = [];
    private SchemeId _lastScheme;
    private BranchId? _lastBranch;
    private LevelPlan? _lastPlan;

    internal void Scan(IReadOnlyList<CustomerAccount> accounts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            Scan(accounts[i]);
        }
    }

    internal void Absorb(Scanner other)
    {
        _letters.AddRange(other._letters);
        _excluded.AddRange(other._excluded);
        _grouped.AddRange(other._grouped);
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
            if (!members.Exists(m => m.HasDue))
            {
                continue;
            }

            var payer = scope.Payers[recipient];
            var drafts = new DraftSet(payer.Customer, PlanFor(payer.Customer));
            foreach (var (account, _) in members)
            {
                Collect(account, PlanFor(account.Customer)!, drafts);
            }

            drafts.FinishAll(this);
        }
    }

    internal DunningProposal ToProposal()
    {
        _letters.Sort(static (a, b) =>
        {
            var byRecipient = string.CompareOrdinal(a.RecipientId.Value, b.RecipientId.Value);
            return byRecipient != 0 ? byRecipient : string.CompareOrdinal(a.Currency.Code, b.Currency.Code);
        });
        return new DunningProposal(scope.Request, _letters.ToArray(), _excluded.ToArray());
    }

    internal IReadOnlyList<DunningLine> Explain(CustomerAccount account)
    {
        var customer = account.Customer;
        var plan = PlanFor(customer);
        var customerExclusion = account.IsArchived ? DunningExclusion.CustomerArchived
            : customer.IsDunningBlocked ? DunningExclusion.CustomerBlocked
            : plan is null ? DunningExclusion.UnknownScheme
            : (DunningExclusion?)null;
        var lines = new List<DunningLine>();
        foreach (var item in account.Items)
        {
            if (!item.IsClaim || item.OpenValue <= 0m || item.IsReversed)
            {
                continue;
            }

            foreach (var installment in item.InstallmentStates)
            {
                if (installment.OpenValue <= 0m)
                {
                    continue;
                }

                var dueDay = LevelPlan.Day(installment.DueDate);
                if (dueDay >= scope.AsOfDay)
                {
                    lines.Add(new DunningLine(customer, installment, plan, scope.AsOf, DunningLineStatus.NotYetDue, installment.Dunning.Level));
                }
                else if ((customerExclusion ?? ItemExclusion(item, installment, plan!)) is { } exclusion)
                {
                    lines.Add(new DunningLine(customer, installment, plan, scope.AsOf, DunningLineStatus.Excluded, installment.Dunning.Level, exclusion));
                }
                else
                {
                    lines.Add(Line(customer, installment, plan!, dueDay, onLetter: false));
                }
            }
        }

        return lines;
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

        if (scope.IsGrouped(customer))
        {
            _grouped.Add((account, hasDue));
            return;
        }

        if (hasDue)
        {
            var drafts = new DraftSet(customer, plan);
            Collect(account, plan!, drafts);
            drafts.FinishAll(this);
        }
    }

    /// <summary>Records the exclusions and tells whether any installment is due for a notice. Allocates only for exclusions.</summary>
    private bool FirstPass(CustomerAccount account, LevelPlan? plan, DunningExclusion? customerExclusion)
    {
        var hasDue = false;
        var items = account.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!item.IsClaim || item.OpenValue <= 0m || item.IsReversed)
            {
                continue;
            }

            var installments = item.InstallmentStates;
            for (var j = 0; j < installments.Length; j++)
            {
                var installment = installments[j];
                if (installment.OpenValue <= 0m)
                {
                    continue;
                }

                var dueDay = LevelPlan.Day(installment.DueDate);
                if (dueDay >= scope.AsOfDay)
                {
                    continue;
                }

                if ((customerExclusion ?? ItemExclusion(item, installment, plan!)) is { } exclusion)
                {
                    _excluded.Add(new DunningLine(account.Customer, installment, plan, scope.AsOf, DunningLineStatus.Excluded, installment.Dunning.Level, exclusion));
                    continue;
                }

                if (!hasDue && item.Kind == ItemKind.Invoice)
                {
                    var decision = Decide(plan!, installment, dueDay);
                    hasDue = decision.IsDueOn(scope.AsOfDay) && Selected(account.Id, installment, decision);
                }
            }
        }

        return hasDue;
    }

    /// <summary>Adds the customer's overdue items, credits and (when the scheme says so) items not yet due to the drafts.</summary>
    private void Collect(CustomerAccount account, LevelPlan plan, DraftSet drafts)
    {
        var customer = account.Customer;
        var items = account.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.OpenValue <= 0m || item.IsReversed)
            {
                continue;
            }

            if (!item.IsClaim)
            {
                drafts.For(item.Currency).AddCredit(customer.Id, item);
                continue;
            }

            var installments = item.InstallmentStates;
            for (var j = 0; j < installments.Length; j++)
            {
                var installment = installments[j];
                if (installment.OpenValue <= 0m)
                {
                    continue;
                }

                var dueDay = LevelPlan.Day(installment.DueDate);
                if (dueDay >= scope.AsOfDay)
                {
                    if (plan.Scheme.ListItemsNotYetDue)
                    {
                        drafts.For(item.Currency).AddNotYetDue(new DunningLine(customer, installment, plan, scope.AsOf, DunningLineStatus.NotYetDue, installment.Dunning.Level));
                    }

                    continue;
                }

                if (ItemExclusion(item, installment, plan) is null)
                {
                    drafts.For(item.Currency).AddLine(Line(customer, installment, plan, dueDay));
                }
            }
        }
    }

    /// <summary>The line of an overdue, non-excluded installment: raised, repeated or only listed, and why.</summary>
    private DunningLine Line(Customer customer, OpenInstallment installment, LevelPlan plan, int dueDay, bool onLetter = true)
    {
        var current = installment.Dunning.Level;
        if (installment.Item.Kind != ItemKind.Invoice)
        {
            return new DunningLine(customer, installment, plan, scope.AsOf, DunningLineStatus.Charge, current);
        }

        var decision = Decide(plan, installment, dueDay);
        var status = decision.IsNone ? DunningLineStatus.MaximumReached
            : !decision.IsDueOn(scope.AsOfDay) ? DunningLineStatus.WaitingForNextLevel
            : scope.Level != 0 && decision.Level != scope.Level ? DunningLineStatus.LevelNotSelected
            : scope.Filter is { } filter && !filter.Allows(customer.Id, installment, decision.Level) ? DunningLineStatus.NotInProposal
            : decision.IsRepeat ? DunningLineStatus.Repeated
            : DunningLineStatus.Raised;
        var level = status is DunningLineStatus.Raised or DunningLineStatus.Repeated ? decision.Level : current;
        return new DunningLine(customer, installment, plan, scope.AsOf, status, level, onLetter: onLetter);
    }

    private bool Selected(CustomerId customer, OpenInstallment installment, LevelDecision decision) =>
        (scope.Level == 0 || decision.Level == scope.Level)
        && (scope.Filter is not { } filter || filter.Allows(customer, installment, decision.Level));

    private static LevelDecision Decide(LevelPlan plan, OpenInstallment installment, int dueDay)
    {
        var state = installment.Dunning;
        var last = state.NoticeCount > 0 && state.LastNoticeDate is { } date ? LevelPlan.Day(date) : int.MinValue;
        return plan.Decide(state.Level, state.NoticeCount, last, dueDay);
    }

    private DunningExclusion? CustomerExclusion(CustomerAccount account, LevelPlan? plan)
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

    private DunningExclusion? ItemExclusion(OpenItem item, OpenInstallment installment, LevelPlan plan)
    {
        switch (item.LegalStatus)
        {
            case LegalStatus.Lawyer:
                return DunningExclusion.HandedToLawyer;
            case LegalStatus.CollectionAgency:
                return DunningExclusion.HandedToCollectionAgency;
        }

        if (item.IsCoveredByAgreement)
        {
            return DunningExclusion.PaymentAgreement;
        }

        if (item.IsPausedOn(scope.AsOf))
        {
            return DunningExclusion.Paused;
        }

        if (plan.HasItemMinimum && installment.OpenValue < plan.Scheme.MinimumItemAmountIn(item.Currency).Amount)
        {
            return DunningExclusion.BelowItemMinimum;
        }

        return null;
    }

    /// <summary>The level rule with the customer's days (R4.5): override, else branch, else company, else scheme.</summary>
    private LevelPlan? PlanFor(Customer customer)
    {
        var schemeId = customer.DunningScheme;
        var overrides = customer.DunningDays;
        if (overrides.Count == 0 && _lastPlan is not null && schemeId == _lastScheme && customer.Branch == _lastBranch)
        {
            return _lastPlan;
        }

        if (!scope.Settings.Schemes.TryGetValue(schemeId, out var scheme))
        {
            return null;
        }

        if (overrides.Count > 0)
        {
            return new LevelPlan(scheme, Days(scheme, customer));
        }

        if (!_plans.TryGetValue((schemeId, customer.Branch), out var plan))
        {
            plan = new LevelPlan(scheme, Days(scheme, customer));
            _plans.Add((schemeId, customer.Branch), plan);
        }

        (_lastScheme, _lastBranch, _lastPlan) = (schemeId, customer.Branch, plan);
        return plan;
    }

    private int[] Days(DunningScheme scheme, Customer customer)
    {
        var days = new int[scheme.Levels.Count];
        for (var level = 1; level <= days.Length; level++)
        {
            days[level - 1] = scope.Settings.DaysFor(customer, scheme, level);
        }

        return days;
    }

    /// <summary>The drafts of one recipient, one per currency.</summary>
    private sealed class DraftSet(Customer recipient, LevelPlan? recipientPlan)
    {
        private readonly List<LetterDraft> _drafts = new(1);

        public LetterDraft For(Currency currency)
        {
            foreach (var draft in _drafts)
            {
                if (draft.Currency == currency)
                {
                    return draft;
                }
            }

            var created = new LetterDraft(recipient, recipientPlan, currency);
            _drafts.Add(created);
            return created;
        }

        public void FinishAll(Scanner scanner)
        {
            foreach (var draft in _drafts)
            {
                scanner.Finish(draft);
            }
        }
    }

    /// <summary>A letter being assembled: its lines, credits and running sums.</summary>
    private sealed class LetterDraft(Customer recipient, LevelPlan? recipientPlan, Currency currency)
    {
        public Customer Recipient { get; } = recipient;

        public LevelPlan? RecipientPlan { get; } = recipientPlan;

        public Currency Currency { get; } = currency;

        public List<DunningLine> Lines { get; } = [];

        public List<DunningLine>? NotYetDue { get; private set; }

        public List<DunningCredit>? Credits { get; private set; }

        public List<CustomerId> Customers { get; } = new(1);

        public DunningLine? FirstNotice { get; private set; }

        public int MaxLevel { get; private set; }

        public decimal Overdue { get; private set; }

        public decimal Credit { get; private set; }

        public decimal NotYetDueSum { get; private set; }

        public void AddLine(DunningLine line)
        {
            Lines.Add(line);
            Overdue += line.Source.OpenValue;
            Note(line.Customer);
            if (line.IssuesNotice)
            {
                FirstNotice ??= line;
                MaxLevel = Math.Max(MaxLevel, line.Level);
            }
        }

        public void AddNotYetDue(DunningLine line)
        {
            (NotYetDue ??= []).Add(line);
            NotYetDueSum += line.Source.OpenValue;
        }

        public void AddCredit(CustomerId customer, OpenItem item)
        {
            (Credits ??= []).Add(new DunningCredit(customer, item));
            Credit += item.OpenValue;
            Note(customer);
        }

        private void Note(CustomerId customer)
        {
            if (Customers.Count == 0 || Customers[^1] != customer)
            {
                Customers.Add(customer);
            }
        }
    }

    /// <summary>Turns a draft into a letter, or drops it (reporting its notices as excluded) when the net amount is too small.</summary>
    private void Finish(LetterDraft draft)
    {
        if (draft.FirstNotice is not { } first)
        {
            return;
        }

        var currency = draft.Currency;
        var net = draft.Overdue - draft.Credit;
        var plan = draft.RecipientPlan ?? first.Plan!;
        var scheme = plan.Scheme;
        var suppressed = net <= 0m ? DunningExclusion.NetOverdueNotPositive
            : net < scheme.MinimumLetterAmountIn(currency).Amount ? DunningExclusion.BelowLetterMinimum
            : (DunningExclusion?)null;
        if (suppressed is { } reason)
        {
            foreach (var line in draft.Lines)
            {
                if (line.IssuesNotice)
                {
                    _excluded.Add(new DunningLine(line.CustomerSettings, line.Source, line.Plan, scope.AsOf, DunningLineStatus.Excluded, line.PreviousLevel, reason));
                }
            }

            return;
        }

        var level = Math.Min(draft.MaxLevel, scheme.Levels.Count);
        var definition = scheme.Levels[level - 1];
        var fees = new List<DunningFeeLine>();
        var feeTotal = 0m;
        if (definition.FeeIn(currency) is { } letterFee)
        {
            if (letterFee.PerLetterAmount.IsPositive)
            {
                fees.Add(new DunningFeeLine(DunningFeeKind.PerLetter, letterFee.PerLetterAmount, level, draft.Recipient.Id));
                feeTotal += letterFee.PerLetterAmount.Amount;
            }

            if (letterFee.Tiers.Count > 0 && letterFee.TieredFeeFor(new Money(net, currency)) is { IsPositive: true } tiered)
            {
                fees.Add(new DunningFeeLine(DunningFeeKind.Tiered, tiered, level, draft.Recipient.Id));
                feeTotal += tiered.Amount;
            }
        }

        var interestTotal = 0m;
        foreach (var line in draft.Lines)
        {
            if (line.Status == DunningLineStatus.Raised
                && line.Plan!.Scheme.Levels[line.Level - 1].FeeIn(currency) is { PerItemAmount.IsPositive: true } itemFee)
            {
                line.Fee = itemFee.PerItemAmount;
                fees.Add(new DunningFeeLine(DunningFeeKind.PerItem, itemFee.PerItemAmount, line.Level, line.Customer, line.Installment));
                feeTotal += itemFee.PerItemAmount.Amount;
            }

            if (definition.ChargesInterest && line.ItemKind == ItemKind.Invoice && InterestOn(line) is { } interest)
            {
                line.Interest = interest;
                interestTotal += interest.Amount;
            }
        }

        draft.Lines.Sort(CompareLines);
        draft.NotYetDue?.Sort(CompareLines);
        draft.Customers.Sort(static (a, b) => string.CompareOrdinal(a.Value, b.Value));
        var deadline = scope.Settings.Calendar.AdjustDeadline(scope.AsOf.PlusDays(definition.PaymentDeadlineDays));
        _letters.Add(new DunningLetter(
            DunningIds.Letter(scope.Request.RunId, draft.Recipient.Id, currency),
            scope.Request.RunId,
            draft.Recipient,
            draft.Customers.Distinct().ToArray(),
            currency,
            level,
            scheme,
            scope.AsOf,
            deadline,
            draft.Lines,
            (IReadOnlyList<DunningLine>?)draft.NotYetDue ?? [],
            (IReadOnlyList<DunningCredit>?)draft.Credits ?? [],
            fees,
            new Money(draft.Overdue, currency),
            new Money(draft.Credit, currency),
            new Money(feeTotal, currency),
            new Money(interestTotal, currency),
            new Money(draft.NotYetDueSum, currency)));
    }

    /// <summary>Default interest on the open amount from the day after the due date to the run date (§288 BGB), rounded once.</summary>
    private Money? InterestOn(DunningLine line)
    {
        if (!scope.Settings.InterestSchemes.TryGetValue(line.CustomerSettings.InterestScheme, out var scheme))
        {
            return null;
        }

        var first = line.DueDate.PlusDays(1);
        if (scheme.BaseRates is { } table && first < table.Entries[0].ValidFrom)
        {
            first = table.Entries[0].ValidFrom;
        }

        return first > scope.AsOf ? null : InterestCalculator.CalculateExact(scheme, line.OpenAmount, first, scope.AsOf).Round();
    }

    private static int CompareLines(DunningLine a, DunningLine b)
    {
        var order = string.CompareOrdinal(a.Customer.Value, b.Customer.Value);
        if (order == 0)
        {
            order = a.DueDate.CompareTo(b.DueDate);
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
}
