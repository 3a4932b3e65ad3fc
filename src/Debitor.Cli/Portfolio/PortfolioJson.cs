using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Debitor.Cli.Portfolio;

/// <summary>
/// Reads and writes portfolios as JSON (camelCase, comments and trailing commas allowed). Reading is strict: a field the
/// format does not know — a misspelt <c>"chanel"</c> — is refused with its JSON path, never ignored.
/// </summary>
internal static class PortfolioJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and checks a portfolio; a malformed one is refused naming the document and the field.</summary>
    /// <exception cref="FormatException">The JSON is malformed, names a field the format does not know, a value does not fit its field, or a required field is null.</exception>
    public static PortfolioDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Check(() => JsonSerializer.Deserialize<PortfolioDocument>(stream, Options), path);
    }

    /// <summary>Reads a portfolio from JSON text; <paramref name="document"/> names it in refusals.</summary>
    /// <exception cref="FormatException">As <see cref="Read"/>.</exception>
    public static PortfolioDocument Parse(string json, string document) =>
        Check(() => JsonSerializer.Deserialize<PortfolioDocument>(json, Options), document);

    public static void Write(PortfolioDocument portfolio, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, portfolio, Options);
    }

    public static string Serialize(PortfolioDocument portfolio) => JsonSerializer.Serialize(portfolio, Options);

    private static PortfolioDocument Check(Func<PortfolioDocument?> read, string document)
    {
        PortfolioDocument? portfolio;
        try
        {
            portfolio = read();
        }
        catch (JsonException exception)
        {
            var field = exception.Path?.TrimStart('$', '.') is { Length: > 0 } inner ? inner : "the document";
            throw new FormatException($"{document}: {field}: {exception.Message}", exception);
        }

        return PortfolioValidation.Check(portfolio ?? throw new FormatException($"{document} holds no portfolio (null)."), document);
    }
}
