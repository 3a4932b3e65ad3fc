using Debitor.Core.Application;
using Debitor.Core.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Debitor.Core.Tests.Support;

/// <summary>How tests register Debitor.Core: the options a host must set, and the in-memory ports named explicitly.</summary>
internal static class TestHost
{
    public static readonly ReceivablesContact Contact = new("Forderungsmanagement", "+49 30 1234567", "forderungen@example.com");

    /// <summary>Sets the time zone and our contact, then <paramref name="configure"/>.</summary>
    public static Action<DebitorCoreOptions> Options(Action<DebitorCoreOptions>? configure = null) => options =>
    {
        options.TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        options.ReceivablesContact = Contact;
        configure?.Invoke(options);
    };

    /// <summary><c>AddDebitorCore</c> with the options set and <c>AddDebitorCoreInMemory</c>.</summary>
    public static IServiceCollection AddDebitorCoreForTests(this IServiceCollection services, Action<DebitorCoreOptions>? configure = null) =>
        services.AddDebitorCore(Options(configure)).AddDebitorCoreInMemory();
}
