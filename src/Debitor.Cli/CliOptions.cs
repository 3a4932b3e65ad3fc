using System.Globalization;
using Debitor.Cli.Portfolio;

namespace Debitor.Cli;

/// <summary>Thrown for a command line the CLI does not understand.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The command line of <c>debitor</c>.</summary>
internal sealed record CliOptions
{
    public const string Usage = """
        debitor — the dunning job of Debitor.Core on a portfolio (the embedded sample unless --portfolio is given)

        usage: debitor [options]

          --portfolio <file.json>   read the portfolio from a JSON file (format: docs/cli.md)
          --export-sample <file>    write the embedded sample portfolio as JSON and stop
          --as-of <yyyy-MM-dd>      run date (default: the portfolio's asOf; the sample's is 2026-11-23)
          --branch <id>             only customers of one branch (default: the whole company)
          --customer <id>           only one customer
          --level <n>               only notices of level n
          --automatic               an automatic (workflow) run: skips customers not in workflows and problematic ones
          --credit-limit-exceeded   dun only customers whose open items exceed their credit limit
          --process                 issue the proposal after printing it (post notices, fees, history entries)
          --no-fees                 when processing, do not post the fees as charges
          --letters <n|all>         how many letters to print as text (default 5)
          --explain <customer id>   print the forward dunning calendar of one customer
          --pdf <directory>         write every letter as a PDF file (DIN 5008) into the directory
          --language <de|en>        language of the PDF letters (default de)
          --help                    this text
        """;

    public string? Portfolio { get; init; }

    public string? ExportSample { get; init; }

    public LocalDate? AsOf { get; init; }

    public string? Branch { get; init; }

    public string? Customer { get; init; }

    public int? Level { get; init; }

    public bool Automatic { get; init; }

    public bool CreditLimitExceeded { get; init; }

    public bool Process { get; init; }

    public bool PostFees { get; init; } = true;

    /// <summary>How many letters to print as text; <see cref="int.MaxValue"/> for all.</summary>
    public int Letters { get; init; } = 5;

    public string? Explain { get; init; }

    /// <summary>A directory to write every letter to as PDF, or <see langword="null"/>.</summary>
    public string? Pdf { get; init; }

    /// <summary>The culture of the PDF letters: "de-DE" (default) or "en-GB".</summary>
    public string Language { get; init; } = "de-DE";

    public bool Help { get; init; }

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--portfolio" => options with { Portfolio = Value() },
                "--export-sample" => options with { ExportSample = Value() },
                "--as-of" => options with { AsOf = PortfolioLoader.Date(Value(), "--as-of value") },
                "--branch" => options with { Branch = Value() },
                "--customer" => options with { Customer = Value() },
                "--level" => options with { Level = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level > 0 ? level : throw new UsageException("--level needs a level of 1 or more.") },
                "--automatic" => options with { Automatic = true },
                "--credit-limit-exceeded" => options with { CreditLimitExceeded = true },
                "--process" => options with { Process = true },
                "--no-fees" => options with { PostFees = false },
                "--letters" => options with { Letters = Value() is "all" ? int.MaxValue : int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException("--letters needs a number or 'all'.") },
                "--explain" => options with { Explain = Value() },
                "--pdf" => options with { Pdf = Value() },
                "--language" => options with { Language = Value() switch { "de" => "de-DE", "en" => "en-GB", var other => throw new UsageException($"--language takes de or en, not '{other}'.") } },
                "--help" or "-h" or "-?" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }
}
