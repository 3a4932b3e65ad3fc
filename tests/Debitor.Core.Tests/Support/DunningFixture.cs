using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using NodaTime.Testing;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>The dunning use cases over the in-memory store and output, with a fake clock at 15 March 2026.</summary>
internal sealed class DunningFixture
{
    public DunningFixture(ICustomerAccountStore? store = null, ILetterNumberSequence? letterNumbers = null)
    {
        Clock = new FakeClock(Now);
        var options = new DebitorCoreOptions();
        Store = store ?? new InMemoryCustomerAccountStore();
        Accounts = new CustomerAccountService(Store, new RoleBasedAuthorization(), Clock, options);
        Options = options;
        Dunning = letterNumbers is null
            ? new DunningService(Store, new RoleBasedAuthorization(), Settings, InterestSchemes, Output, Clock, options)
            : new DunningService(
                Store, new RoleBasedAuthorization(), Settings, InterestSchemes, Output, Clock, options,
                new InMemoryDocumentOutbox(), new InMemoryAccountFaultLog(), NoDocumentRenderer.Instance, letterNumbers);
    }

    public ICustomerAccountStore Store { get; }

    public FakeClock Clock { get; }

    public InMemoryDunningSettingsProvider Settings { get; } = new();

    public InMemoryDunningLetterOutput Output { get; } = new();

    public InterestSchemeRegistry InterestSchemes { get; } = new();

    public DebitorCoreOptions Options { get; }

    public CustomerAccountService Accounts { get; }

    public DunningService Dunning { get; }

    public async Task<CustomerAccount> AddAsync(Customer customer, params JournalEntry[] entries)
    {
        await Accounts.RegisterCustomerAsync(Accountant, customer);
        return entries.Length == 0 ? await Accounts.GetAccountAsync(Accountant, customer.Id) : await Accounts.PostAllAsync(Accountant, customer.Id, entries);
    }

    public async Task<CustomerAccount> LoadAsync(CustomerId customer) => await Accounts.GetAccountAsync(Accountant, customer);

    public async Task<IReadOnlyList<JournalRecord>> JournalAsync(CustomerId customer) => await Store.LoadAsync(customer, CancellationToken.None);

    /// <summary>Sets the clock to 10:00 in Berlin on a day: processing a run dated that day needs no run-date override (D12.23).</summary>
    public DunningFixture On(LocalDate day)
    {
        Clock.Reset(At(day));
        return this;
    }

    /// <summary>10:00 in Berlin on a day.</summary>
    public static Instant At(LocalDate day) => day.At(new LocalTime(10, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).ToInstant();
}
