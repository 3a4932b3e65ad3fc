using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Debitor.Cli.Output;
using Debitor.Cli.Portfolio;
using Debitor.Cli.Storage;

namespace Debitor.Cli.Commands;

/// <summary>What a command's action works with: its parsed options, the writers, the database and the output form.</summary>
internal sealed class CliContext(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public ParseResult Parse { get; } = parse;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool Json => Parse.GetValue(GlobalOptions.Format) == "json";

    /// <summary>The culture of printed proposals and documents: de-DE or en-GB.</summary>
    public string Culture => Parse.GetValue(GlobalOptions.Lang) == "en" ? "en-GB" : "de-DE";

    public bool English => Culture == "en-GB";

    public LocalDate? AsOf => Parse.GetValue(GlobalOptions.AsOf) is { } text ? ParseDate(text, "--as-of") : null;

    /// <summary>Where the CLI keeps its databases and documents: <c>$DEBITOR_HOME</c>, else the user's local application data folder.</summary>
    public static string Home => Environment.GetEnvironmentVariable("DEBITOR_HOME") is { Length: > 0 } home
        ? home
        : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "debitor");

    /// <summary>The database named by <c>--db</c>, else <c>$DEBITOR_DB</c>, else <paramref name="defaultName"/> in <see cref="Home"/>.</summary>
    public string DatabasePath(string defaultName = "debitor.db") =>
        Parse.GetValue(GlobalOptions.Db) ?? (Environment.GetEnvironmentVariable("DEBITOR_DB") is { Length: > 0 } db ? db : System.IO.Path.Combine(Home, defaultName));

    public Task<CliHost> OpenAsync() => CliHost.OpenAsync(DatabasePath(), AsOf, CancellationToken);

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public static LocalDate ParseDate(string text, string what)
    {
        try
        {
            return PortfolioLoader.Date(text, what);
        }
        catch (FormatException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    /// <summary>Prints a result: as JSON with <c>--format json</c>, else as the text the command writes.</summary>
    public async Task EmitAsync(object result, Action<TextWriter> text)
    {
        if (Json)
        {
            await Output.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions));
        }
        else
        {
            text(Output);
        }
    }

    /// <summary>
    /// Prints a result written as it goes: with <c>--format json</c> <paramref name="json"/> writes it into the output in
    /// pieces (the form and options of <see cref="EmitAsync(object, Action{TextWriter})"/>, D16.263), else the command's text.
    /// </summary>
    public async Task EmitAsync(Action<Utf8JsonWriter> json, Action<TextWriter> text)
    {
        if (!Json)
        {
            text(Output);
            return;
        }

        var pieces = new TextWriterBuffer(Output);
        using (var writer = new Utf8JsonWriter(pieces, new JsonWriterOptions { Indented = true, Encoder = JsonOptions.Encoder }))
        {
            json(writer);
        }

        pieces.Complete();
        await Output.WriteLineAsync();
    }

    /// <summary>Progress of long work, on the error stream so that output stays clean for scripts.</summary>
    public ProgressReporter Progress(string what, long total) => new(Error, what, total, ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected, CultureInfo.GetCultureInfo(Culture), T("von", "of"));

    /// <summary>
    /// A finished step of long work (D16.264): on the error stream, beside the progress, one line with what the step made
    /// and how long it took. Work under <see cref="ProgressReporter.Threshold"/> items shows nothing, as progress does.
    /// </summary>
    public void Stage(string what, long count, TimeSpan elapsed) => ProgressReporter.Stage(Error, what, count, elapsed, CultureInfo.GetCultureInfo(Culture));

    /// <summary>A line in the chosen language.</summary>
    public string T(string german, string english) => English ? english : german;
}
