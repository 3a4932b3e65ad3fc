using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// The hand-written reader of a customer's settings (D13.112) against the general path it shortcuts: on every written
/// customer, in the written order and in PostgreSQL's <c>jsonb</c> order, it reads what the general path reads or declines,
/// and it declines only for what it leaves to the general path (a credit limit). Changed documents are covered by
/// <see cref="JournalEntryCodecsTests"/> (every object of a registration, the settings included, changed member by member).
/// </summary>
public sealed class CustomerReaderTests
{
    [Property(MaxTest = 500)]
    public Property TryRead_AWrittenCustomer_ReadsWhatTheGeneralPathReads(int seed, bool jsonbOrder)
    {
        var registration = (CustomerRegistered)JournalSamples.Build(typeof(CustomerRegistered), new Random(seed));
        var json = SettingsJson(registration.Settings, jsonbOrder);

        var read = Read(json, out var fast);
        var general = JsonSerializer.Deserialize(json, JournalJsonContext.Strict.GetTypeInfo(typeof(Customer)));
        var takesIt = registration.Settings.CreditLimit is null && registration.Settings.InternalCreditLimit is null;

        return (read == takesIt && (!read || (fast == registration.Settings && fast == (Customer?)general))).Label(json);
    }

    [Property(MaxTest = 300)]
    public Property Deserialize_ARegistrationInEitherOrder_EqualsTheGeneralPath(int seed, bool jsonbOrder)
    {
        var registration = JournalSamples.Build(typeof(CustomerRegistered), new Random(seed));
        var written = JsonNode.Parse(JournalJson.Serialize(registration));
        var bytes = Encoding.UTF8.GetBytes(jsonbOrder ? JournalJsonFastPathTests.AsJsonb(written) : written!.ToJsonString());

        return (JournalJson.Deserialize(bytes) == registration && JournalJson.DeserializeDocument(bytes) == registration).Label(Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void TryRead_TheSettingsOfTheBenchmarkPortfolio_ReadsThemByHand()
    {
        var customer = new Customer(new CustomerId("K0000013"), "K0000013", "Customer K0000013", new CompanyId("bench"))
        {
            Branch = new BranchId("south"),
            Payer = new CustomerId("K0000006"),
            PayerRouting = new PayerRouting(DocumentRecipient.Payer),
            DunningDays = [new DunningDaysOverride(1, 10), new DunningDaysOverride(2, 20)],
            IsConsumer = true,
        };

        foreach (var jsonbOrder in new[] { false, true })
        {
            Assert.True(Read(SettingsJson(customer, jsonbOrder), out var read));
            Assert.Equal(customer, read);
        }
    }

    [Theory]
    [InlineData("creditLimit", """{"amount":{"amount":"100.00","currency":"EUR"},"validUntil":null,"note":null}""")]
    [InlineData("preferredChannel", "\"email\"")]
    [InlineData("preferredChannel", "1")]
    [InlineData("isConsumer", "\"true\"")]
    [InlineData("cashDiscountToleranceDays", "1.5")]
    [InlineData("name", "null")]
    [InlineData("workflow", """{"includeInAutomaticWorkflows":true,"attachDunningLetter":true,"attachFullStatement":false}""")]
    public void TryRead_AValueItLeavesToTheGeneralPath_Declines(string member, string value)
    {
        var node = JsonNode.Parse(SettingsJson(new Customer(new CustomerId("K1"), "K1", "Kunde 1", new CompanyId("firma")), jsonbOrder: false))!.AsObject();
        node[member] = JsonNode.Parse(value);

        Assert.False(Read(node.ToJsonString(), out _));
    }

    [Fact]
    public void TryRead_AMemberMissingRepeatedOrUnknown_Declines()
    {
        var json = SettingsJson(new Customer(new CustomerId("K1"), "K1", "Kunde 1", new CompanyId("firma")), jsonbOrder: false);
        var missing = JsonNode.Parse(json)!.AsObject();
        missing.Remove("payer");
        var unknown = JsonNode.Parse(json)!.AsObject();
        unknown["payers"] = null;

        Assert.False(Read(missing.ToJsonString(), out _));
        Assert.False(Read(unknown.ToJsonString(), out _));
        Assert.False(Read(json.Replace("\"payer\":null", "\"payer\":null,\"payer\":null", StringComparison.Ordinal), out _));
    }

    /// <summary>The settings object of a registration as the general path writes it, optionally in <c>jsonb</c>'s order.</summary>
    private static string SettingsJson(Customer customer, bool jsonbOrder)
    {
        var settings = JsonNode.Parse(JournalJson.Serialize(new CustomerRegistered(new EntryId("reg"), customer)))!["entry"]!["settings"]!;
        return jsonbOrder ? JournalJsonFastPathTests.AsJsonb(settings) : settings.ToJsonString();
    }

    /// <summary>Reads the settings with the hand-written reader alone; it must stop on the object's end when it takes it.</summary>
    private static bool Read(string json, out Customer? customer)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var read = CustomerReader.TryRead(ref reader, out customer);
        return read && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0;
    }
}
