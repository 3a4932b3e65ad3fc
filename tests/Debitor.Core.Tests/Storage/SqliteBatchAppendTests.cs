using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;
using Debitor.Core.Sqlite;
using Debitor.Core.Tests.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// SQLite's batched append writes each document straight into statements prepared on the connection's handle (D16.100);
/// the single-account append keeps the ADO.NET commands. The two must leave the same database.
/// </summary>
public sealed class SqliteBatchAppendTests : IDisposable
{
    private static readonly string[] Ids = ["k", "kä", "käse", "Kä", "k-1", "ß", "😀"];
    private static readonly string[] Authors = ["sachbearbeiterin", "jürgen", "ö"];

    private readonly TempDatabase _batched = new();
    private readonly TempDatabase _single = new();

    public void Dispose()
    {
        _batched.Dispose();
        _single.Dispose();
    }

    /// <summary>
    /// Property: random journals of every entry kind (non-ASCII ids, authors, texts; times and authors changing row by
    /// row), appended in two rounds (new accounts, then further records on some of them), leave rows and account rows
    /// byte for byte equal to the same records appended account by account with <c>AppendAsync</c>, TEXT columns included.
    /// </summary>
    [Fact]
    public async Task AppendMany_RandomJournalsOfEveryKind_LeavesTheRowsOfSingleAppends()
    {
        await using var batched = await StoreAsync(_batched);
        await using var single = await StoreAsync(_single);
        var run = 0;
        var plans = Gen.Choose(0, int.MaxValue).Select(seed => seed).ToArbitrary();
        var property = Prop.ForAll(plans, seed =>
        {
            run++;
            var random = new Random(seed);
            var accounts = Enumerable.Range(0, random.Next(1, Ids.Length + 1))
                .Select(i => (Customer: new CustomerId($"{run}{Ids[i]}"), First: Records(random, 0), Second: random.Next(2) == 0 ? [] : Records(random, 0)))
                .Select(a => (a.Customer, a.First, Second: a.Second.Select((r, i) => r with { Version = a.First.Length + i + 1 }).ToArray()))
                .ToList();
            foreach (var round in new[] { 0, 1 })
            {
                var appends = accounts.Select(a => round == 0 ? new JournalAppend(a.Customer, 0, a.First) : new JournalAppend(a.Customer, a.First.Length, a.Second)).ToList();
                Assert.Empty(batched.AppendManyAsync(appends, CancellationToken.None).AsTask().GetAwaiter().GetResult());
                foreach (var append in appends)
                {
                    single.AppendAsync(append.Customer, append.ExpectedVersion, append.Records, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                }
            }

            return RowsAsync(_batched).GetAwaiter().GetResult().SequenceEqual(RowsAsync(_single).GetAwaiter().GetResult());
        });

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property));
    }

    /// <summary>
    /// Property (D16.220, D16.222): random journals of every entry kind appended in two rounds as a <see cref="PreparedAppends"/> — documents
    /// written ahead by a <see cref="DocumentBuffer"/> whose arrays are small enough to need several, some parts without
    /// documents, some with documents of another count (both written by the store itself) — leave rows and account rows byte
    /// for byte equal to the same records appended as a plain list, and each account row names the journal's version and
    /// the company of its latest registration or settings change (a move whose records name none keeps the company).
    /// </summary>
    [Fact]
    public async Task AppendMany_PreparedDocuments_LeavesTheRowsOfAPlainBatch()
    {
        await using var prepared = await StoreAsync(_batched);
        await using var plain = await StoreAsync(_single);
        var run = 0;
        var plans = Gen.Choose(0, int.MaxValue).Select(seed => seed).ToArbitrary();
        var property = Prop.ForAll(plans, seed =>
        {
            run++;
            var random = new Random(seed);
            using var buffer = new DocumentBuffer();
            var journals = Enumerable.Range(0, random.Next(1, Ids.Length + 1)).ToDictionary(i => new CustomerId($"{run}{Ids[i]}"), _ => new List<JournalRecord>());
            foreach (var round in new[] { 0, 1 })
            {
                // The second round moves existing accounts: with records that name a company and with records that do not.
                var appends = journals.Select(j => new JournalAppend(j.Key, j.Value.Count, Records(random, j.Value.Count))).ToList();
                var documents = appends.Select(a => random.Next(4) switch
                {
                    0 => null,
                    1 => buffer.Write(a.Records.Skip(1).ToList()),
                    _ => buffer.Write(a.Records),
                }).ToList();
                Assert.Empty(prepared.AppendManyAsync(new PreparedAppends(appends, documents), CancellationToken.None).AsTask().GetAwaiter().GetResult());
                Assert.Empty(plain.AppendManyAsync(appends, CancellationToken.None).AsTask().GetAwaiter().GetResult());
                appends.ForEach(a => journals[a.Customer].AddRange(a.Records));
            }

            // The account rows: the version of the journal and the company of its latest registration or settings change.
            var accounts = journals.Select(j => $"account {j.Key}|{(ICustomerAccountStore.CompanyOf(j.Value) is { } company ? "text" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(company.Value)) : "null")}|{j.Value.Count}");
            var rows = RowsAsync(_batched).GetAwaiter().GetResult();
            return rows.SequenceEqual(RowsAsync(_single).GetAwaiter().GetResult()) && accounts.All(rows.Contains);
        });

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property));
    }

    [Fact]
    public void DocumentBuffer_ManyRecords_HoldsEachDocumentAsTheWriterWritesIt()
    {
        var random = new Random(11);
        using var buffer = new DocumentBuffer();
        var records = Enumerable.Range(0, 40).SelectMany(_ => Records(random, 0, count: 6)).ToList();

        // Enough documents to fill more than one rented array.
        var documents = new List<ReadOnlyMemory<byte>>();
        while (documents.Sum(d => d.Length) <= DocumentBuffer.SegmentBytes)
        {
            documents.AddRange(buffer.Write(records));
        }

        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Equal(JournalJson.Serialize(records[i % records.Count].Entry), System.Text.Encoding.UTF8.GetString(documents[i].Span));
        }
    }

    [Fact]
    public async Task AppendMany_StaleVersionBesideAGoodAccount_WritesOnlyTheGoodOneAndNamesTheStale()
    {
        await using var store = await StoreAsync(_batched);
        var stale = new CustomerId("veraltet");
        var good = new CustomerId("gut");
        var random = new Random(7);
        await store.AppendAsync(stale, 0, Records(random, 0, count: 2), CancellationToken.None);
        var before = await RowsAsync(_batched);

        var conflicts = await store.AppendManyAsync([new JournalAppend(stale, 1, Records(random, 1, count: 1)), new JournalAppend(good, 0, Records(random, 0, count: 3))], CancellationToken.None);

        Assert.Equal([stale], conflicts);
        var after = await RowsAsync(_batched);
        Assert.Equal(before.Count + 4, after.Count);
        Assert.All(after.Except(before), row => Assert.Matches("^(account )?gut\\|", row));
        Assert.Equal(2, (await store.LoadAsync(stale, CancellationToken.None)).Count);
    }

    private static JournalRecord[] Records(Random random, long after, int? count = null) =>
    [
        .. Enumerable.Range(1, count ?? random.Next(1, 7)).Select(i => new JournalRecord(
            after + i,
            Instant.FromUtc(2026, 11, 29, 8, 0).Plus(Duration.FromMilliseconds(random.Next(3) * 1_234)),
            new UserId(Authors[random.Next(Authors.Length)]),
            JournalSamples.Build(JournalSamples.AllKinds[random.Next(JournalSamples.AllKinds.Count)], random))),
    ];

    private static async Task<SqliteCustomerAccountStore> StoreAsync(TempDatabase file)
    {
        var store = new SqliteCustomerAccountStore(file.ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Every journal and account row, with each column's storage class and bytes.</summary>
    private static async Task<List<string>> RowsAsync(TempDatabase file)
    {
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT customer || '|' || version || '|' || typeof(recorded_at) || hex(recorded_at) || '|' || typeof(recorded_by) || hex(recorded_by)
                || '|' || typeof(kind) || hex(kind) || '|' || typeof(payload) || hex(payload) FROM debitor_journal
            UNION ALL
            SELECT 'account ' || customer || '|' || typeof(company) || coalesce(hex(company), '') || '|' || version FROM debitor_accounts
            ORDER BY 1;
            """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
