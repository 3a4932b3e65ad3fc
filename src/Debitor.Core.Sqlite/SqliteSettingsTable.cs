using Debitor.Core.Serialization;

namespace Debitor.Core.Sqlite;

/// <summary>The company settings table (<c>debitor_settings</c>): one <see cref="SettingsJson"/> document per company and kind.</summary>
internal sealed class SqliteSettingsTable(SqliteCustomerAccountStore database, string kind)
{
    public async ValueTask<string?> ReadAsync(CompanyId company, CancellationToken cancellationToken)
    {
        if (company == default)
        {
            throw new ArgumentException("The company is missing (default).", nameof(company));
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM debitor_settings WHERE company = $company AND kind = $kind;";
        command.Parameters.AddWithValue("$company", company.Value);
        command.Parameters.AddWithValue("$kind", kind);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task WriteAsync(CompanyId company, string payload, CancellationToken cancellationToken)
    {
        if (company == default)
        {
            throw new ArgumentException("The company is missing (default).", nameof(company));
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO debitor_settings (company, kind, payload) VALUES ($company, $kind, $payload)
            ON CONFLICT (company, kind) DO UPDATE SET payload = excluded.payload;
            """;
        command.Parameters.AddWithValue("$company", company.Value);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$payload", payload);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
