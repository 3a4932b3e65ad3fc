using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Debitor.Cli.Portfolio;

/// <summary>Reads and writes portfolios as JSON (camelCase, comments and trailing commas allowed).</summary>
internal static class PortfolioJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads and checks a portfolio; a malformed one is refused naming the document and the field.</summary>
    /// <exception cref="FormatException">The JSON is malformed, a value does not fit its field, or a required field is null.</exception>
    public static PortfolioDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        PortfolioDocument? portfolio;
        try
        {
            portfolio = JsonSerializer.Deserialize<PortfolioDocument>(stream, Options);
        }
        catch (JsonException exception)
        {
            var field = exception.Path?.TrimStart('$', '.') is { Length: > 0 } inner ? inner : "the document";
            throw new FormatException($"{path}: {field}: {exception.Message}", exception);
        }

        return PortfolioValidation.Check(portfolio ?? throw new FormatException($"{path} holds no portfolio (null)."), path);
    }

    public static void Write(PortfolioDocument portfolio, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, portfolio, Options);
    }
}
