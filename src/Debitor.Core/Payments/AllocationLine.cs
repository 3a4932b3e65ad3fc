using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>The rule that put an allocation line where it is.</summary>
public enum AllocationRule
{
    /// <summary>BGB §366(1): the payer designated the item (reference text or explicit).</summary>
    Designation,

    /// <summary>BGB §366(2): the debt is due (and bears no interest); due debts come before debts not yet due.</summary>
    DueFirst,

    /// <summary>BGB §366(2): the debt is due and interest-bearing, so more burdensome; it comes first among due debts.</summary>
    Burden,

    /// <summary>BGB §366(2): the debt is not yet due; among such debts the older comes first.</summary>
    Age,

    /// <summary>BGB §366(2): debts equal in due state, burden and age share what was left in proportion to what they owe.</summary>
    Proportional,

    /// <summary>The configured order <see cref="AllocationOrder.OldestDueFirst"/>.</summary>
    OldestDueFirst,

    /// <summary>BGB §367(1) (or the configured component order): costs and interest of a claim before its principal.</summary>
    CostsInterestPrincipal,

    /// <summary>Cash discount under the invoice's or the customer's payment terms (R3.3).</summary>
    CashDiscount,

    /// <summary>Payment tolerance (R3.2): the difference was written off.</summary>
    Tolerance,

    /// <summary>Reconstructed from the journal for a payment applied earlier under other settings; the amounts are exact, the reason is not known.</summary>
    AsRecorded,

    /// <summary>Cash discount granted late: the money arrived after the discount date, within the tolerance days, and the discount was accepted.</summary>
    LateCashDiscount,
}

/// <summary>What an allocation line does to its target.</summary>
public enum AllocationLineKind
{
    /// <summary>Part of the payment is applied to the target.</summary>
    Payment,

    /// <summary>Cash discount is granted on the target (a write-off, not paid by the payment).</summary>
    CashDiscount,

    /// <summary>A difference within the payment tolerance is written off (not paid by the payment).</summary>
    ToleranceWriteOff,

    /// <summary>
    /// A surplus of the payment within the tolerance of the target is written off (kept by the company, not applied and
    /// not left as credit); the target is already closed by the payment.
    /// </summary>
    OverpaymentWriteOff,
}

/// <summary>One line of a payment's allocation: an amount applied to, discounted on or written off an installment, and why.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AllocationLine
{
    internal AllocationLine(CustomerId customer, InstallmentRef target, string documentNumber, ClaimComponent component, AllocationLineKind kind, Money amount, AllocationRule rule)
    {
        Customer = customer;
        Target = target;
        DocumentNumber = documentNumber;
        Component = component;
        Kind = kind;
        Amount = amount;
        Rule = rule;
    }

    /// <summary>The customer whose account holds the target (differs from the payer's for payments by a payer, R3.7).</summary>
    public CustomerId Customer { get; }

    /// <summary>The installment concerned.</summary>
    public InstallmentRef Target { get; }

    /// <summary>The target item's document number.</summary>
    public string DocumentNumber { get; }

    /// <summary>Which part of the claim the target is (BGB §367).</summary>
    public ClaimComponent Component { get; }

    /// <summary>Payment applied, cash discount, tolerance write-off or overpayment write-off.</summary>
    public AllocationLineKind Kind { get; }

    /// <summary>The amount; always greater than zero.</summary>
    public Money Amount { get; }

    /// <summary>The rule that put the line here.</summary>
    public AllocationRule Rule { get; }

    /// <summary>The rule in words, for people (invariant English).</summary>
    public string Explanation => Rule switch
    {
        AllocationRule.Designation => "BGB §366(1): designated by the payer",
        AllocationRule.DueFirst => "BGB §366(2): due before debts not yet due",
        AllocationRule.Burden => "BGB §366(2): due and interest-bearing, the more burdensome debt",
        AllocationRule.Age => "BGB §366(2): not yet due; the older debt first",
        AllocationRule.Proportional => "BGB §366(2): equal in due date, burden and age; shared in proportion",
        AllocationRule.OldestDueFirst => "configured order: oldest due date first",
        AllocationRule.CostsInterestPrincipal => "BGB §367(1): costs and interest of the claim before its principal",
        AllocationRule.CashDiscount => "cash discount under the payment terms",
        AllocationRule.LateCashDiscount => "late cash discount accepted within the tolerance days",
        AllocationRule.Tolerance => "payment tolerance: difference written off",
        _ => "as recorded in the journal",
    };
}

/// <summary>An underpayment outside the tolerance (R3.2): the difference stays open and a difference notification is due.</summary>
/// <param name="Customer">The customer whose account holds the item.</param>
/// <param name="Item">The item (invoice or charge).</param>
/// <param name="DocumentNumber">The item's document number.</param>
/// <param name="Owed">What the debt owed before the payment (principal with its costs and interest).</param>
/// <param name="Paid">What the payment paid on it.</param>
/// <param name="RemainingOpen">What stays open: <paramref name="Owed"/> minus <paramref name="Paid"/>.</param>
public sealed record PaymentDifference(CustomerId Customer, EntryId Item, string DocumentNumber, Money Owed, Money Paid, Money RemainingOpen);
