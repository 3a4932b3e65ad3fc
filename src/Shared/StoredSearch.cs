using System.Data.Common;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Storage;

/// <summary>
/// Customer search over a database store (D14.26): one query reads the journals of the query's company (through the
/// company index), ordered by customer and version; each account is read like <c>LoadAsync</c> reads it and handed to the
/// shared <see cref="CustomerSearchCollector"/>, so the answer is the one <see cref="StoreCustomerSearch"/> gives.
/// </summary>
internal static class StoredSearch
{
    /// <summary>Reads rows (customer, head version, record version, recorded at, recorded by, payload) into hits.</summary>
    public static async Task<IReadOnlyList<CustomerSearchHit>> HitsAsync(DbDataReader reader, CustomerSearchQuery query, IAccountFaultLog faults, CancellationToken cancellationToken)
    {
        var collector = new CustomerSearchCollector(query, faults);
        CustomerId? current = null;
        long head = 0;
        var records = new List<JournalRecord>();
        CorruptJournalException? unreadable = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var customer = new CustomerId(reader.GetString(0));
            if (current != customer)
            {
                await FlushAsync(collector, current, head, records, unreadable, cancellationToken).ConfigureAwait(false);
                current = customer;
                head = reader.GetInt64(1);
                records = [];
                unreadable = null;
            }

            if (unreadable is not null || reader.IsDBNull(2))
            {
                continue;
            }

            try
            {
                records.Add(StoredRecord.Read(customer, records.Count + 1, reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }
            catch (CorruptJournalException exception)
            {
                unreadable = exception;
            }
        }

        await FlushAsync(collector, current, head, records, unreadable, cancellationToken).ConfigureAwait(false);
        return collector.Hits();
    }

    private static async Task FlushAsync(CustomerSearchCollector collector, CustomerId? customer, long head, List<JournalRecord> records, CorruptJournalException? unreadable, CancellationToken cancellationToken)
    {
        if (customer is not { } id)
        {
            return;
        }

        if (unreadable is null)
        {
            try
            {
                StoredRecord.CheckComplete(id, records.Count, head);
            }
            catch (CorruptJournalException exception)
            {
                unreadable = exception;
            }
        }

        await collector.AddAsync(id, unreadable is null ? records : null, unreadable, cancellationToken).ConfigureAwait(false);
    }
}
