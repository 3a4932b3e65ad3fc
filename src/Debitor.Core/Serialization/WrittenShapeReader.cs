using System.Globalization;
using System.Text;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// Reads the documents of the two entry kinds that fill a dunned journal byte by byte when they are exactly what this
/// library writes: dunning notices (two records in three) and invoices (one in three). A run reads every one of them
/// (D16.275, D16.276).
/// </summary>
/// <remarks>
/// It takes only the written shapes,
/// <c>{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":…,"letterDate":…,"notices":[{"installment":{"item":…,"number":…},"level":…},…],"id":…}}</c>
/// and <c>{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":…,"documentDate":…,"dueDate":…,"amount":{"amount":…,"currency":…},
/// "installments":[{"amount":…,"dueDate":…,"kind":…},…],"cashDiscounts":null,"delegatedFrom":null,"id":…}}</c>, with no white
/// space, texts of printable ASCII without escapes, whole numbers within <see cref="int"/> without sign or leading zero,
/// dates of years 1 to 9999 and the currencies of nearly every amount; anything else gives <see langword="null"/> and is
/// left to <see cref="JournalJson"/>'s readers, which decide it. Whatever it reads, the general path reads the same:
/// <c>WrittenShapeReaderProperties</c> proves it over written and mutated documents.
/// </remarks>
internal static class WrittenShapeReader
{
    private static readonly byte[] NoticeHead = Encoding.ASCII.GetBytes(
        $"{{\"format\":{JournalJson.FormatVersion},\"kind\":\"DunningNoticeIssued\",\"entry\":{{\"letterId\":\"");

    private static readonly byte[] InvoiceHead = Encoding.ASCII.GetBytes(
        $"{{\"format\":{JournalJson.FormatVersion},\"kind\":\"InvoicePosted\",\"entry\":{{\"documentNumber\":\"");

    /// <summary>Reads one item of an array at <paramref name="at"/>, moving past it; <see langword="false"/> when it is not of the written shape.</summary>
    private delegate bool ItemReader<T>(ReadOnlySpan<byte> json, ref int at, out T item);

    /// <summary>The entry, or <see langword="null"/> when the document is not exactly of a written shape read here.</summary>
    internal static JournalEntry? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            return json.StartsWith(NoticeHead) ? ReadNotice(json)
                : json.StartsWith(InvoiceHead) ? ReadInvoice(json)
                : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            // A value the general path refuses (an empty identifier, an amount that is not positive): it is left to that
            // path, which names the error.
            return null;
        }
    }

    private static DunningNoticeIssued? ReadNotice(ReadOnlySpan<byte> json)
    {
        var at = NoticeHead.Length;
        return Text(json, ref at, out var letterId)
            && Literal(json, ref at, "\",\"letterDate\":\""u8)
            && Date(json, ref at, out var letterDate)
            && Literal(json, ref at, "\",\"notices\":["u8)
            && Items<DunningNotice>(json, ref at, NoticeItem, out var notices)
            && Literal(json, ref at, ",\"id\":\""u8)
            && Text(json, ref at, out var id)
            && Literal(json, ref at, "\"}}"u8)
            && at == json.Length
                ? new DunningNoticeIssued(new EntryId(id), letterId, letterDate, notices)
                : null;
    }

    private static InvoicePosted? ReadInvoice(ReadOnlySpan<byte> json)
    {
        var at = InvoiceHead.Length;
        return Text(json, ref at, out var number)
            && Literal(json, ref at, "\",\"documentDate\":\""u8)
            && Date(json, ref at, out var documentDate)
            && Literal(json, ref at, "\",\"dueDate\":\""u8)
            && Date(json, ref at, out var dueDate)
            && Literal(json, ref at, "\",\"amount\":"u8)
            && Amount(json, ref at, out var amount)
            && Literal(json, ref at, ",\"installments\":["u8)
            && Items<Installment>(json, ref at, InstallmentItem, out var installments)
            && Literal(json, ref at, ",\"cashDiscounts\":null,\"delegatedFrom\":null,\"id\":\""u8)
            && Text(json, ref at, out var id)
            && Literal(json, ref at, "\"}}"u8)
            && at == json.Length
                ? new InvoicePosted(new EntryId(id), number, documentDate, dueDate, amount, installments)
                : null;
    }

    /// <summary>
    /// The items of an array after its <c>[</c>, up to and with the closing <c>]</c>, each read by
    /// <paramref name="read"/>, into one exact-size list (as the token readers collect them).
    /// </summary>
    private static bool Items<T>(ReadOnlySpan<byte> json, ref int at, ItemReader<T> read, out ValueList<T> items)
    {
        items = null!;
        ArrayCollector<T>.Start();
        if (at < json.Length && json[at] == (byte)']')
        {
            at++;
            items = ArrayCollector<T>.ToList();
            return true;
        }

        while (true)
        {
            if (!read(json, ref at, out var item) || at >= json.Length)
            {
                return false;
            }

            ArrayCollector<T>.Add(item);
            var next = json[at++];
            if (next == (byte)']')
            {
                items = ArrayCollector<T>.ToList();
                return true;
            }

            if (next != (byte)',')
            {
                return false;
            }
        }
    }

    /// <summary>One installment: <c>{"amount":…,"dueDate":…,"kind":…}</c>.</summary>
    private static bool InstallmentItem(ReadOnlySpan<byte> json, ref int at, out Installment installment)
    {
        installment = null!;
        LocalDate? dueDate = null;
        if (!Literal(json, ref at, "{\"amount\":"u8)
            || !Amount(json, ref at, out var amount)
            || !Literal(json, ref at, ",\"dueDate\":"u8))
        {
            return false;
        }

        if (Literal(json, ref at, "\""u8))
        {
            if (!Date(json, ref at, out var date) || !Literal(json, ref at, "\""u8))
            {
                return false;
            }

            dueDate = date;
        }
        else if (!Literal(json, ref at, "null"u8))
        {
            return false;
        }

        InstallmentKind kind;
        if (Literal(json, ref at, ",\"kind\":\"Regular\"}"u8))
        {
            kind = InstallmentKind.Regular;
        }
        else if (Literal(json, ref at, ",\"kind\":\"Prepayment\"}"u8))
        {
            kind = InstallmentKind.Prepayment;
        }
        else if (Literal(json, ref at, ",\"kind\":\"Remainder\"}"u8))
        {
            kind = InstallmentKind.Remainder;
        }
        else
        {
            return false;
        }

        installment = new Installment(amount, dueDate, kind);
        return true;
    }

    /// <summary>
    /// Money as <c>{"amount":"…","currency":"…"}</c>: the amount parsed from its bytes with the money converter's styles and
    /// culture, the currency one of those the converter matches on their bytes (<see cref="MoneyConverter.Known"/>).
    /// </summary>
    private static bool Amount(ReadOnlySpan<byte> json, ref int at, out Money value)
    {
        value = default;
        if (!Literal(json, ref at, "{\"amount\":\""u8))
        {
            return false;
        }

        var start = at;
        if (!Text(json, ref at, out _, keep: false)
            || !decimal.TryParse(json[start..at], MoneyConverter.AmountStyles, CultureInfo.InvariantCulture, out var amount)
            || !Literal(json, ref at, "\",\"currency\":\""u8))
        {
            return false;
        }

        foreach (var (code, currency) in MoneyConverter.Known)
        {
            if (Literal(json, ref at, code))
            {
                if (!Literal(json, ref at, "\"}"u8))
                {
                    return false;
                }

                value = new Money(amount, currency);
                return true;
            }
        }

        return false;
    }

    /// <summary>One notice: <c>{"installment":{"item":…,"number":…},"level":…}</c>.</summary>
    private static bool NoticeItem(ReadOnlySpan<byte> json, ref int at, out DunningNotice notice)
    {
        notice = default;
        if (!Literal(json, ref at, "{\"installment\":{\"item\":\""u8)
            || !Text(json, ref at, out var item)
            || !Literal(json, ref at, "\",\"number\":"u8)
            || !Number(json, ref at, out var number)
            || !Literal(json, ref at, "},\"level\":"u8)
            || !Number(json, ref at, out var level)
            || !Literal(json, ref at, "}"u8))
        {
            return false;
        }

        notice = new DunningNotice(new InstallmentRef(new EntryId(item), number), level);
        return true;
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
    private static bool Text(ReadOnlySpan<byte> json, ref int at, out string value, bool keep = true)
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

        if (keep)
        {
            var text = json[start..at];
            value = ShortTexts.Get(text) ?? Encoding.ASCII.GetString(text);
        }

        return true;
    }

    /// <summary>A date as the token readers read it (<see cref="JsonFields.IsoDate"/>).</summary>
    private static bool Date(ReadOnlySpan<byte> json, ref int at, out LocalDate value)
    {
        value = default;
        if (json.Length - at < 10 || !JsonFields.IsoDate(json.Slice(at, 10), out value))
        {
            return false;
        }

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
}
