using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Debitor.Core.Sqlite;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Stores customer account journals and attached file content in SQLite and answers customer searches from it
    /// (<see cref="SqliteCustomerSearch"/>), replacing the in-memory store and files of <c>AddDebitorCoreInMemory</c> and the
    /// store-scanning search, whether called before or after <c>AddDebitorCore</c>. The host still registers the other
    /// ports (outputs, outbox, fault log; see <c>docs/hosting.md</c>). Call <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/> at start-up.
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
        services.RemoveAll<ICustomerSearch>();
        services.AddSingleton(store);
        services.AddSingleton<ICustomerAccountStore>(store);
        services.AddSingleton<IFileStorage>(new SqliteFileStorage(store));
        services.AddScoped<ICustomerSearch>(provider => new SqliteCustomerSearch(store, provider.GetRequiredService<IAccountFaultLog>()));
        return services;
    }
}
