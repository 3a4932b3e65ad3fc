using Debitor.Core.Application;
using Debitor.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Debitor.Core;

/// <summary>Registers Debitor.Core with a host's dependency injection.</summary>
/// <remarks>
/// <para><see cref="AddDebitorCore(IServiceCollection)"/> registers the use cases and the
/// pure defaults only; the ports that hold or send data (the account store, file storage, document outbox and outputs,
/// the fault log, open orders, cost of sales, account-manager tasks) come from the host, from a store package
/// (<c>AddDebitorCoreSqlite</c>, <c>AddDebitorCorePostgreSql</c>) or, for tests and demos, from
/// <see cref="AddDebitorCoreInMemory"/>. A port left out, a missing time zone or a missing receivables contact fails at
/// start-up with one message naming all of them (<c>ValidateOnStart</c>), and again at the first resolution of a use case
/// when no generic host runs the start-up validation.</para>
/// <para>Lifetimes: the options, the clock, authorization, the interest-scheme and dunning-settings catalogs and the virus
/// scanner are singletons; every use case (<see cref="CustomerAccountService"/>, <see cref="PaymentService"/>,
/// <see cref="DunningService"/>, …), <see cref="DocumentDelivery"/>, the payer directory and the customer search are
/// scoped, so they work over a store the host registers as scoped (one built on a scoped <c>DbContext</c>) as well as
/// over a singleton one. See <c>docs/hosting.md</c>.</para>
/// </remarks>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the use cases and the pure defaults (system clock, role-based authorization, the shipped interest schemes
    /// and dunning settings, the fail-closed virus scanner, the store-scanning payer directory and customer search), and
    /// the options, validated at start-up. Every registration uses <c>TryAdd</c>, so a host's own registrations win. The
    /// options must still be set: by <c>services.Configure&lt;DebitorCoreOptions&gt;(…)</c>, by the overload that takes
    /// them, or from configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDebitorCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions(services);
        AddServices(services);
        return services;
    }

    /// <summary>Registers Debitor.Core like <see cref="AddDebitorCore(IServiceCollection)"/> and sets the options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="DebitorCoreOptions.TimeZone"/> and
    /// <see cref="DebitorCoreOptions.ReceivablesContact"/> must be set, here or by another <c>Configure&lt;DebitorCoreOptions&gt;</c>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDebitorCore(this IServiceCollection services, Action<DebitorCoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddDebitorCore();
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers Debitor.Core like <see cref="AddDebitorCore(IServiceCollection)"/>, with the
    /// options read from a configuration section (a later <c>services.Configure&lt;DebitorCoreOptions&gt;(…)</c> changes them
    /// further). Keys:
    /// <c>TimeZone</c> (an IANA id such as <c>Europe/Berlin</c>), <c>MaxConcurrencyRetries</c>,
    /// <c>ReceivablesContact:Name</c>, <c>ReceivablesContact:Phone</c>, <c>ReceivablesContact:Email</c>. A value that cannot
    /// be read is reported at start-up with its key, like a missing one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>builder.Configuration.GetSection("Debitor")</c>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDebitorCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDebitorCore();
        services.Configure<DebitorCoreOptions>(options => DebitorCoreConfiguration.Bind(options, configuration));
        return services;
    }

    /// <summary>
    /// Registers the in-memory ports for tests, samples and demos: account store, file storage, document outbox, document
    /// and dunning-letter outputs, fault log, open orders, cost of sales and account-manager tasks. Nothing survives the
    /// process. Uses <c>TryAdd</c>: ports the host (or a store package) registered win, in any order of calls.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDebitorCoreInMemory(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ICustomerAccountStore, InMemoryCustomerAccountStore>();
        services.TryAddSingleton<IFileStorage, InMemoryFileStorage>();
        services.TryAddSingleton<IDocumentOutbox, InMemoryDocumentOutbox>();
        services.TryAddSingleton<IDocumentOutput, InMemoryDocumentOutput>();
        services.TryAddSingleton<IDunningLetterOutput, InMemoryDunningLetterOutput>();
        services.TryAddSingleton<IAccountFaultLog, InMemoryAccountFaultLog>();
        services.TryAddSingleton<IOpenOrderSource, InMemoryOpenOrderSource>();
        services.TryAddSingleton<ICostOfSalesSource, InMemoryCostOfSalesSource>();
        services.TryAddSingleton<IAccountManagerTasks, InMemoryAccountManagerTasks>();
        services.TryAddSingleton<ILetterNumberSequence, InMemoryLetterNumberSequence>();
        return services;
    }

    private static void AddOptions(IServiceCollection services)
    {
        services.AddOptions<DebitorCoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DebitorCoreOptions>, DebitorCoreStartupCheck>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<DebitorCoreOptions>>().Value);
    }

    private static void AddServices(IServiceCollection services)
    {
        // Pure defaults: settings and rules, nothing that stores or sends data.
        services.TryAddSingleton(new CreditControlOptions());
        services.TryAddSingleton(new ReportingOptions());
#pragma warning disable RS0030 // The composition root is the one place that may name the system clock; rules receive IClock or a date.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<IAuthorizationPort, RoleBasedAuthorization>();
        services.TryAddSingleton<IInterestSchemeProvider, InterestSchemeRegistry>();
        services.TryAddSingleton<IDocumentRenderer>(NoDocumentRenderer.Instance);
        services.TryAddSingleton<IDunningSettingsProvider, InMemoryDunningSettingsProvider>();
        services.TryAddSingleton<IVirusScanner, UnconfiguredVirusScanner>();

        // Derived from the store, and the use cases: scoped, so a scoped store works.
        services.TryAddScoped<IPayerDirectory, StorePayerDirectory>();
        services.TryAddScoped<ICustomerSearch, StoreCustomerSearch>();
        services.TryAddScoped<DocumentDelivery>();
        services.TryAddScoped<CustomerAccountService>();
        services.TryAddScoped<CreditControlService>();
        services.TryAddScoped<StatementService>();
        services.TryAddScoped<ReceivablesFiguresService>();
        services.TryAddScoped<DelegationService>();
        services.TryAddScoped<InterestInvoiceService>();
        services.TryAddScoped<PaymentService>();
        services.TryAddScoped<CollectionService>();
        services.TryAddScoped<DunningService>();
        services.TryAddScoped<RecoveryService>();
        services.TryAddScoped<CustomerSearchService>();
    }
}
