using System.Collections.Immutable;
using Debitor.Core.Ledger;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Support;

/// <summary>
/// D13.172: a value list of one item holds it without an array. Whichever way a list was made (copied from a span, from a
/// sequence, from an immutable array), lists with the same items have the same count, items, order, equality and hash.
/// </summary>
public sealed class ValueListProperties
{
    [Property(MaxTest = 300)]
    public void Of_AnyItems_EqualsTheListMadeEveryOtherWay(int[] items, int level)
    {
        items ??= [];
        var notices = items.Select(i => new DunningNotice(new InstallmentRef(new EntryId("i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), (i & 7) + 1), level)).ToArray();
        Check(items);
        Check(notices);
    }

    [Property(MaxTest = 200)]
    public void Equals_ListsWithDifferentItems_AreNotEqual(int first, int second)
    {
        var one = ValueList<int>.Copy([first]);
        var other = ValueList<int>.Of(ImmutableArray.Create(second));
        Assert.Equal(first == second, one.Equals(other));
        Assert.Equal(first == second, other.Equals((object)one));
        Assert.False(one.Equals(ValueList<int>.Copy([first, first])));
        Assert.False(ValueList<int>.Copy([first, first]).Equals(one));
    }

    [Fact]
    public void Indexer_BeyondTheOneItem_ThrowsAsAnArrayDoes()
    {
        var one = ValueList<string>.Copy(["a"]);
        var two = ValueList<string>.Copy(["a", "b"]);

        Assert.Throws<IndexOutOfRangeException>(() => one[1]);
        Assert.Throws<IndexOutOfRangeException>(() => one[-1]);
        Assert.Throws<IndexOutOfRangeException>(() => two[2]);
    }

    private static void Check<T>(T[] items)
    {
        var lists = new[]
        {
            ValueList<T>.Copy(items),
            ValueList<T>.From(items),
            ValueList<T>.From(items.ToList()),
            ValueList<T>.From(items.Select(i => i)),
            ValueList<T>.Of(ImmutableArray.Create(items)),
        };
        foreach (var list in lists)
        {
            Assert.Equal(items.Length, list.Count);
            Assert.Equal(items, list);
            Assert.Equal(items, Enumerable.Range(0, list.Count).Select(i => list[i]));
            Assert.Equal(items, ((System.Collections.IEnumerable)list).Cast<T>());
            foreach (var other in lists)
            {
                Assert.True(list.Equals(other));
                Assert.True(list.Equals((object)other));
                Assert.Equal(list.GetHashCode(), other.GetHashCode());
            }
        }
    }
}
