using Ardalis.GuardClauses;

namespace Debitor.Core.Payments;

/// <summary>The order in which the debts a payer did not designate are settled.</summary>
public enum AllocationOrder
{
    /// <summary>
    /// BGB §366(2): due debts before debts not yet due; among those the more burdensome (interest-bearing) first;
    /// then the older; debts equal in all of these share the payment in proportion to what they owe.
    /// </summary>
    Statutory,

    /// <summary>Earliest due date first, then earliest document date, then document number; never proportional.</summary>
    OldestDueFirst,
}

/// <summary>Which debts' tolerances a shortfall or surplus is measured against (R3.2).</summary>
public enum ToleranceScope
{
    /// <summary>Each debt on its own: the debt where the money ran out (or, for a surplus, the last debt closed) and its own limit.</summary>
    PerDebt,

    /// <summary>
    /// Pooled as in Business Central's multi-document application: every debt the payment closes adds its limit; a
    /// difference within the sum is written off across them in proportion to their limits, never more than each one's.
    /// </summary>
    Pooled,
}

/// <summary>A part of what one claim owes (BGB §367).</summary>
public enum ClaimComponent
{
    /// <summary>Costs: dunning fees and other costs (e.g. a returned-debit charge) charged on the claim.</summary>
    Costs,

    /// <summary>Interest charged on the claim.</summary>
    Interest,

    /// <summary>The principal: the invoice installment itself.</summary>
    Principal,
}

/// <summary>How payments are allocated: the order rules, the order within a claim, and which automatic adjustments apply.</summary>
/// <remarks>
/// <para><see cref="Default"/> is the statutory order of BGB §366(2) with §367's costs, interest, principal,
/// cash discount and payment tolerance switched on. <c>docs/payments.md</c> explains every rule.</para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
public sealed record AllocationSettings
{
    private static readonly ValueList<ClaimComponent> StatutoryComponents =
        ValueList<ClaimComponent>.From([ClaimComponent.Costs, ClaimComponent.Interest, ClaimComponent.Principal]);

    private readonly ValueList<ClaimComponent> _componentOrder = StatutoryComponents;
    private readonly AllocationOrder _order = AllocationOrder.Statutory;
    private readonly ToleranceScope _toleranceScope = ToleranceScope.PerDebt;
    private readonly LateDiscountPolicy _lateDiscount = LateDiscountPolicy.Accept;

    /// <summary>The statutory order (BGB §366(2), §367), with cash discount, tolerance and reference matching.</summary>
    public static AllocationSettings Default { get; } = new();

    /// <summary>The order among debts the payer did not designate. Default <see cref="AllocationOrder.Statutory"/>.</summary>
    /// <exception cref="ArgumentException">Set to an undefined value.</exception>
    public AllocationOrder Order
    {
        get => _order;
        init => _order = Guard.Against.EnumOutOfRange(value, nameof(Order));
    }

    /// <summary>
    /// The order in which the parts of one claim are settled. Default costs, interest, principal (BGB §367(1));
    /// each of the three exactly once.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a list that is not an arrangement of the three components.</exception>
    public IReadOnlyList<ClaimComponent> ComponentOrder
    {
        get => _componentOrder;
        init
        {
            var list = ValueList<ClaimComponent>.From(Guard.Against.Null(value, nameof(ComponentOrder)));
            if (list.Count != 3 || !list.Contains(ClaimComponent.Costs) || !list.Contains(ClaimComponent.Interest) || !list.Contains(ClaimComponent.Principal))
            {
                throw new ArgumentException("The component order names costs, interest and principal, each exactly once.", nameof(ComponentOrder));
            }

            _componentOrder = list;
        }
    }

    /// <summary>Whether document numbers in the reference text designate items (BGB §366(1)). Default <see langword="true"/>.</summary>
    public bool MatchReference { get; init; } = true;

    /// <summary>Whether cash discount (the customer's payment terms, R3.3) is granted. Default <see langword="true"/>.</summary>
    public bool GrantCashDiscount { get; init; } = true;

    /// <summary>Whether the customer's payment tolerance (R3.2) closes items paid slightly short or slightly over. Default <see langword="true"/>.</summary>
    public bool ApplyTolerance { get; init; } = true;

    /// <summary>
    /// Whether a surplus within the tolerance stays on the account as credit (for companies that refund every cent)
    /// instead of being written off. Default <see langword="false"/>: written off, the item closed and no credit left.
    /// </summary>
    public bool KeepOverpaymentAsCredit { get; init; }

    /// <summary>Per debt (default) or pooled over the debts a payment closes (Business Central).</summary>
    /// <exception cref="ArgumentException">Set to an undefined value.</exception>
    public ToleranceScope ToleranceScope
    {
        get => _toleranceScope;
        init => _toleranceScope = Guard.Against.EnumOutOfRange(value, nameof(ToleranceScope));
    }

    /// <summary>
    /// What happens to a cash discount claimed within the customer's tolerance days after the discount date, when the
    /// payment carries no decision for the invoice (<see cref="IncomingPayment.LateDiscountDecisions"/>). Default
    /// <see cref="LateDiscountPolicy.Accept"/> (R3.3).
    /// </summary>
    /// <exception cref="ArgumentException">Set to an undefined value.</exception>
    public LateDiscountPolicy LateDiscount
    {
        get => _lateDiscount;
        init => _lateDiscount = Guard.Against.EnumOutOfRange(value, nameof(LateDiscount));
    }

    /// <summary>
    /// "One item per refund cheque" (German <em>Ein Posten pro Rückzahlungsscheck</em>): a payment by cheque settles one
    /// debt only; the rest stays as credit. Default <see langword="false"/>.
    /// </summary>
    public bool OneItemPerRefundCheque { get; init; }
}
