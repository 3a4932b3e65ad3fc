using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Sqlite;

namespace Debitor.Cli.Tests;

/// <summary>Issue 13 (D13.52): the tool keeps its document outbox in its database, so what one invocation queued is there for the next.</summary>
public sealed class DurableOutboxTests
{
    [Fact]
    public async Task DunningProcess_IssuedLetters_AreInTheDatabaseOutboxForTheNextInvocation()
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("demo", "--out", cli.Out);
        await cli.RunOkAsync("dunning", "process", "--out", cli.Out + "-1", "--format", "json");
        var letters = (await cli.JournalAsync("K-10008")).Select(r => r.Entry).OfType<DunningNoticeIssued>().Where(n => n.LetterId.StartsWith("run-2026-11-23", StringComparison.Ordinal)).Select(n => n.LetterId).Distinct().ToList();
        Assert.NotEmpty(letters);

        // A new store and outbox over the file: what a later invocation opens.
        var store = new SqliteCustomerAccountStore($"Data Source={cli.Db}");
        var outbox = new SqliteDocumentOutbox(store);
        foreach (var id in letters)
        {
            var queued = await outbox.FindAsync(id, CancellationToken.None);
            Assert.NotNull(queued);
            Assert.True(queued.IsDelivered, $"letter {id} was delivered by the invocation that issued it");
            var letter = Assert.IsType<DunningLetterDocument>(queued.Document).Letter;
            Assert.Equal(id, letter.Id);
            Assert.NotNull(letter.Number);
            Assert.NotEmpty(letter.Lines);
        }

        Assert.Empty(await outbox.ListUndeliveredAsync(CancellationToken.None));
    }
}
