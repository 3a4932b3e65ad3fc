using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class SepaCreditorIdTests
{
    private const string GermanExample = "DE98ZZZ09999999999";

    [Fact]
    public void Parse_GermanExample_ExposesItsParts()
    {
        var id = SepaCreditorId.Parse(GermanExample);

        Assert.Equal(GermanExample, id.ToString());
        Assert.Equal("DE", id.CountryCode);
        Assert.Equal("98", id.CheckDigits);
        Assert.Equal("ZZZ", id.BusinessCode);
        Assert.Equal("09999999999", id.NationalIdentifier);
    }

    [Theory]
    [InlineData("de98zzz09999999999")]
    [InlineData("DE98 ZZZ 0999 9999 999")]
    [InlineData("\tDE98ZZZ09999999999 ")]
    public void Parse_LowerCaseSpacesOrSurroundingWhiteSpace_GivesElectronicFormat(string text)
    {
        Assert.Equal(GermanExample, SepaCreditorId.Parse(text).ToString());
    }

    [Theory]
    [InlineData("DE98ABC09999999999")]
    [InlineData("DE9800109999999999")]
    public void Parse_BusinessCodeChanged_StillValid(string text)
    {
        Assert.True(SepaCreditorId.TryParse(text, out var id));
        Assert.True(id.IsSameCreditorAs(SepaCreditorId.Parse(GermanExample)));
        Assert.NotEqual(SepaCreditorId.Parse(GermanExample), id);
    }

    [Theory]
    [InlineData("DE98ZZZ09999999998", "check digits")]
    [InlineData("DE98ZZZ19999999999", "check digits")]
    [InlineData("DE97ZZZ09999999999", "check digits")]
    [InlineData("DE89ZZZ09999999999", "check digits")]
    [InlineData("DEXXZZZ09999999999", "check digits")]
    [InlineData("DE98ZZZ0999999999", "length")]
    [InlineData("DE98ZZZ099999999999", "length")]
    [InlineData("QQ98ZZZ09999999999", "unknown country")]
    [InlineData("9E98ZZZ09999999999", "country code")]
    [InlineData("DE98-ZZZ-09999999999", "character")]
    [InlineData("  ", "empty")]
    public void Parse_InvalidId_ThrowsFormatExceptionNamingTheReason(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => SepaCreditorId.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.False(SepaCreditorId.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Theory]
    [InlineData("AT", 18, 18)]
    [InlineData("BE", 17, 20)]
    [InlineData("DE", 18, 18)]
    [InlineData("ES", 16, 16)]
    [InlineData("FR", 13, 13)]
    [InlineData("IT", 23, 23)]
    [InlineData("NL", 19, 19)]
    [InlineData("PT", 0, 0)]
    public void NationalLengths_Country_AreTheKnownLengths(string country, int shortForm, int longForm)
    {
        Assert.Equal((shortForm, longForm), SepaCreditorId.NationalLengths(country[0], country[1]));
    }

    [Theory]
    [InlineData("BE12ZZZ0456810810")]
    [InlineData("BE57ZZZ0873268927")]
    [InlineData("BE12 001 0456810810")]
    public void Parse_BelgianEnterpriseNumberForm17Characters_IsAccepted(string text)
    {
        var id = SepaCreditorId.Parse(text);

        Assert.Equal(17, id.ToString().Length);
        Assert.StartsWith("BE", id.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BelgianWrongLength_NamesBothForms()
    {
        var exception = Assert.Throws<FormatException>(() => SepaCreditorId.Parse("BE12ZZZ04568108101"));

        Assert.Contains("17 or 20", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AT", "ZZZ", "00000000001")]
    [InlineData("NL", "ZZZ", "123456780001")]
    [InlineData("ES", "ZZZ", "B12345678")]
    [InlineData("FR", "ZZZ", "123456")]
    [InlineData("BE", "ZZZ", "0123456789A01")]
    [InlineData("IT", "ZZZ", "RSSMRA80A01H501U")]
    [InlineData("PT", "ZZZ", "123456")]
    [InlineData("LU", "ZZZ", "0000000000123456789")]
    public void Parse_ComputedCheckDigits_Valid(string country, string businessCode, string national)
    {
        var text = WithCheckDigits(country, businessCode, national);

        var id = SepaCreditorId.Parse(text);

        Assert.Equal(national, id.NationalIdentifier);
    }

    [Fact]
    public void Parse_LongerThan35_ThrowsLength()
    {
        var text = WithCheckDigits("PT", "ZZZ", new string('1', 29));

        var exception = Assert.Throws<FormatException>(() => SepaCreditorId.Parse(text));

        Assert.Contains("length", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => SepaCreditorId.Parse(null!));
        Assert.False(SepaCreditorId.TryParse(null, out _));
    }

    [Fact]
    public void Equals_SameIdDifferentSpelling_AreEqual()
    {
        var a = SepaCreditorId.Parse(GermanExample);
        var b = SepaCreditorId.Parse("de98 zzz 0999 9999 999", null);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(SepaCreditorId.TryParse(GermanExample, null, out _));
    }

    [Fact]
    public void IsSameCreditorAs_DifferentNationalIdentifier_False()
    {
        var other = SepaCreditorId.Parse(WithCheckDigits("DE", "ZZZ", "01234567890"));

        Assert.False(SepaCreditorId.Parse(GermanExample).IsSameCreditorAs(other));
        Assert.False(SepaCreditorId.Parse(GermanExample).IsSameCreditorAs(default));
    }

    [Fact]
    public void Default_IsEmptyEverywhere()
    {
        var id = default(SepaCreditorId);

        Assert.Equal(string.Empty, id.ToString());
        Assert.Equal(string.Empty, id.CountryCode);
        Assert.Equal(string.Empty, id.CheckDigits);
        Assert.Equal(string.Empty, id.BusinessCode);
        Assert.Equal(string.Empty, id.NationalIdentifier);
        Assert.True(id.IsSameCreditorAs(default));
    }

    private static string WithCheckDigits(string country, string businessCode, string national)
    {
        int remainder = Iso7064.Mod97(Iso7064.Mod97(Iso7064.Mod97(0, national), country), "00");
        return $"{country}{Iso7064.CheckDigits97(remainder):00}{businessCode}{national}";
    }
}
