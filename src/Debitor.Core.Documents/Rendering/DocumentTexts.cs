using System.Collections.Frozen;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace Debitor.Core.Documents.Rendering;

/// <summary>
/// Every customer-facing word of every document, per language: the shipped German and English texts, and whatever a
/// host adds or replaces from its own JSON files, without recompiling.
/// </summary>
/// <remarks>
/// <para>A text file is a flat JSON object of keys and texts, named after its language or culture: <c>de.json</c>,
/// <c>en.json</c>, <c>fr.json</c>, <c>de-AT.json</c>. Placeholders are written <c>{name}</c>. A culture (de-AT) is
/// looked up first, then its language (de).</para>
/// <para>Immutable and thread-safe; <see cref="With"/> and <see cref="WithDirectory"/> return a new set.</para>
/// </remarks>
public sealed class DocumentTexts
{
    private static readonly Lazy<DocumentTexts> Shipped = new(LoadShipped);
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _languages;

    private DocumentTexts(Dictionary<string, Dictionary<string, string>> languages)
    {
        _languages = languages.ToFrozenDictionary(
            l => l.Key,
            l => l.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The shipped texts: German and English.</summary>
    public static DocumentTexts Default => Shipped.Value;

    /// <summary>The languages and cultures that have texts, e.g. "de", "en".</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>The keys a language defines.</summary>
    /// <param name="language">A language or culture name.</param>
    /// <returns>The keys, or none when the language has no texts.</returns>
    public IReadOnlyCollection<string> KeysOf(string language) =>
        _languages.TryGetValue(Guard.Against.Null(language), out var texts) ? texts.Keys : [];

    /// <summary>Looks a text up in a culture, then in its language.</summary>
    /// <param name="culture">A culture name ("de-AT") or language ("de").</param>
    /// <param name="key">The text key.</param>
    /// <param name="text">The text, when found.</param>
    /// <returns>Whether the culture or its language defines the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> or <paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGet(string culture, string key, out string text)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(key);
        if (_languages.TryGetValue(culture, out var exact) && exact.TryGetValue(key, out text!))
        {
            return true;
        }

        var dash = culture.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && _languages.TryGetValue(culture[..dash], out var language) && language.TryGetValue(key, out text!))
        {
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>Adds or replaces texts of one language or culture.</summary>
    /// <param name="culture">The language or culture, e.g. "de" or "fr".</param>
    /// <param name="texts">Keys and texts; they replace texts with the same key.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException"><paramref name="culture"/> is empty, or a text is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is <see langword="null"/>.</exception>
    public DocumentTexts With(string culture, IReadOnlyDictionary<string, string> texts)
    {
        Guard.Against.NullOrWhiteSpace(culture);
        Guard.Against.Null(texts);
        var copy = Copy();
        if (!copy.TryGetValue(culture, out var target))
        {
            copy[culture] = target = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        foreach (var (key, text) in texts)
        {
            target[key] = text ?? throw new ArgumentException($"The text '{key}' is null.", nameof(texts));
        }

        return new DocumentTexts(copy);
    }

    /// <summary>Adds or replaces texts from every <c>*.json</c> file of a directory, each named after its language.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">The directory does not exist, or a file is not a flat JSON object of strings.</exception>
    public DocumentTexts WithDirectory(string directory)
    {
        Guard.Against.NullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"The text directory '{directory}' does not exist.", nameof(directory));
        }

        var result = this;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            result = result.With(Path.GetFileNameWithoutExtension(file), Parse(stream, file));
        }

        return result;
    }

    private static Dictionary<string, string> Parse(Stream stream, string name)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new ArgumentException($"The text file '{name}' is empty.", nameof(name));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The text file '{name}' is not a flat JSON object of keys and texts: {e.Message}", nameof(name), e);
        }
    }

    private static DocumentTexts LoadShipped()
    {
        var assembly = typeof(DocumentTexts).Assembly;
        const string prefix = "Debitor.Core.Documents.Texts.";
        var languages = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            languages[resource[prefix.Length..^".json".Length]] = new Dictionary<string, string>(Parse(stream, resource), StringComparer.Ordinal);
        }

        return new DocumentTexts(languages);
    }

    private Dictionary<string, Dictionary<string, string>> Copy() =>
        _languages.ToDictionary(l => l.Key, l => new Dictionary<string, string>(l.Value, StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
}
