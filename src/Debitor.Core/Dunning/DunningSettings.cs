using Ardalis.GuardClauses;
using Debitor.Core.Calendar;
using Debitor.Core.Customers;

namespace Debitor.Core.Dunning;

/// <summary>
/// Everything a company's dunning runs need besides the accounts and the interest schemes: the dunning schemes, the
/// branch default days (R4.5) and the business calendar for payment deadlines. Interest schemes come from the one
/// interest-scheme source every use case shares (<see cref="Interest.InterestSchemeCatalog"/>).
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> holds the scheme that exists from the start (R3.1): <see cref="DunningScheme.Default"/>.
/// Change the settings with the <c>With…</c> methods, which return new settings.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DunningSettings
{
    private readonly Dictionary<SchemeId, DunningScheme> _schemes;

    private DunningSettings(
        Dictionary<SchemeId, DunningScheme> schemes,
        BranchDunningDays defaultDays,
        BusinessCalendar calendar)
    {
        _schemes = schemes;
        DefaultDays = defaultDays;
        Calendar = calendar;
    }

    /// <summary>The default scheme, no branch days, and the nationwide German calendar.</summary>
    public static DunningSettings Default { get; } = new(
        new() { [DunningScheme.Default.Id] = DunningScheme.Default },
        BranchDunningDays.None,
        BusinessCalendar.Germany());

    /// <summary>The dunning schemes by id.</summary>
    public IReadOnlyDictionary<SchemeId, DunningScheme> Schemes => _schemes;

    /// <summary>The default days per level of the company and its branches.</summary>
    public BranchDunningDays DefaultDays { get; }

    /// <summary>The business calendar that moves payment deadlines off weekends and holidays (§193 BGB).</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The limitation periods (§195 BGB, or the host's per company and customer; issue 17): time-barred claims are kept off letters, claims near the end of their period are warned of.</summary>
    public Collections.LimitationSettings Limitation { get; private init; } = Collections.LimitationSettings.Regular;

    /// <summary>Returns the settings with other limitation periods.</summary>
    /// <param name="limitation">The periods.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="limitation"/> is <see langword="null"/>.</exception>
    public DunningSettings WithLimitation(Collections.LimitationSettings limitation) =>
        new(_schemes, DefaultDays, Calendar) { Limitation = Guard.Against.Null(limitation) };

    /// <summary>Returns the settings with a scheme added or replaced (same id).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is <see langword="null"/>.</exception>
    public DunningSettings WithScheme(DunningScheme scheme)
    {
        Guard.Against.Null(scheme);
        return new(new(_schemes) { [scheme.Id] = scheme }, DefaultDays, Calendar) { Limitation = Limitation };
    }

    /// <summary>Returns the settings with other branch default days.</summary>
    /// <param name="defaultDays">The defaults.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="defaultDays"/> is <see langword="null"/>.</exception>
    public DunningSettings WithDefaultDays(BranchDunningDays defaultDays) =>
        new(_schemes, Guard.Against.Null(defaultDays), Calendar) { Limitation = Limitation };

    /// <summary>Returns the settings with another business calendar.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public DunningSettings WithCalendar(BusinessCalendar calendar) =>
        new(_schemes, DefaultDays, Guard.Against.Null(calendar)) { Limitation = Limitation };

    /// <summary>
    /// The days that apply to a customer for a level (R4.5): the customer's override, else its branch's default, else the
    /// company default, else the scheme's.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="scheme">The customer's scheme.</param>
    /// <param name="level">The level, 1 to the scheme's number of levels.</param>
    /// <returns>The days.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a level of the scheme.</exception>
    public int DaysFor(Customer customer, DunningScheme scheme, int level)
    {
        Guard.Against.Null(customer);
        Guard.Against.Null(scheme);
        Guard.Against.OutOfRange(level, nameof(level), 1, scheme.Levels.Count);
        var overrides = customer.DunningDays;
        for (var i = 0; i < overrides.Count; i++)
        {
            if (overrides[i].Level == level)
            {
                return overrides[i].Days;
            }
        }

        return DefaultDays.DaysFor(customer.Branch, level) ?? scheme.Levels[level - 1].Days;
    }
}
