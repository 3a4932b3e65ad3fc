using System.Text;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// Reads the document of a <see cref="DunningNoticeIssued"/> entry byte by byte when it is exactly what this library
/// writes: two of every three records of a dunned journal are notices, and a run reads every one of them (D16.275).
/// </summary>
/// <remarks>
/// It takes only the written shape, <c>{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":…,"letterDate":…,
/// "notices":[{"installment":{"item":…,"number":…},"level":…},…],"id":…}}</c> with no white space, texts of printable
/// ASCII without escapes and whole numbers without sign, fraction or exponent; anything else gives
/// <see langword="null"/> and is left to <see cref="JournalJson"/>'s readers, which decide it. Whatever it reads, the
/// general path reads the same: <c>NoticeDocumentReaderProperties</c> proves it over written and mutated documents.
/// </remarks>
internal static class NoticeDocumentReader
{
    private static readonly byte[] Head = Encoding.ASCII.GetBytes(
        $"{{\"format\":{JournalJson.FormatVersion},\"kind\":\"DunningNoticeIssued\",\"entry\":{{\"letterId\":\"");

    /// <summary>The entry, or <see langword="null"/> when the document is not exactly of the written shape.</summary>
    internal static DunningNoticeIssued? TryRead(ReadOnlySpan<byte> json)
    {
        if (!json.StartsWith(Head))
        {
            return null;
        }

        try
        {
            var at = Head.Length;
            if (!Text(json, ref at, out var letterId)
                || !Literal(json, ref at, "\",\"letterDate\":\""u8)
                || !Date(json, ref at, out var letterDate)
                || !Literal(json, ref at, "\",\"notices\":["u8)
                || !Notices(json, ref at, out var notices)
                || !Literal(json, ref at, ",\"id\":\""u8)
                || !Text(json, ref at, out var id)
                || !Literal(json, ref at, "\"}}"u8)
                || at != json.Length)
            {
                return null;
            }

            return new DunningNoticeIssued(new EntryId(id), letterId, letterDate, notices);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            // An identifier the general path refuses (empty, too long, white space around it): it is left to that path,
            // which names the error.
            return null;
        }
    }

    /// <summary>The notices after <c>[</c>, up to and with the closing <c>]</c>.</summary>
    private static bool Notices(ReadOnlySpan<byte> json, ref int at, out ValueList<DunningNotice> notices)
    {
        notices = null!;
        ArrayCollector<DunningNotice>.Start();
        if (at < json.Length && json[at] == (byte)']')
        {
            at++;
            notices = ArrayCollector<DunningNotice>.ToList();
            return true;
        }

        while (true)
        {
            if (!Literal(json, ref at, "{\"installment\":{\"item\":\""u8)
                || !Text(json, ref at, out var item)
                || !Literal(json, ref at, "\",\"number\":"u8)
                || !Number(json, ref at, out var number)
                || !Literal(json, ref at, "},\"level\":"u8)
                || !Number(json, ref at, out var level)
                || !Literal(json, ref at, "}"u8)
                || at >= json.Length)
            {
                return false;
            }

            ArrayCollector<DunningNotice>.Add(new DunningNotice(new InstallmentRef(new EntryId(item), number), level));
            var next = json[at++];
            if (next == (byte)']')
            {
                notices = ArrayCollector<DunningNotice>.ToList();
                return true;
            }

            if (next != (byte)',')
            {
                return false;
            }
        }
    }

    private static bool Literal(ReadOnlySpan<byte> json, ref int at, ReadOnlySpan<byte> expected)
    {
        if (!json[at..].StartsWith(expected))
        {
            return false;
        }

        at += expected.Length;
        return true;
    }

    /// <summary>A text up to its closing quote (not consumed): printable ASCII, no quote, no backslash.</summary>
    private static bool Text(ReadOnlySpan<byte> json, ref int at, out string value)
    {
        value = string.Empty;
        var start = at;
        while (at < json.Length && json[at] is >= 0x20 and <= 0x7E and not (byte)'"' and not (byte)'\\')
        {
            at++;
        }

        if (at >= json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        var text = json[start..at];
        value = ShortTexts.Get(text) ?? Encoding.ASCII.GetString(text);
        return true;
    }

    /// <summary>A date as <c>yyyy-MM-dd</c> of the ISO calendar, years 1 to 9999, as the general path reads it.</summary>
    private static bool Date(ReadOnlySpan<byte> json, ref int at, out LocalDate value)
    {
        value = default;
        if (json.Length - at < 10)
        {
            return false;
        }

        var text = json.Slice(at, 10);
        if (text[4] != (byte)'-' || text[7] != (byte)'-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        value = new LocalDate(year, month, day);
        at += 10;
        return true;
    }

    /// <summary>A whole number without sign, fraction, exponent or leading zero, within <see cref="int"/>.</summary>
    private static bool Number(ReadOnlySpan<byte> json, ref int at, out int value)
    {
        value = 0;
        long number = 0;
        var start = at;
        while (at < json.Length && json[at] is >= (byte)'0' and <= (byte)'9')
        {
            if (at - start == 10)
            {
                return false;
            }

            number = (number * 10) + (json[at] - '0');
            at++;
        }

        var digits = at - start;
        if (digits == 0 || (digits > 1 && json[start] == (byte)'0') || number > int.MaxValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
