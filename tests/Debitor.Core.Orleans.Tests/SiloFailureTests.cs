using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;

namespace Debitor.Core.Orleans.Tests;

/// <summary>A run over two silos during which one silo is killed: it completes, every letter once, no notice lost or doubled.</summary>
public sealed class SiloFailureTests
{
    [Fact(Timeout = 150_000)]
    public async Task ProcessAsync_SiloKilledMidRun_EveryLetterIssuedOnceNoNoticeLostOrDoubled()
    {
        await using var sample = await SampleCluster.StartAsync(2);
        var actor = sample.Host.Actor;
        var request = sample.Request("failover-run");
        var dunning = sample.Dunning(new ClusterDunningOptions { BatchSize = 4, ParallelBatches = 2, RetryDelay = TimeSpan.FromMilliseconds(200) });
        var proposal = await dunning.PreviewAsync(actor, request);
        Assert.True(proposal.Letters.Count >= 10, $"the sample gives {proposal.Letters.Count} letters");

        // When a third of the letters went out, the second silo is killed; every later delivery waits until it is gone,
        // so the run is surely in the middle when the silo dies.
        var victim = sample.Cluster.Silos[1];
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killAt = proposal.Letters.Count / 3;
        sample.Output.OnDelivery = async count =>
        {
            if (count == killAt)
            {
                _ = Task.Run(async () =>
                {
                    await sample.Cluster.KillSiloAsync(victim);
                    killed.TrySetResult();
                });
            }
            else if (count > killAt)
            {
                await killed.Task;
            }
        };

        var result = await dunning.ProcessAsync(actor, proposal);

        Assert.True(killed.Task.IsCompleted);
        Assert.Single(sample.Cluster.GetActiveSilos());
        var letters = proposal.Letters.Select(l => l.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(letters, result.Issued.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            proposal.Letters.Select(l => l.Describe()),
            result.Issued.Select(l => l.Describe()));
        Assert.Empty(result.Removed);
        Assert.Empty(result.OutdatedLetters);
        Assert.Equal(letters, sample.Output.Handled.Order(StringComparer.Ordinal));

        // The journals hold exactly what the single-process run writes: every notice, fee and note once.
        var reference = await SampleCluster.LoadSampleAsync();
        var referenceProposal = await reference.Dunning.PreviewAsync(reference.Actor, request);
        var referenceResult = await reference.Dunning.ProcessAsync(reference.Actor, referenceProposal);
        Assert.Equal(letters, referenceResult.Issued.Select(l => l.Id).Order(StringComparer.Ordinal));
        var appended = await AssertSameJournalsAsync(reference.Store, sample.Host.Store, reference.Company);
        Assert.True(appended >= proposal.NoticeCount, $"{appended} entries appended for {proposal.NoticeCount} notices");

        // Letter numbers (issue 17): the silos share one sequence, as they share one database. Batches run in parallel, so
        // which letter of the run gets which number may differ from the single-process run; the history keeps its numbers,
        // and the run's letters get the same numbers as there: one each, gap-free after the history's.
        var referenceNumbers = await NumbersAsync(reference.Store, reference.Company);
        var numbers = await NumbersAsync(sample.Host.Store, sample.Host.Company);
        Assert.Equal(referenceNumbers.Keys.Order(StringComparer.Ordinal), numbers.Keys.Order(StringComparer.Ordinal));
        Assert.All(numbers.Where(n => !letters.Contains(n.Key)), n => Assert.Equal(referenceNumbers[n.Key], n.Value));
        Assert.Equal(
            letters.Select(l => referenceNumbers[l]).OrderBy(n => n.Sequence),
            letters.Select(l => numbers[l]).OrderBy(n => n.Sequence));
        Assert.Equal(numbers.Count, numbers.Values.Distinct().Count());

        // Processing the same proposal again (a retry of the whole run) issues nothing twice and leaves nothing undelivered.
        var again = await dunning.ProcessAsync(actor, proposal);
        Assert.Equal(letters, again.Issued.Select(l => l.Id).Order(StringComparer.Ordinal));
        await AssertSameJournalsAsync(reference.Store, sample.Host.Store, reference.Company);
        Assert.Equal(numbers, await NumbersAsync(sample.Host.Store, sample.Host.Company));
        Assert.Empty(await sample.Outbox.ListUndeliveredAsync(CancellationToken.None));
        Assert.Equal(letters, sample.Output.Handled.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Asserts both stores hold the same entries, account by account, a letter number compared by its letter only (the
    /// numbers are compared by <see cref="NumbersAsync"/>); returns how many entries the run appended.
    /// </summary>
    private static async Task<int> AssertSameJournalsAsync(Ports.ICustomerAccountStore expected, Ports.ICustomerAccountStore actual, CompanyId company)
    {
        var appended = 0;
        await foreach (var customer in expected.ListCustomersAsync(company, CancellationToken.None))
        {
            var want = (await expected.LoadAsync(customer, CancellationToken.None)).Select(r => Unnumbered(r.Entry)).ToList();
            var have = (await actual.LoadAsync(customer, CancellationToken.None)).Select(r => Unnumbered(r.Entry)).ToList();
            Assert.Equal(want, have);
            appended += want.Count(e => e.Contains("failover-run", StringComparison.Ordinal));
        }

        return appended;
    }

    /// <summary>The number each letter of the company got, from the journals.</summary>
    internal static async Task<Dictionary<string, LetterNumber>> NumbersAsync(Ports.ICustomerAccountStore store, CompanyId company)
    {
        var numbers = new Dictionary<string, LetterNumber>(StringComparer.Ordinal);
        await foreach (var customer in store.ListCustomersAsync(company, CancellationToken.None))
        {
            foreach (var numbered in (await store.LoadAsync(customer, CancellationToken.None)).Select(r => r.Entry).OfType<DunningLetterNumbered>())
            {
                numbers.Add(numbered.LetterId, numbered.Number);
            }
        }

        return numbers;
    }

    /// <summary>The entry as stored, a letter number's sequence set to 0.</summary>
    private static string Unnumbered(JournalEntry entry) =>
        JournalJson.Serialize(entry is DunningLetterNumbered numbered ? numbered with { Number = numbered.Number with { Sequence = 0 } } : entry);
}
