using System.Globalization;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Debitor.Core.Application;

/// <summary>
/// The start-up check of a host built with <c>AddDebitorCore</c> (D14.21, D14.22): the time zone and our receivables contact
/// are set, the configuration could be read, and every port that holds or sends data is registered. Runs as the
/// validation of <see cref="DebitorCoreOptions"/> (<c>ValidateOnStart</c>), so a generic host fails to start with one
/// <see cref="OptionsValidationException"/> naming every gap.
/// </summary>
internal sealed class DebitorCoreStartupCheck : IValidateOptions<DebitorCoreOptions>
{
    /// <summary>The ports a host must register (or take from <c>AddDebitorCoreInMemory</c>), with what they are for.</summary>
    internal static readonly IReadOnlyList<(Type Port, string Purpose)> RequiredPorts =
    [
        (typeof(ICustomerAccountStore), "the account journals"),
        (typeof(IFileStorage), "attached file content"),
        (typeof(IDocumentOutbox), "documents waiting for delivery"),
        (typeof(IDocumentOutput), "payment advice, notifications, interest invoices"),
        (typeof(IDunningLetterOutput), "dunning letters"),
        (typeof(IAccountFaultLog), "accounts a run cannot read"),
        (typeof(IOpenOrderSource), "open-order totals for credit control"),
        (typeof(ICostOfSalesSource), "cost of sales for gross profit"),
        (typeof(IAccountManagerTasks), "tasks for account managers"),
        (typeof(ILetterNumberSequence), "dunning letter numbers"),
    ];

    private readonly IServiceProviderIsService? _services;

    /// <summary>Creates the check.</summary>
    /// <param name="provider">The container; when it cannot tell whether a service is registered (no <see cref="IServiceProviderIsService"/>), ports are not checked.</param>
    public DebitorCoreStartupCheck(IServiceProvider provider) => _services = provider.GetService<IServiceProviderIsService>();

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DebitorCoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.TimeZoneSet)
        {
            failures.Add("Debitor.Core: the time zone is not set. Set DebitorCoreOptions.TimeZone (or the configuration key TimeZone, an IANA id such as \"Europe/Berlin\"): \"today\", due dates and letter dates depend on it.");
        }

        if (!options.ReceivablesContactSet)
        {
            failures.Add("Debitor.Core: our receivables contact is not set. Set DebitorCoreOptions.ReceivablesContact (or the configuration keys ReceivablesContact:Name, :Phone, :Email): every letter and notification prints it (R3.5).");
        }

        failures.AddRange(options.ConfigurationErrors);
        if (_services is not null)
        {
            foreach (var (port, purpose) in RequiredPorts)
            {
                if (!_services.IsService(port))
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"Debitor.Core: no {port.Name} is registered ({purpose}). Register the host's implementation or a store package (AddDebitorCoreSqlite, AddDebitorCorePostgreSql); AddDebitorCoreInMemory() registers in-memory ports for tests and demos only."));
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
