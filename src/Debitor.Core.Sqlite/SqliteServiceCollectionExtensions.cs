using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Debitor.Core.Sqlite;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Stores customer account journals, attached file content, dunning settings, interest schemes, dunning letter
    /// numbers and the document outbox (<see cref="SqliteDocumentOutbox"/>) in SQLite and answers customer searches from it
    /// (<see cref="SqliteCustomerSearch"/>), replacing the in-memory store and files of <c>AddDebitorCoreInMemory</c> and the
    /// store-scanning search, whether called before or after <c>AddDebitorCore</c>. The host still registers the other
    /// ports (outputs, fault log; see <c>docs/hosting.md</c>). Call <see cref="SqliteCustomerAccountStore.EnsureSchemaAsync"/> at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=debitor.db</c>.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public static IServiceCollection AddDebitorCoreSqlite(this IServiceCollection services, string connectionString) =>
        AddDebitorCoreSqlite(services, connectionString, durableAgainstPowerLoss: true);

    /// <summary>
    /// As <see cref="AddDebitorCoreSqlite(IServiceCollection, string)"/>, choosing whether commits are flushed to the disk
    /// before an append returns (<see cref="SqliteCustomerAccountStore.DurableAgainstPowerLoss"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=debitor.db</c>.</param>
    /// <param name="durableAgainstPowerLoss"><see langword="true"/> for <c>synchronous=FULL</c>; <see langword="false"/> for <c>synchronous=NORMAL</c> (durable against a killed process, not against a power loss).</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public static IServiceCollection AddDebitorCoreSqlite(this IServiceCollection services, string connectionString, bool durableAgainstPowerLoss)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = new SqliteCustomerAccountStore(connectionString) { DurableAgainstPowerLoss = durableAgainstPowerLoss };
        services.RemoveAll<ICustomerAccountStore>();
        services.RemoveAll<IFileStorage>();
        services.RemoveAll<IDunningSettingsProvider>();
        services.RemoveAll<IInterestSchemeProvider>();
        services.RemoveAll<ICustomerSearch>();
        services.RemoveAll<ILetterNumberSequence>();
        // The store is created by a factory that every registration below goes through, so the container owns it and
        // disposes it with itself (closing its connections) whichever service a host resolves first.
        services.AddSingleton(_ => store);
        services.AddSingleton<ICustomerAccountStore>(provider => provider.GetRequiredService<SqliteCustomerAccountStore>());
        services.AddSingleton<IFileStorage>(provider => new SqliteFileStorage(provider.GetRequiredService<SqliteCustomerAccountStore>()));
        services.AddSingleton(provider => new SqliteDunningSettingsStore(provider.GetRequiredService<SqliteCustomerAccountStore>()));
        services.AddSingleton<IDunningSettingsProvider>(provider => provider.GetRequiredService<SqliteDunningSettingsStore>());
        services.AddSingleton(provider => new SqliteInterestSchemeStore(provider.GetRequiredService<SqliteCustomerAccountStore>()));
        services.AddSingleton<IInterestSchemeProvider>(provider => provider.GetRequiredService<SqliteInterestSchemeStore>());
        services.AddScoped<ICustomerSearch>(provider => new SqliteCustomerSearch(provider.GetRequiredService<SqliteCustomerAccountStore>(), provider.GetRequiredService<IAccountFaultLog>()));
        services.AddSingleton<ILetterNumberSequence>(new SqliteLetterNumberSequence(connectionString));
        services.RemoveAll<IDocumentOutbox>();
        services.AddSingleton(provider => new SqliteDocumentOutbox(provider.GetRequiredService<SqliteCustomerAccountStore>()));
        services.AddSingleton<IDocumentOutbox>(provider => provider.GetRequiredService<SqliteDocumentOutbox>());
        return services;
    }
}
