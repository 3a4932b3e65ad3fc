using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Debitor.Core.PostgreSql;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Stores customer account journals, attached file content, dunning settings, interest schemes, dunning letter
    /// numbers and the document outbox (<see cref="PostgreSqlDocumentOutbox"/>) in PostgreSQL and answers customer searches from it
    /// (<see cref="PostgreSqlCustomerSearch"/>), replacing the in-memory store and files of <c>AddDebitorCoreInMemory</c> and the
    /// store-scanning search, whether called before or after <c>AddDebitorCore</c>. The host still registers the other
    /// ports (outputs, fault log; see <c>docs/hosting.md</c>). Call <see cref="PostgreSqlCustomerAccountStore.EnsureSchemaAsync"/> at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Npgsql connection string.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or invalid.</exception>
    public static IServiceCollection AddDebitorCorePostgreSql(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = new PostgreSqlCustomerAccountStore(connectionString);
        services.RemoveAll<ICustomerAccountStore>();
        services.RemoveAll<IFileStorage>();
        services.RemoveAll<IDunningSettingsProvider>();
        services.RemoveAll<IInterestSchemeProvider>();
        services.RemoveAll<ICustomerSearch>();
        services.RemoveAll<ILetterNumberSequence>();
        // The store is created by a factory that every registration below goes through, so the container owns it and
        // disposes it with itself (closing its connections) whichever service a host resolves first.
        services.AddSingleton(_ => store);
        services.AddSingleton<ICustomerAccountStore>(provider => provider.GetRequiredService<PostgreSqlCustomerAccountStore>());
        services.AddSingleton<IFileStorage>(provider => new PostgreSqlFileStorage(provider.GetRequiredService<PostgreSqlCustomerAccountStore>()));
        services.AddSingleton(provider => new PostgreSqlDunningSettingsStore(provider.GetRequiredService<PostgreSqlCustomerAccountStore>()));
        services.AddSingleton<IDunningSettingsProvider>(provider => provider.GetRequiredService<PostgreSqlDunningSettingsStore>());
        services.AddSingleton(provider => new PostgreSqlInterestSchemeStore(provider.GetRequiredService<PostgreSqlCustomerAccountStore>()));
        services.AddSingleton<IInterestSchemeProvider>(provider => provider.GetRequiredService<PostgreSqlInterestSchemeStore>());
        services.AddScoped<ICustomerSearch>(provider => new PostgreSqlCustomerSearch(provider.GetRequiredService<PostgreSqlCustomerAccountStore>(), provider.GetRequiredService<IAccountFaultLog>()));
        services.AddSingleton<ILetterNumberSequence>(_ => new PostgreSqlLetterNumberSequence(connectionString));
        services.RemoveAll<IDocumentOutbox>();
        services.AddSingleton(provider => new PostgreSqlDocumentOutbox(provider.GetRequiredService<PostgreSqlCustomerAccountStore>()));
        services.AddSingleton<IDocumentOutbox>(provider => provider.GetRequiredService<PostgreSqlDocumentOutbox>());
        return services;
    }
}
