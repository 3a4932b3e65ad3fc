using System.Globalization;
using Debitor.Core.Documents;
using Microsoft.Extensions.Configuration;

namespace Debitor.Core.Application;

/// <summary>
/// Reads <see cref="DebitorCoreOptions"/> from a configuration section by hand (D14.21): five keys, no reflection binder,
/// and a value that cannot be read becomes a start-up failure naming its key instead of an exception deep in binding.
/// </summary>
internal static class DebitorCoreConfiguration
{
    /// <summary>Applies the section's values to the options; keys that are absent leave the options as they are.</summary>
    /// <param name="options">The options.</param>
    /// <param name="section">The configuration section.</param>
    internal static void Bind(DebitorCoreOptions options, IConfiguration section)
    {
        var path = section is IConfigurationSection named ? named.Path + ":" : string.Empty;
        if (section["TimeZone"] is { Length: > 0 } zoneId)
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId.Trim()) is { } zone)
            {
                options.TimeZone = zone;
            }
            else
            {
                options.ConfigurationErrors.Add($"Debitor.Core: {path}TimeZone \"{zoneId}\" is not an IANA time zone id (e.g. \"Europe/Berlin\").");
            }
        }

        if (section["MaxConcurrencyRetries"] is { Length: > 0 } retries)
        {
            if (int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 1_000)
            {
                options.MaxConcurrencyRetries = value;
            }
            else
            {
                options.ConfigurationErrors.Add($"Debitor.Core: {path}MaxConcurrencyRetries \"{retries}\" is not a whole number from 0 to 1000.");
            }
        }

        var contact = section.GetSection("ReceivablesContact");
        var name = contact["Name"];
        var phone = Blank(contact["Phone"]);
        var email = Blank(contact["Email"]);
        if (!string.IsNullOrWhiteSpace(name))
        {
            options.ReceivablesContact = new ReceivablesContact(name.Trim(), phone, email);
        }
        else if (name is not null || phone is not null || email is not null)
        {
            options.ConfigurationErrors.Add($"Debitor.Core: {path}ReceivablesContact:Name is empty; a receivables contact needs a name (a person or a team).");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
