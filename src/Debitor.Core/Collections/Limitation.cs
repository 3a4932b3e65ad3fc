using System.Collections.Frozen;
using System.Globalization;
using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Collections;

/// <summary>
/// The limitation periods of a company (German <em>Verjährungsfristen</em>): the regular period of three years (§195 BGB)
/// unless the host sets another one for the company or for single customers (for example a period agreed in a contract
/// between businesses, §202 BGB). Part of the company's <see cref="Dunning.DunningSettings"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record LimitationSettings
{
    private readonly int _years = 3;
    private readonly IReadOnlyDictionary<CustomerId, int> _customerYears = FrozenDictionary<CustomerId, int>.Empty;

    /// <summary>The regular period: three years for every customer (§195 BGB).</summary>
    public static LimitationSettings Regular { get; } = new();

    /// <summary>The company's period in years (1 to 30; default 3, §195 BGB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 30.</exception>
    public int Years
    {
        get => _years;
        init => _years = Guard.Against.OutOfRange(value, nameof(Years), 1, 30);
    }

    /// <summary>Periods in years for single customers, overriding <see cref="Years"/> (1 to 30 each).</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period is outside 1 to 30.</exception>
    public IReadOnlyDictionary<CustomerId, int> CustomerYears
    {
        get => _customerYears;
        init
        {
            Guard.Against.Null(value, nameof(CustomerYears));
            foreach (var (_, years) in value)
            {
                Guard.Against.OutOfRange(years, nameof(CustomerYears), 1, 30);
            }

            _customerYears = value.ToFrozenDictionary();
        }
    }

    /// <summary>The period that applies to a customer: its own, else the company's.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The period in years.</returns>
    public int YearsFor(CustomerId customer) => _customerYears.TryGetValue(customer, out var years) ? years : _years;

    /// <summary>Whether the settings equal other settings (periods compared by content).</summary>
    /// <param name="other">The other settings.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LimitationSettings? other) =>
        other is not null && _years == other._years && _customerYears.Count == other._customerYears.Count
        && _customerYears.All(p => other._customerYears.TryGetValue(p.Key, out var y) && y == p.Value);

    /// <summary>A hash code consistent with <see cref="Equals(LimitationSettings?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(_years, _customerYears.Count);
}

/// <summary>
/// When one open claim installment becomes time-barred (§§195, 199, 204, 209, 212 BGB), and why.
/// </summary>
/// <param name="Customer">The debtor.</param>
/// <param name="Installment">The installment.</param>
/// <param name="DocumentNumber">The document number.</param>
/// <param name="Open">The open amount.</param>
/// <param name="ArisesOn">The day the claim arose (<see cref="Limitation.ArisesOn"/>).</param>
/// <param name="Years">The period in years that applies.</param>
/// <param name="RestartedOn">The day of the last payment on it, when that payment restarted the period (acknowledgement, §212(1) no. 1 BGB).</param>
/// <param name="SuspendedSince">The day it was handed over to the court dunning procedure, while that case is open: limitation is suspended (§204(1) no. 3 BGB) and no end is known yet.</param>
/// <param name="EndsOn">The last day of the period: after it the claim is time-barred. While suspended, the end the period would have without the open case.</param>
public sealed record ClaimLimitation(
    CustomerId Customer,
    InstallmentRef Installment,
    string DocumentNumber,
    Money Open,
    LocalDate ArisesOn,
    int Years,
    LocalDate? RestartedOn,
    LocalDate? SuspendedSince,
    LocalDate EndsOn)
{
    /// <summary>Whether limitation is suspended by an open court dunning case.</summary>
    public bool IsSuspended => SuspendedSince is not null;

    /// <summary>Whether the claim is time-barred on a date: the period ended before it and is not suspended.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is time-barred.</returns>
    public bool IsTimeBarredOn(LocalDate date) => !IsSuspended && date > EndsOn;

    /// <summary>
    /// The limitation warning for the accountant, German first: "Verjährungswarnung … Hemmung einleiten" / "limitation
    /// warning — take action to suspend it".
    /// </summary>
    public string WarningText => string.Create(
        CultureInfo.InvariantCulture,
        $"Verjährungswarnung: {DocumentNumber} ({Open}) verjährt mit Ablauf des {EndsOn:dd.MM.yyyy} — Hemmung einleiten (z. B. Mahnbescheid beantragen, § 204 BGB). / Limitation warning: {DocumentNumber} becomes time-barred after {EndsOn:yyyy-MM-dd} — take action to suspend it.");
}

/// <summary>
/// Limitation of claims (German <em>Verjährung</em>): when a claim arose, when its period ends, and which claims of an
/// account need action. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>When a claim arises.</b> The regular period starts at the end of the year in which the claim arose and the
/// creditor knew of it (§199(1) BGB). A claim for payment arises when it can be enforced, that is when it falls due; the
/// creditor who invoiced it knows of it. So a claim installment arises on its due date as posted: the installment's own
/// due date, else the invoice's (or the charge's). A later due-date change does not move it (a deferral agreed after the
/// due date suspends limitation only for its length, §205 BGB, which is not modelled: the end computed here is then on the
/// safe side, never later than the true one).</para>
/// <para><b>End.</b> 31 December of the year the claim arose plus the period (§199(1)): a claim due on 1 January 2026 or on
/// 31 December 2026 is time-barred from 1 January 2030. A payment on it after it arose is an acknowledgement that restarts
/// the full period from the day after the payment (§212(1) no. 1; §199's year-end rule does not apply to a restart): the end
/// is then the payment day plus the period (§188(2)), when that is later. A hand-over to the court dunning procedure
/// suspends it (§204(1) no. 3): while the case is open the claim is never time-barred; once closed, the suspension ends six
/// months later (§204(2)) and the time suspended is added to the end (§209).</para>
/// </remarks>
public static class Limitation
{
    /// <summary>The day a claim installment arose for limitation: its own due date as posted, else its item's due date as posted, else its document date.</summary>
    /// <param name="installment">The installment.</param>
    /// <returns>The day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="installment"/> is <see langword="null"/>.</exception>
    public static LocalDate ArisesOn(OpenInstallment installment)
    {
        Guard.Against.Null(installment);
        return installment.Definition.DueDate ?? installment.Item.Origin switch
        {
            InvoicePosted invoice => invoice.DueDate,
            ChargePosted charge => charge.DueDate,
            _ => installment.Item.DocumentDate,
        };
    }

    /// <summary>The end of the regular period of a claim that arose on a day: 31 December of that year plus the period (§199(1) BGB).</summary>
    /// <param name="arisesOn">The day the claim arose.</param>
    /// <param name="years">The period in years.</param>
    /// <returns>The last day of the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is outside 1 to 30.</exception>
    public static LocalDate RegularEnd(LocalDate arisesOn, int years)
    {
        Guard.Against.OutOfRange(years, nameof(years), 1, 30);
        return new LocalDate(arisesOn.Year + years, 12, 31);
    }

    /// <summary>The default horizon of the limitation warning on a run date: the coming 31 December (the year-end on which periods end).</summary>
    /// <param name="asOf">The run date.</param>
    /// <returns>31 December of the run date's year.</returns>
    public static LocalDate DefaultWarningHorizon(LocalDate asOf) => new(asOf.Year, 12, 31);

    /// <summary>When a claim installment of an account becomes time-barred.</summary>
    /// <param name="account">The account.</param>
    /// <param name="installment">The installment, one of the account's.</param>
    /// <param name="settings">The company's limitation settings.</param>
    /// <returns>The installment's limitation.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ClaimLimitation Of(CustomerAccount account, OpenInstallment installment, LimitationSettings settings)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(installment);
        Guard.Against.Null(settings);
        var years = settings.YearsFor(account.Id);
        var arises = ArisesOn(installment);
        var end = RegularEnd(arises, years);
        LocalDate? restarted = null;
        foreach (var settlement in installment.Settlements)
        {
            if (settlement is { Kind: SettlementKind.Payment, IsActive: true } && settlement.Date >= arises && settlement.Date <= end
                && settlement.Date.PlusYears(years) > end)
            {
                restarted = settlement.Date;
                end = settlement.Date.PlusYears(years);
            }
        }

        LocalDate? suspended = null;
        foreach (var handOver in account.HandOvers)
        {
            if (handOver.Origin.To != HandOverKind.CourtDunning || !handOver.Origin.Items.Contains(installment.Item.Id) || handOver.Origin.Date > end)
            {
                continue;
            }

            if (handOver.Closed is not { } closed)
            {
                suspended = handOver.Origin.Date;
                continue;
            }

            var resumes = closed.Date.PlusMonths(6);
            end = end.PlusDays(Math.Max(0, Period.DaysBetween(handOver.Origin.Date, resumes)));
        }

        return new ClaimLimitation(account.Id, installment.Ref, installment.Item.DocumentNumber, installment.OpenAmount, arises, years, restarted, suspended, end);
    }

    /// <summary>Every open claim installment of an account with its limitation, in due-date order.</summary>
    /// <param name="account">The account.</param>
    /// <param name="settings">The company's limitation settings.</param>
    /// <returns>One entry per open claim installment.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<ClaimLimitation> OpenClaims(CustomerAccount account, LimitationSettings settings)
    {
        Guard.Against.Null(account);
        return [.. account.Items.Where(i => i.IsClaim && !i.IsReversed).SelectMany(i => i.Installments).Where(i => i.IsOpen)
            .Select(i => Of(account, i, settings)).OrderBy(l => l.ArisesOn).ThenBy(l => l.DocumentNumber, StringComparer.Ordinal).ThenBy(l => l.Installment.Number)];
    }

    /// <summary>
    /// The limitation warnings of an account on a date: open claims whose period ends between the date and the horizon (both
    /// included) and is not suspended — "limitation warning — take action to suspend it".
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="settings">The company's limitation settings.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="horizon">The last end date to warn of; <see langword="null"/> for <see cref="DefaultWarningHorizon"/>.</param>
    /// <returns>The claims to act on.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<ClaimLimitation> Warnings(CustomerAccount account, LimitationSettings settings, LocalDate asOf, LocalDate? horizon = null)
    {
        var through = horizon ?? DefaultWarningHorizon(asOf);
        return [.. OpenClaims(account, settings).Where(l => !l.IsSuspended && l.EndsOn >= asOf && l.EndsOn <= through)];
    }
}
