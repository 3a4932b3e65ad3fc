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
        services.AddSingleton(_ => store); // created by a factory, so the container disposes it (closes its kept connections)
        services.AddSingleton<ICustomerAccountStore>(store);
        services.AddSingleton<IFileStorage>(new SqliteFileStorage(store));
        var dunningSettings = new SqliteDunningSettingsStore(store);
        services.AddSingleton(dunningSettings);
        services.AddSingleton<IDunningSettingsProvider>(dunningSettings);
        var interestSchemes = new SqliteInterestSchemeStore(store);
        services.AddSingleton(interestSchemes);
        services.AddSingleton<IInterestSchemeProvider>(interestSchemes);
        services.AddScoped<ICustomerSearch>(provider => new SqliteCustomerSearch(store, provider.GetRequiredService<IAccountFaultLog>()));
        services.AddSingleton<ILetterNumberSequence>(new SqliteLetterNumberSequence(connectionString));
        services.RemoveAll<IDocumentOutbox>();
        var outbox = new SqliteDocumentOutbox(store);
        services.AddSingleton(outbox);
        services.AddSingleton<IDocumentOutbox>(outbox);
        return services;
    }
}
