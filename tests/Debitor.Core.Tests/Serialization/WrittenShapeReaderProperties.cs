using System.Text;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// D16.275, D16.276: notice and invoice documents are read byte by byte (<c>WrittenShapeReader</c>) before the JSON
/// readers. Every notice and invoice this library writes with plain texts and common currencies must be read so, exactly
/// as the general path reads it; anything it reads, from any text, must be what the general path reads; whatever it
/// declines, <see cref="JournalJson.Deserialize(ReadOnlySpan{byte})"/> still behaves as the general path.
/// </summary>
public sealed class WrittenShapeReaderProperties
{
    private const string Plain = "abcXYZ019-_/.:# ~()*";

    /// <summary>Texts of plain printable ASCII, or now and then with a quote, backslash, umlaut, euro sign, space and (unless an identifier) a control character.</summary>
    private static Gen<string> Texts(bool plainOnly, bool identifier) =>
        from length in Gen.Choose(1, 40)
        from characters in Gen.ArrayOf(Gen.Elements((plainOnly ? Plain : Plain + "+<&\"\\\u00e4\u00df\u20ac " + (identifier ? string.Empty : "\t\u0001\u007f")).ToCharArray()), length)
        select identifier ? Identifier(new string(characters)) : new string(characters);

    private static Gen<DunningNoticeIssued> Notices(bool plainOnly) =>
        from id in Texts(plainOnly, identifier: true)
        from letterId in Texts(plainOnly, identifier: false)
        from days in Gen.Choose(0, 3_652_058)
        from count in Gen.Choose(0, 5)
        from notices in Gen.ListOf(
            from item in Texts(plainOnly, identifier: true)
            from number in Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(1, int.MaxValue))
            from level in Gen.OneOf(Gen.Choose(1, 5), Gen.Choose(0, int.MaxValue))
            select new DunningNotice(new InstallmentRef(new EntryId(item), number), level),
            count)
        select new DunningNoticeIssued(new EntryId(id), letterId, new LocalDate(1, 1, 1).PlusDays(days), [.. notices]);

    private static Gen<Money> Amounts(bool plainOnly, Currency currency) =>
        from minor in Gen.Choose(1, int.MaxValue)
        from scale in Gen.Choose(0, plainOnly ? 0 : 3)
        select new Money(Money.FromMinorUnits(minor, currency).Amount + (scale == 0 ? 0m : new decimal(0, 0, 0, false, (byte)scale)), currency);

    private static Gen<InvoicePosted> Invoices(bool plainOnly) =>
        from id in Texts(plainOnly, identifier: true)
        from number in Texts(plainOnly, identifier: false)
        from documentDay in Gen.Choose(0, 3_652_058)
        from dueDay in Gen.Choose(0, 3_652_058)
        from currency in Gen.Elements(plainOnly ? [Currency.EUR, Currency.CHF, Currency.USD, Currency.GBP, Currency.JPY] : new[] { Currency.EUR, Currency.JPY, Currency.FromCode("SEK") })
        from amount in Gen.OneOf(Amounts(plainOnly, currency), Gen.Choose(int.MinValue, int.MaxValue).Select(minor => new Money(minor / 1000m, currency)))
        from count in Gen.Choose(0, 3)
        from installments in Gen.ListOf(
            from part in Gen.Choose(1, 1_000_000)
            from due in Gen.OneOf(Gen.Constant<LocalDate?>(null), Gen.Choose(0, 3_652_058).Select(d => (LocalDate?)new LocalDate(1, 1, 1).PlusDays(d)))
            from kind in Gen.Elements(InstallmentKind.Regular, InstallmentKind.Prepayment, InstallmentKind.Remainder)
            select new Installment(Money.FromMinorUnits(part, currency), due, kind),
            count)
        from seed in Gen.Choose(0, int.MaxValue)
        select plainOnly || seed % 3 != 0
            ? new InvoicePosted(new EntryId(id), number, new LocalDate(1, 1, 1).PlusDays(documentDay), new LocalDate(1, 1, 1).PlusDays(dueDay), amount, [.. installments])
            : (InvoicePosted)JournalSamples.Build(typeof(InvoicePosted), new Random(seed));

    private static Gen<JournalEntry> Entries(bool plainOnly) =>
        Gen.OneOf(Notices(plainOnly).Select(n => (JournalEntry)n), Invoices(plainOnly).Select(i => (JournalEntry)i));

    /// <summary>Written documents with one byte replaced, inserted or removed, from the bytes the shape is made of.</summary>
    private static Gen<byte[]> Mutated() =>
        from entry in Entries(plainOnly: false)
        from operation in Gen.Choose(0, 2)
        from position in Gen.Choose(0, 400)
        from b in Gen.Elements("{}[]\":,0123456789-. \\eEa\u00e4".Select(c => (byte)c).Append((byte)0xC3).Append((byte)0x01).ToArray())
        select Mutate(JournalJson.SerializeToUtf8Bytes(entry), operation, position, b);

    [Property(MaxTest = 2_000)]
    public Property EveryNoticeAndInvoiceWrittenWithPlainTexts_IsReadByteByByte_AsTheGeneralPathReadsIt() =>
        Prop.ForAll(Entries(plainOnly: true).ToArbitrary(), entry =>
        {
            var bytes = JournalJson.SerializeToUtf8Bytes(entry);
            var read = WrittenShapeReader.TryRead(bytes);
            return (read is not null && read == entry && read == JournalJson.DeserializeDocument(bytes)).Label(Encoding.UTF8.GetString(bytes));
        });

    [Property(MaxTest = 2_000)]
    public Property AnyNoticeOrInvoiceWritten_IsReadAsTheGeneralPathReadsIt_OrLeftToIt() =>
        Prop.ForAll(Entries(plainOnly: false).ToArbitrary(), entry =>
        {
            var bytes = JournalJson.SerializeToUtf8Bytes(entry);
            var read = WrittenShapeReader.TryRead(bytes);
            return ((read is null || read == JournalJson.DeserializeDocument(bytes)) && JournalJson.Deserialize(bytes) == entry).Label(Encoding.UTF8.GetString(bytes));
        });

    [Property(MaxTest = 5_000)]
    public Property AnyChangedDocument_WhatTheByteReaderReads_TheGeneralPathReads_AndDeserializeBehavesAsTheGeneralPath() =>
        Prop.ForAll(Mutated().ToArbitrary(), bytes =>
        {
            var (general, generalError) = Read(() => JournalJson.DeserializeDocument(bytes));
            var (whole, wholeError) = Read(() => JournalJson.Deserialize(bytes));
            var read = WrittenShapeReader.TryRead(bytes);
            return ((read is null || (general is not null && read == general)) && whole == general && wholeError == generalError)
                .Label($"{Encoding.UTF8.GetString(bytes)}\n{generalError}\n{wholeError}");
        });

    [Theory]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"installment":{"item":"i","number":1}, "level":1}],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-02-29","notices":[],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"installment":{"item":"i","number":01},"level":1}],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"installment":{"item":"i","number":1},"level":2147483648}],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"installment":{"item":"i","number":-1},"level":1}],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[],"id":" n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L\u0041","letterDate":"2026-01-01","notices":[],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[],"id":"n"}} """)]
    [InlineData("""{"format":1,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"SEK"},"installments":[],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"1e3","currency":"EUR"},"installments":[],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"EUR"},"installments":[{"amount":{"amount":"-1","currency":"EUR"},"dueDate":null,"kind":"Regular"}],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"EUR"},"installments":[{"amount":{"amount":"10.001","currency":"EUR"},"dueDate":null,"kind":"Regular"}],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"EUR"},"installments":[{"amount":{"amount":"10.00","currency":"EUR"},"dueDate":null,"kind":"regular"}],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"EUR"},"installments":[],"cashDiscounts":[],"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"currency":"EUR","amount":"10.00"},"installments":[],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    public void DocumentNotOfTheWrittenShape_IsLeftToTheGeneralPath(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.Null(WrittenShapeReader.TryRead(bytes));
        Assert.Equal(JournalJsonFastPathTests.Outcome(() => JournalJson.DeserializeDocument(bytes)), JournalJsonFastPathTests.Outcome(() => JournalJson.Deserialize(bytes)));
    }

    [Theory]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"","letterDate":"2026-01-01","notices":[],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"installment":{"item":"i","number":0},"level":0}],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L","letterDate":"2026-01-01","notices":[{"installment":{"item":"","number":1},"level":1}],"id":"n"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"10.00","currency":"EUR"},"installments":[],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"-0.000","currency":"JPY"},"installments":[],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":".5","currency":"EUR"},"installments":[],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    [InlineData("""{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"R1","documentDate":"2026-01-01","dueDate":"2026-01-31","amount":{"amount":"","currency":"EUR"},"installments":[],"cashDiscounts":null,"delegatedFrom":null,"id":"r"}}""")]
    public void EdgeDocuments_WhatTheByteReaderReads_TheGeneralPathReads(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var (general, generalError) = Read(() => JournalJson.DeserializeDocument(bytes));

        var read = WrittenShapeReader.TryRead(bytes);

        Assert.True(read is null || read == general, $"{read} / {general} {generalError}");
        Assert.Equal((general, generalError), Read(() => JournalJson.Deserialize(bytes)));
    }

    [Fact]
    public void TheWrittenInvoice_IsReadByteByByte()
    {
        var bytes = """{"format":2,"kind":"InvoicePosted","entry":{"documentNumber":"RE-K0000000-0","documentDate":"2026-07-06","dueDate":"2026-07-26","amount":{"amount":"50","currency":"EUR"},"installments":[{"amount":{"amount":"15.00","currency":"EUR"},"dueDate":"2026-07-26","kind":"Prepayment"},{"amount":{"amount":"35.00","currency":"EUR"},"dueDate":null,"kind":"Remainder"}],"cashDiscounts":null,"delegatedFrom":null,"id":"inv0"}}"""u8.ToArray();

        var read = Assert.IsType<InvoicePosted>(WrittenShapeReader.TryRead(bytes));

        Assert.Equal(
            new InvoicePosted(
                new EntryId("inv0"),
                "RE-K0000000-0",
                new LocalDate(2026, 7, 6),
                new LocalDate(2026, 7, 26),
                new Money(50m, Currency.EUR),
                [new Installment(new Money(15.00m, Currency.EUR), new LocalDate(2026, 7, 26), InstallmentKind.Prepayment), new Installment(new Money(35.00m, Currency.EUR), null, InstallmentKind.Remainder)]),
            read);
        Assert.Equal(2, read.Installments[0].Amount.Amount.Scale);
    }

    [Fact]
    public void TheWrittenNotice_IsReadByteByByte()
    {
        var bytes = """{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L20261119","letterDate":"2026-11-19","notices":[{"installment":{"item":"inv0","number":1},"level":3},{"installment":{"item":"inv6","number":2},"level":2}],"id":"L20261119/notice"}}"""u8.ToArray();

        var read = WrittenShapeReader.TryRead(bytes);

        Assert.Equal(
            new DunningNoticeIssued(
                new EntryId("L20261119/notice"),
                "L20261119",
                new LocalDate(2026, 11, 19),
                [new DunningNotice(new InstallmentRef(new EntryId("inv0"), 1), 3), new DunningNotice(new InstallmentRef(new EntryId("inv6"), 2), 2)]),
            read);
    }

    /// <summary>The text as an identifier takes it: trimmed, and a letter when nothing is left.</summary>
    private static string Identifier(string text) => text.Trim() is { Length: > 0 } trimmed ? trimmed : "x";

    private static (JournalEntry? Entry, string? Error) Read(Func<JournalEntry> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception ex)
        {
            return (null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static byte[] Mutate(byte[] bytes, int operation, int position, byte b)
    {
        var at = position % (bytes.Length + 1);
        var list = bytes.ToList();
        switch (operation)
        {
            case 0 when at < list.Count:
                list[at] = b;
                break;
            case 1:
                list.Insert(at, b);
                break;
            default:
                if (at < list.Count)
                {
                    list.RemoveAt(at);
                }

                break;
        }

        return [.. list];
    }
}
