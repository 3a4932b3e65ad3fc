using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Debitor.Core.Banking;
using Debitor.Core.Customers;

namespace Debitor.Core.Serialization;

/// <summary>A value written as one JSON string, read back through the value's own validating parser.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class StringValueConverter<T>(Func<string, T> parse, Func<T, string?> format) : JsonConverter<T>
    where T : struct
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(T).Name} must be a JSON string, not {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        try
        {
            return parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"'{text}' is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"'{text}' is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var text = format(value);
        if (string.IsNullOrEmpty(text))
        {
            throw new JsonException($"An empty (default) {typeof(T).Name} cannot be written.");
        }

        writer.WriteStringValue(text);
    }
}

/// <summary>Money as <c>{"amount":"12.50","currency":"EUR"}</c>: the amount as an invariant decimal string, so no JSON reader rounds it.</summary>
internal sealed class MoneyConverter : JsonConverter<Money>
{
    /// <summary>How an amount's text is parsed (invariant culture), by this converter and by <see cref="WrittenShapeReader"/>.</summary>
    internal const NumberStyles AmountStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static readonly JsonConverter<Currency> Currencies = JournalJsonConverters.Currency;

    /// <summary>The currencies of nearly every amount, matched on their UTF-8 code (what <see cref="Currency.FromCode"/> gives for it).</summary>
    internal static readonly (byte[] Code, Currency Currency)[] Known =
        [.. new[] { Currency.EUR, Currency.CHF, Currency.USD, Currency.GBP, Currency.JPY }.Select(c => (System.Text.Encoding.UTF8.GetBytes(c.Code), c))];

    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Money must be a JSON object with 'amount' and 'currency', not {reader.TokenType}.");
        }

        decimal? amount = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            // The names compared as UTF-8 (no string per member); the message names the member as it stands.
            if (reader.ValueTextEquals("amount"u8) && amount is null)
            {
                reader.Read();
                amount = ReadAmount(ref reader);
            }
            else if (reader.ValueTextEquals("currency"u8) && currency is null)
            {
                reader.Read();
                currency = KnownCurrency(ref reader) ?? Currencies.Read(ref reader, typeof(Currency), options);
            }
            else
            {
                throw new JsonException($"Money has an unexpected or repeated property '{reader.GetString()}'.");
            }
        }

        if (amount is null || currency is null)
        {
            throw new JsonException("Money needs both 'amount' and 'currency'.");
        }

        return new Money(amount.Value, currency.Value);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Span<byte> amount = stackalloc byte[64];
        if (value.Amount.TryFormat(amount, out var written, default, CultureInfo.InvariantCulture))
        {
            writer.WriteString("amount"u8, amount[..written]);
        }
        else
        {
            writer.WriteString("amount"u8, value.Amount.ToString(CultureInfo.InvariantCulture));
        }

        writer.WritePropertyName("currency"u8);
        Currencies.Write(writer, value.Currency, options);
        writer.WriteEndObject();
    }

    /// <summary>A common currency read without making a string of its code; <see langword="null"/> for any other.</summary>
    private static Currency? KnownCurrency(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        foreach (var (code, currency) in Known)
        {
            if (reader.ValueTextEquals(code))
            {
                return currency;
            }
        }

        return null;
    }

    private static decimal ReadAmount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A money amount must be a decimal string such as \"12.50\", not {reader.TokenType}.");
        }

        // The common case without a string: the amount's UTF-8 bytes parsed as they stand (same styles and culture).
        if (!reader.ValueIsEscaped && !reader.HasValueSequence
            && decimal.TryParse(reader.ValueSpan, AmountStyles, CultureInfo.InvariantCulture, out var direct))
        {
            return direct;
        }

        var text = reader.GetString()!;
        if (!decimal.TryParse(text, AmountStyles, CultureInfo.InvariantCulture, out var amount))
        {
            throw new JsonException($"'{text}' is not a decimal amount.");
        }

        return amount;
    }
}

/// <summary>
/// Payment terms as <c>{"netDays":30,"discounts":[{"percent":3,"days":7}]}</c>, read back through the validating constructor
/// (its parameter takes any sequence of tiers, so the generated metadata cannot bind it).
/// </summary>
internal sealed class PaymentTermsConverter : JsonConverter<PaymentTerms>
{
    public override PaymentTerms Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject, "Payment terms");
        int? netDays = null;
        List<CashDiscountTier>? discounts = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "netDays" when netDays is null:
                    netDays = ReadInt(ref reader, "netDays");
                    break;
                case "discounts" when discounts is null:
                    Expect(ref reader, JsonTokenType.StartArray, "'discounts'");
                    discounts = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        discounts.Add(ReadTier(ref reader));
                    }

                    break;
                default:
                    throw new JsonException($"Payment terms have an unexpected or repeated property '{name}'.");
            }
        }

        if (netDays is null || discounts is null)
        {
            throw new JsonException("Payment terms need 'netDays' and 'discounts'.");
        }

        return new PaymentTerms(netDays.Value, discounts);
    }

    public override void Write(Utf8JsonWriter writer, PaymentTerms value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("netDays", value.NetDays);
        writer.WriteStartArray("discounts");
        foreach (var tier in value.Discounts)
        {
            writer.WriteStartObject();
            writer.WriteNumber("percent", tier.Percent);
            writer.WriteNumber("days", tier.Days);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static CashDiscountTier ReadTier(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "A discount tier");
        decimal? percent = null;
        int? days = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "percent" when percent is null:
                    percent = reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var p) ? p : throw new JsonException("'percent' must be a number.");
                    break;
                case "days" when days is null:
                    days = ReadInt(ref reader, "days");
                    break;
                default:
                    throw new JsonException($"A discount tier has an unexpected or repeated property '{name}'.");
            }
        }

        return percent is { } pct && days is { } d ? new CashDiscountTier(pct, d) : throw new JsonException("A discount tier needs 'percent' and 'days'.");
    }

    private static int ReadInt(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw new JsonException($"'{name}' must be a whole number.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"{what} must start with {token}, not {reader.TokenType}.");
        }
    }
}

/// <summary>An enum as its member name; numbers and undefined names are refused.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class StrictEnumConverter<T> : JsonStringEnumConverter<T>, IStrictEnumConverter
    where T : struct, Enum
{
    public StrictEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }

    public Type EnumType => typeof(T);
}

/// <summary>Marks the enum converters the journal format accepts.</summary>
internal interface IStrictEnumConverter
{
    Type EnumType { get; }
}

/// <summary>The converters of the journal format's value types.</summary>
internal static class JournalJsonConverters
{
    public static readonly JsonConverter<Currency> Currency =
        new StringValueConverter<Currency>(Core.Currency.FromCode, c => c.Code);

    /// <summary>The strict options of the journal and settings formats over a resolver, with every value converter; add the enum converters, then make them read-only.</summary>
    public static JsonSerializerOptions StrictOptions(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver resolver)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = resolver,
        };
        foreach (var converter in All())
        {
            options.Converters.Add(converter);
        }

        return options;
    }

    public static IEnumerable<JsonConverter> All()
    {
        yield return Currency;
        yield return new MoneyConverter();
        yield return new PaymentTermsConverter();
        yield return new StringValueConverter<EntryId>(s => new EntryId(s), v => v.Value);
        yield return new StringValueConverter<CustomerId>(s => new CustomerId(s), v => v.Value);
        yield return new StringValueConverter<CompanyId>(s => new CompanyId(s), v => v.Value);
        yield return new StringValueConverter<BranchId>(s => new BranchId(s), v => v.Value);
        yield return new StringValueConverter<SchemeId>(s => new SchemeId(s), v => v.Value);
        yield return new StringValueConverter<UserId>(s => new UserId(s), v => v.Value);
        yield return new StringValueConverter<Iban>(Iban.Parse, v => v.ToString());
        yield return new StringValueConverter<Bic>(Bic.Parse, v => v.ToString());
        yield return new StringValueConverter<VatId>(VatId.Parse, v => v.ToString());
        yield return new StringValueConverter<SepaCreditorId>(SepaCreditorId.Parse, v => v.ToString());
        yield return NodaTime.Serialization.SystemTextJson.NodaConverters.LocalDateConverter;
        yield return NodaTime.Serialization.SystemTextJson.NodaConverters.InstantConverter;
    }
}
