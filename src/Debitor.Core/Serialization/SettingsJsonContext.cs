using System.Text.Json;
using System.Text.Json.Serialization;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;

namespace Debitor.Core.Serialization;

/// <summary>
/// The stored shape of <see cref="DunningSettings"/> (<see cref="SettingsJson"/>). Members with a default value were added
/// to format 1 later (D13.11): always written, optional when read, absent meaning today's default.
/// </summary>
internal sealed record DunningSettingsData(int Format, IReadOnlyList<DunningSchemeData> Schemes, BranchDaysData DefaultDays, CalendarData Calendar, LimitationData? Limitation = null);

/// <summary>The stored shape of <see cref="Collections.LimitationSettings"/>; customers ordered by id.</summary>
internal sealed record LimitationData(int Years, IReadOnlyList<CustomerYearsData> Customers);

/// <summary>One customer's own limitation period.</summary>
internal sealed record CustomerYearsData(CustomerId Customer, int Years);

/// <summary>The stored shape of a <see cref="DunningScheme"/>.</summary>
internal sealed record DunningSchemeData(
    SchemeId Id,
    string Name,
    IReadOnlyList<DunningLevelData> Levels,
    DunningDayComparison Comparison,
    int MaximumNotices,
    IReadOnlyList<Money> MinimumLetterAmounts,
    IReadOnlyList<Money> MinimumItemAmounts,
    bool OneLetterPerLevel,
    bool ListItemsNotYetDue,
    int DunningIntervalDays = 0,
    DunningCadence Cadence = DunningCadence.PerInstallment,
    int? CourtesyReminderDays = null);

/// <summary>The stored shape of a <see cref="DunningLevel"/>.</summary>
internal sealed record DunningLevelData(
    int Days,
    string HeaderTextKey,
    string FooterTextKey,
    int PaymentDeadlineDays,
    bool ChargesInterest,
    IReadOnlyList<DunningFeeData> Fees,
    DunningDelayRule DelayRule = DunningDelayRule.AfterPreviousNotice,
    IReadOnlyList<Money>? MinimumAmounts = null,
    decimal MinimumPercent = 0m);

/// <summary>The stored shape of a <see cref="DunningFee"/>.</summary>
internal sealed record DunningFeeData(
    Money PerLetterAmount,
    Money PerItemAmount,
    FeeTierMode TierMode,
    IReadOnlyList<FeeTierData> Tiers,
    Money? TieredMinimum,
    Money? TieredMaximum,
    decimal PerItemPercent = 0m);

/// <summary>The stored shape of a <see cref="FeeTier"/>.</summary>
internal sealed record FeeTierData(Money From, Money FixedAmount, decimal Percent, Money? Minimum = null, Money? Maximum = null);

/// <summary>The stored shape of <see cref="BranchDunningDays"/>.</summary>
internal sealed record BranchDaysData(IReadOnlyList<int> CompanyDays, IReadOnlyList<BranchDaysEntryData> Branches);

/// <summary>One branch's days.</summary>
internal sealed record BranchDaysEntryData(BranchId Branch, IReadOnlyList<int> Days);

/// <summary>
/// The stored shape of a <see cref="Calendar.BusinessCalendar"/>: the built-in calendar it starts from (by name, so a corrected
/// built-in calendar reaches stored settings), the rules added to it and the weekend days.
/// </summary>
internal sealed record CalendarData(string BuiltIn, IReadOnlyList<HolidayRuleData> AddedHolidays, IReadOnlyList<IsoDayOfWeek> WeekendDays);

/// <summary>The stored shape of a <see cref="Calendar.HolidayRule"/>; members a kind does not use are 0.</summary>
internal sealed record HolidayRuleData(
    string Kind,
    string Key,
    string Name,
    string EnglishName,
    int Month,
    int Day,
    int EasterOffset,
    IsoDayOfWeek? DayOfWeek,
    LocalDate? Date,
    int? FirstYear,
    int? LastYear);

/// <summary>The stored shape of an <see cref="InterestSchemeCatalog"/>.</summary>
internal sealed record InterestSchemesData(int Format, IReadOnlyList<InterestSchemeData> Schemes);

/// <summary>The stored shape of one <see cref="InterestScheme"/> under its id.</summary>
internal sealed record InterestSchemeData(
    SchemeId Id,
    BaseRatesData? BaseRates,
    decimal? FixedRatePercent,
    decimal SpreadPercentagePoints,
    DayCountConvention DayCount,
    InterestRounding Rounding,
    decimal MinimumAmount,
    Money? RecoveryCompensation,
    InterestAccrualData Accrual,
    InterestMethod Method,
    int InterestPeriodDays);

/// <summary>
/// A base rate table: the built-in German table by name (<c>"de"</c>, so new base rates reach stored schemes), or the
/// host's own entries.
/// </summary>
internal sealed record BaseRatesData(string? BuiltIn, IReadOnlyList<BaseRateData>? Entries);

/// <summary>One base rate.</summary>
internal sealed record BaseRateData(LocalDate ValidFrom, decimal RatePercent);

/// <summary>The stored shape of an <see cref="InterestAccrual"/>.</summary>
internal sealed record InterestAccrualData(int GraceDays, InterestStart Start, CalendarData? DueDateCalendar, bool CountSettlementDay);

/// <summary>Source-generated metadata of the settings documents (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DunningSettingsData))]
[JsonSerializable(typeof(InterestSchemesData))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext
{
    private static readonly Lazy<JsonSerializerOptions> StrictOptions = new(CreateOptions);

    /// <summary>The options every settings document is written and read with (strict, as the journal format).</summary>
    public static JsonSerializerOptions Strict => StrictOptions.Value;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = JournalJsonConverters.StrictOptions(new SettingsJsonContext());
        options.Converters.Add(new StrictEnumConverter<DunningDayComparison>());
        options.Converters.Add(new StrictEnumConverter<FeeTierMode>());
        options.Converters.Add(new StrictEnumConverter<DunningDelayRule>());
        options.Converters.Add(new StrictEnumConverter<DunningCadence>());
        options.Converters.Add(new StrictEnumConverter<IsoDayOfWeek>());
        options.Converters.Add(new StrictEnumConverter<DayCountConvention>());
        options.Converters.Add(new StrictEnumConverter<InterestRounding>());
        options.Converters.Add(new StrictEnumConverter<InterestStart>());
        options.Converters.Add(new StrictEnumConverter<InterestMethod>());
        options.MakeReadOnly();
        return options;
    }
}
