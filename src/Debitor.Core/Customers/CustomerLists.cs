namespace Debitor.Core.Customers;

/// <summary>
/// Shortcuts of the list rules in <see cref="Customer"/>'s and <see cref="CustomerMasterData"/>'s <c>init</c> setters for
/// the lists they nearly always get — empty, or already in the rule's order — without LINQ or a copy (D16.181). Each
/// shortcut gives exactly what the rule's general form gives for the lists it takes and <see langword="null"/> (or
/// <see langword="false"/>) for every other list, which the setter then passes through the general form, so errors and
/// their messages are the setter's own. <c>CustomerListsTests</c> checks both forms against each other over random lists.
/// </summary>
internal static class CustomerLists
{
    /// <summary>
    /// The users as <see cref="Customer.FavouriteOf"/> keeps them: distinct, in the ordinal order of their values. A list
    /// whose values already ascend strictly (the empty one too) is that already: it is taken as it is.
    /// </summary>
    public static ValueList<UserId> SortedDistinct(IEnumerable<UserId> users)
    {
        if (users is IReadOnlyList<UserId> list && UsersAscend(list))
        {
            return list.Count == 0 ? ValueList<UserId>.Empty : ValueList<UserId>.From(list);
        }

        return SortedDistinctGeneral(users);
    }

    /// <summary>The general form of <see cref="SortedDistinct"/>: <c>Distinct</c>, then a stable ordinal sort by value.</summary>
    internal static ValueList<UserId> SortedDistinctGeneral(IEnumerable<UserId> users) =>
        ValueList<UserId>.From(users.Distinct().OrderBy(u => u.Value, StringComparer.Ordinal));

    /// <summary>
    /// The overrides as <see cref="Customer.DunningDays"/> keeps them when their levels already ascend strictly (the empty
    /// list too): a stable sort by level leaves them as they are, and no level is repeated. <see langword="null"/> for any
    /// other list (also one holding a <see langword="null"/>): the setter's general form sorts and checks it.
    /// </summary>
    public static ValueList<DunningDaysOverride>? InAscendingLevels(IEnumerable<DunningDaysOverride> days)
    {
        if (days is not IReadOnlyList<DunningDaysOverride> list)
        {
            return null;
        }

        if (list.Count == 0)
        {
            return ValueList<DunningDaysOverride>.Empty;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null || (i > 0 && list[i - 1].Level >= list[i].Level))
            {
                return null;
            }
        }

        return ValueList<DunningDaysOverride>.From(list);
    }

    /// <summary>How many of the list's elements are <paramref name="chosen"/>, by index (no enumerator).</summary>
    public static int CountOf<T>(ValueList<T> list, Func<T, bool> chosen)
    {
        var count = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (chosen(list[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static bool UsersAscend(IReadOnlyList<UserId> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (string.CompareOrdinal(list[i - 1].Value, list[i].Value) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
