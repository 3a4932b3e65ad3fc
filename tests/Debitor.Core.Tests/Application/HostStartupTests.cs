using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>Issue 14 points 2 and 3: options validated at start, no silent in-memory ports, scoped stores.</summary>
public sealed class HostStartupTests
{
    private static IHost Host(Action<IServiceCollection> configure, IDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        configure(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task StartAsync_NoTimeZoneAndNoContact_FailsNamingBoth()
    {
        using var host = Host(s => s.AddDebitorCore().AddDebitorCoreInMemory());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("time zone is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("receivables contact is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoPorts_FailsNamingEveryMissingPort()
    {
        using var host = Host(s => s.AddDebitorCore(TestHost.Options()));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        foreach (var port in new[] { nameof(ICustomerAccountStore), nameof(IFileStorage), nameof(IDocumentOutbox), nameof(IDocumentOutput), nameof(IDunningLetterOutput), nameof(IAccountFaultLog), nameof(IOpenOrderSource), nameof(ICostOfSalesSource), nameof(IAccountManagerTasks) })
        {
            Assert.Contains($"no {port} is registered", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("AddDebitorCoreInMemory() registers in-memory ports for tests and demos only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OnlyTheStoreMissing_FailsNamingTheStoreAlone()
    {
        using var host = Host(s =>
        {
            s.AddDebitorCore(TestHost.Options()).AddDebitorCoreInMemory();
            s.Remove(s.Single(d => d.ServiceType == typeof(ICustomerAccountStore)));
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Debitor.Core: no ICustomerAccountStore is registered", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OptionsAndPortsComplete_Starts()
    {
        using var host = Host(s => s.AddDebitorCoreForTests());

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal("Forderungsmanagement", host.Services.GetRequiredService<IOptions<DebitorCoreOptions>>().Value.ReceivablesContact.Name);
    }

    [Fact]
    public void GetService_WithoutAHost_FailsWithTheSameMessageBeforeAnyUseCaseRuns()
    {
        using var provider = new ServiceCollection().AddDebitorCore().AddDebitorCoreInMemory().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DunningService>());

        Assert.Contains("time zone is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDebitorCore_FromConfiguration_ReadsTimeZoneContactAndRetries()
    {
        using var configured = Host(s => s.AddDebitorCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Debitor:TimeZone"] = "Europe/Vienna",
            ["Debitor:MaxConcurrencyRetries"] = "7",
            ["Debitor:ReceivablesContact:Name"] = "Buchhaltung",
            ["Debitor:ReceivablesContact:Phone"] = "+43 1 234",
            ["Debitor:ReceivablesContact:Email"] = "buchhaltung@example.at",
        }).Build().GetSection("Debitor")).AddDebitorCoreInMemory());

        await configured.StartAsync();
        var options = configured.Services.GetRequiredService<DebitorCoreOptions>();
        await configured.StopAsync();

        Assert.Equal("Europe/Vienna", options.TimeZone.Id);
        Assert.Equal(7, options.MaxConcurrencyRetries);
        Assert.Equal(new ReceivablesContact("Buchhaltung", "+43 1 234", "buchhaltung@example.at"), options.ReceivablesContact);
    }

    [Theory]
    [InlineData("TimeZone", "Europe/Atlantis", "Debitor:TimeZone \"Europe/Atlantis\" is not an IANA time zone id")]
    [InlineData("MaxConcurrencyRetries", "many", "Debitor:MaxConcurrencyRetries \"many\" is not a whole number from 0 to 1000")]
    [InlineData("MaxConcurrencyRetries", "1001", "Debitor:MaxConcurrencyRetries \"1001\" is not a whole number from 0 to 1000")]
    [InlineData("ReceivablesContact:Phone", "+49 30 1", "Debitor:ReceivablesContact:Name is empty")]
    public async Task AddDebitorCore_ConfigurationValueUnreadable_FailsAtStartNamingTheKey(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Debitor:TimeZone"] = "Europe/Berlin",
            ["Debitor:ReceivablesContact:Name"] = "Buchhaltung",
        };
        if (key.StartsWith("ReceivablesContact", StringComparison.Ordinal))
        {
            values.Remove("Debitor:ReceivablesContact:Name");
        }

        values["Debitor:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var host = Host(s => s.AddDebitorCore(configuration.GetSection("Debitor")).AddDebitorCoreInMemory());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDebitorCore_ConfigureAfterConfiguration_WinsOverIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TimeZone"] = "Europe/Vienna",
            ["ReceivablesContact:Name"] = "Buchhaltung",
        }).Build();
        var services = new ServiceCollection().AddDebitorCore(configuration).AddDebitorCoreInMemory();
        services.Configure<DebitorCoreOptions>(o => o.TimeZone = DateTimeZoneProviders.Tzdb["Europe/Zurich"]);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("Europe/Zurich", provider.GetRequiredService<DebitorCoreOptions>().TimeZone.Id);
    }

    [Fact]
    public async Task UseCases_OverAScopedStore_UseEachScopesStore()
    {
        var shared = new InMemoryCustomerAccountStore();
        var created = new List<ScopedStore>();
        var services = new ServiceCollection().AddDebitorCoreForTests();
        services.AddScoped<ICustomerAccountStore>(_ =>
        {
            var store = new ScopedStore(shared);
            created.Add(store);
            return store;
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        ScopedStore first;
        await using (var scope = provider.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<CustomerAccountService>();
            await accounts.RegisterCustomerAsync(Accountant, NewCustomer());
            await accounts.PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m, Today.PlusDays(-30)));
            first = (ScopedStore)scope.ServiceProvider.GetRequiredService<ICustomerAccountStore>();
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var hit = Assert.Single(await scope.ServiceProvider.GetRequiredService<CustomerSearchService>().SearchAsync(Accountant, new CustomerSearchQuery(Company) { Number = "1000" }));
            var preview = await scope.ServiceProvider.GetRequiredService<DunningService>().PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("scoped"), Company, Today.PlusDays(60)));
            var second = (ScopedStore)scope.ServiceProvider.GetRequiredService<ICustomerAccountStore>();

            Assert.Equal(CustomerA, hit.Customer);
            Assert.Single(preview.Letters);
            Assert.NotSame(first, second);
            Assert.True(first.Calls > 0 && second.Calls > 0);
        }

        Assert.Equal(2, created.Count);
    }

    [Fact]
    public void AddDebitorCoreInMemory_AfterTheHostsStore_KeepsTheHostsStore()
    {
        var store = new InMemoryCustomerAccountStore();
        var services = new ServiceCollection().AddSingleton<ICustomerAccountStore>(store).AddDebitorCoreForTests();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<ICustomerAccountStore>());
    }

    [Fact]
    public void AddDebitorCore_Lifetimes_UseCasesScopedDefaultsSingleton()
    {
        var services = new ServiceCollection().AddDebitorCoreForTests();

        foreach (var useCase in new[] { typeof(CustomerAccountService), typeof(PaymentService), typeof(DunningService), typeof(CustomerSearchService), typeof(DocumentDelivery), typeof(IPayerDirectory), typeof(ICustomerSearch) })
        {
            Assert.Equal(ServiceLifetime.Scoped, services.Single(d => d.ServiceType == useCase).Lifetime);
        }

        foreach (var singleton in new[] { typeof(DebitorCoreOptions), typeof(IClock), typeof(IAuthorizationPort), typeof(IInterestSchemeProvider), typeof(IDunningSettingsProvider) })
        {
            Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == singleton).Lifetime);
        }
    }

    /// <summary>A store made per scope, like one over a scoped DbContext; counts its calls.</summary>
    private sealed class ScopedStore(ICustomerAccountStore inner) : ICustomerAccountStore
    {
        public int Calls { get; private set; }

        public ValueTask<IReadOnlyList<JournalRecord>> LoadAsync(CustomerId customer, CancellationToken cancellationToken)
        {
            Calls++;
            return inner.LoadAsync(customer, cancellationToken);
        }

        public ValueTask AppendAsync(CustomerId customer, long expectedVersion, IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
        {
            Calls++;
            return inner.AppendAsync(customer, expectedVersion, records, cancellationToken);
        }

        public ValueTask DeleteAsync(CustomerId customer, long expectedVersion, CancellationToken cancellationToken) =>
            inner.DeleteAsync(customer, expectedVersion, cancellationToken);

        public ValueTask<IReadOnlyList<CustomerId>> ListCustomersAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return inner.ListCustomersAsync(cancellationToken);
        }
    }
}
