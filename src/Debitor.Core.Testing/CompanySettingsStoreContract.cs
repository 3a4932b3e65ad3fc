using Debitor.Core.Calendar;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using NodaTime;
using Xunit;

namespace Debitor.Core.Testing;

/// <summary>
/// The contract of a store for company settings: the dunning settings (<see cref="IDunningSettingsProvider"/>) and the
/// interest schemes (<see cref="IInterestSchemeProvider"/>) a host saves and every use case reads. Subclass it, and return
/// from both factory methods a provider and its save operation over <b>the same storage for the whole test</b> (a second
/// call stands for a restarted process: it must see what the first one saved).
/// </summary>
/// <remarks>
/// A store that needs a server not available here may throw <see cref="SkipException"/> from the factories
/// (<c>Skip.If</c>): the tests are then reported as skipped with that reason, never passed.
/// </remarks>
public abstract class CompanySettingsStoreContract
{
    private static readonly CompanyId Company = new("f1");
    private static readonly CompanyId Other = new("f2");

    /// <summary>A dunning settings provider and how to save settings in it, over the test's storage.</summary>
    /// <returns>The provider and its save operation.</returns>
    protected abstract Task<(IDunningSettingsProvider Provider, Func<CompanyId, DunningSettings, Task> Save)> CreateDunningSettingsAsync();

    /// <summary>An interest scheme provider and how to save a catalog in it, over the test's storage.</summary>
    /// <returns>The provider and its save operation.</returns>
    protected abstract Task<(IInterestSchemeProvider Provider, Func<CompanyId, InterestSchemeCatalog, Task> Save)> CreateInterestSchemesAsync();

    /// <summary>Dunning settings that use every member of the format: a tiered fee, branch days, a state calendar with added holidays, another weekend.</summary>
    /// <returns>The settings.</returns>
    public static DunningSettings SampleDunningSettings()
    {
        var eur = Currency.EUR;
        var scheme = new DunningScheme(new SchemeId("streng"), [
            new DunningLevel(3, "mahnung.1.kopf", "mahnung.1.fuss") { PaymentDeadlineDays = 10 },
            new DunningLevel(14, "mahnung.2.kopf", "mahnung.2.fuss")
            {
                ChargesInterest = true,
                DelayRule = DunningDelayRule.AfterDueDate,
                MinimumAmounts = [new Money(25m, eur), new Money(30m, Currency.CHF)],
                MinimumPercent = 12.5m,
                Fees =
                [
                    DunningFee.Tiered(
                        FeeTierMode.Single,
                        [new FeeTier(new Money(0m, eur), new Money(5m, eur)), new FeeTier(new Money(1000m, eur), new Money(10m, eur), 0.5m) { Minimum = new Money(12m, eur), Maximum = new Money(40m, eur) }],
                        new Money(5m, eur),
                        new Money(50m, eur))
                        .WithPerItem(new Money(1.50m, eur))
                        .WithPerItemPercent(2.5m),
                    DunningFee.PerLetter(new Money(3m, Currency.CHF)),
                ],
            },
        ])
        {
            Name = "Streng (3/14 Tage)",
            Comparison = DunningDayComparison.Inclusive,
            MaximumNotices = 4,
            MinimumLetterAmounts = [new Money(10m, eur)],
            MinimumItemAmounts = [new Money(1m, eur), new Money(2m, Currency.CHF)],
            OneLetterPerLevel = true,
            ListItemsNotYetDue = true,
            DunningIntervalDays = 7,
            Cadence = DunningCadence.PerCustomer,
            CourtesyReminderDays = 5,
        };
        var calendar = BusinessCalendar.Germany(GermanState.Bayern)
            .WithHolidays(
                HolidayRule.Fixed("augsburg-peace", "Augsburger Friedensfest", "Augsburg Peace Festival", 8, 8),
                HolidayRule.Once("company-day", "Betriebsausflug", "Company outing", new LocalDate(2026, 6, 12)),
                HolidayRule.EasterOffset("corpus-christi-local", "Fronleichnam", "Corpus Christi", 60).ValidFrom(2000).ValidUntil(2099))
            .WithWeekendDays(IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday);
        return DunningSettings.Default
            .WithScheme(scheme)
            .WithDefaultDays(BranchDunningDays.None.WithCompanyDays(7, 21).WithBranchDays(new BranchId("nord"), 10, 20, 30))
            .WithCalendar(calendar)
            .WithLimitation(new Collections.LimitationSettings { Years = 4, CustomerYears = new Dictionary<CustomerId, int> { [new CustomerId("K-2")] = 10, [new CustomerId("K-1")] = 2 } });
    }

    /// <summary>Interest schemes that use every member of the format: a fixed rate, an own base rate table, accrual rules and methods.</summary>
    /// <returns>The catalog.</returns>
    public static InterestSchemeCatalog SampleInterestSchemes() =>
        InterestSchemeCatalog.Default
            .With(new SchemeId("fest-6"), InterestScheme.Fixed(6m, DayCountConvention.Thirty360, InterestRounding.EachPeriod).WithMinimumAmount(2.50m))
            .With(new SchemeId("eigene-basis"), InterestScheme.BaseRatePlus(new BaseRateTable([(new LocalDate(2020, 1, 1), -0.88m), (new LocalDate(2024, 1, 1), 3.62m)]), 7m)
                .WithRecoveryCompensation(new Money(40m, Currency.EUR))
                .WithAccrual(new InterestAccrual { GraceDays = 3, Start = InterestStart.AfterDefaultDate, DueDateCalendar = BusinessCalendar.Austria(), CountSettlementDay = true })
                .WithMethod(InterestMethod.AverageDailyBalance, 31))
            .With(InterestSchemeCatalog.DefaultId, InterestScheme.GermanStatutory(consumerInvolved: false));

    /// <summary>A company that never saved settings gets the defaults.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task DunningSettings_NothingSaved_IsDefault()
    {
        var (provider, _) = await CreateDunningSettingsAsync();

        var settings = await provider.GetAsync(Company, CancellationToken.None);

        Assert.Equal(SettingsJson.Serialize(DunningSettings.Default), SettingsJson.Serialize(settings));
    }

    /// <summary>Saved settings are read back whole, also by a new provider over the same storage (a restart).</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task DunningSettings_Saved_ReadBackWholeAfterRestart()
    {
        var (_, save) = await CreateDunningSettingsAsync();
        var sample = SampleDunningSettings();

        await save(Company, sample);
        var (restarted, _) = await CreateDunningSettingsAsync();
        var read = await restarted.GetAsync(Company, CancellationToken.None);

        Assert.Equal(SettingsJson.Serialize(sample), SettingsJson.Serialize(read));
        Assert.Equal(["default", "streng"], read.Schemes.Keys.Select(k => k.Value).Order(StringComparer.Ordinal));
        Assert.Equal(10, read.DefaultDays.DaysFor(new BranchId("nord"), 1));
        Assert.True(read.Calendar.IsHoliday(new LocalDate(2026, 8, 8)));
        Assert.True(read.Calendar.IsHoliday(new LocalDate(2026, 1, 6)));
        Assert.False(read.Calendar.IsBusinessDay(new LocalDate(2026, 11, 27)));
        Assert.Equal(SettingsJson.Serialize(DunningSettings.Default), SettingsJson.Serialize(await restarted.GetAsync(Other, CancellationToken.None)));
    }

    /// <summary>Saving again replaces the company's settings as a whole.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task DunningSettings_SavedTwice_LastSaveWins()
    {
        var (provider, save) = await CreateDunningSettingsAsync();

        await save(Company, SampleDunningSettings());
        await save(Company, DunningSettings.Default.WithCalendar(BusinessCalendar.Switzerland()));

        var read = await provider.GetAsync(Company, CancellationToken.None);
        Assert.Equal(SettingsJson.Serialize(DunningSettings.Default.WithCalendar(BusinessCalendar.Switzerland())), SettingsJson.Serialize(read));
    }

    /// <summary>Settings are refused for no company, before anything is stored.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task DunningSettings_SaveForDefaultCompany_Throws()
    {
        var (_, save) = await CreateDunningSettingsAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => save(default, DunningSettings.Default));
    }

    /// <summary>A company that never saved schemes gets the shipped ones.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task InterestSchemes_NothingSaved_AreTheShippedOnes()
    {
        var (provider, _) = await CreateInterestSchemesAsync();

        var catalog = await provider.GetAsync(Company, CancellationToken.None);

        Assert.Equal(SettingsJson.Serialize(InterestSchemeCatalog.Default), SettingsJson.Serialize(catalog));
    }

    /// <summary>Saved schemes are read back whole, also by a new provider over the same storage, and compute the same rates.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task InterestSchemes_Saved_ReadBackWholeAfterRestart()
    {
        var (_, save) = await CreateInterestSchemesAsync();
        var sample = SampleInterestSchemes();

        await save(Company, sample);
        await save(Other, InterestSchemeCatalog.Default.With(new SchemeId("fest-6"), InterestScheme.Fixed(1m)));
        var (restarted, _) = await CreateInterestSchemesAsync();
        var read = await restarted.GetAsync(Company, CancellationToken.None);

        Assert.Equal(SettingsJson.Serialize(sample), SettingsJson.Serialize(read));
        var own = read.Schemes[new SchemeId("eigene-basis")];
        Assert.Equal(10.62m, own.AnnualRatePercentOn(new LocalDate(2025, 3, 1)));
        Assert.Equal(6m, read.Schemes[new SchemeId("fest-6")].AnnualRatePercentOn(new LocalDate(2025, 3, 1)));
        Assert.Equal(1m, (await restarted.GetAsync(Other, CancellationToken.None)).Schemes[new SchemeId("fest-6")].AnnualRatePercentOn(new LocalDate(2025, 3, 1)));
    }

    /// <summary>Schemes are refused for no company.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task InterestSchemes_SaveForDefaultCompany_Throws()
    {
        var (_, save) = await CreateInterestSchemesAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => save(default, InterestSchemeCatalog.Default));
    }
}
