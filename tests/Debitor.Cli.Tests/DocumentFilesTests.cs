namespace Debitor.Cli.Tests;

/// <summary>How the tool writes a document's file through a command (D16.236, D16.243): created new from the renderer's buffer, and a file already there is overwritten whole.</summary>
public sealed class DocumentFilesTests
{
    private static async Task<CliHarness> InitAsync()
    {
        var cli = new CliHarness();
        await cli.RunOkAsync("init", "--company", "acme", "--name", "ACME Reisen GmbH", "--street", "Hafenstraße 1", "--postal-code", "20457", "--city", "Hamburg", "--iban", "DE89370400440532013000", "--as-of", "2026-03-01");
        var portfolio = cli.Write("customers.json", """
            { "company": "acme", "customers": [ { "id": "K1", "name": "Müller GmbH" } ] }
            """);
        await cli.RunOkAsync("import", "portfolio", portfolio, "--as-of", "2026-01-01");
        await cli.RunOkAsync("post", "invoice", "K1", "--number", "RE-1", "--amount", "1190.00", "--date", "2025-11-05", "--due", "2025-11-19");
        return cli;
    }

    [Fact]
    public async Task Statement_WrittenIntoANewFolder_IsAPdfFile()
    {
        using var cli = await InitAsync();

        await cli.RunOkAsync("statement", "K1", "--out", cli.Out);

        var file = Assert.Single(Directory.GetFiles(cli.Out, "*.pdf"));
        Assert.True((await File.ReadAllBytesAsync(file)).AsSpan().StartsWith("%PDF-"u8));
    }

    [Fact]
    public async Task Statement_WrittenAgainOverALongerFile_ReplacesTheWholeFile()
    {
        using var cli = await InitAsync();
        await cli.RunOkAsync("statement", "K1", "--out", cli.Out);
        var file = Assert.Single(Directory.GetFiles(cli.Out, "*.pdf"));
        var first = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, new byte[first.Length * 2]);

        await cli.RunOkAsync("statement", "K1", "--out", cli.Out);

        Assert.Equal(file, Assert.Single(Directory.GetFiles(cli.Out, "*.pdf")));
        Assert.Equal(first, await File.ReadAllBytesAsync(file));
    }
}
