using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>
/// Decides how a payment is allocated to a customer's open items (or, for a payer, to the open items of the customers
/// it pays for, R3.7): designation first (BGB §366(1)), then the configured order (§366(2) by default), within each
/// claim costs, interest, principal (§367), with cash discount (R3.3) and payment tolerance (R3.2).
/// </summary>
/// <remarks>
/// <para>A pure function: the accounts and the payment in, a <see cref="PaymentAllocation"/> out. Nothing is posted;
/// the application layer turns the allocation into journal entries. Thread-safe.</para>
/// <para>Only claims in the payment's currency take part; amounts in other currencies are never combined.</para>
/// <para>The order never depends on the order in which the accounts list their items: ties are broken by document
/// number, item id and installment number, always ordinal.</para>
/// </remarks>
public static class PaymentAllocator
{
    private const int DesignationShift = 62;
    private const int CategoryShift = 60;
    private const int FirstDateShift = 30;

    /// <summary>Allocates a payment to one customer's open items.</summary>
    /// <param name="account">The account that received the payment.</param>
    /// <param name="payment">The payment; its amount greater than zero and a whole number of minor units.</param>
    /// <param name="settings">The allocation settings, e.g. <see cref="AllocationSettings.Default"/>.</param>
    /// <returns>The allocation.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The payment's amount is not greater than zero or has a fraction of a minor unit.</exception>
    public static PaymentAllocation Allocate(CustomerAccount account, IncomingPayment payment, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Allocate([account], payment, settings);
    }

    /// <summary>
    /// Allocates a payment across several accounts with the same order rules: a payer's own account and the accounts of
    /// the customers it pays for (R3.7).
    /// </summary>
    /// <param name="accounts">The accounts; the first is the one that received the payment and keeps any unapplied credit.</param>
    /// <param name="payment">The payment; its amount greater than zero and a whole number of minor units.</param>
    /// <param name="settings">The allocation settings, e.g. <see cref="AllocationSettings.Default"/>.</param>
    /// <returns>The allocation.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No account is given, an account is <see langword="null"/> or listed twice, or the payment's
    /// amount is not greater than zero or has a fraction of a minor unit.</exception>
    public static PaymentAllocation Allocate(IReadOnlyList<CustomerAccount> accounts, IncomingPayment payment, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(settings);
        if (accounts.Count == 0)
        {
            throw new ArgumentException("At least the account that received the payment is needed.", nameof(accounts));
        }

        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i] is null)
            {
                throw new ArgumentException($"Account {i} is missing (null).", nameof(accounts));
            }

            for (var k = 0; k < i; k++)
            {
                if (accounts[k].Id == accounts[i].Id)
                {
                    throw new ArgumentException($"Account '{accounts[i].Id}' is listed twice.", nameof(accounts));
                }
            }
        }

        if (!payment.Amount.IsPositive || !payment.Amount.IsRounded)
        {
            throw new ArgumentException($"A payment to allocate must be greater than zero and a whole number of minor units; it is {payment.Amount}.", nameof(payment));
        }

        // One-shot: the debt array is rented and given back; the allocation holds no reference to it.
        var index = AllocationIndex.Build(accounts, payment.Amount.Currency, pooled: true);
        try
        {
            return Allocate(index, payment, settings);
        }
        finally
        {
            index.Release();
        }
    }

    /// <summary>Allocates a valid payment using a prepared index (the hot path; no argument checks).</summary>
    internal static PaymentAllocation Allocate(AllocationIndex index, IncomingPayment payment, AllocationSettings settings) =>
        new Run(index, payment, settings).Execute();

    private sealed class Run(AllocationIndex index_, IncomingPayment payment, AllocationSettings settings)
    {
        /// <summary>Up to this many debts are picked one at a time (a payment usually settles one or two); then the rest is sorted.</summary>
        private const int SelectionSteps = 6;

        /// <summary>Up to this many debts the per-payment keys live on the stack.</summary>
        private const int StackLimit = 256;

        private readonly Currency _currency = index_.Currency;
        private readonly Debt[] _debts = index_.Debts;
        private readonly bool _pooled = settings.ToleranceScope == ToleranceScope.Pooled;
        private readonly bool _oneItem = settings.OneItemPerRefundCheque && payment.Method == PaymentMethod.Cheque;
        private List<SettledDebt>? _settled;
        private bool _splitting;
        private int _last = -1;
        private int _settledCount;
        private readonly int _valueDay = AllocationIndex.Day(payment.ValueDate);
        private readonly bool _statutory = settings.Order == AllocationOrder.Statutory;
        private decimal _remaining = payment.Amount.Amount;
        private List<AllocationLine>? _lines;
        private List<PaymentDifference>? _differences;

        public PaymentAllocation Execute()
        {
            var n = index_.Count;
            if (n > 0)
            {
                Span<long> keys = n <= StackLimit ? stackalloc long[n] : new long[n];
                Span<int> order = n <= StackLimit ? stackalloc int[n] : new int[n];
                Span<bool> designated = n <= StackLimit ? stackalloc bool[n] : new bool[n];
                Span<ReferenceMatcher.Token> found = stackalloc ReferenceMatcher.Token[ReferenceMatcher.MaxTokens];
                var reference = payment.Reference.AsSpan();
                var count = settings.MatchReference ? ReferenceMatcher.Tokenize(reference, found) : 0;
                var tokens = new ReferenceMatcher.Tokens(reference, found[..count]);
                var debts = _debts;

                // §366(1) first: the designated debts, in the configured order among themselves. A payment with a
                // reference is usually used up here, and the other debts are never ranked.
                var first = 0;
                if (!tokens.IsEmpty || payment.DesignatedItems.Count > 0)
                {
                    var matchIds = payment.DesignatedItems.Count > 0;
                    for (var i = 0; i < n; i++)
                    {
                        ref readonly var debt = ref debts[i];
                        if ((tokens.MayContain(debt.DocumentTail) && tokens.Contains(debt.DocumentNumber, debt.DocumentTail)) || (matchIds && IsDesignatedExplicitly(debt)))
                        {
                            designated[i] = true;
                            keys[first] = Key(debt, designated: true);
                            order[first++] = i;
                        }
                    }

                    Walk(keys[..first], order[..first]);
                }

                if (_remaining > 0m && first < n)
                {
                    var k = first;
                    for (var i = 0; i < n; i++)
                    {
                        if (!designated[i])
                        {
                            keys[k] = Key(debts[i], designated: false);
                            order[k++] = i;
                        }
                    }

                    Walk(keys[first..], order[first..]);
                }
            }

            WriteOffSurplus();
            return new PaymentAllocation(
                payment,
                index_.Accounts[0].Id,
                (IReadOnlyList<AllocationLine>?)_lines ?? [],
                (IReadOnlyList<PaymentDifference>?)_differences ?? []);
        }

        /// <summary>
        /// Goes through the debts in order until the money runs out. The first few are found by selection (one linear
        /// scan each), which is all a typical payment needs; if money is left after that, the rest is sorted once.
        /// </summary>
        private void Walk(Span<long> keys, Span<int> order)
        {
            var n = keys.Length;
            var sorted = false;
            for (int t = 0, step = 0; t < n && _remaining > 0m && !(_oneItem && _settledCount + (_differences?.Count ?? 0) > 0); step++)
            {
                if (!sorted && step == SelectionSteps)
                {
                    keys[t..].Sort(order[t..]);
                    BreakTies(keys[t..], order[t..]);
                    sorted = true;
                }

                int size;
                if (sorted)
                {
                    size = 1;
                    while (_statutory && t + size < n && keys[t + size] == keys[t])
                    {
                        size++;
                    }
                }
                else
                {
                    var min = t;
                    for (var i = t + 1; i < n; i++)
                    {
                        if (keys[i] < keys[min] || (keys[i] == keys[min] && Secondary(order[i], order[min]) < 0))
                        {
                            min = i;
                        }
                    }

                    Swap(keys, order, t, min);
                    size = 1;
                    if (_statutory)
                    {
                        for (var i = t + 1; i < n; i++)
                        {
                            if (keys[i] == keys[t])
                            {
                                Swap(keys, order, t + size++, i);
                            }
                        }

                        BreakTies(keys.Slice(t, size), order.Slice(t, size));
                    }
                }

                if (size == 1 || _oneItem)
                {
                    _remaining -= Settle(order[t], _remaining, RuleFor(keys[t]));
                    size = 1;
                }
                else
                {
                    SettleGroup(order.Slice(t, size), RuleFor(keys[t]));
                }

                t += size;
            }
        }

        private static void Swap(Span<long> keys, Span<int> order, int a, int b)
        {
            (keys[a], keys[b]) = (keys[b], keys[a]);
            (order[a], order[b]) = (order[b], order[a]);
        }

        /// <summary>Orders debts with equal keys by document number, item id, installment and customer: the result never depends on listing order.</summary>
        private void BreakTies(Span<long> keys, Span<int> order)
        {
            for (var i = 1; i < keys.Length; i++)
            {
                for (var k = i; k > 0 && keys[k - 1] == keys[k] && Secondary(order[k - 1], order[k]) > 0; k--)
                {
                    (order[k - 1], order[k]) = (order[k], order[k - 1]);
                }
            }
        }

        private int Secondary(int left, int right)
        {
            ref readonly var a = ref _debts[left];
            ref readonly var b = ref _debts[right];
            var c = string.CompareOrdinal(a.DocumentNumber, b.DocumentNumber);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Main.Item.Id.Value, b.Main.Item.Id.Value);
            }

            if (c == 0)
            {
                c = a.Main.Number.CompareTo(b.Main.Number);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(index_.Accounts[a.Account].Id.Value, index_.Accounts[b.Account].Id.Value);
            }

            return c;
        }

        private bool IsDesignatedExplicitly(in Debt debt)
        {
            foreach (var id in payment.DesignatedItems)
            {
                if (id == debt.Main.Item.Id || Contains(debt.Costs, id) || Contains(debt.Interest, id))
                {
                    return true;
                }
            }

            return false;

            static bool Contains(List<OpenInstallment>? charges, EntryId id)
            {
                if (charges is not null)
                {
                    foreach (var charge in charges)
                    {
                        if (charge.Item.Id == id)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// The sort key: designated first; then (statutory) due and interest-bearing, due, not yet due; then age
        /// (document date, due date) — or, for oldest-due-first, due date then document date.
        /// </summary>
        private long Key(in Debt debt, bool designated)
        {
            var key = designated ? 0L : 1L << DesignationShift;
            if (_statutory)
            {
                var category = debt.DueDay > _valueDay ? 2L : debt.IsInvoice && debt.DueDay < _valueDay ? 0L : 1L;
                return key | (category << CategoryShift) | ((long)debt.DocumentDay << FirstDateShift) | (uint)debt.DueDay;
            }

            return key | ((long)debt.DueDay << FirstDateShift) | (uint)debt.DocumentDay;
        }

        private AllocationRule RuleFor(long key)
        {
            if (key >> DesignationShift == 0)
            {
                return AllocationRule.Designation;
            }

            if (!_statutory)
            {
                return AllocationRule.OldestDueFirst;
            }

            return ((key >> CategoryShift) & 3) switch
            {
                0 => AllocationRule.Burden,
                1 => AllocationRule.DueFirst,
                _ => AllocationRule.Age,
            };
        }

        /// <summary>Debts equal in every criterion: settled in full when the money suffices, otherwise in proportion to what each needs.</summary>
        private void SettleGroup(ReadOnlySpan<int> group, AllocationRule rule)
        {
            var needs = new decimal[group.Length];
            var total = 0m;
            for (var k = 0; k < group.Length; k++)
            {
                ref readonly var debt = ref _debts[group[k]];
                var (owed, principal) = Owed(debt);
                needs[k] = owed - Discount(debt, principal).Amount;
                total += needs[k];
            }

            if (_remaining >= total || (_pooled && !_oneItem && WithinPool(group, needs, total - _remaining)))
            {
                // Enough money, or a shortfall the pooled tolerance covers: settled one by one, the pool closing the last.
                foreach (var d in group)
                {
                    _remaining -= Settle(d, _remaining, rule);
                }

                return;
            }

            // A proportional split shares the shortfall; each debt's own tolerance applies, never a pool.
            var shares = new Money(_remaining, _currency).Allocate(needs);
            _splitting = true;
            for (var k = 0; k < group.Length; k++)
            {
                _remaining -= Settle(group[k], shares[k].Amount, AllocationRule.Proportional);
            }

            _splitting = false;
        }

        /// <summary>Whether a shortfall on a group is within the pooled limits of the debts settled so far and the group's.</summary>
        private bool WithinPool(ReadOnlySpan<int> group, decimal[] needs, decimal shortfall)
        {
            var sum = 0m;
            foreach (var earlier in _settled ?? [])
            {
                sum += Math.Min(Tolerance(_debts[earlier.Index]), earlier.Need);
            }

            for (var k = 0; k < group.Length; k++)
            {
                sum += Math.Min(Tolerance(_debts[group[k]]), needs[k]);
            }

            return shortfall <= sum;
        }

        /// <summary>Settles what it can of one debt out of <paramref name="available"/>; returns the part of the payment used.</summary>
        private decimal Settle(int index, decimal available, AllocationRule rule)
        {
            if (available <= 0m)
            {
                return 0m;
            }

            ref readonly var debt = ref _debts[index];
            var (owed, principal) = Owed(debt);
            var discount = Discount(debt, principal);
            var need = owed - discount.Amount;
            decimal pay;
            bool closes;
            if (available >= need)
            {
                pay = need;
                closes = true;
            }
            else if (_pooled && !_splitting && Pool(index, need - available, need, discount, rule))
            {
                return available;
            }
            else if (need - available <= Tolerance(debt))
            {
                pay = available;
                closes = true;
            }
            else
            {
                // Short of the tolerance: a partial payment. No discount on what stays unpaid; the difference stays open.
                pay = available;
                discount = default;
                closes = false;
                var customer = index_.Accounts[debt.Account].Id;
                (_differences ??= []).Add(new PaymentDifference(
                    customer, debt.Main.Item.Id, debt.DocumentNumber, Amount(owed), Amount(pay), Amount(owed - pay)));
            }

            if (closes)
            {
                _last = index;
                _settledCount++;
                if (_pooled && !_splitting)
                {
                    (_settled ??= []).Add(new SettledDebt(index, _lines?.Count ?? 0, need, discount, rule));
                }
            }

            Distribute(debt, pay, discount, closes, rule);
            return pay;
        }

        /// <summary>
        /// Pooled tolerance (Business Central's multi-document rule): the shortfall is written off across every debt the
        /// payment closes, in proportion to each one's limit (capped at what it needs), when it is within the sum of those
        /// limits. The debts settled before are settled again with their share; the money moves to this debt.
        /// </summary>
        private bool Pool(int index, decimal shortfall, decimal need, Discount discount, AllocationRule rule)
        {
            var count = (_settled?.Count ?? 0) + 1;
            var weights = new decimal[count];
            var sum = 0m;
            for (var k = 0; k < count - 1; k++)
            {
                var earlier = _settled![k];
                weights[k] = Math.Min(Tolerance(_debts[earlier.Index]), earlier.Need);
                sum += weights[k];
            }

            weights[count - 1] = Math.Min(Tolerance(_debts[index]), need);
            sum += weights[count - 1];
            if (sum <= 0m || shortfall > sum)
            {
                return false;
            }

            var shares = new Money(shortfall, _currency).Allocate(weights);
            if (_settled is { Count: > 0 } settled)
            {
                _lines!.RemoveRange(settled[0].LineStart, _lines.Count - settled[0].LineStart);
                for (var k = 0; k < settled.Count; k++)
                {
                    var earlier = settled[k];
                    Distribute(_debts[earlier.Index], earlier.Need - shares[k].Amount, earlier.Discount, closes: true, earlier.Rule);
                }
            }

            Distribute(_debts[index], need - shares[count - 1].Amount, discount, closes: true, rule);
            (_settled ??= []).Add(new SettledDebt(index, 0, need, discount, rule));
            _last = index;
            _settledCount++;
            return true;
        }

        /// <summary>
        /// A surplus after every debt was closed: written off within the tolerance (R3.2 both ways) — the last debt's
        /// limit, or with pooling the sum of the limits of the debts closed — unless overpayments are kept as credit.
        /// </summary>
        private void WriteOffSurplus()
        {
            if (_remaining <= 0m || _last < 0 || settings.KeepOverpaymentAsCredit)
            {
                return;
            }

            if (!_pooled)
            {
                ref readonly var last = ref _debts[_last];
                if (_remaining <= Tolerance(last))
                {
                    SurplusLine(last, _remaining);
                    _remaining = 0m;
                }

                return;
            }

            var settled = _settled!;
            var weights = new decimal[settled.Count];
            var sum = 0m;
            for (var k = 0; k < settled.Count; k++)
            {
                weights[k] = Tolerance(_debts[settled[k].Index]);
                sum += weights[k];
            }

            if (sum <= 0m || _remaining > sum)
            {
                return;
            }

            var shares = new Money(_remaining, _currency).Allocate(weights);
            for (var k = 0; k < settled.Count; k++)
            {
                if (shares[k].Amount > 0m)
                {
                    SurplusLine(_debts[settled[k].Index], shares[k].Amount);
                }
            }

            _remaining = 0m;
        }

        private void SurplusLine(in Debt debt, decimal amount) =>
            Line(index_.Accounts[debt.Account].Id, debt.Main, debt.MainComponent, AllocationLineKind.OverpaymentWriteOff, amount, AllocationRule.Tolerance);

        private void Distribute(in Debt debt, decimal pay, Discount discount, bool closes, AllocationRule rule)
        {
            var customer = index_.Accounts[debt.Account].Id;
            foreach (var component in settings.ComponentOrder)
            {
                if (component == debt.MainComponent)
                {
                    pay = Take(customer, debt.Main, debt.Main.OpenValue - discount.Amount, pay, closes, rule, component);
                    if (discount.Amount > 0m)
                    {
                        Line(customer, debt.Main, component, AllocationLineKind.CashDiscount, discount.Amount, discount.Late ? AllocationRule.LateCashDiscount : AllocationRule.CashDiscount);
                    }

                    continue;
                }

                if (debt.Part(component) is { } charges)
                {
                    foreach (var charge in charges)
                    {
                        pay = Take(customer, charge, charge.OpenValue, pay, closes, AllocationRule.CostsInterestPrincipal, component);
                    }
                }
            }
        }

        private decimal Take(CustomerId customer, OpenInstallment target, decimal due, decimal pay, bool closes, AllocationRule rule, ClaimComponent component)
        {
            var take = Math.Min(pay, due);
            if (take > 0m)
            {
                Line(customer, target, component, AllocationLineKind.Payment, take, rule);
            }

            if (closes && due > take)
            {
                Line(customer, target, component, AllocationLineKind.ToleranceWriteOff, due - take, AllocationRule.Tolerance);
            }

            return pay - take;
        }

        private void Line(CustomerId customer, OpenInstallment target, ClaimComponent component, AllocationLineKind kind, decimal amount, AllocationRule rule) =>
            (_lines ??= []).Add(new AllocationLine(customer, target.Ref, target.Item.DocumentNumber, component, kind, Amount(amount), rule));

        private static (decimal Owed, decimal Principal) Owed(in Debt debt)
        {
            var owed = debt.Main.OpenValue;
            if (debt.HasCharges)
            {
                foreach (var charge in debt.Costs ?? [])
                {
                    owed += charge.OpenValue;
                }

                foreach (var charge in debt.Interest ?? [])
                {
                    owed += charge.OpenValue;
                }
            }

            return (owed, debt.IsInvoice ? debt.Main.OpenValue : 0m);
        }

        /// <summary>
        /// The cash discount the debt's principal gets when paid now (R3.3, <see cref="PaymentRules.CashDiscount"/>): the
        /// invoice's own stages or the customer's terms; a late discount (within the tolerance days) only when accepted —
        /// by the payment's decision for the invoice, otherwise by <see cref="AllocationSettings.LateDiscount"/>.
        /// </summary>
        private Discount Discount(in Debt debt, decimal principal)
        {
            if (!settings.GrantCashDiscount || principal <= 0m || debt.Main.Item.Origin is not InvoicePosted invoice)
            {
                return default;
            }

            var customer = index_.Accounts[debt.Account].Customer;
            var (amount, _, _, late) = PaymentRules.CashDiscount(customer, invoice, principal, payment.ValueDate, _currency, AcceptsLate(invoice.Id));
            return new Discount(amount, late);
        }

        private bool AcceptsLate(EntryId invoice)
        {
            var decisions = payment.LateDiscountDecisions;
            for (var i = 0; i < decisions.Count; i++)
            {
                if (decisions[i].Item == invoice)
                {
                    return decisions[i].Accept;
                }
            }

            return settings.LateDiscount == LateDiscountPolicy.Accept;
        }

        /// <summary>The payment tolerance of a debt (R3.2, <see cref="PaymentRules.ToleranceLimit"/>); zero when switched off.</summary>
        private decimal Tolerance(in Debt debt) =>
            settings.ApplyTolerance
                ? PaymentRules.ToleranceLimit(index_.Accounts[debt.Account].Customer.PaymentTolerance, debt.Main.Amount.Amount, _currency)
                : 0m;

        private Money Amount(decimal amount) => new(amount, _currency);
    }
}

/// <summary>A cash discount decided for one debt: the amount and whether it was granted late (within the tolerance days).</summary>
internal readonly record struct Discount(decimal Amount, bool Late);

/// <summary>A debt closed by the payment, remembered for pooled tolerance: where its lines start, what it needed, its discount and rule.</summary>
internal readonly record struct SettledDebt(int Index, int LineStart, decimal Need, Discount Discount, AllocationRule Rule);
