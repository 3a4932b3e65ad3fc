using Debitor.Core.Ledger;

namespace Debitor.Cli.Tests;

/// <summary>
/// DATEV import of the sample exports in <c>Samples/</c>: master data in Windows-1252 (umlauts, a quoted street holding
/// the separator, empty trailing fields, two bank accounts, a bad IBAN, a non-debtor account) and a booking batch in
/// UTF-8 (invoices, a credit note, payments with and without an invoice number, a malformed amount, an unknown customer,
/// broken quoting, an impossible date).
/// </summary>
public sealed class DatevImportTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    private static async Task<CliHarness> InitAsync()
    {
        var cli = new CliHarness();
        await cli.RunOkAsync("init", "--company", "acme", "--as-of", "2026-03-01");
        return cli;
    }

    [Fact]
    public async Task ImportDatev_MasterData_ImportsEveryGoodLineWithAllContactsAndReportsBadLinesByNumber()
    {
        using var cli = await InitAsync();

        var result = await cli.RunAsync("import", "datev", Sample("EXTF_Debitoren.csv"));
        var show = await cli.RunOkAsync("customers", "show", "10001", "--format", "json");
        var person = await cli.RunOkAsync("customers", "show", "10002");
        var association = await cli.RunOkAsync("customers", "show", "10004");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("windows-1252", result.Output, StringComparison.Ordinal);
        Assert.Contains("Zeile 5, IBAN-Nr. 1:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Zeile 6, Konto:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Müller Reisen GmbH", show.Output, StringComparison.Ordinal);
        Assert.Contains("Große Bäckerstraße 5", show.Output, StringComparison.Ordinal);
        Assert.Contains("buchhaltung@mueller-reisen.example", show.Output, StringComparison.Ordinal);
        Assert.Contains("rechnungen@mueller-reisen.example", show.Output, StringComparison.Ordinal);
        Assert.Contains("+49 40 123456", show.Output, StringComparison.Ordinal);
        Assert.Contains("+49 40 123450", show.Output, StringComparison.Ordinal);
        Assert.Contains("\"DE02120300000000202051\",", show.Output.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("DE89370400440532013000", show.Output, StringComparison.Ordinal);
        Assert.Contains("Jürgen Schulz", person.Output, StringComparison.Ordinal);
        Assert.Contains("Am Weiher 3; Hinterhaus", person.Output, StringComparison.Ordinal);
        Assert.Contains("70150000 1234567", association.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportDatev_BookingBatch_PostsGoodLinesReportsMalformedOnesByNumberAndTwiceChangesNothing()
    {
        using var cli = await InitAsync();
        await cli.RunAsync("import", "datev", Sample("EXTF_Debitoren.csv"));

        var first = await cli.RunAsync("import", "datev", Sample("EXTF_Buchungsstapel.csv"));
        var journal = await cli.JournalAsync("10001");
        var second = await cli.RunAsync("import", "datev", Sample("EXTF_Buchungsstapel.csv"), "--format", "json");

        Assert.Equal(3, first.ExitCode);
        Assert.Contains("utf-8", first.Output, StringComparison.Ordinal);
        foreach (var line in new[] { "Zeile 8, Umsatz (ohne Soll/Haben-Kz):", "Zeile 9, Konto:", "Zeile 10, Zeile:", "Zeile 11, Belegdatum:" })
        {
            Assert.Contains(line, first.Output, StringComparison.Ordinal);
        }

        var invoice = Assert.Single(journal.Select(r => r.Entry).OfType<InvoicePosted>(), i => i.DocumentNumber == "RE-2026-001");
        Assert.Equal(new NodaTime.LocalDate(2026, 1, 5), invoice.DocumentDate);
        Assert.Equal(new NodaTime.LocalDate(2026, 1, 19), invoice.DueDate);
        Assert.Equal(1190.00m, invoice.Amount.Amount);
        Assert.Contains(journal, r => r.Entry is CreditNotePosted { DocumentNumber: "GS-2026-001" } c && c.RelatedItem == new Core.EntryId("datev:RE-2026-002"));
        Assert.Contains(journal, r => r.Entry is PaymentApplied { Amount.Amount: 190.00m } a && a.Target.Item == new Core.EntryId("datev:RE-2026-001"));
        var vienna = Assert.Single((await cli.JournalAsync("10002")).Select(r => r.Entry).OfType<InvoicePosted>());
        Assert.Equal(new NodaTime.LocalDate(2026, 2, 1), vienna.DueDate);
        Assert.Contains(await cli.JournalAsync("10002"), r => r.Entry is PaymentReceived { Amount.Amount: 80.00m });

        Assert.Contains("\"entries\": 0", second.Output, StringComparison.Ordinal);
        Assert.Contains("\"unchanged\": 6", second.Output, StringComparison.Ordinal);
        Assert.Equal(journal.Count, (await cli.JournalAsync("10001")).Count);
    }

    [Fact]
    public async Task ImportDatev_PaymentLine_KeepsTheIdEarlierVersionsGaveIt()
    {
        // A payment line is identified by the SHA-256 digest of its fields joined by ';' (first 20 hex digits) and its
        // occurrence in the file: a file imported with an earlier version and imported again changes nothing.
        using var cli = await InitAsync();
        await cli.RunAsync("import", "datev", Sample("EXTF_Debitoren.csv"));
        var line = File.ReadAllLines(Sample("EXTF_Buchungsstapel.csv"))[5].Replace("\"", string.Empty, StringComparison.Ordinal);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line)))[..20];

        await cli.RunAsync("import", "datev", Sample("EXTF_Buchungsstapel.csv"));

        Assert.StartsWith("190,00;S;EUR;;;;1200;10001;", line, StringComparison.Ordinal);
        var payment = Assert.Single((await cli.JournalAsync("10001")).Select(r => r.Entry).OfType<PaymentReceived>());
        Assert.Equal($"datev-pay:{digest}.1", payment.Id.Value);
    }

    [Fact]
    public async Task ImportDatev_IdenticalPaymentLines_AreNumberedByTheirOccurrenceInTheFile()
    {
        // D16.33 numbers identical payment lines by occurrence; D16.221 counts them by the digest's bytes instead of its string.
        using var cli = await InitAsync();
        await cli.RunAsync("import", "datev", Sample("EXTF_Debitoren.csv"));
        var header = File.ReadAllLines(Sample("EXTF_Buchungsstapel.csv"))[..2];
        const string Same = "4,00;\"S\";\"EUR\";;;;1200;10001;;0601;;;;\"Zahlung\"";
        const string Other = "5,00;\"S\";\"EUR\";;;;1200;10001;;0601;;;;\"Zahlung\"";
        var path = cli.Write("EXTF_gleich.csv", string.Join("\n", [.. header, Same, Other, Same, Same]) + "\n");
        static string Digest(string line) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line.Replace("\"", string.Empty, StringComparison.Ordinal))))[..20];

        var first = await cli.RunAsync("import", "datev", path, "--format", "json");
        var second = await cli.RunAsync("import", "datev", path, "--format", "json");

        var ids = (await cli.JournalAsync("10001")).Select(r => r.Entry).OfType<PaymentReceived>().Select(p => p.Id.Value).ToList();
        Assert.Equal([$"datev-pay:{Digest(Same)}.1", $"datev-pay:{Digest(Other)}.1", $"datev-pay:{Digest(Same)}.2", $"datev-pay:{Digest(Same)}.3"], ids);
        Assert.Contains("\"entries\": 4", first.Output, StringComparison.Ordinal);
        Assert.Contains("\"unchanged\": 4", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportDatev_MoreLinesThanOneChunk_ImportsEveryLineAndTwiceChangesNothing()
    {
        using var cli = await InitAsync();
        await cli.RunAsync("import", "datev", Sample("EXTF_Debitoren.csv"));
        var header = File.ReadAllLines(Sample("EXTF_Buchungsstapel.csv"))[..2];
        static string Invoice(int n) => $"10,00;\"S\";\"EUR\";;;;10001;8400;;0501;\"R-{n}\";;;\"Rechnung {n}\"";
        static string Payment(int n) => $"4,00;\"S\";\"EUR\";;;;1200;10001;;0601;\"R-{n}\";;;\"Zahlung\"";

        // An invoice first, then invoice and payment pairs: the invoice of the pair at the chunk's end is paid in the next chunk.
        var pairs = (Datev.DatevImporter.ChunkLines / 2) + 3;
        var lines = new List<string> { Invoice(0) };
        for (var n = 1; n <= pairs; n++)
        {
            lines.AddRange([Invoice(n), Payment(n)]);
        }

        var path = cli.Write("EXTF_gross.csv", string.Join("\n", [.. header, .. lines]) + "\n");

        var first = await cli.RunAsync("import", "datev", path, "--format", "json");
        var second = await cli.RunAsync("import", "datev", path, "--format", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"\"lines\": {lines.Count}", first.Output, StringComparison.Ordinal);
        Assert.Contains($"\"entries\": {1 + (3 * pairs)}", first.Output, StringComparison.Ordinal);
        Assert.Contains($"\"unchanged\": {lines.Count}", second.Output, StringComparison.Ordinal);
        var journal = await cli.JournalAsync("10001");
        var applied = journal.Select(r => r.Entry).OfType<PaymentApplied>().ToList();
        Assert.Equal(Enumerable.Range(1, pairs).Select(n => $"datev:R-{n}"), applied.Select(a => a.Target.Item.Value));
        Assert.All(applied, a => Assert.Equal(4.00m, a.Amount.Amount));
    }

    /// <summary>
    /// D16.101, D16.102: three chunks read on one thread, each applied while the one before is written. Accounts of the
    /// first chunk come back in the third (loaded after the first was written, not carried over), and the third holds a
    /// malformed line and an unknown customer, reported with their numbers.
    /// </summary>
    [Fact]
    public async Task ImportDatev_AccountsReturningTwoChunksLater_SeeTheirEarlierLinesAndBadLinesAreReportedByNumber()
    {
        using var cli = await InitAsync();
        await cli.RunAsync("import", "datev", Sample("EXTF_Debitoren.csv"));
        var header = File.ReadAllLines(Sample("EXTF_Buchungsstapel.csv"))[..2];
        static string Invoice(string account, string number) => $"10,00;\"S\";\"EUR\";;;;{account};8400;;0501;\"{number}\";;;\"Rechnung\"";
        static string Payment(string account, string number, string amount) => $"{amount};\"S\";\"EUR\";;;;1200;{account};;0601;\"{number}\";;;\"Zahlung\"";
        var chunk = Datev.DatevImporter.ChunkLines;
        var lines = new List<string>();
        for (var n = 0; n < chunk; n++)
        {
            lines.Add(n % 2 == 0 ? Invoice("10001", $"A-{n}") : Invoice("10002", $"B-{n}"));
        }

        lines.AddRange(Enumerable.Range(0, chunk).Select(n => Invoice("10004", $"C-{n}")));
        lines.AddRange([Payment("10001", "A-0", "4,00"), Payment("10002", "B-1", "10,00"), Payment("10001", "A-2", "vier"), Payment("10099", "X-1", "1,00")]);
        var path = cli.Write("EXTF_drei.csv", string.Join("\n", [.. header, .. lines]) + "\n");
        var first3 = 3 + (2 * chunk);

        var first = await cli.RunAsync("import", "datev", path);
        var second = await cli.RunAsync("import", "datev", path, "--format", "json");

        Assert.Equal(3, first.ExitCode);
        Assert.Contains($"Zeile {first3 + 2}, Umsatz (ohne Soll/Haben-Kz):", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Zeile {first3 + 3}, Gegenkonto (ohne BU-Schlüssel):", first.Output, StringComparison.Ordinal);
        Assert.Contains($"\"unchanged\": {lines.Count - 2}", second.Output, StringComparison.Ordinal);
        var a = (await cli.JournalAsync("10001")).Select(r => r.Entry).OfType<PaymentApplied>().Single();
        var b = (await cli.JournalAsync("10002")).Select(r => r.Entry).OfType<PaymentApplied>().Single();
        Assert.Equal(("datev:A-0", 4.00m), (a.Target.Item.Value, a.Amount.Amount));
        Assert.Equal(("datev:B-1", 10.00m), (b.Target.Item.Value, b.Amount.Amount));
        Assert.Equal(chunk, (await cli.JournalAsync("10004")).Select(r => r.Entry).OfType<InvoicePosted>().Count());
    }

    [Fact]
    public async Task ImportDatev_NotADatevFile_IsRefused()
    {
        using var cli = await InitAsync();
        var path = cli.Write("plain.csv", "Konto;Name\n10001;A\n");

        var result = await cli.RunAsync("import", "datev", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("EXTF", result.Error, StringComparison.Ordinal);
    }
}
