using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class IdentifierTextTests
{
    [Theory]
    [InlineData("AB12", "AB12", false)]
    [InlineData("ab12", "AB12", true)]
    [InlineData("AB 12", "AB12", true)]
    [InlineData(" AB12", "AB12", true)]
    [InlineData("AB12\r\n", "AB12", true)]
    [InlineData("\u00A0AB12", "AB12", true)]
    public void Normalize_AcceptedText_GivesElectronicForm(string input, string expected, bool changed)
    {
        Span<char> buffer = stackalloc char[10];

        var status = IdentifierText.Normalize(input, buffer, out int length, out bool wasChanged, out int invalidAt);

        Assert.Equal(IdentifierTextStatus.Valid, status);
        Assert.Equal(expected, buffer[..length].ToString());
        Assert.Equal(changed, wasChanged);
        Assert.Equal(-1, invalidAt);
    }

    [Theory]
    [InlineData("AB  12", 3)]
    [InlineData("AB-12", 2)]
    [InlineData("AB\t12", 2)]
    [InlineData("AB\u00A012", 2)]
    [InlineData("ÄB12", 0)]
    [InlineData(" AB,12", 3)]
    public void Normalize_RefusedCharacter_GivesItsIndex(string input, int index)
    {
        var status = IdentifierText.Normalize(input, new char[10], out _, out _, out int invalidAt);

        Assert.Equal(IdentifierTextStatus.InvalidCharacter, status);
        Assert.Equal(index, invalidAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\n")]
    public void Normalize_NothingButWhiteSpace_Empty(string input)
    {
        Assert.Equal(IdentifierTextStatus.Empty, IdentifierText.Normalize(input, new char[4], out _, out _, out _));
    }

    [Fact]
    public void Normalize_LongerThanTheBuffer_CountsWithoutWriting()
    {
        var buffer = new char[4];

        var status = IdentifierText.Normalize("abcdef gh", buffer, out int length, out _, out _);

        Assert.Equal(IdentifierTextStatus.Valid, status);
        Assert.Equal(8, length);
        Assert.Equal("ABCD", new string(buffer));
    }

    [Theory]
    [InlineData('\t', "U+0009")]
    [InlineData('-', "'-'")]
    public void Describe_Character_IsVisible(char c, string expected)
    {
        Assert.Equal(expected, IdentifierText.Describe(c));
    }
}
