using Ardalis.GuardClauses;

namespace Debitor.Core.Dunning;

/// <summary>
/// One level of a dunning scheme (R3.1, R4.6): after how many days it is reached, its fees, whether it charges
/// interest, the texts printed on its letters and the payment deadline they give.
/// </summary>
/// <remarks>
/// <para><see cref="Days"/> counts for level 1 from the installment's effective due date and for every later level
/// from the date of the previous notice, unless <see cref="DelayRule"/> says otherwise. Branches and customers may set
/// their own days (R4.5): see <see cref="DunningSettings.DaysFor"/>.</para>
/// <para>An immutable value: change it with a <c>with</c> expression; every setter validates.</para>
/// </remarks>
public sealed record DunningLevel
{
    private readonly int _days;
    private readonly int _paymentDeadlineDays = 14;
    private readonly string _headerTextKey = null!;
    private readonly string _footerTextKey = null!;
    private readonly ValueList<DunningFee> _fees = ValueList<DunningFee>.Empty;
    private readonly ValueList<Money> _minimumAmounts = ValueList<Money>.Empty;
    private readonly decimal _minimumPercent;
    private readonly DunningDelayRule _delayRule;

    /// <summary>Creates a level without fees, without interest and with a payment deadline of 14 days.</summary>
    /// <param name="days">The scheme's days for the level; 0 to <see cref="Bounds.MaxDays"/>.</param>
    /// <param name="headerTextKey">The key of the header text of the level's letters (the host maps keys to texts).</param>
    /// <param name="footerTextKey">The key of the footer text.</param>
    /// <exception cref="ArgumentException"><paramref name="days"/> is negative or above <see cref="Bounds.MaxDays"/>, or a text key is empty.</exception>
    public DunningLevel(int days, string headerTextKey, string footerTextKey)
    {
        Days = days;
        HeaderTextKey = headerTextKey;
        FooterTextKey = footerTextKey;
    }

    /// <summary>The scheme's days for the level (level 1: after the due date; later levels: after the previous notice; see <see cref="DelayRule"/>).</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int Days
    {
        get => _days;
        init => _days = Bounds.Days(value, nameof(Days));
    }

    /// <summary>The key of the header text printed on letters of this level (R4.6).</summary>
    /// <exception cref="ArgumentException">Set to an empty text.</exception>
    public string HeaderTextKey
    {
        get => _headerTextKey;
        init => _headerTextKey = Guard.Against.NullOrWhiteSpace(value, nameof(HeaderTextKey));
    }

    /// <summary>The key of the footer text printed on letters of this level (R4.6).</summary>
    /// <exception cref="ArgumentException">Set to an empty text.</exception>
    public string FooterTextKey
    {
        get => _footerTextKey;
        init => _footerTextKey = Guard.Against.NullOrWhiteSpace(value, nameof(FooterTextKey));
    }

    /// <summary>Days after the letter date by which the customer is asked to pay; moved to the next business day (§193 BGB). Default 14.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int PaymentDeadlineDays
    {
        get => _paymentDeadlineDays;
        init => _paymentDeadlineDays = Bounds.Days(value, nameof(PaymentDeadlineDays));
    }

    /// <summary>
    /// Whether items standing at this level state default interest on letters: an item's own level decides, whatever
    /// the letter's level; the interest is what an interest invoice of the letter date would charge for it.
    /// </summary>
    public bool ChargesInterest { get; init; }

    /// <summary>The fees of the level, at most one per currency.</summary>
    /// <exception cref="ArgumentException">Set with two fees in the same currency, or a <see langword="null"/> fee.</exception>
    public IReadOnlyList<DunningFee> Fees
    {
        get => _fees;
        init
        {
            var list = ValueList<DunningFee>.From(Guard.Against.Null(value, nameof(Fees)));
            if (list.Any(f => f is null))
            {
                throw new ArgumentException("A fee is missing (null).", nameof(Fees));
            }

            if (list.Select(f => f.Currency).Distinct().Count() != list.Count)
            {
                throw new ArgumentException("A level has at most one fee per currency.", nameof(Fees));
            }

            _fees = list;
        }
    }

    /// <summary>
    /// From what the level's days are counted: the previous notice (the default; level 1 from the due date), the due date
    /// (Tryton, Odoo), or the end of the month in which the due date plus the days falls (OCA). Whatever the rule, an
    /// installment moves up at most one level per run and gets at most one notice a day.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an undefined value.</exception>
    public DunningDelayRule DelayRule
    {
        get => _delayRule;
        init => _delayRule = Guard.Against.EnumOutOfRange(value, nameof(DelayRule));
    }

    /// <summary>
    /// SAP's minimum amount per level, per currency (at most one per currency): when the open amount of an account's
    /// installments that would reach this level in a run is below it, they are assigned the next lower level — they keep
    /// their level and get no notice (<see cref="DunningLineStatus.BelowLevelMinimum"/>). Empty (the default): no minimum.
    /// </summary>
    /// <exception cref="ArgumentException">Set with a negative, unrounded or currency-less amount, or two amounts in one currency.</exception>
    public IReadOnlyList<Money> MinimumAmounts
    {
        get => _minimumAmounts;
        init => _minimumAmounts = MoneyPerCurrency.From(value, nameof(MinimumAmounts));
    }

    /// <summary>
    /// SAP's minimum percentage per level (0 to 100): the installments that would reach this level must make up at least
    /// this share of the account's open claims in the currency, or they are assigned the next lower level. Both minimums
    /// must be met (inclusive: exactly the minimum is enough). 0 (the default): no minimum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to 100.</exception>
    public decimal MinimumPercent
    {
        get => _minimumPercent;
        init => _minimumPercent = Guard.Against.OutOfRange(value, nameof(MinimumPercent), 0m, 100m);
    }

    /// <summary>The level's minimum amount in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The minimum, or zero when none is set for the currency.</returns>
    public Money MinimumAmountIn(Currency currency) => MoneyPerCurrency.Find(_minimumAmounts, currency);

    /// <summary>The level's fee in a currency.</summary>
    /// <param name="currency">The letter's currency.</param>
    /// <returns>The fee, or <see langword="null"/> when the level charges none in that currency.</returns>
    public DunningFee? FeeIn(Currency currency)
    {
        for (var i = 0; i < _fees.Count; i++)
        {
            if (_fees[i].Currency == currency)
            {
                return _fees[i];
            }
        }

        return null;
    }
}
