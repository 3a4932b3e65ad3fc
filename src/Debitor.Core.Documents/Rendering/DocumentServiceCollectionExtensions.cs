using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Debitor.Core.Documents.Rendering;

/// <summary>Registers the document renderer in a host's service collection.</summary>
public static class DocumentServiceCollectionExtensions
{
    /// <summary>
    /// Adds one shared <see cref="DocumentRenderer"/>, built (and its templates checked) when first resolved, logging
    /// through the host's <see cref="ILogger{TCategoryName}"/> when one is registered, and makes it the core's
    /// <see cref="IDocumentRenderer"/> (replacing the default that renders nothing, before or after <c>AddDebitorCore</c>):
    /// every document the use cases deliver reaches the outputs rendered (PDF by default).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the company profile and, optionally, texts and templates.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddDebitorCoreDocuments(this IServiceCollection services, Action<DocumentRendererOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var options = new DocumentRendererOptions();
            configure(options);
            return new DocumentRenderer(options, provider.GetService<ILogger<DocumentRenderer>>());
        });
        services.Replace(ServiceDescriptor.Singleton<IDocumentRenderer>(provider => provider.GetRequiredService<DocumentRenderer>()));
        return services;
    }
}
