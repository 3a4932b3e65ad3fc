using System.Globalization;
using System.Text;
using Debitor.Core.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;

namespace Debitor.Core.Tests.Storage;

/// <summary>
/// D16.271: the database stores read a record's time from its bytes (<c>StoredRecord.TryReadTime</c>) instead of through
/// NodaTime's ISO pattern. Where the quick reading reads a time, it must be the pattern's; every time the stores write
/// must be read quickly; anything it declines is left to the pattern, which decides it.
/// </summary>
public sealed class StoredTimeProperties
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    /// <summary>Instants from year 1 to 9999, with whole seconds, milliseconds or any nanosecond.</summary>
    private static Arbitrary<Instant> Instants() =>
        (from days in Gen.Choose(0, 3_652_058)
         from seconds in Gen.Choose(0, 86_399)
         from precision in Gen.Elements(0L, 1_000_000L, 1L)
         from fraction in Gen.Choose(0, 999_999_999)
         select Instant.FromUtc(1, 1, 1, 0, 0).Plus(Duration.FromDays(days) + Duration.FromSeconds(seconds) + Duration.FromNanoseconds(precision == 0 ? 0 : fraction / precision * precision)))
        .ToArbitrary();

    /// <summary>Texts of the written shape with every field out of range now and then, and fractions of 0 to 10 digits.</summary>
    private static Arbitrary<string> Shaped() =>
        (from year in Gen.Choose(0, 9999)
         from month in Gen.Choose(0, 13)
         from day in Gen.Choose(0, 32)
         from hour in Gen.Choose(0, 25)
         from minute in Gen.Choose(0, 61)
         from second in Gen.Choose(0, 61)
         from digits in Gen.Choose(-1, 10)
         from fraction in Gen.Choose(0, 999_999_999)
         from separator in Gen.Elements('.', ',')
         select string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}")
            + (digits < 0 ? string.Empty : separator + fraction.ToString("000000000", CultureInfo.InvariantCulture).PadRight(10, '7')[..digits])
            + "Z")
        .ToArbitrary();

    /// <summary>Written times with one character replaced, inserted or removed.</summary>
    private static Arbitrary<string> Mutated() =>
        (from instant in Instants().Generator
         from operation in Gen.Choose(0, 2)
         from at in Gen.Choose(0, 40)
         from c in Gen.Elements("0123456789-T:.,Z+ tz\u0660".ToCharArray())
         select Mutate(Pattern.Format(instant), operation, at, c))
        .ToArbitrary();

    [Property(MaxTest = 2_000)]
    public Property EveryWrittenTime_IsReadQuickly_AsTheInstantWritten() =>
        Prop.ForAll(Instants(), instant =>
        {
            var text = Pattern.Format(instant);
            return StoredRecord.TryReadTime(text.AsSpan(), out var fromChars) && fromChars == instant
                && StoredRecord.TryReadTime<byte>(Encoding.UTF8.GetBytes(text), out var fromBytes) && fromBytes == instant;
        });

    [Property(MaxTest = 5_000)]
    public Property TextsOfTheWrittenShape_AreReadAsThePatternReadsThem() =>
        Prop.ForAll(Shaped(), text => Agrees(text, mustReadQuickly: text[..4] != "0000" && text.Length <= 30 && !text.Contains(',', StringComparison.Ordinal)));

    [Property(MaxTest = 5_000)]
    public Property AnyTextTheQuickReadingReads_ThePatternReadsTheSame() =>
        Prop.ForAll(Mutated(), text => Agrees(text, mustReadQuickly: false));

    [Theory]
    [InlineData("2026-02-29T00:00:00Z")]
    [InlineData("2026-11-23T24:00:00Z")]
    [InlineData("2026-11-23T08:00:00.Z")]
    [InlineData("2026-11-23T08:00:00.1234567890Z")]
    [InlineData("2026-11-23T08:00:00,5Z")]
    [InlineData("2026-11-23T08:00:00+01:00")]
    [InlineData("2026-11-23 08:00:00Z")]
    [InlineData("")]
    public void TextsOutsideTheWrittenShape_AreLeftToThePattern(string text) =>
        Assert.False(StoredRecord.TryReadTime(text.AsSpan(), out _));

    private static bool Agrees(string text, bool mustReadQuickly)
    {
        var pattern = Pattern.Parse(text);
        var quick = StoredRecord.TryReadTime(text.AsSpan(), out var read);
        var quickBytes = StoredRecord.TryReadTime<byte>(Encoding.UTF8.GetBytes(text), out var readBytes);
        var agrees = quick == quickBytes && (!quick || (pattern.Success && read == pattern.Value && readBytes == pattern.Value));
        return agrees && (!mustReadQuickly || quick == pattern.Success);
    }

    private static string Mutate(string text, int operation, int at, char c)
    {
        var i = at % (text.Length + 1);
        return operation switch
        {
            0 when i < text.Length => string.Concat(text.AsSpan(0, i), c.ToString(), text.AsSpan(i + 1)),
            1 => text.Insert(i, c.ToString()),
            _ when i < text.Length => text.Remove(i, 1),
            _ => text + c,
        };
    }
}
