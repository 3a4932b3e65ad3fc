using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using Debitor.Core.Calendar;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;

namespace Debitor.Core.Serialization;

/// <summary>
/// The stored format of a company's settings: its <see cref="DunningSettings"/> (schemes, branch days, business calendar)
/// and its <see cref="InterestSchemeCatalog"/>. Built on the journal format's JSON infrastructure (source generation, money
/// as decimal string plus currency, strict reading); see <c>docs/storage.md</c>.
/// </summary>
/// <remarks>
/// <para>Built-in calendars and the German base rate table are stored by name (<c>"de"</c>, <c>"de-BY"</c>, …), so a
/// corrected calendar or a new base rate of a later library version reaches stored settings; holidays added by the host
/// and the host's own base rate tables are stored in full.</para>
/// <para>Reading is strict: a missing or unknown member, an unknown format version or name, or a value the domain refuses
/// throws <see cref="JournalFormatException"/>. The one exception are members added to format 1 after it shipped (level
/// minimums and delay rule, tier bounds, per-item percentage, dunning interval, cadence, courtesy reminders, limitation
/// periods): they are always written, and a document written before them reads with today's defaults (D13.11).</para>
/// </remarks>
public static class SettingsJson
{
    /// <summary>The settings format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string DunningKind = "DunningSettings";
    private const string InterestKind = "InterestSchemes";
    private const string GermanBaseRates = "de";

    /// <summary>Writes dunning settings as a JSON document.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public static string Serialize(DunningSettings settings)
    {
        Guard.Against.Null(settings);
        var data = new DunningSettingsData(
            FormatVersion,
            [.. settings.Schemes.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal).Select(ToData)],
            new BranchDaysData(
                [.. settings.DefaultDays.CompanyDays],
                [.. settings.DefaultDays.Branches.OrderBy(b => b.Value, StringComparer.Ordinal).Select(b => new BranchDaysEntryData(b, [.. settings.DefaultDays.DaysOfBranch(b)]))]),
            ToData(settings.Calendar),
            new LimitationData(
                settings.Limitation.Years,
                [.. settings.Limitation.CustomerYears.OrderBy(c => c.Key.Value, StringComparer.Ordinal).Select(c => new CustomerYearsData(c.Key, c.Value))]));
        return JsonSerializer.Serialize(data, TypeInfo<DunningSettingsData>());
    }

    /// <summary>Reads dunning settings written by <see cref="Serialize(DunningSettings)"/>.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JournalFormatException">The document is malformed, of an unknown version, or holds a value the domain refuses.</exception>
    public static DunningSettings DeserializeDunningSettings(string json)
    {
        Guard.Against.Null(json);
        return Read(json, DunningKind, (DunningSettingsData data) =>
        {
            var settings = DunningSettings.Default;
            foreach (var scheme in data.Schemes)
            {
                settings = settings.WithScheme(FromData(scheme));
            }

            var days = BranchDunningDays.None;
            if (data.DefaultDays.CompanyDays.Count > 0)
            {
                days = days.WithCompanyDays(data.DefaultDays.CompanyDays);
            }

            foreach (var branch in data.DefaultDays.Branches)
            {
                days = days.WithBranchDays(branch.Branch, branch.Days);
            }

            settings = settings.WithDefaultDays(days).WithCalendar(FromData(data.Calendar));
            return data.Limitation is { } limitation
                ? settings.WithLimitation(new Collections.LimitationSettings
                {
                    Years = limitation.Years,
                    CustomerYears = FromData(limitation.Customers),
                })
                : settings;
        });
    }

    /// <summary>Writes a company's interest schemes as a JSON document.</summary>
    /// <param name="catalog">The schemes.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static string Serialize(InterestSchemeCatalog catalog)
    {
        Guard.Against.Null(catalog);
        var data = new InterestSchemesData(
            FormatVersion,
            [.. catalog.Schemes.OrderBy(s => s.Key.Value, StringComparer.Ordinal).Select(s => ToData(s.Key, s.Value))]);
        return JsonSerializer.Serialize(data, TypeInfo<InterestSchemesData>());
    }

    /// <summary>
    /// Reads interest schemes written by <see cref="Serialize(InterestSchemeCatalog)"/>. The shipped schemes
    /// (<see cref="InterestSchemeCatalog.Default"/>) a document does not name stay in the catalog, as they do in every catalog.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JournalFormatException">The document is malformed, of an unknown version, or holds a value the domain refuses.</exception>
    public static InterestSchemeCatalog DeserializeInterestSchemes(string json)
    {
        Guard.Against.Null(json);
        return Read(json, InterestKind, (InterestSchemesData data) =>
        {
            var catalog = InterestSchemeCatalog.Default;
            foreach (var scheme in data.Schemes)
            {
                catalog = catalog.With(scheme.Id, FromData(scheme));
            }

            return catalog;
        });
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)SettingsJsonContext.Strict.GetTypeInfo(typeof(T));

    private static TResult Read<TData, TResult>(string json, string kind, Func<TData, TResult> build)
        where TData : class
    {
        TData? data;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.Number)
            {
                throw new JournalFormatException("the document has no format version.", kind);
            }

            if (!format.TryGetInt32(out var version) || version != FormatVersion)
            {
                throw new JournalFormatException($"format version {format.GetRawText()} is not readable (this library reads {FormatVersion}).", kind);
            }

            data = document.RootElement.Deserialize(TypeInfo<TData>());
        }
        catch (JsonException ex)
        {
            throw new JournalFormatException(ex.Message, kind, innerException: ex);
        }

        if (data is null)
        {
            throw new JournalFormatException("the document is null.", kind);
        }

        try
        {
            return build(data);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new JournalFormatException(ex.Message, kind, innerException: ex);
        }
    }

    private static DunningSchemeData ToData(DunningScheme scheme) => new(
        scheme.Id,
        scheme.Name,
        [.. scheme.Levels.Select(ToData)],
        scheme.Comparison,
        scheme.MaximumNotices,
        [.. scheme.MinimumLetterAmounts],
        [.. scheme.MinimumItemAmounts],
        scheme.OneLetterPerLevel,
        scheme.ListItemsNotYetDue,
        scheme.DunningIntervalDays,
        scheme.Cadence,
        scheme.CourtesyReminderDays);

    private static DunningScheme FromData(DunningSchemeData data) => new(data.Id, data.Levels.Select(FromData))
    {
        Name = data.Name,
        Comparison = data.Comparison,
        MaximumNotices = data.MaximumNotices,
        MinimumLetterAmounts = data.MinimumLetterAmounts,
        MinimumItemAmounts = data.MinimumItemAmounts,
        OneLetterPerLevel = data.OneLetterPerLevel,
        ListItemsNotYetDue = data.ListItemsNotYetDue,
        DunningIntervalDays = data.DunningIntervalDays,
        Cadence = data.Cadence,
        CourtesyReminderDays = data.CourtesyReminderDays,
    };

    private static DunningLevelData ToData(DunningLevel level) => new(
        level.Days,
        level.HeaderTextKey,
        level.FooterTextKey,
        level.PaymentDeadlineDays,
        level.ChargesInterest,
        [.. level.Fees.Select(ToData)],
        level.DelayRule,
        [.. level.MinimumAmounts],
        level.MinimumPercent);

    private static DunningLevel FromData(DunningLevelData data) => new(data.Days, data.HeaderTextKey, data.FooterTextKey)
    {
        PaymentDeadlineDays = data.PaymentDeadlineDays,
        ChargesInterest = data.ChargesInterest,
        Fees = [.. data.Fees.Select(FromData)],
        DelayRule = data.DelayRule,
        MinimumAmounts = data.MinimumAmounts ?? [],
        MinimumPercent = data.MinimumPercent,
    };

    private static Dictionary<CustomerId, int> FromData(IReadOnlyList<CustomerYearsData> customers)
    {
        var years = new Dictionary<CustomerId, int>();
        foreach (var customer in customers)
        {
            if (!years.TryAdd(customer.Customer, customer.Years))
            {
                throw new ArgumentException($"Customer '{customer.Customer}' has two limitation periods.", nameof(customers));
            }
        }

        return years;
    }

    private static DunningFeeData ToData(DunningFee fee) => new(
        fee.PerLetterAmount,
        fee.PerItemAmount,
        fee.TierMode,
        [.. fee.Tiers.Select(t => new FeeTierData(t.From, t.FixedAmount, t.Percent, t.Minimum, t.Maximum))],
        fee.TieredMinimum,
        fee.TieredMaximum,
        fee.PerItemPercent);

    private static DunningFee FromData(DunningFeeData data)
    {
        var fee = data.Tiers.Count > 0
            ? DunningFee.Tiered(data.TierMode, data.Tiers.Select(t => new FeeTier(t.From, t.FixedAmount, t.Percent) { Minimum = t.Minimum, Maximum = t.Maximum }), data.TieredMinimum, data.TieredMaximum)
            : DunningFee.PerLetter(data.PerLetterAmount);
        return fee.WithPerLetter(data.PerLetterAmount).WithPerItem(data.PerItemAmount).WithPerItemPercent(data.PerItemPercent);
    }

    private static IEnumerable<(string Name, BusinessCalendar Calendar)> BuiltInCalendars()
    {
        yield return ("de", BusinessCalendar.Germany());
        foreach (var state in Enum.GetValues<GermanState>())
        {
            yield return ($"de-{state}", BusinessCalendar.Germany(state));
        }

        yield return ("at", BusinessCalendar.Austria());
        yield return ("ch", BusinessCalendar.Switzerland());
        yield return ("none", BusinessCalendar.WeekendsOnly);
    }

    private static CalendarData ToData(BusinessCalendar calendar) =>
        new(calendar.BuiltIn, [.. calendar.HolidayRules.Skip(calendar.BuiltInRuleCount).Select(ToData)], [.. calendar.WeekendDays]);

    private static BusinessCalendar FromData(CalendarData data)
    {
        var found = BuiltInCalendars().Where(b => b.Name == data.BuiltIn).Select(b => b.Calendar).FirstOrDefault()
            ?? throw new ArgumentException($"'{data.BuiltIn}' is not a built-in calendar.", nameof(data));
        return found.WithHolidays(data.AddedHolidays.Select(FromData)).WithWeekendDays(data.WeekendDays);
    }

    private static HolidayRuleData ToData(HolidayRule rule)
    {
        var (kind, month, day, offset, dayOfWeek, date) = rule.Definition;
        return new HolidayRuleData(
            kind,
            rule.Key,
            rule.Name,
            rule.EnglishName,
            month,
            day,
            offset,
            dayOfWeek == IsoDayOfWeek.None ? null : dayOfWeek,
            kind == "Once" ? date : null,
            rule.FirstYear,
            rule.LastYear);
    }

    private static HolidayRule FromData(HolidayRuleData data)
    {
        var rule = data.Kind switch
        {
            "Fixed" => HolidayRule.Fixed(data.Key, data.Name, data.EnglishName, data.Month, data.Day),
            "EasterOffset" => HolidayRule.EasterOffset(data.Key, data.Name, data.EnglishName, data.EasterOffset),
            "WeekdayBefore" => HolidayRule.WeekdayBefore(data.Key, data.Name, data.EnglishName, data.DayOfWeek ?? throw new ArgumentException("A weekday-before holiday needs its day of week.", nameof(data)), data.Month, data.Day),
            "Once" => HolidayRule.Once(data.Key, data.Name, data.EnglishName, data.Date ?? throw new ArgumentException("A one-off holiday needs its date.", nameof(data))),
            _ => throw new ArgumentException($"'{data.Kind}' is not a kind of holiday rule.", nameof(data)),
        };
        if (data.FirstYear is { } first && rule.FirstYear != first)
        {
            rule = rule.ValidFrom(first);
        }

        return data.LastYear is { } last && rule.LastYear != last ? rule.ValidUntil(last) : rule;
    }

    private static InterestSchemeData ToData(SchemeId id, InterestScheme scheme) => new(
        id,
        scheme.BaseRates is null ? null
            : ReferenceEquals(scheme.BaseRates, BaseRateTable.Germany) ? new BaseRatesData(GermanBaseRates, null)
            : new BaseRatesData(null, [.. scheme.BaseRates.Entries.Select(e => new BaseRateData(e.ValidFrom, e.RatePercent))]),
        scheme.FixedRatePercent,
        scheme.SpreadPercentagePoints,
        scheme.DayCount,
        scheme.Rounding,
        scheme.MinimumAmount,
        scheme.RecoveryCompensation,
        new InterestAccrualData(
            scheme.Accrual.GraceDays,
            scheme.Accrual.Start,
            scheme.Accrual.DueDateCalendar is { } calendar ? ToData(calendar) : null,
            scheme.Accrual.CountSettlementDay),
        scheme.Method,
        scheme.InterestPeriodDays);

    private static InterestScheme FromData(InterestSchemeData data)
    {
        var scheme = (data.BaseRates, data.FixedRatePercent) switch
        {
            (null, { } rate) => InterestScheme.Fixed(rate, data.DayCount, data.Rounding),
            ({ BuiltIn: GermanBaseRates, Entries: null }, null) => InterestScheme.BaseRatePlus(BaseRateTable.Germany, data.SpreadPercentagePoints, data.DayCount, data.Rounding),
            ({ BuiltIn: null, Entries: { } entries }, null) => InterestScheme.BaseRatePlus(
                new BaseRateTable(entries.Select(e => (e.ValidFrom, e.RatePercent))), data.SpreadPercentagePoints, data.DayCount, data.Rounding),
            _ => throw new ArgumentException($"Interest scheme '{data.Id}' needs either a fixed rate or base rates (the built-in \"{GermanBaseRates}\" or entries).", nameof(data)),
        };
        if (data.BaseRates is null && data.SpreadPercentagePoints != 0m)
        {
            throw new ArgumentException($"Interest scheme '{data.Id}' has a fixed rate and a spread.", nameof(data));
        }

        scheme = scheme
            .WithMinimumAmount(data.MinimumAmount)
            .WithAccrual(new InterestAccrual
            {
                GraceDays = data.Accrual.GraceDays,
                Start = data.Accrual.Start,
                DueDateCalendar = data.Accrual.DueDateCalendar is { } calendar ? FromData(calendar) : null,
                CountSettlementDay = data.Accrual.CountSettlementDay,
            })
            .WithMethod(data.Method, data.InterestPeriodDays);
        return data.RecoveryCompensation is { } compensation ? scheme.WithRecoveryCompensation(compensation) : scheme;
    }
}
