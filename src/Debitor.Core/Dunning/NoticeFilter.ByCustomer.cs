namespace Debitor.Core.Dunning;

/// <summary>
/// The notices of a filter by customer, for storing each letter's source (D13.50, D16.60): a run's letters each ask for
/// the notices of their few accounts, so the filter's notices are grouped once instead of scanned once per letter.
/// </summary>
internal sealed partial class NoticeFilter
{
    private Dictionary<CustomerId, NoticeKey[]>? _byCustomer;

    /// <summary>
    /// The notices on the given customers' accounts, in a stable order (customer, item, installment, level, notices
    /// before). A filter is complete when its factory returns it, so the grouping is built once, on the first call.
    /// </summary>
    internal IReadOnlyList<NoticeKey> NoticesOf(IReadOnlySet<CustomerId> customers)
    {
        var byCustomer = LazyInitializer.EnsureInitialized(ref _byCustomer, Group);
        var result = new List<NoticeKey>();
        foreach (var customer in customers.Order(CustomerOrder.Instance))
        {
            if (byCustomer.TryGetValue(customer, out var notices))
            {
                result.AddRange(notices);
            }
        }

        return result;
    }

    private Dictionary<CustomerId, NoticeKey[]> Group() =>
        _notices
            .Select(n => new NoticeKey(n.Customer, n.Installment, n.Level, n.PreviousNotices, n.Open))
            .GroupBy(n => n.Customer)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(n => n.Installment.Item.Value, StringComparer.Ordinal)
                    .ThenBy(n => n.Installment.Number)
                    .ThenBy(n => n.Level)
                    .ThenBy(n => n.PreviousNotices)
                    .ToArray());

    /// <summary>Customers in ordinal order of their ids.</summary>
    private sealed class CustomerOrder : IComparer<CustomerId>
    {
        public static readonly CustomerOrder Instance = new();

        public int Compare(CustomerId x, CustomerId y) => string.CompareOrdinal(x.Value, y.Value);
    }
}
