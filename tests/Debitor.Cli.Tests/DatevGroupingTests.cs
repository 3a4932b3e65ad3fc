using System.Globalization;
using System.Text;
using Debitor.Cli.Datev;
using Debitor.Cli.Output;
using Debitor.Cli.Storage;
using Debitor.Core;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Cli.Tests;

/// <summary>
/// D16.269: an import reads a file's lines in windows grouped by account. The reading through the grouped stream finds
/// every line the whole-file reading finds, with the same fields and number, and keeps each account's lines and every
/// keyless line in file order; an import with any chunk and window sizes leaves the journals, counts and rejections of
/// the file applied line by line.
/// </summary>
public sealed class DatevGroupingTests
{
    private const string Header = "\"EXTF\";700;21;\"Buchungsstapel\";13;20260301120000000;;\"RE\";\"\";\"\";1001;10001;20260101;4;20260101;20260228;\"Test\";\"\";1;0;0;\"EUR\";;\"\";;;\"03\"";
    private const string Columns = "\"Umsatz (ohne Soll/Haben-Kz)\";\"Soll/Haben-Kennzeichen\";\"WKZ Umsatz\";\"Kurs\";\"Basis-Umsatz\";\"WKZ Basis-Umsatz\";\"Konto\";\"Gegenkonto (ohne BU-Schlüssel)\";\"BU-Schlüssel\";\"Belegdatum\";\"Belegfeld 1\";\"Belegfeld 2\";\"Skonto\";\"Buchungstext\"";

    // Fields of every shape the reading meets: plain, quoted, quoted with the separator or a doubled quote, blanks around,
    // broken quoting, non-ASCII text, and for the first (keyed) field digits in each of those shapes.
    private static readonly string[] KeyFields = ["10001", "10002", "\"10003\"", " 10001 ", "\"10002 \"", "100x", "", "\"1000\"1", "1\"0", "\"10001", "\t10003", "99999999999999999999", "123456789012345678", "3000000000"];
    private static readonly string[] OtherFields = ["a", "\"b\"", "\"c;d\"", "\"e \"\"f\"\" g\"", "", " h ", "i\"j", "\"k", "Müller", "\"Straße; 1\"", "\"\""];

    [Property(MaxTest = 200)]
    public Property GroupedStream_ReadsTheLinesOfTheWholeFileReading_EachAccountInFileOrder(int seed, PositiveInt window)
    {
        var r = new Random(seed);
        var lines = new List<string>();
        for (var i = r.Next(0, 25); i > 0; i--)
        {
            lines.Add(r.Next(12) == 0 ? "" : string.Join(';', [KeyFields[r.Next(KeyFields.Length)], .. Enumerable.Range(0, r.Next(0, 4)).Select(_ => OtherFields[r.Next(OtherFields.Length)])]));
        }

        var breaks = new[] { "\n", "\r\n" };
        var text = new StringBuilder(Header + "\r\n" + Columns + "\r\n");
        foreach (var line in lines)
        {
            text.Append(line).Append(breaks[r.Next(breaks.Length)]);
        }

        var content = r.Next(4) == 0 ? text.ToString().TrimEnd('\n', '\r') : text.ToString();
        var path = Path.Combine(Path.GetTempPath(), $"datev-grouped-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        try
        {
            var file = DatevFile.Open(path);
            var wholeRejected = new List<DatevRejection>();
            var whole = file.Records(wholeRejected).Select(x => (x.Line, Fields: string.Join('\u0001', x.Fields))).ToList();

            var groupedRejected = new List<DatevRejection>();
            using var reader = new DatevLineReader(path);
            using var stream = new GroupedLineStream(reader, DatevKey.Account(0), window.Get);
            var grouped = new List<(long Line, string Fields, long Key, string First)>();
            foreach (var (place, record) in file.Records(stream, stream.LineOf, groupedRejected))
            {
                grouped.Add((record.Line, string.Join('\u0001', record.Fields), stream.KeyOf(place), record.Get(0)));
            }

            var sameLines = whole.OrderBy(x => x.Line).SequenceEqual(grouped.Select(g => (g.Line, g.Fields)).OrderBy(x => x.Line));
            var sameRejected = wholeRejected.OrderBy(x => x.Line).SequenceEqual(groupedRejected.OrderBy(x => x.Line));

            // A key is the number the full reading finds in the field.
            var keysRead = grouped.All(g => g.Key == DatevKey.None || long.Parse(g.First, NumberStyles.None, CultureInfo.InvariantCulture) == g.Key);

            // Each key's lines in file order; a keyless line after every line before it and before every line after it.
            var perKey = grouped.Where(g => g.Key != DatevKey.None).GroupBy(g => g.Key).All(k => k.Select(g => g.Line).SequenceEqual(k.Select(g => g.Line).Order()));
            var barriers = grouped.Select((g, place) => (g, place)).Where(x => x.g.Key == DatevKey.None)
                .All(x => grouped.Take(x.place).All(before => before.Line < x.g.Line) && grouped.Skip(x.place + 1).All(after => after.Line > x.g.Line));

            return (sameLines && sameRejected && keysRead && perKey && barriers)
                .Label($"lines {sameLines}, rejected {sameRejected}, keys {keysRead}, per key {perKey}, keyless {barriers}\n{string.Join("\n", wholeRejected)}\n--\n{string.Join("\n", groupedRejected)}\n{content}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GroupedStream_LinesLongerThanTheReadersBuffer_AreReadWhole()
    {
        // The raw reader's buffer and the window's blocks hold a mebibyte; a line of 2.5 MB (a long quoted text) and the
        // lines around it are read as the whole-file reading reads them.
        var text = new string('ü', 1_300_000);
        var lines = new[] { "10002;\"a\"", $"10001;\"{text}\";x", "10001;b", $"10003;{text}", "10002;c" };
        var path = Path.Combine(Path.GetTempPath(), $"datev-long-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\r\n", [Header, Columns, .. lines]) + "\r\n", new UTF8Encoding(false));
        try
        {
            var file = DatevFile.Open(path);
            var whole = file.Records([]).Select(x => (x.Line, Fields: string.Join('\u0001', x.Fields))).ToList();
            using var reader = new DatevLineReader(path);
            using var stream = new GroupedLineStream(reader, DatevKey.Account(0), 3);
            var grouped = file.Records(stream, stream.LineOf, []).Select(x => (x.Record.Line, Fields: string.Join('\u0001', x.Record.Fields))).ToList();

            Assert.Equal(5, whole.Count);
            Assert.Equal(whole.OrderBy(x => x.Line), grouped.OrderBy(x => x.Line));
            Assert.Equal([4L, 5L, 3L, 7L, 6L], grouped.Select(x => x.Line));
            Assert.Contains(grouped, x => x.Fields.Contains(text, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Property(MaxTest = 25)]
    public Property Import_InAnyChunksAndWindows_LeavesWhatTheFileAppliedLineByLineLeaves(int seed, PositiveInt chunk, PositiveInt window)
    {
        var r = new Random(seed);
        var text = BookingBatch(r);
        var (chunkLines, windowLines) = (1 + (chunk.Get % 6), 1 + (chunk.Get % 6) + (window.Get % 12));

        var lineByLine = ImportAsync(text, 1, 1).GetAwaiter().GetResult();
        var grouped = ImportAsync(text, chunkLines, windowLines).GetAwaiter().GetResult();

        return (lineByLine.Outcome == grouped.Outcome && lineByLine.Journals.SequenceEqual(grouped.Journals))
            .Label($"chunk {chunkLines}, window {windowLines}\n{lineByLine.Outcome}\n{grouped.Outcome}\n{text}");
    }

    /// <summary>A booking batch of invoices, credit notes and payments on a few accounts in random order, with bad and repeated lines.</summary>
    private static string BookingBatch(Random r)
    {
        string[] accounts = ["10001", "10002", "10004", "10099"];
        string Amount() => $"{r.Next(1, 400)},{r.Next(0, 100):00}";
        string Date() => $"{r.Next(1, 29):00}{r.Next(1, 3):00}";
        string Account() => accounts[r.Next(accounts.Length)];
        string Document() => $"R-{r.Next(1, 7)}";
        var lines = new List<string>();
        for (var i = r.Next(1, 30); i > 0; i--)
        {
            lines.Add(r.Next(14) switch
            {
                < 5 => $"{Amount()};\"S\";\"EUR\";;;;{Account()};8400;;{Date()};\"{Document()}\";;;\"Rechnung; Reise\"",
                < 6 => $"{Amount()};\"H\";\"EUR\";;;;{Account()};8400;;{Date()};\"GS-{r.Next(1, 4)}\";\"{Document()}\";;\"Gutschrift \"\"Storno\"\"\"",
                < 9 => $"{Amount()};\"S\";\"EUR\";;;;1200;{Account()};;{Date()};\"{(r.Next(3) == 0 ? "" : Document())}\";;;\"Zahlung\"",
                < 10 => $"{Amount()};\"H\";\"EUR\";;;;\"{Account()}\";1200;;{Date()};\"{Document()}\";;;\"Zahlung\"",
                < 11 when lines.Count > 0 => lines[r.Next(lines.Count)],
                < 12 => $"vier;\"S\";\"EUR\";;;;{Account()};8400;;{Date()};\"{Document()}\";;;\"Betrag falsch\"",
                < 13 => $"{Amount()};\"S;\"EUR\";;;;{Account()};8400;;{Date()};\"{Document()}\";;;\"kaputt\"",
                _ => $"{Amount()};\"S\";\"EUR\";;;; {Account()} ;1300;;{Date()};\"{Document()}\";;;\"Leerzeichen\"",
            });
        }

        return string.Join("\r\n", [Header, Columns, .. lines]) + "\r\n";
    }

    private sealed record Imported(string Outcome, IReadOnlyList<string> Journals);

    private static async Task<Imported> ImportAsync(string text, int chunkLines, int windowLines)
    {
        using var cli = new CliHarness();
        await cli.RunOkAsync("init", "--company", "acme", "--as-of", "2026-03-01");
        await cli.RunAsync("import", "datev", Path.Combine(AppContext.BaseDirectory, "Samples", "EXTF_Debitoren.csv"));
        var path = cli.Write("EXTF_Buchungen.csv", text);
        DatevImportResult result;
        await using (var host = await CliHost.OpenAsync(cli.Db, new NodaTime.LocalDate(2026, 3, 1), CancellationToken.None))
        {
            result = await DatevImporter.ImportAsync(host, path, total => new ProgressReporter(TextWriter.Null, "Import", total, terminal: false), chunkLines, windowLines, CancellationToken.None);
        }

        var outcome = $"lines {result.Lines}, customers {result.Customers}, entries {result.Entries}, unchanged {result.Unchanged}; "
            + string.Join(" | ", result.Rejected.Select(x => $"{x.Line} {x.Field}: {x.Reason}"));
        var journals = new List<string>();
        foreach (var customer in new[] { "10001", "10002", "10004" })
        {
            journals.AddRange((await cli.JournalAsync(customer)).Select(record => customer + " " + JournalJson.Serialize(record)));
        }

        return new Imported(outcome, journals);
    }
}
