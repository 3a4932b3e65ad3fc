using Orleans.Runtime;

namespace Debitor.Core.Orleans.Tests;

/// <summary>
/// Commands on clusters of their own (they change the sample or stop a silo): a command whose silo dies after the entries
/// were stored and before the answer left, and a letter's cancellation over a payer's accounts.
/// </summary>
public sealed class AccountCommandFailoverTests
{
    [Fact(Timeout = 150_000)]
    public async Task ExecuteAsync_SiloKilledAfterAppendBeforeAnswer_RetryOnLiveSiloWritesEachEntryOnce()
    {
        await using var sample = await SampleCluster.StartAsync(2);
        var actor = sample.Host.Actor;
        var accounts = new ClusterAccounts(sample.Cluster.Client, AccountCommandTests.Company, new ClusterDunningOptions { RetryDelay = TimeSpan.FromMilliseconds(200) });

        // An account whose grain lives on the second silo (placement is by key, so one of a few ids lands there).
        var victim = sample.Cluster.Silos[1];
        CustomerId? customer = null;
        for (var i = 1; i <= 10 && customer is null; i++)
        {
            var candidate = new CustomerId("CMD-900" + i);
            await accounts.RegisterCustomerAsync(actor, AccountCommandTests.NewCustomer(candidate));
            if (await SiloOfAsync(sample, candidate) == victim.SiloAddress)
            {
                customer = candidate;
            }
        }

        Assert.NotNull(customer);
        var before = (await sample.Host.Store.LoadAsync(customer.Value, CancellationToken.None)).Count;

        // The posting is stored; then the silo running the grain is killed before the grain answers.
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sample.Store.AfterAppend = async appended =>
        {
            if (appended == customer.Value && !killed.Task.IsCompleted)
            {
                _ = Task.Run(async () =>
                {
                    await sample.Cluster.KillSiloAsync(victim);
                    killed.TrySetResult();
                });
                await killed.Task;
            }
        };

        var entries = new Ledger.JournalEntry[] { AccountCommandTests.Invoice(1), AccountCommandTests.Invoice(2) };
        var account = await accounts.PostAllAsync(actor, customer.Value, entries);

        Assert.True(killed.Task.IsCompleted);
        Assert.Single(sample.Cluster.GetActiveSilos());
        Assert.NotEqual(victim.SiloAddress, await SiloOfAsync(sample, customer.Value));
        var journal = await sample.Host.Store.LoadAsync(customer.Value, CancellationToken.None);
        Assert.Equal(before + entries.Length, journal.Count);
        Assert.Equal(AccountCommandTests.Entries(journal), AccountCommandTests.Entries(account.Journal));
        Assert.Equal(entries.Select(e => Serialization.JournalJson.Serialize(e)), AccountCommandTests.Entries(journal).Skip(before));
    }

    [Fact(Timeout = 150_000)]
    public async Task CancelLetterAsync_PayerLetterOverSeveralAccounts_CancelledOnEachAccountAsInProcess()
    {
        await using var sample = await SampleCluster.StartAsync(2);
        var actor = sample.Host.Actor;
        var request = sample.Request("cancel-run");
        var dunning = sample.Dunning();
        var proposal = await dunning.PreviewAsync(actor, request);
        await dunning.ProcessAsync(actor, proposal);
        var reference = await SampleCluster.LoadSampleAsync();
        await reference.Dunning.ProcessAsync(reference.Actor, await reference.Dunning.PreviewAsync(reference.Actor, request));
        var letter = proposal.Letters.FirstOrDefault(l => l.Customers.Count > 1) ?? throw new InvalidOperationException("The sample has no payer letter.");
        Assert.True(letter.NoticeCount > 0);
        var covered = letter.Customers.Append(letter.Recipient).Distinct(StringComparer.Ordinal).Select(c => new CustomerId(c)).ToList();

        // Listed with the payer last: the façade still runs the cancellation in the payer's grain.
        await new ClusterAccounts(sample.Cluster.Client, sample.Host.Company).CancelLetterAsync(actor, letter.Id, [.. covered.OrderByDescending(c => c == new CustomerId(letter.Recipient))], "Falsche Anschrift");
        await reference.Dunning.CancelLetterAsync(reference.Actor, letter.Id, covered, "Falsche Anschrift");

        foreach (var customer in covered)
        {
            // Each account that holds the letter's notices records the cancellation once; the entries equal the single-process ones.
            var cancelled = await CancelledAsync(sample.Host.Store, customer, letter.Id);
            Assert.Equal(await CancelledAsync(reference.Store, customer, letter.Id), cancelled);
            Assert.True((letter.Lines.Any(l => l.Customer == customer.Value && l.IssuesNotice) ? 1 : 0) == cancelled.Count, $"{customer}: {cancelled.Count} cancellations; letter {letter.Id}; lines {string.Join(";", letter.Lines.Select(l => l.Describe()))}");
        }
    }

    private static async Task<List<string>> CancelledAsync(Ports.ICustomerAccountStore store, CustomerId customer, string letter) =>
        [.. (await store.LoadAsync(customer, CancellationToken.None)).Select(r => r.Entry).OfType<Ledger.DunningLetterCancelled>().Where(c => c.LetterId == letter).Select(c => Serialization.JournalJson.Serialize(c))];

    private static async Task<SiloAddress> SiloOfAsync(SampleCluster sample, CustomerId customer)
    {
        var grain = sample.Cluster.Client.GetGrain<ICustomerAccountGrain>(AccountGrainKey.Format(AccountCommandTests.Company, customer));
        await grain.LoadAsync();
        var statistics = await sample.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId == grain.GetGrainId()).SiloAddress;
    }
}
