using Ardalis.GuardClauses;
using Debitor.Core.Credit;
using Debitor.Core.Ledger;

namespace Debitor.Core.Figures;

/// <summary>
/// Aging buckets of the open items (R0.11): every open installment of every claim goes, with its open amount, into the
/// bucket of its days overdue; unapplied credits are reported beside the buckets.
/// </summary>
/// <remarks>The buckets of a currency add up to the open claims in it, always. Pure functions; thread-safe.</remarks>
public static class Aging
{
    /// <summary>The aging of one customer.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The date days overdue are counted to.</param>
    /// <param name="schedule">The buckets.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AgingReport ForAccount(CustomerAccount account, LocalDate asOf, AgingSchedule schedule) =>
        ForAccounts([Guard.Against.Null(account)], asOf, schedule);

    /// <summary>The aging across customers: the buckets of every account added per currency.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <param name="asOf">The date days overdue are counted to.</param>
    /// <param name="schedule">The buckets.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument or an account is <see langword="null"/>.</exception>
    public static AgingReport ForAccounts(IEnumerable<CustomerAccount> accounts, LocalDate asOf, AgingSchedule schedule)
    {
        Guard.Against.Null(accounts);
        Guard.Against.Null(schedule);
        var sums = new Sums(schedule.Buckets.Count);
        var asOfKey = DateKey.Of(asOf);
        var thresholdKeys = schedule.Thresholds(asOf).Select(DateKey.Of).ToArray();
        var count = 0;
        foreach (var account in accounts)
        {
            Guard.Against.Null(account, nameof(accounts));
            Add(account, asOfKey, thresholdKeys, sums);
            count++;
        }

        return new AgingReport(schedule, asOf, count, sums.Lines());
    }

    private static void Add(CustomerAccount account, int asOfKey, int[] thresholdKeys, Sums sums)
    {
        foreach (var item in CreditControl.ItemsOf(account))
        {
            var value = item.OpenValue;
            if (decimal.Sign(value) == 0)
            {
                continue; // closed, written off, reversed or returned
            }

            var slot = sums.SlotOf(item.Currency);
            if (!item.IsClaim)
            {
                slot[^1].Add(value);
                continue;
            }

            var installments = item.InstallmentStates;
            if (installments.Length == 1)
            {
                slot[BucketOf(DateKey.Of(installments[0].DueDate), asOfKey, thresholdKeys)].Add(value);
                continue;
            }

            foreach (var installment in installments)
            {
                if (decimal.Sign(installment.OpenValue) != 0)
                {
                    slot[BucketOf(DateKey.Of(installment.DueDate), asOfKey, thresholdKeys)].Add(installment.OpenValue);
                }
            }
        }
    }

    /// <summary>0 for not due (due on or after the as-of date), k + 1 for due on or after the k-th threshold, the last bucket otherwise.</summary>
    private static int BucketOf(int dueKey, int asOfKey, int[] thresholdKeys)
    {
        if (dueKey >= asOfKey)
        {
            return 0;
        }

        for (var k = 0; k < thresholdKeys.Length; k++)
        {
            if (dueKey >= thresholdKeys[k])
            {
                return k + 1;
            }
        }

        return thresholdKeys.Length + 1;
    }

    /// <summary>Bucket sums per currency; the last element of a slot holds the unapplied credits.</summary>
    private sealed class Sums(int buckets)
    {
        private readonly List<(Currency Currency, ExactSum[] Slot)> _slots = [];
        private Currency _lastCurrency;
        private ExactSum[]? _lastSlot;

        public ExactSum[] SlotOf(Currency currency)
        {
            if (_lastSlot is not null && _lastCurrency.Equals(currency))
            {
                return _lastSlot;
            }

            foreach (var (known, slot) in _slots)
            {
                if (known.Equals(currency))
                {
                    _lastCurrency = currency;
                    return _lastSlot = slot;
                }
            }

            var added = new ExactSum[buckets + 1];
            for (var i = 0; i < added.Length; i++)
            {
                added[i] = new ExactSum();
            }

            _slots.Add((currency, added));
            _lastCurrency = currency;
            return _lastSlot = added;
        }

        public List<AgingLine> Lines() =>
        [
            .. _slots
                .OrderBy(s => s.Currency.Code, StringComparer.Ordinal)
                .Select(s => new AgingLine(
                    s.Currency,
                    [.. s.Slot.Take(buckets).Select(sum => new Money(sum.Value, s.Currency))],
                    new Money(s.Slot[^1].Value, s.Currency))),
        ];
    }
}
