using Debitor.Core.Ledger;
using Debitor.Core.PostgreSql;
using Debitor.Core.Ports;
using Debitor.Core.Sqlite;

namespace Debitor.Core.Tests.Storage;

/// <summary>Issue 17, point 8: every letter-number sequence is gap-free per company and year and gives a letter its number again.</summary>
public sealed class LetterNumberSequenceTests
{
    private static readonly CompanyId Acme = new("acme");
    private static readonly CompanyId Other = new("other");

    /// <summary>The contract: per company and year 1, 2, 3, …; the same letter the same number; parallel callers no gap and no duplicate.</summary>
    private static async Task CheckContractAsync(ILetterNumberSequence sequence)
    {
        Assert.Equal(new LetterNumber(2026, 1), await sequence.NumberAsync(Acme, 2026, "r1/C-1/EUR", CancellationToken.None));
        Assert.Equal(new LetterNumber(2026, 2), await sequence.NumberAsync(Acme, 2026, "r1/C-2/EUR", CancellationToken.None));
        Assert.Equal(new LetterNumber(2026, 1), await sequence.NumberAsync(Acme, 2026, "r1/C-1/EUR", CancellationToken.None));
        Assert.Equal(new LetterNumber(2027, 1), await sequence.NumberAsync(Acme, 2027, "r9/C-1/EUR", CancellationToken.None));
        Assert.Equal(new LetterNumber(2026, 1), await sequence.NumberAsync(Other, 2026, "r1/C-1/EUR", CancellationToken.None));

        var letters = Enumerable.Range(0, 40).Select(i => $"p/C-{i % 20}/EUR").ToList(); // every letter asked for twice, in parallel
        var numbers = await Task.WhenAll(letters.Select(letter => Task.Run(async () => (letter, await sequence.NumberAsync(Acme, 2026, letter, CancellationToken.None)))));

        Assert.Equal(Enumerable.Range(3, 20), numbers.Select(n => n.Item2.Sequence).Distinct().Order());
        Assert.All(numbers.GroupBy(n => n.letter), g => Assert.Single(g.Select(n => n.Item2).Distinct()));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await sequence.NumberAsync(Acme, 2026, " ", CancellationToken.None));
    }

    [Fact]
    public Task InMemory_Contract_Holds() => CheckContractAsync(new InMemoryLetterNumberSequence());

    [Fact]
    public async Task Sqlite_Contract_HoldsAndSurvivesANewInstance()
    {
        using var database = new TempDatabase();
        var sequence = new SqliteLetterNumberSequence(database.ConnectionString);
        await sequence.EnsureSchemaAsync(CancellationToken.None);
        await sequence.EnsureSchemaAsync(CancellationToken.None);

        await CheckContractAsync(sequence);

        var reopened = new SqliteLetterNumberSequence(database.ConnectionString);
        Assert.Equal(new LetterNumber(2026, 2), await reopened.NumberAsync(Acme, 2026, "r1/C-2/EUR", CancellationToken.None));
        Assert.Equal(new LetterNumber(2026, 23), await reopened.NumberAsync(Acme, 2026, "r2/C-1/EUR", CancellationToken.None));
    }

    [SkippableFact]
    public async Task PostgreSql_Contract_Holds()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var sequence = new PostgreSqlLetterNumberSequence(schema.ConnectionString);
        await sequence.EnsureSchemaAsync(CancellationToken.None);
        await sequence.EnsureSchemaAsync(CancellationToken.None);

        await CheckContractAsync(sequence);

        Assert.Equal(new LetterNumber(2026, 23), await sequence.NumberAsync(Acme, 2026, "r2/C-1/EUR", CancellationToken.None));
    }
}
