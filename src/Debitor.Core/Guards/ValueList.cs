using System.Collections;
using System.Collections.Immutable;

namespace Debitor.Core;

/// <summary>
/// An immutable list with value equality, so that records holding lists compare by content.
/// Records expose it as <see cref="IReadOnlyList{T}"/>; record equality calls the virtual
/// <see cref="Equals(object)"/>, which compares element by element.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    private ValueList(ImmutableArray<T> items) => _items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>Wraps an immutable array without copying it (readers that collected the items themselves).</summary>
    public static ValueList<T> Of(ImmutableArray<T> items) => items.IsDefaultOrEmpty ? Empty : new ValueList<T>(items);

    /// <summary>Copies a sequence into a value list; <see langword="null"/> gives the empty list.</summary>
    public static ValueList<T> From(IEnumerable<T>? items) => items switch
    {
        null => Empty,
        ValueList<T> list => list,
        _ => new ValueList<T>([.. items]),
    };

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items.AsSpan(), EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
