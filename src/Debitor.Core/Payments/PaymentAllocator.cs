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

        return Allocate(AllocationIndex.Build(accounts, payment.Amount.Currency), payment, settings);
    }

    /// <summary>Allocates a valid payment using a prepared index (the hot path; no argument checks).</summary>
    internal static PaymentAllocation Allocate(AllocationIndex index, IncomingPayment payment, AllocationSettings settings) =>
        new Run(index, payment, settings).Execute();

    private sealed class Run(AllocationIndex index, IncomingPayment payment, AllocationSettings settings)
    {
        private readonly Currency _currency = index.Currency;
        private readonly int _valueDay = AllocationIndex.Day(payment.ValueDate);
        private readonly bool _statutory = settings.Order == AllocationOrder.Statutory;
        private List<AllocationLine>? _lines;
        private List<PaymentDifference>? _differences;

        public PaymentAllocation Execute()
        {
            var debts = index.Debts;
            var n = debts.Length;
            var remaining = payment.Amount.Amount;
            if (n > 0)
            {
                var keys = new long[n];
                var order = new Debt[n];
                Span<ReferenceMatcher.Token> tokens = stackalloc ReferenceMatcher.Token[ReferenceMatcher.MaxTokens];
                var reference = payment.Reference;
                var tokenCount = settings.MatchReference && !string.IsNullOrEmpty(reference) ? ReferenceMatcher.Tokenize(reference, tokens) : 0;
                for (var i = 0; i < n; i++)
                {
                    var debt = debts[i];
                    var designated = (tokenCount > 0 && IsNamedIn(debt, reference!, tokens[..tokenCount])) || IsDesignatedExplicitly(debt);
                    keys[i] = Key(debt, designated);
                    order[i] = debt;
                }

                Array.Sort(keys, order);
                BreakTies(keys, order);
                remaining = Walk(keys, order, remaining);
            }

            _ = remaining;
            return new PaymentAllocation(
                payment,
                index.Accounts[0].Id,
                (IReadOnlyList<AllocationLine>?)_lines ?? [],
                (IReadOnlyList<PaymentDifference>?)_differences ?? []);
        }

        private static int SecondaryOrder(Debt left, Debt right, IReadOnlyList<CustomerAccount> accounts)
        {
            var c = string.CompareOrdinal(left.DocumentNumber, right.DocumentNumber);
            if (c == 0)
            {
                c = string.CompareOrdinal(left.Main.Item.Id.Value, right.Main.Item.Id.Value);
            }

            if (c == 0)
            {
                c = left.Main.Number.CompareTo(right.Main.Number);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(accounts[left.Account].Id.Value, accounts[right.Account].Id.Value);
            }

            return c;
        }

        private static bool IsNamedIn(Debt debt, string reference, ReadOnlySpan<ReferenceMatcher.Token> tokens)
        {
            foreach (var token in tokens)
            {
                if (token.Hash == debt.NumberHash
                    && ReferenceMatcher.NormalizedEquals(debt.DocumentNumber, reference.AsSpan(token.Start, token.Length)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsDesignatedExplicitly(Debt debt)
        {
            var designated = payment.DesignatedItems;
            if (designated.Count == 0)
            {
                return false;
            }

            foreach (var id in designated)
            {
                if (id == debt.Main.Item.Id || Contains(debt.Costs, id) || Contains(debt.Interest, id))
                {
                    return true;
                }
            }

            return false;

            static bool Contains(IReadOnlyList<OpenInstallment> charges, EntryId id)
            {
                foreach (var charge in charges)
                {
                    if (charge.Item.Id == id)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// The sort key: designated first; then (statutory) due and interest-bearing, due, not yet due; then age
        /// (document date, due date) — or, for oldest-due-first, due date then document date.
        /// </summary>
        private long Key(Debt debt, bool designated)
        {
            long key = designated ? 0L : 1L << DesignationShift;
            if (_statutory)
            {
                var category = debt.DueDay > _valueDay ? 2L : debt.IsInvoice && debt.DueDay < _valueDay ? 0L : 1L;
                return key | (category << CategoryShift) | ((long)debt.DocumentDay << FirstDateShift) | (uint)debt.DueDay;
            }

            return key | ((long)debt.DueDay << FirstDateShift) | (uint)debt.DocumentDay;
        }

        private void BreakTies(long[] keys, Debt[] order)
        {
            for (var i = 1; i < keys.Length; i++)
            {
                // Insertion sort within runs of equal keys: runs are short, usually of length one.
                for (var k = i; k > 0 && keys[k - 1] == keys[k] && SecondaryOrder(order[k - 1], order[k], index.Accounts) > 0; k--)
                {
                    (order[k - 1], order[k]) = (order[k], order[k - 1]);
                }
            }
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

        private decimal Walk(long[] keys, Debt[] order, decimal remaining)
        {
            var n = order.Length;
            var i = 0;
            while (i < n && remaining > 0m)
            {
                var j = i + 1;
                if (_statutory)
                {
                    while (j < n && keys[j] == keys[i])
                    {
                        j++;
                    }
                }

                if (j - i == 1)
                {
                    remaining -= Settle(order[i], remaining, RuleFor(keys[i]));
                }
                else
                {
                    remaining = SettleGroup(order, i, j, remaining, RuleFor(keys[i]));
                }

                i = j;
            }

            return remaining;
        }

        /// <summary>Debts equal in every criterion: settled in full when the money suffices, otherwise in proportion to what each needs.</summary>
        private decimal SettleGroup(Debt[] order, int from, int to, decimal remaining, AllocationRule rule)
        {
            var needs = new decimal[to - from];
            var total = 0m;
            for (var k = from; k < to; k++)
            {
                var (owed, principal) = Owed(order[k]);
                needs[k - from] = owed - Discount(order[k], principal);
                total += needs[k - from];
            }

            if (remaining >= total)
            {
                for (var k = from; k < to; k++)
                {
                    remaining -= Settle(order[k], remaining, rule);
                }

                return remaining;
            }

            var shares = new Money(remaining, _currency).Allocate(needs);
            for (var k = from; k < to; k++)
            {
                remaining -= Settle(order[k], shares[k - from].Amount, AllocationRule.Proportional);
            }

            return remaining;
        }

        /// <summary>Settles what it can of one debt out of <paramref name="available"/>; returns the part of the payment used.</summary>
        private decimal Settle(Debt debt, decimal available, AllocationRule rule)
        {
            if (available <= 0m)
            {
                return 0m;
            }

            var (owed, principal) = Owed(debt);
            var discount = Discount(debt, principal);
            var need = owed - discount;
            decimal pay, writeOff = 0m;
            bool closes;
            if (available >= need)
            {
                pay = need;
                closes = true;
            }
            else if (need - available <= Tolerance(debt))
            {
                pay = available;
                writeOff = need - available;
                closes = true;
            }
            else
            {
                // Short of the tolerance: a partial payment. No discount on what stays unpaid; the difference stays open.
                pay = available;
                discount = 0m;
                closes = false;
                var customer = index.Accounts[debt.Account].Id;
                (_differences ??= []).Add(new PaymentDifference(
                    customer, debt.Main.Item.Id, debt.DocumentNumber, Amount(owed), Amount(pay), Amount(owed - pay)));
            }

            Distribute(debt, pay, discount, closes, rule);
            return pay;
        }

        private void Distribute(Debt debt, decimal pay, decimal discount, bool closes, AllocationRule rule)
        {
            var customer = index.Accounts[debt.Account].Id;
            foreach (var component in settings.ComponentOrder)
            {
                if (component == debt.MainComponent)
                {
                    pay = Take(customer, debt.Main, debt.Main.OpenValue - discount, pay, closes, rule, component);
                    if (discount > 0m)
                    {
                        Line(customer, debt.Main, component, AllocationLineKind.CashDiscount, discount, AllocationRule.CashDiscount);
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

        private static (decimal Owed, decimal Principal) Owed(Debt debt)
        {
            var owed = debt.Main.OpenValue;
            if (debt.HasCharges)
            {
                foreach (var charge in debt.Costs)
                {
                    owed += charge.OpenValue;
                }

                foreach (var charge in debt.Interest)
                {
                    owed += charge.OpenValue;
                }
            }

            return (owed, debt.IsInvoice ? debt.Main.OpenValue : 0m);
        }

        /// <summary>
        /// The cash discount the debt's principal gets when paid now (R3.3): the best tier whose discount date, plus the
        /// customer's tolerance days, is not before the value date; percent of the open gross amount, rounded commercially.
        /// </summary>
        private decimal Discount(Debt debt, decimal principal)
        {
            if (!settings.GrantCashDiscount || principal <= 0m)
            {
                return 0m;
            }

            var customer = index.Accounts[debt.Account].Customer;
            var tiers = customer.PaymentTerms.Discounts;
            for (var t = 0; t < tiers.Count; t++)
            {
                var tier = tiers[t];
                if (_valueDay <= debt.DocumentDay + tier.Days + customer.CashDiscountToleranceDays)
                {
                    var amount = decimal.Round(principal * tier.Percent / 100m, _currency.MinorUnits, MidpointRounding.AwayFromZero);
                    return amount < principal ? amount : 0m;
                }
            }

            return 0m;
        }

        /// <summary>
        /// The payment tolerance of a debt (R3.2): the lower of percent × the installment's posted amount and the fixed
        /// maximum, a zero meaning "not set"; both rounded down to minor units so nothing above the limit is written off.
        /// </summary>
        private decimal Tolerance(Debt debt)
        {
            var tolerance = index.Accounts[debt.Account].Customer.PaymentTolerance;
            if (!settings.ApplyTolerance || !tolerance.IsEnabled)
            {
                return 0m;
            }

            var limit = decimal.MaxValue;
            if (tolerance.Percent > 0m)
            {
                limit = decimal.Round(debt.Main.Amount.Amount * tolerance.Percent / 100m, _currency.MinorUnits, MidpointRounding.ToZero);
            }

            if (tolerance.MaximumAmount > 0m)
            {
                limit = Math.Min(limit, decimal.Round(tolerance.MaximumAmount, _currency.MinorUnits, MidpointRounding.ToZero));
            }

            return limit;
        }

        private Money Amount(decimal amount) => new(amount, _currency);
    }
}
