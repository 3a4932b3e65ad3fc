using Debitor.Core.Interest;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;

namespace Debitor.Core.Sqlite;

/// <summary>
/// An <see cref="IInterestSchemeProvider"/> that keeps each company's <see cref="InterestSchemeCatalog"/> in the same SQLite
/// database as the journals, as a <see cref="SettingsJson"/> document.
/// </summary>
/// <remarks>A company without stored schemes gets <see cref="InterestSchemeCatalog.Default"/>. Saving replaces the
/// company's catalog as a whole; every read sees the last save. Safe for concurrent use.</remarks>
public sealed class SqliteInterestSchemeStore : IInterestSchemeProvider
{
    private readonly SqliteSettingsTable _table;

    /// <summary>Initializes a new instance over the database of <paramref name="database"/> (call its <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/> first).</summary>
    /// <param name="database">The store whose database holds the schemes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteInterestSchemeStore(SqliteCustomerAccountStore database) =>
        _table = new(database ?? throw new ArgumentNullException(nameof(database)), "interest");

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    /// <exception cref="JournalFormatException">The stored schemes cannot be read.</exception>
    public async ValueTask<InterestSchemeCatalog> GetAsync(CompanyId company, CancellationToken cancellationToken) =>
        await _table.ReadAsync(company, cancellationToken).ConfigureAwait(false) is { } json
            ? SettingsJson.DeserializeInterestSchemes(json)
            : InterestSchemeCatalog.Default;

    /// <summary>Stores a company's interest schemes, replacing earlier ones.</summary>
    /// <param name="company">The company.</param>
    /// <param name="catalog">Its schemes (start from <see cref="InterestSchemeCatalog.Default"/> and add with <see cref="InterestSchemeCatalog.With"/>).</param>
    /// <param name="cancellationToken">Cancels the call before anything is stored.</param>
    /// <returns>A task that completes when the schemes are stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public Task SaveAsync(CompanyId company, InterestSchemeCatalog catalog, CancellationToken cancellationToken) =>
        _table.WriteAsync(company, SettingsJson.Serialize(catalog ?? throw new ArgumentNullException(nameof(catalog))), cancellationToken);
}
