using System.Globalization;
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

        var open = new CurrencySums();
        var notReleased = new CurrencySums();
        var overdue = new CurrencySums();
        var held = HeldPayments(account, asOf, settings, notReleased);
        ReturnedPayment? lastReturn = null;
        LocalDate? oldestOverdue = null;
        var internalThreshold = settings.InternalOverdueDays is { } internalDays ? asOf.PlusDays(internalDays) : (LocalDate?)null;
        var internallyOverdue = false;

        foreach (var item in account.Items)
        {
            if (!item.IsClaim)
            {
                if (item.ReturnedBy is { } returned && (lastReturn is null || returned.ReturnDate >= lastReturn.ReturnDate))
                {
                    lastReturn = new ReturnedPayment(item.Id, returned.ReturnDate, returned.Kind);
                }

                if (item.OpenValue > 0m && (held is null || !held.Contains(item.Id)))
                {
                    open.Add(item.Currency, -item.OpenValue);
                }

                continue;
            }

            if (item.IsReversed)
            {
                continue;
            }

            foreach (var installment in item.InstallmentStates)
            {
                var amount = installment.OpenValue;
                if (held is not null)
                {
                    amount += HeldSettlements(installment, held);
                }

                if (amount <= 0m)
                {
                    continue;
                }

                open.Add(item.Currency, amount);
                var due = installment.DueDate;
                if (due < asOf)
                {
                    overdue.Add(item.Currency, amount);
                    if (oldestOverdue is not { } oldest || due < oldest)
                    {
                        oldestOverdue = due;
                    }
                }

                if (internalThreshold is { } threshold && due <= threshold)
                {
                    internallyOverdue = true;
                }
            }
        }

        var daysOverdue = oldestOverdue is { } first ? Period.DaysBetween(first, asOf) : 0;
        var status = new CreditStatus(
            daysOverdue,
            oldestOverdue,
            overdue.ToList(),
            internallyOverdue,
            settings.DeliveryStopDays is { } stopDays && daysOverdue >= stopDays,
            lastReturn);

        var customer = account.Customer;
        return new CreditPosition(
            customer.Id,
            asOf,
            open.ToList(),
            notReleased.ToList(keepZero: false),
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

    /// <summary>The payments that do not count yet on the date (R2.4), with their effect per currency; null when there are none.</summary>
    private static HashSet<EntryId>? HeldPayments(CustomerAccount account, LocalDate asOf, CreditControlSettings settings, CurrencySums notReleased)
    {
        HashSet<EntryId>? held = null;
        foreach (var item in account.Items)
        {
            if (item.Kind != ItemKind.Payment || item.IsReversed || item.ReturnedBy is not null || item.Origin is not PaymentReceived payment)
            {
                continue;
            }

            var days = settings.ReleaseDaysFor(payment.Method);
            if (asOf >= (days == 0 ? payment.ValueDate : payment.ValueDate.PlusDays(days)))
            {
                continue;
            }

            // What the payment lowered: the claims it settled plus its unapplied part (its amount less active refunds).
            var effect = item.OpenValue;
            foreach (var use in item.Uses)
            {
                if (use.IsActive && use.Kind == SettlementKind.Payment)
                {
                    effect += use.Amount.Amount;
                }
            }

            if (effect > 0m)
            {
                (held ??= []).Add(item.Id);
                notReleased.Add(item.Currency, effect);
            }
        }

        return held;
    }

    private static decimal HeldSettlements(OpenInstallment installment, HashSet<EntryId> held)
    {
        var amount = 0m;
        foreach (var settlement in installment.Settlements)
        {
            if (settlement.Kind == SettlementKind.Payment && settlement.IsActive && settlement.Origin is PaymentApplied applied && held.Contains(applied.Source))
            {
                amount += applied.Amount.Amount;
            }
        }

        return amount;
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
