using System.Runtime.CompilerServices;
using System.Text.Json;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;

namespace Debitor.Core.Serialization;

/// <summary>
/// The settings documents a stored letter embeds (D13.50), written once per settings instance (D16.61): every letter of
/// a run carries the run's own <see cref="DunningSettings"/> and <see cref="InterestSchemeCatalog"/> instances, which are
/// immutable, so their <see cref="SettingsJson"/> documents are the same for each letter and are kept as long as the
/// instances live.
/// </summary>
internal static class SettingsElements
{
    private static readonly ConditionalWeakTable<DunningSettings, StrongBox<JsonElement>> Dunning = [];
    private static readonly ConditionalWeakTable<InterestSchemeCatalog, StrongBox<JsonElement>> Interest = [];

    /// <summary>The settings as <see cref="SettingsJson.Serialize(DunningSettings)"/> writes them.</summary>
    public static JsonElement Of(DunningSettings settings) =>
        Dunning.GetValue(settings, s => new StrongBox<JsonElement>(Parse(SettingsJson.Serialize(s)))).Value;

    /// <summary>The schemes as <see cref="SettingsJson.Serialize(InterestSchemeCatalog)"/> writes them.</summary>
    public static JsonElement Of(InterestSchemeCatalog schemes) =>
        Interest.GetValue(schemes, s => new StrongBox<JsonElement>(Parse(SettingsJson.Serialize(s)))).Value;

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
