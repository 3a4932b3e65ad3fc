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
        services.AddSingleton(store);
        services.AddSingleton<ICustomerAccountStore>(store);
        services.AddSingleton<IFileStorage>(new PostgreSqlFileStorage(store));
        var dunningSettings = new PostgreSqlDunningSettingsStore(store);
        services.AddSingleton(dunningSettings);
        services.AddSingleton<IDunningSettingsProvider>(dunningSettings);
        var interestSchemes = new PostgreSqlInterestSchemeStore(store);
        services.AddSingleton(interestSchemes);
        services.AddSingleton<IInterestSchemeProvider>(interestSchemes);
        services.AddScoped<ICustomerSearch>(provider => new PostgreSqlCustomerSearch(store, provider.GetRequiredService<IAccountFaultLog>()));
        services.AddSingleton<ILetterNumberSequence>(new PostgreSqlLetterNumberSequence(connectionString));
        services.RemoveAll<IDocumentOutbox>();
        var outbox = new PostgreSqlDocumentOutbox(store);
        services.AddSingleton(outbox);
        services.AddSingleton<IDocumentOutbox>(outbox);
        return services;
    }
}
