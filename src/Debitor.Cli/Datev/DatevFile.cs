using System.Globalization;
using System.Text;
using CsvHelper;

namespace Debitor.Cli.Datev;

/// <summary>The kinds of DATEV export the CLI reads (the header's format category).</summary>
internal enum DatevFormat
{
    /// <summary>Format category 21, "Buchungsstapel": bookings (invoices, credit notes, payments).</summary>
    Bookings = 21,

    /// <summary>Format category 16, "Debitoren/Kreditoren": master data of personal accounts.</summary>
    MasterData = 16,
}

/// <summary>A line DATEV import refused: its line number in the file, the field and the reason.</summary>
internal sealed record DatevRejection(long Line, string Field, string Reason)
{
    public override string ToString() => $"line {Line}, {Field}: {Reason}";
}

/// <summary>A data line of a DATEV file: its line number and fields, read by column name.</summary>
internal sealed class DatevRecord(long line, string[] fields, IReadOnlyDictionary<string, int> columns)
{
    public long Line { get; } = line;

    public string[] Fields { get; } = fields;

    public string Get(string column) => Get(columns.TryGetValue(column, out var index) ? index : -1);

    /// <summary>The field at a column's index (<see cref="DatevFile.ColumnIndex"/>), trimmed; empty for a column the file lacks (−1) or the line does not reach.</summary>
    public string Get(int column) =>
        column >= 0 && column < Fields.Length ? Fields[column].Trim() : string.Empty;

    public bool Has(string column) => columns.ContainsKey(column);

    public string Raw => string.Join(';', Fields);
}

/// <summary>
/// Reads a DATEV "EXTF" export with CsvHelper: the header line (format category, version, fiscal year, ledger account
/// length, currency, chart of accounts), the line of column names, then the data lines. Semicolon-separated, fields
/// optionally quoted (a quoted field may hold semicolons; <c>""</c> is a quote), empty trailing fields allowed. The
/// encoding is UTF-8 (with or without byte order mark) or, when the bytes are not valid UTF-8, Windows-1252 — DATEV's own
/// "ANSI" files. A line with broken quoting is refused with its number; reading goes on with the next line.
/// </summary>
internal sealed class DatevFile
{
    static DatevFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private DatevFile(string path, Encoding encoding, string[] header, Dictionary<string, int> columns)
    {
        Path = path;
        Encoding = encoding;
        Header = header;
        Columns = columns;

        // Read once: every line of a booking batch needs them (D16.134).
        LedgerAccountLength = header.Length > 13 && int.TryParse(header[13], NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length is >= 4 and <= 8 ? length : 4;
        PeriodStart = header.Length > 14 ? DatevValues.HeaderDate(header[14]) : null;
        Currency = header.Length > 21 && header[21].Trim() is { Length: 3 } code ? code : "EUR";
        ChartOfAccounts = header.Length > 26 && header[26].Trim() is { Length: > 0 } skr ? skr : "03";
    }

    public string Path { get; }

    public Encoding Encoding { get; }

    public string[] Header { get; }

    public Dictionary<string, int> Columns { get; }

    /// <summary>A column's index by its name (as <see cref="DatevRecord.Get(string)"/> finds it); −1 when the file has no such column.</summary>
    public int ColumnIndex(string column) => Columns.TryGetValue(column, out var index) ? index : -1;

    public DatevFormat Format => (DatevFormat)int.Parse(Header[2], NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The length of general-ledger accounts (header field 14, "Sachkontenlänge"); 4 when missing.</summary>
    public int LedgerAccountLength { get; }

    /// <summary>The first day of the exported period (header field 15, "Datum vom"), which gives booking dates their year.</summary>
    public LocalDate? PeriodStart { get; }

    /// <summary>The currency of the file (header field 22, "WKZ"); EUR when missing.</summary>
    public string Currency { get; }

    /// <summary>The chart of accounts (header field 27, "SKR"): "03" or "04"; "03" when missing.</summary>
    public string ChartOfAccounts { get; }

    /// <summary>Opens a file and reads its header line and column names.</summary>
    /// <exception cref="FormatException">The file is no DATEV EXTF export of a format the CLI reads.</exception>
    public static DatevFile Open(string path)
    {
        var encoding = DetectEncoding(path);
        string[]? header = null;
        string[]? names = null;
        using (var reader = CsvReader.Create(File.OpenRead(path), Options(encoding, null)))
        {
            while ((header is null || names is null) && reader.Read())
            {
                var fields = Fields(reader);
                if (header is null)
                {
                    header = fields;
                }
                else
                {
                    names = fields;
                }
            }
        }

        if (header is null || header.Length < 4 || header[0].Trim() is not ("EXTF" or "DTVF"))
        {
            throw new FormatException($"{path}: line 1 is not a DATEV header line (it starts with \"EXTF\"; export the file from DATEV as \"DATEV-Format\").");
        }

        if (!int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var category) || !Enum.IsDefined((DatevFormat)category))
        {
            throw new FormatException($"{path}: line 1, field 3 (Formatkategorie) is '{header[2]}': the CLI reads 21 (Buchungsstapel) and 16 (Debitoren/Kreditoren).");
        }

        if (names is null || names.Length < 2)
        {
            throw new FormatException($"{path}: line 2 holds no column names.");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            columns.TryAdd(names[i].Trim(), i);
        }

        return new DatevFile(path, encoding, header, columns);
    }

    /// <summary>How many data lines the file holds (for progress): its lines less the header and the column names.</summary>
    /// <remarks>Quoted fields hold no line breaks (they are refused), so every line break ends a line.</remarks>
    public long CountDataLines()
    {
        using var stream = File.OpenRead(Path);
        var buffer = new byte[1 << 16];
        long lines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return Math.Max(0, lines + (last == (byte)'\n' ? 0 : 1) - 2);
    }

    /// <summary>The data lines of the whole file, in file order; lines with broken quoting go to <paramref name="rejected"/> with their numbers.</summary>
    /// <remarks>
    /// A record's <see cref="DatevRecord.Fields"/> array is reused for the next line of as many fields (D16.170): read what a
    /// record holds before moving on (the strings themselves stay valid). The import reads through
    /// <see cref="Records(Stream, Func{long, long}, ICollection{DatevRejection})"/> instead (D16.269); this reading is its
    /// reference in the tests.
    /// </remarks>
    public IEnumerable<DatevRecord> Records(ICollection<DatevRejection> rejected) =>
        Read(File.OpenRead(Path), place => place + 1, headerRecords: 2, rejected).Select(r => r.Record);

    /// <summary>
    /// The records of data lines served by <paramref name="lines"/> (D16.269): each line ended by LF, in the file's
    /// encoding, in the order the stream chose. Each record comes with its place in the stream (0-based) and its number
    /// in the file (<paramref name="lineOf"/> of that place); a line with broken quoting goes to
    /// <paramref name="rejected"/> with its number. Read as <see cref="Records(ICollection{DatevRejection})"/> reads the
    /// whole file, line by line.
    /// </summary>
    /// <remarks>A record's <see cref="DatevRecord.Fields"/> array is reused for the next line of as many fields (D16.170).</remarks>
    public IEnumerable<(long Place, DatevRecord Record)> Records(Stream lines, Func<long, long> lineOf, ICollection<DatevRejection> rejected) =>
        Read(lines, lineOf, headerRecords: 0, rejected);

    /// <summary>The one reading of both: CsvHelper over <paramref name="lines"/>, the first <paramref name="headerRecords"/> records skipped.</summary>
    private IEnumerable<(long Place, DatevRecord Record)> Read(Stream lines, Func<long, long> lineOf, int headerRecords, ICollection<DatevRejection> rejected)
    {
        var malformed = new List<DatevRejection>();
        using var reader = CsvReader.Create(lines, Options(Encoding, r => malformed.Add(new DatevRejection(lineOf(r.LineNumber - 1), "Zeile", BrokenQuoting(r)))));
        var skipped = 0;
        string[] fields = [];
        while (reader.Read())
        {
            foreach (var m in malformed)
            {
                rejected.Add(m);
            }

            malformed.Clear();
            if (skipped < headerRecords)
            {
                skipped++;
                continue;
            }

            if (fields.Length != reader.FieldCount)
            {
                fields = new string[reader.FieldCount];
            }

            Fill(reader, fields);
            var place = reader.LineNumber - 1;
            yield return (place, new DatevRecord(lineOf(place), fields, Columns));
        }

        foreach (var m in malformed)
        {
            rejected.Add(m);
        }
    }

    /// <summary>
    /// Why a line's quoting is broken. A quote left open is one reason whether the line ends with a line break or with
    /// the file (CsvHelper names the two apart; no quoted field spans lines here, and a grouped import reads a line's
    /// break that the file's last line may lack, D16.269).
    /// </summary>
    private static string BrokenQuoting(CsvMalformedRecord record) =>
        $"the quoting is broken ({(record.Reason == CsvMalformedReason.LineBreakInQuotes ? CsvMalformedReason.UnterminatedQuote : record.Reason)})";

    private static CsvReaderOptions Options(Encoding encoding, Action<CsvMalformedRecord>? onMalformed) => new()
    {
        Separator = ';',
        HasHeader = false,
        Encoding = encoding,
        TrackLineNumbers = true,
        AllowLineBreaksInQuotes = false,
        MalformedData = CsvMalformedDataHandling.Skip,
        OnMalformedRecord = onMalformed,

        // A column's repeated values (side, currency, accounts, dates, texts) are one string each, not one per line (D16.221).
        PoolStrings = true,
    };

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        Fill(reader, fields);
        return fields;
    }

    private static void Fill(CsvReader reader, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i);
        }
    }

    /// <summary>UTF-8 when the whole file is valid UTF-8 (a byte order mark decides at once), else Windows-1252.</summary>
    private static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var first = true;
        int read;
        var chars = new char[buffer.Length + 4];
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (first && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                return Encoding.UTF8;
            }

            first = false;
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding(1252);
            }
        }

        return Encoding.UTF8;
    }
}

/// <summary>DATEV's value formats: amounts with a decimal comma, dates as TTMM, TTMMJJ or TTMMJJJJ.</summary>
internal static class DatevValues
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>An amount such as <c>1234,56</c> (a decimal comma, no sign, no thousands separator).</summary>
    public static decimal? Amount(string text) =>
        text.Length > 0 && !text.Contains('.', StringComparison.Ordinal) && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, DecimalComma, out var value) ? value : null;

    /// <summary>A date of the header line, JJJJMMTT.</summary>
    public static LocalDate? HeaderDate(string text) =>
        text.Trim() is { Length: 8 } t && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Make(int.Parse(t[..4], CultureInfo.InvariantCulture), int.Parse(t[4..6], CultureInfo.InvariantCulture), int.Parse(t[6..], CultureInfo.InvariantCulture))
            : null;

    /// <summary>A date TTMMJJJJ.</summary>
    public static LocalDate? Date8(string text) =>
        text.AsSpan().Trim() is { Length: 8 } t && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Make(Number(t[4..]), Number(t[2..4]), Number(t[..2]))
            : null;

    /// <summary>A date TTMMJJ (years 2000–2099) or TTMMJJJJ.</summary>
    public static LocalDate? Date6Or8(string text) =>
        text.AsSpan().Trim() is { Length: 6 } t && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Make(2000 + Number(t[4..]), Number(t[2..4]), Number(t[..2]))
            : Date8(text);

    /// <summary>Digits checked already (the whole text parsed as a number), read without a substring (D16.134).</summary>
    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A booking date TTMM in the exported period (the year of the period's start, or the next when the month lies before it); or TTMMJJJJ.</summary>
    public static LocalDate? BookingDate(string text, LocalDate? periodStart)
    {
        var t = text.Trim();
        if (t.Length == 3)
        {
            t = "0" + t;
        }

        if (t.Length != 4 || !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return Date8(t);
        }

        var day = Number(t.AsSpan(0, 2));
        var month = Number(t.AsSpan(2));
        if (periodStart is not { } start)
        {
            return null;
        }

        return Make(month < start.Month ? start.Year + 1 : start.Year, month, day);
    }

    private static LocalDate? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && year is >= 1900 and <= 2999 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new LocalDate(year, month, day) : null;
}
