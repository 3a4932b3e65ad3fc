using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Dunning;

/// <summary>
/// The notices a stored letter records (D13.50) come from a per-customer grouping of the filter (D16.60): the same notices
/// in the same order as a scan of every notice of the filter.
/// </summary>
public sealed class NoticeFilterByCustomerTests
{
    [Property(MaxTest = 200)]
    public bool NoticesOf_AnyNoticesAndCustomers_AreTheScanOfEveryNoticeInOrder((byte Customer, byte Item, byte Number, byte Level, byte Previous, short Open)[] notices, byte[] asked)
    {
        var keys = notices
            .Select(n => new NoticeKey(Customer(n.Customer), new InstallmentRef(new EntryId($"RE-{n.Item % 4}"), 1 + (n.Number % 3)), 1 + (n.Level % 3), n.Previous % 3, n.Open / 100m))
            .ToList();
        var customers = asked.Select(Customer).ToHashSet();
        var filter = NoticeFilter.Of(keys);

        var grouped = filter.NoticesOf(customers);

        // The scan the grouping replaces: every notice of the filter, those of the customers, ordered.
        var scanned = keys.Distinct()
            .Where(n => customers.Contains(n.Customer))
            .OrderBy(n => n.Customer.Value, StringComparer.Ordinal)
            .ThenBy(n => n.Installment.Item.Value, StringComparer.Ordinal)
            .ThenBy(n => n.Installment.Number)
            .ThenBy(n => n.Level)
            .ThenBy(n => n.PreviousNotices)
            .ToList();
        return grouped.Count == scanned.Count
            && grouped.ToHashSet().SetEquals(scanned)
            && grouped.Zip(scanned).All(p => p.First.Customer == p.Second.Customer && p.First.Installment == p.Second.Installment && p.First.Level == p.Second.Level && p.First.PreviousNotices == p.Second.PreviousNotices);
    }

    [Fact]
    public void NoticesOf_CalledForManyLetters_GivesEachLetterOnlyItsCustomersNotices()
    {
        var keys = Enumerable.Range(0, 50).Select(i => new NoticeKey(new CustomerId($"K{i}"), new InstallmentRef(new EntryId($"RE-{i}")), 1, 0, 10m + i)).ToList();
        var filter = NoticeFilter.Of(keys);

        var first = filter.NoticesOf(new HashSet<CustomerId> { new("K7") });

        // Ordinal order of the customer ids: "K30" before "K8".
        var second = filter.NoticesOf(new HashSet<CustomerId> { new("K8"), new("K30"), new("unbekannt") });

        Assert.Equal([keys[7]], first);
        Assert.Equal([keys[30], keys[8]], second);
    }

    private static CustomerId Customer(byte n) => new($"K{n % 12}");
}
