using Debitor.Core.Ledger;

namespace Debitor.Core.Benchmarks.Ledger;

/// <summary>Measures the bytes the account view retains per item, beyond the journal it was built from.</summary>
public static class RetainedMemory
{
    public static void Report(int entries = 200_000)
    {
        var journal = SampleJournal.Create(entries);
        Settle();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var account = CustomerAccount.FromJournal(journal);
        Settle();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var items = account.Items.Count;
        Console.WriteLine($"journal entries: {journal.Count:N0}, items: {items:N0}, view retains {after - before:N0} bytes = {(after - before) / (double)items:F1} bytes per item");
        GC.KeepAlive(account);
        GC.KeepAlive(journal);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
