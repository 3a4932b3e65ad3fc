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
    /// <summary>The items; <c>default</c> for a list of one item, which is held in <see cref="_single"/> (D13.172).</summary>
    private readonly ImmutableArray<T> _items;

    /// <summary>The item of a list of one: no array behind it, so a one-notice letter or a one-installment invoice keeps one object fewer.</summary>
    private readonly T _single = default!;

    private ValueList(ImmutableArray<T> items) => _items = items;

    private ValueList(T single) => _single = single;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(ImmutableArray<T>.Empty);

    /// <inheritdoc />
    public int Count => _items.IsDefault ? 1 : _items.Length;

    /// <inheritdoc />
    public T this[int index] => Span[index];

    /// <summary>The items as a span (over the one field for a list of one).</summary>
    private ReadOnlySpan<T> Span => _items.IsDefault ? new ReadOnlySpan<T>(in _single) : _items.AsSpan();

    /// <summary>Wraps an immutable array without copying it (readers that collected the items themselves).</summary>
    public static ValueList<T> Of(ImmutableArray<T> items) => items.IsDefaultOrEmpty ? Empty : new ValueList<T>(items);

    /// <summary>Copies the items of a span into a value list; one item is held without an array.</summary>
    public static ValueList<T> Copy(ReadOnlySpan<T> items) => items.Length switch
    {
        0 => Empty,
        1 => new ValueList<T>(items[0]),
        _ => new ValueList<T>(ImmutableArray.Create(items)),
    };

    /// <summary>Copies a sequence into a value list; <see langword="null"/> gives the empty list.</summary>
    public static ValueList<T> From(IEnumerable<T>? items) => items switch
    {
        null => Empty,
        ValueList<T> list => list,
        IReadOnlyList<T> { Count: 1 } one => new ValueList<T>(one[0]),
        _ => new ValueList<T>([.. items]),
    };

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || Span.SequenceEqual(other.Span, EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Span)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.IsDefault ? One() : ((IEnumerable<T>)_items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<T> One()
    {
        yield return _single;
    }
}
