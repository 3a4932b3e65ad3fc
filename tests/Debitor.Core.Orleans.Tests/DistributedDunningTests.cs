using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Orleans.Runtime;

namespace Debitor.Core.Orleans.Tests;

/// <summary>One cluster of two silos over the CLI's sample portfolio, shared by the tests that do not stop a silo.</summary>
public sealed class TwoSiloFixture : IAsyncLifetime
{
    internal SampleCluster Sample { get; private set; } = null!;

    public async Task InitializeAsync() => Sample = await SampleCluster.StartAsync(2);

    public async Task DisposeAsync() => await Sample.DisposeAsync();
}

[CollectionDefinition(nameof(TwoSiloCollection))]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloFixture>;

[Collection(nameof(TwoSiloCollection))]
public sealed class DistributedDunningTests(TwoSiloFixture fixture)
{
    private SampleCluster Sample => fixture.Sample;

    [Fact]
    public async Task PreviewAsync_SamplePortfolio_EqualsInProcessProposalLetterForLetter()
    {
        var request = Sample.Request("equal-run");
        var expected = await Sample.Host.Dunning.PreviewAsync(Sample.Host.Actor, request);

        // The payer K-10001 and its employee K-10002 live on different silos: activate them, and activate the payer again
        // until placement put it on the other silo.
        var payer = Grain("K-10001");
        await Grain("K-10002").LoadAsync();
        await payer.LoadAsync();
        for (var attempt = 0; attempt < 40 && await SiloOfAsync("K-10001") == await SiloOfAsync("K-10002"); attempt++)
        {
            // Deactivation completes asynchronously: give it a moment, or the next call reaches the old activation again.
            await Sample.Cluster.DeactivateAsync(payer);
            await Task.Delay(TimeSpan.FromMilliseconds(25));
            await payer.LoadAsync();
        }

        Assert.NotEqual(await SiloOfAsync("K-10001"), await SiloOfAsync("K-10002"));

        var proposal = await Sample.Dunning(new ClusterDunningOptions { BatchSize = 16 }).PreviewAsync(Sample.Host.Actor, request);

        Assert.NotEmpty(expected.Letters);
        Assert.Contains(expected.Letters, l => l.RecipientId == new CustomerId("K-10001") && l.Customers.Count > 1);
        Assert.Equal(
            expected.Letters.Select(l => DunningLetterSnapshot.Of(l).Describe()),
            proposal.Letters.Select(l => l.Describe()));
        Assert.Equal(
            expected.Excluded.Select(l => DunningLineSnapshot.Of(l).Describe()),
            proposal.Excluded.Select(l => l.Describe()));
        Assert.Equal(expected.NoticeCount, proposal.NoticeCount);
        Assert.Equal(expected.UnreadableAccounts.Count, proposal.UnreadableAccounts.Count);
    }

    [Fact]
    public async Task PreviewAsync_OneCustomerRoutingToPayer_EqualsInProcessProposal()
    {
        var request = Sample.Request("one-customer") with { Customer = new CustomerId("K-10003") };
        var expected = await Sample.Host.Dunning.PreviewAsync(Sample.Host.Actor, request);

        var proposal = await Sample.Dunning().PreviewAsync(Sample.Host.Actor, request);

        Assert.Equal(
            expected.Letters.Select(l => DunningLetterSnapshot.Of(l).Describe()),
            proposal.Letters.Select(l => l.Describe()));
        Assert.Equal(
            expected.Excluded.Select(l => DunningLineSnapshot.Of(l).Describe()),
            proposal.Excluded.Select(l => l.Describe()));
    }

    [Fact]
    public async Task PreviewAsync_ByLevelAndBranch_EqualsInProcessProposal()
    {
        var request = Sample.Request("level-two") with { Level = 2, PostFees = true, Mode = DunningRunMode.Automatic };
        var expected = await Sample.Host.Dunning.PreviewAsync(Sample.Host.Actor, request);

        var proposal = await Sample.Dunning(new ClusterDunningOptions { BatchSize = 7, ParallelBatches = 3 }).PreviewAsync(Sample.Host.Actor, request);

        Assert.Equal(
            expected.Letters.Select(l => DunningLetterSnapshot.Of(l).Describe()),
            proposal.Letters.Select(l => l.Describe()));
        Assert.Equal(expected.Excluded.Count, proposal.Excluded.Count);
    }

    private ICustomerAccountGrain Grain(string customer) =>
        Sample.Cluster.Client.GetGrain<ICustomerAccountGrain>(AccountGrainKey.Format(Sample.Host.Company, new CustomerId(customer)));

    private async Task<SiloAddress> SiloOfAsync(string customer)
    {
        var management = Sample.Cluster.Client.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var id = Grain(customer).GetGrainId();
        return statistics.Single(s => s.GrainId == id).SiloAddress;
    }
}
