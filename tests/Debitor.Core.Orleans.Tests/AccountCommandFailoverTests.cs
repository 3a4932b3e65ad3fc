using Orleans.Runtime;

namespace Debitor.Core.Orleans.Tests;

/// <summary>A command whose silo dies after the entries were stored and before the answer left: the retry writes nothing twice.</summary>
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

    private static async Task<SiloAddress> SiloOfAsync(SampleCluster sample, CustomerId customer)
    {
        var grain = sample.Cluster.Client.GetGrain<ICustomerAccountGrain>(AccountGrainKey.Format(AccountCommandTests.Company, customer));
        await grain.LoadAsync();
        var statistics = await sample.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId == grain.GetGrainId()).SiloAddress;
    }
}
