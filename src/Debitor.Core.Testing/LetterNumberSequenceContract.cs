using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Xunit;

namespace Debitor.Core.Testing;

/// <summary>
/// The contract of <see cref="ILetterNumberSequence.NumberManyAsync"/> (issue 13): every letter-number sequence must pass it.
/// Subclass it in an xunit test project and return a new, empty sequence from <see cref="CreateSequenceAsync"/>.
/// </summary>
/// <remarks>A sequence that needs a server not available here may throw <see cref="SkipException"/> from <see cref="CreateSequenceAsync"/>.</remarks>
public abstract class LetterNumberSequenceContract
{
    private static readonly CompanyId Acme = new("acme");
    private static readonly CompanyId Other = new("other");

    /// <summary>Creates a new, empty sequence for one test.</summary>
    /// <returns>The sequence.</returns>
    protected abstract Task<ILetterNumberSequence> CreateSequenceAsync();

    /// <summary>New letters get the next numbers of their company's year, in the order given, without gaps.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task NumberMany_NewLetters_NextNumbersInTheOrderGiven()
    {
        var sequence = await CreateSequenceAsync();
        await sequence.NumberAsync(Acme, 2026, "first", CancellationToken.None);

        var numbers = await sequence.NumberManyAsync(Acme, 2026, ["c", "a", "b"], CancellationToken.None);

        Assert.Equal([new LetterNumber(2026, 2), new LetterNumber(2026, 3), new LetterNumber(2026, 4)], numbers);
        Assert.Equal(new LetterNumber(2026, 5), await sequence.NumberAsync(Acme, 2026, "d", CancellationToken.None));
        Assert.Empty(await sequence.NumberManyAsync(Acme, 2026, [], CancellationToken.None));
    }

    /// <summary>A letter numbered before gets its number again, also mixed with new letters; only the new ones take numbers.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task NumberMany_LettersNumberedBefore_GetTheirNumbersAgain()
    {
        var sequence = await CreateSequenceAsync();
        var first = await sequence.NumberManyAsync(Acme, 2026, ["a", "b"], CancellationToken.None);

        var again = await sequence.NumberManyAsync(Acme, 2026, ["x", "b", "y", "a"], CancellationToken.None);
        var once = await sequence.NumberAsync(Acme, 2026, "y", CancellationToken.None);

        Assert.Equal([new LetterNumber(2026, 1), new LetterNumber(2026, 2)], first);
        Assert.Equal([new LetterNumber(2026, 3), first[1], new LetterNumber(2026, 4), first[0]], again);
        Assert.Equal(again[2], once);
    }

    /// <summary>Companies and years count separately.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task NumberMany_CompaniesAndYears_CountSeparately()
    {
        var sequence = await CreateSequenceAsync();

        var acme2026 = await sequence.NumberManyAsync(Acme, 2026, ["a", "b"], CancellationToken.None);
        var acme2027 = await sequence.NumberManyAsync(Acme, 2027, ["c"], CancellationToken.None);
        var other2026 = await sequence.NumberManyAsync(Other, 2026, ["a"], CancellationToken.None);

        Assert.Equal([new LetterNumber(2026, 1), new LetterNumber(2026, 2)], acme2026);
        Assert.Equal([new LetterNumber(2027, 1)], acme2027);
        Assert.Equal([new LetterNumber(2026, 1)], other2026);
    }

    /// <summary>24 parallel callers with overlapping letters: the numbers are 1 to n without a gap or a duplicate, one per letter.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task NumberMany_24ParallelCallers_GapFreeAndOnePerLetter()
    {
        const int Callers = 24;
        var sequence = await CreateSequenceAsync();

        // Caller c asks for letters c … c + 9 (of 33 letters), so every letter is asked for by up to ten callers at once.
        var results = await Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var letters = Enumerable.Range(c, 10).Select(i => "L" + i).ToList();
            return letters.Zip(await sequence.NumberManyAsync(Acme, 2026, letters, CancellationToken.None)).ToList();
        })));

        var byLetter = results.SelectMany(r => r).GroupBy(p => p.First).ToList();
        Assert.Equal(Callers + 9, byLetter.Count);
        Assert.All(byLetter, g => Assert.Single(g.Select(p => p.Second).Distinct()));
        Assert.Equal(Enumerable.Range(1, Callers + 9), byLetter.Select(g => g.First().Second.Sequence).Order());
    }

    /// <summary>An empty or repeated letter id, a default company or a year out of range is refused before anything is numbered.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task NumberMany_InvalidRequest_RefusedBeforeAnythingIsNumbered()
    {
        var sequence = await CreateSequenceAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => sequence.NumberManyAsync(Acme, 2026, ["a", "b", "a"], CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => sequence.NumberManyAsync(Acme, 2026, ["a", " "], CancellationToken.None).AsTask());
        await Assert.ThrowsAnyAsync<ArgumentException>(() => sequence.NumberManyAsync(default, 2026, ["a"], CancellationToken.None).AsTask());
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => sequence.NumberManyAsync(Acme, 0, ["a"], CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => sequence.NumberManyAsync(Acme, 2026, null!, CancellationToken.None).AsTask());

        Assert.Equal(new LetterNumber(2026, 1), await sequence.NumberAsync(Acme, 2026, "a", CancellationToken.None));
    }

    /// <summary>A call cancelled before it starts numbers nothing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public async Task NumberMany_Cancelled_NumbersNothing()
    {
        var sequence = await CreateSequenceAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sequence.NumberManyAsync(Acme, 2026, ["a", "b"], cancelled.Token).AsTask());

        Assert.Equal([new LetterNumber(2026, 1)], await sequence.NumberManyAsync(Acme, 2026, ["b"], CancellationToken.None));
    }
}
