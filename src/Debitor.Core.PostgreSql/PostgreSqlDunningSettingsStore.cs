using Debitor.Core.Dunning;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;

namespace Debitor.Core.PostgreSql;

/// <summary>
/// An <see cref="IDunningSettingsProvider"/> that keeps each company's <see cref="DunningSettings"/> (schemes, branch days,
/// business calendar) in the same PostgreSQL database as the journals, as a <see cref="SettingsJson"/> document.
/// </summary>
/// <remarks>A company without stored settings gets <see cref="DunningSettings.Default"/>. Saving replaces the company's
/// settings as a whole; every read sees the last save. Safe for concurrent use.</remarks>
public sealed class PostgreSqlDunningSettingsStore : IDunningSettingsProvider
{
    private readonly PostgreSqlSettingsTable _table;

    /// <summary>Initializes a new instance over the database of <paramref name="database"/> (call its <see cref="PostgreSqlCustomerAccountStore.EnsureSchemaAsync"/> first).</summary>
    /// <param name="database">The store whose database holds the settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlDunningSettingsStore(PostgreSqlCustomerAccountStore database) =>
        _table = new(database ?? throw new ArgumentNullException(nameof(database)), "dunning");

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    /// <exception cref="JournalFormatException">The stored settings cannot be read.</exception>
    public async ValueTask<DunningSettings> GetAsync(CompanyId company, CancellationToken cancellationToken) =>
        await _table.ReadAsync(company, cancellationToken).ConfigureAwait(false) is { } json
            ? SettingsJson.DeserializeDunningSettings(json)
            : DunningSettings.Default;

    /// <summary>Stores a company's settings, replacing earlier ones.</summary>
    /// <param name="company">The company.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Cancels the call before anything is stored.</param>
    /// <returns>A task that completes when the settings are stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public Task SaveAsync(CompanyId company, DunningSettings settings, CancellationToken cancellationToken) =>
        _table.WriteAsync(company, SettingsJson.Serialize(settings ?? throw new ArgumentNullException(nameof(settings))), cancellationToken);
}
