using Debitor.Core.Ledger;

namespace Debitor.Core.Agreements;

/// <summary>A payment agreement as the account shows it: what it covers, its schedule and its state (R0.10).</summary>
/// <param name="Origin">The entry that made it.</param>
/// <param name="MadeBy">Who made it.</param>
/// <param name="MadeAt">When it was recorded.</param>
/// <param name="Status">Active, broken or deleted.</param>
/// <param name="Ended">The entry that broke or deleted it, if any.</param>
public sealed record PaymentAgreement(PaymentAgreementMade Origin, UserId MadeBy, Instant MadeAt, AgreementStatus Status, JournalEntry? Ended)
{
    /// <summary>The agreement's key.</summary>
    public EntryId Id => Origin.Id;

    /// <summary>The items covered.</summary>
    public IReadOnlyList<EntryId> Items => Origin.Items;

    /// <summary>The changes made to the agreement, oldest first; each keeps the schedule it replaced readable in the journal.</summary>
    public IReadOnlyList<PaymentAgreementAmended> Amendments { get; init; } = [];

    /// <summary>The schedule in force: the last amendment's, or the one the agreement was made with.</summary>
    public IReadOnlyList<AgreementInstallment> Schedule => Amendments.Count > 0 ? Amendments[^1].Schedule : Origin.Schedule;

    /// <summary>The grace days in force.</summary>
    public int GraceDays => Amendments.Count > 0 ? Amendments[^1].GraceDays : Origin.GraceDays;

    /// <summary>The schedules one after the other: the original first, then each amendment's.</summary>
    public IReadOnlyList<IReadOnlyList<AgreementInstallment>> History => [Origin.Schedule, .. Amendments.Select(a => a.Schedule)];

    /// <summary>The total of the schedule (an amendment never changes it).</summary>
    public Money Total => Schedule.Skip(1).Aggregate(Schedule[0].Amount, (sum, i) => sum + i.Amount);
}

/// <summary>Whether an agreement is being kept as of a date.</summary>
public enum AgreementHealth
{
    /// <summary>Every installment due (past its grace days) is paid.</summary>
    Kept,

    /// <summary>An installment is unpaid past its grace days: the agreement is broken.</summary>
    Breached,

    /// <summary>Everything scheduled is paid.</summary>
    Completed,
}

/// <summary>The result of checking an agreement against the payments received.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Health">Kept, breached or completed.</param>
/// <param name="Paid">What was paid on the covered items since the agreement was made (as of the date).</param>
/// <param name="DueSoFar">What the schedule required up to the date (installments whose date has passed).</param>
/// <param name="MissedInstallment">The first installment unpaid past its grace days, when breached.</param>
/// <param name="NextInstallment">The next installment not yet fully paid, if any.</param>
public sealed record AgreementCheck(EntryId Agreement, AgreementHealth Health, Money Paid, Money DueSoFar, int? MissedInstallment, AgreementInstallment? NextInstallment);

/// <summary>Matches payments against agreements and detects breaches. Pure and thread-safe.</summary>
/// <remarks>
/// Payments count when they settle a covered item (payments and credit notes applied to its installments, not undone)
/// on or after the agreement date and not after the as-of date. They fill the installments in order. Installment k is
/// missed when the as-of date is after its date plus the grace days and the payments do not yet cover installments
/// 1 to k. Write-offs are not payments.
/// </remarks>
public static class AgreementMonitor
{
    /// <summary>Checks an agreement as of a date.</summary>
    /// <param name="account">The account.</param>
    /// <param name="agreement">The agreement.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The check.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AgreementCheck Check(CustomerAccount account, PaymentAgreement agreement, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(agreement);
        var currency = agreement.Schedule[0].Amount.Currency;
        var paid = 0m;
        foreach (var id in agreement.Items)
        {
            if (account.FindItem(id) is not { } item)
            {
                continue;
            }

            foreach (var installment in item.Installments)
            {
                foreach (var settlement in installment.Settlements)
                {
                    if (settlement.IsActive && settlement.Kind is SettlementKind.Payment or SettlementKind.CreditNote
                        && settlement.Date >= agreement.Origin.Date && settlement.Date <= asOf)
                    {
                        paid += settlement.Amount.Amount;
                    }
                }
            }
        }

        var cumulative = 0m;
        var dueSoFar = 0m;
        int? missed = null;
        AgreementInstallment? next = null;
        foreach (var installment in agreement.Schedule)
        {
            cumulative += installment.Amount.Amount;
            if (installment.Date <= asOf)
            {
                dueSoFar = cumulative;
            }

            if (paid < cumulative)
            {
                next ??= installment;
                if (missed is null && asOf > installment.Date.PlusDays(agreement.GraceDays))
                {
                    missed = installment.Number;
                }
            }
        }

        var health = missed is not null ? AgreementHealth.Breached : next is null ? AgreementHealth.Completed : AgreementHealth.Kept;
        return new AgreementCheck(agreement.Id, health, new Money(paid, currency), new Money(dueSoFar, currency), missed, next);
    }
}

/// <summary>A printable payment agreement (document model for the host's renderer).</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Customer">The customer (debtor).</param>
/// <param name="Items">The covered items: document number, due date and open amount when the agreement was made.</param>
/// <param name="Schedule">The installments.</param>
/// <param name="Total">The schedule total.</param>
public sealed record PaymentAgreementDocument(EntryId Agreement, Customers.Customer Customer, IReadOnlyList<AgreementDocumentItem> Items, IReadOnlyList<AgreementInstallment> Schedule, Money Total);

/// <summary>An item on a printed payment agreement.</summary>
/// <param name="Item">The item.</param>
/// <param name="DocumentNumber">Its document number.</param>
/// <param name="DueDate">Its due date.</param>
/// <param name="OpenAmount">Its open amount now.</param>
public sealed record AgreementDocumentItem(EntryId Item, string DocumentNumber, LocalDate? DueDate, Money OpenAmount);
