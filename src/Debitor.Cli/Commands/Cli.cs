using System.CommandLine;
using System.Text.Json;
namespace Debitor.Cli.Commands;

/// <summary>The documented exit codes (docs/cli.md).</summary>
internal static class ExitCode
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int PartlyFailed = 3;
}

/// <summary>The options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db") { Description = "The database file (default: $DEBITOR_HOME/debitor.db; the demo's: $DEBITOR_HOME/demo.db)", Recursive = true };

    public static readonly Option<string> Format = new("--format") { Description = "text (default) or json, for scripts", Recursive = true, DefaultValueFactory = _ => "text" };

    public static readonly Option<string> Lang = new("--lang", "--language") { Description = "Language of printed proposals and documents: de (default) or en", Recursive = true, DefaultValueFactory = _ => "de" };

    public static readonly Option<string?> AsOf = new("--as-of") { Description = "The day the command acts on, yyyy-MM-dd (default: the company's date, else today)", Recursive = true };

    static GlobalOptions()
    {
        Format.AcceptOnlyFromAmong("text", "json");
        Lang.AcceptOnlyFromAmong("de", "en");
    }
}

/// <summary>The command line of <c>debitor</c> (System.CommandLine; see docs/decisions.md D16.1).</summary>
internal static class CliApp
{
    /// <summary>Parses and runs a command line; returns the exit code. Output and errors go to the writers given.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Build(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync("debitor: " + problem.Message);
            }

            await error.WriteLineAsync("Run 'debitor --help' (or the command with --help) for the usage.");
            return ExitCode.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("debitor — receivables and dunning of Debitor.Core on an embedded SQLite database. Without a command it runs the demo.");
        root.Options.Add(GlobalOptions.Db);
        root.Options.Add(GlobalOptions.Format);
        root.Options.Add(GlobalOptions.Lang);
        root.Options.Add(GlobalOptions.AsOf);
        var bind = new Binder(output, error);
        DemoCommand.AddTo(root, bind);
        InitCommand.AddTo(root, bind);
        ImportCommands.AddTo(root, bind);
        CustomerCommands.AddTo(root, bind);
        PostingCommands.AddTo(root, bind);
        DunningCommands.AddTo(root, bind);
        InterestCommands.AddTo(root, bind);
        StatementCommand.AddTo(root, bind);
        AgreementCommands.AddTo(root, bind);
        FiguresCommand.AddTo(root, bind);
        DevCommands.AddTo(root, bind);
        return root;
    }
}

/// <summary>Gives a command's action its context and turns refusals into the documented exit codes.</summary>
internal sealed class Binder(TextWriter output, TextWriter error)
{
    public void Action(Command command, Func<CliContext, Task<int>> action) =>
        command.SetAction((parse, cancellationToken) => RunAsync(new CliContext(parse, output, error, cancellationToken), action));

    private static async Task<int> RunAsync(CliContext context, Func<CliContext, Task<int>> action)
    {
        try
        {
            return await action(context);
        }
        catch (UsageException exception)
        {
            await context.Error.WriteLineAsync("debitor: " + exception.Message);
            return ExitCode.Usage;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or JsonException or InvalidOperationException or IOException or OverflowException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync("debitor: " + exception.Message);
            return ExitCode.Refused;
        }
    }
}
