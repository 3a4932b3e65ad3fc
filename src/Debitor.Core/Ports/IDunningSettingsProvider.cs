using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Dunning;

namespace Debitor.Core.Ports;

/// <summary>Supplies a company's dunning settings (schemes, interest schemes, branch days, calendar); implemented by the host.</summary>
public interface IDunningSettingsProvider
{
    /// <summary>The settings of a company.</summary>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The settings; <see cref="DunningSettings.Default"/> when the company has none of its own.</returns>
    ValueTask<DunningSettings> GetAsync(CompanyId company, CancellationToken cancellationToken);
}

/// <summary>
/// An in-memory <see cref="IDunningSettingsProvider"/>: every company starts with <see cref="DunningSettings.Default"/>
/// (the default schemes exist from the start, R3.1) and can be given its own settings.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryDunningSettingsProvider : IDunningSettingsProvider
{
    private readonly ConcurrentDictionary<CompanyId, DunningSettings> _settings = new();

    /// <inheritdoc />
    public ValueTask<DunningSettings> GetAsync(CompanyId company, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_settings.GetValueOrDefault(company) ?? DunningSettings.Default);
    }

    /// <summary>Sets a company's settings, replacing earlier ones.</summary>
    /// <param name="company">The company.</param>
    /// <param name="settings">The settings.</param>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public void Set(CompanyId company, DunningSettings settings)
    {
        Guard.Against.Default(company, nameof(company));
        _settings[company] = Guard.Against.Null(settings);
    }
}
