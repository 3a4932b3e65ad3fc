using Debitor.Core.Application;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Orleans;

/// <summary>
/// The library's application services as one command in an account grain uses them: built by the silo's dependency
/// injection (its authorization, clock, options, outbox, outputs, settings, interest schemes, letter numbers, logging),
/// with one difference — their <see cref="ICustomerAccountStore"/> is the grain's: its own account from the warm journal,
/// every other account through that account's grain. So the rules run exactly as in one process, in one place.
/// </summary>
/// <remarks>
/// The services are made for the command and dropped with it (the silo registers them scoped). A payer directory or
/// customer search of the library's own kind (<see cref="StorePayerDirectory"/>, <see cref="StoreCustomerSearch"/>) reads
/// through the grains too; a host's own (an index query) is used as registered.
/// </remarks>
internal sealed class AccountServices : IServiceProvider, IServiceProviderIsService, IDisposable
{
    /// <summary>The services that read or write accounts: made here, over the grain's store.</summary>
    private static readonly HashSet<Type> OverStore =
    [
        typeof(CustomerAccountService),
        typeof(PaymentService),
        typeof(CollectionService),
        typeof(CreditControlService),
        typeof(DelegationService),
        typeof(InterestInvoiceService),
        typeof(DunningService),
        typeof(RecoveryService),
        typeof(DocumentDelivery),
    ];

    private readonly IServiceScope _scope;
    private readonly ICustomerAccountStore _store;
    private readonly Dictionary<Type, object> _made = [];

    internal AccountServices(IServiceProvider silo, ICustomerAccountStore store)
    {
        _scope = silo.CreateScope();
        _store = store;
    }

    internal CustomerAccountService Accounts => Get<CustomerAccountService>();

    internal PaymentService Payments => Get<PaymentService>();

    internal CollectionService Collection => Get<CollectionService>();

    internal CreditControlService Credit => Get<CreditControlService>();

    internal DelegationService Delegation => Get<DelegationService>();

    internal InterestInvoiceService Interest => Get<InterestInvoiceService>();

    internal DunningService Dunning => Get<DunningService>();

    internal RecoveryService Recovery => Get<RecoveryService>();

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(ICustomerAccountStore))
        {
            return _store;
        }

        if (serviceType == typeof(IServiceProvider) || serviceType == typeof(IServiceProviderIsService))
        {
            return this;
        }

        if (_made.TryGetValue(serviceType, out var made))
        {
            return made;
        }

        var service = OverStore.Contains(serviceType)
            ? ActivatorUtilities.CreateInstance(this, serviceType)
            : _scope.ServiceProvider.GetService(serviceType) switch
            {
                StorePayerDirectory => ActivatorUtilities.CreateInstance<StorePayerDirectory>(this),
                StoreCustomerSearch => ActivatorUtilities.CreateInstance<StoreCustomerSearch>(this),
                var registered => registered,
            };
        if (service is not null)
        {
            _made[serviceType] = service;
        }

        return service;
    }

    public bool IsService(Type serviceType) =>
        serviceType == typeof(ICustomerAccountStore)
        || OverStore.Contains(serviceType)
        || (_scope.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(serviceType) ?? false);

    public void Dispose() => _scope.Dispose();

    private T Get<T>()
        where T : class => (T)GetService(typeof(T))!;
}
