using Debitor.Core.Ports;

namespace Debitor.Core.Storage;

/// <summary>
/// One account's part of a batched append, checked and turned into rows before anything is written (compiled into each
/// database store, so every store refuses the same batches the same way).
/// </summary>
internal sealed record BatchPart(CustomerId Customer, long ExpectedVersion, string? Company, List<StoredRecord> Rows)
{
    /// <summary>
    /// Checks the whole batch (<see cref="JournalAppend.CheckBatch"/>, then every record as a single append would) and
    /// serializes it; parts without records are left out, as a single append of nothing does nothing.
    /// </summary>
    public static List<BatchPart> Prepare(IReadOnlyList<JournalAppend> appends)
    {
        JournalAppend.CheckBatch(appends);
        var parts = new List<BatchPart>(appends.Count);
        foreach (var append in appends)
        {
            var rows = StoredRecord.Prepare(append.Customer, append.ExpectedVersion, append.Records);
            if (rows.Count > 0)
            {
                parts.Add(new BatchPart(append.Customer, append.ExpectedVersion, ICustomerAccountStore.CompanyOf(append.Records)?.Value, rows));
            }
        }

        return parts;
    }
}
