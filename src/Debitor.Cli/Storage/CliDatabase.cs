using System.Text.Json;
using Debitor.Cli.Portfolio;
using Microsoft.Data.Sqlite;

namespace Debitor.Cli.Storage;

/// <summary>A letter of a processed run: its id and the accounts it was issued on (what a cancellation needs).</summary>
internal sealed record StoredLetter(string Id, IReadOnlyList<string> Customers);

/// <summary>A processed dunning run as the CLI remembers it.</summary>
internal sealed record StoredRun(string Id, string AsOf, IReadOnlyList<StoredLetter> Letters, bool Cancelled);

/// <summary>
/// The CLI's own rows in the database file the SQLite account store uses: the company settings (dunning days of the
/// company and its branches, letterhead, default run date) and the processed runs (so <c>dunning cancel</c> knows their
/// letters). Journals stay in the store's tables; these two tables hold nothing a journal holds.
/// </summary>
internal sealed class CliDatabase(string path)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS cli_company (
            key INTEGER PRIMARY KEY CHECK (key = 1),
            settings TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS cli_runs (
            run_id TEXT PRIMARY KEY,
            as_of TEXT NOT NULL,
            letters TEXT NOT NULL,
            cancelled INTEGER NOT NULL DEFAULT 0
        );
        """;

    public string Path { get; } = path;

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The company's settings: a portfolio document without customers; <see langword="null"/> before <c>init</c>.</summary>
    public async Task<PortfolioDocument?> ReadSettingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT settings FROM cli_company WHERE key = 1;";
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? PortfolioJson.Parse(json, Path) : null;
    }

    public async Task WriteSettingsAsync(PortfolioDocument settings, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO cli_company (key, settings) VALUES (1, $settings) ON CONFLICT (key) DO UPDATE SET settings = excluded.settings;";
        command.Parameters.AddWithValue("$settings", PortfolioJson.Serialize(settings with { Customers = [], SimulateRuns = null }));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredRun>> ReadRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, as_of, letters, cancelled FROM cli_runs ORDER BY as_of, run_id;";
        var runs = new List<StoredRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new StoredRun(reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<List<StoredLetter>>(reader.GetString(2), JsonSerializerOptions.Web) ?? [], reader.GetInt64(3) != 0));
        }

        return runs;
    }

    /// <summary>Records a processed run; processing the same run again adds the letters it issued this time.</summary>
    public async Task RecordRunAsync(string runId, string asOf, IReadOnlyList<StoredLetter> letters, CancellationToken cancellationToken)
    {
        var known = (await ReadRunsAsync(cancellationToken)).FirstOrDefault(r => r.Id == runId)?.Letters ?? [];
        var ids = known.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        var all = known.Concat(letters.Where(l => ids.Add(l.Id))).ToList();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO cli_runs (run_id, as_of, letters) VALUES ($id, $asOf, $letters) ON CONFLICT (run_id) DO UPDATE SET letters = excluded.letters;";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$asOf", asOf);
        command.Parameters.AddWithValue("$letters", JsonSerializer.Serialize(all, JsonSerializerOptions.Web));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkCancelledAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE cli_runs SET cancelled = 1 WHERE run_id = $id;";
        command.Parameters.AddWithValue("$id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
