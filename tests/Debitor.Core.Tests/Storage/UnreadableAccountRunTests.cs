using Debitor.Core.Ledger;
using Debitor.Core.Sqlite;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Storage;

public sealed class UnreadableAccountRunTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Preview_OneCorruptJournal_ReportsItAndDunsTheOthers()
    {
        var store = await _file.OpenStoreAsync();
        var fixture = new DunningFixture(store);
        await fixture.AddAsync(NewCustomer("C-1"), Invoice("inv-1", 100m, new LocalDate(2026, 9, 1)));
        await fixture.AddAsync(NewCustomer("C-2"), Invoice("inv-2", 200m, new LocalDate(2026, 9, 1)));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_file.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload)
                VALUES ('C-2', 3, '2026-11-01T00:00:00Z', 'x', 'Telepathy', '{"format":1,"kind":"Telepathy","entry":{"id":"t"}}');
                UPDATE debitor_accounts SET version = 3 WHERE customer = 'C-2';
                """;
            await command.ExecuteNonQueryAsync();
        }

        fixture.On(new LocalDate(2026, 11, 23));
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, new Core.Dunning.DunningRunRequest(new Core.Dunning.DunningRunId("run-13"), Company, new LocalDate(2026, 11, 23)));

        var broken = Assert.Single(proposal.UnreadableAccounts);
        Assert.Equal(new CustomerId("C-2"), broken.Customer);
        Assert.Equal(3, broken.Version);
        Assert.Equal([new CustomerId("C-1")], proposal.Letters.Select(l => l.RecipientId).Distinct());

        var result = await fixture.Dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(new CustomerId("C-2"), Assert.Single(result.UnreadableAccounts).Customer);
        Assert.Equal([new CustomerId("C-1")], result.Issued.Select(l => l.RecipientId).Distinct());
    }

    [Fact]
    public async Task Preview_StoredJournalThatDoesNotReplay_ReportsItLikeACorruptRow()
    {
        var store = await _file.OpenStoreAsync();
        var fixture = new DunningFixture(store);
        await fixture.AddAsync(NewCustomer("C-1"), Invoice("inv-1", 100m, new LocalDate(2026, 9, 1)));
        await fixture.AddAsync(NewCustomer("C-2"), Invoice("inv-2", 200m, new LocalDate(2026, 9, 1)));

        // A well-formed document the ledger cannot replay: a payment applied to an item the account never had.
        var payload = Core.Serialization.JournalJson.Serialize(
            new PaymentApplied(new EntryId("apply-x"), new EntryId("pay-x"), new InstallmentRef(new EntryId("no-such-item"), 1), new Money(10m, Currency.EUR), new LocalDate(2026, 10, 1)));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_file.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO debitor_journal (customer, version, recorded_at, recorded_by, kind, payload)
                VALUES ('C-2', 3, '2026-11-01T00:00:00Z', 'x', 'PaymentApplied', $payload);
                UPDATE debitor_accounts SET version = 3 WHERE customer = 'C-2';
                """;
            command.Parameters.AddWithValue("$payload", payload);
            await command.ExecuteNonQueryAsync();
        }

        var proposal = await fixture.Dunning.PreviewAsync(Accountant, new Core.Dunning.DunningRunRequest(new Core.Dunning.DunningRunId("run-13b"), Company, new LocalDate(2026, 11, 23)));

        var broken = Assert.Single(proposal.UnreadableAccounts);
        Assert.Equal(new CustomerId("C-2"), broken.Customer);
        Assert.Equal([new CustomerId("C-1")], proposal.Letters.Select(l => l.RecipientId).Distinct());
    }
}
