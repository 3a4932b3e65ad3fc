using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Debitor.Core.Serialization;

/// <summary>
/// The members of the hand-written entry codecs (<see cref="JournalEntryCodecs"/>). A reader helper moves to the next
/// member, checks its name and reads its value, and gives <see langword="false"/> for any other name, token or value, so
/// the document goes to the general path; a value the domain refuses throws its own exception, which the caller treats
/// the same way. A writer helper writes the member exactly as the source-generated metadata does, and gives
/// <see langword="false"/> for a value the general path refuses (a default identifier, a <see langword="null"/> where
/// the type allows none, an undefined enum member, a date outside the years 1 to 9999 or off the ISO calendar).
/// </summary>
internal static class JsonFields
{
    private static readonly JsonSerializerOptions Options = JournalJsonContext.Strict;
    private static readonly MoneyConverter Amounts = new();

    /// <summary>Moves to the next member's value if the next member is <paramref name="name"/>.</summary>
    public static bool Member(ref Utf8JsonReader r, ReadOnlySpan<byte> name) =>
        r.Read() && r.TokenType == JsonTokenType.PropertyName && r.ValueTextEquals(name) && r.Read();

    /// <summary>Moves past the end of the object whose last member was read.</summary>
    public static bool End(ref Utf8JsonReader r) => r.Read() && r.TokenType == JsonTokenType.EndObject;

    public static bool String(ref Utf8JsonReader r, ReadOnlySpan<byte> name, [NotNullWhen(true)] out string? value)
    {
        value = Member(ref r, name) && r.TokenType == JsonTokenType.String ? Text(ref r) : null;
        return value is not null;
    }

    public static bool NullableString(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        if (!Member(ref r, name))
        {
            return false;
        }

        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        value = r.TokenType == JsonTokenType.String ? Text(ref r) : null;
        return value is not null;
    }

    public static bool Id(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out EntryId value) => Parsed(ref r, name, static s => new EntryId(s), out value);

    public static bool NullableId(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out EntryId? value) => NullableParsed(ref r, name, static s => new EntryId(s), out value);

    public static bool Customer(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out CustomerId value) => Parsed(ref r, name, static s => new CustomerId(s), out value);

    public static bool NullableCustomer(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out CustomerId? value) =>
        NullableParsed(ref r, name, static s => new CustomerId(s), out value);

    public static bool Int(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out int value)
    {
        value = 0;
        return Member(ref r, name) && r.TokenType == JsonTokenType.Number && r.TryGetInt32(out value);
    }

    /// <summary>A date as <c>yyyy-MM-dd</c> (the ISO pattern the general path reads, for the years 1 to 9999).</summary>
    public static bool Date(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out LocalDate value)
    {
        value = default;
        return Member(ref r, name) && DateValue(ref r, out value);
    }

    public static bool NullableDate(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out LocalDate? value)
    {
        value = null;
        if (!Member(ref r, name))
        {
            return false;
        }

        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!DateValue(ref r, out var date))
        {
            return false;
        }

        value = date;
        return true;
    }

    /// <summary>Money through the format's own converter (<see cref="MoneyConverter"/>), which both paths share.</summary>
    public static bool Money(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out Money value)
    {
        value = default;
        if (!Member(ref r, name) || r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        value = Amounts.Read(ref r, typeof(Money), Options);
        return true;
    }

    /// <summary>An enum member by its exact name (the general path also reads other spellings; they take that path).</summary>
    public static bool Enum<T>(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out T value)
        where T : struct, Enum
    {
        value = default;
        return Member(ref r, name) && r.TokenType == JsonTokenType.String && EnumNames<T>.TryRead(ref r, out value);
    }

    /// <summary>An installment reference: <c>{"item":…,"number":…}</c>.</summary>
    public static bool Ref(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out Ledger.InstallmentRef value)
    {
        value = default;
        if (!Member(ref r, name) || r.TokenType != JsonTokenType.StartObject
            || !Id(ref r, "item"u8, out var item) || !Int(ref r, "number"u8, out var number) || !End(ref r))
        {
            return false;
        }

        value = new Ledger.InstallmentRef(item, number);
        return true;
    }

    /// <summary>A nested value through its source-generated metadata (the general path's own reading of it).</summary>
    public static bool Value<T>(ref Utf8JsonReader r, ReadOnlySpan<byte> name, JsonTypeInfo<T> info, bool nullable, out T? value)
        where T : class
    {
        value = null;
        if (!Member(ref r, name))
        {
            return false;
        }

        if (r.TokenType == JsonTokenType.Null)
        {
            return nullable;
        }

        value = JsonSerializer.Deserialize(ref r, info);
        return value is not null;
    }

    public static bool String(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value, bool nullable)
    {
        if (value is null)
        {
            if (!nullable)
            {
                return false;
            }

            w.WriteNull(name);
            return true;
        }

        w.WriteString(name, value);
        return true;
    }

    public static bool Id(Utf8JsonWriter w, ReadOnlySpan<byte> name, EntryId value) => Identifier(w, name, value.Value);

    public static bool Id(Utf8JsonWriter w, ReadOnlySpan<byte> name, EntryId? value)
    {
        if (value is { } id)
        {
            return Identifier(w, name, id.Value);
        }

        w.WriteNull(name);
        return true;
    }

    public static bool Customer(Utf8JsonWriter w, ReadOnlySpan<byte> name, CustomerId value) => Identifier(w, name, value.Value);

    public static bool Customer(Utf8JsonWriter w, ReadOnlySpan<byte> name, CustomerId? value)
    {
        if (value is { } id)
        {
            return Identifier(w, name, id.Value);
        }

        w.WriteNull(name);
        return true;
    }

    public static bool Date(Utf8JsonWriter w, ReadOnlySpan<byte> name, LocalDate value)
    {
        if (value.Calendar != CalendarSystem.Iso || value.Year is < 1 or > 9999)
        {
            return false;
        }

        Span<byte> text = stackalloc byte[10];
        Digits(text[..4], value.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), value.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), value.Day);
        w.WriteString(name, text);
        return true;
    }

    public static bool Date(Utf8JsonWriter w, ReadOnlySpan<byte> name, LocalDate? value)
    {
        if (value is { } date)
        {
            return Date(w, name, date);
        }

        w.WriteNull(name);
        return true;
    }

    /// <summary>Money through the format's own converter; a default amount (no currency) is the general path's to refuse.</summary>
    public static bool Money(Utf8JsonWriter w, ReadOnlySpan<byte> name, Money value)
    {
        if (value.Currency.IsDefault)
        {
            return false;
        }

        w.WritePropertyName(name);
        Amounts.Write(w, value, Options);
        return true;
    }

    public static bool Enum<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, T value)
        where T : struct, Enum
    {
        if (!EnumNames<T>.TryName(value, out var text))
        {
            return false;
        }

        w.WriteString(name, text);
        return true;
    }

    public static bool Ref(Utf8JsonWriter w, ReadOnlySpan<byte> name, Ledger.InstallmentRef value)
    {
        w.WriteStartObject(name);
        if (!Id(w, "item"u8, value.Item))
        {
            return false;
        }

        w.WriteNumber("number"u8, value.Number);
        w.WriteEndObject();
        return true;
    }

    public static bool Value<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, T? value, JsonTypeInfo<T> info, bool nullable)
        where T : class
    {
        if (value is null)
        {
            if (!nullable)
            {
                return false;
            }

            w.WriteNull(name);
            return true;
        }

        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, info);
        return true;
    }

    /// <summary>A string member read through the value's own validating constructor (as the general path's converter does).</summary>
    private static bool Parsed<T>(ref Utf8JsonReader r, ReadOnlySpan<byte> name, Func<string, T> parse, out T value)
        where T : struct
    {
        value = default;
        if (!String(ref r, name, out var text))
        {
            return false;
        }

        value = parse(text);
        return true;
    }

    private static bool NullableParsed<T>(ref Utf8JsonReader r, ReadOnlySpan<byte> name, Func<string, T> parse, out T? value)
        where T : struct
    {
        value = null;
        if (!NullableString(ref r, name, out var text))
        {
            return false;
        }

        value = text is null ? null : parse(text);
        return true;
    }

    /// <summary>The string value the reader stands on (a JSON string), as <see cref="Text"/> reads it.</summary>
    public static string TextValue(ref Utf8JsonReader r) => Text(ref r);

    /// <summary>The enum member whose exact name the string value the reader stands on is.</summary>
    public static bool EnumValue<T>(ref Utf8JsonReader r, out T value)
        where T : struct, Enum => EnumNames<T>.TryRead(ref r, out value);

    /// <summary>The string the reader stands on; a short ASCII one shared with its earlier reads (<see cref="ShortTexts"/>).</summary>
    private static string Text(ref Utf8JsonReader r) =>
        !r.ValueIsEscaped && !r.HasValueSequence && ShortTexts.Get(r.ValueSpan) is { } shared ? shared : r.GetString()!;

    private static bool Identifier(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        w.WriteString(name, value);
        return true;
    }

    private static bool DateValue(ref Utf8JsonReader r, out LocalDate value)
    {
        value = default;
        if (r.TokenType != JsonTokenType.String || r.HasValueSequence || r.ValueIsEscaped)
        {
            return false;
        }

        return IsoDate(r.ValueSpan, out value);
    }

    /// <summary>
    /// A date as the journal writes it, <c>yyyy-MM-dd</c> of the ISO calendar in years 1 to 9999, from its UTF-8 bytes; the
    /// one rule of both the token readers and the byte reader (<see cref="WrittenShapeReader"/>).
    /// </summary>
    internal static bool IsoDate(ReadOnlySpan<byte> text, out LocalDate value)
    {
        value = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        value = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static void Digits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>An enum's member names as written (the names themselves, as the strict converter writes them).</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        private static readonly T[] Values = System.Enum.GetValues<T>();
        private static readonly byte[][] Names = [.. Values.Select(v => System.Text.Encoding.UTF8.GetBytes(System.Enum.GetName(v)!))];

        public static bool TryRead(ref Utf8JsonReader r, out T value)
        {
            for (var i = 0; i < Names.Length; i++)
            {
                if (r.ValueTextEquals(Names[i]))
                {
                    value = Values[i];
                    return true;
                }
            }

            value = default;
            return false;
        }

        public static bool TryName(T value, out ReadOnlySpan<byte> name)
        {
            for (var i = 0; i < Values.Length; i++)
            {
                if (EqualityComparer<T>.Default.Equals(Values[i], value))
                {
                    name = Names[i];
                    return true;
                }
            }

            name = default;
            return false;
        }
    }
}

/// <summary>
/// Collects the items of a JSON array into a reused per-thread buffer and hands them out as one exact-size
/// <see cref="ValueList{T}"/> (the list the entry keeps; no growing list and no second copy). Not reentrant per item type.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal static class ArrayCollector<T>
{
    [ThreadStatic]
    private static T[]? t_buffer;

    [ThreadStatic]
    private static int t_count;

    public static void Start() => t_count = 0;

    public static void Add(T item)
    {
        var buffer = t_buffer ??= new T[8];
        if (t_count == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
            t_buffer = buffer;
        }

        buffer[t_count++] = item;
    }

    public static ValueList<T> ToList()
    {
        var list = ValueList<T>.Copy(t_buffer.AsSpan(0, t_count));
        if (t_buffer is { Length: > 1024 })
        {
            t_buffer = null;
        }
        else if (t_buffer is not null && System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(t_buffer, 0, t_count);
        }

        t_count = 0;
        return list;
    }
}

/// <summary>
/// Short ASCII strings read before on this thread, by their UTF-8 bytes (a direct-mapped table of 512): the keys, letter ids
/// and reasons that repeat across journals become one string each instead of one per record, which keeps the loaded views
/// smaller. A string is immutable, so sharing it changes nothing a reader can see; non-ASCII or long text is not shared.
/// </summary>
internal static class ShortTexts
{
    private const int MaxLength = 32;
    private const int Slots = 512;

    [ThreadStatic]
    private static string?[]? t_table;

    /// <summary>The string of <paramref name="utf8"/>, or <see langword="null"/> when it is not short ASCII.</summary>
    public static string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || !System.Text.Ascii.IsValid(utf8))
        {
            return null;
        }

        var hash = (uint)utf8.Length;
        foreach (var b in utf8)
        {
            hash = unchecked((hash * 31) + b);
        }

        var table = t_table ??= new string?[Slots];
        ref var slot = ref table[hash % Slots];
        if (slot is { } known && known.Length == utf8.Length && System.Text.Ascii.Equals(utf8, known))
        {
            return known;
        }

        return slot = System.Text.Encoding.ASCII.GetString(utf8);
    }
}
