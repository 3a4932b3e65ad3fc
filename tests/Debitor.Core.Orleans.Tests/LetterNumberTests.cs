using Debitor.Core.Dunning;

namespace Debitor.Core.Orleans.Tests;

/// <summary>The letter number (issue 17) travels with a processed letter's snapshot (D19.40).</summary>
public sealed class LetterNumberTests
{
    [Fact(Timeout = 150_000)]
    public async Task ProcessAsync_SamplePortfolio_IssuedLetterCarriesTheNumberTheInProcessRunGives()
    {
        await using var sample = await SampleCluster.StartAsync(1);
        var reference = await SampleCluster.LoadSampleAsync();
        var dunning = sample.Dunning(new ClusterDunningOptions { BatchSize = 5, ParallelBatches = 2 });

        // A run for one customer issues one letter: the cluster gives it the very number the in-process run gives it.
        var all = await reference.Dunning.PreviewAsync(reference.Actor, sample.Request("look"));
        var single = all.Letters.First(l => l.Customers.Count == 1 && l.RecipientId == l.Customers[0]);
        var one = sample.Request("numbered-one") with { Customer = single.RecipientId };
        var referenceOne = await reference.Dunning.ProcessAsync(reference.Actor, await reference.Dunning.PreviewAsync(reference.Actor, one));
        var proposalOne = await dunning.PreviewAsync(sample.Host.Actor, one);
        var resultOne = await dunning.ProcessAsync(sample.Host.Actor, proposalOne);

        var expected = Assert.Single(referenceOne.Issued).Number;
        Assert.NotNull(expected);
        Assert.Null(Assert.Single(proposalOne.Letters).Number);
        Assert.Equal(expected.Value.ToString(), Assert.Single(resultOne.Issued).Number);
        Assert.Equal(DunningLetterSnapshot.Of(referenceOne.Issued[0]).Describe(), resultOne.Issued[0].Describe());

        // A company-wide run: every issued letter's snapshot states the number its journal records, and the run's letters
        // get the numbers the in-process run gives them (which letter gets which follows the order of issue, D19.7).
        var company = sample.Request("numbered-all");
        var referenceAll = await reference.Dunning.ProcessAsync(reference.Actor, await reference.Dunning.PreviewAsync(reference.Actor, company));
        var resultAll = await dunning.ProcessAsync(sample.Host.Actor, await dunning.PreviewAsync(sample.Host.Actor, company));

        var journal = await SiloFailureTests.NumbersAsync(sample.Host.Store, sample.Host.Company);
        Assert.True(resultAll.Issued.Count > 10, $"{resultAll.Issued.Count} letters");
        Assert.All(resultAll.Issued, l => Assert.Equal(journal[l.Id].ToString(), l.Number));
        Assert.Equal(
            referenceAll.Issued.Select(l => l.Number.ToString()).Order(StringComparer.Ordinal),
            resultAll.Issued.Select(l => l.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_PreviewedLetter_CarriesNoNumber_AndDescribesLikeTheIssuedOne()
    {
        var snapshot = new DunningLetterSnapshot
        {
            Id = "run/K-1/EUR", Recipient = "K-1", Customers = ["K-1"], Currency = "EUR", Level = 1, Scheme = "default",
            HeaderTextKey = "h", FooterTextKey = "f", LetterDate = "2026-11-23", PaymentDeadline = "2026-12-07", Medium = "Letter",
            Debtors = [], Lines = [], ItemsNotYetDue = [], Credits = [], Fees = [], OverdueTotal = 10m, CreditTotal = 0m,
            FeeTotal = 0m, InterestTotal = 0m, TotalDue = 10m, NotYetDueTotal = 0m, NoticeCount = 1, Attachments = "None",
        };
        var issued = snapshot with { Number = "2026-000042" };

        Assert.Null(snapshot.Number);
        Assert.NotEqual(snapshot, issued);
        Assert.Equal(snapshot.Describe(), issued.Describe());
    }
}
