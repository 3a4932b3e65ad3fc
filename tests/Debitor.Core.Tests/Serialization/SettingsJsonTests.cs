using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Debitor.Core.Calendar;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Serialization;
using Debitor.Core.Testing;

namespace Debitor.Core.Tests.Serialization;

public sealed class SettingsJsonTests
{
    public static TheoryData<string> GoldenNames() => ["DunningSettings.Default", "DunningSettings.Sample", "InterestSchemes.Default", "InterestSchemes.Sample"];

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void GoldenFile_EverySample_ReadsBackAndIsWrittenUnchanged(string name)
    {
        var written = Indented(Write(name));
        var path = Path.Combine(AppContext.BaseDirectory, "Serialization", "GoldenSettings", name + ".json");
        if (Environment.GetEnvironmentVariable(JournalJsonTests.RegenerateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceGoldenDirectory(), name + ".json"), written);
            File.WriteAllText(path, written);
        }

        Assert.True(File.Exists(path), $"No golden file {path}. Run the tests once with {JournalJsonTests.RegenerateVariable}=1 and commit the file.");
        var golden = File.ReadAllText(path).ReplaceLineEndings("\n");

        Assert.Equal(golden, written);
        var reread = name.StartsWith("Dunning", StringComparison.Ordinal)
            ? SettingsJson.Serialize(SettingsJson.DeserializeDunningSettings(golden))
            : SettingsJson.Serialize(SettingsJson.DeserializeInterestSchemes(golden));
        Assert.Equal(golden, Indented(reread));
    }

    [Fact]
    public void Serialize_BuiltInCalendarsAndGermanBaseRates_AreStoredByName()
    {
        var json = JsonNode.Parse(SettingsJson.Serialize(CompanySettingsStoreContract.SampleDunningSettings()))!;
        var interest = JsonNode.Parse(SettingsJson.Serialize(InterestSchemeCatalog.Default))!;

        Assert.Equal("de-Bayern", json["calendar"]!["builtIn"]!.GetValue<string>());
        Assert.Equal(3, json["calendar"]!["addedHolidays"]!.AsArray().Count);
        Assert.Equal("de", interest["schemes"]!.AsArray().First(s => s!["id"]!.GetValue<string>() == "default")!["baseRates"]!["builtIn"]!.GetValue<string>());
    }

    [Fact]
    public void DeserializeDunningSettings_RoundTrip_KeepsRulesWorking()
    {
        var original = CompanySettingsStoreContract.SampleDunningSettings();
        var settings = SettingsJson.DeserializeDunningSettings(SettingsJson.Serialize(original));
        var scheme = settings.Schemes[new SchemeId("streng")];
        var originalFee = original.Schemes[new SchemeId("streng")].Levels[1].FeeIn(Currency.EUR)!;

        Assert.Equal(DunningDayComparison.Inclusive, scheme.Comparison);
        foreach (var overdue in new[] { 10m, 999.99m, 1000m, 25_000m })
        {
            var amount = new Money(overdue, Currency.EUR);
            Assert.Equal(originalFee.TieredFeeFor(amount), scheme.Levels[1].FeeIn(Currency.EUR)!.TieredFeeFor(amount));
        }

        Assert.Equal(new Money(1.50m, Currency.EUR), scheme.Levels[1].FeeIn(Currency.EUR)!.PerItemAmount);
        Assert.Equal(new Money(3m, Currency.CHF), scheme.Levels[1].FeeIn(Currency.CHF)!.PerLetterAmount);
        Assert.Equal(new LocalDate(2026, 6, 15), settings.Calendar.NextBusinessDay(new LocalDate(2026, 6, 12)));
    }

    [Fact]
    public void DeserializeDunningSettings_RoundTrip_KeepsIssue17Members()
    {
        var original = CompanySettingsStoreContract.SampleDunningSettings();
        var settings = SettingsJson.DeserializeDunningSettings(SettingsJson.Serialize(original));
        var scheme = settings.Schemes[new SchemeId("streng")];
        var level = scheme.Levels[1];
        var fee = level.FeeIn(Currency.EUR)!;

        Assert.Equal(DunningCadence.PerCustomer, scheme.Cadence);
        Assert.Equal(7, scheme.DunningIntervalDays);
        Assert.Equal(5, scheme.CourtesyReminderDays);
        Assert.Equal(DunningDelayRule.AfterDueDate, level.DelayRule);
        Assert.Equal(new Money(30m, Currency.CHF), level.MinimumAmountIn(Currency.CHF));
        Assert.Equal(12.5m, level.MinimumPercent);
        Assert.Equal(2.5m, fee.PerItemPercent);
        Assert.Equal(new Money(12m, Currency.EUR), fee.Tiers[1].Minimum);
        Assert.Equal(new Money(40m, Currency.EUR), fee.Tiers[1].Maximum);
        Assert.Equal(original.Limitation, settings.Limitation);
        Assert.Equal(10, settings.Limitation.YearsFor(new CustomerId("K-2")));
        Assert.Equal(4, settings.Limitation.YearsFor(new CustomerId("K-9")));
    }

    /// <summary>A document written before issue 17 added its members (format 1 without them) still loads, with today's defaults.</summary>
    [Fact]
    public void DeserializeDunningSettings_DocumentWithoutIssue17Members_ReadsDefaults()
    {
        const string older = """
            {"format":1,
             "schemes":[{"id":"alt","name":"Alt","comparison":"Strict","maximumNotices":0,"minimumLetterAmounts":[],"minimumItemAmounts":[],"oneLetterPerLevel":false,"listItemsNotYetDue":false,
               "levels":[{"days":10,"headerTextKey":"k","footerTextKey":"f","paymentDeadlineDays":14,"chargesInterest":false,
                 "fees":[{"perLetterAmount":{"amount":"0.00","currency":"EUR"},"perItemAmount":{"amount":"0.00","currency":"EUR"},"tierMode":"Single",
                   "tiers":[{"from":{"amount":"0.00","currency":"EUR"},"fixedAmount":{"amount":"4.00","currency":"EUR"},"percent":1}],"tieredMinimum":null,"tieredMaximum":null}]}]}],
             "defaultDays":{"companyDays":[],"branches":[]},
             "calendar":{"builtIn":"de","addedHolidays":[],"weekendDays":["Saturday","Sunday"]}}
            """;

        var settings = SettingsJson.DeserializeDunningSettings(older);
        var scheme = settings.Schemes[new SchemeId("alt")];
        var level = scheme.Levels[0];
        var fee = level.FeeIn(Currency.EUR)!;

        Assert.Equal(DunningCadence.PerInstallment, scheme.Cadence);
        Assert.Equal(0, scheme.DunningIntervalDays);
        Assert.Null(scheme.CourtesyReminderDays);
        Assert.Equal(DunningDelayRule.AfterPreviousNotice, level.DelayRule);
        Assert.Empty(level.MinimumAmounts);
        Assert.Equal(0m, level.MinimumPercent);
        Assert.Equal(0m, fee.PerItemPercent);
        Assert.Null(fee.Tiers[0].Minimum);
        Assert.Null(fee.Tiers[0].Maximum);
        Assert.Equal(Debitor.Core.Collections.LimitationSettings.Regular, settings.Limitation);
        Assert.Equal(new Money(4m, Currency.EUR), fee.TieredFeeFor(new Money(0m, Currency.EUR)));
    }

    [Theory]
    [InlineData("""{"format":2,"schemes":[],"defaultDays":{"companyDays":[],"branches":[]},"calendar":{"builtIn":"de","addedHolidays":[],"weekendDays":["Saturday","Sunday"]}}""", "format version")]
    [InlineData("""{"schemes":[],"defaultDays":{"companyDays":[],"branches":[]},"calendar":{"builtIn":"de","addedHolidays":[],"weekendDays":["Saturday","Sunday"]}}""", "no format")]
    [InlineData("""{"format":1,"schemes":[],"defaultDays":{"companyDays":[],"branches":[]}}""", "calendar")]
    [InlineData("""{"format":1,"schemes":[],"defaultDays":{"companyDays":[],"branches":[]},"calendar":{"builtIn":"mars","addedHolidays":[],"weekendDays":["Saturday","Sunday"]}}""", "mars")]
    [InlineData("""{"format":1,"schemes":[],"defaultDays":{"companyDays":[-1],"branches":[]},"calendar":{"builtIn":"de","addedHolidays":[],"weekendDays":["Saturday","Sunday"]}}""", "")]
    [InlineData("""{"format":1,"schemes":[],"defaultDays":{"companyDays":[],"branches":[]},"calendar":{"builtIn":"de","addedHolidays":[],"weekendDays":[6,7]}}""", "")]
    [InlineData("""{"format":1,"schemes":[],"defaultDays":{"companyDays":[],"branches":[]},"calendar":{"builtIn":"de","addedHolidays":[],"weekendDays":["Saturday"]},"extra":1}""", "extra")]
    [InlineData("""not json""", "")]
    public void DeserializeDunningSettings_BadDocument_ThrowsFormatException(string json, string named)
    {
        var ex = Assert.Throws<JournalFormatException>(() => SettingsJson.DeserializeDunningSettings(json));

        Assert.Equal("DunningSettings", ex.Kind);
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"format":1,"schemes":[{"id":"x","baseRates":null,"fixedRatePercent":null,"spreadPercentagePoints":0,"dayCount":"Actual365Fixed","rounding":"Total","minimumAmount":0,"recoveryCompensation":null,"accrual":{"graceDays":0,"start":"AfterDueDate","dueDateCalendar":null,"countSettlementDay":false},"method":"DailyOnHistory","interestPeriodDays":30}]}""", "fixed rate")]
    [InlineData("""{"format":1,"schemes":[{"id":"x","baseRates":null,"fixedRatePercent":-1,"spreadPercentagePoints":0,"dayCount":"Actual365Fixed","rounding":"Total","minimumAmount":0,"recoveryCompensation":null,"accrual":{"graceDays":0,"start":"AfterDueDate","dueDateCalendar":null,"countSettlementDay":false},"method":"DailyOnHistory","interestPeriodDays":30}]}""", "negative")]
    [InlineData("""{"format":1,"schemes":[{"id":"x","baseRates":null,"fixedRatePercent":5,"spreadPercentagePoints":0,"dayCount":"Actual365Fixed","rounding":"Total","minimumAmount":0,"recoveryCompensation":null,"accrual":{"graceDays":0,"start":"AfterDueDate","dueDateCalendar":null,"countSettlementDay":false},"method":"DailyOnHistory"}]}""", "interestPeriodDays")]
    public void DeserializeInterestSchemes_BadDocument_ThrowsFormatException(string json, string named)
    {
        var ex = Assert.Throws<JournalFormatException>(() => SettingsJson.DeserializeInterestSchemes(json));

        Assert.Equal("InterestSchemes", ex.Kind);
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The settings format maps every member that carries state by hand: a member added to one of these types must be
    /// added to the format too (SettingsJsonContext.cs) and then to this list.
    /// </summary>
    [Theory]
    [InlineData(typeof(DunningScheme), "Cadence,Comparison,CourtesyReminderDays,DunningIntervalDays,Id,Levels,ListItemsNotYetDue,MaximumNotices,MinimumItemAmounts,MinimumLetterAmounts,Name,OneLetterPerLevel")]
    [InlineData(typeof(DunningLevel), "ChargesInterest,Days,DelayRule,Fees,FooterTextKey,HeaderTextKey,MinimumAmounts,MinimumPercent,PaymentDeadlineDays")]
    [InlineData(typeof(DunningFee), "Currency,PerItemAmount,PerItemPercent,PerLetterAmount,TierMode,TieredMaximum,TieredMinimum,Tiers")]
    [InlineData(typeof(FeeTier), "FixedAmount,From,Maximum,Minimum,Percent")]
    [InlineData(typeof(DunningSettings), "Calendar,DefaultDays,Limitation,Schemes")]
    [InlineData(typeof(BranchDunningDays), "Branches,CompanyDays")]
    [InlineData(typeof(BusinessCalendar), "HolidayRules,WeekendDays")]
    [InlineData(typeof(HolidayRule), "EnglishName,FirstYear,Key,LastYear,Name")]
    [InlineData(typeof(InterestScheme), "Accrual,BaseRates,DayCount,FixedRatePercent,InterestPeriodDays,Method,MinimumAmount,RecoveryCompensation,Rounding,SpreadPercentagePoints")]
    [InlineData(typeof(InterestAccrual), "CountSettlementDay,DueDateCalendar,GraceDays,Start")]
    [InlineData(typeof(InterestSchemeCatalog), "Schemes")]
    [InlineData(typeof(Debitor.Core.Collections.LimitationSettings), "CustomerYears,Years")]
    public void Format_EveryPublicMemberOfASettingsType_IsMapped(Type type, string mapped)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(mapped.Split(','), members);
    }

    private static string Write(string name) => name switch
    {
        "DunningSettings.Default" => SettingsJson.Serialize(DunningSettings.Default),
        "DunningSettings.Sample" => SettingsJson.Serialize(CompanySettingsStoreContract.SampleDunningSettings()),
        "InterestSchemes.Default" => SettingsJson.Serialize(InterestSchemeCatalog.Default),
        _ => SettingsJson.Serialize(CompanySettingsStoreContract.SampleInterestSchemes()),
    };

    private static string Indented(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static string SourceGoldenDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "GoldenSettings");
}
