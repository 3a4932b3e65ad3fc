using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Sqlite;
using Debitor.Core.Tests.Storage;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// D16.280: on a SQLite store whose database holds the letter number sequence, processing appends a batch's notices and
/// claims its letters' numbers in one write. The journals, numbers and delivered letters are those of the two writes a
/// separate sequence needs; a claim that fails (a letter numbered before) leaves nothing and takes the two writes.
/// </summary>
public sealed class NumberedWithNoticesTests : IDisposable
{
    private readonly TempDatabase _shared = new();
    private readonly TempDatabase _separate = new();

    public void Dispose()
    {
        _shared.Dispose();
        _separate.Dispose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(DunningService.LettersPerBatch)]
    public async Task Process_SequenceInTheStoresDatabase_EachBatchNumberedWithItsNotices_SameStateAsTwoWrites(int batchSize)
    {
        var (shared, _) = await FixtureAsync(_shared, sequenceInStore: true, batchSize);
        var (separate, _) = await FixtureAsync(_separate, sequenceInStore: false, batchSize);

        var one = await shared.Dunning.ProcessAsync(Accountant, await shared.Dunning.PreviewAsync(Accountant, DunningBatchTests.Request));
        var two = await separate.Dunning.ProcessAsync(Accountant, await separate.Dunning.PreviewAsync(Accountant, DunningBatchTests.Request));

        Assert.Equal(7, one.Issued.Count);
        Assert.Equal(Enumerable.Range(1, 7), one.Issued.Select(l => l.Number!.Value.Sequence));
        Assert.Equal((7 + batchSize - 1) / batchSize, shared.Dunning.BatchesNumberedWithNotices);
        Assert.Equal(0, separate.Dunning.BatchesNumberedWithNotices);
        Assert.Equal(await DunningBatchTests.StateAsync(separate, two), await DunningBatchTests.StateAsync(shared, one));
    }

    [Fact]
    public async Task Process_ALetterNumberedBeforeItsNotices_ItsBatchTakesTwoWrites_TheLetterKeepsItsNumber()
    {
        var (fixture, sequence) = await FixtureAsync(_shared, sequenceInStore: true, batchSize: 3);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, DunningBatchTests.Request);
        var early = proposal.Letters[4]; // the second batch's second letter, numbered as a crash after numbering left it
        Assert.Equal(new LetterNumber(2026, 1), await sequence.NumberAsync(Company, 2026, early.Id, CancellationToken.None));

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(2, fixture.Dunning.BatchesNumberedWithNotices);
        Assert.Equal(1, result.Issued.Single(l => l.Id == early.Id).Number!.Value.Sequence);
        Assert.Equal(Enumerable.Range(1, 7), result.Issued.Select(l => l.Number!.Value.Sequence).Order());
        Assert.Equal(new[] { 2, 3, 4, 5, 1, 6, 7 }, result.Issued.Select(l => l.Number!.Value.Sequence));
        foreach (var letter in result.Issued)
        {
            Assert.Equal(letter.Number, (await fixture.LoadAsync(letter.RecipientId)).LetterNumberOf(letter.Id));
        }
    }

    private static async Task<(DunningFixture Fixture, SqliteLetterNumberSequence Sequence)> FixtureAsync(TempDatabase file, bool sequenceInStore, int batchSize)
    {
        var store = await file.OpenStoreAsync();
        var sequence = new SqliteLetterNumberSequence(sequenceInStore ? file.ConnectionString : $"Data Source={file.Path}-numbers.db");
        await sequence.EnsureSchemaAsync(CancellationToken.None);
        var fixture = await DunningBatchTests.PortfolioAsync(store, sequence);
        fixture.Dunning.BatchSize = batchSize;
        return (fixture, sequence);
    }
}
