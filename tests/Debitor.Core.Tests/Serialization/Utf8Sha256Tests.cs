using System.Security.Cryptography;
using System.Text;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

/// <summary>The hash of a builder's chunks (D16.203) is the hash of its text's UTF-8 bytes, however the text is split.</summary>
public sealed class Utf8Sha256Tests
{
    [Property(MaxTest = 300)]
    public Property Of_AnyTextInAnyPieces_IsTheHashOfTheWholeStringsUtf8Bytes() =>
        Prop.ForAll(
            Gen.ListOf(Gen.OneOf(ArbMap.Default.GeneratorFor<string>(), Gen.Elements("ä", "€", "\U0001F600", "\uD83D", "\uDE00", "Müller & Söhne")).Select(s => s ?? string.Empty)).ToArbitrary(),
            pieces =>
            {
                // Small chunks: every piece appended on its own, so chunk boundaries fall inside surrogate pairs too.
                var builder = new StringBuilder(1);
                foreach (var piece in pieces)
                {
                    builder.Append(piece);
                }

                var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
                return Utf8Sha256.Of(builder) == expected;
            });

    [Fact]
    public void Of_TextInSeveralChunksEndingInASurrogatePair_IsTheHashOfTheWholeString()
    {
        var builder = new StringBuilder(1).Append('a', 15).Append("\U0001F600");
        var chunks = 0;
        foreach (var _ in builder.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 1);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(new string('a', 15) + "\U0001F600"))), Utf8Sha256.Of(builder));
    }
}
