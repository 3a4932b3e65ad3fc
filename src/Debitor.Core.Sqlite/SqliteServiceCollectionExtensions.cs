using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Debitor.Core.Sqlite;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Stores customer account journals, attached file content, dunning settings and interest schemes in SQLite, replacing the in-memory defaults whether
    /// called before or after <c>AddDebitorCore</c>. Call <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/> at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=debitor.db</c>.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public static IServiceCollection AddDebitorCoreSqlite(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = new SqliteCustomerAccountStore(connectionString);
        services.RemoveAll<ICustomerAccountStore>();
        services.RemoveAll<IFileStorage>();
        services.RemoveAll<IDunningSettingsProvider>();
        services.RemoveAll<IInterestSchemeProvider>();
        services.AddSingleton(store);
        services.AddSingleton<ICustomerAccountStore>(store);
        services.AddSingleton<IFileStorage>(new SqliteFileStorage(store));
        var dunningSettings = new SqliteDunningSettingsStore(store);
        services.AddSingleton(dunningSettings);
        services.AddSingleton<IDunningSettingsProvider>(dunningSettings);
        var interestSchemes = new SqliteInterestSchemeStore(store);
        services.AddSingleton(interestSchemes);
        services.AddSingleton<IInterestSchemeProvider>(interestSchemes);
        return services;
    }
}
