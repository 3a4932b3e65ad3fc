using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Communication;

/// <summary>How a <see cref="JournalTextArgument"/>'s value is stored and rendered.</summary>
public enum JournalTextArgumentKind
{
    /// <summary>Literal text (an id, a name, a note a user wrote), printed as stored.</summary>
    Text,

    /// <summary>An integer, stored invariant, printed in the reader's culture.</summary>
    Number,

    /// <summary>A date, stored ISO (<c>yyyy-MM-dd</c>), printed in the reader's culture (<c>23.11.2026</c>).</summary>
    Date,

    /// <summary>An amount, stored as <c>"1234.50 EUR"</c>, printed in the reader's culture (<c>1.234,50 €</c>).</summary>
    Money,

    /// <summary>A text key (e.g. an enum member's name), printed as that key's text in the reader's language.</summary>
    Key,

    /// <summary>A list of texts (<see cref="JournalTextArgument.Items"/>), each rendered, joined by "; ".</summary>
    List,
}

/// <summary>One named argument of a <see cref="JournalText"/>.</summary>
/// <param name="Name">The placeholder it fills (<c>{name}</c> in the text).</param>
/// <param name="Kind">How the value is stored and rendered.</param>
/// <param name="Value">The value in its language-neutral form (empty for a list).</param>
/// <param name="Items">For <see cref="JournalTextArgumentKind.List"/>: the texts; otherwise empty.</param>
public sealed record JournalTextArgument(string Name, JournalTextArgumentKind Kind, string Value, IReadOnlyList<JournalText> Items)
{
    private readonly IReadOnlyList<JournalText> _items = ValueList<JournalText>.From(Items);

    /// <summary>For a list: the texts, compared by content; otherwise empty.</summary>
    public IReadOnlyList<JournalText> Items
    {
        get => _items;
        init => _items = ValueList<JournalText>.From(value);
    }

    /// <summary>A literal text argument.</summary>
    internal static JournalTextArgument Of(string name, string value) => new(name, JournalTextArgumentKind.Text, value, []);

    /// <summary>A number argument.</summary>
    internal static JournalTextArgument Of(string name, int value) => new(name, JournalTextArgumentKind.Number, value.ToString(CultureInfo.InvariantCulture), []);

    /// <summary>A date argument.</summary>
    internal static JournalTextArgument Of(string name, LocalDate value) => new(name, JournalTextArgumentKind.Date, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), []);

    /// <summary>An amount argument.</summary>
    internal static JournalTextArgument Of(string name, Money value) =>
        new(name, JournalTextArgumentKind.Money, value.ToString(null, CultureInfo.InvariantCulture), []);

    /// <summary>A key argument: an enum member, as <c>{family}.{member in camel case}</c>.</summary>
    internal static JournalTextArgument Of<TEnum>(string name, string family, TEnum value)
        where TEnum : struct, Enum => new(name, JournalTextArgumentKind.Key, JournalText.EnumKey(family, value), []);

    /// <summary>A list argument.</summary>
    internal static JournalTextArgument Of(string name, IEnumerable<JournalText> items) => new(name, JournalTextArgumentKind.List, string.Empty, [.. items]);
}

/// <summary>
/// A text the library writes into the journal (a history subject, a note), stored as data: a text key and its
/// arguments, rendered when read in the reader's language (<see cref="JournalTexts"/>), so a German user never reads an
/// English history entry and an English one never a German.
/// </summary>
/// <param name="Key">The text key, e.g. <c>history.dueDate.changed</c>.</param>
/// <param name="Arguments">The values of its placeholders.</param>
/// <remarks>Immutable; compared by content.</remarks>
public sealed record JournalText(string Key, IReadOnlyList<JournalTextArgument> Arguments)
{
    private readonly string _key = Guard.Against.NullOrWhiteSpace(Key);
    private readonly IReadOnlyList<JournalTextArgument> _arguments = ValueList<JournalTextArgument>.From(Guard.Against.Null(Arguments));

    /// <summary>The text key.</summary>
    public string Key
    {
        get => _key;
        init => _key = Guard.Against.NullOrWhiteSpace(value, nameof(Key));
    }

    /// <summary>The arguments, compared by content.</summary>
    public IReadOnlyList<JournalTextArgument> Arguments
    {
        get => _arguments;
        init => _arguments = ValueList<JournalTextArgument>.From(Guard.Against.Null(value, nameof(Arguments)));
    }

    /// <summary>A text with arguments.</summary>
    internal static JournalText Of(string key, params JournalTextArgument[] arguments) => new(key, arguments);

    /// <summary>The key of an enum member: <c>{family}.{member in camel case}</c>.</summary>
    internal static string EnumKey<TEnum>(string family, TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return $"{family}.{char.ToLowerInvariant(name[0])}{name[1..]}";
    }
}
