using Debitor.Core.Ledger;

namespace Debitor.Core.Interest;

/// <summary>One period of interest on one installment: a constant principal at a constant rate.</summary>
/// <param name="Installment">The installment.</param>
/// <param name="FirstDay">The first interest day (included).</param>
/// <param name="LastDay">The last interest day (included).</param>
/// <param name="Days">The interest days under the scheme's day count.</param>
/// <param name="AnnualRatePercent">The annual rate in percent.</param>
/// <param name="Principal">The principal outstanding during the period.</param>
/// <param name="Amount">The period's interest, rounded commercially to minor units.</param>
public sealed record ItemInterestPeriod(InstallmentRef Installment, LocalDate FirstDay, LocalDate LastDay, int Days, decimal AnnualRatePercent, Money Principal, Money Amount);

/// <summary>The interest on one installment of an item: what an interest invoice charges for it, and what a dunning letter states on its line.</summary>
/// <param name="Installment">The installment.</param>
/// <param name="Total">The interest, rounded per the scheme (once per installment, or per period).</param>
public sealed record InstallmentInterest(InstallmentRef Installment, Money Total);

/// <summary>The default interest on one item up to an as-of date, split wherever the principal or the rate changed.</summary>
/// <param name="Item">The item (an invoice).</param>
/// <param name="DocumentNumber">The invoice number.</param>
/// <param name="Periods">The periods, per installment in date order.</param>
/// <param name="Total">The interest: the sum of the installments' interest (<see cref="Installments"/>), each rounded per the scheme.</param>
public sealed record ItemInterest(EntryId Item, string DocumentNumber, IReadOnlyList<ItemInterestPeriod> Periods, Money Total)
{
    private readonly IReadOnlyList<ItemInterestPeriod> _periods = ValueList<ItemInterestPeriod>.From(Periods);
    private readonly IReadOnlyList<InstallmentInterest> _installments = ValueList<InstallmentInterest>.Empty;

    /// <summary>The interest per installment, in installment order; empty when nothing accrued.</summary>
    public IReadOnlyList<InstallmentInterest> Installments
    {
        get => _installments;
        init => _installments = ValueList<InstallmentInterest>.From(value);
    }

    /// <summary>The periods, compared by content.</summary>
    public IReadOnlyList<ItemInterestPeriod> Periods
    {
        get => _periods;
        init => _periods = ValueList<ItemInterestPeriod>.From(value);
    }
}
