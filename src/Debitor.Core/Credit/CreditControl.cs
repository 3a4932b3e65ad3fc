using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Credit;

/// <summary>
/// Credit control (R2.2–R2.5, R0.16): the credit position of a customer on a date, and the check whether a quote, order or
/// delivery may be created. <c>docs/credit-and-statements.md</c> states each rule.
/// </summary>
/// <remarks>Pure functions over the account view; thread-safe.</remarks>
public static class CreditControl
{
    /// <summary>The credit position of a customer on a date.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The date the position is judged on (normally today).</param>
    /// <param name="settings">Internal due dates, delivery stop and release periods.</param>
    /// <param name="openOrders">Open orders per currency as the host knows them (R2.2, variant with orders); <see langword="null"/> for none.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An open-order amount is negative or has no currency.</exception>
    public static CreditPosition Position(CustomerAccount account, LocalDate asOf, CreditControlSettings settings, IReadOnlyList<Money>? openOrders = null)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(settings);
        var orders = new CurrencySums();
        foreach (var order in openOrders ?? [])
        {
            if (order.Currency.Code.Length == 0 || order.IsNegative)
            {
                throw new ArgumentException(Invariant($"An open-order amount must be zero or more, in a currency; it is {order}."), nameof(openOrders));
            }

            orders.Add(order.Currency, order.Amount);
        }

        var scan = new StatusScan(asOf, settings);
        foreach (var item in ItemsOf(account))
        {
            if (item.IsClaim)
            {
                scan.Claim(item);
            }
            else
            {
                scan.Credit(account, item);
            }
        }

        scan.AddBackHeldSettlements();
        var daysOverdue = scan.OldestOverdue is { } first ? Period.DaysBetween(first, asOf) : 0;
        var status = new CreditStatus(
            daysOverdue,
            scan.OldestOverdue,
            scan.Overdue.ToList(),
            scan.InternallyOverdue,
            settings.DeliveryStopDays is { } stopDays && daysOverdue >= stopDays,
            scan.LastReturn);
        var open = scan.OpenItems();

        var customer = account.Customer;
        return new CreditPosition(
            customer.Id,
            asOf,
            open.ToList(),
            scan.NotReleased.ToList(keepZero: false),
            orders.ToList(),
            LimitOf(customer.CreditLimit, asOf, open, null),
            LimitOf(customer.InternalCreditLimit, asOf, open, null),
            LimitOf(customer.CreditLimit, asOf, open, orders),
            customer.CreditInsurance,
            status,
            CreditBlock.Current(account));
    }

    /// <summary>
    /// Whether a sales document may be created for the customer (R2.5): refused by a manual block that covers the document
    /// kind, and — for orders and deliveries — by an exceeded limit, an overdue or internally overdue status, and for
    /// deliveries by a delivery stop. Quotes are stopped by the quote block only.
    /// </summary>
    /// <param name="position">The customer's credit position.</param>
    /// <param name="document">The document kind.</param>
    /// <param name="settings">The settings (which reasons only warn).</param>
    /// <param name="amount">What the document adds to the exposure (a new order's amount; zero or <see langword="null"/> for a delivery
    /// of an order already counted among the open orders). Counted against a limit only in the limit's currency.</param>
    /// <returns>Allowed or refused, with the reasons. An override is the application layer's business (it knows the actor).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="position"/> or <paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="document"/> is not defined, or <paramref name="amount"/> is negative or has no currency.</exception>
    public static CreditDecision Check(CreditPosition position, SalesDocumentKind document, CreditControlSettings settings, Money? amount = null)
    {
        Guard.Against.Null(position);
        Guard.Against.Null(settings);
        Guard.Against.EnumOutOfRange(document);
        if (amount is { } added && (added.Currency.Code.Length == 0 || added.IsNegative))
        {
            throw new ArgumentException(Invariant($"The document amount must be zero or more, in a currency; it is {added}."), nameof(amount));
        }

        var found = new List<CreditRefusal>();
        if (position.Block is { } block && block.Blocks(document))
        {
            found.Add(new CreditRefusal(CreditRefusalReason.ManualBlock, $"A manual block ({block.Level}) is set: {block.Reason}"));
        }

        if (document != SalesDocumentKind.Quote)
        {
            if (LimitReason(position, position.Limit, amount, "credit limit") is { } limit)
            {
                found.Add(new CreditRefusal(CreditRefusalReason.CreditLimitExceeded, limit));
            }

            if (LimitReason(position, position.InternalLimit, amount, "internal credit limit") is { } internalLimit)
            {
                found.Add(new CreditRefusal(CreditRefusalReason.InternalCreditLimitExceeded, internalLimit));
            }

            var status = position.Status;
            if (status.OldestOverdueDueDate is { } oldest)
            {
                found.Add(new CreditRefusal(
                    CreditRefusalReason.Overdue,
                    Invariant($"Open items are overdue: {string.Join(", ", status.OverdueAmounts.Select(a => a.ToString()))}, the oldest due on {Format(oldest)} ({status.DaysOverdue} days).")));
            }

            if (status.IsInternallyOverdue)
            {
                found.Add(new CreditRefusal(
                    CreditRefusalReason.InternallyOverdue,
                    Invariant($"Open items have reached their internal due date ({settings.InternalOverdueDays} days before the due date).")));
            }

            if (document == SalesDocumentKind.Delivery && status.IsDeliveryStop)
            {
                found.Add(new CreditRefusal(
                    CreditRefusalReason.DeliveryStop,
                    Invariant($"Deliveries stop at {settings.DeliveryStopDays} days overdue; the oldest open item is {status.DaysOverdue} days overdue.")));
            }
        }

        var refusals = found.Where(r => !settings.WarningOnly.Contains(r.Reason)).ToList();
        var warnings = found.Where(r => settings.WarningOnly.Contains(r.Reason)).ToList();
        return new CreditDecision(document, refusals.Count == 0 ? CreditOutcome.Allowed : CreditOutcome.Refused, refusals, warnings);
    }

    /// <summary>The manual block in force on an account (R2.5), or <see langword="null"/>.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The last block set and not lifted since.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is <see langword="null"/>.</exception>
    public static CreditBlock? CurrentBlock(CustomerAccount account) => CreditBlock.Current(Guard.Against.Null(account));

    /// <summary>The account's items without an interface call per item (the view keeps them in a list).</summary>
    internal static ReadOnlySpan<OpenItem> ItemsOf(CustomerAccount account) =>
        CollectionsMarshal.AsSpan(account.ItemList);

    /// <summary>
    /// One pass over the items: open items, overdue and internal status, returned payments, and the payments not yet released
    /// (R2.4), whose applications are added back to the installments they settled once the pass is done.
    /// </summary>
    /// <remarks>Dates are compared as <see cref="DateKey"/> integers; a claim's open value is the sum of its installments'.</remarks>
    private sealed class StatusScan
    {
        private static readonly PaymentMethod[] Methods = Enum.GetValues<PaymentMethod>();
        private readonly int _asOfKey;
        private readonly int _internalKey;
        private readonly int[] _releaseKeys;
        private int _oldestKey = int.MaxValue;
        private readonly CurrencySums _notOverdue = new();
        private readonly CurrencySums _credits = new();
        private List<(OpenInstallment Installment, decimal Amount)>? _heldSettlements;

        public StatusScan(LocalDate asOf, CreditControlSettings settings)
        {
            _asOfKey = DateKey.Of(asOf);
            _internalKey = settings.InternalOverdueDays is { } days ? DateKey.Of(asOf.PlusDays(days)) : int.MinValue;

            // A payment by a method counts once its value date is on or before as-of − release days.
            _releaseKeys = new int[Methods.Length];
            foreach (var method in Methods)
            {
                var release = settings.ReleaseDaysFor(method);
                _releaseKeys[(int)method] = DateKey.Of(release == 0 ? asOf : asOf.PlusDays(-release));
            }
        }

        public CurrencySums Overdue { get; } = new();

        public CurrencySums NotReleased { get; } = new();

        public LocalDate? OldestOverdue { get; private set; }

        public bool InternallyOverdue { get; private set; }

        public ReturnedPayment? LastReturn { get; private set; }

        public void Claim(OpenItem item)
        {
            var value = item.OpenValue;
            if (decimal.Sign(value) == 0)
            {
                return; // closed, written off or reversed
            }

            var installments = item.InstallmentStates;
            if (installments.Length == 1)
            {
                Installment(item.Currency, installments[0], value);
                return;
            }

            foreach (var installment in installments)
            {
                if (decimal.Sign(installment.OpenValue) != 0)
                {
                    Installment(item.Currency, installment, installment.OpenValue);
                }
            }
        }

        public void Credit(CustomerAccount account, OpenItem item)
        {
            if (item.ReturnedBy is { } returned)
            {
                if (LastReturn is null || returned.ReturnDate >= LastReturn.ReturnDate)
                {
                    LastReturn = new ReturnedPayment(item.Id, returned.ReturnDate, returned.Kind);
                }

                return;
            }

            if (item.Origin is PaymentReceived payment && DateKey.Of(payment.ValueDate) > _releaseKeys[(int)payment.Method])
            {
                Hold(account, item);
            }
            else if (decimal.Sign(item.OpenValue) != 0)
            {
                _credits.Add(item.Currency, -item.OpenValue);
            }
        }

        /// <summary>Counts what held payments settled as still open: for the totals, and for the status of installments that were closed by them.</summary>
        public void AddBackHeldSettlements()
        {
            foreach (var (installment, amount) in _heldSettlements ?? [])
            {
                if (decimal.Sign(installment.OpenValue) != 0)
                {
                    AddAmount(installment, amount); // its status was judged already
                }
                else
                {
                    Installment(installment.Item.Currency, installment, amount);
                }
            }
        }

        /// <summary>Open items per currency: claims overdue and not overdue, less released credits.</summary>
        public CurrencySums OpenItems()
        {
            var open = new CurrencySums();
            foreach (var sums in (ReadOnlySpan<CurrencySums>)[Overdue, _notOverdue, _credits])
            {
                foreach (var currency in sums.Currencies)
                {
                    open.Slot(currency).Add(sums.Slot(currency));
                }
            }

            return open;
        }

        /// <summary>A payment not yet released: its unapplied part lowers nothing, and what it settled is added back after the pass.</summary>
        private void Hold(CustomerAccount account, OpenItem payment)
        {
            var effect = payment.OpenValue;
            var uses = payment.Uses;
            for (var u = 0; u < uses.Count; u++)
            {
                if (uses[u] is { IsActive: true, Kind: SettlementKind.Payment, Origin: PaymentApplied applied }
                    && account.FindInstallment(applied.Target) is { } target)
                {
                    effect += applied.Amount.Amount;
                    (_heldSettlements ??= new(capacity: 32)).Add((target, applied.Amount.Amount));
                }
            }

            NotReleased.Add(payment.Currency, effect);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Installment(Currency currency, OpenInstallment installment, decimal amount)
        {
            var due = installment.DueDate;
            var dueKey = DateKey.Of(due);
            if (dueKey < _asOfKey)
            {
                Overdue.Add(currency, amount);
                if (dueKey < _oldestKey)
                {
                    _oldestKey = dueKey;
                    OldestOverdue = due;
                }
            }
            else
            {
                _notOverdue.Add(currency, amount);
            }

            if (dueKey <= _internalKey)
            {
                InternallyOverdue = true;
            }
        }

        private void AddAmount(OpenInstallment installment, decimal amount) =>
            (DateKey.Of(installment.DueDate) < _asOfKey ? Overdue : _notOverdue).Add(installment.Item.Currency, amount);
    }

    private static LimitPosition? LimitOf(CreditLimit? limit, LocalDate asOf, CurrencySums open, CurrencySums? orders)
    {
        if (limit is null)
        {
            return null;
        }

        var currency = limit.Amount.Currency;
        var valid = limit.IsValidOn(asOf);
        var granted = valid ? limit.Amount : Money.Zero(currency);
        var used = new Money(open.Get(currency) + (orders?.Get(currency) ?? 0m), currency);
        return new LimitPosition(limit, valid, granted, used, granted - used);
    }

    private static string? LimitReason(CreditPosition position, LimitPosition? limit, Money? amount, string name)
    {
        if (limit is null)
        {
            return null;
        }

        var currency = limit.Granted.Currency;
        var extra = position.OpenOrdersIn(currency).Amount + (amount is { } added && added.Currency.Equals(currency) ? added.Amount : 0m);
        var exposure = new Money(position.OpenItemsIn(currency).Amount + extra, currency);
        var remaining = limit.Granted - exposure;
        if (!remaining.IsNegative)
        {
            return null;
        }

        return limit.IsValid
            ? Invariant($"The {name} of {limit.Granted} is exceeded by {-remaining} (open items, open orders and this document: {exposure}).")
            : Invariant($"The {name} is not valid on {Format(position.AsOf)}; {exposure} would be unsecured.");
    }

    private static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
