using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using Debitor.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime.Testing;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>Issue 14 point 4: the log events, metrics and activities of one dunning run.</summary>
public sealed class TelemetryTests
{
    private const string PersonalName = "Erika Mustermann";

    [Fact]
    public async Task DunningRun_PreviewAndProcess_EmitEventsMetricsAndActivities()
    {
        var company = new CompanyId("telemetry-" + Guid.NewGuid().ToString("N"));
        var logger = new RecordingLogger<DunningService>();
        using var metrics = new MetricRecorder(company);
        using var activities = new ActivityRecorder(company);
        var services = new ServiceCollection().AddDebitorCoreForTests();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddSingleton<ILogger<DunningService>>(logger);
        await using var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<CustomerAccountService>();
        foreach (var (id, invoices) in new[] { ("T-1", 2), ("T-2", 1) })
        {
            var customerId = new CustomerId(id);
            await accounts.RegisterCustomerAsync(Accountant, new Customer(customerId, id, PersonalName, company));
            for (var i = 0; i < invoices; i++)
            {
                await accounts.PostAsync(Accountant, customerId, Invoice($"{id}-inv-{i}", 100m + i, Today.PlusDays(-40)));
            }
        }

        var blocked = new Customer(new CustomerId("T-3"), "T-3", PersonalName, company) { IsDunningBlocked = true };
        await accounts.RegisterCustomerAsync(Accountant, blocked);
        await accounts.PostAsync(Accountant, blocked.Id, Invoice("T-3-inv", 80m, Today.PlusDays(-40)));

        var dunning = provider.GetRequiredService<DunningService>();
        var proposal = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("tel-run"), company, Today));
        var result = await dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(2, result.Issued.Count);
        var events = logger.Entries;
        var previewed = Assert.Single(events, e => e.Id.Id == DebitorEventIds.DunningRunPreviewed);
        Assert.Equal("DunningRunPreviewed", previewed.Id.Name);
        Assert.Equal("tel-run", previewed.Fields["RunId"]);
        Assert.Equal(company.Value, previewed.Fields["Company"]);
        Assert.Equal(2, previewed.Fields["Letters"]);
        Assert.Equal(3, previewed.Fields["Notices"]);
        var excluded = Assert.Single(events, e => e.Id.Id == DebitorEventIds.DunningItemExcluded);
        Assert.Equal(LogLevel.Debug, excluded.Level);
        Assert.Equal(("T-3", "T-3-inv", (object?)DunningExclusion.CustomerBlocked), ((string)excluded.Fields["Customer"]!, (string)excluded.Fields["Item"]!, excluded.Fields["Reason"]));
        var issued = events.Where(e => e.Id.Id == DebitorEventIds.DunningLetterIssued).ToList();
        Assert.Equal(result.Issued.Select(l => l.Id).Order(), issued.Select(e => (string)e.Fields["LetterId"]!).Order());
        Assert.Equal(["T-1", "T-2"], issued.Select(e => (string)e.Fields["Recipient"]!).Order());
        var processed = Assert.Single(events, e => e.Id.Id == DebitorEventIds.DunningRunProcessed);
        Assert.Equal(LogLevel.Information, processed.Level);
        Assert.Equal(2, processed.Fields["Letters"]);
        Assert.Equal(3, processed.Fields["Notices"]);
        Assert.Equal(0, processed.Fields["Removed"]);
        Assert.All(events, e => Assert.DoesNotContain(PersonalName, e.Message, StringComparison.Ordinal));

        Assert.Equal(2, metrics.Sum("debitor.dunning.letters"));
        Assert.Equal(3, metrics.Sum("debitor.dunning.notices"));
        Assert.Equal(["preview", "process"], metrics.Tags("debitor.dunning.run.duration", "debitor.operation").Order());
        Assert.All(metrics.Values("debitor.dunning.run.duration"), seconds => Assert.True(seconds >= 0));
        Assert.Equal(["debitor.dunning.preview", "debitor.dunning.process"], activities.Names.Order());
        Assert.All(activities.Stopped, a => Assert.Equal("tel-run", a.GetTagItem("debitor.run")));
        Assert.Equal(2, activities.Stopped.Single(a => a.OperationName == "debitor.dunning.process").GetTagItem("debitor.letters"));
    }

    [Fact]
    public async Task DunningRun_ActorWithoutPermission_LogsTheRefusalWithIdsOnly()
    {
        var logger = new RecordingLogger<DunningService>();
        var services = new ServiceCollection().AddDebitorCoreForTests();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddSingleton<ILogger<DunningService>>(logger);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Accountant, NewCustomer(name: PersonalName));
        await provider.GetRequiredService<CustomerAccountService>().PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m, Today.PlusDays(-40)));
        var dunning = provider.GetRequiredService<DunningService>();
        var proposal = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("refused"), Company, Today));

        await Assert.ThrowsAsync<AuthorizationException>(() => dunning.ProcessAsync(Viewer, proposal));

        var refused = Assert.Single(logger.Entries, e => e.Id.Id == DebitorEventIds.AccessRefused);
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal("vera", refused.Fields["User"]);
        Assert.Equal(Permission.ProcessDunning, refused.Fields["Permission"]);
        Assert.Equal("C-1000", refused.Fields["Customer"]);
        Assert.DoesNotContain(PersonalName, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountUseCase_ActorWithoutPermission_LogsTheRefusalWithIdsOnly()
    {
        var logger = new RecordingLogger<CustomerAccountService>();
        var services = new ServiceCollection().AddDebitorCoreForTests();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddSingleton<ILogger<CustomerAccountService>>(logger);
        await using var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<CustomerAccountService>();
        await accounts.RegisterCustomerAsync(Accountant, NewCustomer(name: PersonalName));

        await Assert.ThrowsAsync<AuthorizationException>(() => accounts.PostAsync(Viewer, CustomerA, Invoice("inv-1", 100m, Today)));

        var refused = Assert.Single(logger.Entries, e => e.Id.Id == DebitorEventIds.AccessRefused);
        Assert.Equal(Permission.PostDocuments, refused.Fields["Permission"]);
        Assert.Equal("C-1000", refused.Fields["Customer"]);
        Assert.DoesNotContain(PersonalName, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DunningRun_AnotherWriterComesFirst_LogsAndCountsTheConflict()
    {
        var inner = new InMemoryCustomerAccountStore();
        var store = new InterferingStore(inner);
        var logger = new RecordingLogger<DunningService>();
        var services = new ServiceCollection().AddSingleton<ICustomerAccountStore>(store).AddDebitorCoreForTests();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddSingleton<ILogger<DunningService>>(logger);
        await using var provider = services.BuildServiceProvider();
        using var metrics = new MetricRecorder(null);
        await provider.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Accountant, NewCustomer());
        await provider.GetRequiredService<CustomerAccountService>().PostAsync(Accountant, CustomerA, Invoice("inv-1", 100m, Today.PlusDays(-40)));
        var dunning = provider.GetRequiredService<DunningService>();
        var proposal = await dunning.PreviewAsync(Accountant, new DunningRunRequest(new DunningRunId("conflict"), Company, Today));
        store.InterfereOnce = new CommunicationRecorded(Id("call"), CommunicationKind.PhoneCall, "Called", "will pay soon");

        var result = await dunning.ProcessAsync(Accountant, proposal);

        Assert.Single(result.Issued);
        var conflict = Assert.Single(logger.Entries, e => e.Id.Id == DebitorEventIds.ConcurrencyConflict);
        Assert.Equal("C-1000", conflict.Fields["Customer"]);
        Assert.Equal(true, conflict.Fields["Retrying"]);
        Assert.True(metrics.Sum("debitor.concurrency.conflicts", ("debitor.operation", "dunning")) >= 1);
    }

    [Fact]
    public async Task ApplyPayment_Applied_IsCountedForItsCompany()
    {
        var company = new CompanyId("telemetry-pay-" + Guid.NewGuid().ToString("N"));
        using var metrics = new MetricRecorder(company);
        var services = new ServiceCollection().AddDebitorCoreForTests();
        services.AddSingleton<IClock>(new FakeClock(Now));
        await using var provider = services.BuildServiceProvider();
        var customer = new Customer(new CustomerId("P-1"), "P-1", PersonalName, company);
        await provider.GetRequiredService<CustomerAccountService>().RegisterCustomerAsync(Accountant, customer);
        await provider.GetRequiredService<CustomerAccountService>().PostAsync(Accountant, customer.Id, Invoice("P-1-inv", 100m, Today.PlusDays(-5)));
        var payments = provider.GetRequiredService<PaymentService>();
        var payment = new IncomingPayment(Id("pay-1"), Eur(100m), Today);

        await payments.ApplyPaymentAsync(Accountant, customer.Id, payment);
        await payments.ApplyPaymentAsync(Accountant, customer.Id, payment);

        Assert.Equal(1, metrics.Sum("debitor.payments.applied"));
    }

    /// <summary>An <see cref="ILogger{T}"/> that keeps every entry with its structured fields.</summary>
    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            _entries.Enqueue(new Entry(logLevel, eventId, formatter(state, exception), fields));
        }

        public sealed record Entry(LogLevel Level, EventId Id, string Message, Dictionary<string, object?> Fields);
    }

    /// <summary>Records the measurements of the Debitor.Core meter, of one company when given (tests run in parallel).</summary>
    private sealed class MetricRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

        public MetricRecorder(CompanyId? company)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DebitorDiagnostics.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            {
                var dictionary = new Dictionary<string, object?>();
                foreach (var tag in tags)
                {
                    dictionary[tag.Key] = tag.Value;
                }

                if (company is null || Equals(dictionary.GetValueOrDefault("debitor.company"), company.Value.Value))
                {
                    _measurements.Enqueue((instrument.Name, value, dictionary));
                }
            }

            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }

        public double Sum(string instrument, (string Key, string Value)? tag = null) =>
            _measurements.Where(m => m.Instrument == instrument && (tag is not { } t || Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);

        public IEnumerable<double> Values(string instrument) => _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value);

        public IEnumerable<string> Tags(string instrument, string key) =>
            _measurements.Where(m => m.Instrument == instrument).Select(m => (string)m.Tags[key]!);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Records the stopped activities of the Debitor.Core source for one company.</summary>
    private sealed class ActivityRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public ActivityRecorder(CompanyId company)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == DebitorDiagnostics.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (Equals(activity.GetTagItem("debitor.company"), company.Value))
                    {
                        _stopped.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Stopped => [.. _stopped];

        public IEnumerable<string> Names => _stopped.Select(a => a.OperationName);

        public void Dispose() => _listener.Dispose();
    }
}
