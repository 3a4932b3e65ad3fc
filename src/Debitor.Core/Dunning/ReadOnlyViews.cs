using System.Collections.ObjectModel;

namespace Debitor.Core.Dunning;

/// <summary>Read-only views of the lists the dunning engine exposes (issue 12, D12.10): a cast cannot modify them.</summary>
internal static class ReadOnlyViews
{
    /// <summary>The list itself when it cannot be modified, else a read-only wrapper around it (no copy).</summary>
    internal static IReadOnlyList<T> Of<T>(IReadOnlyList<T> source) => source switch
    {
        ReadOnlyCollection<T> view => view,
        T[] { Length: 0 } => ReadOnlyCollection<T>.Empty,
        IList<T> list => new ReadOnlyCollection<T>(list),
        _ => source,
    };
}
