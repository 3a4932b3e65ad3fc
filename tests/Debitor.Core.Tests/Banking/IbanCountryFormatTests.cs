using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class IbanCountryFormatTests
{
    [Fact]
    public void ClassAt_FrenchStructure_FollowsTheRuns()
    {
        var format = new IbanCountryFormat("FR", 27, "5n5n11c2n");

        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(IbanCountryFormat.Digit, format.ClassAt(i)));
        Assert.All(Enumerable.Range(10, 11), i => Assert.Equal(IbanCountryFormat.Alphanumeric, format.ClassAt(i)));
        Assert.All(Enumerable.Range(21, 2), i => Assert.Equal(IbanCountryFormat.Digit, format.ClassAt(i)));
    }

    [Fact]
    public void ClassAt_LongestBban_FitsTheCompactForm()
    {
        var format = new IbanCountryFormat("XX", 34, "29n1a");

        Assert.Equal(IbanCountryFormat.Digit, format.ClassAt(28));
        Assert.Equal(IbanCountryFormat.Letter, format.ClassAt(29));
    }

    [Theory]
    [InlineData("NWBK60161331926819", -1)]
    [InlineData("NWB160161331926819", 3)]
    [InlineData("NWBK6016133192681X", 17)]
    [InlineData("nWBK60161331926819", 0)]
    public void FindMismatch_Bban_GivesTheFirstMisfit(string bban, int expected)
    {
        var format = new IbanCountryFormat("GB", 22, "4a6n8n");

        Assert.Equal(expected, format.FindMismatch(bban));
    }

    [Fact]
    public void FindMismatch_FittingBban_GivesItsMod97Remainder()
    {
        var format = new IbanCountryFormat("MT", 31, "4a5n18c");
        const string bban = "MALT011000012345MTLCAST001S";

        Assert.Equal(-1, format.FindMismatch(bban, out int remainder));
        Assert.Equal(Iso7064.Mod97(0, bban), remainder);
    }

    [Theory]
    [InlineData("DE", 22, "8n9n")]
    [InlineData("DE", 22, "8n11n")]
    [InlineData("DE", 22, "8x10n")]
    [InlineData("DE", 22, "n18n")]
    [InlineData("DE", 22, "8n10")]
    [InlineData("D1", 22, "8n10n")]
    [InlineData("DE", 35, "31n")]
    public void Constructor_InconsistentEntry_Throws(string code, int length, string structure)
    {
        Assert.ThrowsAny<ArgumentException>(() => new IbanCountryFormat(code, length, structure));
    }
}
