using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class Iso7064Tests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("97", 0)]
    [InlineData("98", 1)]
    [InlineData("A", 10)]
    [InlineData("Z", 35)]
    [InlineData("3214282912345698765432161182", 1)]
    [InlineData("370400440532013000131489", 1)]
    public void Mod97_Text_IsTheRemainderOfTheDigitExpansion(string text, int expected)
    {
        Assert.Equal(expected, Iso7064.Mod97(0, text));
    }

    [Fact]
    public void Mod97_InPieces_EqualsInOneGo()
    {
        const string text = "370400440532013000DE89";

        Assert.Equal(Iso7064.Mod97(0, text), Iso7064.Mod97(Iso7064.Mod97(0, text.AsSpan(0, 7)), text.AsSpan(7)));
    }

    [Fact]
    public void CheckDigits97_GermanRegistryExample_Is89()
    {
        Assert.Equal(89, Iso7064.CheckDigits97(Iso7064.Mod97(0, "370400440532013000DE00")));
    }

    [Theory]
    [InlineData("13669597", 6)]
    [InlineData("3339200596", 1)]
    public void ComputeMod11Of10_KnownNumbers_GivesTheirCheckDigit(string digits, int expected)
    {
        Assert.Equal(expected, Iso7064.ComputeMod11Of10(digits));
        Assert.True(Iso7064.IsValidMod11Of10(digits + expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("6")]
    public void IsValidMod11Of10_TooShort_False(string digits)
    {
        Assert.False(Iso7064.IsValidMod11Of10(digits));
    }
}
