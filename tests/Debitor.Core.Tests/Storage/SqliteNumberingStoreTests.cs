using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Sqlite;
using static Debitor.Core.Testing.CustomerAccountStoreContract;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// D16.280: the SQLite store claims a batch's letter numbers in the transaction that appends the batch, or changes nothing:
/// not when an account moved on, when the year's last number is no longer the one claimed after, or when a letter has a
/// number already.
/// </summary>
public sealed class SqliteNumberingStoreTests : IDisposable
{
    private static readonly CompanyId Company = new("f-numbers");
    private static readonly CustomerId A = new("a");
    private static readonly CustomerId B = new("b");
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task SharesSequence_OnlyASequenceOnTheSameConnectionString()
    {
        var (store, sequence) = await OpenAsync();
        ILetterNumberingStore numbering = store;

        Assert.True(numbering.SharesSequence(sequence));
        Assert.False(numbering.SharesSequence(new SqliteLetterNumberSequence($"Data Source={_file.Path}-other.db")));
        Assert.False(numbering.SharesSequence(new InMemoryLetterNumberSequence()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task TryAppendManyNumbered_NothingMovedOn_AppendsAndRecordsTheNumbersAfterTheLast(int drawnBefore)
    {
        var (store, sequence) = await OpenAsync();
        for (var i = 0; i < drawnBefore; i++)
        {
            await sequence.NumberAsync(Company, 2026, $"before-{i}", CancellationToken.None);
        }

        ILetterNumberingStore numbering = store;
        var last = await numbering.LastNumberAsync(Company, 2026, CancellationToken.None);

        var done = await numbering.TryAppendManyNumberedAsync(Appends(), new LetterNumberClaim(Company, 2026, last, ["l-a", "l-b"]), CancellationToken.None);

        Assert.True(done);
        Assert.Equal(drawnBefore, last);
        Assert.Equal(2, (await store.LoadAsync(A, CancellationToken.None)).Count);
        Assert.Equal(2, (await store.LoadAsync(B, CancellationToken.None)).Count);
        Assert.Equal(
            [new LetterNumber(2026, drawnBefore + 1), new LetterNumber(2026, drawnBefore + 2), new LetterNumber(2026, drawnBefore + 3)],
            await sequence.NumberManyAsync(Company, 2026, ["l-a", "l-b", "next"], CancellationToken.None));
    }

    [Fact]
    public async Task TryAppendManyNumbered_ANumberDrawnMeanwhile_ChangesNothing()
    {
        var (store, sequence) = await OpenAsync();
        ILetterNumberingStore numbering = store;
        var last = await numbering.LastNumberAsync(Company, 2026, CancellationToken.None);
        await sequence.NumberAsync(Company, 2026, "meanwhile", CancellationToken.None);

        var done = await numbering.TryAppendManyNumberedAsync(Appends(), new LetterNumberClaim(Company, 2026, last, ["l-a", "l-b"]), CancellationToken.None);

        await AssertNothingChangedAsync(done, store, sequence, lastNumber: 1);
    }

    [Fact]
    public async Task TryAppendManyNumbered_AnAccountMovedOn_ChangesNothing()
    {
        var (store, sequence) = await OpenAsync();
        ILetterNumberingStore numbering = store;
        await store.AppendAsync(B, 1, [Payment(2, "meanwhile")], CancellationToken.None);

        var done = await numbering.TryAppendManyNumberedAsync(Appends(), new LetterNumberClaim(Company, 2026, 0, ["l-a", "l-b"]), CancellationToken.None);

        Assert.Equal(2, (await store.LoadAsync(B, CancellationToken.None)).Count);
        await AssertNothingChangedAsync(done, store, sequence, lastNumber: 0);
    }

    [Fact]
    public async Task TryAppendManyNumbered_ALetterNumberedBefore_ChangesNothing()
    {
        var (store, sequence) = await OpenAsync();
        ILetterNumberingStore numbering = store;
        await sequence.NumberAsync(Company, 2026, "l-b", CancellationToken.None);

        var done = await numbering.TryAppendManyNumberedAsync(Appends(), new LetterNumberClaim(Company, 2026, 1, ["l-a", "l-b"]), CancellationToken.None);

        await AssertNothingChangedAsync(done, store, sequence, lastNumber: 1);
        Assert.Equal(new LetterNumber(2026, 1), await sequence.NumberAsync(Company, 2026, "l-b", CancellationToken.None));
    }

    private static List<JournalAppend> Appends() => [new(A, 1, [Payment(2, "pa")]), new(B, 1, [Payment(2, "pb")])];

    private static async Task AssertNothingChangedAsync(bool done, SqliteCustomerAccountStore store, SqliteLetterNumberSequence sequence, int lastNumber)
    {
        Assert.False(done);
        Assert.Single(await store.LoadAsync(A, CancellationToken.None));
        Assert.Equal(lastNumber, await ((ILetterNumberingStore)store).LastNumberAsync(Company, 2026, CancellationToken.None));
        Assert.Equal(new LetterNumber(2026, lastNumber + 1), await sequence.NumberAsync(Company, 2026, "l-a", CancellationToken.None));
    }

    private async Task<(SqliteCustomerAccountStore Store, SqliteLetterNumberSequence Sequence)> OpenAsync()
    {
        var store = await _file.OpenStoreAsync();
        var sequence = new SqliteLetterNumberSequence(_file.ConnectionString);
        await sequence.EnsureSchemaAsync(CancellationToken.None);
        await store.AppendAsync(A, 0, [Registration(A, Company)], CancellationToken.None);
        await store.AppendAsync(B, 0, [Registration(B, Company)], CancellationToken.None);
        return (store, sequence);
    }
}
