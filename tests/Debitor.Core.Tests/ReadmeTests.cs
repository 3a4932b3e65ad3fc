using Debitor.Core.Banking;

namespace Debitor.Core.Tests;

/// <summary>The README's quick start is compiled here and compared with the README text.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void QuickStart_Runs_AndPrintsTheDocumentedValues()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            QuickStart();
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal("333.34 EUR / 980.00 EUR / DE89 3704 0044 0532 0130 00 / False", output.ToString().Trim());
    }

    [Fact]
    public void QuickStart_IsTheCodeShownInTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var begin = readme.IndexOf("```csharp", readme.IndexOf("<!-- quickstart:begin -->", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = readme.IndexOf("```", begin + 9, StringComparison.Ordinal);
        var shown = Normalize(readme[(begin + 9)..end].Split('\n').Where(l => !l.TrimStart().StartsWith("using ", StringComparison.Ordinal)));

        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Debitor.Core.Tests", "ReadmeTests.cs"));
        var from = source.IndexOf("// quickstart:" + "begin", StringComparison.Ordinal);
        var to = source.IndexOf("// quickstart:" + "end", from, StringComparison.Ordinal);
        var compiled = Normalize(source[from..to].Split('\n').Skip(1));

        Assert.Equal(shown, compiled);
    }

    private static void QuickStart()
    {
        // quickstart:begin
        // Money is exact: it never rounds on its own, and splitting never loses a cent.
        var invoice = new Money(1000.00m, Currency.EUR);
        IReadOnlyList<Money> installments = invoice.Allocate(3);   // 333.34, 333.33, 333.33
        Money discounted = (invoice * 0.98m).Round();              // 980.00 EUR, half away from zero

        // Bank identifiers are validated on the way in.
        Iban iban = Iban.Parse("DE89 3704 0044 0532 0130 00");
        bool valid = Iban.TryParse("DE89370400440532013001", out _); // false: check digits

        Console.WriteLine($"{installments[0]} / {discounted} / {iban.ToPrintString()} / {valid}");
        // quickstart:end
    }

    private static string Normalize(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Debitor.Core.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Debitor.Core.sln not found above the test output.");
    }
}
