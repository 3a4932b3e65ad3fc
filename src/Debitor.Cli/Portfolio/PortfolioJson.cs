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

    public static PortfolioDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<PortfolioDocument>(stream, Options) ?? throw new FormatException($"{path} holds no portfolio.");
    }

    public static void Write(PortfolioDocument portfolio, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, portfolio, Options);
    }
}
