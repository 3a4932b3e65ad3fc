using System.Text;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// D16.275: the notice documents are read byte by byte (<c>NoticeDocumentReader</c>) before the JSON readers. Every notice
/// this library writes with plain identifiers must be read so, exactly as the general path reads it; anything it reads,
/// from any text, must be what the general path reads; whatever it declines, <see cref="JournalJson.Deserialize(ReadOnlySpan{byte})"/>
/// still behaves as the general path.
/// </summary>
public sealed class NoticeDocumentReaderProperties
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

    /// <summary>Written documents with one byte replaced, inserted or removed, from the bytes the shape is made of.</summary>
    private static Gen<byte[]> Mutated() =>
        from entry in Notices(plainOnly: false)
        from operation in Gen.Choose(0, 2)
        from position in Gen.Choose(0, 400)
        from b in Gen.Elements("{}[]\":,0123456789-. \\eEa\u00e4".Select(c => (byte)c).Append((byte)0xC3).Append((byte)0x01).ToArray())
        select Mutate(JournalJson.SerializeToUtf8Bytes(entry), operation, position, b);

    [Property(MaxTest = 2_000)]
    public Property EveryNoticeWrittenWithPlainTexts_IsReadByteByByte_AsTheGeneralPathReadsIt() =>
        Prop.ForAll(Notices(plainOnly: true).ToArbitrary(), entry =>
        {
            var bytes = JournalJson.SerializeToUtf8Bytes(entry);
            var read = NoticeDocumentReader.TryRead(bytes);
            return (read is not null && read == entry && read == JournalJson.DeserializeDocument(bytes)).Label(Encoding.UTF8.GetString(bytes));
        });

    [Property(MaxTest = 2_000)]
    public Property AnyNoticeWritten_IsReadAsTheGeneralPathReadsIt_OrLeftToIt() =>
        Prop.ForAll(Notices(plainOnly: false).ToArbitrary(), entry =>
        {
            var bytes = JournalJson.SerializeToUtf8Bytes(entry);
            var read = NoticeDocumentReader.TryRead(bytes);
            return ((read is null || read == JournalJson.DeserializeDocument(bytes)) && JournalJson.Deserialize(bytes) == entry).Label(Encoding.UTF8.GetString(bytes));
        });

    [Property(MaxTest = 5_000)]
    public Property AnyChangedDocument_WhatTheByteReaderReads_TheGeneralPathReads_AndDeserializeBehavesAsTheGeneralPath() =>
        Prop.ForAll(Mutated().ToArbitrary(), bytes =>
        {
            var (general, generalError) = Read(() => JournalJson.DeserializeDocument(bytes));
            var (whole, wholeError) = Read(() => JournalJson.Deserialize(bytes));
            var read = NoticeDocumentReader.TryRead(bytes);
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
    public void DocumentNotOfTheWrittenShape_IsLeftToTheGeneralPath(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.Null(NoticeDocumentReader.TryRead(bytes));
        Assert.Equal(JournalJsonFastPathTests.Outcome(() => JournalJson.DeserializeDocument(bytes)), JournalJsonFastPathTests.Outcome(() => JournalJson.Deserialize(bytes)));
    }

    [Fact]
    public void TheWrittenShape_IsReadByteByByte()
    {
        var bytes = """{"format":2,"kind":"DunningNoticeIssued","entry":{"letterId":"L20261119","letterDate":"2026-11-19","notices":[{"installment":{"item":"inv0","number":1},"level":3},{"installment":{"item":"inv6","number":2},"level":2}],"id":"L20261119/notice"}}"""u8.ToArray();

        var read = NoticeDocumentReader.TryRead(bytes);

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
