using Ardalis.GuardClauses;

namespace Debitor.Core.Dunning;

/// <summary>
/// A dunning scheme (German <em>Mahnschema</em>, R3.1): ordered levels 1..n, the comparison style, the maximum
/// number of notices, and the minimum amounts below which nothing is dunned.
/// </summary>
/// <remarks>
/// <para>A scheme is data; <c>DunningEngine.Preview</c> is the one function that applies it.</para>
/// <para>Level k (1-based) is <c>Levels[k - 1]</c>. An installment never dunned reaches level 1 when its effective due
/// date plus the level-1 days has passed; an installment at level k reaches level k + 1 when its last notice date
/// plus the level-(k + 1) days has passed; at the last level the notice repeats, counted from the last notice with
/// the last level's days, until <see cref="MaximumNotices"/> notices were issued. "Passed" is
/// <see cref="Comparison"/>. An installment moves up at most one level per run, and gets at most one notice a day.</para>
/// <para>An immutable value: change it with a <c>with</c> expression; every setter validates.</para>
/// </remarks>
public sealed record DunningScheme
{
    /// <summary>The most levels a scheme may have.</summary>
    public const int MaxLevels = 20;

    private readonly string _name = null!;
    private readonly ValueList<DunningLevel> _levels = ValueList<DunningLevel>.Empty;
    private readonly int _maximumNotices;
    private readonly DunningDayComparison _comparison;
    private readonly ValueList<Money> _minimumLetterAmounts = ValueList<Money>.Empty;
    private readonly ValueList<Money> _minimumItemAmounts = ValueList<Money>.Empty;
    private readonly int _dunningIntervalDays;
    private readonly DunningCadence _cadence;
    private readonly int? _courtesyReminderDays;

    /// <summary>Creates a scheme with strict comparison, unlimited repeats of the last level and no minimums.</summary>
    /// <param name="id">The scheme's key, as customers name it (<c>Customer.DunningScheme</c>).</param>
    /// <param name="levels">The levels in order, 1 to <see cref="MaxLevels"/> of them.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>, or there are no or too many levels, or a level is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is <see langword="null"/>.</exception>
    public DunningScheme(SchemeId id, IEnumerable<DunningLevel> levels)
    {
        Id = Guard.Against.Default(id, nameof(id));
        Name = id.Value;
        Levels = Guard.Against.Null(levels).ToList();
    }

    /// <summary>
    /// The shipped default scheme <c>"default"</c>: three levels after 5, 20 and 40 days, strict comparison; level 1 a
    /// free payment reminder with 7 days to pay, level 2 with a fee of 2.50 EUR and 7 days, level 3 with a fee of
    /// 5.00 EUR, statutory default interest and 5 days; the last level is sent at most three times (five notices in
    /// all); no letter under 5.00 EUR. Fees and the minimum are set in EUR only: letters in other currencies carry
    /// no fee and have no minimum until the host adds them.
    /// </summary>
    public static DunningScheme Default { get; } = new(new SchemeId("default"), [
        new DunningLevel(5, "dunning.level1.header", "dunning.level1.footer") { PaymentDeadlineDays = 7 },
        new DunningLevel(20, "dunning.level2.header", "dunning.level2.footer") { PaymentDeadlineDays = 7, Fees = [DunningFee.PerLetter(new Money(2.50m, Currency.EUR))] },
        new DunningLevel(40, "dunning.level3.header", "dunning.level3.footer") { PaymentDeadlineDays = 5, ChargesInterest = true, Fees = [DunningFee.PerLetter(new Money(5.00m, Currency.EUR))] },
    ])
    {
        Name = "Default (5/20/40 days)",
        MaximumNotices = 5,
        MinimumLetterAmounts = [new Money(5.00m, Currency.EUR)],
    };

    /// <summary>The scheme's key.</summary>
    public SchemeId Id { get; }

    /// <summary>A name for people; the id unless set.</summary>
    /// <exception cref="ArgumentException">Set to an empty text.</exception>
    public string Name
    {
        get => _name;
        init => _name = Guard.Against.NullOrWhiteSpace(value, nameof(Name));
    }

    /// <summary>The levels in order; level k is <c>Levels[k - 1]</c>.</summary>
    /// <exception cref="ArgumentException">Set to no levels, more than <see cref="MaxLevels"/>, a <see langword="null"/> level,
    /// or fewer levels than <see cref="MaximumNotices"/> requires.</exception>
    public IReadOnlyList<DunningLevel> Levels
    {
        get => _levels;
        init
        {
            var list = ValueList<DunningLevel>.From(Guard.Against.Null(value, nameof(Levels)));
            if (list.Count is 0 or > MaxLevels)
            {
                throw new ArgumentException($"A scheme has 1 to {MaxLevels} levels, not {list.Count}.", nameof(Levels));
            }

            if (list.Any(l => l is null))
            {
                throw new ArgumentException("A level is missing (null).", nameof(Levels));
            }

            if (_maximumNotices != 0 && _maximumNotices < list.Count)
            {
                throw new ArgumentException($"The scheme allows {_maximumNotices} notices, fewer than its {list.Count} levels.", nameof(Levels));
            }

            _levels = list;
        }
    }

    /// <summary>Strict (the default: reference date plus days before the run date) or inclusive (on or before).</summary>
    /// <exception cref="ArgumentException">Set to an undefined value.</exception>
    public DunningDayComparison Comparison
    {
        get => _comparison;
        init => _comparison = Guard.Against.EnumOutOfRange(value, nameof(Comparison));
    }

    /// <summary>
    /// The most notices an installment gets in all, counting every level; the last level repeats until then.
    /// 0 (the default) means unlimited; otherwise at least the number of levels.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a negative number or to fewer than the number of levels.</exception>
    public int MaximumNotices
    {
        get => _maximumNotices;
        init
        {
            if (value < 0 || (value != 0 && value < _levels.Count))
            {
                throw new ArgumentException($"The maximum number of notices is 0 (unlimited) or at least the {_levels.Count} levels; it is {value}.", nameof(MaximumNotices));
            }

            _maximumNotices = value;
        }
    }

    /// <summary>
    /// The minimum net overdue amount of a letter, per currency (at most one per currency): no letter is sent for less.
    /// A currency without an entry has no minimum.
    /// </summary>
    /// <exception cref="ArgumentException">Set with a negative, unrounded or currency-less amount, or two amounts in one currency.</exception>
    public IReadOnlyList<Money> MinimumLetterAmounts
    {
        get => _minimumLetterAmounts;
        init => _minimumLetterAmounts = Minimums(value, nameof(MinimumLetterAmounts));
    }

    /// <summary>
    /// The minimum open amount of an item, per currency (at most one per currency): overdue items below it are excluded.
    /// A currency without an entry has no minimum.
    /// </summary>
    /// <exception cref="ArgumentException">Set with a negative, unrounded or currency-less amount, or two amounts in one currency.</exception>
    public IReadOnlyList<Money> MinimumItemAmounts
    {
        get => _minimumItemAmounts;
        init => _minimumItemAmounts = Minimums(value, nameof(MinimumItemAmounts));
    }

    /// <summary>
    /// SAP's dunning interval: no notice goes to an account within this many days of its last letter (the run date must be
    /// at least the last letter date plus the interval); installments due in between are listed as
    /// <see cref="DunningLineStatus.WithinDunningInterval"/>. 0 (the default): no interval.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a negative number or above <see cref="Bounds.MaxDays"/>.</exception>
    public int DunningIntervalDays
    {
        get => _dunningIntervalDays;
        init => _dunningIntervalDays = Bounds.Days(value, nameof(DunningIntervalDays));
    }

    /// <summary>
    /// Whose clock decides when letters go out: each installment's own (the default, R4.1) or one per customer (Odoo's
    /// follow-up per partner): see <see cref="DunningCadence.PerCustomer"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an undefined value.</exception>
    public DunningCadence Cadence
    {
        get => _cadence;
        init => _cadence = Guard.Against.EnumOutOfRange(value, nameof(Cadence));
    }

    /// <summary>
    /// Odoo's reminder before the due date: when set, a run proposes a courtesy reminder (<see cref="DunningProposal.CourtesyReminders"/>)
    /// for each open invoice installment never dunned whose due date is at most this many days after the run date and
    /// still after it. A courtesy reminder is never a dunning level, issues no notice and charges nothing; recorded with
    /// <c>DunningService.SendCourtesyRemindersAsync</c>, an installment gets it once. <see langword="null"/> (the default): none.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a number below 1 or above <see cref="Bounds.MaxDays"/>.</exception>
    public int? CourtesyReminderDays
    {
        get => _courtesyReminderDays;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentException($"A courtesy reminder comes at least 1 day before the due date; {value} days were given.", nameof(CourtesyReminderDays));
            }

            _courtesyReminderDays = value is { } days ? Bounds.Days(days, nameof(CourtesyReminderDays)) : null;
        }
    }

    /// <summary>
    /// SAP's "dun by level": one letter per level instead of one per recipient and currency. Each letter then carries the
    /// notices of one level, with that level's heading, footer, fees and deadline; the highest-level letter also lists the
    /// overdue items that get no notice, the credits and the items not yet due. <see langword="false"/> (the default): one
    /// letter whose heading and footer follow its highest notice, every line naming its own level.
    /// </summary>
    /// <remarks>When the credits would cover the highest-level letter's own items, the notices stay on one letter (credits are never split).</remarks>
    public bool OneLetterPerLevel { get; init; }

    /// <summary>Whether letters also list the customer's items that are not due yet (not counted as overdue).</summary>
    public bool ListItemsNotYetDue { get; init; }

    /// <summary>The minimum net overdue amount of a letter in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The minimum, or zero when none is set for the currency.</returns>
    public Money MinimumLetterAmountIn(Currency currency) => Find(_minimumLetterAmounts, currency);

    /// <summary>The minimum open amount of an item in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The minimum, or zero when none is set for the currency.</returns>
    public Money MinimumItemAmountIn(Currency currency) => Find(_minimumItemAmounts, currency);

    private static Money Find(ValueList<Money> list, Currency currency) => MoneyPerCurrency.Find(list, currency);

    private static ValueList<Money> Minimums(IReadOnlyList<Money> value, string parameterName) => MoneyPerCurrency.From(value, parameterName);
}

/// <summary>Lists of fee-like amounts with at most one per currency: the one validation and lookup schemes and levels share.</summary>
internal static class MoneyPerCurrency
{
    /// <exception cref="ArgumentException">A negative, unrounded or currency-less amount, or two amounts in one currency.</exception>
    internal static ValueList<Money> From(IReadOnlyList<Money> value, string parameterName)
    {
        var list = ValueList<Money>.From(Guard.Against.Null(value, parameterName));
        foreach (var amount in list)
        {
            FeeAmounts.Require(amount, parameterName);
        }

        if (list.Select(m => m.Currency).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("At most one minimum per currency.", parameterName);
        }

        return list;
    }

    internal static Money Find(ValueList<Money> list, Currency currency)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Currency == currency)
            {
                return list[i];
            }
        }

        return Money.Zero(currency);
    }
}
