using Debitor.Core.Application;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Debitor.Core;

/// <summary>Registers Debitor.Core with a host's dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the use cases and, unless the host registered its own first, the default ports: the in-memory
    /// account store, role-based authorization, the in-memory document output, the store-scanning payer directory
    /// and the system clock. Every registration uses <c>TryAdd</c>, so a
    /// host's own registrations win.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional: sets the options (time zone, concurrency retries).</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDebitorCore(this IServiceCollection services, Action<DebitorCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new DebitorCoreOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(new CreditControlOptions());
        services.TryAddSingleton(new ReportingOptions());
        services.TryAddSingleton<IOpenOrderSource, InMemoryOpenOrderSource>();
        services.TryAddSingleton<IAccountManagerTasks, InMemoryAccountManagerTasks>();
        services.TryAddSingleton<ICostOfSalesSource, InMemoryCostOfSalesSource>();
        services.TryAddSingleton<CreditControlService>();
        services.TryAddSingleton<StatementService>();
        services.TryAddSingleton<ReceivablesFiguresService>();
#pragma warning disable RS0030 // The composition root is the one place that may name the system clock; rules receive IClock or a date.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<ICustomerAccountStore, InMemoryCustomerAccountStore>();
        services.TryAddSingleton<IAuthorizationPort, RoleBasedAuthorization>();
        services.TryAddSingleton<IInterestSchemeProvider, InterestSchemeRegistry>();
        services.TryAddSingleton<IDocumentOutput, InMemoryDocumentOutput>();
        services.TryAddSingleton<IDocumentOutbox, InMemoryDocumentOutbox>();
        services.TryAddSingleton<IDocumentRenderer>(NoDocumentRenderer.Instance);
        services.TryAddSingleton<IAccountFaultLog, InMemoryAccountFaultLog>();
        services.TryAddSingleton<DocumentDelivery>();
        services.TryAddSingleton<IPayerDirectory, StorePayerDirectory>();
        services.TryAddSingleton<IVirusScanner, UnconfiguredVirusScanner>();
        services.TryAddSingleton<IFileStorage, InMemoryFileStorage>();
        services.TryAddSingleton<CustomerAccountService>();
        services.TryAddSingleton<DelegationService>();
        services.TryAddSingleton<InterestInvoiceService>();
        services.TryAddSingleton<PaymentService>();
        services.TryAddSingleton<CollectionService>();
        services.TryAddSingleton<IDunningSettingsProvider, InMemoryDunningSettingsProvider>();
        services.TryAddSingleton<IDunningLetterOutput, InMemoryDunningLetterOutput>();
        services.TryAddSingleton<DunningService>();
        services.TryAddSingleton<RecoveryService>();
        services.TryAddSingleton<ILetterNumberSequence, InMemoryLetterNumberSequence>();
        return services;
    }
}
