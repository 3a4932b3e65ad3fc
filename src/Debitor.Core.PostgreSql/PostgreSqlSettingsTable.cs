using Debitor.Core.Serialization;
using Npgsql;

namespace Debitor.Core.PostgreSql;

/// <summary>The company settings table (<c>debitor_settings</c>): one <see cref="SettingsJson"/> document per company and kind.</summary>
internal sealed class PostgreSqlSettingsTable(PostgreSqlCustomerAccountStore database, string kind)
{
    public async ValueTask<string?> ReadAsync(CompanyId company, CancellationToken cancellationToken)
    {
        if (company == default)
        {
            throw new ArgumentException("The company is missing (default).", nameof(company));
        }

        await using var command = database.DataSource.CreateCommand("SELECT payload::text FROM debitor_settings WHERE company = $1 AND kind = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = company.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task WriteAsync(CompanyId company, string payload, CancellationToken cancellationToken)
    {
        if (company == default)
        {
            throw new ArgumentException("The company is missing (default).", nameof(company));
        }

        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO debitor_settings (company, kind, payload) VALUES ($1, $2, $3::jsonb)
            ON CONFLICT (company, kind) DO UPDATE SET payload = excluded.payload
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = company.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
